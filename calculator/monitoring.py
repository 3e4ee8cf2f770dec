"""The monitoring schedule for the agents that can be given now (``rules/monitoring.json``), with
this patient's own creatinine limit for withholding zoledronic acid or pamidronate."""

from __future__ import annotations

from typing import Any

from calculator import units
from calculator._data import rule_table
from calculator.findings import Findings
from calculator.patient import Patient
from guideline_content import LANGUAGES


def creatinine_rise_detail(patient: Patient) -> dict[str, str]:
    """The withholding rule written out with this patient's baseline, in the unit entered."""
    rule = rule_table("thresholds")["creatinine_rise_rule"]
    templates = rule_table("working")
    # Already on zoledronic acid or pamidronate: the pre-treatment value is the baseline, not today's.
    lab = patient.creatinine
    if patient.current_bone_agent in rule["agents"] and patient.baseline_creatinine is not None:
        lab = patient.baseline_creatinine
    unit = lab.unit
    baseline = lab.value
    # Compared in the unit entered: the label's 124 umol/L is its own rounding of 1.4 mg/dL.
    boundary = units.dec(rule["baseline_normal_below"][unit])
    normal = baseline < boundary or (baseline == boundary and rule["at_boundary"] == "normal")
    rise = units.dec((rule["rise_if_normal"] if normal else rule["rise_if_abnormal"])[unit])
    label = units.unit_label("creatinine", unit)
    detail = {}
    for lang in LANGUAGES:
        note = templates["creatinine_rise_boundary"][lang] if baseline == boundary else ""
        detail[lang] = templates["creatinine_rise"][lang].format(
            rise=units.fmt(rise),
            unit=label,
            baseline=units.fmt(baseline),
            limit=units.fmt(baseline + rise),
            boundary=note,
        )
    return detail


def monitoring(patient: Patient, agents: list[dict[str, Any]], findings: Findings) -> list[dict[str, Any]]:
    """Rows {item, timing, agents, refs[, detail]} for the agents not blocked (eligible or pending);
    when every agent is blocked, the schedule of all five is shown so the plan is ready once the blockers are resolved."""
    eligible = [a["agent"] for a in agents if a["status"] != "blocked"] or [a["agent"] for a in agents]
    rise_rule = rule_table("thresholds")["creatinine_rise_rule"]
    rows = []
    for row in rule_table("monitoring")["rows"]:
        chosen = [agent for agent in row["agents"] if agent in eligible]
        if not chosen:
            continue
        findings.cite(row["source"])
        entry: dict[str, Any] = {
            "item": row["item"],
            "timing": row["timing"],
            "agents": chosen,
            "refs": list(row["refs"]),
        }
        detail = row.get("detail")
        if detail and detail["agent"] in chosen:
            entry["detail"] = {"en": detail["en"], "zh": detail["zh"]}
        if (row["item"], row["timing"]) == ("serum_creatinine", "before_each_dose") and set(chosen) & set(
            rise_rule["agents"]
        ):
            entry["detail"] = creatinine_rise_detail(patient)
            findings.cite(rise_rule["source"])
        rows.append(entry)
    return rows
