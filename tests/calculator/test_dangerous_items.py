"""Issue 10's three dangerous items, at their edges: a patient already on zoledronic acid or
pamidronate (baseline creatinine and the rise rule), serum creatinine above 3.0 mg/dL (265 µmol/L),
and hypercalcaemia of malignancy. Base patient: male, 68 years, creatinine 1.0 mg/dL, so
CrCl = weight (mL/min)."""

from __future__ import annotations

import pytest

from calculator import assess, render_note

from .conftest import agent, make_patient


def _lab(value, unit="umol/L"):
    return {"value": value, "unit": unit}


def on_za(baseline, today, unit="umol/L", **changes):
    return assess(
        make_patient(
            current_bone_agent="zoledronic_acid",
            labs__baseline_creatinine=_lab(baseline, unit),
            labs__creatinine=_lab(today, unit),
            **changes,
        )
    )


# --- 1. already on zoledronic acid or pamidronate ----------------------------------------------


def test_rise_from_70_to_130_withholds_the_dose_and_says_when_to_resume():
    result = on_za(70, 130)
    za = agent(result, "zoledronic_acid")
    assert za["status"] == "blocked" and za["blockers"] == ["creatinine_rise_withhold"]
    assert za["dose_mg"] is None
    assert "77" in za["schedule"]["en"] and "same dose as before (4.0 mg)" in za["schedule"]["en"]
    assert "按原剂量继续" in za["schedule"]["zh"]


@pytest.mark.parametrize(
    ("baseline", "today", "unit", "withheld"),
    [
        (70, 114, "umol/L", True),  # normal baseline: rise of exactly 44 µmol/L withholds
        (70, 113.9, "umol/L", False),
        (1.0, 1.5, "mg/dL", True),  # exactly 0.5 mg/dL
        (1.0, 1.49, "mg/dL", False),
        (1.5, 2.5, "mg/dL", True),  # abnormal baseline: exactly 1.0 mg/dL
        (1.5, 2.49, "mg/dL", False),
        (130, 218, "umol/L", True),  # abnormal baseline: exactly 88 µmol/L
        (130, 217, "umol/L", False),
    ],
)
def test_rise_rule_at_the_threshold(baseline, today, unit, withheld):
    za = agent(on_za(baseline, today, unit, weight_kg=120), "zoledronic_acid")
    assert ("creatinine_rise_withhold" in za["blockers"]) is withheld


def test_dose_comes_from_the_baseline_crcl_not_todays():
    # Baseline 1.0 mg/dL -> CrCl 80 (4 mg); today 1.4 mg/dL -> CrCl 57.1 (would be 3.5 mg), rise 0.4.
    result = on_za(1.0, 1.4, "mg/dL")
    za = agent(result, "zoledronic_acid")
    assert result["derived"]["baseline_crcl_ml_min"] == 80.0 and result["derived"]["crcl_ml_min"] == 57.1
    assert za["status"] == "eligible" and za["dose_mg"] == 4.0 and za["dose_basis"] == "baseline_crcl"
    assert "基线" in za["schedule"]["zh"]
    # Another agent is a new start: dosed by today's CrCl.
    assert (
        agent(result, "ibandronate")["dose_mg"] == 6
        and agent(result, "ibandronate")["dose_basis"] == "current_crcl"
    )


def test_no_baseline_means_pending_never_rebanded():
    result = assess(make_patient(current_bone_agent="pamidronate", labs__creatinine=_lab(130)))
    pam = agent(result, "pamidronate")
    assert pam["status"] == "pending" and pam["pending_on"] == ["labs.baseline_creatinine"]
    assert pam["dose_mg"] is None and pam["eligible"] is False
    assert any(w["code"] == "baseline_creatinine_needed" for w in result["warnings"])
    assert "待定" in result["summary"]["zh"]


def test_pamidronate_follows_the_same_rise_rule():
    result = assess(
        make_patient(
            current_bone_agent="pamidronate",
            labs__baseline_creatinine=_lab(80),
            labs__creatinine=_lab(124),
        )
    )
    assert agent(result, "pamidronate")["blockers"] == ["creatinine_rise_withhold"]


def test_monitoring_rise_detail_uses_the_baseline_when_on_treatment():
    result = on_za(70, 100)
    row = next(r for r in result["monitoring"] if r["timing"] == "before_each_dose")
    assert "baseline of 70 µmol/L" in row["detail"]["en"] and "114" in row["detail"]["en"]


# --- 2. creatinine above 3.0 mg/dL (265 µmol/L) --------------------------------------------------


@pytest.mark.parametrize(
    ("creatinine", "capped"),
    [(_lab(265), False), (_lab(266), True), (_lab(3.0, "mg/dL"), False), (_lab(3.01, "mg/dL"), True)],
)
def test_creatinine_cap_edges(creatinine, capped):
    # Weight 300 kg keeps the CrCl estimate above 30, so only the cap can block.
    result = assess(make_patient(weight_kg=300, labs__creatinine=creatinine))
    assert result["derived"]["crcl_ml_min"] >= 30
    for name in ("zoledronic_acid", "pamidronate"):
        assert ("creatinine_above_3_mg_dl" in agent(result, name)["blockers"]) is capped
    for name in ("denosumab", "ibandronate", "clodronate"):
        assert "creatinine_above_3_mg_dl" not in agent(result, name)["blockers"]


