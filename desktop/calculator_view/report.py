"""The printable report: inputs, results, content version, date, and the disclaimer on every page.

``report_html`` builds the body from the patient, the engine's input spec and the assessment;
``paint_report`` lays it out on A4 pages of any QPagedPaintDevice (QPdfWriter or QPrinter) with a
footer on each page, which QTextDocument.print_() cannot do.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import datetime
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import (
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QTextBlockFormat,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

from calculator.note import input_value as engine_input_text
from desktop.calculator_view.assessment_html import GRID_TABLE, STYLE, AssessmentHtml, FieldLabel, TextFor
from desktop.calculator_view.calculator_form import nested_get
from desktop.calculator_view.field_values import localized
from desktop.calculator_view.report_header import ReportHeader

translate = QCoreApplication.translate
MARGIN_MM = 15.0
FOOTER_GAP_MM = 4.0
BLANK = "____________"  # a line to write on when nothing was typed


def input_value_text(
    entry: Mapping[str, Any], value: Any, lang: str, inputs: Mapping[str, Any] | None = None
) -> str:
    """An input in words, exactly as the engine's note words it (one wording for note and paper:
    a blank disease-free interval reads "de novo" in both, unless adjuvant therapy is recorded)."""
    try:
        return engine_input_text(entry, value, lang, dict(inputs or {}))
    except (KeyError, StopIteration, TypeError):  # a value the engine accepted but words differently
        return str(value)


def inputs_html(spec: Sequence[Mapping[str, Any]], inputs: Mapping[str, Any], lang: str) -> str:
    """Every input as the engine read it, two per row."""
    cells = []
    for entry in spec:
        _, value = nested_get(inputs, entry["path"])
        label = localized(entry.get("label") or entry["path"], lang)
        cells.append(
            f"<td class='muted'>{escape(label)}</td><td>{escape(input_value_text(entry, value, lang, inputs))}</td>"
        )
    if len(cells) % 2:
        cells.append("<td></td><td></td>")
    rows = "".join(f"<tr>{cells[i]}{cells[i + 1]}</tr>" for i in range(0, len(cells), 2))
    title = escape(translate("Report", "Inputs"))
    return f"<h2>{title}</h2>{GRID_TABLE}{rows}</table>"


def header_html(header: ReportHeader) -> str:
    name = escape(translate("Report", "Name: %1")).replace("%1", escape(header.name) or BLANK)
    number = escape(translate("Report", "Hospital number: %1")).replace(
        "%1", escape(header.record_number) or BLANK
    )
    return f"<p>{name}　　{number}</p>"


def signature_html() -> str:
    signed = escape(translate("Report", "Doctor's signature: %1")).replace("%1", BLANK)
    date = escape(translate("Report", "Date: %1")).replace("%1", BLANK)
    return f"<p style='margin-top: 24px'>{signed}　　{date}</p>"


def report_html(
    assessment: Mapping[str, Any],
    spec: Sequence[Mapping[str, Any]],
    lang: str,
    text_for: TextFor,
    printed_at: datetime,
    header: ReportHeader | None = None,
    *,
    field_label: FieldLabel | None = None,
) -> str:
    """The report body (the footer is painted separately on every page): the answer on page one,
    then the details, the inputs and a signature line; no links on paper."""
    sections = AssessmentHtml(assessment, lang, text_for, field_label=field_label, paper=True)
    title = escape(translate("Report", "BoneMet Guide — assessment report"))
    meta = escape(
        translate("Report", "Printed %1 · %2")
        .replace("%1", printed_at.strftime("%Y-%m-%d %H:%M"))
        .replace("%2", sections.versions())
    )
    return (
        f"<html><head><style>{STYLE}</style></head><body><h1>{title}</h1>"
        f"{header_html(header or ReportHeader())}<p class='muted'>{meta}</p>"
        f"{sections.head()}{sections.results()}"
        f"{inputs_html(spec, assessment.get('inputs') or {}, lang)}{signature_html()}</body></html>"
    )


def footer_text(assessment: Mapping[str, Any], lang: str, printed_at: datetime) -> str:
    """Footer line of every page; ``%page`` and ``%pages`` are filled in per page."""
    versions = AssessmentHtml(assessment, lang, lambda code: {}, paper=True).versions()
    return (
        translate("Report", "%1 · %2 · page %3 of %4")
        .replace("%1", html.unescape(versions))
        .replace("%2", printed_at.strftime("%Y-%m-%d"))
        .replace("%3", "%page")
        .replace("%4", "%pages")
        + "\n"
        + localized(assessment.get("disclaimer"), lang)
    )


def prepare_a4(device: QPagedPaintDevice) -> None:
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


def _document(html_or_text: str, device: QPagedPaintDevice, width: float, *, plain: bool) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)  # points -> device pixels at its resolution
    if plain:
        font = document.defaultFont()
        font.setPointSizeF(max(font.pointSizeF() * 0.8, 6.0))
        document.setDefaultFont(font)
        document.setPlainText(html_or_text)
    else:
        document.setHtml(html_or_text)
    document.setTextWidth(width)
    return document


def table_frames(document: QTextDocument) -> list[QTextTable]:
    found: list[QTextTable] = []
    pending = [document.rootFrame()]
    while pending:
        frame = pending.pop(0)
        pending.extend(frame.childFrames())
        if isinstance(frame, QTextTable):
            found.append(frame)
    return found


def _split_row(document: QTextDocument) -> tuple[QTextTable, int] | None:
    """The first table row whose cells run over a page edge, if any."""
    height = document.pageSize().height()
    layout = document.documentLayout()
    for table in table_frames(document):
        for row in range(table.rows()):
            cells = [table.cellAt(row, column) for column in range(table.columns())]
            top = min(layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells)
            bottom = max(layout.blockBoundingRect(c.lastCursorPosition().block()).bottom() for c in cells)
            if bottom - top < height and int(top // height) != int((bottom - 1) // height):
                return table, row
    return None


def _break_before_split_rows(document: QTextDocument) -> None:
    """A table row never splits across pages: Qt would break a tall cell's lines over the page
    edge, so a row that would run over it starts the next page instead."""
    page_break = QTextBlockFormat()
    page_break.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    for _ in range(200):  # each fix moves one row; a report has far fewer
        split = _split_row(document)
        if split is None:
            return
        table, row = split
        for column in range(table.columns()):
            table.cellAt(row, column).firstCursorPosition().mergeBlockFormat(page_break)


def report_document(device: QPagedPaintDevice, body_html: str, footer: str) -> tuple[QTextDocument, float]:
    """The body laid out in pages of ``device`` (already A4) less the footer; and the footer's height."""
    page = device.pageLayout().paintRectPixels(device.resolution())
    width, height = float(page.width()), float(page.height())
    gap = FOOTER_GAP_MM / 25.4 * device.resolution()
    footer_height = (
        _document(footer.replace("%pages", "99").replace("%page", "99"), device, width, plain=True)
        .size()
        .height()
    )
    body = _document(body_html, device, width, plain=False)
    body.setPageSize(QSizeF(width, height - footer_height - gap))
    _break_before_split_rows(body)
    return body, footer_height


def paint_report(device: QPagedPaintDevice, body_html: str, footer: str) -> int:
    """Paint the report onto ``device`` (already A4); returns the number of pages, 0 when the
    device could not be opened (a printer that went away, a file that cannot be written)."""
    body, footer_height = report_document(device, body_html, footer)
    page = device.pageLayout().paintRectPixels(device.resolution())
    width, height = float(page.width()), float(page.height())
    body_height = body.pageSize().height()
    pages = body.pageCount()
    painter = QPainter()
    if not painter.begin(device):
        return 0
    try:
        for index in range(pages):
            if index:
                device.newPage()
            painter.save()
            painter.translate(0, -index * body_height)
            body.drawContents(painter, QRectF(0, index * body_height, width, body_height))
            painter.restore()
            text = footer.replace("%pages", str(pages)).replace("%page", str(index + 1))
            painter.save()
            painter.translate(0, height - footer_height)
            _document(text, device, width, plain=True).drawContents(painter)
            painter.restore()
    finally:
        painter.end()
    return pages
