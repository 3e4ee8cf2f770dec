"""The UI font: the CJK family is found by its English or its localized name (a Chinese Windows
lists 微软雅黑), Latin text takes a Latin face, and the base size is readable on a ward monitor."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFont, QFontDatabase

from desktop.shell import fonts


@pytest.mark.parametrize(
    ("platform", "installed", "cjk", "latin"),
    [
        ("win32", ["Arial", "宋体", "微软雅黑", "Segoe UI"], "微软雅黑", "Segoe UI"),
        ("win32", ["Microsoft YaHei", "SimSun", "Segoe UI"], "Microsoft YaHei", "Segoe UI"),
        ("win32", ["SimSun"], "SimSun", None),
        ("linux", ["DejaVu Sans", "文泉驿微米黑"], "文泉驿微米黑", "DejaVu Sans"),
        ("linux", ["Noto Sans CJK SC", "WenQuanYi Micro Hei"], "Noto Sans CJK SC", None),
    ],
)
def test_families_are_found_by_english_or_localized_name(monkeypatch, platform, installed, cjk, latin):
    monkeypatch.setattr(sys, "platform", platform)
    assert fonts.choose_cjk_family(installed) == cjk
    assert fonts.choose_latin_family(installed) == latin


@pytest.fixture
def zh_locale():
    before = QLocale()
    QLocale.setDefault(QLocale("zh_CN"))
    yield
    QLocale.setDefault(before)


def test_under_a_chinese_locale_chinese_and_latin_get_their_own_faces(qapp, zh_locale):
    original = QFont(qapp.font())
    try:
        zoom = fonts.FontZoom(qapp, 0)
        families = qapp.font().families()
        cjk = fonts.choose_cjk_family()
        assert cjk is not None, "bootstrap installs a CJK font (WenQuanYi Micro Hei)"
        latin = fonts.choose_latin_family()
        assert families[: 2 if latin else 1] == ([latin, cjk] if latin else [cjk])
        assert zoom.point_size() >= fonts.MIN_BASE_POINTS
        # The Chinese family really has the glyphs the calculator shows.
        assert QFontDatabase.writingSystems(cjk).count(QFontDatabase.WritingSystem.SimplifiedChinese)
    finally:
        qapp.setFont(original)
