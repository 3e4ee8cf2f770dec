"""Starting the desktop app: logging, settings, language, fonts, the main window and its backend.

`main()` is what `bonemet` (no subcommand) calls. Everything slow (reading the library, checking
or rebuilding the search index) runs in a background worker so the window is usable at once, and
only the view on screen is built before the window shows (the others follow when idle).
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from typing import Any

from desktop.shell.bench_startup import BENCH_ENV
from desktop.shell.paths import shipped_index_dir, user_dirs
from desktop.shell.pyside_scan import spare_qt_free_modules

log = logging.getLogger(__name__)

BENCH_READY_TIMEOUT_MS = 60_000
START_UP_MODE_AT_MOST_MS = 10_000
BENCH_FIRST_QUERY = "地舒单抗 低钙血症"  # Chinese and a glossary term: the expansion tables are used


def main(
    screenshot: str | None = None,
    lang: str | None = None,
    view: str = "library",
    query: str | None = None,
    patient: str | None = None,
) -> int:
    launched = time.time()
    _start_up_mode()
    if screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # must precede the QApplication
    import PySide6  # noqa: F401 - from here PySide scans each newly imported module's source

    spare_qt_free_modules()  # ... except the modules that cannot use Qt
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.assets import icon, stylesheet
    from desktop.library_view.bookmarks import ReadingLists
    from desktop.shell.fonts import FontZoom
    from desktop.shell.i18n import LanguageSwitcher, system_language
    from desktop.shell.logs import attach_log_file, start_logging
    from desktop.shell.main_window import MainWindow
    from desktop.shell.settings import SETTINGS_FILE_NAME, Settings

    dirs = user_dirs()
    start_logging()  # stderr warnings now; the log file is opened once the window is up

    def open_log_file() -> None:
        from desktop import __version__

        log_file = attach_log_file(dirs.log)
        log.info(
            "BoneMet Guide %s started (log %s, data %s, portable %s)",
            __version__,
            log_file,
            dirs.data,
            dirs.portable,
        )

    _route_qt_messages_to_log()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    _keep_qt_settings_in(dirs.config)
    app.setApplicationName("BoneMet Guide")
    app.setOrganizationName("BoneMet")
    app.setWindowIcon(icon("app"))
    app.setStyleSheet(stylesheet())

    settings = Settings(dirs.config / SETTINGS_FILE_NAME)
    switcher = LanguageSwitcher(app)
    switcher.apply(lang or settings.get("language") or system_language())
    zoom = FontZoom(app, 0 if screenshot else settings.get("zoom"))
    window = MainWindow(settings, ReadingLists(dirs.data), switcher, zoom)
    events = window.backend_events
    # Search ready or failed, or an index build begun (seconds of work): start-up is over; and in
    # any case after a while, whatever the loader is doing.
    window.controller.stateChanged.connect(_end_start_up_mode)
    QTimer.singleShot(START_UP_MODE_AT_MOST_MS, _end_start_up_mode)

    def load() -> Any:  # on the loader's thread
        from desktop.library_view.library_source import load_backend

        return load_backend(shipped_index_dir(), dirs.cache / "index", events)

    def start_backend() -> None:
        window.load_backend(load)

    if screenshot:
        from desktop.shell.screenshot import take_screenshot

        open_log_file()
        start_backend()
        return _dispose(window, take_screenshot(app, window, screenshot, view, query, patient))

    window.show()
    window.focus_current_view()  # the search box when the Library view is the one on screen
    bench = bool(os.environ.get(BENCH_ENV))
    if bench:  # its first tick is the window's, as the bare window's is: before the backend starts
        _bench_watch(app, window, launched)
    # Started once the window has been painted (queued from the first tick, the backend starts
    # behind the paint request that show() posted): the loader's imports (whoosh) would otherwise
    # compete with the paint for the interpreter (one GIL), not speed up search. The log file
    # waits for search for the same reason (records are kept until it is open).
    QTimer.singleShot(0, window, lambda: QTimer.singleShot(0, window, start_backend))
    window.backendSettled.connect(open_log_file)
    if not bench:
        QTimer.singleShot(0, window, lambda: window.ask_disclaimer() or window.close())
    return _dispose(window, app.exec())


def _start_up_mode() -> None:
    """Until search is ready, no cyclic garbage collection: start-up creates objects that live as
    long as the app (modules, classes, widgets) and frees few, so the collector only spent time
    (70 collections, ~15 ms before search was ready). (A shorter interpreter switch interval, for
    the window to take the opened index sooner from the loader thread, measured slower.)"""
    gc.disable()


def _end_start_up_mode() -> None:
    if not gc.isenabled():
        gc.freeze()  # what exists now lives as long as the app: out of every later scan
        gc.enable()


def _keep_qt_settings_in(folder) -> None:
    """Qt's own widgets (the file dialog remembers its last folder) write QSettings too; keep those
    files in our config folder, so portable mode and test runs leave nothing in the user profile.
    On Windows the native format is the registry, which Qt gives no way to redirect."""
    from PySide6.QtCore import QSettings

    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(folder))


def _route_qt_messages_to_log() -> None:
    """Qt's own warnings go to the log file too, where IT can find them on a ward PC."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    qt_log = logging.getLogger("qt")
    noise = ("propagateSizeHints",)  # the offscreen platform says this on every window

    def handler(kind, context, message: str) -> None:
        if not any(text in message for text in noise):
            qt_log.log(levels.get(kind, logging.WARNING), message)

    qInstallMessageHandler(handler)


