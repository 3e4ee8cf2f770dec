"""Renal bands at every edge, applied to the CrCl shown (rounded to one decimal)."""

from __future__ import annotations

import pytest

from calculator import assess

from .conftest import agent, make_patient, with_crcl

ZA_BANDS = [
    (100, 4.0, []),
    (60.1, 4.0, []),
    (60.05, 4.0, []),
    (60.0, 3.5, ["renal_dose_adjusted"]),
    (55, 3.5, ["renal_dose_adjusted"]),
    (50.0, 3.5, ["renal_dose_adjusted"]),
    (49.9, 3.3, ["renal_dose_adjusted"]),
    (49.95, 3.5, ["renal_dose_adjusted"]),
    (40.0, 3.3, ["renal_dose_adjusted"]),
    (39.9, 3.0, ["renal_dose_adjusted"]),
    (30.0, 3.0, ["renal_dose_adjusted"]),
    (29.95, 3.0, ["renal_dose_adjusted"]),
]


@pytest.mark.parametrize(("crcl", "dose", "cautions"), ZA_BANDS)
def test_zoledronic_acid_dose_bands(crcl, dose, cautions):
    za = agent(assess(with_crcl(crcl)), "zoledronic_acid")
    assert za["eligible"] is True
    assert za["dose_mg"] == dose
    assert za["cautions"] == cautions
    assert za["route"] == "IV"
    assert za["interval_weeks"] == 4
    assert "every 3–4 weeks" in za["schedule"]["en"]
    assert "15 minutes" in za["schedule"]["en"]


@pytest.mark.parametrize("crcl", [29.9, 29.94, 20, 10])
def test_zoledronic_acid_blocked_below_30(crcl):
    za = agent(assess(with_crcl(crcl)), "zoledronic_acid")
    assert za["eligible"] is False
    assert za["blockers"] == ["crcl_below_30"]
    assert za["dose_mg"] is None
    assert "Not to be given now" in za["schedule"]["en"]


@pytest.mark.parametrize(
    ("crcl", "eligible", "dose"), [(30.0, True, 90), (29.9, False, None), (120, True, 90)]
)
def test_pamidronate(crcl, eligible, dose):
    pam = agent(assess(with_crcl(crcl)), "pamidronate")
    assert (pam["eligible"], pam["dose_mg"], pam["route"], pam["interval_weeks"]) == (eligible, dose, "IV", 4)
    if not eligible:
        assert pam["blockers"] == ["crcl_below_30"]
    else:
        assert "2 hours" in pam["schedule"]["en"]


@pytest.mark.parametrize(
    ("crcl", "dose", "cautions"),
    [
        (50.0, 6, []),
        (49.9, 4, ["renal_dose_adjusted"]),
        (30.0, 4, ["renal_dose_adjusted"]),
        (90, 6, []),
    ],
)
def test_ibandronate_iv(crcl, dose, cautions):
    iban = agent(assess(with_crcl(crcl)), "ibandronate")
    assert (iban["eligible"], iban["dose_mg"], iban["cautions"], iban["route"]) == (
        True,
        dose,
        cautions,
        "IV",
    )


def test_ibandronate_blocked_below_30():
    iban = agent(assess(with_crcl(29.9)), "ibandronate")
    assert (iban["eligible"], iban["blockers"]) == (False, ["crcl_below_30"])


@pytest.mark.parametrize(
    ("crcl", "dose", "cautions"),
    [
        (80, 1600, []),
        (50.0, 1600, []),
        (49.9, 1200, ["renal_dose_adjusted"]),
        (30.0, 1200, ["renal_dose_adjusted"]),
        (29.9, 800, ["renal_dose_adjusted"]),
    ],
)
def test_clodronate_oral_daily(crcl, dose, cautions):
    clod = agent(assess(with_crcl(crcl)), "clodronate")
    assert (clod["eligible"], clod["dose_mg"], clod["cautions"]) == (True, dose, cautions)
    assert (clod["route"], clod["interval_weeks"]) == ("PO", None)
    assert "once daily" in clod["schedule"]["en"]


