"""MSCC red flags (NICE CG75 lists, facts-addendum 12.9) and the emergency steps (facts.md 7.5)."""

from __future__ import annotations

import pytest

from calculator.errors import ValidationError
from calculator.mscc import mscc_check, mscc_findings, radiotherapy_schedules

URGENT = [
    "thoracic_or_cervical_pain",
    "progressive_lumbar_pain",
    "severe_unremitting_lumbar_pain",
    "pain_on_straining",
    "localised_spinal_tenderness",
    "nocturnal_pain_preventing_sleep",
]
IMMEDIATE = [
    "radicular_pain",
    "limb_weakness",
    "difficulty_walking",
    "sensory_loss",
    "bladder_bowel_dysfunction",
    "cord_or_cauda_signs",
]


def test_the_two_published_lists():
    tiers = {f["code"]: f["tier"] for f in mscc_findings()}
    assert tiers == {**dict.fromkeys(URGENT, "urgent"), **dict.fromkeys(IMMEDIATE, "immediate")}


@pytest.mark.parametrize("code", URGENT)
def test_an_urgent_flag_means_contact_within_24_hours_and_no_routine_steroid(code):
    result = mscc_check({"findings": [code]})
    steps = [s["code"] for s in result["steps"]]
    assert result["urgency"] == "urgent"
    assert "contact_within_24h" in steps and "no_routine_steroid" in steps
    assert "dexamethasone_16mg" not in steps


@pytest.mark.parametrize("code", IMMEDIATE[1:])
def test_a_neurological_flag_means_immediate_contact_and_dexamethasone_16mg(code):
    result = mscc_check({"findings": ["pain_on_straining", code]})
    steps = {s["code"]: s for s in result["steps"]}
    assert result["urgency"] == "immediate"
    assert "contact_immediately" in steps and "contact_within_24h" not in steps
    assert "16 mg" in steps["dexamethasone_16mg"]["text"]["en"]
    assert "mri_whole_spine" in steps and "stability_and_surgeon" in steps


def test_radicular_pain_alone_is_immediate_but_not_a_steroid_trigger():
    steps = [s["code"] for s in mscc_check({"findings": ["radicular_pain"]})["steps"]]
    assert "contact_immediately" in steps and "dexamethasone_16mg" not in steps


def test_nothing_ticked_never_reassures():
    result = mscc_check({"findings": []})
    assert result["urgency"] == "none" and "does not exclude" in result["message"]["en"]
    assert mscc_check({})["urgency"] == "none"


def test_never_a_diagnosis():
    for code in URGENT + IMMEDIATE:
        for step in mscc_check({"findings": [code]})["steps"]:
            assert "diagnos" not in step["text"]["en"].lower()


@pytest.mark.parametrize(
    ("inputs", "fields"),
    [
        ([], [""]),
        ({"findings": "x"}, ["findings"]),
        ({"findings": ["weak"]}, ["findings.0"]),
        ({"finding": []}, ["finding"]),
    ],
)
def test_bad_input_names_the_field(inputs, fields):
    with pytest.raises(ValidationError) as error:
        mscc_check(inputs)
    assert [p.field for p in error.value.problems] == fields


def test_radiotherapy_schedules_are_the_published_ones():
    rows = {row["code"]: row for row in radiotherapy_schedules()}
    assert rows["pain_single_8gy"]["schedules"] == [[8, 1]]
    assert rows["pain_equivalent_schedules"]["schedules"] == [[8, 1], [20, 5], [24, 6], [30, 10]]
    assert rows["mscc_no_surgery"]["schedules"] == [[8, 1], [16, 2], [20, 5], [30, 10]]
    assert all(row["source"] for row in rows.values())
