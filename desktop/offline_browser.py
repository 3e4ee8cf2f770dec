"""A QTextBrowser that never loads anything from outside the HTML it is given.

QTextBrowser resolves <img src>, stylesheets and relative sources through the file system by itself;
an image pointing at file:///dev/zero (or a network share) would stall or crash the window. Every
page the app shows is self-contained HTML, so every external resource is refused.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser

log = logging.getLogger(__name__)


class OfflineBrowser(QTextBrowser):
    def loadResource(self, kind: int, name: QUrl) -> Any:
        log.warning("refused to load a resource into the reader: %s", name.toString()[:200])
        # A harmless stand-in, never nothing: with no value QTextDocument reads local files itself.
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return _BLANK
        return " "


_BLANK = QImage(1, 1, QImage.Format.Format_ARGB32)
_BLANK.fill(0)
