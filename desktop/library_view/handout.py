"""Printing a library page on A4 (the patient handout): onto a QPrinter or a QPdfWriter.

The document is laid out against the device itself, so point sizes mean the same on any
resolution and the page count measured here is the page count printed.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QTextDocument

MARGIN_MM = 15.0


def a4_document(device: QPagedPaintDevice, html: str) -> QTextDocument:
    """Set the device to A4 with 15 mm margins and lay the HTML out in pages of its printable area."""
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    page = device.pageLayout().paintRectPixels(device.logicalDpiX())  # = the resolution set
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setHtml(html)
    document.setPageSize(QSizeF(page.width(), page.height()))
    return document


def print_a4(device: QPagedPaintDevice, html: str) -> int:
    """Print the HTML on A4 pages of ``device``; returns the number of pages."""
    document = a4_document(device, html)
    document.print_(device)
    return document.pageCount()
