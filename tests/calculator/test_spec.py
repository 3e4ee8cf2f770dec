"""input_spec(): the form description the desktop is generated from."""

from __future__ import annotations

import pytest

from calculator import ValidationError, assess, input_spec

from .conftest import make_patient

SPEC = input_spec()
BY_PATH = {entry["path"]: entry for entry in SPEC}


def test_every_entry_has_the_promised_keys():
    for entry in SPEC:
        assert entry["kind"] in {"number", "enum", "bool", "codes", "lab"}
        assert entry["group"] in {"patient", "tumour", "biomarkers", "labs", "safety"}
        assert entry["label"]["en"] and entry["label"]["zh"]
        assert isinstance(entry["required"], bool)
        assert "default" in entry and "choices" in entry and "units" in entry
        for choice in entry["choices"]:
            assert choice["code"] and choice["label"]["en"] and choice["label"]["zh"]


def test_required_fields_match_the_contract():
    required = {e["path"] for e in SPEC if e["required"]}
    assert required == {
        "age_years",
        "sex",
        "weight_kg",
        "hr_status",
        "her2_status",
        "bone_metastasis",
        "labs.creatinine",
    }


def test_labs_offer_si_first_with_a_range_per_unit():
    expected = {
        "labs.creatinine": ["umol/L", "mg/dL"],
        "labs.calcium": ["mmol/L", "mg/dL"],
        "labs.albumin": ["g/L", "g/dL"],
        "labs.vitamin_d": ["nmol/L", "ng/mL"],
    }
    for path, codes in expected.items():
        entry = BY_PATH[path]
        assert entry["kind"] == "lab"
        assert [u["code"] for u in entry["units"]] == codes
        assert set(entry["ranges"]) == set(codes)
    assert BY_PATH["labs.creatinine"]["ranges"]["umol/L"] == {"min": 10, "max": 2000}
    assert BY_PATH["labs.calcium"]["ranges"]["mmol/L"] == {"min": 1.0, "max": 5.0}
    assert BY_PATH["labs.albumin"]["ranges"]["g/L"] == {"min": 10, "max": 60}
    assert BY_PATH["labs.vitamin_d"]["ranges"]["nmol/L"] == {"min": 2, "max": 500}


def test_numbers_have_ranges():
    assert BY_PATH["age_years"]["range"] == {"min": 18, "max": 110}
    assert BY_PATH["weight_kg"]["range"] == {"min": 25, "max": 300}
    assert BY_PATH["line"]["integer"] is True


def test_spec_is_a_copy():
    input_spec()[0]["label"]["en"] = "changed"
    assert input_spec()[0]["label"]["en"] != "changed"


@pytest.mark.parametrize(
    ("changes", "expected_path"),
    [
        ({"labs__creatinine": {"value": 1, "unit": "x"}}, "labs.creatinine.unit"),
        ({"labs__calcium": {"value": 99, "unit": "mmol/L"}}, "labs.calcium.value"),
        ({"dental__assessed": "no"}, "dental.assessed"),
        ({"biomarkers__pdl1_cps": 200}, "biomarkers.pdl1_cps"),
        ({"prior_therapies": ["x"]}, "prior_therapies"),
    ],
)
def test_problem_fields_are_addressable_from_the_spec(changes, expected_path):
    with pytest.raises(ValidationError) as caught:
        assess(make_patient(**changes))
    (problem,) = caught.value.problems
    assert problem.field == expected_path
    base = problem.field.removesuffix(".value").removesuffix(".unit")
    assert base in BY_PATH
