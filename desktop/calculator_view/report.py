"""The printable report: inputs, results, content version, date, and the disclaimer on every page.

``report_html`` builds the body from the patient, the engine's input spec and the assessment;
``paint_report`` lays it out on A4 pages of any QPagedPaintDevice (QPdfWriter or QPrinter) with a
footer on each page, which QTextDocument.print_() cannot do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QTextDocument

from desktop.calculator_view.assessment_html import GRID_TABLE, STYLE, AssessmentHtml, RefTitle, TextFor
from desktop.calculator_view.calculator_form import nested_get
from desktop.calculator_view.field_values import format_number, localized

translate = QCoreApplication.translate
MARGIN_MM = 15.0
FOOTER_GAP_MM = 4.0


def input_value_text(entry: Mapping[str, Any], value: Any, lang: str) -> str:
    """What the doctor entered, in words: choice labels, lab value with its unit label."""
    if value is None or value == []:
        return "—"
    kind = entry.get("kind")
    choices = {c["code"]: localized(c.get("label") or c["code"], lang) for c in entry.get("choices") or []}
    if kind == "bool":
        return translate("Report", "Yes") if value else translate("Report", "No")
    if kind == "enum":
        return choices.get(value, str(value))
    if kind == "codes":
        return ", ".join(choices.get(code, str(code)) for code in value)
    if kind == "lab" and isinstance(value, Mapping):
        units = {u["code"]: localized(u.get("label") or u["code"], lang) for u in entry.get("units") or []}
        unit = value.get("unit")
        return f"{format_number(value.get('value'))} {units.get(unit, unit or '')}".strip()
    return format_number(value)


def inputs_html(spec: Sequence[Mapping[str, Any]], patient: Mapping[str, Any], lang: str) -> str:
    """Every input with what was entered, two per row so the inputs leave room on page one for
    the answer."""
    cells = []
    for entry in spec:
        _, value = nested_get(patient, entry["path"])
        label = localized(entry.get("label") or entry["path"], lang)
        cells.append(
            f"<td class='muted'>{escape(label)}</td><td>{escape(input_value_text(entry, value, lang))}</td>"
        )
    if len(cells) % 2:
        cells.append("<td></td><td></td>")
    rows = "".join(f"<tr>{cells[i]}{cells[i + 1]}</tr>" for i in range(0, len(cells), 2))
    title = escape(translate("Report", "Inputs"))
    return f"<h2>{title}</h2>{GRID_TABLE}{rows}</table>"


def report_html(
    assessment: Mapping[str, Any],
    patient: Mapping[str, Any],
    spec: Sequence[Mapping[str, Any]],
    lang: str,
    text_for: TextFor,
    printed_at: datetime,
    ref_title: RefTitle | None = None,
) -> str:
    """The report body (the footer is painted separately on every page)."""
    sections = AssessmentHtml(assessment, lang, text_for, ref_title)
    title = escape(translate("Report", "BoneMet Guide — assessment report"))
    meta = escape(
        translate("Report", "Date: %1 · Content version: %2")
        .replace("%1", printed_at.strftime("%Y-%m-%d %H:%M"))
        .replace("%2", str(assessment.get("content_version", "")))
    )
    return (
        f"<html><head><style>{STYLE}</style></head><body><h1>{title}</h1><p>{meta}</p>"
        f"{inputs_html(spec, patient, lang)}{sections.results()}</body></html>"
    )


def footer_text(assessment: Mapping[str, Any], lang: str, printed_at: datetime) -> str:
    """Footer line of every page; ``%page`` and ``%pages`` are filled in per page."""
    return (
        translate("Report", "Content version %1 · %2 · page %3 of %4")
        .replace("%1", str(assessment.get("content_version", "")))
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


def paint_report(device: QPagedPaintDevice, body_html: str, footer: str) -> int:
    """Paint the report onto ``device`` (already A4); returns the number of pages, 0 when the
    device could not be opened (a printer that went away, a file that cannot be written)."""
    layout = device.pageLayout()
    page = layout.paintRectPixels(device.resolution())
    width, height = float(page.width()), float(page.height())
    gap = FOOTER_GAP_MM / 25.4 * device.resolution()
    footer_height = (
        _document(footer.replace("%pages", "99").replace("%page", "99"), device, width, plain=True)
        .size()
        .height()
    )
    body_height = height - footer_height - gap
    body = _document(body_html, device, width, plain=False)
    body.setPageSize(QSizeF(width, body_height))
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
