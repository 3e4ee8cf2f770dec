"""UI language: one place that installs Qt translators and switches them at runtime.

Every `resources/translations/*_zh_CN.qm` (the app's own strings and the calculator page's) plus
Qt's `qtbase_zh_CN.qm` (standard dialogs and buttons) are installed for Chinese; English is the
source language and needs none. Installing or removing a translator makes Qt send LanguageChange
to every widget, which is what makes visible widgets retranslate themselves.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.assets import translations_dir

log = logging.getLogger(__name__)

QT_LOCALES = {"zh": "zh_CN", "en": "en_US"}


def system_language() -> str:
    """ "zh" when the system locale is Chinese, else "en"."""
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


class LanguageSwitcher:
    """Owns the installed translators of one QCoreApplication."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def apply(self, language: str) -> None:
        """Install the translators for `language` ("zh" or "en"), replacing the current ones."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
            translator.deleteLater()  # parented to the app: without this every switch keeps them all
        self._installed = []
        self.language = language if language in QT_LOCALES else "en"
        QLocale.setDefault(QLocale(QT_LOCALES[self.language]))
        if self.language == "en":
            return
        suffix = QT_LOCALES[self.language]
        files = sorted(translations_dir().glob(f"*_{suffix}.qm"))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        candidates = [(f.stem, str(f.parent)) for f in files] + [(f"qtbase_{suffix}", qt_dir)]
        for name, folder in candidates:
            translator = QTranslator(self._app)
            if translator.load(name, folder):
                self._app.installTranslator(translator)
                self._installed.append(translator)
            else:
                log.warning("translation %s not found in %s", name, folder)
