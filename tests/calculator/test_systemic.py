"""Systemic therapy category and options by subtype, line, history and biomarkers."""

from __future__ import annotations

import pytest

from calculator import assess

from .conftest import make_patient, option_codes, warning_codes


def _run(**changes):
    return assess(make_patient(**changes))


def test_hr_positive_first_line_postmenopausal():
    result = _run(sex="female", menopausal_status="postmenopausal")
    assert result["systemic_therapy"]["category"] == "endocrine_based"
    codes = option_codes(result)
    assert codes[0] == "et_cdk46i"
    assert "ovarian_function_suppression" not in codes


@pytest.mark.parametrize("status", ["premenopausal", "perimenopausal"])
def test_hr_positive_first_line_premenopausal_adds_ovarian_suppression(status):
    codes = option_codes(_run(sex="female", menopausal_status=status))
    assert codes[:2] == ["et_cdk46i", "ovarian_function_suppression"]


def test_male_gets_gnrh_with_aromatase_inhibitor():
    result = _run(sex="male")
    option = next(
        o for o in result["systemic_therapy"]["options"] if o["code"] == "ovarian_function_suppression"
    )
    assert "GnRH" in option["rationale"]["en"]
    assert "hr-positive-her2-negative#men" in option["refs"]


def test_unknown_menopausal_status_is_flagged():
    assert "menopausal_status_unknown" in warning_codes(_run(sex="female", menopausal_status="unknown"))


@pytest.mark.parametrize(
    "changes", [{"visceral_crisis": True, "visceral_metastasis": True}, {"endocrine_resistance": "primary"}]
)
def test_visceral_crisis_or_primary_resistance_means_chemotherapy(changes):
    result = _run(**changes)
    assert result["systemic_therapy"]["category"] == "chemotherapy_based"
    assert option_codes(result)[0] == "chemotherapy"


def test_visceral_metastasis_alone_stays_endocrine():
    assert _run(visceral_metastasis=True)["systemic_therapy"]["category"] == "endocrine_based"


def test_hr_positive_later_line_biomarkers():
    result = _run(
        line=2,
        sex="female",  # tucidinostat: postmenopausal women only (issue 10)
        menopausal_status="postmenopausal",
        her2_status="low",
        prior_therapies=["aromatase_inhibitor", "cdk46_inhibitor"],
        biomarkers={"pik3ca": "mutated", "esr1": "mutated", "gbrca": "pathogenic"},
    )
    codes = option_codes(result)
    for code in (
        "pi3k_akt_inhibitor",
        "elacestrant",
        "fulvestrant",
        "everolimus_exemestane",
        "tucidinostat_exemestane",
        "parp_inhibitor",
        "t_dxd",
        "chemotherapy",
    ):
        assert code in codes
    assert codes.index("pi3k_akt_inhibitor") < codes.index("chemotherapy")
    assert "et_cdk46i" not in codes
    assert "sacituzumab_govitecan" not in codes


def test_elacestrant_needs_prior_cdk46_inhibitor():
    codes = option_codes(
        _run(line=2, prior_therapies=["aromatase_inhibitor"], biomarkers={"esr1": "mutated"})
    )
    assert "elacestrant" not in codes
    assert "et_cdk46i" in codes


def test_hr_positive_third_line_sacituzumab_and_her2_ultralow_t_dxd():
    result = _run(
        line=3, her2_status="ultralow", prior_therapies=["aromatase_inhibitor", "cdk46_inhibitor", "taxane"]
    )
    codes = option_codes(result)
    assert "sacituzumab_govitecan" in codes
    # Issue 10: HER2-ultralow T-DXd only before chemotherapy for advanced disease (DESTINY-Breast06).
    assert "t_dxd" not in codes
    naive = _run(line=2, her2_status="ultralow", prior_therapies=["aromatase_inhibitor", "cdk46_inhibitor"])
    t_dxd = next(o for o in naive["systemic_therapy"]["options"] if o["code"] == "t_dxd")
    assert t_dxd["refs"] == ["her2-low#her2-ultralow"]


def test_her2_zero_gets_no_t_dxd():
    assert "t_dxd" not in option_codes(
        _run(line=2, her2_status="zero", prior_therapies=["aromatase_inhibitor"])
    )


def test_her2_positive_first_line():
    result = _run(her2_status="positive", hr_status="negative")
    assert result["systemic_therapy"]["category"] == "anti_her2_based"
    assert option_codes(result) == ["thp", "pyrotinib_based"]


