"""Systemic therapy: the category by subtype and the options by line, history and biomarkers.

Option texts, refs and sources are data (``rules/systemic.json``); the choice of options is written
here as one small function per subtype so a reviewer can read each pathway top to bottom.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from calculator import units
from calculator._data import rule_table
from calculator.findings import Findings
from calculator.patient import Patient
from calculator.renal import in_band

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
        # A variant may rename the option (men: "GnRH agonist", not "ovarian function suppression").
        name = option.get("names", {}).get(variant) or option["name"]
        refs = list(option.get(refs_key) or option["refs"])
        self.findings.cite(option["source"])
        self.items.append({"code": code, "name": dict(name), "rationale": dict(rationale), "refs": refs})


def _limit(key: str) -> Decimal:
    return units.dec(rule_table("systemic")["eligibility"][key]["value"])


def _months_after_adjuvant_at_most(patient: Patient, key: str) -> bool:
    months = patient.months_since_adjuvant_end
    return months is not None and months <= _limit(key)


def _after_chemotherapy(patient: Patient) -> bool:
    """DESTINY-Breast04's entry: chemotherapy for advanced disease, or relapse within 6 months of
    (during or after) adjuvant chemotherapy."""
    return patient.had(*CHEMOTHERAPIES) or (
        patient.had_adjuvant(*CHEMOTHERAPIES)
        and _months_after_adjuvant_at_most(patient, "adjuvant_chemo_relapse_max_months")
    )


def _adjuvant_endocrine_resistant(patient: Patient) -> bool:
    """Relapse during or within 12 months of adjuvant endocrine therapy (ABC secondary resistance;
    INAVO120's entry)."""
    return patient.had_adjuvant(*ENDOCRINE_THERAPIES) and _months_after_adjuvant_at_most(
        patient, "endocrine_resistant_within_months_after_adjuvant"
    )


def _early_her2_relapse(patient: Patient) -> bool:
    """Relapse within 12 months of (neo)adjuvant trastuzumab: CLEOPATRA required at least 12 months."""
    months = patient.months_since_adjuvant_end
    return (
        patient.had_adjuvant("trastuzumab")
        and months is not None
        and months < _limit("thp_min_months_after_adjuvant_trastuzumab")
    )


def _needs_ovarian_suppression(patient: Patient) -> str | None:
    if patient.sex == "male":
        return "male"
    if patient.menopausal_status in ("premenopausal", "perimenopausal"):
        return "premenopausal"
    return None


def _her2_positive(patient: Patient, options: _Options, findings: Findings) -> None:
    premenopausal = _needs_ovarian_suppression(patient) == "premenopausal"
    if patient.line == 1 and _early_her2_relapse(patient):
        findings.warn("her2_positive_early_relapse", "info")
        # Relapse after 6 but within 12 months: outside DESTINY-Breast03's entry as well as CLEOPATRA's.
        in_db03 = _months_after_adjuvant_at_most(patient, "db03_adjuvant_relapse_max_months")
        options.add("t_dxd", "her2_positive_early_relapse" if in_db03 else "her2_positive_early_relapse_gap")
        options.add("pyrotinib_based", "early_relapse")
    elif patient.line == 1:
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
        options.add("et_anti_her2", "premenopausal" if premenopausal else "default")
        if premenopausal:
            options.add("ovarian_function_suppression", "her2_positive_premenopausal")


def _db06_entry_met(patient: Patient) -> bool:
    """DESTINY-Breast06's endocrine part (facts-addendum §12.7.2): >= 2 endocrine lines for metastatic
    disease, or PD within 6 months of first-line ET + CDK4/6i (ABC primary resistance in the advanced
    setting), or relapse in the first 24 months of adjuvant ET (which counts as a line). The engine does
    not record each line's regimen: with no chemotherapy for advanced disease, line >= 3 is read as
    >= 2 endocrine-based lines (this app's working reading, systemic.json eligibility)."""
    return (
        patient.line - 1 >= int(_limit("db06_min_prior_endocrine_lines"))
        or patient.endocrine_resistance == "primary"
        or _implied_primary_resistance(patient)
    )


def _her2_low_adc(patient: Patient, options: _Options) -> None:
    """T-DXd by the trials' own entry criteria (facts-addendum §12.7), not by the line number. After a
    single endocrine line that may not meet DESTINY-Breast06's entry, T-DXd is shown with that condition
    in its rationale (the Chinese label is broader: >= 1 endocrine line, facts §3.1)."""
    if patient.had("t_dxd"):
        return
    after_endocrine = patient.hr_status == "positive" and patient.had(*ENDOCRINE_THERAPIES)
    chemotherapy_naive = not patient.had(*CHEMOTHERAPIES)
    if patient.her2_status == "low" and _after_chemotherapy(patient):
        options.add("t_dxd", "her2_low_after_chemotherapy", "low_refs")
    elif patient.her2_status in ("low", "ultralow") and after_endocrine and chemotherapy_naive:
        # DESTINY-Breast06: chemotherapy-naive for advanced disease.
        met = _db06_entry_met(patient)
        if patient.her2_status == "low":
            variant = "her2_low_after_endocrine" if met else "her2_low_one_endocrine_line"
            options.add("t_dxd", variant, "low_refs")
        else:
            options.add(
                "t_dxd", "her2_ultralow" if met else "her2_ultralow_one_endocrine_line", "ultralow_refs"
            )


def _add_ovarian_suppression(patient: Patient, options: _Options) -> None:
    ofs = _needs_ovarian_suppression(patient)
    if ofs:
        options.add("ovarian_function_suppression", ofs, "male_refs" if ofs == "male" else "refs")


def _hr_positive_endocrine(patient: Patient, options: _Options) -> None:
    pik3ca = patient.pik3ca == "mutated" and not patient.had("pi3k_akt_inhibitor")
    if patient.line == 1:
        if pik3ca and _adjuvant_endocrine_resistant(patient):
            options.add("pi3k_akt_inhibitor", "endocrine_resistant")
        options.add("et_cdk46i", "first_line")
        _add_ovarian_suppression(patient, options)
        options.add("endocrine_monotherapy")
        return
    # Later lines: biomarker-matched endocrine options, then CDK4/6 if not yet used, then the other
    # endocrine options; the antibody-drug conjugates and chemotherapy after them (_hr_positive_later).
    if pik3ca and patient.had_any("aromatase_inhibitor"):
        options.add("pi3k_akt_inhibitor")
    if (
        patient.esr1 == "mutated"
        and patient.had_any("cdk46_inhibitor")
        and patient.had_any(*ENDOCRINE_THERAPIES)
    ):
        options.add("elacestrant")
    if not patient.had("cdk46_inhibitor"):
        options.add("et_cdk46i", "later_line")
    if patient.sex != "male":
        _add_ovarian_suppression(patient, options)
    # The endocrine options of an endocrine-based category come first; T-DXd (DESTINY-Breast06) and
    # the other non-endocrine options follow in _hr_positive_later. No source ranks one of them first.
    if not patient.had("everolimus") and patient.had_any("aromatase_inhibitor"):
        options.add("everolimus_exemestane")
    if patient.sex == "male":  # an add-on to the aromatase-inhibitor options above, not a regimen of its own
        options.add("ovarian_function_suppression", "male_later_line", "male_refs")
    if _tucidinostat_fits(patient):
        options.add("tucidinostat_exemestane")
    if not patient.had("fulvestrant"):
        options.add("fulvestrant")
    _hr_positive_later(patient, options)


def _tucidinostat_fits(patient: Patient) -> bool:
    """ACE: postmenopausal women after at least one endocrine therapy (any setting)."""
    return (
        patient.sex == "female"
        and patient.menopausal_status == "postmenopausal"
        and patient.had_any(*ENDOCRINE_THERAPIES)
    )


def _hr_positive_later(patient: Patient, options: _Options) -> None:
    """Biomarker-driven and cytotoxic options shared by later endocrine lines and chemotherapy-first care."""
    if patient.gbrca == "pathogenic" and not patient.had("parp_inhibitor"):
        options.add("parp_inhibitor")
    _her2_low_adc(patient, options)
    # TROPiCS-02: after endocrine therapy, a CDK4/6 inhibitor and chemotherapy for advanced disease.
    if (
        not patient.had("sacituzumab_govitecan")
        and patient.had_any(*ENDOCRINE_THERAPIES)
        and patient.had_any("cdk46_inhibitor")
        and patient.had(*CHEMOTHERAPIES)
    ):
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
        met = _ascent_entry_met(patient)
        options.add("sacituzumab_govitecan", "tnbc" if met else "tnbc_line2_entry_not_met")
        if not met:  # said in the chart note too, beside the option
            findings.warn("sacituzumab_ascent_entry_not_met", "info")
    if patient.her2_status == "low" and _after_chemotherapy(patient) and not patient.had("t_dxd"):
        options.add("t_dxd", "her2_low_after_chemotherapy", "low_refs")
    options.add("chemotherapy", refs_key="tnbc_refs")


def _ascent_entry_met(patient: Patient) -> bool:
    """ASCENT: two or more systemic therapies, one for metastatic disease; at the second line only
    when (neo)adjuvant chemotherapy ended 12 months or less before the relapse (facts-addendum §12.7)."""
    return patient.line >= 3 or (
        patient.had_adjuvant(*CHEMOTHERAPIES)
        and _months_after_adjuvant_at_most(patient, "ascent_adjuvant_relapse_max_months")
    )


def _targeted_despite_primary_resistance(patient: Patient) -> bool:
    """Primary endocrine resistance with a PIK3CA mutation: the targeted endocrine options
    (INAVO120, SOLAR-1, CAPItello-291), not chemotherapy alone."""
    return (
        patient.endocrine_resistance == "primary"
        and patient.pik3ca == "mutated"
        and not patient.had("pi3k_akt_inhibitor")
    )


def _implied_primary_resistance(patient: Patient) -> bool:
    """Relapse during adjuvant endocrine therapy within 2 years (the disease-free interval stands in
    for the time on it): ABC's primary resistance, whatever the resistance entry says."""
    dfi = patient.disease_free_interval_months
    return (
        patient.had_adjuvant("aromatase_inhibitor", "tamoxifen")
        and patient.months_since_adjuvant_end == 0
        and dfi is not None
        and dfi < _limit("primary_resistance_within_adjuvant_months")
    )


# The kidney function each sacituzumab trial enrolled, by the pathway that offers it.
_SACITUZUMAB_KIDNEY_ENTRY = {
    "tnbc": ("ascent_min_crcl_ml_min", "sacituzumab_crcl_below_ascent"),
    "hr_positive": ("tropics02_min_crcl_ml_min", "sacituzumab_crcl_below_tropics02"),
}


def kidney_outside_trials(
    patient: Patient, systemic: dict[str, Any] | None, crcl: Decimal | None, findings: Findings
) -> None:
    """A caution beside sacituzumab govitecan when the kidney function is outside what its trial
    enrolled (or on dialysis). The option stays: the trial is silent there, not against it."""
    offered = systemic is not None and any(o["code"] == "sacituzumab_govitecan" for o in systemic["options"])
    if not offered:
        return
    if crcl is None and not patient.on_dialysis:  # a partial assessment: creatinine not entered yet
        findings.warn("sacituzumab_kidney_unchecked", "info")
        return
    key, code = _SACITUZUMAB_KIDNEY_ENTRY["hr_positive" if patient.hr_status == "positive" else "tnbc"]
    entry = rule_table("systemic")["eligibility"][key]
    enrolled = crcl is not None and in_band(
        {"min": entry["value"], "min_inclusive": entry["inclusive"]}, crcl
    )
    if patient.on_dialysis or not enrolled:
        findings.warn(code, "caution")
        findings.cite(entry["source"])


def category_for(patient: Patient) -> str:
    """The systemic category; pregnancy rules out endocrine and targeted options, so it is chemotherapy-based."""
    if patient.pregnant:
        return "chemotherapy_based"
    if patient.her2_status == "positive":
        return "anti_her2_based"
    if (
        patient.hr_status == "positive"
        and not patient.visceral_crisis
        and (patient.endocrine_resistance != "primary" or _targeted_despite_primary_resistance(patient))
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
        _her2_positive(patient, options, findings)
    elif patient.hr_status == "positive":
        if patient.sex == "female" and patient.menopausal_status == "unknown":
            findings.warn("menopausal_status_unknown", "info")
        if _implied_primary_resistance(patient) and patient.endocrine_resistance != "primary":
            findings.warn("endocrine_resistance_implied_primary", "caution")
        if category == "endocrine_based" and _targeted_despite_primary_resistance(patient):
            options.add("pi3k_akt_inhibitor", "endocrine_resistant")
            _hr_positive_later(patient, options)
        elif category == "endocrine_based":
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
    if patient.her2_status == "negative":
        # HER2-negative without an IHC score: treated as HER2-0, no low/ultralow option offered.
        findings.warn("her2_ihc_unscored", "info")
    return {"category": category, "options": options.items}
