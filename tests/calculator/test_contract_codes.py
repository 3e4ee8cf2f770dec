"""Every code of the issue-2 contract is reachable, and every emitted code has text in both languages."""

from __future__ import annotations

import json
from pathlib import Path

from calculator import assess, text_for

from .conftest import make_patient
from .contract_vocabulary import CONTRACT

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.json"))

PATIENTS = [json.loads(p.read_text(encoding="utf-8")) for p in EXAMPLES] + [
    make_patient(
        labs__calcium={"value": 2.0, "unit": "mmol/L"},
        dental__active_onj=True,
        on_dialysis=True,
        hypersensitivity=["bisphosphonates"],
        nephrotoxic_drugs=True,
        current_bone_agent="clodronate",
        dental__assessed=False,
        dental__invasive_procedure_planned=True,
        labs__vitamin_d=...,
    ),
    make_patient(sex="female", menopausal_status="premenopausal", pregnant=True),
    make_patient(
        line=2,
        her2_status="low",
        prior_therapies=["aromatase_inhibitor", "cdk46_inhibitor"],
        biomarkers={"pik3ca": "mutated", "esr1": "mutated", "gbrca": "pathogenic"},
        labs__calcium={"value": 2.7, "unit": "mmol/L"},
        labs__albumin=...,
    ),
    make_patient(her2_status="positive", line=2, prior_therapies=["trastuzumab", "pertuzumab"]),
    make_patient(her2_status="positive", line=1, labs__calcium=...),
    make_patient(
        hr_status="negative",
        biomarkers={"pdl1_cps": 30, "gbrca": "pathogenic"},
        disease_free_interval_months=3,
    ),
    make_patient(
        hr_status="negative", her2_status="low", line=2, visceral_crisis=True, visceral_metastasis=True
    ),
    make_patient(visceral_crisis=True, visceral_metastasis=True, sex="female", menopausal_status="unknown"),
    make_patient(endocrine_resistance="primary", line=3, her2_status="low"),
    make_patient(
        current_bone_agent="zoledronic_acid",
        labs__baseline_creatinine={"value": 70, "unit": "umol/L"},
        labs__creatinine={"value": 130, "unit": "umol/L"},
        dental__unhealed_oral_lesion=True,
    ),
    make_patient(
        current_bone_agent="zoledronic_acid",
        months_on_bone_agent=13,
        labs__baseline_creatinine={"value": 1.0, "unit": "mg/dL"},
    ),
    make_patient(current_bone_agent="denosumab", months_on_bone_agent=24),
]


def _emitted() -> dict[str, set[str]]:
    seen: dict[str, set[str]] = {key: set() for key in CONTRACT}
    seen["warning"] = set()
    for patient in PATIENTS:
        result = assess(patient)
        seen["category"].add(result["systemic_therapy"]["category"])
        seen["option"].update(o["code"] for o in result["systemic_therapy"]["options"])
        bone = result["bone_agent"]
        seen["reason"].update(bone["reasons"])
        seen["before_starting"].update(bone["before_starting"])
        for agent in bone["agents"]:
            seen["agent"].add(agent["agent"])
            seen["route"].add(agent["route"])
            seen["blocker"].update(agent["blockers"])
            seen["caution"].update(agent["cautions"])
        for row in result["monitoring"]:
            seen["monitoring_item"].add(row["item"])
            seen["timing"].add(row["timing"])
        for warning in result["warnings"]:
            seen["severity"].add(warning["severity"])
            seen["warning"].add(warning["code"])
    return seen


def test_every_contract_code_is_reached():
    seen = _emitted()
    for kind, codes in CONTRACT.items():
        assert codes - seen[kind] == set(), f"{kind} never emitted"


def test_only_contract_codes_are_emitted_where_the_contract_lists_them():
    seen = _emitted()
    for kind in CONTRACT:
        assert seen[kind] <= CONTRACT[kind], kind


def test_every_emitted_code_has_text_in_both_languages():
    seen = _emitted()
    for kind, codes in seen.items():
        for code in codes:
            text = text_for(code)
            assert text["en"].strip() and text["zh"].strip(), (kind, code)


def test_warning_messages_match_text_for():
    for patient in PATIENTS:
        for warning in assess(patient)["warnings"]:
            assert warning["message"] == text_for(warning["code"])
            assert warning["severity"] in CONTRACT["severity"]


def test_top_level_keys():
    result = assess(make_patient())
    assert {
        "derived",
        "systemic_therapy",
        "bone_agent",
        "monitoring",
        "warnings",
        "references",
        "content_version",
        "disclaimer",
    } <= set(result)
    assert set(result["derived"]) >= {"crcl_ml_min", "corrected_calcium_mmol_l", "working"}
    assert set(result["derived"]["working"]) == {"en", "zh"}
    assert set(result["disclaimer"]) == {"en", "zh"}
    for agent in result["bone_agent"]["agents"]:
        assert set(agent) >= {
            "agent",
            "eligible",
            "preferred",
            "dose_mg",
            "route",
            "interval_weeks",
            "schedule",
            "blockers",
            "cautions",
            "refs",
        }
    for row in result["monitoring"]:
        assert set(row) >= {"item", "timing", "agents"}
    assert all(set(ref) == {"id", "title"} for ref in result["references"])
    json.dumps(result)  # plain JSON types only
