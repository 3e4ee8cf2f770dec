"""One helper to run slow work off the UI thread and get the answer back on it.

`fn` runs in a QThreadPool worker and must not touch widgets; `on_done(result)` or
`on_error(exception)` then run on the thread that owns `receiver` (the UI thread).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)
T = TypeVar("T")


class _Relay(QObject):
    """Lives on the UI thread; its slots run there because the worker's emits are queued."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(
        self, receiver: QObject, on_done: Callable[[Any], None], on_error: Callable[[Exception], None] | None
    ) -> None:
        super().__init__(receiver)  # dies with the receiver
        self._on_done = on_done
        self._on_error = on_error
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_error)

    @Slot(object)
    def _deliver_done(self, result: Any) -> None:
        self.deleteLater()
        self._on_done(result)

    @Slot(object)
    def _deliver_error(self, error: Exception) -> None:
        self.deleteLater()
        if self._on_error is not None:
            self._on_error(error)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as error:  # noqa: BLE001 - any failure is reported to the UI, not lost
            log.exception("background job failed")
            self._send("failed", error)
            return
        self._send("done", result)

    def _send(self, signal_name: str, value: Any) -> None:
        try:
            getattr(self._relay, signal_name).emit(value)
        except RuntimeError:
            # The receiver, and the relay with it, was deleted while the work ran (the app's own
            # windows wait for their pools first, so this is a widget built and dropped alone).
            log.info("background answer dropped: its receiver no longer exists")


def run_in_background(
    pool: QThreadPool,
    receiver: QObject,
    fn: Callable[[], T],
    on_done: Callable[[T], None],
    on_error: Callable[[Exception], None] | None = None,
) -> None:
    """Run ``fn()`` in ``pool``; its result goes to ``on_done`` (typed: the same T) on the UI thread."""
    pool.start(_Job(fn, _Relay(receiver, on_done, on_error)))
