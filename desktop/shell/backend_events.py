"""What the backend loader reports to the window before it is done (see library_source.load_backend)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal


class BackendEvents(QObject):
    """What the backend loader reports before it is done, from its worker thread (queued to the UI):
    an opened search index before the library is read; or, when the index must be built first, the
    library as soon as it is read, then the build's progress."""

    indexReady = Signal(object, object)  # the index, its verify() (run before its first search)
    libraryReady = Signal(object)
    indexProgress = Signal(int, int)

    def index_ready(self, search_index: Any, verify: Any) -> None:
        self.indexReady.emit(search_index, verify)

    def library_ready(self, source: Any) -> None:
        self.libraryReady.emit(source)

    def index_progress(self, done: int, total: int) -> None:
        self.indexProgress.emit(done, total)
