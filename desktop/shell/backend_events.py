"""What the backend loader reports to the window before it is done (see library_source.load_backend)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal


class BackendEvents(QObject):
    """What the backend loader reports before it is done, from its worker thread (queued to the UI):
    the library as soon as it is read, and the progress of a search index being built."""

    libraryReady = Signal(object)
    indexProgress = Signal(int, int)

    def library_ready(self, source: Any) -> None:
        self.libraryReady.emit(source)

    def index_progress(self, done: int, total: int) -> None:
        self.indexProgress.emit(done, total)
