"""Systemic therapy: the category by subtype and the options by line, history and biomarkers.

Option texts, refs and sources are data (``rules/systemic.json``); the choice of options is written
here as one small function per subtype so a reviewer can read each pathway top to bottom.
"""

from __future__ import annotations

from typing import Any

from calculator import units
from calculator._data import rule_table
from calculator.findings import Findings
from calculator.patient import Patient

CHEMOTHERAPIES = ("anthracycline", "taxane", "capecitabine", "platinum")
ENDOCRINE_THERAPIES = ("aromatase_inhibitor", "tamoxifen", "fulvestrant")


class _Options:
    """Collects options in order, each with the rationale variant and refs that fit the patient."""

    def __init__(self, findings: Findings) -> None:
        self.items: list[dict[str, Any]] = []
        self.findings = findings

    def add(self, code: str, variant: str = "default", refs_key: str = "refs") -> None:
        if any(item["code"] == code for item in self.items):
            return
        option = rule_table("systemic")["options"][code]
        rationale = option["rationale"].get(variant) or next(iter(option["rationale"].values()))
        refs = list(option.get(refs_key) or option["refs"])
        self.findings.cite(option["source"])
        self.items.append(
            {"code": code, "name": dict(option["name"]), "rationale": dict(rationale), "refs": refs}
        )


def _her2_positive(patient: Patient, options: _Options) -> None:
    if patient.line == 1:
        options.add("thp")
        options.add("pyrotinib_based", "first_line")
    else:
        # Later lines: offer what has not been used yet, most effective first.
        if not patient.had("t_dxd"):
            options.add("t_dxd", "her2_positive")
        if not patient.had("t_dm1"):
            options.add("t_dm1")
        if not patient.had("tucatinib"):
            options.add("tucatinib_based")
        if not patient.had("pyrotinib"):
            options.add("pyrotinib_based", "later_line")
        options.add("chemotherapy")
    if patient.hr_status == "positive":
        options.add("et_anti_her2")


def _needs_ovarian_suppression(patient: Patient) -> str | None:
    if patient.sex == "male":
        return "male"
    if patient.menopausal_status in ("premenopausal", "perimenopausal"):
        return "premenopausal"
    return None


def _her2_low_adc(patient: Patient, options: _Options) -> None:
    if patient.had("t_dxd"):
        return
    if patient.her2_status == "low":
        options.add("t_dxd", "her2_low", "low_refs")
    elif patient.her2_status == "ultralow" and patient.hr_status == "positive":
        options.add("t_dxd", "her2_ultralow", "ultralow_refs")


def _hr_positive_endocrine(patient: Patient, options: _Options) -> None:
    ofs = _needs_ovarian_suppression(patient)
    if patient.line == 1:
        options.add("et_cdk46i", "first_line")
        if ofs:
            options.add("ovarian_function_suppression", ofs, "male_refs" if ofs == "male" else "refs")
        options.add("endocrine_monotherapy")
        return
    if patient.pik3ca == "mutated" and not patient.had("pi3k_akt_inhibitor"):
        options.add("pi3k_akt_inhibitor")
    if patient.esr1 == "mutated" and patient.had("cdk46_inhibitor") and patient.had(*ENDOCRINE_THERAPIES):
        options.add("elacestrant")
    if not patient.had("cdk46_inhibitor"):
        options.add("et_cdk46i", "later_line")
    if ofs:
        options.add("ovarian_function_suppression", ofs, "male_refs" if ofs == "male" else "refs")
    if not patient.had("fulvestrant"):
        options.add("fulvestrant")
    if not patient.had("everolimus"):
        options.add("everolimus_exemestane")
    options.add("tucidinostat_exemestane")
    _hr_positive_later(patient, options)


