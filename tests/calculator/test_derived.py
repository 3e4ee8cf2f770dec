"""Cockcroft-Gault and corrected calcium: values, rounding and the working shown to the doctor."""

from __future__ import annotations

import re

import pytest

from calculator import assess
from calculator._data import rule_table
from calculator.units import fmt

from .conftest import make_patient


def test_crcl_male_textbook_case():
    # (140 - 60) x 72 / (72 x 1.2) = 66.666... -> 66.7
    result = assess(
        make_patient(age_years=60, weight_kg=72, labs__creatinine={"value": 1.2, "unit": "mg/dL"})
    )
    assert result["derived"]["crcl_ml_min"] == 66.7


def test_crcl_female_factor_and_umol_conversion():
    # 106.08 umol/L / 88.4 = 1.2 mg/dL; (140 - 60) x 72 / (72 x 1.2) x 0.85 = 56.666... -> 56.7
    result = assess(
        make_patient(
            sex="female", age_years=60, weight_kg=72, labs__creatinine={"value": 106.08, "unit": "umol/L"}
        )
    )
    assert result["derived"]["crcl_ml_min"] == 56.7
    working = result["derived"]["working"]
    assert "106.08 µmol/L ÷ 88.4 = 1.2 mg/dL" in working["en"]
    assert "× 0.85" in working["en"]
    assert "56.7 mL/min" in working["en"]
    assert "Actual body weight (72 kg)" in working["en"]
    assert "实际体重（72 kg）" in working["zh"]


@pytest.mark.parametrize(
    ("weight", "shown"),
    [
        (29.95, 30.0),
        (29.94, 29.9),
        (59.95, 60.0),
        (60.05, 60.1),
        (39.95, 40.0),
        (49.95, 50.0),
        (30.049, 30.0),
    ],
)
def test_crcl_rounds_half_up_to_one_decimal(weight, shown):
    assert assess(make_patient(weight_kg=weight))["derived"]["crcl_ml_min"] == shown


def test_corrected_calcium_formula_and_working():
    result = assess(
        make_patient(
            labs__calcium={"value": 2.0, "unit": "mmol/L"}, labs__albumin={"value": 30, "unit": "g/L"}
        )
    )
    assert result["derived"]["corrected_calcium_mmol_l"] == 2.2
    assert "2 + 0.02 × (40 − 30)" in result["derived"]["working"]["en"]


def test_corrected_calcium_conventional_units_show_conversions():
    # 8.0 mg/dL / 4.008 = 1.996 mmol/L; 3.0 g/dL = 30 g/L; 1.996 + 0.2 = 2.196 -> 2.20
    result = assess(
        make_patient(
            labs__calcium={"value": 8.0, "unit": "mg/dL"}, labs__albumin={"value": 3.0, "unit": "g/dL"}
        )
    )
    assert result["derived"]["corrected_calcium_mmol_l"] == 2.2
    working = result["derived"]["working"]["en"]
    assert "Calcium 8 mg/dL ÷ 4.008 = 1.996 mmol/L" in working
    assert "Albumin 3 g/dL × 10 = 30 g/L" in working


def test_corrected_calcium_null_without_albumin_and_checks_use_measured_value():
    result = assess(make_patient(labs__albumin=...))
    assert result["derived"]["corrected_calcium_mmol_l"] is None
    assert result["derived"]["calcium_basis"] == "measured_total"
    assert result["derived"]["calcium_checked_mmol_l"] == 2.35
    assert "calcium_not_albumin_corrected" in [w["code"] for w in result["warnings"]]


def test_corrected_calcium_null_without_calcium():
    result = assess(make_patient(labs__calcium=...))
    assert result["derived"]["corrected_calcium_mmol_l"] is None
    assert result["derived"]["calcium_basis"] is None
    assert "baseline_calcium" in result["bone_agent"]["before_starting"]


def test_vitamin_d_conversion_in_working():
    result = assess(make_patient(labs__vitamin_d={"value": 20, "unit": "ng/mL"}))
    assert (
        "20 ng/mL × 2.496 = 49.92 nmol/L; low if below 20 ng/mL (= 49.92 nmol/L"
        in result["derived"]["working"]["en"]
    )
    assert result["derived"]["vitamin_d_low"] is False
    assert result["derived"]["vitamin_d_nmol_l"] == 49.92  # was 49.9: read as below 50, yet not low


@pytest.mark.parametrize(
    ("value", "ng_ml", "low"), [(49.91, "19.995", True), (49.92, "20", False), (49.93, "20.004", False)]
)
def test_vitamin_d_working_never_shows_the_cut_off_on_the_wrong_side(value, ng_ml, low):
    # 49.91 nmol/L used to read "= 20 ng/mL ...; low if below 20 ng/mL" while being flagged low.
    result = assess(make_patient(labs__vitamin_d={"value": value, "unit": "nmol/L"}))
    assert result["derived"]["vitamin_d_low"] is low
    for lang in ("en", "zh"):
        working = result["derived"]["working"][lang]
        assert f"{value} nmol/L = {ng_ml} ng/mL" in working
        assert "49.92 nmol/L" in working


