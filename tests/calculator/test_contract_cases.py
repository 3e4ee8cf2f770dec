"""Independent clinical cases run against the issue-2 assessment contract.

Each file in ``contract_cases/`` is one patient written from the contract and
``shared/clinical/facts.md`` (not from the engine's code):
``{"title", "why", "patient", "expect"}`` and optionally ``"same_as_patient"`` (the same
patient in the other unit system, which must reach the same decisions).

``expect`` is a small declarative dict; the keys understood are listed in ``CHECKS`` below, plus
``agent.<code>.<field>``, ``all_agents.<field>`` and ``bisphosphonates.<field>`` (``<list>_include`` /
``<list>_exclude`` for blockers and cautions), and ``error_fields_include`` for invalid input (an entry
that is a list accepts any of its dotted paths). Every valid case is also checked against the
contract's invariants (``check_invariants``): CrCl and corrected calcium recomputed here from
facts.md 6.1-6.3, the dose bands and blocks applied to the shown CrCl, the hypocalcaemia block applied
to the shown calcium, denosumab preference, indication, all five agents listed.
A failing case prints its title, its reasoning and expected vs actual.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from calculator import ValidationError, assess, text_for

from .contract_vocabulary import CONTRACT as VOCABULARY

CASES_DIR = Path(__file__).parent / "contract_cases"
CASE_FILES = sorted(CASES_DIR.glob("*.json"))
AGENTS = ("denosumab", "zoledronic_acid", "pamidronate", "ibandronate", "clodronate")
BISPHOSPHONATES = AGENTS[1:]
CRCL_TOLERANCE = 0.001  # CrCl is compared after the engine's one-decimal rounding
CALCIUM_TOLERANCE = 0.006  # the engine may round corrected calcium to two decimals


class CaseFailure(AssertionError):
    pass


def _decode_special_numbers(value: Any) -> Any:
    """JSON has no NaN/Infinity: ``{"$float": "nan"}`` stands for float('nan')."""
    if isinstance(value, dict):
        if set(value) == {"$float"}:
            return float(value["$float"])
        return {key: _decode_special_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_decode_special_numbers(item) for item in value]
    return value


def _agent(assessment: dict, code: str) -> dict:
    matches = [a for a in assessment["bone_agent"]["agents"] if a["agent"] == code]
    if len(matches) != 1:
        raise CaseFailure(f"agent {code!r} listed {len(matches)} times")
    return matches[0]


def _require(condition: bool, what: str, expected: Any, actual: Any) -> None:
    if not condition:
        raise CaseFailure(f"{what}: expected {expected!r}, actual {actual!r}")


def _check_includes(what: str, expected: list, actual: list) -> None:
    missing = [item for item in expected if item not in actual]
    _require(not missing, f"{what} should include {missing}", expected, actual)


def _check_excludes(what: str, forbidden: list, actual: list) -> None:
    present = [item for item in forbidden if item in actual]
    _require(not present, f"{what} should not include {present}", [], actual)


def _warning_matches(pattern: dict, warning: dict) -> bool:
    for key, wanted in pattern.items():
        if key == "code_contains":
            if wanted not in warning.get("code", ""):
                return False
        elif warning.get(key) != wanted:
            return False
    return True


def _check_agent_field(assessment: dict, agents: tuple[str, ...], field: str, expected: Any) -> None:
    for code in agents:
        agent = _agent(assessment, code)
        if field.endswith(("_include", "_exclude")):
            list_name, mode = field.rsplit("_", 1)
            checker = _check_includes if mode == "include" else _check_excludes
            checker(f"{code}.{list_name}", expected, agent[list_name])
        else:
            _require(agent[field] == expected, f"{code}.{field}", expected, agent[field])


def _check_warnings(assessment: dict, patterns: list, present: bool) -> None:
    warnings = assessment["warnings"]
    for pattern in patterns:
        found = any(_warning_matches(pattern, w) for w in warnings)
        label = "warnings should include" if present else "warnings should not include"
        _require(
            found == present, f"{label} {pattern}", pattern, [(w["code"], w["severity"]) for w in warnings]
        )


def _check_monitoring(assessment: dict, expected: list) -> None:
    for wanted in expected:
        hits = [
            m
            for m in assessment["monitoring"]
            if m["item"] == wanted["item"]
            and m["timing"] == wanted["timing"]
            and all(a in m["agents"] for a in wanted.get("agents_include", []))
        ]
        _require(bool(hits), "monitoring should include", wanted, assessment["monitoring"])


def _check_number(what: str, expected: float | None, actual: float | None, tolerance: float) -> None:
    if expected is None or actual is None:
        _require(expected is actual, what, expected, actual)
    else:
        _require(abs(actual - expected) <= tolerance, what, expected, actual)


def _check_working(working: dict, numbers: list[str]) -> None:
    for lang in ("en", "zh"):
        missing = [number for number in numbers if number not in working[lang]]
        _require(not missing, f"derived.working.{lang} should show {missing}", numbers, working[lang])


def _option_codes(assessment: dict) -> list[str]:
    return [option["code"] for option in assessment["systemic_therapy"]["options"]]


CHECKS: dict[str, Callable[[dict, Any], None]] = {
    "crcl_ml_min": lambda a, v: _check_number(
        "derived.crcl_ml_min", v, a["derived"]["crcl_ml_min"], CRCL_TOLERANCE
    ),
    "corrected_calcium_mmol_l": lambda a, v: _check_number(
        "derived.corrected_calcium_mmol_l", v, a["derived"]["corrected_calcium_mmol_l"], CALCIUM_TOLERANCE
    ),
    "preferred_agents": lambda a, v: _require(
        sorted(x["agent"] for x in a["bone_agent"]["agents"] if x["preferred"]) == sorted(v),
        "preferred agents",
        sorted(v),
        [x["agent"] for x in a["bone_agent"]["agents"] if x["preferred"]],
    ),
    "bone_agent.indicated": lambda a, v: _require(
        a["bone_agent"]["indicated"] is v, "bone_agent.indicated", v, a["bone_agent"]["indicated"]
    ),
    "bone_agent.reasons_include": lambda a, v: _check_includes(
        "bone_agent.reasons", v, a["bone_agent"]["reasons"]
    ),
    "bone_agent.reasons_exclude": lambda a, v: _check_excludes(
        "bone_agent.reasons", v, a["bone_agent"]["reasons"]
    ),
    "before_starting_include": lambda a, v: _check_includes(
        "before_starting", v, a["bone_agent"]["before_starting"]
    ),
    "before_starting_exclude": lambda a, v: _check_excludes(
        "before_starting", v, a["bone_agent"]["before_starting"]
    ),
    "systemic.category": lambda a, v: _require(
        a["systemic_therapy"]["category"] == v, "systemic.category", v, a["systemic_therapy"]["category"]
    ),
    "systemic.first_option": lambda a, v: _require(
        _option_codes(a)[:1] == [v], "systemic first option", v, _option_codes(a)
    ),
    "systemic.options_include": lambda a, v: _check_includes("systemic options", v, _option_codes(a)),
    "systemic.options_exclude": lambda a, v: _check_excludes("systemic options", v, _option_codes(a)),
    "warnings_include": lambda a, v: _check_warnings(a, v, present=True),
    "warnings_exclude": lambda a, v: _check_warnings(a, v, present=False),
    "monitoring_include": _check_monitoring,
    "working_mentions": lambda a, v: _check_working(a["derived"]["working"], v),
}

AGENT_GROUPS = {"all_agents": AGENTS, "bisphosphonates": BISPHOSPHONATES}


def check_expectation(assessment: dict, key: str, expected: Any) -> None:
    if key in CHECKS:
        CHECKS[key](assessment, expected)
        return
    group, field = key.split(".", 1)
    if group == "agent":
        code, field = field.split(".", 1)
        _check_agent_field(assessment, (code,), field, expected)
    elif group in AGENT_GROUPS:
        _check_agent_field(assessment, AGENT_GROUPS[group], field, expected)
    else:
        raise KeyError(f"unknown expectation key {key!r}")


def _raw_crcl(patient: dict) -> float:
    """Cockcroft-Gault recomputed here from facts.md 6.1/6.3, independent of the engine."""
    creatinine = patient["labs"]["creatinine"]
    scr_mg_dl = creatinine["value"] / 88.4 if creatinine["unit"] == "umol/L" else creatinine["value"]
    crcl = (140 - patient["age_years"]) * patient["weight_kg"] / (72 * scr_mg_dl)
    return crcl * 0.85 if patient["sex"] == "female" else crcl


def _raw_corrected_calcium(patient: dict) -> float | None:
    """Albumin-corrected calcium from facts.md 6.2/6.3 (mmol/L = mg/dL / 4.008; g/L = g/dL x 10)."""
    labs = patient["labs"]
    if "calcium" not in labs or "albumin" not in labs:
        return None
    calcium = labs["calcium"]["value"] / (4.008 if labs["calcium"]["unit"] == "mg/dL" else 1)
    albumin = labs["albumin"]["value"] * (10 if labs["albumin"]["unit"] == "g/dL" else 1)
    return calcium + 0.02 * (40 - albumin)


def _zoledronic_dose(crcl: float) -> float | None:
    bands = ((60.05, 4.0), (50, 3.5), (40, 3.3), (30, 3.0))  # > 60 means shown value 60.1 and up
    return next((dose for floor, dose in bands if crcl >= floor), None)


def _expected_renal(crcl: float) -> dict[str, tuple[bool, float | None]]:
    """(renally possible, dose) per agent for a shown CrCl, from the issue's bands and facts.md 4.3."""
    clodronate = next((dose for floor, dose in ((50, 1600), (30, 1200), (10, 800)) if crcl >= floor), None)
    return {
        "zoledronic_acid": (crcl >= 30, _zoledronic_dose(crcl)),
        "pamidronate": (crcl >= 30, 90),
        "ibandronate": (crcl >= 30, 6 if crcl >= 50 else 4),
        "clodronate": (crcl >= 10, clodronate),
        "denosumab": (True, 120),
    }


