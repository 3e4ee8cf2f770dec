"""Reading the app's own small state files (settings, bookmarks, history) without being stalled.

A state file that is a FIFO, a device or a folder would block or fail the start, and an absurdly
large one would be read whole into memory; both are refused before or while reading, so the caller
treats them like any damaged file (moved aside, defaults used).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

STATE_FILE_LIMIT = 1024 * 1024  # the largest legitimate file (30 history entries, bookmarks) is a few kB


class UnusableFile(OSError):
    """The path exists but is not a regular file of a sane size."""


def read_state_file(path: Path, limit: int = STATE_FILE_LIMIT) -> bytes:
    """The file's bytes; FileNotFoundError when absent; UnusableFile when not a regular file or too large.

    The type is checked with lstat before opening (opening a FIFO for reading would wait for a writer)
    and the size is enforced while reading, so a file that grows meanwhile cannot exceed it either."""
    mode = os.lstat(path).st_mode
    if not stat.S_ISREG(mode):
        raise UnusableFile(f"{path} is not a regular file")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    handle = os.open(path, flags)
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):  # replaced between lstat and open
            raise UnusableFile(f"{path} is not a regular file")
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise UnusableFile(f"{path} is larger than {limit} bytes")
    return data
