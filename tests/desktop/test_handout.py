"""The patient handout prints on one A4 page in each language (issue 13)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QPdfWriter

from desktop.library_view.handout import print_a4
from library.content import load_library
from library.handout import print_html

HANDOUT = "patient-education"


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_patient_handout_prints_on_one_a4_page(library, lang, tmp_path, qapp):
    path = tmp_path / f"handout.{lang}.pdf"
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    pages = print_a4(writer, print_html(library, HANDOUT, lang))
    del writer  # finishes the file
    data = path.read_bytes()
    assert pages == 1
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_printed_handout_keeps_the_text_and_drops_the_screen_header(library, lang):
    html = print_html(library, HANDOUT, lang)
    document = library.get(HANDOUT, lang)
    assert document.title in html
    assert "spinal-cord" not in html or "<h2" in html  # headings kept
    assert "doc:references#" in html  # citations stay traceable
    assert document.summary not in html  # the screen header is not printed


def test_a_missing_document_prints_a_notice(library):
    assert "not in the library" in print_html(library, "no-such-page", "en")


def test_reader_prints_the_open_document(make_window, fake_backend, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    reader = make_window(fake_backend).library.reader
    assert reader.print_document() == 0  # nothing open: nothing printed, no dialog
    assert reader.open("beta")
    assert reader.print_button.isEnabled()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "beta.pdf"))
    assert reader.print_document(printer) >= 1  # the fake document runs over several pages
    del printer
    assert (tmp_path / "beta.pdf").read_bytes().startswith(b"%PDF")
