"""The issue-10 contract surface (CONTRACT-engine.md): versions, summary, pending/partial, agent
status, the hypercalcemia block and the short chart note."""

from __future__ import annotations

import re

import pytest

import desktop
from calculator import APP_VERSION, ValidationError, assess, render_note, rules_version
from desktop.cli import main

from .conftest import agent, make_patient

ONLY_KIDNEY = {
    "age_years": 70,
    "sex": "female",
    "weight_kg": 60,
    "labs": {"creatinine": {"value": 95, "unit": "umol/L"}},
}


def test_versions_have_one_home():
    assert APP_VERSION == "0.2.0" == desktop.__version__
    assert re.fullmatch(r"r-[0-9a-f]{8}", rules_version())
    result = assess(make_patient())
    assert result["app_version"] == APP_VERSION and result["rules_version"] == rules_version()


def test_every_assessment_has_the_always_present_keys():
    result = assess(make_patient())
    for key in ("inputs", "warnings", "references", "summary", "disclaimer", "pending", "hypercalcemia"):
        assert key in result
    assert result["pending"] == {}


def test_partial_with_only_kidney_inputs_gives_the_bone_agent_answer():
    result = assess(ONLY_KIDNEY, partial=True)
    assert result["derived"]["crcl_ml_min"] == 46.1  # (140 - 70) x 60 x 0.85 / (72 x 95/88.4)
    assert result["bone_agent"] is not None and result["monitoring"] is not None
    assert result["systemic_therapy"] is None
    assert result["pending"]["systemic_therapy"][:3] == ["hr_status", "her2_status", "line"]
    assert result["pending"]["hypercalcemia"] == ["labs.calcium"]
    assert "bone_agent" not in result["pending"] and "derived" not in result["pending"]
    assert result["bone_agent"]["indicated"] is None
    za = agent(result, "zoledronic_acid")
    # No calcium: pending on it, but the dose (which calcium cannot change) is kept.
    assert za["status"] == "pending" and za["pending_on"] == ["labs.calcium"] and za["dose_mg"] == 3.3
    assert za["eligible"] is False


def test_partial_without_creatinine_leaves_kidney_sections_pending():
    patient = make_patient(labs__creatinine=...)
    result = assess(patient, partial=True)
    for section in ("derived", "bone_agent", "monitoring", "hypercalcemia"):
        assert result[section] is None
        assert "labs.creatinine" in result["pending"][section]
    assert result["systemic_therapy"] is not None
    assert result["summary"]["en"]


def test_partial_still_refuses_invalid_values_with_the_same_problems():
    bad = dict(ONLY_KIDNEY, weight_kg=2)
    with pytest.raises(ValidationError) as strict:
        assess(dict(make_patient(), weight_kg=2))
    with pytest.raises(ValidationError) as partial:
        assess(bad, partial=True)
    assert [p.field for p in partial.value.problems] == ["weight_kg"]
    assert "weight_kg" in [p.field for p in strict.value.problems]


def test_strict_mode_still_requires_the_inputs():
    with pytest.raises(ValidationError):
        assess(ONLY_KIDNEY)


def test_summary_answers_the_ward_question():
    result = assess(make_patient(weight_kg=30, labs__calcium={"value": 2.3, "unit": "mmol/L"}))
    zh = result["summary"]["zh"]
    assert zh.startswith(
        "CrCl 30.0 mL/min · 校正钙 2.30 mmol/L → 地舒单抗 120 mg 皮下注射 每 4 周一次（肾功能原因优选，本软件工作规则）"
    )
    assert len(zh.splitlines()) == 2 and zh.splitlines()[1].startswith("全身治疗：")


def test_summary_names_excluded_agents_and_why():
    result = assess(make_patient(weight_kg=25))
    assert "唑来膦酸、帕米膦酸二钠、伊班膦酸 不可用（CrCl<30）" in result["summary"]["zh"]


def test_no_indication_means_no_preferred_agent_and_no_start_wording():
    result = assess(make_patient(weight_kg=40, expected_survival_months=2))
    assert not any(a["preferred"] for a in result["bone_agent"]["agents"])
    assert "优选" not in result["summary"]["zh"] and "preferred" not in result["summary"]["en"]
    assert "无骨改良药物指征" in result["summary"]["zh"]
    assert "优选" not in render_note(result, "zh")


def test_status_and_pending_on_for_every_agent():
    result = assess(make_patient(hypersensitivity=["zoledronic_acid"]))
    for item in result["bone_agent"]["agents"]:
        assert item["status"] in ("eligible", "blocked", "pending")
        assert item["eligible"] == (item["status"] == "eligible")
        assert item["pending_on"] == []
    assert agent(result, "zoledronic_acid")["status"] == "blocked"