def _check_renal_invariants(assessment: dict, patient: dict) -> None:
    crcl = assessment["derived"]["crcl_ml_min"]
    _require(
        abs(crcl * 10 - round(crcl * 10)) < 1e-6, "crcl_ml_min is shown to one decimal", round(crcl, 1), crcl
    )
    _require(
        abs(crcl - _raw_crcl(patient)) <= 0.05 + 1e-6,
        "crcl_ml_min vs Cockcroft-Gault recomputed",
        round(_raw_crcl(patient), 3),
        crcl,
    )
    dialysis = patient.get("on_dialysis", False)
    for code, (possible, dose) in _expected_renal(crcl).items():
        agent = _agent(assessment, code)
        if not possible:
            _require(
                not agent["eligible"], f"{code} at shown CrCl {crcl}: eligible", False, agent["eligible"]
            )
        if agent["eligible"]:
            _require(agent["dose_mg"] == dose, f"{code} dose at shown CrCl {crcl}", dose, agent["dose_mg"])
    if dialysis:
        for code in ("zoledronic_acid", "pamidronate"):
            _check_includes(
                f"{code}.blockers on dialysis", ["on_dialysis"], _agent(assessment, code)["blockers"]
            )
    denosumab = _agent(assessment, "denosumab")
    if denosumab["eligible"]:
        at_risk = crcl < 30 or dialysis
        has_caution = "severe_renal_impairment_hypocalcemia_risk" in denosumab["cautions"]
        _require(
            has_caution == at_risk,
            f"denosumab severe-renal caution (CrCl {crcl}, dialysis {dialysis})",
            at_risk,
            has_caution,
        )
    # Issue 10: no preferred agent when a bone agent is not indicated, or while hypercalcaemia of
    # malignancy (corrected calcium 3.0 mmol/L or more) is treated first.
    hcm = (assessment["derived"]["calcium_checked_mmol_l"] or 0) >= 3.0
    should_prefer = (
        denosumab["eligible"]
        and (crcl < 60 or dialysis or patient.get("nephrotoxic_drugs", False))
        and assessment["bone_agent"]["indicated"] is not False
        and not hcm
    )
    _require(
        denosumab["preferred"] == should_prefer,
        f"denosumab preferred (CrCl {crcl})",
        should_prefer,
        denosumab["preferred"],
    )


