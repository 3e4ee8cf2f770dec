"""`bonemet --screenshot OUT.png`: render the main window offscreen once it shows real content."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from desktop.library_view.search_controller import FAILED, PREPARING
from desktop.shell.main_window import CALCULATOR_TAB, LIBRARY_TAB, MainWindow

log = logging.getLogger(__name__)

SCREENSHOT_SIZE = (1366, 768)  # the smallest common ward-PC screen
TIMEOUT_MS = 60_000


def wait_until(app: QApplication, condition: Callable[[], bool], timeout_ms: int) -> bool:
    """Process events until `condition()` holds or the time is up."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not condition():
        if time.monotonic() > deadline:
            return False
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)
    return True


def take_screenshot(
    app: QApplication,
    window: MainWindow,
    out: str,
    view: str = "library",
    query: str | None = None,
    patient: str | None = None,
) -> int:
    try:
        window.resize(*SCREENSHOT_SIZE)
        window.show()

        # Search is ready a little before the library is read: wait for both (or for a failure).
        def loaded() -> bool:
            state = window.controller.state
            return state == FAILED or (state != PREPARING and window.source is not None)

        if not wait_until(app, loaded, TIMEOUT_MS):
            print("screenshot: the library did not load in time", file=sys.stderr)
        if query:
            panel = window.library.search_panel
            panel.search_box.setText(query)
            # A failed search (no usable index) never produces results: don't wait for them.
            wait_until(
                app,
                lambda: window.controller.results_query == query.strip() or window.controller.state == FAILED,
                TIMEOUT_MS,
            )
            hit = panel.current_hit() if window.controller.state != FAILED else None
            if hit is not None:
                window.library.open_hit(hit, query)
        if patient and not window.calculator.load_patient_file(patient):
            # The page has said why (unreadable, not JSON, not one patient): say it here too.
            print(f"screenshot: {window.calculator.notice.text()}", file=sys.stderr)
            return 2
        window.tabs.setCurrentIndex(CALCULATOR_TAB if view == "calculator" else LIBRARY_TAB)
        wait_until(app, lambda: False, 300)  # let layouts and deferred scrolls settle
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(out, "PNG"):
            print(f"screenshot: could not write {out}", file=sys.stderr)
            return 1
    except (OSError, ValueError) as error:
        print(f"screenshot: {error}", file=sys.stderr)
        return 2
    finally:
        window.shutdown()
    print(out)
    return 0
