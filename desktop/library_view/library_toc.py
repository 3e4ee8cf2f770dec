"""The library's side lists: table of contents, bookmarks and recent history (each clearable)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.item_roles import USER_ROLE
from desktop.library_view.bookmarks import EntryList, ReadingLists

translate = QCoreApplication.translate  # lupdate needs a literal context in each call

LocationRole = USER_ROLE + 1


def _list_widget(parent: QWidget, name: str) -> QListWidget:
    widget = QListWidget(parent)
    widget.setObjectName(name)
    widget.setWordWrap(True)
    widget.setUniformItemSizes(False)
    return widget


class LibraryLists(QTabWidget):
    openDocument = Signal(str, str)  # doc id, anchor

    def __init__(self, lists: ReadingLists, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryLists")
        self.setDocumentMode(True)
        self.lists = lists
        self.source: Any = None
        self.language = "zh"
        self.contents = _list_widget(self, "contents")
        self.bookmarks = _list_widget(self, "bookmarks")
        self.history = _list_widget(self, "history")
        self.clear_bookmarks_button = QPushButton(self)
        self.clear_history_button = QPushButton(self)
        self.clear_bookmarks_button.clicked.connect(lambda: self._clear(lists.bookmarks))
        self.clear_history_button.clicked.connect(lambda: self._clear(lists.history))
        self.addTab(self.contents, "")
        self.addTab(self._with_button(self.bookmarks, self.clear_bookmarks_button), "")
        self.addTab(self._with_button(self.history, self.clear_history_button), "")
        for widget in (self.contents, self.bookmarks, self.history):
            widget.itemActivated.connect(self._activated)
            widget.itemClicked.connect(self._activated)
        self.retranslate()

    def set_source(self, source: Any) -> None:
        self.source = source
        self.refresh()

    def set_language(self, language: str) -> None:
        self.language = language
        self.refresh()

    def refresh(self) -> None:
        self.contents.clear()
        if self.source is None:
            self.contents.addItem(translate("LibraryLists", "Loading the library…"))
        else:
            for item in self.source.toc(self.language):
                self._add(self.contents, item.title, item.doc_id, "", item.summary)
        for widget, entries in ((self.bookmarks, self.lists.bookmarks), (self.history, self.lists.history)):
            widget.clear()
            for entry in entries.entries():
                title = entry.title
                if self.source is not None and self.source.has(entry.doc_id, self.language):
                    title = self.source.title(entry.doc_id, self.language)
                self._add(widget, title, entry.doc_id, entry.anchor, "")
        self.clear_bookmarks_button.setEnabled(self.bookmarks.count() > 0)
        self.clear_history_button.setEnabled(self.history.count() > 0)

    def retranslate(self) -> None:
        self.setTabText(0, translate("LibraryLists", "Contents"))
        self.setTabText(1, translate("LibraryLists", "Bookmarks"))
        self.setTabText(2, translate("LibraryLists", "History"))
        self.clear_bookmarks_button.setText(translate("LibraryLists", "Clear bookmarks"))
        self.clear_history_button.setText(translate("LibraryLists", "Clear history"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _with_button(self, widget: QWidget, button: QPushButton) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)  # the button at the right
        buttons.addWidget(button)
        layout.addLayout(buttons)
        return page

    @staticmethod
    def _add(widget: QListWidget, title: str, doc_id: str, anchor: str, tooltip: str) -> None:
        item = QListWidgetItem(title, widget)
        item.setData(LocationRole, (doc_id, anchor))
        if tooltip:
            item.setToolTip(tooltip)

    def _activated(self, item: QListWidgetItem) -> None:
        location = item.data(LocationRole)
        if location:
            self.openDocument.emit(*location)

    def _clear(self, entries: EntryList) -> None:
        if entries is self.lists.bookmarks:
            question = translate("LibraryLists", "Clear the bookmarks?")
        else:
            question = translate("LibraryLists", "Clear the history?")
        from desktop import dialogs  # imported when needed: its Qt classes cost start-up time

        if dialogs.confirm(self, translate("LibraryLists", "Clear"), question):
            entries.clear()
            self.refresh()