def _check_calcium_invariants(assessment: dict, patient: dict) -> None:
    shown = assessment["derived"]["corrected_calcium_mmol_l"]
    raw = _raw_corrected_calcium(patient)
    if raw is None:
        _require(shown is None, "corrected calcium without calcium or albumin", None, shown)
        return
    _require(
        shown is not None and abs(shown - raw) <= 0.005 + 1e-6,
        "corrected calcium vs recomputed",
        round(raw, 4),
        shown,
    )
    low = shown < 2.10
    for agent in assessment["bone_agent"]["agents"]:
        blocked = "uncorrected_hypocalcemia" in agent["blockers"]
        _require(
            blocked == low,
            f"{agent['agent']}: hypocalcaemia block agrees with shown Ca {shown}",
            low,
            blocked,
        )
    asked = "correct_hypocalcemia" in assessment["bone_agent"]["before_starting"]
    _require(asked == low, f"correct_hypocalcemia agrees with shown Ca {shown}", low, asked)
    high = shown > 2.60
    warned = any("hypercalc" in warning["code"] for warning in assessment["warnings"])
    _require(warned == high, f"hypercalcaemia warning agrees with shown Ca {shown}", high, warned)
    if high:
        _check_excludes(
            "before_starting when hypercalcaemic",
            ["calcium_vitamin_d_supplement"],
            assessment["bone_agent"]["before_starting"],
        )


