"""Bundled resources (icons, stylesheet, compiled translations) located through the `resources`
package, so the same code finds them in a source checkout, an installed wheel and a frozen build.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QIcon

import resources as resource_package

log = logging.getLogger(__name__)


def resource_path(*parts: str) -> Path:
    """Filesystem path of a file inside the `resources` package (it is never zipped; the frozen
    build keeps it a real package beside its files). Found from the package's own file rather than
    through importlib.resources, whose import costs the start about 5 ms (issue 14)."""
    return Path(resource_package.__file__).parent.joinpath(*parts)


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
