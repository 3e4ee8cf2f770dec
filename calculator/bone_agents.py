"""Bone-modifying agents: indication, per-agent eligibility, dose, blockers and cautions, and what
to do before the first dose. The numbers live in ``rules/agents.json`` and ``rules/thresholds.json``;
this module only reads them against one patient.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

from calculator import units
from calculator._data import rule_table
from calculator.derived import Derived
from calculator.findings import Findings
from calculator.patient import Patient
from guideline_content import LANGUAGES

BISPHOSPHONATES = ("zoledronic_acid", "pamidronate", "ibandronate", "clodronate")


def in_band(band: dict[str, Any], value: Decimal) -> bool:
    """True if ``value`` lies in the band; each bound says whether it is inclusive (default yes)."""
    if band.get("min") is not None:
        low = units.dec(band["min"])
        if value < low or (value == low and not band.get("min_inclusive", True)):
            return False
    if band.get("max") is not None:
        high = units.dec(band["max"])
        if value > high or (value == high and not band.get("max_inclusive", True)):
            return False
    return True


def renal_band(agent: dict[str, Any], crcl: Decimal) -> dict[str, Any]:
    """The agent's band for this CrCl (the bands cover every value; a test checks each edge)."""
    return next(b for b in agent["bands"] if in_band(b, crcl))


@cache
def _rules() -> dict[str, dict[str, Any]]:
    """Blocker and caution rules by code, in the order their codes are listed in the output."""
    return {r["code"]: r for r in rule_table("agents")["rules"]}


def calcium_state(derived: Derived) -> str | None:
    """'low', 'high', 'normal', or None when calcium was not measured."""
    value = derived.calcium_for_checks_mmol_l
    if value is None:
        return None
    thresholds = rule_table("thresholds")
    if value < units.dec(thresholds["hypocalcaemia"]["below_mmol_l"]):
        return "low"
    if value > units.dec(thresholds["hypercalcaemia"]["above_mmol_l"]):
        return "high"
    return "normal"


def indication(patient: Patient, findings: Findings) -> tuple[bool, list[str]]:
    """(indicated, reason codes): confirmed bone metastasis and expected survival of 3 months or more."""
    rule = rule_table("thresholds")["indication"]
    findings.cite(rule["source"])
    confirmed = patient.bone_metastasis == rule["bone_metastasis"]
    long_enough = patient.expected_survival_months >= units.dec(rule["min_expected_survival_months"])
    if confirmed and long_enough:
        return True, ["bone_metastasis_confirmed_and_survival_3_months"]
    reasons = []
    if not confirmed:
        reasons.append("bone_metastasis_not_confirmed")
    if not long_enough:
        reasons.append("expected_survival_below_3_months")
    findings.warn("bone_agent_not_indicated", "info")
    return False, reasons


def _hypersensitive(patient: Patient, agent: str) -> bool:
    allergies = patient.hypersensitivity
    if agent in allergies:
        return True
    # One bisphosphonate allergy (or the class) rules out the whole class.
    return agent in BISPHOSPHONATES and (
        "bisphosphonates" in allergies or bool(allergies & set(BISPHOSPHONATES))
    )


def _blockers(
    patient: Patient, agent: dict[str, Any], band: dict[str, Any], calcium: str | None
) -> list[str]:
    name = agent["agent"]
    found = {
        "uncorrected_hypocalcemia": calcium == "low",
        "crcl_below_30": band.get("blocker") == "crcl_below_30",
        "on_dialysis": patient.on_dialysis and agent["dialysis"] == "block",
        "active_onj": patient.active_onj,
        "pregnancy": patient.pregnant,
        "hypersensitivity": _hypersensitive(patient, name),
    }
    return [code for code in _rules() if found.get(code)]


def _cautions(patient: Patient, derived: Derived, agent: dict[str, Any], band: dict[str, Any]) -> list[str]:
    name = agent["agent"]
    severe_below = units.dec(_rules()["severe_renal_impairment_hypocalcemia_risk"]["crcl_below"])
    found = {
        "severe_renal_impairment_hypocalcemia_risk": name == "denosumab"
        and (patient.on_dialysis or derived.crcl_ml_min < severe_below),
        "renal_dose_adjusted": bool(band.get("renal_dose_adjusted")) and not patient.on_dialysis,
        "nephrotoxic_drugs": patient.nephrotoxic_drugs and name in BISPHOSPHONATES,
        "dental_assessment_pending": not patient.dental_assessed,
        "invasive_dental_procedure_planned": patient.invasive_dental_procedure_planned,
        "vitamin_d_low": derived.vitamin_d_low is True,
        "switching_agents": patient.current_bone_agent is not None and patient.current_bone_agent != name,
    }
    return [code for code in _rules() if found.get(code)]