def test_her2_positive_hr_positive_adds_endocrine_maintenance():
    assert "et_anti_her2" in option_codes(_run(her2_status="positive", hr_status="positive"))


def test_her2_positive_later_lines_by_history():
    codes = option_codes(
        _run(
            her2_status="positive",
            hr_status="negative",
            line=2,
            prior_therapies=["trastuzumab", "pertuzumab", "taxane"],
        )
    )
    assert codes[:4] == ["t_dxd", "t_dm1", "tucatinib_based", "pyrotinib_based"]
    used = option_codes(
        _run(
            her2_status="positive",
            hr_status="negative",
            line=3,
            prior_therapies=["trastuzumab", "pertuzumab", "t_dxd", "pyrotinib"],
        )
    )
    assert "t_dxd" not in used and "pyrotinib_based" not in used
    assert used[:2] == ["t_dm1", "tucatinib_based"]


def test_triple_negative_first_line_pdl1():
    at_ten = _run(hr_status="negative", biomarkers={"pdl1_cps": 10})
    assert at_ten["systemic_therapy"]["category"] == "chemotherapy_based"
    assert option_codes(at_ten)[0] == "pembrolizumab_chemo"
    assert "pembrolizumab_chemo" not in option_codes(_run(hr_status="negative", biomarkers={"pdl1_cps": 9.9}))
    assert "pdl1_cps_unknown" in warning_codes(_run(hr_status="negative"))


def test_triple_negative_gbrca():
    codes = option_codes(_run(hr_status="negative", biomarkers={"gbrca": "pathogenic", "pdl1_cps": 1}))
    assert "parp_inhibitor" in codes and "platinum_chemo" in codes
    result = _run(hr_status="negative", biomarkers={"gbrca": "pathogenic", "pdl1_cps": 1})
    parp = next(o for o in result["systemic_therapy"]["options"] if o["code"] == "parp_inhibitor")
    assert parp["refs"] == ["triple-negative#gbrca"]


def test_triple_negative_later_line():
    codes = option_codes(_run(hr_status="negative", her2_status="low", line=2, prior_therapies=["taxane"]))
    assert codes[:2] == ["sacituzumab_govitecan", "t_dxd"]
    assert "pembrolizumab_chemo" not in codes
    assert "t_dxd" not in option_codes(_run(hr_status="negative", her2_status="zero", line=2))


def test_triple_negative_her2_low_after_adjuvant_chemotherapy_first_line():
    assert "t_dxd" in option_codes(_run(hr_status="negative", her2_status="low", prior_therapies=["taxane"]))
    assert "t_dxd" not in option_codes(_run(hr_status="negative", her2_status="low"))


def test_pembrolizumab_short_disease_free_interval_note():
    result = _run(hr_status="negative", biomarkers={"pdl1_cps": 20}, disease_free_interval_months=4)
    assert "pembrolizumab_short_dfi" in warning_codes(result)


@pytest.mark.parametrize(
    ("hr", "her2"), [("positive", "positive"), ("positive", "zero"), ("negative", "low")]
)
def test_pregnancy_leaves_only_chemotherapy(hr, her2):
    result = _run(
        sex="female",
        menopausal_status="premenopausal",
        pregnant=True,
        hr_status=hr,
        her2_status=her2,
        biomarkers={"gbrca": "pathogenic", "pdl1_cps": 50},
    )
    assert option_codes(result) == ["chemotherapy"]
    block = [w for w in result["warnings"] if w["code"] == "pregnancy_systemic_specialist"]
    assert block and block[0]["severity"] == "block"


def test_every_option_has_bilingual_name_rationale_and_refs():
    result = _run(line=2, her2_status="low", biomarkers={"pik3ca": "mutated", "gbrca": "pathogenic"})
    for option in result["systemic_therapy"]["options"]:
        assert option["name"]["en"] and option["name"]["zh"]
        assert option["rationale"]["en"] and option["rationale"]["zh"]
        assert option["refs"] and all("#" in ref for ref in option["refs"])


# Sacituzumab govitecan and the kidney function its trials enrolled (facts-addendum §12.7 [134][135]):
# ASCENT CrCl > 60 mL/min (triple-negative), TROPiCS-02 CrCl >= 30 (HR-positive). The base patient's
# CrCl equals its weight (male, 68 years, creatinine 1.0 mg/dL).
_TNBC_LATER = {"hr_status": "negative", "her2_status": "zero", "line": 2}
_HR_LATER = {"line": 3, "prior_therapies": ["aromatase_inhibitor", "cdk46_inhibitor", "capecitabine"]}
ASCENT_CODE, TROPICS_CODE = "sacituzumab_crcl_below_ascent", "sacituzumab_crcl_below_tropics02"


