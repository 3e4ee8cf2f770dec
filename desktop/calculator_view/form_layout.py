"""The order of the form: the ward question first (who, kidney and calcium, bone and tumour), then
the history behind one fold, then everything else in the engine's own groups.

This is presentation only: which fields exist, their labels and whether they are required all
come from ``input_spec()``; a field this list does not name still appears, under its spec group.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

HISTORY = "history"  # the folded section ("既往治疗/生物标志物")
# (section, field paths in Enter order); a path the spec lacks is skipped.
LEAD_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("patient", ("age_years", "sex", "weight_kg")),
    ("kidney_calcium", ("labs.creatinine", "labs.calcium", "labs.albumin")),
    (
        "bone_tumour",
        (
            "bone_metastasis",
            "hr_status",
            "her2_status",
            "expected_survival_at_least_3_months",
            "expected_survival_months",
        ),
    ),
)
# A detail that Enter skips once the question before it is answered (the number is optional when
# "≥ 3 months: yes/no" is given); Tab and the mouse still reach it.
ENTER_SKIPS_WHEN_ANSWERED = {"expected_survival_months": "expected_survival_at_least_3_months"}
HISTORY_PATHS = (
    "line",
    "prior_therapies",
    "endocrine_resistance",
    "disease_free_interval_months",
    "adjuvant_therapies",
    "months_since_adjuvant_end",
)
HISTORY_PREFIXES = ("biomarkers.",)


def section_title(section: str) -> str:
    """Translated title of a form section (a lead section or a spec group); unknown ones show their code."""
    titles = {
        "patient": translate("CalculatorForm", "Patient"),
        "kidney_calcium": translate("CalculatorForm", "Kidney function and calcium"),
        "bone_tumour": translate("CalculatorForm", "Bone metastases and tumour"),
        HISTORY: translate("CalculatorForm", "Prior therapy / biomarkers"),
        "patient_more": translate("CalculatorForm", "More about the patient"),
        "tumour": translate("CalculatorForm", "More about the tumour"),
        "biomarkers": translate("CalculatorForm", "Biomarkers"),
        "labs": translate("CalculatorForm", "More laboratory values"),
        "safety": translate("CalculatorForm", "Kidney, dental, pregnancy and current bone agent"),
    }
    return titles.get(section, section)


def arrange(spec: Sequence[Mapping[str, Any]]) -> list[tuple[str, list[Mapping[str, Any]]]]:
    """The spec entries as (section, entries) in display order; every entry appears exactly once."""
    by_path = {entry["path"]: entry for entry in spec}
    placed: set[str] = set()
    sections: list[tuple[str, list[Mapping[str, Any]]]] = []
    for section, paths in LEAD_SECTIONS:
        entries = [by_path[p] for p in paths if p in by_path]
        placed.update(e["path"] for e in entries)
        sections.append((section, entries))
    history = [
        e
        for e in spec
        if e["path"] not in placed and (e["path"] in HISTORY_PATHS or e["path"].startswith(HISTORY_PREFIXES))
    ]
    history.sort(key=lambda e: HISTORY_PATHS.index(e["path"]) if e["path"] in HISTORY_PATHS else 99)
    placed.update(e["path"] for e in history)
    sections.append((HISTORY, history))
    rest: dict[str, list[Mapping[str, Any]]] = {}
    for entry in spec:
        if entry["path"] not in placed:
            group = entry.get("group") or "other"
            rest.setdefault("patient_more" if group == "patient" else group, []).append(entry)
    sections += list(rest.items())
    return [(section, entries) for section, entries in sections if entries]
