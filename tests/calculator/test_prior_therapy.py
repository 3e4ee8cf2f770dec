"""Issue 10: prior therapy (advanced and adjuvant) decides eligibility by the trials' own entry
criteria, and the smaller safety and wording items."""

from __future__ import annotations

import pytest

from calculator import assess, render_note, text_for

from .conftest import agent, make_patient


def _codes(**changes):
    return [o["code"] for o in assess(make_patient(**changes))["systemic_therapy"]["options"]]


def _warnings(**changes):
    return [w["code"] for w in assess(make_patient(**changes))["warnings"]]


@pytest.mark.parametrize(("months", "thp"), [(11.9, False), (12, True)])
def test_her2_positive_relapse_within_12_months_of_adjuvant_trastuzumab(months, thp):
    changes = dict(
        her2_status="positive",
        adjuvant_therapies=["trastuzumab", "taxane"],
        months_since_adjuvant_end=months,
    )
    codes = _codes(**changes)
    assert ("thp" in codes) is thp
    if not thp:
        assert codes[:2] == ["t_dxd", "pyrotinib_based"]
        assert "her2_positive_early_relapse" in _warnings(**changes)


@pytest.mark.parametrize(("months", "t_dxd"), [(6, True), (6.1, False)])
def test_her2_low_t_dxd_after_adjuvant_chemotherapy_edge(months, t_dxd):
    codes = _codes(
        hr_status="negative",
        her2_status="low",
        line=1,
        adjuvant_therapies=["anthracycline", "taxane"],
        months_since_adjuvant_end=months,
        biomarkers={"pdl1_cps": 5},
    )
    assert ("t_dxd" in codes) is t_dxd


def test_her2_low_hr_positive_after_endocrine_therapy_before_chemotherapy():
    result = assess(
        make_patient(line=2, her2_status="low", prior_therapies=["aromatase_inhibitor", "cdk46_inhibitor"])
    )
    t_dxd = next(o for o in result["systemic_therapy"]["options"] if o["code"] == "t_dxd")
    assert "DESTINY-Breast06" in t_dxd["rationale"]["en"]


def test_sacituzumab_in_hr_positive_needs_endocrine_cdk46_and_chemotherapy():
    base = dict(line=4, prior_therapies=["aromatase_inhibitor", "cdk46_inhibitor"])
    assert "sacituzumab_govitecan" not in _codes(**base)
    assert "sacituzumab_govitecan" in _codes(
        line=4, prior_therapies=["aromatase_inhibitor", "cdk46_inhibitor", "capecitabine"]
    )


def test_everolimus_only_after_an_aromatase_inhibitor():
    assert "everolimus_exemestane" not in _codes(line=2, prior_therapies=["tamoxifen"])
    assert "everolimus_exemestane" in _codes(
        line=2, prior_therapies=["tamoxifen"], adjuvant_therapies=["aromatase_inhibitor"]
    )


def test_tucidinostat_only_for_postmenopausal_women():
    prior = ["aromatase_inhibitor", "cdk46_inhibitor"]
    assert "tucidinostat_exemestane" not in _codes(line=2, prior_therapies=prior)  # base patient is a man
    woman = dict(line=2, prior_therapies=prior, sex="female")
    assert "tucidinostat_exemestane" in _codes(**woman, menopausal_status="postmenopausal")
    assert "tucidinostat_exemestane" not in _codes(**woman, menopausal_status="premenopausal")


def test_primary_resistance_with_pik3ca_gets_targeted_endocrine_options():
    result = assess(make_patient(endocrine_resistance="primary", biomarkers={"pik3ca": "mutated"}))
    assert result["systemic_therapy"]["category"] == "endocrine_based"
    assert result["systemic_therapy"]["options"][0]["code"] == "pi3k_akt_inhibitor"
    assert "INAVO120" in result["systemic_therapy"]["options"][0]["rationale"]["en"]


def test_adjuvant_facts_that_imply_primary_resistance_give_a_caution():
    changes = dict(
        adjuvant_therapies=["aromatase_inhibitor"],
        months_since_adjuvant_end=0,
        disease_free_interval_months=18,
    )
    assert "endocrine_resistance_implied_primary" in _warnings(**changes)
    assert "endocrine_resistance_implied_primary" not in _warnings(**changes, endocrine_resistance="primary")
    assert "endocrine_resistance_implied_primary" not in _warnings(
        **dict(changes, disease_free_interval_months=30)
    )


