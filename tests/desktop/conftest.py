"""Shared fixtures for the desktop tests: a real library and search index built once per session,
small fakes for widget-level tests, a calculator stand-in, and a main-window factory.

No test may block on a modal dialog: the dialog seams are replaced for every test.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel

from desktop import dialogs
from desktop.library_view.bookmarks import ReadingLists
from desktop.library_view.library_source import Backend, load_backend
from desktop.shell.i18n import LanguageSwitcher
from desktop.shell.main_window import MainWindow
from desktop.shell.paths import user_dirs
from desktop.shell.settings import SETTINGS_FILE_NAME, Settings
from index.search import Hit


@pytest.fixture(scope="session")
def real_backend(tmp_path_factory, real_index_dir) -> Backend:
    """The bundled library and its search index (built once per test session), as the app loads them:
    the session's index is the shipped one, so nothing is rebuilt into the cache."""
    return load_backend(real_index_dir, tmp_path_factory.mktemp("index") / "cache")


@dataclass(frozen=True)
class FakeDoc:
    doc_id: str
    lang: str
    title: str
    summary: str
    html: str


def _fake_docs() -> list[FakeDoc]:
    filler = "<p>filler paragraph</p>" * 80
    return [
        FakeDoc(
            "alpha",
            "en",
            "Alpha topic",
            "About alpha.",
            "<h1>Alpha topic</h1><p>See <a href='doc:beta#dose'>beta dosing</a>.</p>"
            + filler
            + "<h2 id='late'>Late part</h2><p>needle in the haystack</p>",
        ),
        FakeDoc("alpha", "zh", "阿尔法主题", "关于阿尔法。", "<h1>阿尔法主题</h1><p>中文正文</p>"),
        FakeDoc(
            "beta",
            "en",
            "Beta topic",
            "About beta.",
            "<h1>Beta topic</h1>" + filler + "<h2 id='dose'>Dose</h2><p>beta dose text</p>",
        ),
        FakeDoc(
            "beta", "zh", "贝塔主题", "关于贝塔。", "<h1>贝塔主题</h1><h2 id='dose'>剂量</h2><p>贝塔剂量</p>"
        ),
        FakeDoc("gamma", "en", "Gamma only in English", "English only.", "<h1>Gamma</h1><p>gamma</p>"),
    ]


class FakeSource:
    """Same methods as desktop.library_view.library_source.LibrarySource, over a few tiny documents."""

    def __init__(self) -> None:
        self.docs = {(d.doc_id, d.lang): d for d in _fake_docs()}

    def toc(self, lang):
        from desktop.library_view.library_source import TocItem

        return [TocItem(d.doc_id, d.title, d.summary) for d in self.docs.values() if d.lang == lang]

    def has(self, doc_id, lang):
        return (doc_id, lang) in self.docs

    def title(self, doc_id, lang):
        return self.docs[(doc_id, lang)].title if (doc_id, lang) in self.docs else doc_id

    def reference_title(self, reference, lang):
        doc_id = reference.partition("#")[0]
        return self.title(doc_id, lang) if self.has(doc_id, lang) else None

    def html(self, doc_id, lang):
        return self.docs[(doc_id, lang)].html

    def print_html(self, doc_id, lang):
        return self.docs[(doc_id, lang)].html

    def sources(self):
        return ["A source"]


class FakeSearchIndex:
    """Matches the query as a substring of a document's text; records the queries it was asked."""

    def __init__(self, source: FakeSource) -> None:
        self.source = source
        self.queries: list[tuple[str, str]] = []

    def search(self, query, lang="zh", limit=20):
        self.queries.append((query, lang))
        return [
            Hit(d.doc_id, d.lang, d.title, "", "", f"…<b>{query}</b>…", 1.0)
            for d in self.source.docs.values()
            if query.lower() in d.html.lower()
        ][:limit]

    def expansions(self, query):
        return ["haystack"] if query == "needle" else []


@pytest.fixture
def fake_backend() -> Backend:
    source = FakeSource()
    return Backend(source, FakeSearchIndex(source))


class StubCalculator(QLabel):
    """Stands in for the calculator page: records what the shell asks of it."""

    openReference = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__("calculator", parent)
        self.calls: list[tuple] = []

    def set_content_language(self, lang):
        self.calls.append(("set_content_language", lang))

    def new_patient(self):
        self.calls.append(("new_patient",))

    def copy_for_chart(self):
        self.calls.append(("copy_for_chart",))

    def print_report(self):
        self.calls.append(("print_report",))

    def print_preview(self):
        self.calls.append(("print_preview",))

    def save_pdf(self, path=None):
        self.calls.append(("save_pdf", path))

    def load_patient(self, patient):
        self.calls.append(("load_patient", patient))

    def load_patient_file(self, path=None):
        self.calls.append(("load_patient_file", path))


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch):
    """A modal dialog would hang the test run: fail loudly instead, unless a test replaces it."""

    def refuse(*args, **kwargs):
        raise AssertionError("a modal dialog was opened in a test")

    for name in ("first_run_disclaimer", "show_about", "show_intended_use", "confirm"):
        monkeypatch.setattr(dialogs, name, refuse)


@pytest.fixture
def switcher(qapp):
    """The app's language switcher; English again after the test."""
    language = LanguageSwitcher(qapp)
    yield language
    language.apply("en")


@pytest.fixture
def make_window(qtbot, switcher):
    """Build a main window on the test's user folders, the way the app does (without showing it)."""

    def make(
        backend: Backend | None = None, calculator=None, show: bool = True, real_calculator: bool = False
    ) -> MainWindow:
        dirs = user_dirs()
        settings = Settings(dirs.config / SETTINGS_FILE_NAME)
        if calculator is None and not real_calculator:
            calculator = StubCalculator()
        window = MainWindow(settings, ReadingLists(dirs.data), switcher, None, calculator)
        qtbot.addWidget(window)
        if backend is not None:
            window.set_backend(backend)
        if show:
            window.show()
            window.activateWindow()  # shortcuts only reach an active window
            qtbot.waitUntil(window.isActiveWindow)
        return window

    return make


def type_text(widget, text: str) -> None:
    """Type any text (Chinese included) one key event per character, like a user with an IME."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def settings_path() -> Path:
    return user_dirs().config / SETTINGS_FILE_NAME


@pytest.fixture(autouse=True)
def _calculator_dialogs(monkeypatch):
    """The calculator's own dialogs: the printout header is left blank, clearing a filled form is
    refused loudly unless a test answers it."""
    from desktop.calculator_view import page_dialogs, report_header

    monkeypatch.setattr(report_header, "ask_report_header", lambda parent: report_header.ReportHeader())

    def refuse(parent):
        raise AssertionError("the clear-form question was asked in a test that did not expect it")

    monkeypatch.setattr(page_dialogs, "ask_clear_form", refuse)


@pytest.fixture
def english_calculator_page(qtbot):
    """A real calculator page with English content (messages compared as text)."""
    from desktop.calculator_view.calculator_page import CalculatorPage

    widget = CalculatorPage()
    qtbot.addWidget(widget)
    widget.set_content_language("en")
    return widget
