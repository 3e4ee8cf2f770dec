"""The printed/PDF report: inputs, results, content version, date and disclaimer."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from PySide6.QtGui import QPdfWriter, QTextDocument

import calculator
import desktop.calculator_view.calculator_page as calculator_page
import desktop.calculator_view.page_dialogs as page_dialogs
from desktop.calculator_view.calculator_page import CalculatorPage
from desktop.calculator_view.report import footer_text, paint_report, prepare_a4, report_html
from tests.desktop.calculator_helpers import fill_crcl_46

WHEN = datetime(2026, 11, 26, 9, 30)


@pytest.fixture
def filled_page(qtbot):
    page = CalculatorPage()
    qtbot.addWidget(page)
    page.set_content_language("en")
    fill_crcl_46(qtbot, page)
    assert page.assessment() is not None
    return page


def plain(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def test_report_holds_inputs_results_version_and_date(filled_page):
    assessment = filled_page.assessment()
    text = plain(report_html(assessment, calculator.input_spec(), "en", calculator.text_for, WHEN))
    spec = {entry["path"]: entry for entry in calculator.input_spec()}
    assert spec["weight_kg"]["label"]["en"] in text
    assert "95 µmol/L" in text  # the lab value with its unit label
    assert spec["sex"]["choices"][0]["label"]["en"] in text  # choices in words, not codes
    assert calculator.text_for("zoledronic_acid")["en"] in text
    assert assessment["content_version"] in text
    assert "2026-11-26" in text


def test_footer_has_disclaimer_version_and_page_numbers(filled_page):
    assessment = filled_page.assessment()
    footer = footer_text(assessment, "zh", WHEN)
    assert assessment["disclaimer"]["zh"] in footer
    assert assessment["content_version"] in footer
    assert "%page" in footer and "%pages" in footer


def test_long_report_spans_pages(filled_page, tmp_path):
    assessment = filled_page.assessment()
    body = report_html(assessment, calculator.input_spec(), "en", calculator.text_for, WHEN)
    writer = QPdfWriter(str(tmp_path / "long.pdf"))
    prepare_a4(writer)
    pages = paint_report(writer, body + body + body, footer_text(assessment, "en", WHEN))
    assert pages > 1
    assert (tmp_path / "long.pdf").read_bytes().startswith(b"%PDF")


def test_print_goes_through_the_print_dialog_seam(filled_page, tmp_path, monkeypatch):
    target = tmp_path / "printed.pdf"

    def accept(printer, parent):
        printer.setOutputFileName(str(target))  # a PDF "printer" stands in for the ward printer
        return True

    monkeypatch.setattr(page_dialogs, "ask_print", accept)
    assert filled_page.print_report()
    assert target.read_bytes().startswith(b"%PDF")


def test_print_cancelled_prints_nothing(filled_page, monkeypatch):
    monkeypatch.setattr(page_dialogs, "ask_print", lambda printer, parent: False)
    assert not filled_page.print_report()


def test_page_one_holds_the_answer_and_the_inputs_come_after_it(filled_page, tmp_path):
    from tests.desktop.calculator_helpers import tables

    body = report_html(filled_page.assessment(), calculator.input_spec(), "en", calculator.text_for, WHEN)
    document = QTextDocument()
    document.setHtml(body)
    first, *_, inputs = tables(document)
    assert first[0] == ["Agent", "Dose and schedule", "Status"]  # no link column on paper
    assert all(len(row) == 4 for row in inputs)  # two inputs per row
    assert len(inputs) == (len(calculator.input_spec()) + 1) // 2
    assert "Age (years)" in inputs[0][0] and inputs[0][1] == "70"
    # Paint it and read page one back: the agent table is there.
    pdf = tmp_path / "one.pdf"
    writer = QPdfWriter(str(pdf))
    prepare_a4(writer)
    assert paint_report(writer, body, footer_text(filled_page.assessment(), "en", WHEN)) >= 1
    text = plain(body)
    assert text.index(calculator.text_for("zoledronic_acid")["en"]) < text.index("Inputs")


def test_paper_has_no_link_text_a_name_line_and_a_signature_line(filled_page):
    from desktop.calculator_view.report_header import ReportHeader

    body = report_html(
        filled_page.assessment(),
        calculator.input_spec(),
        "en",
        calculator.text_for,
        WHEN,
        ReportHeader("Wang Fang", "ZY123456"),
    )
    assert "<a " not in body and "§" not in body  # links mean nothing on paper
    text = plain(body)
    assert "Name: Wang Fang" in text and "Hospital number: ZY123456" in text
    assert "Doctor's signature: ____" in text
    blank = plain(
        report_html(filled_page.assessment(), calculator.input_spec(), "en", calculator.text_for, WHEN)
    )
    assert "Name: ____" in blank  # nothing typed: a line to write on


def test_name_typed_at_print_time_is_printed_and_never_stored(filled_page, tmp_path, monkeypatch):
    from desktop.calculator_view import report_header

    monkeypatch.setattr(
        report_header, "ask_report_header", lambda parent: report_header.ReportHeader("Li Na", "ZY9")
    )
    target = tmp_path / "named.pdf"
    monkeypatch.setattr(page_dialogs, "ask_pdf_path", lambda parent, suggested: str(target))
    assert filled_page.save_pdf() == str(target)
    home = tmp_path.parent  # BONEMET_HOME and the settings live under the test's tmp_path
    stored = [p for p in home.rglob("*") if p.is_file() and p != target]
    assert not any(b"ZY9" in p.read_bytes() for p in stored)
    assert "ZY9" not in json.dumps(filled_page.patient())


def test_cancelling_the_name_question_prints_nothing(filled_page, monkeypatch):
    from desktop.calculator_view import report_header

    monkeypatch.setattr(report_header, "ask_report_header", lambda parent: None)
    monkeypatch.setattr(page_dialogs, "ask_print", lambda *a: pytest.fail("print dialog opened"))
    assert not filled_page.print_report()


def test_print_preview_shows_the_a4_report_pages(filled_page, monkeypatch, tmp_path):
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinter

    seen = {}
    target = tmp_path / "preview.pdf"

    def preview(printer, paint, parent):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # capture what the preview draws
        printer.setOutputFileName(str(target))
        paint(printer)
        seen["size"] = printer.pageLayout().pageSize().id()
        return False  # closed without printing

    monkeypatch.setattr(page_dialogs, "show_preview", preview)
    assert not filled_page.print_preview()
    assert seen["size"] == QPageSize.PageSizeId.A4
    assert target.read_bytes().startswith(b"%PDF")


def test_print_preview_without_a_result_shows_nothing(qtbot, monkeypatch):
    page = CalculatorPage()
    qtbot.addWidget(page)
    monkeypatch.setattr(page_dialogs, "show_preview", lambda *args: pytest.fail("preview opened"))
    assert not page.print_preview()


def test_saving_the_pdf_onto_a_folder_says_so_instead_of_saved(filled_page, tmp_path):
    assert filled_page.save_pdf(str(tmp_path)) is None
    assert "Could not write" in filled_page.notice.text()
    assert "Saved" not in filled_page.notice.text()


def test_saving_the_pdf_into_a_missing_folder_says_so(filled_page, tmp_path):
    target = tmp_path / "no such folder" / "report.pdf"
    assert filled_page.save_pdf(str(target)) is None
    assert str(target) in filled_page.notice.text() and not target.exists()


def test_a_printer_that_cannot_start_is_reported(filled_page, monkeypatch):
    monkeypatch.setattr(page_dialogs, "ask_print", lambda printer, parent: True)
    monkeypatch.setattr(calculator_page, "paint_report", lambda device, body, footer: 0)
    assert not filled_page.print_report()
    assert filled_page.notice.text() == "The report could not be printed."


def test_print_dialogs_do_not_pile_up_on_the_page(filled_page, monkeypatch):
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: 0)  # the user cancels at once
    for _ in range(3):
        assert not page_dialogs.ask_print(QPrinter(), filled_page)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert filled_page.findChildren(QPrintDialog) == []


def _row_pages(document, page_height):
    """(first page, last page) of every table row in the laid-out ``document``."""
    from desktop.calculator_view.report import table_frames

    layout = document.documentLayout()
    spans = []
    for table in table_frames(document):
        for row in range(table.rows()):
            tops, bottoms = [], []
            for column in range(table.columns()):
                cell = table.cellAt(row, column)
                tops.append(layout.blockBoundingRect(cell.firstCursorPosition().block()).top())
                bottoms.append(layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom())
            spans.append((table, int(min(tops) // page_height), int((max(bottoms) - 1) // page_height)))
    return spans


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_table_rows_never_split_and_page_one_holds_the_agent_table(filled_page, tmp_path, lang):
    from desktop.calculator_view.report import report_document

    assessment = filled_page.assessment()
    body = report_html(assessment, calculator.input_spec(), lang, calculator.text_for, WHEN)
    writer = QPdfWriter(str(tmp_path / "rows.pdf"))
    prepare_a4(writer)
    # Three reports in a row put row edges at many different places on the pages.
    document, _ = report_document(writer, body * 3, footer_text(assessment, lang, WHEN))
    height = document.pageSize().height()
    spans = _row_pages(document, height)
    assert document.pageCount() > 2 and len(spans) > 50
    assert [span for span in spans if span[1] != span[2]] == []
    agent_table = next(
        table
        for table, _, _ in spans
        if table.cellAt(0, 0).firstCursorPosition().block().text() in ("Agent", "药物")
    )
    assert all(last == 0 for table, _, last in spans if table is agent_table)
