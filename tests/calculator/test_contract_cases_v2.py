"""Independent clinical cases for the on-treatment, renal, hypercalcaemia and prior-therapy contract
(issue 10, with the output shapes of docs/architecture.md).

Written by a second reviewer from the issue text, facts.md and facts-addendum.md, not from the
engine's code. Each file in ``contract_cases_v2/`` is ``{"title", "why", "patient", "expect"}``,
optionally ``"partial": true`` (``assess(patient, partial=True)``). The expectation keys are those
of ``CHECKS`` plus ``agent.<code>.<field>`` and ``all_agents.<field>`` (``<list>_include`` /
``<list>_exclude`` for blockers, cautions and pending_on). Every valid case is also held to the
invariants in ``check_invariants``; the short chart note of every valid case must fit the chart.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from calculator import ValidationError, assess, render_note, render_text

CASES_DIR = Path(__file__).parent / "contract_cases_v2"
CASE_FILES = sorted(CASES_DIR.glob("*.json"))
AGENTS = ("denosumab", "zoledronic_acid", "pamidronate", "ibandronate", "clodronate")
STATUSES = ("eligible", "blocked", "pending")
SECTIONS = ("derived", "systemic_therapy", "bone_agent", "monitoring", "hypercalcemia")
LANGS = ("en", "zh")
UMOL_PER_MG_DL = Decimal("88.4")  # facts.md 6.3
MMOL_PER_MG_DL_CALCIUM = Decimal("4.008")  # facts.md 6.3


class CaseFailure(AssertionError):
    pass


def _require(condition: bool, what: str, expected: Any, actual: Any) -> None:
    if not condition:
        raise CaseFailure(f"{what}: expected {expected!r}, actual {actual!r}")


def _agent(assessment: dict, code: str) -> dict:
    found = [agent for agent in assessment["bone_agent"]["agents"] if agent["agent"] == code]
    _require(len(found) == 1, f"agent {code} listed once", 1, len(found))
    return found[0]


def _check_field(what: str, holder: dict, field: str, expected: Any) -> None:
    if field.endswith(("_include", "_exclude")):
        name, mode = field.rsplit("_", 1)
        actual = holder[name]
        wrong = [item for item in expected if (item in actual) != (mode == "include")]
        _require(not wrong, f"{what}.{name} should {mode} {wrong}", expected, actual)
    else:
        _require(holder[field] == expected, f"{what}.{field}", expected, holder[field])


def _warning_matches(pattern: dict, warning: dict) -> bool:
    return all(warning.get(key) == wanted for key, wanted in pattern.items())


def _check_warnings(assessment: dict, patterns: list[dict], present: bool) -> None:
    for pattern in patterns:
        found = any(_warning_matches(pattern, warning) for warning in assessment["warnings"])
        shown = [(warning["code"], warning["severity"]) for warning in assessment["warnings"]]
        _require(found == present, f"warning {pattern} present", present, shown)


def _mentions(what: str, texts: dict[str, str], wanted: dict[str, list[str]], present: bool) -> None:
    for lang, needles in wanted.items():
        wrong = [needle for needle in needles if (needle in texts[lang]) != present]
        _require(
            not wrong, f"{what} ({lang}) {'mentions' if present else 'avoids'} {wrong}", needles, texts[lang]
        )


def _options(assessment: dict) -> list[dict]:
    return assessment["systemic_therapy"]["options"]


def _option_names(assessment: dict) -> dict[str, str]:
    return {lang: " | ".join(option["name"][lang] for option in _options(assessment)) for lang in LANGS}


def _step_texts(assessment: dict) -> dict[str, str]:
    steps = assessment["hypercalcemia"]["steps"]
    return {lang: " | ".join(step["text"][lang] for step in steps) for lang in LANGS}


def _all_text(assessment: dict) -> dict[str, str]:
    """Everything a doctor can read: the full report, the short note and the JSON output."""
    dumped = json.dumps(assessment, ensure_ascii=False)
    return {lang: render_text(assessment, lang) + render_note(assessment, lang) + dumped for lang in LANGS}


def _note_lines(assessment: dict, lang: str) -> list[str]:
    return [line for line in render_note(assessment, lang).splitlines() if line.strip()]


def _check_section_pending(assessment: dict, expected: dict[str, list[str]]) -> None:
    for section, paths in expected.items():
        _require(assessment[section] is None, f"{section} is pending (None)", None, assessment[section])
        listed = assessment["pending"].get(section, [])
        missing = [path for path in paths if path not in listed]
        _require(not missing, f"pending[{section}] should name {missing}", paths, listed)


def _check_note(assessment: dict, bounds: list[int]) -> None:
    low, high = bounds
    for lang in LANGS:
        count = len(_note_lines(assessment, lang))
        _require(low <= count <= high, f"short note lines ({lang})", bounds, count)


CHECKS: dict[str, Callable[[dict, Any], None]] = {
    "crcl_ml_min": lambda a, v: _require(
        a["derived"]["crcl_ml_min"] == v, "crcl", v, a["derived"]["crcl_ml_min"]
    ),
    "corrected_calcium_mmol_l": lambda a, v: _require(
        a["derived"]["corrected_calcium_mmol_l"] == v,
        "corrected calcium",
        v,
        a["derived"]["corrected_calcium_mmol_l"],
    ),
    "preferred_agents": lambda a, v: _require(
        sorted(x["agent"] for x in a["bone_agent"]["agents"] if x["preferred"]) == sorted(v),
        "preferred agents",
        v,
        [x["agent"] for x in a["bone_agent"]["agents"] if x["preferred"]],
    ),
    "bone_agent.indicated": lambda a, v: _check_field("bone_agent", a["bone_agent"], "indicated", v),
    "bone_agent.reasons_include": lambda a, v: _check_field(
        "bone_agent", a["bone_agent"], "reasons_include", v
    ),
    "before_starting_exclude": lambda a, v: _check_field(
        "bone_agent", a["bone_agent"], "before_starting_exclude", v
    ),
    "systemic.category": lambda a, v: _check_field("systemic", a["systemic_therapy"], "category", v),
    "systemic.options_include": lambda a, v: _require(
        all(code in [o["code"] for o in _options(a)] for code in v),
        "options include",
        v,
        [o["code"] for o in _options(a)],
    ),
    "systemic.options_exclude": lambda a, v: _require(
        not any(code in [o["code"] for o in _options(a)] for code in v),
        "options exclude",
        v,
        [o["code"] for o in _options(a)],
    ),
    "systemic.option_names_include": lambda a, v: _mentions("option names", _option_names(a), v, True),
    "systemic.option_names_exclude": lambda a, v: _mentions("option names", _option_names(a), v, False),
    "hypercalcemia.present": lambda a, v: _check_field("hypercalcemia", a["hypercalcemia"], "present", v),
    "hypercalcemia.ctcae_grade": lambda a, v: _check_field(
        "hypercalcemia", a["hypercalcemia"], "ctcae_grade", v
    ),
    "hypercalcemia.severity": lambda a, v: _check_field("hypercalcemia", a["hypercalcemia"], "severity", v),
    "hypercalcemia.steps_nonempty": lambda a, v: _require(
        bool(a["hypercalcemia"]["steps"]) == v, "hypercalcemia steps", v, a["hypercalcemia"]["steps"]
    ),
    "hypercalcemia.steps_mention": lambda a, v: _mentions("hypercalcaemia steps", _step_texts(a), v, True),
    "warnings_include": lambda a, v: _check_warnings(a, v, present=True),
    "warnings_exclude": lambda a, v: _check_warnings(a, v, present=False),
    "section_present": lambda a, v: _require(
        all(a[s] is not None for s in v), "sections computed", v, a["pending"]
    ),
    "section_pending": _check_section_pending,
    "pending_empty": lambda a, v: _require((a["pending"] == {}) == v, "nothing pending", v, a["pending"]),
    "summary_excludes": lambda a, v: _mentions("summary", a["summary"], v, False),
    "text_mentions": lambda a, v: _mentions("report, note or output", _all_text(a), v, True),
    "note_lines_between": _check_note,
    "note_mentions": lambda a, v: _mentions(
        "short note", {lang: render_note(a, lang) for lang in LANGS}, v, True
    ),
}


def check_expectation(assessment: dict, key: str, expected: Any) -> None:
    if key in CHECKS:
        CHECKS[key](assessment, expected)
        return
    group, field = key.split(".", 1)
    if group == "agent":
        code, field = field.split(".", 1)
        _check_field(code, _agent(assessment, code), field, expected)
    elif group == "all_agents":
        for code in AGENTS:
            _check_field(code, _agent(assessment, code), field, expected)
    else:
        raise KeyError(f"unknown expectation key {key!r}")


def _creatinine_mg_dl(patient: dict) -> Decimal | None:
    lab = patient.get("labs", {}).get("creatinine")
    if lab is None:
        return None
    value = Decimal(str(lab["value"]))
    return value / UMOL_PER_MG_DL if lab["unit"] == "umol/L" else value


def _check_agent_statuses(assessment: dict) -> None:
    bone = assessment["bone_agent"]
    for agent in bone["agents"]:
        name = agent["agent"]
        _require(agent["status"] in STATUSES, f"{name}.status", STATUSES, agent["status"])
        _require(
            agent["eligible"] == (agent["status"] == "eligible"),
            f"{name}: eligible iff status eligible",
            agent["status"] == "eligible",
            agent["eligible"],
        )
        _require(
            (agent["status"] == "blocked") == bool(agent["blockers"]),
            f"{name}: blocked iff blockers",
            bool(agent["blockers"]),
            agent["status"],
        )
        _require(
            (agent["status"] == "pending") == bool(agent["pending_on"]),
            f"{name}: pending iff pending_on",
            agent["status"] == "pending",
            agent["pending_on"],
        )
        if agent["preferred"]:
            _require(
                bone["indicated"] and agent["eligible"],
                f"{name}: preferred only when indicated and eligible",
                True,
                (bone["indicated"], agent["status"]),
            )


def _check_creatinine_cap(assessment: dict, patient: dict) -> None:
    creatinine = _creatinine_mg_dl(patient)
    if creatinine is None or assessment["bone_agent"] is None:
        return
    for code in ("zoledronic_acid", "pamidronate"):
        capped = "creatinine_above_3_mg_dl" in _agent(assessment, code)["blockers"]
        _require(
            capped == (creatinine > 3),
            f"{code}: creatinine cap at {creatinine:.3f} mg/dL",
            creatinine > 3,
            capped,
        )


def _check_hcm_block(assessment: dict) -> None:
    if assessment["derived"] is None or assessment["derived"].get("corrected_calcium_mmol_l") is None:
        return
    calcium = assessment["derived"]["corrected_calcium_mmol_l"]
    blocked = any(
        w["code"] == "hypercalcemia_of_malignancy" and w["severity"] == "block"
        for w in assessment["warnings"]
    )
    _require(blocked == (calcium >= 3.0), f"HCM block at corrected Ca {calcium}", calcium >= 3.0, blocked)


def check_invariants(assessment: dict, patient: dict, partial: bool) -> None:
    for lang in LANGS:
        _require(
            bool(assessment["summary"][lang].strip()), f"summary ({lang})", "non-empty", assessment["summary"]
        )
    for key in ("rules_version", "app_version", "content_version"):
        _require(
            isinstance(assessment[key], str) and bool(assessment[key]),
            key,
            "non-empty string",
            assessment[key],
        )
    _require(isinstance(assessment["pending"], dict), "pending is a dict", "dict", assessment["pending"])
    for section in SECTIONS:
        is_pending = assessment[section] is None
        _require(
            is_pending == (section in assessment["pending"]),
            f"{section}: None iff listed in pending",
            section in assessment["pending"],
            is_pending,
        )
    if not partial:  # every required input is there; only the calcium-dependent block may wait for calcium
        waiting = set(assessment["pending"]) - {"hypercalcemia"}
        _require(
            not waiting, "strict assessment: only hypercalcemia may be pending", set(), assessment["pending"]
        )
    hypercalcemia = assessment["hypercalcemia"]
    if hypercalcemia is not None:
        _require(
            {"present", "ctcae_grade", "severity", "steps"} <= set(hypercalcemia),
            "hypercalcemia keys",
            "present, ctcae_grade, severity, steps",
            sorted(hypercalcemia),
        )
    if assessment["bone_agent"] is not None:
        _check_agent_statuses(assessment)
        _check_creatinine_cap(assessment, patient)
    _check_hcm_block(assessment)
    if not partial:
        _check_note(assessment, [5, 10])


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case_file", CASE_FILES, ids=lambda path: path.stem)
def test_contract_case_v2(case_file: Path) -> None:
    case = _load(case_file)
    patient, expect, partial = case["patient"], dict(case["expect"]), case.get("partial", False)
    error_fields = expect.pop("error_fields_include", None)
    try:
        if error_fields is not None:
            with pytest.raises(ValidationError) as raised:
                assess(patient, partial=partial)
            named = [problem.field for problem in raised.value.problems]
            for wanted in error_fields:
                options = wanted if isinstance(wanted, list) else [wanted]
                _require(any(field in named for field in options), "problem fields", options, named)
            return
        assessment = assess(patient, partial=partial)
        check_invariants(assessment, patient, partial)
        for key, expected in expect.items():
            check_expectation(assessment, key, expected)
    except CaseFailure as failure:
        pytest.fail(f"{case['title']}\nwhy: {case['why']}\n{failure}", pytrace=False)


def test_there_are_at_least_forty_cases() -> None:
    assert len(CASE_FILES) >= 40