def test_hypercalcemia_block_shape():
    result = assess(make_patient(labs__calcium={"value": 2.35, "unit": "mmol/L"}))
    assert result["hypercalcemia"] == {"present": False, "ctcae_grade": None, "severity": None, "steps": []}
    high = assess(make_patient(labs__calcium={"value": 3.6, "unit": "mmol/L"}))["hypercalcemia"]
    assert high["present"] is True and high["ctcae_grade"] == 4 and high["severity"] == "severe"
    for step in high["steps"]:
        assert step["code"] and step["text"]["en"] and step["text"]["zh"] and step["refs"]


def test_render_note_is_short_and_complete():
    result = assess(make_patient(weight_kg=40, dental__assessed=False))
    for lang in ("zh", "en"):
        note = render_note(result, lang)
        lines = note.strip().splitlines()
        assert 5 <= len(lines) <= 10, note
        assert result["rules_version"] in lines[-1] and result["content_version"] in lines[-1]
    zh = render_note(result, "zh")
    assert (
        "CrCl 40.0 mL/min" in zh
        and "mmol/L" in zh
        and "地舒单抗 120 mg 皮下注射 每 4 周一次（肾功能原因优选，本软件工作规则）" in zh
    )
    assert "用药前：" in zh and "监测：" in zh and "最终由主治医生决定" in zh


def test_cli_note_format(capsysbinary, tmp_path):
    import json

    path = tmp_path / "p.json"
    path.write_text(json.dumps(make_patient()), encoding="utf-8")
    assert main(["assess", str(path), "--format", "note", "--lang", "zh"]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert out.startswith("乳腺癌骨转移评估") and "规则版本 r-" in out


def test_partial_with_indication_inputs_missing():
    result = assess(make_patient(bone_metastasis=..., expected_survival_months=...), partial=True)
    assert result["bone_agent"]["indicated"] is None and result["bone_agent"]["reasons"] == []
    assert "指征待定" in result["summary"]["zh"]


def test_both_survival_inputs_must_agree():
    with pytest.raises(ValidationError) as caught:
        assess(make_patient(expected_survival_months=2, expected_survival_at_least_3_months=True))
    assert [p.field for p in caught.value.problems] == ["expected_survival_at_least_3_months"]
    assert assess(make_patient(expected_survival_months=24, expected_survival_at_least_3_months=True))
    with pytest.raises(ValidationError) as missing:
        assess(make_patient(expected_survival_months=...))
    assert [p.field for p in missing.value.problems] == ["expected_survival_months"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"labs__baseline_creatinine": {"value": 70, "unit": "mmol/L"}}, "labs.baseline_creatinine.unit"),
        ({"labs__baseline_creatinine": {"value": 5, "unit": "umol/L"}}, "labs.baseline_creatinine.value"),
        ({"months_on_bone_agent": -1}, "months_on_bone_agent"),
        ({"months_since_adjuvant_end": "six"}, "months_since_adjuvant_end"),
        ({"adjuvant_therapies": ["radiotherapy"]}, "adjuvant_therapies"),
        ({"dental__unhealed_oral_lesion": "yes"}, "dental.unhealed_oral_lesion"),
        ({"expected_survival_at_least_3_months": 1}, "expected_survival_at_least_3_months"),
    ],
)
def test_bad_new_inputs_exit_2_naming_the_field(capsysbinary, tmp_path, changes, field):
    import json

    path = tmp_path / "p.json"
    path.write_text(json.dumps(make_patient(**changes)), encoding="utf-8")
    assert main(["assess", str(path), "--lang", "en"]) == 2
    captured = capsysbinary.readouterr()
    assert captured.out == b""
    assert captured.err.decode("utf-8").startswith(field + ":")


def test_full_report_shows_summary_status_and_hypercalcaemia_steps():
    from calculator import render_text

    result = assess(make_patient(labs__calcium={"value": 3.6, "unit": "mmol/L"}, labs__vitamin_d=...))
    text = render_text(result, "zh")
    assert result["summary"]["zh"].splitlines()[0] in text and "规则版本：r-" in text
    assert "高钙血症：重度，CTCAE 4 级" in text and "1. 第一步：立即静脉输注 0.9% 氯化钠水化" in text
    pending = assess(make_patient(labs__calcium=...))
    assert "唑来膦酸（静脉输注）：待定" in render_text(pending, "zh")


def test_full_report_of_a_partial_assessment_does_not_fail():
    from calculator import render_text

    assert render_text(assess(ONLY_KIDNEY, partial=True), "en")
