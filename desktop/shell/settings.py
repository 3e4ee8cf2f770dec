"""User preferences and window state, declared once and stored as an INI file through QSettings.

Only preferences and window state live here, never patient data. The file is read once at start;
a corrupt or unreadable file gives defaults and a one-line notice (the damaged file is moved
aside so the next save starts clean), and a failed save is logged, never fatal. QSettings writes
INI files through a temporary file and a rename, so a crash mid-save cannot truncate them.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from desktop.files import UnusableFile, read_state_file
from guideline_content import LANGUAGES

log = logging.getLogger(__name__)

SETTINGS_FILE_NAME = "settings.ini"
VIEWS = ("library", "calculator", "scores")
ZOOM_RANGE = (-4, 8)


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    choices: tuple = ()

    def coerce(self, raw: Any) -> Any:
        """The stored value as this option's type, or the default when it does not fit."""
        if raw is None:
            return self.default
        try:
            if isinstance(self.default, bool):
                value = raw if isinstance(raw, bool) else str(raw).strip().lower() in ("true", "1")
            elif isinstance(self.default, int):
                value = int(raw)
                low, high = self.choices or (value, value)
                value = value if low <= value <= high else self.default
            elif isinstance(self.default, QByteArray):
                value = raw if isinstance(raw, QByteArray) else self.default
            else:
                value = str(raw)
                if self.choices and value not in self.choices:
                    value = self.default
        except (TypeError, ValueError):
            return self.default
        return value


OPTIONS: dict[str, Option] = {
    "language": Option("ui/language", "", ("",) + LANGUAGES),  # "" = follow the system locale
    "zoom": Option("ui/zoom_steps", 0, ZOOM_RANGE),
    "last_view": Option("ui/last_view", "library", VIEWS),
    "disclaimer_accepted": Option("first_run/disclaimer_accepted", False),
    "window_geometry": Option("window/geometry", QByteArray()),
    "window_state": Option("window/state", QByteArray()),
    "library_splitter": Option("window/library_splitter", QByteArray()),
}


class Settings:
    """Typed access to the options above; `save()` writes them all back."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.notice: str | None = None
        self._values = {name: option.default for name, option in OPTIONS.items()}
        self._store: QSettings | None = None
        if self._file_is_damaged():
            return
        self._store = QSettings(str(path), QSettings.Format.IniFormat)
        for name, option in OPTIONS.items():
            self._values[name] = option.coerce(self._store.value(option.key))

    def get(self, name: str) -> Any:
        return self._values[name]

    def set(self, name: str, value: Any) -> None:
        self._values[name] = OPTIONS[name].coerce(value)

    def save(self) -> bool:
        """Write every option; False (and a log line) when the file could not be written."""
        if self._store is None:
            log.warning("settings not saved: %s could not be used at start", self.path)
            return False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            log.warning("settings not saved: %s", error)
            return False
        for name, option in OPTIONS.items():
            self._store.setValue(option.key, self._values[name])
        self._store.sync()
        if self._store.status() != QSettings.Status.NoError:
            log.warning("settings not saved to %s (%s)", self.path, self._store.status().name)
            return False
        return True

    def _file_is_damaged(self) -> bool:
        """True when the file exists but cannot be used; sets the notice and moves it aside."""
        try:
            damaged = _is_garbage(read_state_file(self.path))
        except FileNotFoundError:
            return False
        except UnusableFile as error:  # a FIFO, a device, a folder or absurdly large
            log.warning("%s", error)
            damaged = True
        except OSError as error:
            log.warning("settings file unreadable: %s", error)
            self.notice = QCoreApplication.translate(
                "Settings", "The settings file could not be read; default settings are used."
            )
            return True
        if not damaged:
            return False
        log.warning("settings file %s is damaged; using defaults", self.path)
        self.notice = QCoreApplication.translate(
            "Settings", "The settings file was damaged and has been reset to defaults."
        )
        try:
            os.replace(self.path, self.path.with_name(self.path.name + ".damaged"))
        except OSError as error:
            log.warning("damaged settings file not moved aside: %s", error)
            return True
        return False


def _is_garbage(raw: bytes) -> bool:
    """An INI file is text: NUL bytes or invalid UTF-8 mean the file was damaged."""
    try:
        return "\x00" in raw.decode("utf-8")
    except UnicodeDecodeError:
        return True