def _check_vocabulary(assessment: dict) -> None:
    bone, systemic = assessment["bone_agent"], assessment["systemic_therapy"]
    used = {
        "category": [systemic["category"]],
        "option": [option["code"] for option in systemic["options"]],
        "reason": bone["reasons"],
        "route": [agent["route"] for agent in bone["agents"]],
        "blocker": [code for agent in bone["agents"] for code in agent["blockers"]],
        "caution": [code for agent in bone["agents"] for code in agent["cautions"]],
        "before_starting": bone["before_starting"],
        "monitoring_item": [entry["item"] for entry in assessment["monitoring"]],
        "timing": [entry["timing"] for entry in assessment["monitoring"]],
        "severity": [warning["severity"] for warning in assessment["warnings"]],
    }
    for kind, codes in used.items():
        unknown = sorted(set(codes) - VOCABULARY[kind])
        _require(not unknown, f"{kind} codes outside the contract", sorted(VOCABULARY[kind]), unknown)
        if kind not in ("route", "timing", "severity"):
            for code in codes:
                text = text_for(code)
                _require(
                    bool(text.get("en")) and bool(text.get("zh")),
                    f"text_for({code!r}) in en and zh",
                    True,
                    text,
                )
    for key in ("disclaimer", "working"):
        holder = assessment if key == "disclaimer" else assessment["derived"]
        _require(
            bool(holder[key].get("en")) and bool(holder[key].get("zh")),
            f"{key} in en and zh",
            True,
            holder[key],
        )
    _require(
        bool(assessment["content_version"]), "content_version", "non-empty", assessment["content_version"]
    )
    _require(bool(assessment["references"]), "references", "non-empty", assessment["references"])


def check_invariants(assessment: dict, patient: dict) -> None:
    """What the contract promises for every patient, whatever the case is about."""
    _check_vocabulary(assessment)
    listed = sorted(a["agent"] for a in assessment["bone_agent"]["agents"])
    _require(listed == sorted(AGENTS), "bone_agent.agents (always all five)", sorted(AGENTS), listed)
    for agent in assessment["bone_agent"]["agents"]:
        name = agent["agent"]
        # Issue 10: status eligible|blocked|pending; eligible only when status is eligible.
        expected_status = "blocked" if agent["blockers"] else "pending" if agent["pending_on"] else "eligible"
        _require(agent["status"] == expected_status, f"{name}: status", expected_status, agent["status"])
        _require(
            agent["eligible"] == (agent["status"] == "eligible"),
            f"{name}: eligible iff status is eligible",
            agent["status"] == "eligible",
            agent["eligible"],
        )
        _require(bool(agent["refs"]), f"{name}: refs", "at least one", agent["refs"])
        if agent["preferred"]:
            _require(
                name == "denosumab",
                "only denosumab can be preferred (ASCO: none otherwise)",
                "denosumab",
                name,
            )
    for option in assessment["systemic_therapy"]["options"]:
        _require(bool(option["refs"]), f"option {option['code']}: refs", "at least one", option["refs"])
    for warning in assessment["warnings"]:
        both = bool(warning["message"].get("en")) and bool(warning["message"].get("zh"))
        _require(both, f"warning {warning['code']}: message in en and zh", True, warning["message"])
    if "expected_survival_months" in patient:
        long_enough = patient["expected_survival_months"] >= 3
    else:
        long_enough = patient["expected_survival_at_least_3_months"]
    indicated = patient["bone_metastasis"] == "confirmed" and long_enough
    _require(
        assessment["bone_agent"]["indicated"] == indicated,
        "bone_agent.indicated",
        indicated,
        assessment["bone_agent"]["indicated"],
    )
    _check_renal_invariants(assessment, patient)
    _check_calcium_invariants(assessment, patient)


