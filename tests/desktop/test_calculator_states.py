"""Every state of the calculator reads in one language: in Chinese no English UI string shows, in
English no Chinese character does (the translation catalogue and the engine's texts together)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QWidget,
)

from tests.desktop.calculator_helpers import choose, type_into

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "calculator_zh_CN.ts"
CJK = re.compile(r"[\u3400-\u9fff]")


def english_fragments() -> set[str]:
    """The words of every calculator UI string that would betray a missing translation."""
    fragments = set()
    for message in ET.parse(TS).iter("message"):
        source = (message.findtext("source") or "").replace("&", "")
        for part in re.split(r"%\d|%n", source):
            part = part.strip(" .:;,()—…*")
            if len(re.findall(r"[A-Za-z]{2,}", part)) >= 2:  # two words at least: not "mg", not "PDF"
                fragments.add(part)
    return fragments


def visible_text(root: QWidget) -> str:
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel):
            texts.append(re.sub(r"<[^>]+>", " ", widget.text()))
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, QTextBrowser):
            texts.append(widget.toPlainText())
    return "\n".join(texts).replace("&", "")


def fill_first_facts(qtbot, page) -> None:
    type_into(qtbot, page, "age_years", "68")
    choose(page, "sex", "female")
    type_into(qtbot, page, "weight_kg", "55")
    type_into(qtbot, page, "labs.creatinine", "150")


def fill_all(qtbot, page) -> None:
    fill_first_facts(qtbot, page)
    type_into(qtbot, page, "labs.calcium", "2.2")
    type_into(qtbot, page, "labs.albumin", "35")
    for path, code in (("bone_metastasis", "confirmed"), ("hr_status", "positive"), ("her2_status", "zero")):
        choose(page, path, code)
    fields = page.form.fields
    if "expected_survival_at_least_3_months" in fields:
        fields["expected_survival_at_least_3_months"].set_value(True)
        fields["expected_survival_at_least_3_months"].changed.emit()
    else:
        type_into(qtbot, page, "expected_survival_months", "24")


STATES: dict[str, Callable] = {
    "empty": lambda qtbot, page: None,
    "one field typed": lambda qtbot, page: type_into(qtbot, page, "age_years", "68"),
    "kidney facts only": fill_first_facts,
    "invalid": lambda qtbot, page: (fill_all(qtbot, page), type_into(qtbot, page, "labs.creatinine", "5000")),
    "unit slip": lambda qtbot, page: (
        fill_all(qtbot, page),
        type_into(qtbot, page, "labs.creatinine", "1.7"),
    ),
    "result": fill_all,
    "copied": lambda qtbot, page: (fill_all(qtbot, page), page.copy_for_chart()),
    "first line, history open": lambda qtbot, page: (
        fill_all(qtbot, page),
        page.form.set_first_line(),
        page.form.show_history(True),
    ),
}


@pytest.mark.parametrize("state", list(STATES))
@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_state_reads_in_one_language(make_window, qtbot, state, language):
    window = make_window(real_calculator=True)
    window.set_language(language)
    window.show_view(1)
    page = window.calculator
    STATES[state](qtbot, page)
    QApplication.processEvents()
    text = visible_text(page)
    assert text.strip()
    for reference in (page.assessment() or {}).get("references") or []:
        title = reference.get("title")  # publications keep their own language
        for value in title.values() if isinstance(title, dict) else [title]:
            text = text.replace(str(value), "")
    if language == "zh":
        leaked = sorted(fragment for fragment in english_fragments() if fragment in text)
        assert leaked == [], leaked
    else:
        assert not CJK.findall(text), [line for line in text.splitlines() if CJK.search(line)]
