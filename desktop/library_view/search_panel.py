"""The search box and its results, keyboard first (Zeal is the model).

The box keeps the focus while Up/Down/PageUp/PageDown move the selection in the results, the first
hit is preselected, Enter opens the selected hit and Esc clears the box. With an empty box the
panel shows `idle_widget` (the contents, bookmarks and history lists) instead of results.
"""

from __future__ import annotations

from typing import Any

# `Qt` is reached through the module, only in code that runs once the window is up: PySide creates
# the Python enums of the whole namespace on first access (about 30 ms, issue 14).
from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.library_view.results_model import HitRole, ResultDelegate, ResultsModel
from desktop.library_view.search_controller import FAILED, PREPARING, READY, SearchController

translate = QCoreApplication.translate  # lupdate needs a literal context in each call

MAX_EXPANSIONS_SHOWN = 5


class SearchPanel(QWidget):
    openHit = Signal(object, str)  # the hit, the query it answered

    def __init__(self, controller: SearchController, idle_widget: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self._open_on_answer = False  # Enter came before the answer to what is typed
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.installEventFilter(self)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("searchStatus")
        self.status_label.setWordWrap(True)
        self._plain_status = False  # the status line shows only the app's own texts until search is up
        self._setup_queued = False
        self.model = ResultsModel(self)
        self.results_view = QListView(self)
        self.results_view.setObjectName("results")
        self.results_view.setModel(self.model)
        self.results_view.setItemDelegate(ResultDelegate(self.results_view))
        self.results_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.results_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_view.activated.connect(self._open_index)
        self.results_view.clicked.connect(self._open_index)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(idle_widget)
        self.stack.addWidget(self.results_view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(self.status_label)
        layout.addWidget(self.stack, 1)

        self.search_box.textChanged.connect(self._query_changed)
        controller.resultsChanged.connect(self._show_results)
        controller.stateChanged.connect(self._update_status)
        self.retranslate()

    def _finish_setup_soon(self) -> None:
        """Search is ready: what needs `Qt` (see the import) follows in the next event-loop turn,
        so the ready state is shown without waiting for it. Until then no hit and no typed text
        can be shown (they come with an answer, and `_show_results` finishes the setup first)."""
        if not self._setup_queued:
            self._setup_queued = True
            QTimer.singleShot(0, self, self._finish_setup)

    def _finish_setup(self) -> None:
        if self._plain_status:
            return
        self._plain_status = True
        self.status_label.setTextFormat(QtCore.Qt.TextFormat.PlainText)  # typed text is never markup
        self.results_view.setHorizontalScrollBarPolicy(
            QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )  # cards wrap

    def focus_search(self) -> None:
        self.search_box.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def current_hit(self) -> Any:
        return self.results_view.currentIndex().data(HitRole)

    def retranslate(self) -> None:
        self.search_box.setPlaceholderText(translate("SearchPanel", "Search the guidelines (Ctrl+K)"))
        self.search_box.setAccessibleName(translate("SearchPanel", "Search"))
        self.results_view.setAccessibleName(translate("SearchPanel", "Search results"))
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            return self._handle_box_key(event)
        return super().eventFilter(watched, event)

    def _handle_box_key(self, event: QKeyEvent) -> bool:
        keys = QtCore.Qt.Key
        key = event.key()
        if key == keys.Key_Escape and self.search_box.text():
            self.search_box.clear()
            return True
        if key in (keys.Key_Return, keys.Key_Enter):
            if self.controller.is_current() or self.controller.state != READY:
                self._open_index(self.results_view.currentIndex())
            else:
                # The list still shows an earlier query's hits: open the first hit of what is
                # typed once its answer arrives, never a hit of something no longer asked.
                self._open_on_answer = True
                self.controller.run_now()
            return True
        if key in (keys.Key_Up, keys.Key_Down, keys.Key_PageUp, keys.Key_PageDown) and self.model.rowCount():
            QCoreApplication.sendEvent(self.results_view, QKeyEvent(event.type(), key, event.modifiers()))
            return True
        return False

    def _query_changed(self, text: str) -> None:
        self._open_on_answer = False
        self.stack.setCurrentIndex(1 if text.strip() else 0)
        self.controller.set_query(text)
        self._update_status()

    def _show_results(self) -> None:
        self._finish_setup()
        self.model.set_hits(self.controller.results)
        if self.model.rowCount():
            self.results_view.setCurrentIndex(self.model.index(0))
            self.results_view.scrollToTop()
        self._update_status()
        if self._open_on_answer and self.controller.is_current():
            self._open_on_answer = False
            self._open_index(self.results_view.currentIndex())

    def _update_status(self) -> None:
        controller = self.controller
        if controller.state != PREPARING:
            self._finish_setup_soon()
        tooltip = ""
        if controller.state == PREPARING and controller.progress is not None:
            done, total = controller.progress
            text = translate("SearchPanel", "Building the search index… %1/%2").replace("%1", str(done))
            text = text.replace("%2", str(total))
        elif controller.state == PREPARING:
            text = translate("SearchPanel", "Preparing search…")
        elif controller.state == READY and controller.rebuilt:
            text = translate("SearchPanel", "The search index was damaged and has been rebuilt.")
        elif controller.state == FAILED:
            text = translate("SearchPanel", "Search is unavailable: the search index could not be opened.")
        elif not controller.query:
            text = translate("SearchPanel", "Type a drug, a topic, an abbreviation or pinyin.")
        elif controller.results_query != controller.query:
            text = ""  # an answer is on its way; keep the line calm instead of flashing
        elif not controller.results:
            text = translate(
                "SearchPanel", "No results for “%1”. Try a drug name, an abbreviation or pinyin."
            ).replace("%1", controller.query)
        elif getattr(controller.results[0], "missing", ()):
            # No section holds every word: say so above the list, and which words were not found.
            separator = translate("SearchPanel", ", ", "separator between the terms of a list")
            text = translate(
                "SearchPanel", "Partial matches: no section holds every word. Not found: %1"
            ).replace("%1", separator.join(controller.results[0].missing))
        elif controller.expansions:
            # A long synonym group would push the results down: the first few, all in the tooltip.
            shown = controller.expansions[:MAX_EXPANSIONS_SHOWN]
            more = "…" if len(controller.expansions) > len(shown) else ""
            # The list separator is the UI language's: "、" in Chinese, ", " in English.
            separator = translate("SearchPanel", ", ", "separator between the terms of a list")
            text = translate("SearchPanel", "Also searched: %1").replace("%1", separator.join(shown) + more)
            tooltip = separator.join(controller.expansions) if more else ""
        else:
            text = ""
        self.status_label.setText(text)
        self.status_label.setToolTip(tooltip)
        self.status_label.setVisible(bool(text))

    def _open_index(self, index) -> None:
        hit = index.data(HitRole) if index.isValid() else None
        if hit is not None:
            self.openHit.emit(hit, self.controller.results_query)