def _schedule(
    agent: dict[str, Any], band: dict[str, Any], blocked: bool, on_dialysis: bool
) -> dict[str, str]:
    table = rule_table("agents")
    dose = band.get("dose_mg")
    dosed = {}
    if dose is not None:
        for lang in LANGUAGES:
            text = agent["schedule"][lang].format(dose=str(dose))
            if band["label"] != "any":
                text += table["dose_band"][lang].format(band=band["label"])
            dosed[lang] = text
    if not blocked:
        return dosed
    schedule = {}
    for lang in LANGUAGES:
        text = table["blocked_schedule"][lang]
        # A dose "once resolved" is meaningless when the kidneys themselves rule the agent out.
        if dosed and not on_dialysis:
            text += table["blocked_but_dose"][lang].format(schedule=dosed[lang])
        schedule[lang] = text
    return schedule


def evaluate_agents(patient: Patient, derived: Derived, findings: Findings) -> list[dict[str, Any]]:
    """All five agents, each with eligibility, dose for this CrCl band, blockers, cautions and refs."""
    calcium = calcium_state(derived)
    rules = _rules()
    preference = rule_table("thresholds")["denosumab_preference"]
    renal_reason = (
        derived.crcl_ml_min < units.dec(preference["crcl_below"])
        or patient.on_dialysis
        or patient.nephrotoxic_drugs
    )
    agents = []
    for agent in rule_table("agents")["agents"]:
        band = renal_band(agent, derived.crcl_ml_min)
        blockers = _blockers(patient, agent, band, calcium)
        cautions = _cautions(patient, derived, agent, band)
        eligible = not blockers
        refs = list(agent["refs"])
        for code in blockers + cautions:
            extra = agent["hypersensitivity_refs"] if code == "hypersensitivity" else rules[code]["refs"]
            refs.extend(r for r in extra if r not in refs)
            findings.cite(rules[code]["source"])
        findings.cite(agent["source"] + band["source"])
        preferred = agent["agent"] == "denosumab" and eligible and renal_reason
        if preferred:
            refs.extend(r for r in preference["refs"] if r not in refs)
        agents.append(
            {
                "agent": agent["agent"],
                "eligible": eligible,
                "preferred": preferred,
                "dose_mg": band.get("dose_mg") if eligible else None,
                "route": agent["route"],
                "interval_weeks": agent["interval_weeks"],
                "crcl_band": band["label"],
                "schedule": _schedule(agent, band, bool(blockers), patient.on_dialysis),
                "blockers": blockers,
                "cautions": cautions,
                "refs": refs,
            }
        )
    _agent_warnings(patient, derived, agents, calcium, findings)
    return agents


def _agent_warnings(
    patient: Patient, derived: Derived, agents: list[dict[str, Any]], calcium: str | None, findings: Findings
) -> None:
    thresholds = rule_table("thresholds")
    if calcium == "low":
        findings.warn("hypocalcaemia_correct_first", "block")
        findings.cite(thresholds["hypocalcaemia"]["source"])
    if calcium == "high":
        findings.warn("hypercalcaemia", "caution")
        findings.cite(thresholds["hypercalcaemia"]["source"])
    if derived.calcium_basis == "measured_total":
        findings.warn("calcium_not_albumin_corrected", "caution")
    if patient.active_onj:
        findings.warn("active_onj_no_bone_agent", "block")
    if patient.pregnant:
        findings.warn("pregnancy_no_bone_agent", "block")
    if patient.on_dialysis:
        findings.warn("crcl_unreliable_on_dialysis", "info")
    if derived.vitamin_d_low:
        findings.warn("vitamin_d_low", "caution")
    if not any(a["eligible"] for a in agents):
        findings.warn("no_bone_agent_eligible", "block")
    if patient.current_bone_agent is not None:
        findings.warn("never_combine_agents", "caution")
    preference = thresholds["denosumab_preference"]
    findings.cite(preference["source"])
    if any(a["preferred"] for a in agents):
        findings.warn("denosumab_preferred_renal", "info")
    else:
        findings.warn("no_agent_preferred", "info")


def before_starting(patient: Patient, derived: Derived) -> list[str]:
    """Codes of what to do before the first dose, in the order they are done."""
    calcium = calcium_state(derived)
    steps = []
    if patient.calcium is None:
        steps.append("baseline_calcium")
    if calcium == "low":
        steps.append("correct_hypocalcemia")
    if patient.vitamin_d is None:
        steps.append("check_vitamin_d")
    if not patient.dental_assessed:
        steps.append("dental_assessment")
    # Routine calcium and vitamin D are withheld when calcium is already high.
    if calcium != "high":
        steps.append("calcium_vitamin_d_supplement")
    return steps
