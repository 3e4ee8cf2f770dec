"""Calcium, vitamin D, ONJ, pregnancy, hypersensitivity, dental and switching rules."""

from __future__ import annotations

import pytest

from calculator import assess

from .conftest import agent, make_patient, warning_codes

AGENTS = ("denosumab", "zoledronic_acid", "pamidronate", "ibandronate", "clodronate")
BISPHOSPHONATES = AGENTS[1:]


def _calcium(value, unit="mmol/L", albumin=40, albumin_unit="g/L"):
    return make_patient(
        labs__calcium={"value": value, "unit": unit}, labs__albumin={"value": albumin, "unit": albumin_unit}
    )


@pytest.mark.parametrize(
    ("calcium", "blocked"),
    [(2.10, False), (2.09, True), (2.095, False), (2.094, True), (1.5, True), (2.3, False)],
)
def test_hypocalcaemia_blocks_every_agent_below_2_10(calcium, blocked):
    result = assess(_calcium(calcium))
    for name in AGENTS:
        entry = agent(result, name)
        assert ("uncorrected_hypocalcemia" in entry["blockers"]) is blocked
        assert entry["eligible"] is (not blocked)
    assert ("correct_hypocalcemia" in result["bone_agent"]["before_starting"]) is blocked
    assert ("hypocalcaemia_correct_first" in warning_codes(result)) is blocked


def test_low_albumin_correction_lifts_calcium_above_threshold():
    # 2.00 + 0.02 x (40 - 35) = 2.10: not hypocalcaemic once corrected
    result = assess(_calcium(2.00, albumin=35))
    assert result["derived"]["corrected_calcium_mmol_l"] == 2.1
    assert all(a["eligible"] for a in result["bone_agent"]["agents"])


@pytest.mark.parametrize(("calcium", "high"), [(2.60, False), (2.61, True), (2.605, True), (2.604, False)])
def test_hypercalcaemia_above_2_60_warns_and_drops_supplement(calcium, high):
    result = assess(_calcium(calcium))
    assert ("hypercalcaemia" in warning_codes(result)) is high
    assert ("calcium_vitamin_d_supplement" not in result["bone_agent"]["before_starting"]) is high
    severity = {w["code"]: w["severity"] for w in result["warnings"]}
    if high:
        assert severity["hypercalcaemia"] == "caution"


def test_missing_calcium_asks_for_baseline():
    result = assess(make_patient(labs__calcium=..., labs__albumin=...))
    assert "baseline_calcium" in result["bone_agent"]["before_starting"]
    assert all(not a["blockers"] for a in result["bone_agent"]["agents"])


@pytest.mark.parametrize(
    ("value", "unit", "low"),
    [
        (50, "nmol/L", False),
        (49.9, "nmol/L", True),
        (20, "ng/mL", False),
        (19.9, "ng/mL", True),
        (49.92, "nmol/L", False),
        (49.91, "nmol/L", True),
        (80, "nmol/L", False),
    ],
)
def test_vitamin_d_low_below_50_nmol_or_20_ng(value, unit, low):
    result = assess(make_patient(labs__vitamin_d={"value": value, "unit": unit}))
    for name in AGENTS:
        assert ("vitamin_d_low" in agent(result, name)["cautions"]) is low
    assert result["derived"]["vitamin_d_low"] is low


def test_missing_vitamin_d_asks_to_check_it():
    result = assess(make_patient(labs__vitamin_d=...))
    assert "check_vitamin_d" in result["bone_agent"]["before_starting"]
    assert result["derived"]["vitamin_d_low"] is None


def test_active_onj_blocks_all():
    result = assess(make_patient(dental__active_onj=True))
    assert all(agent(result, n)["blockers"] == ["active_onj"] for n in AGENTS)
    assert "active_onj_no_bone_agent" in warning_codes(result)
    assert "no_bone_agent_eligible" in warning_codes(result)


def test_pregnancy_blocks_all():
    result = assess(make_patient(sex="female", pregnant=True, menopausal_status="premenopausal"))
    assert all(agent(result, n)["blockers"] == ["pregnancy"] for n in AGENTS)
    assert "pregnancy_no_bone_agent" in warning_codes(result)


def test_hypersensitivity_to_denosumab_blocks_only_denosumab():
    result = assess(make_patient(hypersensitivity=["denosumab"]))
    assert agent(result, "denosumab")["blockers"] == ["hypersensitivity"]
    assert all(agent(result, n)["eligible"] for n in BISPHOSPHONATES)


@pytest.mark.parametrize("allergy", ["zoledronic_acid", "clodronate", "bisphosphonates"])
def test_any_bisphosphonate_allergy_blocks_the_class(allergy):
    result = assess(make_patient(hypersensitivity=[allergy]))
    assert all(agent(result, n)["blockers"] == ["hypersensitivity"] for n in BISPHOSPHONATES)
    assert agent(result, "denosumab")["eligible"] is True
    assert "denosumab#contraindications" not in agent(result, "denosumab")["refs"]
    assert "zoledronic-acid#contraindications" in agent(result, "zoledronic_acid")["refs"]


def test_dental_not_assessed_and_invasive_procedure():
    result = assess(make_patient(dental__assessed=False, dental__invasive_procedure_planned=True))
    for name in AGENTS:
        cautions = agent(result, name)["cautions"]
        assert "dental_assessment_pending" in cautions
        assert "invasive_dental_procedure_planned" in cautions
        assert agent(result, name)["eligible"] is True
    assert "dental_assessment" in result["bone_agent"]["before_starting"]


def test_dental_defaults_to_not_assessed():
    result = assess(make_patient(dental=...))
    assert "dental_assessment" in result["bone_agent"]["before_starting"]


def test_switching_agents_and_never_combine():
    result = assess(make_patient(current_bone_agent="denosumab"))
    assert "switching_agents" not in agent(result, "denosumab")["cautions"]
    assert all("switching_agents" in agent(result, n)["cautions"] for n in BISPHOSPHONATES)
    warning = next(w for w in result["warnings"] if w["code"] == "never_combine_agents")
    assert "Never" in warning["message"]["en"]


def test_blocked_agent_schedule_names_the_blocker_and_dose_once_resolved():
    za = agent(assess(_calcium(2.0)), "zoledronic_acid")
    assert za["dose_mg"] is None
    assert za["blockers"] == ["uncorrected_hypocalcemia"]
    assert "Not to be given now" in za["schedule"]["en"]
    assert "4.0 mg" in za["schedule"]["en"]


@pytest.mark.parametrize(
    ("bone_metastasis", "survival", "indicated", "reasons"),
    [
        ("confirmed", 3, True, ["bone_metastasis_confirmed_and_survival_3_months"]),
        ("confirmed", 2.9, False, ["expected_survival_below_3_months"]),
        ("suspected", 24, False, ["bone_metastasis_not_confirmed"]),
        ("none", 1, False, ["bone_metastasis_not_confirmed", "expected_survival_below_3_months"]),
    ],
)
def test_indication(bone_metastasis, survival, indicated, reasons):
    result = assess(make_patient(bone_metastasis=bone_metastasis, expected_survival_months=survival))
    assert result["bone_agent"]["indicated"] is indicated
    assert result["bone_agent"]["reasons"] == reasons
    assert len(result["bone_agent"]["agents"]) == 5
    assert ("bone_agent_not_indicated" in warning_codes(result)) is (not indicated)
