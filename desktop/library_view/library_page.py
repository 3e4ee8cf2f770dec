"""The Library view: search panel and side lists on the left, the reader on the right."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from desktop.library_view.bookmarks import Entry, ReadingLists
from desktop.library_view.library_toc import LibraryLists
from desktop.library_view.reader_view import ReaderView, terms_to_highlight
from desktop.library_view.search_controller import SearchController
from desktop.library_view.search_panel import SearchPanel


class LibraryPage(QWidget):
    def __init__(self, controller: SearchController, lists: ReadingLists, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.lists = lists
        self.side_lists = LibraryLists(lists, self)
        self.search_panel = SearchPanel(controller, self.side_lists, self)
        # The reader's keys work from the search box too: after Enter opens a hit the focus stays
        # in the box, and Ctrl+F must still search the page that is now open.
        self.reader = ReaderView(None, lists, self, shortcut_scope=self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("librarySplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.search_panel)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)

        self._answered: str | None = None  # the query whose hit the reader shows
        self.search_panel.openHit.connect(self.open_hit)
        controller.resultsChanged.connect(self._results_changed)
        self.side_lists.openDocument.connect(lambda doc_id, anchor: self.reader.open(doc_id, anchor))
        self.reader.documentOpened.connect(self._remember)
        self.reader.bookmarksChanged.connect(self.side_lists.refresh)  # button or Ctrl+D
        self.setFocusProxy(self.search_panel.search_box)

    def set_source(self, source: Any) -> None:
        self.reader.set_source(source)
        self.side_lists.set_source(source)

    def set_language(self, language: str) -> None:
        self.controller.set_language(language)
        self.reader.set_content_language(language)
        self.side_lists.set_language(language)

    def open_hit(self, hit: Any, query: str) -> None:
        terms = terms_to_highlight(query, getattr(hit, "snippet_html", ""))
        self.reader.open(hit.doc_id, hit.anchor, hit.lang, terms)
        self._answered = query

    def _results_changed(self) -> None:
        """New results answer another query: the open page keeps its place but loses the old
        query's highlights, so it does not look like the answer to what is typed now."""
        if self._answered is not None and self.controller.results_query != self._answered:
            self.reader.clear_highlights()
            self._answered = None

    def open_reference(self, reference: str) -> bool:
        """Open a "doc-id#anchor" reference (as cited by the calculator)."""
        doc_id, _, anchor = reference.partition("#")
        return self.reader.open(doc_id, anchor)

    def splitter_state(self) -> QByteArray:
        return self.splitter.saveState()

    def restore_splitter(self, state: QByteArray) -> None:
        if not state.isEmpty():
            self.splitter.restoreState(state)

    def _remember(self, doc_id: str, anchor: str, lang: str, title: str) -> None:
        self.lists.history.add(Entry(doc_id, anchor, lang, title))
        self.side_lists.refresh()