def _dispose(window, code: int) -> int:
    """Delete the window while Qt is still fully alive (garbage collection at interpreter exit
    would otherwise tear Qt objects down in an arbitrary order and may crash)."""
    import shiboken6

    window.shutdown()
    if shiboken6.isValid(window):
        shiboken6.delete(window)
    return code


def _bench_watch(app, window, launched: float) -> None:
    """Print when the window was shown (its first event-loop tick), when search became ready (the
    search state's change, not a later poll) and how long a first query then takes (it waits for
    the index's verification and makes the tables left for first use), then quit."""
    from PySide6.QtCore import QTimer

    from desktop.library_view.search_controller import PREPARING
    from desktop.shell.bench_startup import peak_rss_mb

    times: dict[str, float] = {}

    def report() -> None:
        # How long the window's work queued behind "ready" kept it from taking a key.
        busy_ms = (time.time() - times["ready"]) * 1000
        peak = peak_rss_mb()  # at ready, before the query below
        index, started = window.controller.current_index(), time.perf_counter()
        if index is not None:
            index.search(BENCH_FIRST_QUERY, "zh")
        print(
            f"bench-startup shown_at={times['shown']:.6f} ready_at={times['ready']:.6f} "
            f"state={window.controller.state} peak_rss_mb={peak:.1f} "
            f"first_search_ms={(time.perf_counter() - started) * 1000:.1f} busy_after_ready_ms={busy_ms:.1f} "
            f"in_process_ms={(times['shown'] - launched) * 1000:.1f}",
            flush=True,
        )
        app.exit(0)  # at once: quit() posts an event, and idle work queued meanwhile would still run

    def state_changed() -> None:
        if window.controller.state != PREPARING and "ready" not in times:
            times["ready"] = time.time()
            if "shown" in times:
                QTimer.singleShot(0, window, report)

    def first_tick() -> None:
        times["shown"] = time.time()
        if "ready" in times:
            report()

    window.controller.stateChanged.connect(state_changed)
    timeout = QTimer(window)
    timeout.setSingleShot(True)
    timeout.timeout.connect(lambda: (times.setdefault("ready", time.time()), report()))
    timeout.start(BENCH_READY_TIMEOUT_MS)
    QTimer.singleShot(0, window, first_tick)
