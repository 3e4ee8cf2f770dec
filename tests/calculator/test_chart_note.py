"""The short chart note as a ward doctor reads it (clinician review, 2026-12-05): the pause first,
reduced doses beside every reduced agent, dialysis said as dialysis, hypercalcaemia before the
routine schedule, what is still missing, a monitoring line without repetition."""

from __future__ import annotations

from calculator import assess, render_note

from .conftest import make_patient

# The base patient's CrCl equals its weight (male, 68 years, creatinine 1.0 mg/dL).


def _note(lang: str = "zh", partial: bool = False, **changes) -> list[str]:
    return render_note(assess(make_patient(**changes), partial=partial), lang).splitlines()


def test_a_dose_withheld_for_a_creatinine_rise_comes_first_and_is_a_pause():
    lines = _note(
        current_bone_agent="zoledronic_acid",
        weight_kg=58,
        labs__baseline_creatinine={"value": 70, "unit": "umol/L"},
        labs__creatinine={"value": 130, "unit": "umol/L"},
    )
    assert lines[2].startswith("暂停：唑来膦酸（") and "77 µmol/L" in lines[2]
    # The other IV bisphosphonates are no way round the pause: said there, not offered as alternatives.
    assert "帕米膦酸二钠、伊班膦酸（暂停期间不换用" in lines[2]
    assert lines[3].startswith("骨改良药物：") and "帕米膦酸二钠" not in lines[3]
    assert not any(line.startswith("不可用：") and "唑来膦酸" in line for line in lines)


def test_an_alternative_reduced_for_the_kidneys_carries_its_reduced_dose():
    # CrCl 35: denosumab preferred; zoledronic acid 3.0 mg and ibandronate 4 mg in this band.
    bone = next(line for line in _note(weight_kg=35) if line.startswith("骨改良药物："))
    assert "亦可选：唑来膦酸 3 mg 静脉输注" in bone and "伊班膦酸 4 mg" in bone


def test_on_dialysis_the_note_says_dialysis_not_a_formula_clearance():
    lines = _note(on_dialysis=True, labs__creatinine={"value": 7.2, "unit": "mg/dL"})
    assert lines[1].startswith("透析中：Cockcroft-Gault 公式不适用（血肌酐 7.2 mg/dL）")
    excluded = next(line for line in lines if line.startswith("不可用："))
    assert "透析" in excluded and "CrCl<30" not in excluded


def test_with_hypercalcaemia_of_malignancy_the_routine_schedule_waits_for_control():
    lines = _note(labs__calcium={"value": 3.4, "unit": "mmol/L"})
    assert lines[2].startswith("高钙血症：")
    assert lines[3].startswith("骨改良药物（高钙血症控制后）：")
    english = _note("en", labs__calcium={"value": 3.4, "unit": "mmol/L"})
    assert english[3].startswith("Bone agent, once the hypercalcaemia is controlled: ")


def test_a_missing_creatinine_is_named_on_the_bone_agent_line():
    lines = _note(partial=True, labs__creatinine=...)
    assert "骨改良药物：待补充 血清肌酐" in lines
    assert "Bone agent: waiting for serum creatinine" in _note("en", partial=True, labs__creatinine=...)


def test_the_line_of_therapy_reads_as_a_chart_writes_it():
    assert _note(line=2)[0].endswith("晚期二线")
    assert _note(line=12)[0].endswith("晚期第 12 线")
    assert _note("en", line=2)[0].endswith("line 2")


def test_items_monitored_at_the_same_times_share_one_entry():
    monitoring = next(line for line in _note("en") if line.startswith("Monitoring: "))
    assert monitoring.count("(baseline, periodically during treatment)") == 1
    assert "Serum calcium (albumin-corrected), phosphate, magnesium" in monitoring
    assert "Ask about jaw pain, loose teeth, exposed bone, new thigh or groin pain" in monitoring
    zh = next(line for line in _note() if line.startswith("监测："))
    assert "询问颌骨疼痛、牙齿松动、骨外露、新发大腿" in zh


def test_a_caution_the_before_starting_line_turns_into_a_step_is_said_once():
    lines = _note(labs__vitamin_d={"value": 12, "unit": "ng/mL"}, dental__assessed=False, weight_kg=25)
    bone = next(line for line in lines if line.startswith("骨改良药物："))
    before = next(line for line in lines if line.startswith("用药前："))
    assert "25-羟维生素 D 低于" not in bone and "25-羟维生素 D 低于" in before
    assert "口腔" not in bone and "口腔检查" in before
    assert "严重低钙血症风险高" in bone  # a caution with no step of its own stays


def test_hypercalcaemia_of_malignancy_is_flagged_before_the_creatinine_is_entered():
    # The steps' doses wait for the creatinine; the warning to treat the calcium first does not.
    result = assess(
        make_patient(labs__creatinine=..., labs__calcium={"value": 3.4, "unit": "mmol/L"}), partial=True
    )
    assert ("hypercalcemia_of_malignancy", "block") in [
        (w["code"], w["severity"]) for w in result["warnings"]
    ]
    assert any(
        line.startswith("警示：校正血钙 ≥3.0 mmol/L") for line in render_note(result, "zh").splitlines()
    )
    below = assess(
        make_patient(labs__creatinine=..., labs__calcium={"value": 2.99, "unit": "mmol/L"}), partial=True
    )
    assert "hypercalcemia_of_malignancy" not in [w["code"] for w in below["warnings"]]


def test_zoledronic_acid_and_pamidronate_say_pregnancy_to_a_woman_who_may_become_pregnant():
    # Zometa EU label: not in pregnancy, breast-feeding contraindicated; pamidronate US label: not in
    # pregnancy (facts-addendum 12.10 [156][158]).
    woman = {"sex": "female", "menopausal_status": "premenopausal"}
    result = assess(make_patient(**woman))
    by_name = {a["agent"]: a["cautions"] for a in result["bone_agent"]["agents"]}
    assert all("pregnancy_check_bisphosphonate" in by_name[n] for n in ("zoledronic_acid", "pamidronate"))
    assert "pregnancy_check_bisphosphonate" not in by_name["denosumab"] + by_name["ibandronate"]
    assert "注意（唑来膦酸、帕米膦酸二钠）：有妊娠可能：说明书规定妊娠期不应使用" in render_note(result, "zh")
    for other in ({"sex": "female", "menopausal_status": "postmenopausal"}, {}):  # {} = the base man
        agents = assess(make_patient(**other))["bone_agent"]["agents"]
        assert not any("pregnancy_check_bisphosphonate" in a["cautions"] for a in agents)


def test_on_dialysis_the_summary_line_says_dialysis_and_gives_it_as_the_reason():
    result = assess(make_patient(on_dialysis=True, labs__creatinine={"value": 7.2, "unit": "mg/dL"}))
    zh, en = result["summary"]["zh"], result["summary"]["en"]
    assert zh.startswith("透析 · 校正钙") and "CrCl" not in zh.split("\n")[0]
    assert en.startswith("Dialysis · corrected Ca") and "not to be given (dialysis)" in en
