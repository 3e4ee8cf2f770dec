"""Independent clinical cases run against the issue-2 assessment contract.

Each file in ``contract_cases/`` is one patient written from the contract and
``shared/clinical/facts.md`` (not from the engine's code):
``{"title", "why", "patient", "expect"}`` and optionally ``"same_as_patient"`` (the same
patient in the other unit system, which must reach the same decisions).

``expect`` is a small declarative dict; the keys understood are listed in ``CHECKS`` below.
A failing case prints its title, its reasoning and expected vs actual.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from calculator import ValidationError, assess

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
        _require(found == present, f"{label} {pattern}", pattern, [(w["code"], w["severity"]) for w in warnings])


def _check_monitoring(assessment: dict, expected: list) -> None:
    for wanted in expected:
        hits = [
            m for m in assessment["monitoring"]
            if m["item"] == wanted["item"] and m["timing"] == wanted["timing"]
            and all(a in m["agents"] for a in wanted.get("agents_include", []))
        ]
        _require(bool(hits), "monitoring should include", wanted, assessment["monitoring"])


def _check_number(what: str, expected: float | None, actual: float | None, tolerance: float) -> None:
    if expected is None or actual is None:
        _require(expected is actual, what, expected, actual)
    else:
        _require(abs(actual - expected) <= tolerance, what, expected, actual)


def _option_codes(assessment: dict) -> list[str]:
    return [option["code"] for option in assessment["systemic_therapy"]["options"]]


CHECKS: dict[str, Callable[[dict, Any], None]] = {
    "crcl_ml_min": lambda a, v: _check_number(
        "derived.crcl_ml_min", v, a["derived"]["crcl_ml_min"], CRCL_TOLERANCE),
    "corrected_calcium_mmol_l": lambda a, v: _check_number(
        "derived.corrected_calcium_mmol_l", v, a["derived"]["corrected_calcium_mmol_l"], CALCIUM_TOLERANCE),
    "preferred_agents": lambda a, v: _require(
        sorted(x["agent"] for x in a["bone_agent"]["agents"] if x["preferred"]) == sorted(v),
        "preferred agents", sorted(v), [x["agent"] for x in a["bone_agent"]["agents"] if x["preferred"]]),
    "bone_agent.indicated": lambda a, v: _require(
        a["bone_agent"]["indicated"] is v, "bone_agent.indicated", v, a["bone_agent"]["indicated"]),
    "bone_agent.reasons_include": lambda a, v: _check_includes("bone_agent.reasons", v, a["bone_agent"]["reasons"]),
    "bone_agent.reasons_exclude": lambda a, v: _check_excludes("bone_agent.reasons", v, a["bone_agent"]["reasons"]),
    "before_starting_include": lambda a, v: _check_includes(
        "before_starting", v, a["bone_agent"]["before_starting"]),
    "before_starting_exclude": lambda a, v: _check_excludes(
        "before_starting", v, a["bone_agent"]["before_starting"]),
    "systemic.category": lambda a, v: _require(
        a["systemic_therapy"]["category"] == v, "systemic.category", v, a["systemic_therapy"]["category"]),
    "systemic.first_option": lambda a, v: _require(
        _option_codes(a)[:1] == [v], "systemic first option", v, _option_codes(a)),
    "systemic.options_include": lambda a, v: _check_includes("systemic options", v, _option_codes(a)),
    "systemic.options_exclude": lambda a, v: _check_excludes("systemic options", v, _option_codes(a)),
    "warnings_include": lambda a, v: _check_warnings(a, v, present=True),
    "warnings_exclude": lambda a, v: _check_warnings(a, v, present=False),
    "monitoring_include": _check_monitoring,
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


def check_invariants(assessment: dict) -> None:
    """What the contract promises for every patient, whatever the case is about."""
    listed = sorted(a["agent"] for a in assessment["bone_agent"]["agents"])
    _require(listed == sorted(AGENTS), "bone_agent.agents (always all five)", sorted(AGENTS), listed)
    for agent in assessment["bone_agent"]["agents"]:
        name = agent["agent"]
        _require(agent["eligible"] == (not agent["blockers"]), f"{name}: eligible iff no blockers",
                 not agent["blockers"], agent["eligible"])
        if agent["preferred"]:
            _require(agent["eligible"], f"{name}: preferred only when eligible", True, agent["eligible"])
            _require(name == "denosumab", "only denosumab can be preferred (ASCO: none otherwise)", "denosumab", name)


def _problem_fields(error: ValidationError) -> list[str]:
    return [problem.field for problem in error.problems]


def check_validation_error(patient: dict, expected_fields: list) -> None:
    try:
        assess(patient)
    except ValidationError as error:
        fields = _problem_fields(error)
    else:
        raise CaseFailure(f"expected ValidationError naming {expected_fields}, but assess() accepted the patient")
    for wanted in expected_fields:
        alternatives = wanted if isinstance(wanted, list) else [wanted]
        _require(any(alt in fields for alt in alternatives), "ValidationError problem fields",
                 alternatives, fields)


def _decisions(assessment: dict) -> dict:
    """The parts of an assessment that must not depend on the unit system."""
    agents = {
        a["agent"]: (a["eligible"], a["preferred"], a["dose_mg"], sorted(a["blockers"]), sorted(a["cautions"]))
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
    check_invariants(assessment)
    for key, expected in expect.items():
        check_expectation(assessment, key, expected)
    if "same_as_patient" in case:
        other = assess(_decode_special_numbers(case["same_as_patient"]))
        check_invariants(other)
        _require(_decisions(other) == _decisions(assessment), "same patient in the other units: decisions",
                 _decisions(assessment), _decisions(other))
        for key in ("crcl_ml_min", "corrected_calcium_mmol_l"):
            mine, theirs = assessment["derived"][key], other["derived"][key]
            same = (mine is None and theirs is None) or (
                mine is not None and theirs is not None and math.isclose(mine, theirs, abs_tol=0.05))
            _require(same, f"same patient in the other units: derived.{key}", mine, theirs)


def test_there_are_enough_cases() -> None:
    assert len(CASE_FILES) >= 40


@pytest.mark.parametrize("case_file", CASE_FILES, ids=[f.stem for f in CASE_FILES])
def test_contract_case(case_file: Path) -> None:
    case = json.loads(case_file.read_text(encoding="utf-8"))
    try:
        run_case(case)
    except (CaseFailure, KeyError, TypeError) as failure:
        pytest.fail(f"\nCASE: {case['title']}\nWHY: {case['why']}\nFAILED: {failure}", pytrace=False)
