"""``assess(patient, partial=False) -> dict``: one patient in, one assessment out.

Strict (the CLI): a missing required input is a ValidationError. Partial (the desktop form while it
is being filled): each section whose inputs are present is computed; the others are None and
``pending[section]`` lists the dotted input paths they wait for.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calculator._data import rule_table
from calculator.bone_agents import before_starting, evaluate_agents, indication
from calculator.derived import calcium_for_checks, derive, vitamin_d_nmol_l
from calculator.echo import echo_inputs
from calculator.findings import SEVERITIES, Findings
from calculator.hypercalcemia import blocks_routine_schedule, calcium_blocks, hypercalcemia
from calculator.monitoring import monitoring
from calculator.patient import Patient, parse_patient
from calculator.plausibility import plausibility_cautions
from calculator.summary import summary
from calculator.systemic import kidney_outside_trials, systemic_therapy
from calculator.texts import text_for
from calculator.versions import APP_VERSION, rules_version
from guideline_content import content_version

# What each section needs before it can be computed (beyond the inputs that have defaults).
SECTION_INPUTS = {
    "derived": ("age_years", "sex", "weight_kg", "labs.creatinine"),
    "systemic_therapy": ("hr_status", "her2_status", "line", "sex"),
    "bone_agent": ("age_years", "sex", "weight_kg", "labs.creatinine"),
    "monitoring": ("age_years", "sex", "weight_kg", "labs.creatinine"),
    # The calcium is corrected with the other derived values, and the HCM zoledronic acid step
    # depends on creatinine, so the section waits for the derived inputs too.
    "hypercalcemia": ("labs.calcium", "age_years", "sex", "weight_kg", "labs.creatinine"),
}


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def _warning(code: str, severity: str) -> dict[str, Any]:
    refs = rule_table("warnings").get(code, {}).get("refs", [])
    return {"code": code, "severity": severity, "message": text_for(code), "refs": list(refs)}


def _given(patient: Patient, path: str, raw: Mapping[str, Any]) -> bool:
    """True if the input is there: not listed missing, and (for a defaulted input such as the line)
    present in the raw document — only asked when the section is pending anyway."""
    if path in patient.missing:
        return False
    node: Any = raw
    for part in path.split("."):
        if not isinstance(node, Mapping) or node.get(part) is None:
            return False
        node = node[part]
    return True


def _pending(patient: Patient, raw: Mapping[str, Any]) -> dict[str, list[str]]:
    pending: dict[str, list[str]] = {}
    for section, paths in SECTION_INPUTS.items():
        blocked = any(path in patient.missing for path in paths)
        if section == "hypercalcemia":
            blocked = blocked or patient.calcium is None
        if blocked:
            pending[section] = [path for path in paths if not _given(patient, path, raw)]
    return pending


def assess(patient: Mapping[str, Any], partial: bool = False) -> dict[str, Any]:
    """Assess one patient (the decoded patient JSON). Raises ``ValidationError`` listing every
    problem with the input; never guesses a missing or implausible value. ``partial=True``: missing
    required inputs are not problems; the sections that need them are pending."""
    parsed = parse_patient(patient, partial=partial)
    pending = _pending(parsed, patient)
    findings = Findings()
    derived = None if "derived" in pending else derive(parsed)
    if derived is not None:
        findings.cite(rule_table("thresholds")["cockcroft_gault"]["source"])
        if parsed.calcium is not None and parsed.albumin is not None:
            findings.cite(rule_table("thresholds")["corrected_calcium"]["source"])
        if parsed.vitamin_d is not None:
            findings.cite(rule_table("thresholds")["vitamin_d_low"]["source"])

    plausibility_cautions(parsed, derived, findings)
    systemic = None if "systemic_therapy" in pending else systemic_therapy(parsed, findings)
    kidney_outside_trials(parsed, systemic, None if derived is None else derived.crcl_ml_min, findings)
    calcium_block = derived is not None and blocks_routine_schedule(derived)
    # derived is None only when its inputs are pending, and then hypercalcemia is pending too
    hypercalcemia_block = (
        None if "hypercalcemia" in pending or derived is None else hypercalcemia(parsed, derived, findings)
    )
    if derived is None and calcium_blocks(calcium_for_checks(parsed)):
        # The steps wait for the creatinine (their doses depend on it); the warning does not.
        findings.warn("hypercalcemia_of_malignancy", "block")
    bone_agent = schedule = None
    if derived is not None:
        indicated, reasons = indication(parsed, findings)
        agents = evaluate_agents(parsed, derived, findings, indicated, calcium_block)
        schedule = monitoring(parsed, agents, findings)
        bone_agent = {
            "indicated": indicated,
            "reasons": reasons,
            "agents": agents,
            "before_starting": before_starting(parsed, derived),
        }

    warnings = sorted(findings.warnings, key=lambda w: SEVERITIES.index(w[1]))
    titles = rule_table("references")["references"]
    assessment = {
        "inputs": echo_inputs(parsed),
        "pending": pending,
        "derived": None if derived is None else _derived(parsed, derived),
        "hypercalcemia": hypercalcemia_block,
        "systemic_therapy": systemic,
        "bone_agent": bone_agent,
        "monitoring": schedule,
        "warnings": [_warning(code, severity) for code, severity in warnings],
        "references": [{"id": key, "title": titles[key]} for key in findings.sources],
        "content_version": content_version(),
        "rules_version": rules_version(),
        "app_version": APP_VERSION,
        "disclaimer": dict(rule_table("note")["disclaimer"]),
    }
    assessment["summary"] = summary(assessment)
    return assessment


def _derived(parsed: Patient, derived: Any) -> dict[str, Any]:
    return {
        "crcl_ml_min": _number(derived.crcl_ml_min),
        "baseline_crcl_ml_min": _number(derived.baseline_crcl_ml_min),
        "corrected_calcium_mmol_l": _number(derived.corrected_calcium_mmol_l),
        "calcium_checked_mmol_l": _number(derived.calcium_for_checks_mmol_l),
        "calcium_basis": derived.calcium_basis,
        "vitamin_d_nmol_l": _number(vitamin_d_nmol_l(parsed.vitamin_d)) if parsed.vitamin_d else None,
        "vitamin_d_low": derived.vitamin_d_low,
        "working": dict(derived.working),
    }
