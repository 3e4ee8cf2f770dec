"""Bad input through the API: ValidationError lists every problem with its dotted field."""

from __future__ import annotations

import math

import pytest

from calculator import Problem, ValidationError, assess

from .conftest import make_patient


def _fields(patient) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        assess(patient)
    for item in caught.value.problems:
        assert isinstance(item, Problem)
        assert item.message["en"] and item.message["zh"]
    return [p.field for p in caught.value.problems]


@pytest.mark.parametrize(
    "field",
    [
        "age_years",
        "sex",
        "weight_kg",
        "hr_status",
        "her2_status",
        "bone_metastasis",
        "expected_survival_months",
    ],
)
def test_missing_required(field):
    assert _fields(make_patient(**{field: ...})) == [field]


def test_missing_creatinine():
    assert _fields(make_patient(labs__creatinine=...)) == ["labs.creatinine"]


def test_null_required_is_missing():
    assert _fields(make_patient(age_years=None)) == ["age_years"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"age_years": True}, "age_years"),
        ({"weight_kg": "70"}, "weight_kg"),
        ({"on_dialysis": 1}, "on_dialysis"),
        ({"dental__assessed": "yes"}, "dental.assessed"),
        ({"sex": 1}, "sex"),
        ({"prior_therapies": "taxane"}, "prior_therapies"),
        ({"labs__creatinine": 80}, "labs.creatinine"),
        ({"labs__creatinine": {"value": "80", "unit": "umol/L"}}, "labs.creatinine.value"),
        ({"labs__creatinine": {"value": False, "unit": "umol/L"}}, "labs.creatinine.value"),
        ({"biomarkers__pdl1_cps": "high"}, "biomarkers.pdl1_cps"),
        ({"line": 1.5}, "line"),
        ({"dental": []}, "dental"),
    ],
)
def test_wrong_types(changes, field):
    assert _fields(make_patient(**changes)) == [field]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"sex": "f"}, "sex"),
        ({"her2_status": "neg"}, "her2_status"),
        ({"menopausal_status": "post"}, "menopausal_status"),
        ({"biomarkers__gbrca": "positive"}, "biomarkers.gbrca"),
        ({"prior_therapies": ["taxane", "radiotherapy"]}, "prior_therapies"),
        ({"hypersensitivity": ["penicillin"]}, "hypersensitivity"),
        ({"current_bone_agent": "romosozumab"}, "current_bone_agent"),
    ],
)
def test_unknown_enum_values(changes, field):
    assert _fields(make_patient(**changes)) == [field]


@pytest.mark.parametrize(
    ("lab", "unit"),
    [("creatinine", "mmol/L"), ("calcium", "mEq/L"), ("albumin", "mg/dL"), ("vitamin_d", "ug/L")],
)
def test_units_not_allowed(lab, unit):
    assert _fields(make_patient(**{f"labs__{lab}": {"value": 1, "unit": unit}})) == [f"labs.{lab}.unit"]


def test_lab_missing_unit_and_value():
    assert _fields(make_patient(labs__calcium={})) == ["labs.calcium.unit", "labs.calcium.value"]


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_non_finite_numbers(value):
    assert _fields(make_patient(weight_kg=value)) == ["weight_kg"]
    assert _fields(make_patient(labs__creatinine={"value": value, "unit": "umol/L"})) == [
        "labs.creatinine.value"
    ]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"labs__creatinine": {"value": 9.9, "unit": "umol/L"}}, "labs.creatinine.value"),
        ({"labs__creatinine": {"value": 2001, "unit": "umol/L"}}, "labs.creatinine.value"),
        ({"labs__creatinine": {"value": 0.1, "unit": "mg/dL"}}, "labs.creatinine.value"),
        ({"labs__creatinine": {"value": 23, "unit": "mg/dL"}}, "labs.creatinine.value"),
        ({"labs__calcium": {"value": 0.9, "unit": "mmol/L"}}, "labs.calcium.value"),
        ({"labs__calcium": {"value": 5.1, "unit": "mmol/L"}}, "labs.calcium.value"),
        ({"labs__calcium": {"value": 21, "unit": "mg/dL"}}, "labs.calcium.value"),
        ({"labs__albumin": {"value": 9, "unit": "g/L"}}, "labs.albumin.value"),
        ({"labs__albumin": {"value": 61, "unit": "g/L"}}, "labs.albumin.value"),
        ({"labs__albumin": {"value": 40, "unit": "g/dL"}}, "labs.albumin.value"),
        ({"labs__vitamin_d": {"value": 1, "unit": "nmol/L"}}, "labs.vitamin_d.value"),
        ({"labs__vitamin_d": {"value": 501, "unit": "nmol/L"}}, "labs.vitamin_d.value"),
        ({"labs__vitamin_d": {"value": 250, "unit": "ng/mL"}}, "labs.vitamin_d.value"),
        ({"age_years": 17}, "age_years"),
        ({"age_years": 111}, "age_years"),
        ({"weight_kg": 24.9}, "weight_kg"),
        ({"weight_kg": 301}, "weight_kg"),
        ({"expected_survival_months": -1}, "expected_survival_months"),
        ({"line": 0}, "line"),
        ({"disease_free_interval_months": -3}, "disease_free_interval_months"),
        ({"biomarkers__pdl1_cps": 101}, "biomarkers.pdl1_cps"),
    ],
)
def test_out_of_range(changes, field):
    assert _fields(make_patient(**changes)) == [field]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"age_years": 18}, None),
        ({"age_years": 110}, None),
        ({"weight_kg": 25}, None),
        ({"weight_kg": 300}, None),
        ({"labs__creatinine": {"value": 10, "unit": "umol/L"}}, None),
        ({"labs__creatinine": {"value": 2000, "unit": "umol/L"}}, None),
        (
            {
                "labs__calcium": {"value": 1.0, "unit": "mmol/L"},
                "labs__albumin": {"value": 10, "unit": "g/L"},
            },
            None,
        ),
        (
            {
                "labs__calcium": {"value": 5.0, "unit": "mmol/L"},
                "labs__albumin": {"value": 60, "unit": "g/L"},
            },
            None,
        ),
        ({"labs__vitamin_d": {"value": 2, "unit": "nmol/L"}}, None),
        ({"labs__vitamin_d": {"value": 500, "unit": "nmol/L"}}, None),
    ],
)
def test_range_bounds_are_inclusive(changes, field):
    assert assess(make_patient(**changes))["derived"]["crcl_ml_min"] > 0