def test_men_get_a_gnrh_agonist_not_ovarian_suppression():
    result = assess(make_patient())
    option = next(
        o for o in result["systemic_therapy"]["options"] if o["code"] == "ovarian_function_suppression"
    )
    assert option["name"]["en"].startswith("GnRH agonist") and "卵巢" not in option["name"]["zh"]


def test_premenopausal_hr_positive_her2_positive_maintenance_includes_ofs():
    codes = _codes(sex="female", menopausal_status="premenopausal", her2_status="positive")
    assert "et_anti_her2" in codes and "ovarian_function_suppression" in codes


def test_her2_negative_is_treated_as_her2_negative_with_a_note():
    codes = _codes(line=2, her2_status="negative", prior_therapies=["aromatase_inhibitor", "capecitabine"])
    assert "t_dxd" not in codes
    assert "her2_ihc_unscored" in _warnings(her2_status="negative")


def test_expected_survival_as_a_yes_no_answer():
    patient = make_patient(expected_survival_months=..., expected_survival_at_least_3_months=True)
    assert assess(patient)["bone_agent"]["indicated"] is True
    patient["expected_survival_at_least_3_months"] = False
    assert assess(patient)["bone_agent"]["indicated"] is False


def test_unhealed_oral_lesion_blocks_denosumab_only():
    result = assess(make_patient(dental__unhealed_oral_lesion=True))
    assert agent(result, "denosumab")["blockers"] == ["unhealed_oral_lesion"]
    assert agent(result, "zoledronic_acid")["status"] == "eligible"


@pytest.mark.parametrize(("status", "caution"), [("premenopausal", True), ("postmenopausal", False)])
def test_contraception_caution_for_women_who_may_become_pregnant(status, caution):
    result = assess(make_patient(sex="female", menopausal_status=status))
    assert ("contraception_needed" in agent(result, "denosumab")["cautions"]) is caution


def test_dialysis_note_says_ckd_mbd_and_nephrology_first():
    result = assess(make_patient(on_dialysis=True))
    assert "dialysis_ckd_mbd_first" in [w["code"] for w in result["warnings"]]
    assert "CKD-MBD" in render_note(result, "zh") and "肾内科" in render_note(result, "zh")


def test_pamidronate_schedule_carries_the_chinese_infusion():
    schedule = agent(assess(make_patient()), "pamidronate")["schedule"]["zh"]
    assert "不少于 4 小时" in schedule and "30 mg/h" in schedule


def test_low_vitamin_d_gets_a_repletion_step():
    steps = assess(make_patient(labs__vitamin_d={"value": 30, "unit": "nmol/L"}))["bone_agent"][
        "before_starting"
    ]
    assert "replete_vitamin_d" in steps


@pytest.mark.parametrize(("months", "offered"), [(11, False), (12, True)])
def test_twelve_weekly_zoledronic_acid_after_about_a_year(months, offered):
    result = assess(
        make_patient(
            current_bone_agent="zoledronic_acid",
            months_on_bone_agent=months,
            labs__baseline_creatinine={"value": 1.0, "unit": "mg/dL"},
        )
    )
    assert ("twelve_weekly_offered" in agent(result, "zoledronic_acid")["cautions"]) is offered


def test_stopping_denosumab_carries_the_rebound_warning():
    result = assess(make_patient(current_bone_agent="denosumab"))
    assert "denosumab_stop_rebound_warning" in [w["code"] for w in result["warnings"]]
    assert "denosumab_stop_rebound" in agent(result, "zoledronic_acid")["cautions"]


def test_wording():
    assert text_for("block")["zh"] == "禁用"
    allergic = agent(assess(make_patient(hypersensitivity=["denosumab"])), "denosumab")
    assert "once these are resolved" not in allergic["schedule"]["en"].lower()
    clodronate_limit = agent(assess(make_patient(weight_kg=25)), "zoledronic_acid")["blocker_texts"][
        "crcl_below_30"
    ]
    assert "clodronate" not in clodronate_limit["en"].lower() and "30 mL/min" in clodronate_limit["en"]
