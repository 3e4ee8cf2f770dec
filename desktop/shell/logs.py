"""Logging to a rotating file in the per-user log folder.

Locked-down ward PCs may refuse the write (read-only profile, full disk); then the log goes to
stderr only and the app carries on: a log must never be the reason the app fails to start.

The app starts logging in two steps so opening the file (and importing `logging.handlers`) does not
delay the first paint: `start_logging()` at once (warnings to stderr, other records kept), then
`attach_log_file()` just after the window is shown, which writes the kept records to the file first.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

LOG_FILE_NAME = "bonemet.log"
MAX_BYTES = 512 * 1024
BACKUP_COUNT = 3
_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


class _Pending(logging.Handler):
    """Keeps the records logged before the log file is attached, so the file still has them."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path | None:
    """Send log records to `log_dir/bonemet.log` (rotated) and to stderr for warnings.

    Returns the log file path, or None when the folder is not writable.
    """
    start_logging(level)
    return attach_log_file(log_dir)


def start_logging(level: int = logging.INFO) -> None:
    """Warnings to stderr from now on; other records are kept until `attach_log_file()`."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_bonemet", False):
            root.removeHandler(handler)
            handler.close()
    stderr_handler = logging.StreamHandler(sys.stderr)
    stderr_handler.setLevel(logging.WARNING)
    _add(root, stderr_handler)
    _add(root, _Pending())


def attach_log_file(log_dir: Path) -> Path | None:
    """Open the rotating log file and write the records kept since `start_logging()` to it first.

    Returns the log file path, or None when the folder is not writable (stderr only then).
    """
    from logging.handlers import RotatingFileHandler  # imported here: not on the way to the window

    root = logging.getLogger()
    pending = [h for h in root.handlers if isinstance(h, _Pending)]
    for handler in pending:
        root.removeHandler(handler)
    kept = [record for handler in pending for record in handler.records]
    log_file = log_dir / LOG_FILE_NAME
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler = RotatingFileHandler(
            log_file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=False
        )
    except OSError as error:
        logging.getLogger(__name__).warning("log file not available (%s); logging to stderr only", error)
        return None
    _add(root, file_handler)
    for record in kept:
        file_handler.handle(record)
    return log_file


def _add(root: logging.Logger, handler: logging.Handler) -> None:
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._bonemet = True  # type: ignore[attr-defined]  # lets a second call replace, not duplicate
    root.addHandler(handler)