def test_clodronate_edges_at_10():
    # Creatinine 3.0 mg/dL: CrCl = weight / 3; weight 30 -> 10.0, weight 29.7 -> 9.9
    at_ten = agent(
        assess(make_patient(weight_kg=30, labs__creatinine={"value": 3.0, "unit": "mg/dL"})), "clodronate"
    )
    assert (at_ten["eligible"], at_ten["dose_mg"]) == (True, 800)
    below = agent(
        assess(make_patient(weight_kg=29.7, labs__creatinine={"value": 3.0, "unit": "mg/dL"})), "clodronate"
    )
    assert (below["eligible"], below["blockers"], below["dose_mg"]) == (False, ["crcl_below_30"], None)


@pytest.mark.parametrize("crcl", [200, 60, 30, 29.9, 10])
def test_denosumab_never_renally_dosed(crcl):
    dmab = agent(assess(with_crcl(crcl)), "denosumab")
    assert (dmab["eligible"], dmab["dose_mg"], dmab["route"], dmab["interval_weeks"]) == (True, 120, "SC", 4)
    severe = "severe_renal_impairment_hypocalcemia_risk" in dmab["cautions"]
    assert severe is (crcl < 30)


@pytest.mark.parametrize(
    ("crcl", "preferred"), [(60.1, False), (60.0, False), (59.9, True), (59.95, False), (30, True)]
)
def test_denosumab_preferred_below_60(crcl, preferred):
    result = assess(with_crcl(crcl))
    assert agent(result, "denosumab")["preferred"] is preferred
    others = [a for a in result["bone_agent"]["agents"] if a["agent"] != "denosumab"]
    assert not any(a["preferred"] for a in others)
    codes = [w["code"] for w in result["warnings"]]
    assert ("denosumab_preferred_renal" in codes) is preferred
    assert ("no_agent_preferred" in codes) is (not preferred)


def test_no_agent_preferred_text_shows_both_guideline_views():
    result = assess(with_crcl(90))
    message = next(w["message"] for w in result["warnings"] if w["code"] == "no_agent_preferred")
    assert "ASCO" in message["en"] and "ESMO" in message["en"]
    assert "ASCO" in message["zh"] and "ESMO" in message["zh"]


def test_denosumab_preferred_with_nephrotoxic_drugs_even_with_good_kidneys():
    result = assess(with_crcl(90, nephrotoxic_drugs=True))
    assert agent(result, "denosumab")["preferred"] is True
    for name in ("zoledronic_acid", "pamidronate", "ibandronate", "clodronate"):
        assert "nephrotoxic_drugs" in agent(result, name)["cautions"]
    assert "nephrotoxic_drugs" not in agent(result, "denosumab")["cautions"]


def test_dialysis_blocks_bisphosphonates_whatever_cockcroft_gault_says():
    result = assess(with_crcl(90, on_dialysis=True))
    assert result["derived"]["crcl_ml_min"] == 90.0
    for name in ("zoledronic_acid", "pamidronate", "ibandronate", "clodronate"):
        blocked = agent(result, name)
        assert blocked["eligible"] is False
        assert blocked["blockers"] == ["on_dialysis"]
        assert blocked["dose_mg"] is None
    dmab = agent(result, "denosumab")
    assert dmab["eligible"] is True and dmab["preferred"] is True
    assert "severe_renal_impairment_hypocalcemia_risk" in dmab["cautions"]
    assert "crcl_unreliable_on_dialysis" in [w["code"] for w in result["warnings"]]


def test_all_five_agents_always_listed_in_order():
    result = assess(make_patient())
    assert [a["agent"] for a in result["bone_agent"]["agents"]] == [
        "denosumab",
        "zoledronic_acid",
        "pamidronate",
        "ibandronate",
        "clodronate",
    ]
