"""Bone-modifying agents: indication, per-agent eligibility, dose, blockers and cautions, and what
to do before the first dose. The numbers live in ``rules/agents.json`` and ``rules/thresholds.json``;
this module only reads them against one patient.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from calculator import renal, units
from calculator._data import rule_table
from calculator.derived import Derived
from calculator.findings import Findings
from calculator.patient import Patient
from guideline_content import LANGUAGES

BISPHOSPHONATES = ("zoledronic_acid", "pamidronate", "ibandronate", "clodronate")


# Re-exported: the band helpers live with the other kidney rules.
in_band = renal.in_band
renal_band = renal.renal_band


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


def indication(patient: Patient, findings: Findings) -> tuple[bool | None, list[str]]:
    """(indicated, reason codes): confirmed bone metastasis and expected survival of 3 months or more.
    None (no reasons) in a partial assessment whose indication inputs are still missing."""
    rule = rule_table("thresholds")["indication"]
    findings.cite(rule["source"])
    if patient.bone_metastasis is None or patient.survival_at_least_3_months is None:
        return None, []
    confirmed = patient.bone_metastasis == rule["bone_metastasis"]
    long_enough = patient.survival_at_least_3_months
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


def _applies(rule: dict[str, Any], name: str) -> bool:
    target = rule.get("applies_to")
    if isinstance(target, list):
        return name in target
    if target == "bisphosphonates":
        return name in BISPHOSPHONATES
    return True


def _blockers(patient: Patient, plan: renal.RenalPlan, calcium: str | None) -> list[str]:
    name = plan.agent["agent"]
    found = {
        "uncorrected_hypocalcemia": calcium == "low",
        "crcl_below_30": plan.below_renal_limit,
        "on_dialysis": patient.on_dialysis and plan.agent["dialysis"] == "block",
        "active_onj": patient.active_onj,
        "pregnancy": patient.pregnant,
        "hypersensitivity": _hypersensitive(patient, name),
        "creatinine_above_3_mg_dl": plan.creatinine_above_cap,
        "creatinine_rise_withhold": plan.rise is not None and plan.rise.withhold,
        "unhealed_oral_lesion": patient.unhealed_oral_lesion,
    }
    return [code for code, rule in _rules().items() if found.get(code) and _applies(rule, name)]


def _may_become_pregnant(patient: Patient) -> bool:
    return (
        patient.sex == "female"
        and not patient.pregnant
        and patient.menopausal_status in ("premenopausal", "perimenopausal", "unknown")
    )


def _cautions(patient: Patient, derived: Derived, plan: renal.RenalPlan) -> list[str]:
    name, band = plan.agent["agent"], plan.band
    rules = _rules()
    severe_below = units.dec(rules["severe_renal_impairment_hypocalcemia_risk"]["crcl_below"])
    months = patient.months_on_bone_agent
    found = {
        "severe_renal_impairment_hypocalcemia_risk": name == "denosumab"
        and (patient.on_dialysis or derived.crcl_ml_min < severe_below),
        "renal_dose_adjusted": band is not None
        and bool(band.get("renal_dose_adjusted"))
        and not patient.on_dialysis,
        "nephrotoxic_drugs": patient.nephrotoxic_drugs and name in BISPHOSPHONATES,
        "other_bisphosphonate_withheld_for_rise": name != patient.current_bone_agent
        and renal.withheld_for_rise(patient),
        "dental_assessment_pending": not patient.dental_assessed,
        "invasive_dental_procedure_planned": patient.invasive_dental_procedure_planned,
        "vitamin_d_low": derived.vitamin_d_low is True,
        "switching_agents": patient.current_bone_agent is not None and patient.current_bone_agent != name,
        "contraception_needed": _may_become_pregnant(patient),
        "pregnancy_check_bisphosphonate": _may_become_pregnant(patient),
        "twelve_weekly_offered": patient.current_bone_agent == name
        and months is not None
        and months >= units.dec(rules["twelve_weekly_offered"]["min_months_on_agent"]),
        "denosumab_stop_rebound": patient.current_bone_agent == "denosumab",
    }
    return [code for code, rule in rules.items() if found.get(code) and _applies(rule, name)]


def _dosed_text(plan: renal.RenalPlan) -> dict[str, str]:
    table = rule_table("agents")
    band = plan.band
    if band is None or band.get("dose_mg") is None:
        return {}
    template = table["baseline_dose_band"] if plan.from_baseline else table["dose_band"]
    texts = {}
    for lang in LANGUAGES:
        text = plan.agent["schedule"][lang].format(dose=str(band["dose_mg"]))
        if band["label"] != "any":
            text += template[lang].format(band=band["label"])
        texts[lang] = text
    return texts


def _schedule(plan: renal.RenalPlan, blockers: list[str], pending_on: list[str]) -> dict[str, str]:
    table = rule_table("agents")
    dosed = _dosed_text(plan)
    if not blockers:
        if not pending_on:
            return dosed
        fields = ", ".join(pending_on)
        return {
            lang: (dosed.get(lang) or table["pending_dose_unknown"][lang])
            + table["pending_schedule"][lang].format(fields=fields)
            for lang in LANGUAGES
        }
    if blockers == ["creatinine_rise_withhold"] and plan.rise is not None:
        return renal.withheld_text(plan)
    schedule = {}
    resolvable = all(_rules()[code].get("resolvable") for code in blockers)
    for lang in LANGUAGES:
        text = table["blocked_schedule"][lang]
        # A dose "once resolved" only when every blocker can be resolved (not an allergy, not the kidneys).
        if dosed and resolvable:
            text += table["blocked_but_dose"][lang].format(schedule=dosed[lang])
        schedule[lang] = text
    return schedule


def _pending_on(patient: Patient, plan: renal.RenalPlan) -> list[str]:
    pending = []
    if patient.calcium is None:
        # The labels: correct hypocalcaemia before the first dose, so calcium decides.
        pending.append("labs.calcium")
    if plan.needs_baseline:
        pending.append("labs.baseline_creatinine")
    return pending


def evaluate_agents(
    patient: Patient,
    derived: Derived,
    findings: Findings,
    indicated: bool | None = True,
    hypercalcaemia_block: bool = False,
) -> list[dict[str, Any]]:
    """All five agents, each with status, dose for this CrCl band, blockers, cautions and refs."""
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
        plan = renal.plan(patient, derived, agent)
        blockers = _blockers(patient, plan, calcium)
        cautions = _cautions(patient, derived, plan)
        pending_on = [] if blockers else _pending_on(patient, plan)
        status = "blocked" if blockers else "pending" if pending_on else "eligible"
        refs = list(agent["refs"])
        for code in blockers + cautions:
            extra = agent["hypersensitivity_refs"] if code == "hypersensitivity" else rules[code]["refs"]
            refs.extend(r for r in extra if r not in refs)
            findings.cite(rules[code]["source"])
        findings.cite(agent["source"] + plan.sources)
        # No indication, or hypercalcaemia to treat first: no agent is "preferred" for the routine schedule.
        preferred = (
            agent["agent"] == "denosumab"
            and status == "eligible"
            and renal_reason
            and indicated is not False
            and not hypercalcaemia_block
        )
        if preferred:
            refs.extend(r for r in preference["refs"] if r not in refs)
        dose = plan.band.get("dose_mg") if plan.band is not None and not blockers else None
        agents.append(
            {
                "agent": agent["agent"],
                "status": status,
                "pending_on": pending_on,
                "eligible": status == "eligible",
                "preferred": preferred,
                "dose_mg": dose,
                "route": agent["route"],
                "interval_weeks": agent["interval_weeks"],
                "interval_text": dict(agent["interval_text"]),
                "crcl_band": plan.band["label"] if plan.band is not None else None,
                "crcl_limit_ml_min": renal.crcl_limit(agent),
                "dose_basis": "baseline_crcl" if plan.from_baseline else "current_crcl",
                "schedule": _schedule(plan, blockers, pending_on),
                "blockers": blockers,
                "blocker_texts": {code: renal.blocker_text(code, plan, derived) for code in blockers},
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
    if derived.calcium_basis == "measured_total":
        findings.warn("calcium_not_albumin_corrected", "caution")
    if patient.active_onj:
        findings.warn("active_onj_no_bone_agent", "block")
    if patient.pregnant:
        findings.warn("pregnancy_no_bone_agent", "block")
    if patient.on_dialysis:
        findings.warn("crcl_unreliable_on_dialysis", "info")
        findings.warn("dialysis_ckd_mbd_first", "caution")
    if derived.vitamin_d_low:
        findings.warn("vitamin_d_low", "caution")
    if not any(a["status"] != "blocked" for a in agents):
        findings.warn("no_bone_agent_eligible", "block")
    if patient.current_bone_agent is not None:
        findings.warn("never_combine_agents", "caution")
    if patient.current_bone_agent == "denosumab":
        findings.warn("denosumab_stop_rebound_warning", "caution")
    if any("labs.baseline_creatinine" in a["pending_on"] for a in agents):
        findings.warn("baseline_creatinine_needed", "caution")
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
    elif derived.vitamin_d_low:
        steps.append("replete_vitamin_d")
    if not patient.dental_assessed:
        steps.append("dental_assessment")
    # Routine calcium and vitamin D are withheld when calcium is already high.
    if calcium != "high":
        steps.append("calcium_vitamin_d_supplement")
    return steps
