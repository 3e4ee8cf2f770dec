"""The document reader: rendered guideline HTML in a QTextBrowser (no web engine).

Internal links ("doc:<id>#<anchor>") open in place with back/forward history; the other
language's version is one click away; matched search terms are highlighted when a document is
opened from a search; the bookmark button toggles the open document in the bookmarks list.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.assets import icon
from desktop.library_view.bookmarks import Entry, ReadingLists
from desktop.library_view.find_bar import FindBar
from desktop.library_view.results_model import MATCH_BACKGROUND
from desktop.offline_browser import OfflineBrowser

translate = QCoreApplication.translate  # lupdate needs a literal context in each call

HIGHLIGHT_COLOUR = QColor(MATCH_BACKGROUND)
MAX_HIGHLIGHTS = 300
_BOLD = re.compile(r"<b>(.*?)</b>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_PIXEL_FONT_SIZE = re.compile(r"font-size:\s*(\d+(?:\.\d+)?)px")


def terms_to_highlight(query: str, snippet_html: str = "") -> list[str]:
    """The words of the query plus the fragments the search marked in the snippet, longest first."""
    marked = [html.unescape(_TAG.sub("", m)).strip() for m in _BOLD.findall(snippet_html or "")]
    terms = {t for t in marked + query.split() if t.strip()}
    return sorted(terms, key=len, reverse=True)


def scale_font_sizes(document_html: str, factor: float) -> str:
    """The rendered documents size their text in px, which a widget font change cannot reach;
    scaling those sizes is how the font zoom reaches the reader."""
    if abs(factor - 1.0) < 0.01:
        return document_html
    return _PIXEL_FONT_SIZE.sub(lambda m: f"font-size: {float(m.group(1)) * factor:.1f}px", document_html)


def start_page_html() -> str:
    """What the reader shows before anything is opened: how to start, and the keys worth knowing."""
    keys = [
        ("Ctrl+K", translate("Reader", "Search the guidelines")),
        ("Ctrl+2 / Ctrl+1", translate("Reader", "Calculator / back to the library")),
        ("Alt+← / Alt+→", translate("Reader", "Back / forward")),
        ("Ctrl+F", translate("Reader", "Find in this document")),
        ("Ctrl+D", translate("Reader", "Bookmark this document")),
        ("Ctrl+= / Ctrl+-", translate("Reader", "Larger / smaller text")),
    ]
    rows = "".join(
        f"<tr><td style='padding-right:16px'><b>{html.escape(key)}</b></td><td>{html.escape(what)}</td></tr>"
        for key, what in keys
    )
    hint = translate("Reader", "Search above, or choose a topic from the contents, to read it here.")
    title = translate("Reader", "Keyboard")
    return (
        f"<div style='color:#5a6b7b'><p>{html.escape(hint)}</p>"
        f"<p><b>{html.escape(title)}</b></p><table cellspacing='2'>{rows}</table></div>"
    )


@dataclass(frozen=True)
class Location:
    doc_id: str
    anchor: str
    lang: str


class ReaderView(QWidget):
    documentOpened = Signal(str, str, str, str)  # doc id, anchor, language, title
    bookmarksChanged = Signal()
    openScore = Signal(str)  # noqa: N815 — a "scores:<name>" link: the window opens that scorer

    def __init__(
        self,
        source: Any,
        lists: ReadingLists,
        parent: QWidget | None = None,
        shortcut_scope: QWidget | None = None,
    ) -> None:
        """``shortcut_scope``: the widget whose focus makes the reader's keys (Ctrl+F, Alt+←/→,
        Ctrl+D) work; the reader itself when None."""
        super().__init__(parent)
        self.source = source
        self.lists = lists
        self.content_language = "zh"
        self.text_scale = 1.0
        self.current: Location | None = None
        self._terms: list[str] = []  # highlighted in the shown document
        self._back: list[Location] = []
        self._forward: list[Location] = []

        self.back_button = self._tool_button("back", self.go_back)
        self.forward_button = self._tool_button("forward", self.go_forward)
        self.other_language_button = self._tool_button("language", self.open_other_language)
        self.other_language_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.bookmark_button = self._tool_button("bookmark", self.toggle_bookmark)
        self.bookmark_button.setCheckable(True)
        self.bookmark_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # The document after its tool bar: creation order is the Tab order.
        self.browser = OfflineBrowser(self)
        self.browser.setObjectName("reader")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link_clicked)
        self.find_bar = FindBar(self.browser, self)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("readerTitle")
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        for widget in (self.back_button, self.forward_button, self.title_label):
            bar.addWidget(widget)
        bar.setStretchFactor(self.title_label, 1)
        bar.addWidget(self.other_language_button)
        bar.addWidget(self.bookmark_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.find_bar)

        scope = shortcut_scope or self
        self._shortcuts = [
            QShortcut(QKeySequence(QKeySequence.StandardKey.Find), scope, self.find_bar.open_bar),
            QShortcut(QKeySequence("Alt+Left"), scope, self.go_back),
            QShortcut(QKeySequence("Alt+Right"), scope, self.go_forward),
            QShortcut(QKeySequence("Ctrl+D"), scope, self.toggle_bookmark),
        ]
        for shortcut in self._shortcuts:
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.retranslate()

    # -- navigation -------------------------------------------------------------------------
    def open(self, doc_id: str, anchor: str = "", lang: str | None = None, terms: list[str] = ()) -> bool:
        """Show a document (in `lang`, else the content language), remembering where we were."""
        location = self._resolve(doc_id, anchor, lang)
        if location is None:
            return False
        if self.current is not None and location != self.current:
            self._back.append(self.current)
            self._forward.clear()
        self._show(location, terms)
        return True

    def go_back(self) -> None:
        if self._back:
            self._forward.append(self.current)
            self._show(self._back.pop())

    def go_forward(self) -> None:
        if self._forward:
            self._back.append(self.current)
            self._show(self._forward.pop())

    def open_other_language(self) -> None:
        if self.current is not None:
            other = "en" if self.current.lang == "zh" else "zh"
            self.open(self.current.doc_id, self._visible_anchor(), other)

    def set_content_language(self, lang: str) -> None:
        """Content follows the UI language: reload the open document in `lang` if it exists."""
        self.content_language = lang
        if (
            self.current is not None
            and self.current.lang != lang
            and self.source.has(self.current.doc_id, lang)
        ):
            self._show(Location(self.current.doc_id, self._visible_anchor(), lang), announce=False)
        self._update_controls()

    def set_text_scale(self, factor: float) -> None:
        """Font zoom for the document text (1.0 = as rendered); keeps the reading position."""
        self.text_scale = factor
        if self.current is not None:
            # Same document, larger text: the search highlights stay.
            self._show(
                Location(self.current.doc_id, self._visible_anchor(), self.current.lang),
                self._terms,
                announce=False,
            )

    def set_source(self, source: Any) -> None:
        self.source = source
        self._update_controls()

    def toggle_bookmark(self) -> None:
        if self.current is None:
            return
        doc_id = self.current.doc_id
        if self.lists.bookmarks.contains(doc_id):
            self.lists.bookmarks.remove(doc_id)
        else:
            self.lists.bookmarks.add(
                Entry(doc_id, "", self.current.lang, self.source.title(doc_id, self.current.lang))
            )
        self._update_controls()
        self.bookmarksChanged.emit()

    def clear_highlights(self) -> None:
        """Drop the search highlights (the page no longer answers what is being searched)."""
        self._terms = []
        self.browser.setExtraSelections([])

    def highlighted_terms(self) -> list[str]:
        selections = self.browser.extraSelections()
        return sorted({QTextCursor(s.cursor).selectedText() for s in selections})

    # -- internals --------------------------------------------------------------------------
    def _resolve(self, doc_id: str, anchor: str, lang: str | None) -> Location | None:
        if self.source is None:
            return None
        for candidate in (lang, self.content_language, "en" if self.content_language == "zh" else "zh"):
            if candidate and self.source.has(doc_id, candidate):
                return Location(doc_id, anchor, candidate)
        return None

    def _show(self, location: Location, terms: list[str] = (), announce: bool = True) -> None:
        """Render `location`; `announce` = a navigation worth recording in the history."""
        self.current = location
        self._terms = list(terms)
        self.browser.setHtml(
            scale_font_sizes(self.source.html(location.doc_id, location.lang), self.text_scale)
        )
        self.find_bar.document_changed()
        self._highlight(terms)
        self._scroll_to(location.anchor)
        QTimer.singleShot(0, self, lambda: self._scroll_to(location.anchor))  # after layout settles
        if announce:
            title = self.source.title(location.doc_id, location.lang)
            self.documentOpened.emit(location.doc_id, location.anchor, location.lang, title)
        self._update_controls()

    def _scroll_to(self, anchor: str) -> None:
        if anchor:
            self.browser.scrollToAnchor(anchor)
        elif selections := self.browser.extraSelections():
            first = QTextCursor(selections[0].cursor)
            first.clearSelection()
            self.browser.setTextCursor(first)
            self.browser.ensureCursorVisible()
        else:
            self.browser.verticalScrollBar().setValue(0)

    def _visible_anchor(self) -> str:
        """The anchor name nearest above the top of the view, to keep the place on reload."""
        cursor = self.browser.cursorForPosition(self.browser.viewport().rect().topLeft())
        block = cursor.block()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                names = fragments.fragment().charFormat().anchorNames()
                if names:
                    return str(names[0])
                fragments += 1
            block = block.previous()
        return self.current.anchor if self.current else ""

    def _highlight(self, terms: list[str]) -> None:
        selections = []
        document = self.browser.document()
        char_format = QTextCharFormat()
        char_format.setBackground(HIGHLIGHT_COLOUR)
        for term in terms:
            cursor = QTextCursor(document)
            while len(selections) < MAX_HIGHLIGHTS:
                cursor = document.find(term, cursor)
                if cursor.isNull():
                    break
                selection = QTextEdit.ExtraSelection()
                selection.cursor = QTextCursor(cursor)
                selection.format = char_format
                selections.append(selection)
        self.browser.setExtraSelections(selections)

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() == "doc":
            self.open(url.path(), url.fragment())
        elif url.scheme() == "scores":
            self.openScore.emit(url.path())
        elif not url.scheme() and url.fragment():
            self.browser.scrollToAnchor(url.fragment())
        # Anything else (web links in the sources) is left alone: the app never goes online.

    def _tool_button(self, icon_name: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon(icon_name))
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def _update_controls(self) -> None:
        self.back_button.setEnabled(bool(self._back))
        self.forward_button.setEnabled(bool(self._forward))
        has_doc = self.current is not None
        other = None
        if has_doc:
            other = "en" if self.current.lang == "zh" else "zh"
            other = other if self.source.has(self.current.doc_id, other) else None
        self.other_language_button.setEnabled(other is not None)
        versions = {
            "en": translate("Reader", "English version"),
            "zh": translate("Reader", "Chinese version"),
        }
        self.other_language_button.setText(versions.get(other) or translate("Reader", "Other language"))
        self.bookmark_button.setEnabled(has_doc)
        marked = has_doc and self.lists.bookmarks.contains(self.current.doc_id)
        self.bookmark_button.setChecked(marked)
        self.bookmark_button.setText(
            translate("Reader", "Bookmarked") if marked else translate("Reader", "Bookmark")
        )
        self.title_label.setText(self.source.title(self.current.doc_id, self.current.lang) if has_doc else "")

    def retranslate(self) -> None:
        self.back_button.setToolTip(translate("Reader", "Back (Alt+Left)"))
        self.forward_button.setToolTip(translate("Reader", "Forward (Alt+Right)"))
        self.other_language_button.setToolTip(translate("Reader", "Open this document in the other language"))
        self.bookmark_button.setToolTip(
            translate("Reader", "Add or remove this document from the bookmarks (Ctrl+D)")
        )
        self.browser.setAccessibleName(translate("Reader", "Document"))
        if self.current is None:
            self.browser.setHtml(start_page_html())
        self._update_controls()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
