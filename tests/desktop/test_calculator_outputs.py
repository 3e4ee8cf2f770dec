"""One answer, three outputs: the chart note, the screen and the printout (PDF) say the same thing,
field by field, and the chart note is short enough to paste."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication, QTextDocument

import calculator
from desktop.calculator_view.calculator_page import CalculatorPage
from desktop.calculator_view.report_header import ReportHeader
from tests.desktop.calculator_helpers import tables

ATTENDING = {
    "age_years": 68,
    "sex": "female",
    "weight_kg": 55,
    "hr_status": "positive",
    "her2_status": "negative",
    "bone_metastasis": "confirmed",
    "expected_survival_at_least_3_months": True,
    "line": 1,
    "labs": {
        "creatinine": {"value": 150, "unit": "umol/L"},
        "calcium": {"value": 2.2, "unit": "mmol/L"},
        "albumin": {"value": 35, "unit": "g/L"},
    },
}


@pytest.fixture(params=["zh", "en"])
def page(qtbot, request, tmp_path, monkeypatch):
    widget = CalculatorPage()
    qtbot.addWidget(widget)
    widget.set_content_language(request.param)
    widget.load_patient(ATTENDING)
    assert widget.assessment() is not None
    return widget


def plain(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def outputs(page: CalculatorPage) -> dict[str, str]:
    body, footer = page.report_parts(page.assessment(), ReportHeader())
    return {
        "note": page.chart_note(),
        "screen": page.view.browser.toPlainText(),
        "pdf": plain(body) + "\n" + footer,  # the very document QPdfWriter paints, and its footer
    }


def facts(assessment: dict, lang: str) -> dict[str, str]:
    """What the ward needs, in the engine's own words, each of which every output must carry."""
    derived = assessment["derived"]
    preferred = next(a for a in assessment["bone_agent"]["agents"] if a["preferred"])
    excluded = [a for a in assessment["bone_agent"]["agents"] if a["status"] == "blocked"]
    comma = "、" if lang == "zh" else ", "
    return {
        "CrCl": f"{derived['crcl_ml_min']:.1f} mL/min",
        "corrected calcium": f"{derived['corrected_calcium_mmol_l']:.2f} mmol/L",
        "agent": calculator.text_for(preferred["agent"])[lang],
        "dose": f"{preferred['dose_mg']} mg",
        "excluded": comma.join(calculator.text_for(a["agent"])[lang] for a in excluded),
        "systemic category": calculator.text_for(assessment["systemic_therapy"]["category"])[lang],
        "content version": assessment["content_version"],
        "rules version": assessment["rules_version"],
        "app version": assessment["app_version"],
    }


def test_note_screen_and_pdf_agree_field_by_field(page):
    lang = page.content_language()
    texts = outputs(page)
    missing = {
        name: [where for where, text in texts.items() if value not in text]
        for name, value in facts(page.assessment(), lang).items()
    }
    assert {name: where for name, where in missing.items() if where} == {}


def test_the_chart_note_is_at_most_10_lines_and_is_what_is_copied(page):
    assert page.copy_for_chart()
    note = QGuiApplication.clipboard().text()
    assert note == calculator.render_note(page.assessment(), page.content_language())
    assert 5 <= len(note.splitlines()) <= 10
    assert page.copy_full_report()
    assert QGuiApplication.clipboard().text() == calculator.render_text(
        page.assessment(), page.content_language()
    )


def test_a_blank_disease_free_interval_reads_the_same_on_paper_as_in_the_full_report(page):
    lang = page.content_language()
    body, _ = page.report_parts(page.assessment(), ReportHeader())
    label = next(e for e in calculator.input_spec() if e["path"] == "disease_free_interval_months")["label"][
        lang
    ]
    full = calculator.render_text(page.assessment(), lang)
    in_full = next(line for line in full.splitlines() if label in line).split(label)[-1].strip(" :：")
    document = QTextDocument()
    document.setHtml(body)
    cells = [cell for row in tables(document)[-1] for cell in row]  # the inputs table, label then value
    on_paper = cells[cells.index(label) + 1]
    assert on_paper == in_full and on_paper != "—"
