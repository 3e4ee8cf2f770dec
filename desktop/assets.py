"""Bundled resources (icons, stylesheet, compiled translations) located through the `resources`
package, so the same code finds them in a source checkout, an installed wheel and a frozen build.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtGui import QIcon

log = logging.getLogger(__name__)


def resource_path(*parts: str) -> Path:
    """Filesystem path of a file inside the `resources` package (it is never zipped)."""
    # One joinpath per part: Python 3.11's namespace-package reader takes a single argument only.
    location = resources.files("resources")
    for part in parts:
        location = location.joinpath(part)
    return Path(str(location))


def translations_dir() -> Path:
    return resource_path("translations")


def icon(name: str) -> QIcon:
    """The SVG icon `resources/icons/<name>.svg`; an empty icon (logged) if it is missing."""
    path = resource_path("icons", f"{name}.svg")
    if not path.is_file():
        log.warning("icon %s not found", path)
        return QIcon()
    return QIcon(str(path))


def stylesheet(name: str = "app") -> str:
    """The Qt stylesheet `resources/styles/<name>.qss`, or "" when it cannot be read."""
    path = resource_path("styles", f"{name}.qss")
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        log.warning("stylesheet not loaded: %s", error)
        return ""
