"""Hypercalcaemia: whether it is present, its CTCAE grade and clinical severity, and the treatment
steps for hypercalcaemia of malignancy (``rules/hypercalcemia.json``).

Corrected calcium of 3.0 mmol/L or more is treated before anything else: the block warning says the
routine bone-agent schedule waits, and the steps apply whatever the expected survival.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from calculator import renal, units
from calculator._data import rule_table
from calculator.derived import Derived
from calculator.findings import Findings
from calculator.patient import Patient


def _grade(calcium: Decimal) -> int:
    for row in rule_table("hypercalcemia")["grading"]["ctcae"]:
        if row["max_mmol_l"] is None or calcium <= units.dec(row["max_mmol_l"]):
            return int(row["grade"])
    raise AssertionError("the last CTCAE row has no upper bound")


def _severity(calcium: Decimal) -> str:
    grading = rule_table("hypercalcemia")["grading"]
    if calcium >= units.dec(grading["severe_from_mmol_l"]):
        return "severe"
    if calcium >= units.dec(grading["moderate_from_mmol_l"]):
        return "moderate"
    return "mild"


def blocks_routine_schedule(derived: Derived) -> bool:
    """Corrected calcium at or above 3.0 mmol/L: treat the hypercalcaemia first."""
    return calcium_blocks(derived.calcium_for_checks_mmol_l)


def calcium_blocks(calcium: Decimal | None) -> bool:
    block_from = units.dec(rule_table("hypercalcemia")["grading"]["block_from_mmol_l"])
    return calcium is not None and calcium >= block_from


def _excluded(patient: Patient, agent: str) -> bool:
    """An agent step is left out when that agent cannot be given at all (allergy, pregnancy)."""
    if patient.pregnant:
        return True
    allergies = patient.hypersensitivity
    bisphosphonate = agent != "denosumab"
    return agent in allergies or (
        bisphosphonate
        and bool(
            allergies & {"bisphosphonates", "zoledronic_acid", "pamidronate", "ibandronate", "clodronate"}
        )
    )


def _variant(step: dict[str, Any], patient: Patient, calcium: Decimal) -> tuple[str, str]:
    """(text key, dose for the short text) for this patient's calcium and creatinine."""
    table = rule_table("hypercalcemia")
    code = step["code"]
    if code == "hcm_zoledronic_acid":
        limit = units.dec(table["zoledronic_no_renal_reduction_below"][patient.creatinine.unit])
        if patient.creatinine.value >= limit:
            return "text_high_creatinine", ""
        if renal.withheld_for_rise(patient):
            # The routine schedule is withheld for the rise; the HCM dose is a separate label decision.
            return "text_routine_withheld", "withheld"
    if code == "hcm_pamidronate":
        mg_dl = units.from_si("calcium", calcium, "mg/dL")
        if mg_dl > units.dec(table["pamidronate_90_above_mg_dl"]):
            return "text_90", "90"
        return "text", "60–90"
    if code == "hcm_ibandronate":
        if calcium < units.dec(table["ibandronate_4_mg_from_mmol_l"]):
            return "text_2", "2"
        return "text", "4"
    return "text", ""


def _renal_note(step: dict[str, Any], key: str, patient: Patient, derived: Derived) -> str | None:
    """'kidney' when the step's bisphosphonate is blocked for the kidneys in the routine schedule,
    'withheld' when the patient's current bisphosphonate is withheld for a creatinine rise; else None.
    (The zoledronic acid step has its own wording for both: text_high_creatinine, text_routine_withheld.)"""
    name = step.get("agent")
    if name is None or name == "denosumab" or key in ("text_high_creatinine", "text_routine_withheld"):
        return None
    agent = next(a for a in rule_table("agents")["agents"] if a["agent"] == name)
    plan = renal.plan(patient, derived, agent)
    dialysis_block = patient.on_dialysis and agent["dialysis"] == "block"
    if plan.below_renal_limit or plan.creatinine_above_cap or dialysis_block:
        return "kidney"
    if renal.withheld_for_rise(patient):
        return "withheld"
    return None


def _short(step: dict[str, Any], dose: str) -> dict[str, str]:
    """The note's few words; a variant with its own short text (``short_<dose>``) uses it."""
    short = step.get(f"short_{dose}") or step["short"]
    return {lang: text.format(dose=dose) for lang, text in short.items()}


def hypercalcemia(patient: Patient, derived: Derived, findings: Findings) -> dict[str, Any]:
    """{present, ctcae_grade, severity, steps}. Call only when calcium was measured."""
    calcium = derived.calcium_for_checks_mmol_l
    assert calcium is not None
    table = rule_table("hypercalcemia")
    grading = table["grading"]
    if calcium <= units.dec(grading["present_above_mmol_l"]):
        return {"present": False, "ctcae_grade": None, "severity": None, "steps": []}
    findings.cite(grading["source"])
    severity = _severity(calcium)
    steps = []
    for step in table["steps"]:
        if severity not in step["severities"]:
            continue
        if "agent" in step and _excluded(patient, step["agent"]):
            continue
        findings.cite(step["source"])
        key, dose = _variant(step, patient, calcium)
        text, short = dict(step[key]), _short(step, dose)
        renal_note = _renal_note(step, key, patient, derived)
        if renal_note:
            # The agent table says "not to be given" for this kidney; the step must say why it still appears.
            appendix = table["renal_appendix"][renal_note]
            text = {lang: text[lang] + appendix["text"][lang] for lang in text}
            short = {lang: short[lang] + appendix["short"][lang] for lang in short}
            findings.cite(table["renal_appendix"]["source"])
        steps.append({"code": step["code"], "text": text, "short": short, "refs": list(step["refs"])})
    if blocks_routine_schedule(derived):
        findings.warn("hypercalcemia_of_malignancy", "block")
    else:
        findings.warn("hypercalcaemia", "caution")
        findings.cite(rule_table("thresholds")["hypercalcaemia"]["source"])
    return {"present": True, "ctcae_grade": _grade(calcium), "severity": severity, "steps": steps}
