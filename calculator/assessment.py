"""``assess(patient) -> dict``: one patient in, one assessment out (the issue-2 contract)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calculator._data import rule_table
from calculator.bone_agents import before_starting, evaluate_agents, indication
from calculator.derived import derive, vitamin_d_nmol_l
from calculator.findings import SEVERITIES, Findings
from calculator.monitoring import monitoring
from calculator.patient import echo_inputs, parse_patient
from calculator.systemic import systemic_therapy
from calculator.texts import text_for
from guideline_content import content_version


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def _warning(code: str, severity: str) -> dict[str, Any]:
    refs = rule_table("warnings").get(code, {}).get("refs", [])
    return {"code": code, "severity": severity, "message": text_for(code), "refs": list(refs)}


def assess(patient: Mapping[str, Any]) -> dict[str, Any]:
    """Assess one patient (the decoded patient JSON). Raises ``ValidationError`` listing every
    problem with the input; never guesses a missing or implausible value."""
    parsed = parse_patient(patient)
    findings = Findings()
    derived = derive(parsed)
    findings.cite(rule_table("thresholds")["cockcroft_gault"]["source"])
    if parsed.calcium is not None and parsed.albumin is not None:
        findings.cite(rule_table("thresholds")["corrected_calcium"]["source"])
    if parsed.vitamin_d is not None:
        findings.cite(rule_table("thresholds")["vitamin_d_low"]["source"])

    systemic = systemic_therapy(parsed, findings)
    indicated, reasons = indication(parsed, findings)
    agents = evaluate_agents(parsed, derived, findings)
    schedule = monitoring(parsed, agents, findings)

    warnings = sorted(findings.warnings, key=lambda w: SEVERITIES.index(w[1]))
    titles = rule_table("references")["references"]
    return {
        "inputs": echo_inputs(parsed),
        "derived": {
            "crcl_ml_min": _number(derived.crcl_ml_min),
            "corrected_calcium_mmol_l": _number(derived.corrected_calcium_mmol_l),
            "calcium_checked_mmol_l": _number(derived.calcium_for_checks_mmol_l),
            "calcium_basis": derived.calcium_basis,
            "vitamin_d_nmol_l": _number(vitamin_d_nmol_l(parsed.vitamin_d)) if parsed.vitamin_d else None,
            "vitamin_d_low": derived.vitamin_d_low,
            "working": dict(derived.working),
        },
        "systemic_therapy": systemic,
        "bone_agent": {
            "indicated": indicated,
            "reasons": reasons,
            "agents": agents,
            "before_starting": before_starting(parsed, derived),
        },
        "monitoring": schedule,
        "warnings": [_warning(code, severity) for code, severity in warnings],
        "references": [{"id": key, "title": titles[key]} for key in findings.sources],
        "content_version": content_version(),
        "disclaimer": dict(rule_table("note")["disclaimer"]),
    }
