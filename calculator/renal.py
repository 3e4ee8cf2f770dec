"""Kidney rules for one agent: which renal band doses it, whether the kidneys rule it out, and —
for a patient already on zoledronic acid or pamidronate — the label's creatinine-rise rule.

The labels dose these two by the pre-treatment CrCl and withhold a dose when creatinine has risen
from that baseline; today's creatinine is never taken as a new baseline (that would re-band a
patient whose kidneys are getting worse). Numbers live in ``rules/thresholds.json`` and
``rules/agents.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from calculator import units
from calculator._data import rule_table
from calculator.derived import Derived
from calculator.patient import Lab, Patient
from calculator.texts import text_for
from guideline_content import LANGUAGES


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


@dataclass(frozen=True)
class RiseCheck:
    """Today's creatinine against the pre-treatment baseline, in the baseline's unit."""

    unit: str
    baseline: Decimal
    current: Decimal
    rise: Decimal  # current - baseline
    allowed_rise: Decimal  # withhold at this rise or more
    resume_at: Decimal  # resume at or below this (within 10% of baseline)
    boundary: bool  # baseline exactly at the label's normal/abnormal boundary

    @property
    def withhold(self) -> bool:
        return self.rise >= self.allowed_rise


@dataclass(frozen=True)
class RenalPlan:
    agent: dict[str, Any]
    band: dict[str, Any] | None  # the band that doses the agent; None while the baseline is missing
    from_baseline: bool  # dosed by the pre-treatment CrCl (already on this agent)
    needs_baseline: bool  # already on it, and the baseline creatinine is missing
    below_renal_limit: bool
    limit_crcl: Decimal | None  # the CrCl that fell below the limit (shown in the blocker text)
    creatinine_above_cap: bool
    rise: RiseCheck | None
    sources: list[str] = field(default_factory=list)


def _rise_rule() -> dict[str, Any]:
    return cast(dict[str, Any], rule_table("thresholds")["creatinine_rise_rule"])


def on_treatment(patient: Patient, name: str) -> bool:
    """Already on an agent whose label doses by the pre-treatment CrCl (zoledronic acid, pamidronate)."""
    return patient.current_bone_agent == name and name in _rise_rule()["agents"]


def _in_unit(lab: Lab, unit: str) -> Decimal:
    return lab.value if lab.unit == unit else units.from_si("creatinine", lab.si, unit)


def rise_check(baseline: Lab, current: Lab) -> RiseCheck:
    """The label's rule: baseline normal → withhold at a rise of 0.5 mg/dL (44 µmol/L) or more;
    abnormal → 1.0 mg/dL (88 µmol/L). Compared in the baseline's unit (the label gives both)."""
    rule = _rise_rule()
    unit = baseline.unit
    boundary = units.dec(rule["baseline_normal_below"][unit])
    normal = baseline.value < boundary or (baseline.value == boundary and rule["at_boundary"] == "normal")
    allowed = units.dec((rule["rise_if_normal"] if normal else rule["rise_if_abnormal"])[unit])
    current_value = _in_unit(current, unit)
    factor = 1 + units.dec(rule["resume_within_percent"]) / 100
    return RiseCheck(
        unit=unit,
        baseline=baseline.value,
        current=current_value,
        rise=current_value - baseline.value,
        allowed_rise=allowed,
        resume_at=baseline.value * factor,
        boundary=baseline.value == boundary,
    )


def withheld_for_rise(patient: Patient) -> bool:
    """The patient's current zoledronic acid or pamidronate is withheld today for a creatinine rise."""
    current = patient.current_bone_agent
    return (
        current is not None
        and on_treatment(patient, current)
        and patient.baseline_creatinine is not None
        and rise_check(patient.baseline_creatinine, patient.creatinine).withhold
    )


def creatinine_above_cap(patient: Patient) -> bool:
    """Serum creatinine above 3.0 mg/dL (265 µmol/L), compared in the unit entered."""
    cap = next(r for r in rule_table("agents")["rules"] if r["code"] == "creatinine_above_3_mg_dl")["above"]
    lab = patient.creatinine
    return lab.value > units.dec(cap[lab.unit])


def plan(patient: Patient, derived: Derived, agent: dict[str, Any]) -> RenalPlan:
    name = agent["agent"]
    today = renal_band(agent, derived.crcl_ml_min)
    sources = list(today["source"])
    band: dict[str, Any] | None = today
    from_baseline = needs_baseline = False
    rise = None
    limit_crcl = derived.crcl_ml_min if today.get("blocker") else None
    if on_treatment(patient, name):
        if patient.baseline_creatinine is None or derived.baseline_crcl_ml_min is None:
            band, needs_baseline = None, True
        else:
            band, from_baseline = renal_band(agent, derived.baseline_crcl_ml_min), True
            rise = rise_check(patient.baseline_creatinine, patient.creatinine)
            sources += band["source"] + _rise_rule()["source"]
            if limit_crcl is None and band.get("blocker"):
                limit_crcl = derived.baseline_crcl_ml_min
    cap_rule = "creatinine_above_3_mg_dl"
    capped = name in next(r for r in rule_table("agents")["rules"] if r["code"] == cap_rule)["applies_to"]
    return RenalPlan(
        agent=agent,
        band=band,
        from_baseline=from_baseline,
        needs_baseline=needs_baseline,
        # Today's CrCl below the limit is severe renal impairment whatever the baseline was.
        below_renal_limit=bool(today.get("blocker")) or bool(band and band.get("blocker")),
        limit_crcl=limit_crcl,
        creatinine_above_cap=capped and creatinine_above_cap(patient),
        rise=rise,
        sources=sources,
    )


def _limit_of(agent: dict[str, Any]) -> Decimal:
    blocked = next(b for b in agent["bands"] if b.get("blocker"))
    return units.dec(blocked["max"])


def crcl_limit(agent: dict[str, Any]) -> int | float | None:
    """The CrCl below which the agent is not given (None: no renal limit, denosumab)."""
    if not any(b.get("blocker") for b in agent["bands"]):
        return None
    return units.json_number(_limit_of(agent))


def blocker_text(code: str, plan: RenalPlan, derived: Derived) -> dict[str, str]:
    """The blocker's text for this agent only (its own renal limit, its own numbers)."""
    if code == "crcl_below_30" and plan.limit_crcl is not None:
        template = text_for("crcl_below_30_limit")
        return {
            lang: template[lang].format(
                crcl=units.fmt(plan.limit_crcl, 1), limit=units.fmt(_limit_of(plan.agent))
            )
            for lang in LANGUAGES
        }
    return text_for(code)


def withheld_text(plan: RenalPlan) -> dict[str, str]:
    """'Withhold this dose … resume when back to X, at the same dose' with the patient's numbers."""
    assert plan.rise is not None
    table = rule_table("agents")
    rise = plan.rise
    label = units.unit_label("creatinine", rise.unit)
    dose = plan.band.get("dose_mg") if plan.band else None
    texts = {}
    for lang in LANGUAGES:
        texts[lang] = table["withheld_schedule"][lang].format(
            baseline=units.fmt(rise.baseline),
            unit=label,
            rise=units.fmt(rise.rise),
            limit=units.fmt(rise.baseline + rise.allowed_rise),
            resume=units.fmt(units.round_half_up(rise.resume_at, 2)),
            dose=table["withheld_dose"][lang].format(dose=dose) if dose is not None else "",
        )
    return texts
