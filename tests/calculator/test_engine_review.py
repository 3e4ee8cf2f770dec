"""The clinician-minded review of the issue-10 output (REVIEW-engine.md items 1-7): each test reads
what the doctor reads — summary, chart note, full report, option order, problem text — in zh and en."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from calculator import ValidationError, assess, input_spec, render_note, render_text
from calculator.note import input_value

from .conftest import make_patient, option_codes

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ENDOCRINE = ("everolimus_exemestane", "tucidinostat_exemestane", "fulvestrant")


def _example(name: str, **changes: object) -> dict:
    patient = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    patient.update(changes)
    return patient


def _hr_low_line(line: int, **changes: object) -> dict:
    """Postmenopausal woman, HR+/HER2-low, after an AI + CDK4/6 inhibitor, no chemotherapy."""
    base: dict = {
        "sex": "female",
        "menopausal_status": "postmenopausal",
        "her2_status": "low",
        "line": line,
        "prior_therapies": ["aromatase_inhibitor", "cdk46_inhibitor"],
    }
    return make_patient(**{**base, **changes})


# 1. Endocrine options first in an endocrine-based category; nothing called "first" / "首选".
def test_endocrine_options_come_before_t_dxd_and_no_option_is_called_first():
    result = assess(_hr_low_line(2))
    codes = option_codes(result)
    assert result["systemic_therapy"]["category"] == "endocrine_based"
    assert codes[:3] == list(ENDOCRINE)
    assert codes.index("t_dxd") > codes.index("fulvestrant")
    summary = result["summary"]
    assert "首选" not in summary["zh"] and "first:" not in summary["en"]
    assert "可选方案：依维莫司 + 依西美坦、" in summary["zh"]
    assert "options: Everolimus + exemestane, " in summary["en"]
    for lang in ("zh", "en"):
        systemic_line = render_note(result, lang).splitlines()[-2]
        assert "1." not in systemic_line  # not numbered: the order is the pathway's, not a ranking
        assert systemic_line.index(
            result["systemic_therapy"]["options"][0]["name"][lang]
        ) < systemic_line.index("T-DXd")


# 4. DESTINY-Breast06 entry: one metastatic ET line of unknown timing is shown with its condition.
@pytest.mark.parametrize("her2", ["low", "ultralow"])
def test_one_endocrine_line_shows_t_dxd_with_the_trial_condition(her2):
    result = assess(_hr_low_line(2, her2_status=her2))
    t_dxd = next(o for o in result["systemic_therapy"]["options"] if o["code"] == "t_dxd")
    assert "≥2 线" in t_dxd["rationale"]["zh"] and "须确认符合其一" in t_dxd["rationale"]["zh"]
    assert "two endocrine lines" in t_dxd["rationale"]["en"] and "check that one" in t_dxd["rationale"]["en"]
    assert "Chinese approval is broader" in t_dxd["rationale"]["en"]
    assert "须确认" in render_text(result, "zh") and "check that one" in render_text(result, "en")


@pytest.mark.parametrize(
    "changes",
    [
        {"line": 3},  # two earlier lines, no chemotherapy: read as two endocrine lines
        {"line": 2, "endocrine_resistance": "primary", "biomarkers": {"pik3ca": "mutated"}},
        {
            "line": 2,
            "adjuvant_therapies": ["aromatase_inhibitor"],
            "months_since_adjuvant_end": 0,
            "disease_free_interval_months": 18,
        },
    ],
)
def test_destiny_breast06_entry_met_needs_no_condition(changes):
    result = assess(_hr_low_line(**changes))
    t_dxd = next(o for o in result["systemic_therapy"]["options"] if o["code"] == "t_dxd")
    assert "须确认" not in t_dxd["rationale"]["zh"]
    assert "DESTINY-Breast06" in t_dxd["rationale"]["en"]


def test_renal_example_ultralow_no_longer_reads_t_dxd_first():
    result = assess(_example("renal-crcl-45.json"))
    assert option_codes(result)[0] != "t_dxd"
    assert "首选方案" not in result["summary"]["zh"]
    note = render_note(result, "zh")
    assert "首选方案" not in note and "德曲妥珠单抗" in note


# 2. Hypercalcaemia on a withheld zoledronic acid schedule: the HCM step says why it may still be given.
def test_hcm_zoledronic_step_explains_the_withheld_routine_schedule():
    patient = _example("on-zoledronic-acid-creatinine-rise.json")
    patient["labs"]["calcium"] = {"value": 3.5, "unit": "mmol/L"}
    patient["labs"]["albumin"] = {"value": 33, "unit": "g/L"}
    result = assess(patient)
    step = next(s for s in result["hypercalcemia"]["steps"] if s["code"] == "hcm_zoledronic_acid")
    assert "常规方案仍暂停" in step["text"]["zh"] and "4.5 mg/dL" in step["text"]["zh"]
    assert "stays withheld" in step["text"]["en"] and "separate label decision" in step["text"]["en"]
    assert "唑来膦酸 4 mg 单次，仅用于高钙血症（与已暂停的常规方案分开决定" in render_note(result, "zh")
    assert "a separate decision from the withheld routine schedule" in render_note(result, "en")
    # Without the rise the ordinary HCM wording stays.
    plain = assess(make_patient(labs__calcium={"value": 3.5, "unit": "mmol/L"}))
    step = next(s for s in plain["hypercalcemia"]["steps"] if s["code"] == "hcm_zoledronic_acid")
    assert "暂停" not in step["text"]["zh"]


# 3. The other IV bisphosphonates carry the withheld rise as a caution, on the chart note too.
def test_other_iv_bisphosphonates_carry_the_withheld_rise():
    result = assess(_example("on-zoledronic-acid-creatinine-rise.json"))
    by_name = {a["agent"]: a for a in result["bone_agent"]["agents"]}
    for name in ("pamidronate", "ibandronate"):
        assert "other_bisphosphonate_withheld_for_rise" in by_name[name]["cautions"]
    assert "other_bisphosphonate_withheld_for_rise" not in by_name["denosumab"]["cautions"]
    # On the note they stand with the pause (not among the alternatives), as the app's working rule.
    assert (
        "帕米膦酸二钠、伊班膦酸（暂停期间不换用：同为经肾排泄的静脉双膦酸盐（本软件工作规则））"
        in render_note(result, "zh")
    )
    assert "Pamidronate, Ibandronate (not during the pause" in render_note(result, "en")
    assert "working rule" in render_text(result, "en") and "工作规则" in render_text(result, "zh")
    calm = assess(
        make_patient(
            current_bone_agent="zoledronic_acid", labs__baseline_creatinine={"value": 1.0, "unit": "mg/dL"}
        )
    )
    assert all(
        "other_bisphosphonate_withheld_for_rise" not in a["cautions"] for a in calm["bone_agent"]["agents"]
    )


# 5. A partial assessment's note names what the bone agents wait for, never "无" / "none".
def test_partial_note_says_what_the_bone_agents_wait_for():
    result = assess(make_patient(labs__calcium=..., labs__albumin=...), partial=True)
    zh, en = render_note(result, "zh"), render_note(result, "en")
    assert "骨改良药物：待补充 血清总钙 后确定（地舒单抗、" in zh and "骨改良药物：无" not in zh
    assert "Bone agent: waiting for Total serum calcium (Denosumab, " in en and "Bone agent: none" not in en


# 6. The survival message names the alternative answer.
def test_missing_survival_message_names_the_three_month_answer():
    with pytest.raises(ValidationError) as caught:
        assess(make_patient(expected_survival_months=...))
    found = [p for p in caught.value.problems if p.field == "expected_survival_months"]
    assert [p.code for p in found] == ["missing_required"]  # the form still marks the field missing
    assert "预计生存期 ≥3 个月" in found[0].message["zh"] and found[0].message["zh"] != "必填项，缺失"
    assert "at least 3 months" in found[0].message["en"]


# 7. The desktop printout's input formatter is public.
def test_input_value_is_public():
    field = next(f for f in input_spec() if f["path"] == "prior_therapies")
    assert (
        input_value(field, ["aromatase_inhibitor", "cdk46_inhibitor"], "zh")
        == "芳香化酶抑制剂、CDK4/6 抑制剂"
    )


# Ward read: a bisphosphonate the agent table blocks for the kidneys must not appear bare in the HCM steps.
def test_hcm_steps_name_the_kidney_limit_the_agent_table_applies():
    result = assess(_example("suspected-short-survival.json"))  # CrCl 26, corrected Ca 2.95
    step = next(s for s in result["hypercalcemia"]["steps"] if s["code"] == "hcm_ibandronate")
    assert "肾功能已低于本药骨转移常规方案的下限" in step["text"]["zh"]
    assert "below this agent's limit for the routine" in step["text"]["en"]
    assert "或伊班膦酸 2 mg 单次（肾功能低于常规方案下限，须权衡肾脏风险）" in render_note(result, "zh")
    assert "or ibandronate 2 mg once (kidney below the routine limit: weigh renal risk)" in render_note(
        result, "en"
    )
    normal = assess(make_patient(labs__calcium={"value": 3.5, "unit": "mmol/L"}))
    assert all("常规方案的下限" not in s["text"]["zh"] for s in normal["hypercalcemia"]["steps"])


def test_note_says_none_can_be_given_with_the_reasons_below():
    result = assess(_example("hypocalcaemia.json"))
    assert "骨改良药物：目前均不可用（原因见下行）" in render_note(result, "zh")
    assert "Bone agent: none can be given now (reasons below)" in render_note(result, "en")


# Ward read: on denosumab, the bisphosphonates named on the note carry the switch and rebound cautions.
def test_note_on_denosumab_names_switch_and_rebound_for_the_bisphosphonates():
    result = assess(make_patient(current_bone_agent="denosumab", months_on_bone_agent=14))
    zh, en = render_note(result, "zh"), render_note(result, "en")
    assert "注意（唑来膦酸、帕米膦酸二钠、伊班膦酸、氯膦酸二钠）：由目前的骨改良药物换用" in zh
    assert "停用地舒单抗" in zh.splitlines()[2]
    assert "Stopping denosumab" in en.splitlines()[2]


def test_full_report_says_the_option_list_is_not_a_ranking():
    result = assess(_hr_low_line(2))
    assert "以下方案按诊疗路径顺序列出，并非优先次序" in render_text(result, "zh")
    assert "Options in the pathway's order, not a ranking" in render_text(result, "en")


@pytest.mark.parametrize(("months", "gap"), [(4, False), (6, False), (9, True)])
def test_her2_early_relapse_between_6_and_12_months_is_said_to_be_outside_both_trials(months, gap):
    patient = make_patient(
        her2_status="positive",
        hr_status="negative",
        adjuvant_therapies=["trastuzumab", "taxane"],
        months_since_adjuvant_end=months,
    )
    result = assess(patient)
    t_dxd = next(o for o in result["systemic_therapy"]["options"] if o["code"] == "t_dxd")
    assert ("本库所读试验均未覆盖此间隔" in t_dxd["rationale"]["zh"]) is gap
    assert ("outside DESTINY-Breast03's entry" in render_text(result, "en")) is gap


def test_denosumab_preference_is_named_as_the_apps_working_rule():
    result = assess(_example("renal-crcl-45.json"))
    assert "地舒单抗 120 mg 皮下注射 每 4 周一次（肾功能原因优选，本软件工作规则）" in render_note(
        result, "zh"
    )
    assert "(preferred for the kidneys: this app's working rule)" in result["summary"]["en"]
