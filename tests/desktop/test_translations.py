"""Both UI languages are complete: every .ts is fully translated and covers every UI string."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"


def _messages(ts_file: Path) -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(ts_file)
    return [
        (context.findtext("name"), message.findtext("source"), message.find("translation"))
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    ]


def _texts(translation: ET.Element) -> list[str]:
    """The translated text, or each plural form of a %n message."""
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def _ts_files() -> list[Path]:
    return sorted(TRANSLATIONS.glob("*.ts"))


def test_there_is_one_catalogue_per_part_of_the_app():
    assert [path.name for path in _ts_files()] == [
        "calculator_zh_CN.ts",
        "library_zh_CN.ts",
        "scores_zh_CN.ts",
        "shell_zh_CN.ts",
    ]


@pytest.mark.parametrize("ts_file", _ts_files(), ids=lambda path: path.name)
def test_every_message_is_translated(ts_file):
    unfinished = [
        f"{context}: {source}"
        for context, source, translation in _messages(ts_file)
        if translation is None
        or translation.get("type") in ("unfinished", "obsolete", "vanished")
        or not all(text.strip() for text in _texts(translation))
    ]
    assert unfinished == []


def test_no_ui_string_is_missing_from_the_committed_translations(tmp_path):
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        lupdate = Path(shutil.which("pyside6-lupdate") or "pyside6-lupdate")
    sources = sorted(str(path) for path in (ROOT / "desktop").rglob("*.py"))
    fresh = tmp_path / "fresh_zh_CN.ts"
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    committed = {(context, source) for ts in _ts_files() for context, source, _ in _messages(ts)}
    missing = [
        f"{context}: {source}"
        for context, source, _ in _messages(fresh)
        if (context, source) not in committed
    ]
    assert missing == []