def _crcl_and_warnings(**changes):
    result = _run(**changes)
    assert "sacituzumab_govitecan" in option_codes(result)  # a caution, never a withdrawn option
    return result["derived"]["crcl_ml_min"], warning_codes(result)


@pytest.mark.parametrize(("weight", "cautioned"), [(60, True), (60.1, False), (59.9, True), (30, True)])
def test_triple_negative_sacituzumab_cautioned_at_crcl_60_or_less(weight, cautioned):
    crcl, codes = _crcl_and_warnings(**_TNBC_LATER, weight_kg=weight)
    assert crcl == weight
    assert (ASCENT_CODE in codes) is cautioned and TROPICS_CODE not in codes


@pytest.mark.parametrize(("weight", "cautioned"), [(30, False), (29.9, True), (60, False)])
def test_hr_positive_sacituzumab_cautioned_below_crcl_30(weight, cautioned):
    crcl, codes = _crcl_and_warnings(**_HR_LATER, weight_kg=weight)
    assert crcl == weight
    assert (TROPICS_CODE in codes) is cautioned and ASCENT_CODE not in codes


@pytest.mark.parametrize(
    ("creatinine", "crcl", "cautioned"),
    # A woman, 40 years, 86.4 kg: CrCl = 100 x 86.4 x 0.85 / (72 x SCr mg/dL); 150.28 umol/L = 1.7 mg/dL.
    [({"value": 150.28, "unit": "umol/L"}, 60, True), ({"value": 1.69, "unit": "mg/dL"}, 60.4, False)],
)
def test_the_ascent_edge_for_a_woman_in_either_creatinine_unit(creatinine, crcl, cautioned):
    woman = {"sex": "female", "menopausal_status": "premenopausal", "age_years": 40, "weight_kg": 86.4}
    shown, codes = _crcl_and_warnings(**_TNBC_LATER, **woman, labs__creatinine=creatinine)
    assert shown == crcl and (ASCENT_CODE in codes) is cautioned


def test_dialysis_cautions_sacituzumab_whatever_the_clearance_reads():
    _, codes = _crcl_and_warnings(**_HR_LATER, weight_kg=90, on_dialysis=True)
    assert TROPICS_CODE in codes


def test_no_kidney_caution_when_sacituzumab_is_not_offered():
    result = _run(hr_status="negative", her2_status="zero", line=1, weight_kg=30)  # first line: not offered
    assert "sacituzumab_govitecan" not in option_codes(result)
    assert not {ASCENT_CODE, TROPICS_CODE} & set(warning_codes(result))


def test_the_caution_texts_state_the_thresholds_of_the_rules():
    from calculator._data import rule_table
    from calculator.texts import text_for

    entry = rule_table("systemic")["eligibility"]
    for code, key in ((ASCENT_CODE, "ascent_min_crcl_ml_min"), (TROPICS_CODE, "tropics02_min_crcl_ml_min")):
        limit = f"{entry[key]['value']} mL/min"
        assert all(limit in text_for(code)[lang] for lang in ("en", "zh"))
        assert all(limit in rule_table("note")["short"][code][lang] for lang in ("en", "zh"))


def test_the_chart_note_names_the_caution_beside_the_options():
    from calculator import render_note

    result = _run(**_TNBC_LATER, weight_kg=45)
    zh, en = render_note(result, "zh"), render_note(result, "en")
    assert "注意（戈沙妥珠单抗）：本例 CrCl 45.0 mL/min，ASCENT 仅纳入 CrCl >60 mL/min 者" in zh
    assert "Caution (Sacituzumab govitecan): CrCl 45.0 mL/min here; ASCENT enrolled only CrCl above 60" in en
    dialysis = render_note(_run(**_TNBC_LATER, weight_kg=45, on_dialysis=True), "zh")
    assert "注意（戈沙妥珠单抗）：透析患者，ASCENT 仅纳入" in dialysis


def test_dialysis_cautions_sacituzumab_even_before_the_creatinine_is_entered():
    # Dialysis alone puts the patient outside both trials' kidney criteria: the caution does not
    # wait for a creatinine (which on dialysis says little anyway).
    patient = make_patient(**_HR_LATER, on_dialysis=True, labs__creatinine=...)
    result = assess(patient, partial=True)
    assert result["derived"] is None and "sacituzumab_govitecan" in option_codes(result)
    assert TROPICS_CODE in warning_codes(result)


