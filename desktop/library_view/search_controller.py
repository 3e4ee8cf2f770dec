"""Search as you type, without freezing the UI and without ever showing stale results.

Typing restarts a short debounce timer; when it fires, the query runs in a one-thread pool (so
the search index is only ever used by one thread at a time). Every query gets a generation number
and an answer whose generation is no longer current is dropped, so a slow earlier query can never
overwrite the results of a later one.

A search that raised (`last_error` on the index: damaged files, most likely) has the index's files
checked by `repair` (library_source.Backend.repair) in the same one-thread pool, so no search runs
while a damaged index is closed and rebuilt; the panel then says it was rebuilt.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
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
        self.rebuilt = False  # the index was found damaged and rebuilt (said until the next query)
        self._index: Any = None
        self._repair: Callable[[Any], Any] | None = None
        self._checked: Any = None  # the last index whose files a failed search had checked
        self._unrepaired: Any = None  # found faulty before its repair arrived
        self._generation = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._run)

    def set_index(
        self,
        search_index: Any,
        rebuilt: bool = False,
        repair: Callable[[Any], Any] | None = None,
        verify: Callable[[], list[str]] | None = None,
    ) -> None:
        """`repair(search_index)` -> a Backend: called when a search on this index raised, or when
        `verify()` (run first in the search thread, so before any search) found problems."""
        self._index = search_index
        self._repair = repair
        self._unrepaired = None
        self.rebuilt = rebuilt
        self.progress = None
        self.state = READY
        self.stateChanged.emit()
        if verify is not None:

            def verified(problems: list[str]) -> None:
                if problems:
                    self._recheck(search_index)

            run_in_background(self._pool, self, verify, verified, lambda error: self._recheck(search_index))
        if self.query:
            self._run()

    def set_repair(self, search_index: Any, repair: Callable[[Any], Any] | None) -> None:
        """The repair for the index set earlier (it arrives with the library, after the index)."""
        if search_index is self._index:
            self._repair = repair
            failed = getattr(search_index, "last_error", None) is not None
            if failed or self._unrepaired is search_index:  # found damaged, or a search raised, meanwhile
                self._recheck(search_index)

    def current_index(self) -> Any:
        return self._index

    def _recheck(self, index: Any) -> None:
        if index is not self._index or index is self._checked:
            return
        if self._repair is None:
            self._unrepaired = index  # its repair comes with the library: set_repair
            return
        self._check_index(index, self._repair)

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
        self.rebuilt = False
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
            lambda answer: self._answer(index, generation, query, *answer),
            lambda error: self._show(generation, query, [], []),
        )

    def _answer(
        self, index: Any, generation: int, query: str, hits: list[Any], expansions: list[str]
    ) -> None:
        self._show(generation, query, hits, expansions)
        if getattr(index, "last_error", None) is not None:
            self._recheck(index)

    def _check_index(self, index: Any, repair: Callable[[Any], Any]) -> None:
        """Check the files of an index a search raised on; rebuilt if damaged (once per index)."""
        self._index, self._repair, self._checked = None, None, index  # no searches meanwhile
        self.state = PREPARING
        self.stateChanged.emit()

        def repaired(backend: Any) -> None:
            if backend.search_index is None:
                log.error("search index could not be rebuilt: %s", backend.search_error)
                self.set_failed()
            else:
                self.set_index(backend.search_index, backend.index_rebuilt, backend.repair)

        run_in_background(self._pool, self, lambda: repair(index), repaired, lambda error: self.set_failed())

    def _show(self, generation: int, query: str, hits: list[Any], expansions: list[str]) -> None:
        if generation != self._generation:
            return  # answers an older query: the user has typed since
        self.results = list(hits)
        self.expansions = [term for term in expansions if term.strip() and term != query]
        self.results_query = query
        self.resultsChanged.emit()