def test_dialysis_note_in_working():
    result = assess(make_patient(on_dialysis=True))
    assert "On dialysis" in result["derived"]["working"]["en"]


def test_the_working_text_states_the_numbers_the_engine_uses():
    # The templates in rules/working.json spell the constants out for the doctor; an edit of a rule
    # table that left them behind would make the shown working disagree with the result.
    thresholds, working, labs = rule_table("thresholds"), rule_table("working"), rule_table("units")["labs"]
    cockcroft, corrected = thresholds["cockcroft_gault"], thresholds["corrected_calcium"]

    def factor(lab: str, unit: str) -> str:
        return fmt(next(u["factor"] for u in labs[lab]["units"] if u["code"] == unit))

    expected = {
        "crcl_formula": [fmt(cockcroft["age_from"]), fmt(cockcroft["divisor"])],
        "crcl_numbers": [fmt(cockcroft["age_from"]), fmt(cockcroft["divisor"])],
        "female_factor": [fmt(cockcroft["female_factor"])],
        "creatinine_conversion": [factor("creatinine", "mg/dL")],
        "calcium_formula": [
            fmt(corrected["coefficient_mmol_per_g"]),
            fmt(corrected["reference_albumin_g_l"]),
        ],
        "calcium_numbers": [
            fmt(corrected["coefficient_mmol_per_g"]),
            fmt(corrected["reference_albumin_g_l"]),
            fmt(thresholds["hypocalcaemia"]["below_mmol_l"], 2),
            fmt(thresholds["hypercalcaemia"]["above_mmol_l"], 2),
        ],
        "calcium_conversion": [factor("calcium", "mg/dL")],
        "albumin_conversion": [factor("albumin", "g/dL")],
        "vitamin_d_conversion": [factor("vitamin_d", "ng/mL")],
        "vitamin_d_value": [factor("vitamin_d", "ng/mL")],
        "creatinine_rise": [fmt(thresholds["creatinine_rise_rule"]["resume_within_percent"])],
    }
    for key, numbers in expected.items():
        for lang in ("en", "zh"):
            for number in numbers:
                assert re.search(rf"(?<![\d.]){re.escape(number)}(?![\d]|\.\d)", working[key][lang]), (
                    key,
                    lang,
                    number,
                )


def test_the_shown_crcl_working_rounds_to_the_band_value():
    # Male 68 y, creatinine 1.0 mg/dL: CrCl = weight. Exact 29.9496 rounds half up to 29.9 (below 30:
    # zoledronic acid blocked); the working used to show "= 29.95 → 29.9", which a reader rounds to 30.0.
    result = assess(make_patient(weight_kg=29.9496))
    assert result["derived"]["crcl_ml_min"] == 29.9
    assert "= 29.949 → 29.9 mL/min" in result["derived"]["working"]["en"]
    zoledronic = next(a for a in result["bone_agent"]["agents"] if a["agent"] == "zoledronic_acid")
    assert zoledronic["blockers"] == ["crcl_below_30"]


def test_the_shown_calcium_working_rounds_to_the_checked_value():
    # Exact 2.0945 is 2.09 (hypocalcaemia); the working used to read "2.095 + ... = 2.095 → 2.09".
    result = assess(make_patient(labs__calcium={"value": 2.0945, "unit": "mmol/L"}))
    assert result["derived"]["corrected_calcium_mmol_l"] == 2.09
    working = result["derived"]["working"]["en"]
    assert "2.094 + 0.02 × (40 − 40) = 2.094 → 2.09 mmol/L" in working
    assert "uncorrected_hypocalcemia" in result["bone_agent"]["agents"][0]["blockers"]


def test_calcium_in_mg_dl_without_albumin_shows_digits_that_round_to_the_checked_value():
    # 8.395 mg/dL ÷ 4.008 = 2.09456…: checked as 2.09 (low); half up it was shown as 2.095.
    result = assess(make_patient(labs__calcium={"value": 8.395, "unit": "mg/dL"}, labs__albumin=...))
    assert result["derived"]["calcium_checked_mmol_l"] == 2.09
    working = result["derived"]["working"]["en"]
    assert "8.395 mg/dL ÷ 4.008 = 2.094 mmol/L" in working and "2.09 mmol/L is used" in working


def test_vitamin_d_shown_in_nmol_l_stays_below_the_cut_off_when_low():
    result = assess(make_patient(labs__vitamin_d={"value": 19.999, "unit": "ng/mL"}))
    assert result["derived"]["vitamin_d_low"] is True
    assert (
        result["derived"]["vitamin_d_nmol_l"] == 49.91
    )  # 49.9175…; half up it read 49.92, the cut-off itself
