"""The Library view: search panel and side lists on the left, the reader on the right.

The reader is built (and its module imported) when first needed or by `build_reader()`, which the
app calls just after the first paint: the window shows sooner and the search box has focus at once.
Until then an empty widget holds its place in the splitter, so the saved sizes apply unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from desktop.library_view.bookmarks import Entry, ReadingLists
from desktop.library_view.library_toc import LibraryLists
from desktop.library_view.search_controller import SearchController
from desktop.library_view.search_panel import SearchPanel

if TYPE_CHECKING:  # imported for real when the reader is built
    from desktop.library_view.reader_view import ReaderView


class LibraryPage(QWidget):
    openScore = Signal(str)  # noqa: N815 — a "scores:<name>" link in the reader

    def __init__(self, controller: SearchController, lists: ReadingLists, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.lists = lists
        self.side_lists = LibraryLists(lists, self)
        self.search_panel = SearchPanel(controller, self.side_lists, self)
        self._reader: ReaderView | None = None  # built on first use
        self._source: Any = None
        self._language: str | None = None
        self._text_scale: float | None = None
        self._reader_slot = QWidget(self)  # stands in for the reader until it is built
        # Side by side, a splitter's default. By keyword: PySide matches a positional first argument
        # against the overload taking a Qt.Orientation, which creates every enum of the `Qt`
        # namespace (about 30 ms) before the window can show (issue 14).
        self.splitter = QSplitter(parent=self)
        self.splitter.setObjectName("librarySplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.search_panel)
        self.splitter.addWidget(self._reader_slot)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)

        self._answered: str | None = None  # the query whose hit the reader shows
        self._waiting_hit: tuple[Any, str] | None = None  # opened before the library was read
        self.search_panel.openHit.connect(self.open_hit)
        controller.resultsChanged.connect(self._results_changed)
        self.side_lists.openDocument.connect(lambda doc_id, anchor: self.reader.open(doc_id, anchor))
        self.setFocusProxy(self.search_panel.search_box)

    @property
    def reader(self) -> ReaderView:
        self.build_reader()
        assert self._reader is not None
        return self._reader

    def build_reader(self) -> None:
        """Build the reader now if it is not built yet, with the source, language and zoom given so far."""
        if self._reader is not None:
            return
        from desktop.library_view.reader_view import ReaderView

        # The reader's keys work from the search box too: after Enter opens a hit the focus stays
        # in the box, and Ctrl+F must still search the page that is now open.
        reader = ReaderView(None, self.lists, self, shortcut_scope=self)
        self._reader = reader
        self.splitter.replaceWidget(1, reader)  # keeps the slot's size
        self._reader_slot.deleteLater()
        reader.documentOpened.connect(self._remember)
        reader.bookmarksChanged.connect(self.side_lists.refresh)  # button or Ctrl+D
        reader.openScore.connect(self.openScore)
        if self._text_scale is not None:
            reader.set_text_scale(self._text_scale)
        if self._language is not None:
            reader.set_content_language(self._language)
        if self._source is not None:
            reader.set_source(self._source)

    def set_source(self, source: Any) -> None:
        self._source = source
        if self._reader is not None:
            self._reader.set_source(source)
        self.side_lists.set_source(source)
        if self._waiting_hit is not None:
            self.open_hit(*self._waiting_hit)

    def set_language(self, language: str) -> None:
        self.controller.set_language(language)
        self._language = language
        if self._reader is not None:
            self._reader.set_content_language(language)
        self.side_lists.set_language(language)

    def set_text_scale(self, factor: float) -> None:
        self._text_scale = factor
        if self._reader is not None:
            self._reader.set_text_scale(factor)

    def open_hit(self, hit: Any, query: str) -> None:
        # Search answers before the library is read (issue 14): Enter pressed in those few
        # milliseconds opens the hit as soon as the library is there.
        self._waiting_hit = (hit, query) if self._source is None else None
        if self._waiting_hit is not None:
            return
        from desktop.library_view.reader_view import terms_to_highlight

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
