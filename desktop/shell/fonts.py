"""An explicit UI font with good Chinese glyphs, and the persisted font zoom.

Left to itself Qt may pick an old bitmap-ish fallback (SimSun) or a decorative font for Chinese,
so the family is chosen from a short list of known-good CJK fonts, the first one installed wins.
Under a Chinese Windows or Linux locale the font database lists some families by their localized
names (微软雅黑, 文泉驿微米黑), so each is looked for under both names. Latin text takes a Latin
face first (YaHei's Latin digits are narrow and its "1"/"l" alike); Chinese falls through to the
CJK family.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.shell.settings import ZOOM_RANGE

log = logging.getLogger(__name__)

WINDOWS_FAMILIES = ("Microsoft YaHei UI", "微软雅黑 UI", "Microsoft YaHei", "微软雅黑", "SimSun", "宋体")
LINUX_FAMILIES = (
    "Noto Sans CJK SC",
    "思源黑体",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "文泉驿微米黑",
    "Droid Sans Fallback",
)
MAC_FAMILIES = ("PingFang SC", "苹方-简", "Hiragino Sans GB", "Heiti SC", "黑体-简")
LATIN_FAMILIES = {
    "win": ("Segoe UI", "Arial"),
    "darwin": ("Helvetica Neue",),
    "linux": ("DejaVu Sans", "Noto Sans"),
}
MIN_BASE_POINTS = 10.0  # the system default of 9 pt is small on a ward monitor read from a step away
ZOOM_STEP_POINTS = 1.0


def preferred_families() -> tuple[str, ...]:
    if sys.platform.startswith("win"):
        return WINDOWS_FAMILIES
    if sys.platform == "darwin":
        return MAC_FAMILIES
    return LINUX_FAMILIES


def choose_latin_family(installed: list[str] | None = None) -> str | None:
    """A Latin face for digits and English words, or None (the CJK family's own Latin is used)."""
    key = "win" if sys.platform.startswith("win") else "darwin" if sys.platform == "darwin" else "linux"
    available = set(QFontDatabase.families() if installed is None else installed)
    return next((family for family in LATIN_FAMILIES[key] if family in available), None)


def choose_cjk_family(installed: list[str] | None = None) -> str | None:
    """The first preferred CJK family that is installed, or None (Qt's fallback is then used)."""
    available = set(QFontDatabase.families() if installed is None else installed)
    for family in preferred_families():
        if family in available:
            return family
    log.warning(
        "no preferred CJK font installed (%s); Chinese may render poorly", ", ".join(preferred_families())
    )
    return None


class FontZoom:
    """Applies the base UI font plus `steps` points of zoom to the whole application."""

    def __init__(self, app: QApplication, steps: int = 0, limits: tuple[int, int] = ZOOM_RANGE) -> None:
        self._app = app
        self._limits = limits
        base = QFont(app.font())
        family = choose_cjk_family()
        if family:
            # A Latin face, then the CJK family, so Chinese never falls to a poor fallback; the
            # system families follow for any glyph both lack.
            latin = choose_latin_family()
            lead = [latin, family] if latin else [family]
            base.setFamilies(lead + [f for f in base.families() if f not in lead])
        if base.pointSizeF() < MIN_BASE_POINTS:
            base.setPointSizeF(MIN_BASE_POINTS)
        self._base = base
        self.steps = 0
        self.set_steps(steps)

    def set_steps(self, steps: int) -> int:
        low, high = self._limits
        self.steps = max(low, min(high, steps))
        font = QFont(self._base)
        font.setPointSizeF(max(6.0, self._base.pointSizeF() + self.steps * ZOOM_STEP_POINTS))
        self._app.setFont(font)
        if self._app.styleSheet():
            # Under an application style sheet Qt does not pass a new application font on to
            # widgets that already exist; setting the sheet again re-polishes them with it.
            self._app.setStyleSheet(self._app.styleSheet())
        return self.steps

    def reset(self) -> int:
        return self.set_steps(0)

    def point_size(self) -> float:
        return self._app.font().pointSizeF()

    def factor(self) -> float:
        """Current size relative to the unzoomed font (for text that sizes itself in px)."""
        return self.point_size() / self._base.pointSizeF()
