"""Spare PySide6's source scan for the modules that cannot use Qt.

From `import PySide6` on, PySide sees every import (it replaces `builtins.__import__` for its
opt-in `from __feature__ import snake_case`) and, the first time a module is imported, reads that
module's whole source to look for the word "PySide6" (shibokensupport.feature: `_mod_uses_pyside`,
`inspect.getsource` of the module, which also keeps the text in `linecache`). In a source run this
was a third of the time the search engine took to import after the window was shown (about 20 ms of
60: whoosh, index/, library/), i.e. a fifth of a bare window's whole start-up (issue 14); a frozen
app ships no sources, so there it costs little. The app uses no PySide feature.

The answer for those modules is known without reading them: the standard library never imports
Qt, whoosh is pure Python, and the domain packages are kept Qt-free by an import-linter contract
("Domain packages never import Qt", pyproject.toml). For them the scan answers "does not use
PySide" at once; every other module (the desktop's own, third-party code) is still read by
PySide's own scan, so what PySide records is the same either way (a test compares).

`_mod_uses_pyside` is PySide's private function: if a later PySide has none, or it is not a plain
function any more, nothing is changed and start-up only pays the scan again.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

# Domain packages (Qt-free by the import-linter contract) and the pure-Python search engine.
QT_FREE_PACKAGES = frozenset({"calculator", "index", "library", "guideline_content", "whoosh"})
_FEATURE_MODULE = "shibokensupport.feature"
_SCAN = "_mod_uses_pyside"
_MARK = "_bonemet_spares"  # set on our wrapper: installed once however often this is called


def known_qt_free(name: str) -> bool:
    top = name.partition(".")[0]
    return top in QT_FREE_PACKAGES or top in sys.stdlib_module_names


def spare_qt_free_modules() -> bool:
    """Answer PySide's per-module scan at once for modules that cannot use Qt. Call right after
    PySide6 is first imported. True when the scan is (now or already) spared."""
    feature = sys.modules.get(_FEATURE_MODULE)
    scan: Callable[[ModuleType], bool] | None = getattr(feature, _SCAN, None)
    if feature is None or scan is None or not callable(scan):
        return False
    if getattr(scan, _MARK, False):
        return True

    def uses_pyside(module: ModuleType) -> bool:
        if known_qt_free(getattr(module, "__name__", "") or ""):
            return False
        return scan(module)

    setattr(uses_pyside, _MARK, True)
    setattr(feature, _SCAN, uses_pyside)
    return True
