"""Search as you type, without freezing the UI and without ever showing stale results.

Typing restarts a short debounce timer; when it fires, the query runs in a one-thread pool (so
the search index is only ever used by one thread at a time). Every query gets a generation number
and an answer whose generation is no longer current is dropped, so a slow earlier query can never
overwrite the results of a later one.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from desktop.background import run_in_background

log = logging.getLogger(__name__)

PREPARING, READY, FAILED = "preparing", "ready", "failed"
RESULT_LIMIT = 30


class SearchController(QObject):
    resultsChanged = Signal()
    stateChanged = Signal()

    def __init__(self, parent: QObject | None = None, delay_ms: int = 100) -> None:
        super().__init__(parent)
        self.state = PREPARING
        self.language = "zh"
        self.query = ""
        self.results: list[Any] = []
        self.expansions: list[str] = []
        self.results_query = ""  # the query the shown results answer
        self.progress: tuple[int, int] | None = None  # (documents done, total) while an index is built
        self._index: Any = None
        self._generation = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._run)

    def set_index(self, search_index: Any) -> None:
        self._index = search_index
        self.state = READY
        self.stateChanged.emit()
        if self.query:
            self._run()

    def set_progress(self, done: int, total: int) -> None:
        """A missing search index is being built: say how far (the panel shows "n/50")."""
        if self.state == PREPARING:
            self.progress = (done, total)
            self.stateChanged.emit()

    def set_failed(self) -> None:
        self.state = FAILED
        self.stateChanged.emit()

    def set_language(self, language: str) -> None:
        if language != self.language:
            self.language = language
            self._generation += 1
            self.results_query = ""  # the hits on screen answer the query in the other language
            if self.query:
                self._timer.start()

    def set_query(self, text: str) -> None:
        self.query = text.strip()
        self._generation += 1
        if not self.query:
            self._timer.stop()
            self._show(self._generation, "", [], [])
            return
        self._timer.start()

    def is_current(self) -> bool:
        """True when the results answer what is typed now (not an earlier query)."""
        return self.results_query == self.query

    def run_now(self) -> None:
        """Skip the rest of the debounce delay (Enter was pressed before the answer came)."""
        if self._timer.isActive():
            self._timer.stop()
            self._run()

    def wait_idle(self) -> None:
        """Let a running query finish (used when the window closes)."""
        self._timer.stop()
        self._pool.waitForDone()

    def _run(self) -> None:
        if self._index is None or not self.query:
            return
        generation, query, language, index = self._generation, self.query, self.language, self._index

        def search() -> tuple[list[Any], list[str]]:
            hits = index.search(query, lang=language, limit=RESULT_LIMIT)
            return hits, list(index.expansions(query))

        run_in_background(
            self._pool,
            self,
            search,
            lambda answer: self._show(generation, query, *answer),
            lambda error: self._show(generation, query, [], []),
        )

    def _show(self, generation: int, query: str, hits: list[Any], expansions: list[str]) -> None:
        if generation != self._generation:
            return  # answers an older query: the user has typed since
        self.results = list(hits)
        self.expansions = [term for term in expansions if term.strip() and term != query]
        self.results_query = query
        self.resultsChanged.emit()
