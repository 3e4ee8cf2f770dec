"""Both unit systems give the same decisions."""

from __future__ import annotations

import pytest

from calculator import assess

from .conftest import make_patient


def _decisions(result):
    bone = result["bone_agent"]
    return (
        result["derived"]["crcl_ml_min"],
        result["derived"]["corrected_calcium_mmol_l"],
        result["derived"]["vitamin_d_low"],
        [
            (a["agent"], a["eligible"], a["preferred"], a["dose_mg"], a["blockers"], a["cautions"])
            for a in bone["agents"]
        ],
        bone["before_starting"],
        [w["code"] for w in result["warnings"]],
    )


SI = {
    "creatinine": (88.4, "umol/L"),
    "calcium": (2.1, "mmol/L"),
    "albumin": (40, "g/L"),
    "vitamin_d": (50, "nmol/L"),
}
CONVENTIONAL = {
    "creatinine": (1.0, "mg/dL"),
    "calcium": (8.4168, "mg/dL"),
    "albumin": (4.0, "g/dL"),
    "vitamin_d": (20, "ng/mL"),
}


def _labs(table, **overrides):
    labs = {name: {"value": value, "unit": unit} for name, (value, unit) in table.items()}
    labs.update(overrides)
    return labs


@pytest.mark.parametrize("sex", ["male", "female"])
@pytest.mark.parametrize("weight", [29.95, 39.9, 50, 60, 60.1, 100])
def test_si_and_conventional_units_agree(sex, weight):
    si = assess(make_patient(sex=sex, weight_kg=weight, labs=_labs(SI)))
    conventional = assess(make_patient(sex=sex, weight_kg=weight, labs=_labs(CONVENTIONAL)))
    assert _decisions(si) == _decisions(conventional)


def test_mixed_units_at_thresholds():
    # Exactly at the thresholds in both systems: calcium 2.10 mmol/L = 8.4168 mg/dL, vitamin D 50 nmol/L = 20 ng/mL
    result = assess(make_patient(labs=_labs(CONVENTIONAL)))
    assert result["derived"]["corrected_calcium_mmol_l"] == 2.1
    assert all(a["eligible"] for a in result["bone_agent"]["agents"])
    assert result["derived"]["vitamin_d_low"] is False


@pytest.mark.parametrize("unit", ["µmol/L", "μmol/L", "umol/l"])
def test_micro_sign_spellings_are_accepted(unit):
    result = assess(make_patient(labs__creatinine={"value": 88.4, "unit": unit}))
    assert result["inputs"]["labs"]["creatinine"]["unit"] == "umol/L"
    assert result["derived"]["crcl_ml_min"] == 80.0


def test_female_crcl_in_both_units():
    # Female, age 68, creatinine 0.85 mg/dL (75.14 umol/L): CrCl = weight x 72 / (72 x 0.85) x 0.85 = weight
    mg = assess(make_patient(sex="female", weight_kg=50, labs__creatinine={"value": 0.85, "unit": "mg/dL"}))
    umol = assess(
        make_patient(sex="female", weight_kg=50, labs__creatinine={"value": 75.14, "unit": "umol/L"})
    )
    assert mg["derived"]["crcl_ml_min"] == umol["derived"]["crcl_ml_min"] == 50.0
