"""PySide's per-module source scan is answered at once only for modules that cannot use Qt, and
PySide's own scan would have given each of them the same answer."""

from __future__ import annotations

import sys
from pathlib import Path

import PySide6  # noqa: F401 - installs the import hook whose scan is spared
import pytest

from desktop.shell import pyside_scan
from desktop.shell.pyside_scan import known_qt_free, spare_qt_free_modules


@pytest.fixture
def feature():
    module = sys.modules[pyside_scan._FEATURE_MODULE]
    original = module._mod_uses_pyside
    yield module
    module._mod_uses_pyside = original


def test_each_module_answered_at_once_is_one_whose_source_never_names_pyside(feature):
    assert spare_qt_free_modules()
    import calculator.assessment  # noqa: F401 - a broad set of the app's Qt-free modules
    import index.search  # noqa: F401
    import library.content  # noqa: F401

    answered = {
        name: Path(module.__file__)
        for name, module in list(sys.modules.items())
        if known_qt_free(name) and str(getattr(module, "__file__", "")).endswith(".py")
    }
    expected = {"whoosh.reading", "index.search", "library.content", "calculator.assessment", "json"}
    assert expected <= set(answered)
    assert [name for name, path in answered.items() if "PySide6" in path.read_text("utf-8", "replace")] == []
    assert all(feature._mod_uses_pyside(sys.modules[name]) is False for name in answered)


def test_modules_that_may_use_qt_are_still_read_by_pyside(feature):
    spare_qt_free_modules()
    import desktop.shell.main_window  # noqa: F401

    assert not known_qt_free("desktop.shell.main_window") and not known_qt_free("platformdirs")
    assert feature._mod_uses_pyside(sys.modules["desktop.shell.main_window"]) is True


def test_sparing_twice_wraps_pyside_once(feature):
    spare_qt_free_modules()
    wrapped = feature._mod_uses_pyside
    assert spare_qt_free_modules() and feature._mod_uses_pyside is wrapped


def test_a_pyside_without_the_scan_is_left_as_it_is(monkeypatch):
    monkeypatch.setitem(sys.modules, pyside_scan._FEATURE_MODULE, type(sys)("stand-in without a scan"))
    assert spare_qt_free_modules() is False