def test_obese_patient_with_creatinine_300_cannot_have_zoledronic_acid():
    result = assess(make_patient(sex="female", age_years=50, weight_kg=150, labs__creatinine=_lab(300)))
    assert result["derived"]["crcl_ml_min"] > 40  # Cockcroft-Gault alone would allow a reduced dose
    za = agent(result, "zoledronic_acid")
    assert za["status"] == "blocked" and "creatinine_above_3_mg_dl" in za["blockers"]
    assert "上述问题解决后" not in za["schedule"]["zh"]  # no dose promised "once resolved"
    assert "血肌酐 >3.0 mg/dL" in result["summary"]["zh"]


# --- 3. hypercalcaemia ---------------------------------------------------------------------------


def _calcium(value, **changes):
    return assess(make_patient(labs__calcium=_lab(value, "mmol/L"), **changes))


def _codes(result):
    return [w["code"] for w in result["warnings"]]


@pytest.mark.parametrize(
    ("calcium", "grade", "severity", "block"),
    [
        (2.6, None, None, False),
        (2.61, 1, "mild", False),
        (2.9, 1, "mild", False),
        (2.99, 2, "mild", False),
        (3.0, 2, "moderate", True),
        (3.1, 2, "moderate", True),
        (3.11, 3, "moderate", True),
        (3.49, 4, "moderate", True),
        (3.5, 4, "severe", True),
    ],
)
def test_grading_and_block_edges(calcium, grade, severity, block):
    result = _calcium(calcium)
    hcm = result["hypercalcemia"]
    assert hcm["ctcae_grade"] == grade and hcm["severity"] == severity
    blocking = [w for w in result["warnings"] if w["code"] == "hypercalcemia_of_malignancy"]
    assert bool(blocking) is block
    if block:
        assert blocking[0]["severity"] == "block"


def test_calcium_3_6_treats_the_hypercalcaemia_first():
    result = _calcium(3.6, weight_kg=40)
    steps = [s["code"] for s in result["hypercalcemia"]["steps"]]
    assert steps[0] == "hcm_hydration"
    for code in (
        "hcm_zoledronic_acid",
        "hcm_pamidronate",
        "hcm_ibandronate",
        "hcm_calcitonin",
        "hcm_denosumab_refractory",
        "hcm_retreat_interval",
        "hcm_no_calcium_supplement",
    ):
        assert code in steps
    assert not any(a["preferred"] for a in result["bone_agent"]["agents"])  # not the routine schedule
    assert "calcium_vitamin_d_supplement" not in result["bone_agent"]["before_starting"]
    assert "恶性肿瘤相关高钙血症（重度，CTCAE 4 级）" in result["summary"]["zh"]
    assert "高钙血症：重度" in render_note(result, "zh")


def test_hypercalcaemia_is_treated_whatever_the_expected_survival():
    result = _calcium(3.2, expected_survival_months=1)
    assert result["bone_agent"]["indicated"] is False
    assert "hcm_zoledronic_acid" in [s["code"] for s in result["hypercalcemia"]["steps"]]
    assert "hypercalcemia_of_malignancy" in _codes(result)


def test_step_doses_follow_calcium_and_creatinine():
    texts = {s["code"]: s["text"]["en"] for s in _calcium(3.3)["hypercalcemia"]["steps"]}
    assert "60–90 mg" in texts["hcm_pamidronate"] and "ibandronate 4 mg" in texts["hcm_ibandronate"]
    assert (
        "pamidronate 90 mg"
        in {s["code"]: s["text"]["en"] for s in _calcium(3.4)["hypercalcemia"]["steps"]}["hcm_pamidronate"]
    )
    mild = {s["code"]: s["text"]["en"] for s in _calcium(2.8)["hypercalcemia"]["steps"]}
    assert "ibandronate 2 mg" in mild["hcm_ibandronate"] and "hcm_zoledronic_acid" not in mild
    high_creatinine = _calcium(3.3, labs__creatinine=_lab(400))["hypercalcemia"]["steps"]
    za = next(s for s in high_creatinine if s["code"] == "hcm_zoledronic_acid")
    assert "excluded" in za["text"]["en"]
    below = _calcium(3.3, labs__creatinine=_lab(399))["hypercalcemia"]["steps"]
    assert "no renal reduction" in next(s for s in below if s["code"] == "hcm_zoledronic_acid")["text"]["en"]


def test_an_allergy_removes_that_agents_step():
    steps = [s["code"] for s in _calcium(3.3, hypersensitivity=["bisphosphonates"])["hypercalcemia"]["steps"]]
    assert "hcm_zoledronic_acid" not in steps and "hcm_hydration" in steps
    assert "hcm_denosumab_refractory" in steps
