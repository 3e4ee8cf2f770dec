"""Issue 16: inputs that cannot all be true are problems naming both fields; inputs that are
possible but odd, and a CrCl no body produces, are cautions beside the result."""

from __future__ import annotations

import pytest

from calculator import ValidationError, assess

from .conftest import make_patient, warning_codes, with_crcl

WOMAN = {"sex": "female", "menopausal_status": "premenopausal"}


def _problems(patient: dict) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        assess(patient)
    return [p.line("en") for p in caught.value.problems]


@pytest.mark.parametrize(
    ("changes", "line"),
    [
        (
            {"sex": "female", "menopausal_status": "postmenopausal", "pregnant": True},
            "pregnant: cannot be true when menopausal_status is postmenopausal",
        ),
        (
            {"sex": "male", "menopausal_status": "premenopausal"},
            "menopausal_status: must be unknown when sex is male, got 'premenopausal'",
        ),
        (
            {"visceral_crisis": True, "visceral_metastasis": False},
            "visceral_crisis: cannot be true when visceral_metastasis is false (a visceral crisis needs visceral metastases)",
        ),
        (
            {"age_years": 30, "disease_free_interval_months": 200},
            "disease_free_interval_months: 200 months is longer than the patient's adult life"
            " (age_years 30: at most 144 months)",
        ),
    ],
)
def test_contradiction_is_a_problem_naming_both_fields(changes, line):
    assert _problems(make_patient(**changes)) == [line]


def test_interval_within_adult_life_is_accepted():
    assess(make_patient(age_years=30, disease_free_interval_months=144))


def test_contradictions_are_problems_in_the_form_too():
    patient = make_patient(visceral_crisis=True)
    del patient["labs"]  # partial: creatinine missing is fine, the contradiction is not
    with pytest.raises(ValidationError) as caught:
        assess(patient, partial=True)
    assert [p.field for p in caught.value.problems] == ["visceral_crisis"]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        (
            {"on_dialysis": True, "labs": {"creatinine": {"value": 1.0, "unit": "mg/dL"}}},
            "dialysis_normal_creatinine",
        ),
        (
            {"on_dialysis": True, "labs": {"creatinine": {"value": 100, "unit": "umol/L"}}},
            "dialysis_normal_creatinine",
        ),
        ({**WOMAN, "pregnant": True, "age_years": 55}, "pregnancy_age_55"),
        ({"line": 1, "prior_therapies": ["tamoxifen"]}, "line1_prior_therapies"),
        ({"adjuvant_therapies": ["taxane"]}, "dfi_missing_after_adjuvant"),
    ],
)
def test_possible_but_odd_inputs_are_cautions(changes, code):
    result = assess(make_patient(**changes))
    assert code in warning_codes(result)
    assert next(w for w in result["warnings"] if w["code"] == code)["severity"] == "caution"


@pytest.mark.parametrize(
    "changes",
    [
        {"on_dialysis": True, "labs": {"creatinine": {"value": 5.0, "unit": "mg/dL"}}},
        {**WOMAN, "pregnant": True, "age_years": 54},
        {"line": 2, "prior_therapies": ["tamoxifen"]},
        {"line": 1, "adjuvant_therapies": ["tamoxifen"], "disease_free_interval_months": 30},
        {"disease_free_interval_months": None},  # de novo
    ],
)
def test_ordinary_inputs_raise_no_such_caution(changes):
    codes = warning_codes(assess(make_patient(**changes)))
    odd = {
        "dialysis_normal_creatinine",
        "pregnancy_age_55",
        "line1_prior_therapies",
        "dfi_missing_after_adjuvant",
    }
    assert not odd & set(codes)


def test_an_empty_interval_after_adjuvant_therapy_is_not_printed_as_de_novo():
    from calculator import render_text

    label = "无病间期（月；空白 = 初诊即转移）："
    after_adjuvant = render_text(assess(make_patient(adjuvant_therapies=["taxane"])), "zh")
    assert f"{label}未提供" in after_adjuvant and "无病间期为空" in after_adjuvant
    assert f"{label}初诊即转移" in render_text(assess(make_patient()), "zh")


def test_crcl_above_the_physiological_range_is_flagged_not_silent():
    result = assess(with_crcl(200.1))
    assert result["derived"]["crcl_ml_min"] == 200.1
    warning = next(w for w in result["warnings"] if w["code"] == "crcl_implausible")
    assert warning["severity"] == "caution" and "working rule" in warning["message"]["en"]
    assert "crcl_implausible" not in warning_codes(assess(with_crcl(200.0)))
