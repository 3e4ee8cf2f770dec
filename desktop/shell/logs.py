"""Logging to a rotating file in the per-user log folder.

Locked-down ward PCs may refuse the write (read-only profile, full disk); then the log goes to
stderr only and the app carries on: a log must never be the reason the app fails to start.
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE_NAME = "bonemet.log"
MAX_BYTES = 512 * 1024
BACKUP_COUNT = 3
_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path | None:
    """Send log records to `log_dir/bonemet.log` (rotated) and to stderr for warnings.

    Returns the log file path, or None when the folder is not writable.
    """
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_bonemet", False):
            root.removeHandler(handler)
            handler.close()
    stderr_handler = logging.StreamHandler(sys.stderr)
    stderr_handler.setLevel(logging.WARNING)
    _add(root, stderr_handler)
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
    return log_file


def _add(root: logging.Logger, handler: logging.Handler) -> None:
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._bonemet = True  # type: ignore[attr-defined]  # lets a second call replace, not duplicate
    root.addHandler(handler)