def _hr_positive_later(patient: Patient, options: _Options) -> None:
    """Biomarker-driven and cytotoxic options shared by later endocrine lines and chemotherapy-first care."""
    if patient.gbrca == "pathogenic" and not patient.had("parp_inhibitor"):
        options.add("parp_inhibitor")
    _her2_low_adc(patient, options)
    if patient.line >= 3 and not patient.had("sacituzumab_govitecan"):
        options.add("sacituzumab_govitecan", "hr_positive", "hr_refs")
    options.add("chemotherapy")


def _hr_positive_chemotherapy(patient: Patient, options: _Options) -> None:
    options.add(
        "chemotherapy",
        "visceral_crisis" if patient.visceral_crisis else "default",
        "crisis_refs" if patient.visceral_crisis else "refs",
    )
    if patient.line >= 2:
        _hr_positive_later(patient, options)
    elif patient.gbrca == "pathogenic":
        options.add("parp_inhibitor")


def _triple_negative(patient: Patient, options: _Options, findings: Findings) -> None:
    rules = rule_table("systemic")
    if patient.line == 1:
        cps_min = units.dec(rules["pdl1_cps_min"]["value"])
        if patient.pdl1_cps is None:
            findings.warn("pdl1_cps_unknown", "info")
        elif patient.pdl1_cps >= cps_min and not patient.had("immunotherapy"):
            options.add("pembrolizumab_chemo")
            dfi = patient.disease_free_interval_months
            if dfi is not None and dfi < units.dec(rules["pembrolizumab_min_dfi_months"]["value"]):
                findings.warn("pembrolizumab_short_dfi", "info")
    if patient.gbrca == "pathogenic":
        if not patient.had("parp_inhibitor"):
            options.add("parp_inhibitor", refs_key="tnbc_refs")
        options.add("platinum_chemo")
    if patient.line >= 2 and not patient.had("sacituzumab_govitecan"):
        options.add("sacituzumab_govitecan", "tnbc")
    # HER2-low after chemotherapy (a later line, or chemotherapy already recorded).
    after_chemotherapy = patient.line >= 2 or patient.had(*CHEMOTHERAPIES)
    if patient.her2_status == "low" and after_chemotherapy and not patient.had("t_dxd"):
        options.add("t_dxd", "her2_low", "low_refs")
    options.add("chemotherapy", refs_key="tnbc_refs")


def category_for(patient: Patient) -> str:
    """The systemic category; pregnancy rules out endocrine and targeted options, so it is chemotherapy-based."""
    if patient.pregnant:
        return "chemotherapy_based"
    if patient.her2_status == "positive":
        return "anti_her2_based"
    if (
        patient.hr_status == "positive"
        and not patient.visceral_crisis
        and patient.endocrine_resistance != "primary"
    ):
        return "endocrine_based"
    return "chemotherapy_based"


def systemic_therapy(patient: Patient, findings: Findings) -> dict[str, Any]:
    """{category, options} for this patient, options in the order the pathway lists them."""
    category = category_for(patient)
    options = _Options(findings)
    for rule in rule_table("systemic")["category_rules"]:
        if rule["category"] == category:
            findings.cite(rule["source"])
    if patient.pregnant:
        findings.warn("pregnancy_systemic_specialist", "block")
        options.add("chemotherapy", "pregnancy", "pregnancy_refs")
        return {"category": category, "options": options.items}
    if patient.her2_status == "positive":
        _her2_positive(patient, options)
    elif patient.hr_status == "positive":
        if patient.sex == "female" and patient.menopausal_status == "unknown":
            findings.warn("menopausal_status_unknown", "info")
        if category == "endocrine_based":
            _hr_positive_endocrine(patient, options)
        else:
            findings.warn(
                "visceral_crisis_chemotherapy"
                if patient.visceral_crisis
                else "primary_endocrine_resistance_chemotherapy",
                "info",
            )
            _hr_positive_chemotherapy(patient, options)
    else:
        _triple_negative(patient, options, findings)
    if patient.her2_status != "positive" and patient.gbrca == "unknown":
        findings.warn("gbrca_unknown", "info")
    return {"category": category, "options": options.items}