def _problem_fields(error: ValidationError) -> list[str]:
    return [problem.field for problem in error.problems]


def check_validation_error(patient: dict, expected_fields: list) -> None:
    try:
        assess(patient)
    except ValidationError as error:
        fields = _problem_fields(error)
    else:
        raise CaseFailure(
            f"expected ValidationError naming {expected_fields}, but assess() accepted the patient"
        )
    _require(bool(fields), "ValidationError lists at least one problem", "problems", fields)
    for wanted in expected_fields:
        alternatives = wanted if isinstance(wanted, list) else [wanted]
        _require(
            any(alt in fields for alt in alternatives), "ValidationError problem fields", alternatives, fields
        )


def _decisions(assessment: dict) -> dict:
    """The parts of an assessment that must not depend on the unit system."""
    agents = {
        a["agent"]: (
            a["status"],
            a["eligible"],
            a["preferred"],
            a["dose_mg"],
            sorted(a["blockers"]),
            sorted(a["cautions"]),
        )
        for a in assessment["bone_agent"]["agents"]
    }
    return {
        "indicated": assessment["bone_agent"]["indicated"],
        "agents": agents,
        "before_starting": sorted(assessment["bone_agent"]["before_starting"]),
        "category": assessment["systemic_therapy"]["category"],
        "options": _option_codes(assessment),
        "warnings": sorted(w["code"] for w in assessment["warnings"]),
    }


def run_case(case: dict) -> None:
    patient = _decode_special_numbers(case["patient"])
    expect = dict(case["expect"])
    if "error_fields_include" in expect:
        check_validation_error(patient, expect.pop("error_fields_include"))
        assert not expect, f"a validation case checks nothing else, found {sorted(expect)}"
        return
    try:
        assessment = assess(patient)
    except ValidationError as error:
        raise CaseFailure(f"valid patient rejected: {_problem_fields(error)}") from error
    check_invariants(assessment, patient)
    for key, expected in expect.items():
        check_expectation(assessment, key, expected)
    if "same_as_patient" in case:
        other_patient = _decode_special_numbers(case["same_as_patient"])
        other = assess(other_patient)
        check_invariants(other, other_patient)
        mine, theirs = _decisions(assessment), _decisions(other)
        differing = {key: (mine[key], theirs[key]) for key in mine if mine[key] != theirs[key]}
        _require(
            not differing,
            "same patient in the other units: (patient, same_as_patient) differ in",
            {},
            differing,
        )
        for key in ("crcl_ml_min", "corrected_calcium_mmol_l"):
            mine, theirs = assessment["derived"][key], other["derived"][key]
            same = (mine is None and theirs is None) or (
                mine is not None and theirs is not None and math.isclose(mine, theirs, abs_tol=0.05)
            )
            _require(same, f"same patient in the other units: derived.{key}", mine, theirs)


def test_there_are_enough_cases() -> None:
    assert len(CASE_FILES) >= 40


@pytest.mark.parametrize("case_file", CASE_FILES, ids=[f.stem for f in CASE_FILES])
def test_contract_case(case_file: Path) -> None:
    case = json.loads(case_file.read_text(encoding="utf-8"))
    try:
        run_case(case)
        failure = None
    except (CaseFailure, KeyError, TypeError) as error:
        failure = error
    if failure is not None:
        pytest.fail(f"\nCASE: {case['title']}\nWHY: {case['why']}\nFAILED: {failure}", pytrace=False)
