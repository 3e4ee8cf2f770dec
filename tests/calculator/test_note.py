"""render_text: the chart note a doctor pastes into the record."""

from __future__ import annotations

import datetime
import re

import pytest

from calculator import assess, render_text

from .conftest import make_patient

DAY = datetime.date(2026, 11, 26)


@pytest.fixture
def renal_case():
    return assess(
        make_patient(
            weight_kg=45,
            labs__creatinine={"value": 88.4, "unit": "umol/L"},
            # Already on zoledronic acid: dosed by the pre-treatment creatinine (issue 10).
            labs__baseline_creatinine={"value": 88.4, "unit": "umol/L"},
            labs__vitamin_d={"value": 15, "unit": "ng/mL"},
            current_bone_agent="zoledronic_acid",
        )
    )


def test_english_note_contents(renal_case):
    note = render_text(renal_case, "en", today=DAY)
    for expected in (
        "Date: 2026-11-26",
        f"Content version: {renal_case['content_version']}",
        "Serum creatinine: 88.4 µmol/L",
        "25-OH vitamin D: 15 ng/mL",
        "Creatinine clearance (Cockcroft-Gault): 45.0 mL/min",
        "Creatinine 88.4 µmol/L ÷ 88.4 = 1 mg/dL.",
        "Category: Endocrine-based therapy",
        "Bone-modifying agent: Indicated",
        "Denosumab (subcutaneous): can be given, preferred",
        "3.3 mg IV",
        "Cautions: Dose reduced for kidney function",
        "Never give two bone-modifying agents together",
        "Before starting",
        "Monitoring",
        "References",
        "[zometa-label]",
        "Decision support only",
    ):
        assert expected in note, expected


def test_chinese_note_contents(renal_case):
    note = render_text(renal_case, "zh", today=DAY)
    for expected in (
        "日期：2026-11-26",
        "血清肌酐：88.4 µmol/L",
        "肌酐清除率",
        "地舒单抗",
        "首选",
        "已按肾功能减量",
        "用药前",
        "监测",
        "参考文献",
        "决策支持",
    ):
        assert expected in note, expected
    assert "Zoledronic acid (" not in note  # agent names in Chinese; reference titles stay as published


def test_blocked_agent_reads_as_not_to_be_given():
    note = render_text(assess(make_patient(dental__active_onj=True)), "en", today=DAY)
    assert "Zoledronic acid (intravenous): NOT to be given now" in note
    assert "Blocked by: Active osteonecrosis of the jaw" in note


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_plain_text_only(renal_case, lang):
    note = render_text(renal_case, lang, today=DAY)
    assert "\x1b" not in note and "<" not in note
    assert not re.search(r"^\s*(#|\*\*|\|)", note, re.MULTILINE)
    assert note.endswith("\n")


def test_unknown_language_is_refused(renal_case):
    with pytest.raises(ValueError):
        render_text(renal_case, "fr")
