"""Suspected metastatic spinal cord compression: red flags in, the emergency steps out.

``mscc_check({"findings": [codes]})`` never diagnoses: it says how urgently to assess (immediate,
within 24 h) and lists the cited steps. ``radiotherapy_schedules()`` is a reference table of the
published schedules, not a prescription. Data: ``rules/mscc.json``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from calculator._data import rule_table
from calculator.errors import Problem, ValidationError
from calculator.patient import _check_keys, _type_name, problem


def mscc_findings() -> list[dict[str, Any]]:
    """Every red flag the check accepts: code, tier (urgent|immediate), neurological, label, source."""
    return cast(list[dict[str, Any]], rule_table("mscc")["findings"])


def _read(inputs: Any) -> list[str]:
    if not isinstance(inputs, Mapping):
        raise ValidationError([problem("", "not_an_object")])
    problems: list[Problem] = []
    _check_keys(inputs, "", {"findings"}, problems)
    known = [f["code"] for f in mscc_findings()]
    raw = inputs.get("findings", [])
    if not isinstance(raw, list):
        problems.append(problem("findings", "wrong_type_list", got=_type_name(raw)))
        raw = []
    codes: list[str] = []
    for index, code in enumerate(raw):
        if not isinstance(code, str) or code not in known:
            got = code[:40] if isinstance(code, str) else _type_name(code)
            problems.append(problem(f"findings.{index}", "unknown_choice", got=got, allowed=", ".join(known)))
        elif code not in codes:
            codes.append(code)
    if problems:
        raise ValidationError(problems)
    return codes


def mscc_check(inputs: Any) -> dict[str, Any]:
    """``urgency`` (immediate|urgent|none), the ``findings`` given, and the ``steps`` with sources."""
    table = rule_table("mscc")
    codes = _read(inputs)
    by_code = {f["code"]: f for f in table["findings"]}
    tiers = {by_code[c]["tier"] for c in codes}
    urgency = "immediate" if "immediate" in tiers else "urgent" if tiers else "none"
    if urgency == "none":
        return {"urgency": "none", "findings": [], "steps": [], "message": dict(table["none_ticked"])}
    neurological = any(by_code[c]["neurological"] for c in codes)
    wanted = {"any", urgency, "neurological" if neurological else "not_neurological"}
    steps = [
        {"code": s["code"], "text": dict(s["text"]), "source": list(s["source"]), "refs": list(s["refs"])}
        for s in table["steps"]
        if s["when"] in wanted
    ]
    return {"urgency": urgency, "findings": codes, "neurological": neurological, "steps": steps}


def radiotherapy_schedules() -> list[dict[str, Any]]:
    """Published palliative schedules (pain, MSCC, postoperative) as [total Gy, fractions] with sources."""
    return [dict(row) for row in rule_table("mscc")["radiotherapy"]]
