"""The calculator page in Chinese: complete translations, retranslated at runtime."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

import calculator
from desktop.calculator_view.calculator_page import CalculatorPage
from tests.desktop.calculator_helpers import agent_row, fill_crcl_46

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "calculator_zh_CN.ts"


@pytest.fixture
def install_chinese(qapp, tmp_path):
    """Installs the Chinese translator when called (Qt then sends LanguageChange to every window)."""
    qm = tmp_path / "calculator_zh_CN.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    yield lambda: QCoreApplication.installTranslator(translator)
    QCoreApplication.removeTranslator(translator)


def test_every_calculator_string_is_translated():
    unfinished = [
        message.findtext("source")
        for message in ET.parse(TS).iter("message")
        if message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not "".join(message.find("translation").itertext()).strip()
    ]
    assert unfinished == []


def test_page_retranslates_when_language_changes(qtbot, install_chinese):
    page = CalculatorPage()
    qtbot.addWidget(page)
    page.set_content_language("zh")
    fill_crcl_46(qtbot, page)
    assert page.copy_button.text() == "&Copy for chart"
    install_chinese()
    qtbot.waitUntil(lambda: page.copy_button.text() == "复制到病历(&C)")
    assert page.form.group_box("kidney_calcium").title() == "肾功能与血钙"
    row = agent_row(page, calculator.text_for("zoledronic_acid")["zh"])
    assert row["剂量与用法"].startswith("3.3 mg") and row["可否使用"].startswith("✔ 可用")