def test_without_a_creatinine_the_note_says_the_kidney_checks_are_still_to_come():
    from calculator import render_note

    result = assess(make_patient(**_TNBC_LATER, labs__creatinine=...), partial=True)
    assert "sacituzumab_kidney_unchecked" in warning_codes(result)
    assert not {ASCENT_CODE, TROPICS_CODE} & set(warning_codes(result))
    note = render_note(result, "zh")
    assert "骨改良药物：待补充 血清肌酐" in note
    assert "注意（戈沙妥珠单抗）：" in note and "待录入血肌酐后核对肾功能是否符合试验入组要求" in note


def test_the_chart_note_leaves_out_a_caution_for_an_option_it_does_not_name():
    from calculator import render_note, render_text

    # PIK3CA-mutated, gBRCA carrier, HER2-low: sacituzumab comes after the five options the note names.
    biomarkers = {"pik3ca": "mutated", "esr1": "mutated", "gbrca": "pathogenic"}
    result = _run(**_HR_LATER, her2_status="low", biomarkers=biomarkers, weight_kg=25.5)
    assert option_codes(result).index("sacituzumab_govitecan") >= 5 and TROPICS_CODE in warning_codes(result)
    assert "TROPiCS-02" not in render_note(result, "en").split("Systemic therapy:")[1]
    assert "TROPiCS-02 enrolled only patients with a clearance" in render_text(result, "en")


def _sacituzumab_rationale(**changes) -> str:
    result = _run(hr_status="negative", her2_status="zero", **changes)
    return next(o for o in result["systemic_therapy"]["options"] if o["code"] == "sacituzumab_govitecan")[
        "rationale"
    ]["en"]


@pytest.mark.parametrize(
    ("changes", "met"),
    [
        ({"line": 3}, True),
        ({"line": 2}, False),  # de novo, one line for metastatic disease
        ({"line": 2, "adjuvant_therapies": ["taxane"], "months_since_adjuvant_end": 12}, True),
        ({"line": 2, "adjuvant_therapies": ["taxane"], "months_since_adjuvant_end": 12.1}, False),
        (
            {"line": 2, "adjuvant_therapies": ["tamoxifen"], "months_since_adjuvant_end": 3},
            False,
        ),  # not chemo
    ],
)
def test_triple_negative_second_line_sacituzumab_says_whether_ascents_entry_is_met(changes, met):
    # ASCENT: >= 2 systemic therapies, >= 1 for metastatic disease; at line 2 only after a relapse
    # within 12 months of (neo)adjuvant chemotherapy (facts-addendum §12.7 [135]). Offered either way.
    interval = {"disease_free_interval_months": 20} if "adjuvant_therapies" in changes else {}
    rationale = _sacituzumab_rationale(**changes, **interval)
    assert ("which is not recorded here" in rationale) is not met
    assert ("prolonged progression-free and overall survival" in rationale) is met


def test_a_man_at_a_later_line_sees_the_gnrh_agonist_as_an_add_on_to_the_aromatase_inhibitor_options():
    # ASCO 2020 (facts §3.1 [27]): an AI is combined with a GnRH agent; tamoxifen and fulvestrant are not.
    result = _run(sex="male", line=3, prior_therapies=["aromatase_inhibitor", "cdk46_inhibitor"])
    codes = option_codes(result)
    assert codes.index("everolimus_exemestane") < codes.index("ovarian_function_suppression")
    gnrh = next(
        o for o in result["systemic_therapy"]["options"] if o["code"] == "ovarian_function_suppression"
    )
    assert "exemestane included" in gnrh["name"]["en"] and "without one" in gnrh["rationale"]["en"]


def test_the_chart_note_says_when_ascents_entry_is_not_met_at_the_second_line():
    from calculator import render_note

    de_novo = render_note(_run(**_TNBC_LATER, weight_kg=80), "zh")
    assert "注意（戈沙妥珠单抗）：二线仅新辅助或辅助化疗结束后 12 个月内复发者符合 ASCENT 入组条件" in de_novo
    early = {
        "adjuvant_therapies": ["taxane"],
        "months_since_adjuvant_end": 6,
        "disease_free_interval_months": 20,
    }
    assert "ASCENT 入组条件" not in render_note(_run(**_TNBC_LATER, **early, weight_kg=80), "zh")