def test_out_of_range_message_names_the_range_and_unit():
    with pytest.raises(ValidationError) as caught:
        assess(make_patient(labs__creatinine={"value": 5000, "unit": "umol/L"}))
    message = caught.value.problems[0].message
    assert "10–2000 µmol/L" in message["en"] and "10–2000 µmol/L" in message["zh"]


def test_unknown_keys_are_rejected_with_a_suggestion():
    patient = make_patient()
    patient["labs"]["creatinin"] = {"value": 80, "unit": "umol/L"}
    patient["wieght_kg"] = 70
    patient["dental"]["onj"] = True
    with pytest.raises(ValidationError) as caught:
        assess(patient)
    by_field = {p.field: p for p in caught.value.problems}
    assert set(by_field) == {"labs.creatinin", "wieght_kg", "dental.onj"}
    assert "creatinine" in by_field["labs.creatinin"].message["en"]
    assert "weight_kg" in by_field["wieght_kg"].message["en"]


def test_unknown_key_inside_a_lab():
    assert _fields(make_patient(labs__calcium={"value": 2.3, "unit": "mmol/L", "units": "x"})) == [
        "labs.calcium.units"
    ]


def test_not_an_object():
    for raw in ([], "patient", 3, None):
        assert _fields(raw) == [""]


def test_male_cannot_be_pregnant():
    assert _fields(make_patient(sex="male", pregnant=True)) == ["pregnant"]


def test_every_problem_is_reported_at_once():
    fields = _fields(make_patient(age_years=5, sex="x", labs__creatinine={"value": 1, "unit": "g"}))
    assert fields == ["age_years", "sex", "labs.creatinine.unit"]


def test_optional_nulls_mean_not_given():
    result = assess(
        make_patient(
            menopausal_status=None,
            current_bone_agent=None,
            labs__vitamin_d=None,
            biomarkers={"pdl1_cps": None, "gbrca": None},
            disease_free_interval_months=None,
        )
    )
    assert result["inputs"]["menopausal_status"] == "unknown"
    assert result["inputs"]["biomarkers"]["gbrca"] == "unknown"


def test_range_belongs_to_the_quantity_whatever_the_unit():
    # 4.0 mg/dL / 4.008 = 0.998 mmol/L: below 1.0 mmol/L, so rejected; 22.6 mg/dL = 1997.8 umol/L accepted
    with pytest.raises(ValidationError) as caught:
        assess(make_patient(labs__calcium={"value": 4.0, "unit": "mg/dL"}))
    (problem,) = caught.value.problems
    assert problem.field == "labs.calcium.value"
    assert "4.008–20.04 mg/dL (1–5 mmol/L)" in problem.message["en"]
    assert assess(make_patient(weight_kg=300, labs__creatinine={"value": 22.6, "unit": "mg/dL"}))


@pytest.mark.parametrize(
    ("changes", "field", "shown"),
    [
        # Python refuses str() of integers over 4300 digits: assess() raised ValueError, not ValidationError.
        ({"labs__creatinine": {"value": 10**5000, "unit": "umol/L"}}, "labs.creatinine.value", "1e+5000"),
        ({"age_years": 10**5000}, "age_years", "1e+5000"),
        ({"line": 10**5000}, "line", "1e+5000"),
        ({"biomarkers__pdl1_cps": 10**5000}, "biomarkers.pdl1_cps", "1e+5000"),
        # A float written out in full ran to 309 digits in the message beside the field.
        ({"weight_kg": 1e308}, "weight_kg", "1e+308"),
        ({"labs__calcium": {"value": 1e-320, "unit": "mmol/L"}}, "labs.calcium.value", "1e-320"),
    ],
)
def test_absurd_numbers_are_a_short_clear_problem(changes, field, shown):
    with pytest.raises(ValidationError) as caught:
        assess(make_patient(**changes))
    (problem,) = caught.value.problems
    assert problem.field == field
    assert problem.message["en"].startswith(f"{shown} is outside the plausible range")
    assert len(problem.message["en"]) < 120 and len(problem.message["zh"]) < 120


def test_ordinary_numbers_are_written_out_in_messages():
    with pytest.raises(ValidationError) as caught:
        assess(make_patient(weight_kg=0.000125))
    assert caught.value.problems[0].message["en"].startswith("0.000125 is outside")
