"""The one background helper: answers reach the UI thread, and a receiver that is gone is not an error."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject, QThreadPool

from desktop.background import run_in_background


def test_the_answer_arrives_on_the_ui_thread(qtbot):
    pool = QThreadPool()
    receiver = QObject()
    seen = []
    run_in_background(
        pool,
        receiver,
        lambda: threading.current_thread().name,
        lambda worker: seen.append((worker, threading.current_thread().name)),
    )
    qtbot.waitUntil(lambda: bool(seen))
    worker, delivered_on = seen[0]
    assert delivered_on == threading.main_thread().name != worker


def test_a_failure_is_delivered_to_on_error(qtbot):
    pool = QThreadPool()
    receiver = QObject()
    errors = []

    def broken():
        raise OSError("disk on fire")

    run_in_background(pool, receiver, broken, lambda result: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert str(errors[0]) == "disk on fire"


def test_a_receiver_deleted_while_the_work_runs_is_no_error(qtbot, caplog):
    pool = QThreadPool()
    receiver = QObject()
    started, release = threading.Event(), threading.Event()
    seen = []

    def slow():
        started.set()
        release.wait(5)
        return "late"

    run_in_background(pool, receiver, slow, seen.append)
    started.wait(5)
    shiboken6.delete(receiver)  # the window went away while the work ran
    release.set()
    pool.waitForDone()
    qtbot.wait(20)
    assert seen == []
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]
