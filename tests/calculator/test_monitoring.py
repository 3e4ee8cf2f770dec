"""Monitoring schedule per agent, and the creatinine-rise withholding rule with the patient's numbers."""

from __future__ import annotations

import pytest

from calculator import assess

from .conftest import make_patient, with_crcl


def _rows(result):
    return {(row["item"], row["timing"]): row for row in result["monitoring"]}


def test_bisphosphonate_creatinine_before_each_dose_and_denosumab_calcium():
    rows = _rows(assess(make_patient()))
    assert rows[("serum_creatinine", "before_each_dose")]["agents"] == [
        "zoledronic_acid",
        "pamidronate",
        "ibandronate",
    ]
    calcium = rows[("serum_calcium", "periodic")]
    assert "denosumab" in calcium["agents"]
    assert "first weeks" in calcium["detail"]["en"]
    for item in ("serum_calcium", "serum_creatinine", "phosphate", "magnesium", "vitamin_d", "dental_exam"):
        assert (item, "baseline") in rows
    assert ("onj_symptoms", "periodic") in rows
    assert "clodronate" not in rows[("thigh_or_groin_pain", "periodic")]["agents"]


def test_schedule_follows_the_agents_that_can_be_given():
    rows = _rows(assess(with_crcl(20)))  # bisphosphonates except clodronate blocked
    assert ("serum_creatinine", "before_each_dose") not in rows
    assert rows[("serum_creatinine", "periodic")]["agents"] == ["clodronate"]
    assert rows[("magnesium", "baseline")]["agents"] == ["denosumab"]


def test_all_agents_listed_when_none_can_be_given():
    rows = _rows(assess(make_patient(dental__active_onj=True)))
    assert rows[("serum_calcium", "baseline")]["agents"] == [
        "denosumab",
        "zoledronic_acid",
        "pamidronate",
        "ibandronate",
        "clodronate",
    ]


@pytest.mark.parametrize(
    ("creatinine", "rise", "limit", "boundary_note"),
    [
        ({"value": 80, "unit": "umol/L"}, "44 µmol/L", "124 µmol/L", False),
        ({"value": 124, "unit": "umol/L"}, "44 µmol/L", "168 µmol/L", True),
        ({"value": 125, "unit": "umol/L"}, "88 µmol/L", "213 µmol/L", False),
        ({"value": 1.2, "unit": "mg/dL"}, "0.5 mg/dL", "1.7 mg/dL", False),
        ({"value": 1.4, "unit": "mg/dL"}, "0.5 mg/dL", "1.9 mg/dL", True),
        ({"value": 1.5, "unit": "mg/dL"}, "1 mg/dL", "2.5 mg/dL", False),
    ],
)
def test_creatinine_rise_rule(creatinine, rise, limit, boundary_note):
    result = assess(make_patient(weight_kg=150, labs__creatinine=creatinine))
    detail = _rows(result)[("serum_creatinine", "before_each_dose")]["detail"]
    assert f"by {rise} or more" in detail["en"]
    assert f"reaches {limit}" in detail["en"]
    assert ("exactly 1.4 mg/dL" in detail["en"]) is boundary_note
    assert ("1.4 mg/dL" in detail["zh"]) is boundary_note
