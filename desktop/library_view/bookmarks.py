"""Bookmarks and recent history: small JSON lists in the per-user data folder.

Each change takes a lock file, re-reads the file, applies itself and writes the result atomically
(temporary file + os.replace), so two app windows running at once merge their changes instead of
overwriting each other, and a crash mid-write never leaves half a file. The lock is the operating
system's (filelock), so a process killed while holding it releases it at once. A corrupt file gives an empty list and a
one-line notice (the file is kept aside as *.damaged); a failed write is logged, never fatal.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.files import UnusableFile, read_state_file

log = logging.getLogger(__name__)

HISTORY_LIMIT = 30
LOCK_TIMEOUT_SECONDS = 5  # a change waits this long for another instance's write, then goes ahead


@dataclass(frozen=True)
class Entry:
    doc_id: str
    anchor: str
    lang: str
    title: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.doc_id, self.anchor)


def write_json_atomically(path: Path, data: object) -> bool:
    """Write `data` as JSON via a temporary file in the same folder; False (logged) on failure."""
    import tempfile  # written on a change, never at start (issue 14)

    tmp_name = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, prefix=path.name, suffix=".tmp", delete=False
        ) as tmp:
            tmp_name = tmp.name
            json.dump(data, tmp, ensure_ascii=False, indent=1)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
        return True
    except OSError as error:
        log.warning("could not write %s: %s", path, error)
        if tmp_name:
            Path(tmp_name).unlink(missing_ok=True)
        return False


class EntryList:
    """A persisted, ordered list of entries (newest first), capped at `limit` when given."""

    def __init__(self, path: Path, limit: int | None = None) -> None:
        self.path = path
        self.limit = limit
        self.notice: str | None = None
        self._entries = self._read(report=True) or []

    def entries(self) -> list[Entry]:
        return list(self._entries)

    def contains(self, doc_id: str, anchor: str = "") -> bool:
        return any(entry.key == (doc_id, anchor) for entry in self._entries)

    def add(self, entry: Entry) -> None:
        """Put `entry` first (moving it if it was already there)."""
        self._change(lambda entries: [entry] + [e for e in entries if e.key != entry.key])

    def remove(self, doc_id: str, anchor: str = "") -> None:
        self._change(lambda entries: [e for e in entries if e.key != (doc_id, anchor)])

    def clear(self) -> None:
        self._change(lambda entries: [])

    def _change(self, edit) -> None:
        # Imported at the first change, not at start: filelock (and the asyncio it loads) is
        # ~20 ms of the app's launch that reading the lists never needs (issue 14).
        from filelock import FileLock, Timeout

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with FileLock(self.path.with_name(self.path.name + ".lock"), timeout=LOCK_TIMEOUT_SECONDS):
                self._apply(edit)
        except (Timeout, OSError) as error:  # no lock to be had (read-only profile, stuck peer)
            log.warning("changing %s without the lock: %s", self.path, error)
            self._apply(edit)

    def _apply(self, edit) -> None:
        on_disk = self._read(report=False)  # picks up changes made by another running instance
        entries = edit(self._entries if on_disk is None else on_disk)
        self._entries = entries[: self.limit] if self.limit else entries
        write_json_atomically(self.path, {"version": 1, "entries": [asdict(e) for e in self._entries]})

    def _read(self, report: bool) -> list[Entry] | None:
        """The entries on disk; None when the file exists but cannot be used."""
        try:
            text = read_state_file(self.path).decode("utf-8")
        except FileNotFoundError:
            return []
        except UnusableFile as error:  # a FIFO, a device, a folder or absurdly large: never read it again
            log.warning("%s: %s; starting empty", self.path, error)
            return self._damaged(report, move_aside=True)
        except (OSError, UnicodeDecodeError) as error:
            log.warning("could not read %s: %s", self.path, error)
            return self._damaged(report, move_aside=False)
        try:
            raw = json.loads(text)
            return [
                Entry(str(item["doc_id"]), str(item.get("anchor", "")), str(item["lang"]), str(item["title"]))
                for item in raw["entries"]
            ]
        except (ValueError, KeyError, TypeError, RecursionError) as error:  # absurd nesting too
            log.warning("%s is damaged (%s); starting empty", self.path, error)
            return self._damaged(report, move_aside=True)

    def _damaged(self, report: bool, move_aside: bool) -> None:
        if report:
            self.notice = QCoreApplication.translate(
                "Bookmarks", "A saved list could not be read and was started afresh: %1"
            ).replace("%1", self.path.name)
        if move_aside:
            try:
                os.replace(self.path, self.path.with_name(self.path.name + ".damaged"))
            except OSError as error:
                log.warning("could not move %s aside: %s", self.path, error)
        return None


class ReadingLists:
    """The bookmarks and the recent history of one user."""

    def __init__(self, data_dir: Path) -> None:
        self.bookmarks = EntryList(data_dir / "bookmarks.json")
        self.history = EntryList(data_dir / "history.json", limit=HISTORY_LIMIT)

    def notices(self) -> list[str]:
        return [n for n in (self.bookmarks.notice, self.history.notice) if n]
