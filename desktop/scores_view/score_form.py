"""One score (SINS or Mirels) as a compact form: each item a row of radio choices showing their
points, then the total, the category, the guideline link and the engine's notes.

Every item, label, point and cut-off comes from the engine (``calculator.scores``); this widget
only turns clicks into the engine's input dict and shows what the engine returns. Until every
item is chosen no total is shown: a partial sum would be read as a score.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from calculator.errors import ValidationError

translate = QCoreApplication.translate
Scorer = Callable[[str, dict[str, Any]], dict[str, Any]]


class ScoreForm(QWidget):
    """Emits ``changed`` after every choice and ``openReference("doc#anchor")`` from the link."""

    changed = Signal()
    openReference = Signal(str)  # noqa: N815 (Qt signal naming)

    def __init__(self, name: str, table: dict[str, Any], scorer: Scorer, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"scoreForm_{name}")
        self.name = name
        self._table = table
        self._scorer = scorer
        self._lang = "zh"
        self._result: dict[str, Any] | None = None
        self.groups: dict[str, QButtonGroup] = {}
        self.buttons: dict[str, dict[str, QRadioButton]] = {}
        self._item_labels: dict[str, QLabel] = {}
        rows = [(item["key"], item["label"], item["choices"], True) for item in table["items"]]
        if "bones" in table:  # Mirels: the optional bone, for the humeral note
            # "" = not given: an exclusive row needs a choice that takes the answer back
            rows.append(("bone", None, [{"code": ""}, *table["bones"]], False))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for row, (key, _label, choices, _required) in enumerate(rows):
            self._item_labels[key] = QLabel(self)
            self._item_labels[key].setWordWrap(True)
            grid.addWidget(self._item_labels[key], row, 0, Qt.AlignmentFlag.AlignTop)
            line = QHBoxLayout()
            group = QButtonGroup(self)  # exclusive: arrow keys move the choice along the row
            self.buttons[key] = {}
            for choice in choices:
                button = QRadioButton(self)
                button.setObjectName(f"{name}_{key}_{choice['code']}")
                self.buttons[key][choice["code"]] = button
                group.addButton(button)
                line.addWidget(button)
            line.addStretch(1)
            group.buttonToggled.connect(lambda button, checked, key=key: self._toggled(key, button, checked))
            self.groups[key] = group
            grid.addLayout(line, row, 1)
        grid.setColumnStretch(1, 1)

        self.total_label = QLabel(self)
        self.total_label.setObjectName("scoreTotal")
        self.verdict_label = QLabel(self)
        self.verdict_label.setObjectName("scoreVerdict")
        self.verdict_label.setWordWrap(True)
        self.link_label = QLabel(self)
        self.link_label.setObjectName("scoreGuidelineLink")
        self.link_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByKeyboard | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.link_label.linkActivated.connect(self.openReference)
        self.notes_label = QLabel(self)
        self.notes_label.setObjectName("scoreNotes")
        self.notes_label.setWordWrap(True)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("scoreTitle")
        result_line = QHBoxLayout()
        result_line.addWidget(self.total_label)
        result_line.addWidget(self.verdict_label, 1)
        result_line.addWidget(self.link_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(grid)
        layout.addLayout(result_line)
        layout.addWidget(self.notes_label)
        layout.addStretch(1)
        self.retranslate()
        self._show_labels()
        self._rescore()

    # -- choices ------------------------------------------------------------------------------
    def _toggled(self, key: str, button: QAbstractButton, checked: bool) -> None:
        if not checked:
            return  # the newly checked button of the same row reports the change
        self._rescore()
        self.changed.emit()

    def inputs(self) -> dict[str, str]:
        """The engine's input dict: the chosen code of every item chosen so far."""
        chosen = {}
        for key, buttons in self.buttons.items():
            for code, button in buttons.items():
                if button.isChecked() and code:
                    chosen[key] = code
        return chosen

    def set_inputs(self, inputs: dict[str, str]) -> None:
        for key, buttons in self.buttons.items():
            group = self.groups[key]
            group.blockSignals(True)
            group.setExclusive(False)  # an exclusive group cannot return to "nothing chosen"
            for code, button in buttons.items():
                button.setChecked(inputs.get(key, "") == code)
            group.setExclusive(True)
            group.blockSignals(False)
        self._rescore()
        self.changed.emit()

    def clear(self) -> None:
        self.set_inputs({})

    def first_button(self) -> QRadioButton:
        return next(iter(next(iter(self.buttons.values())).values()))

    def result(self) -> dict[str, Any] | None:
        """The engine's result, or None while an item is still to be chosen."""
        return self._result

    # -- showing ------------------------------------------------------------------------------
    def set_content_language(self, lang: str) -> None:
        self._lang = lang
        self._show_labels()
        self._rescore()

    def _show_labels(self) -> None:
        lang = self._lang
        self.title_label.setText(f"<b>{html.escape(self._table['title'][lang])}</b>")
        for item in self._table["items"]:
            self._item_labels[item["key"]].setText(item["label"][lang])
            for choice in item["choices"]:
                # the points sit in the choice's own text, so the row reads like the published table
                self.buttons[item["key"]][choice["code"]].setText(
                    f"{choice['label'][lang]}  ({choice['points']})"
                )
        for bone in self._table.get("bones", []):
            self.buttons["bone"][bone["code"]].setText(bone["label"][lang])
        if "bone" in self.buttons:
            self.buttons["bone"][""].setText(translate("ScoreForm", "Not given"))
        if "bone" in self._item_labels:
            self._item_labels["bone"].setText(translate("ScoreForm", "Bone (optional)"))

    def _field_label(self, field: str) -> str:
        label = self._item_labels.get(field)
        return label.text() if label is not None else field

    def _missing(self) -> list[str]:
        chosen = self.inputs()
        return [item["label"][self._lang] for item in self._table["items"] if item["key"] not in chosen]

    def _rescore(self) -> None:
        missing = self._missing()
        lang = self._lang
        problems = []
        try:
            self._result = None if missing else self._scorer(self.name, self.inputs())
        except ValidationError as error:  # e.g. a humerus ticked with "lower limb": the engine says why
            self._result = None
            problems = [f"{self._field_label(p.field)}: {p.message[lang]}" for p in error.problems]
        ref = self._table["refs"][0]
        link_text = translate("ScoreForm", "Guideline")
        self.link_label.setText(f'<a href="{html.escape(ref)}">{html.escape(link_text)}</a>')
        if self._result is None:
            still = translate("ScoreForm", "Still to choose: %1")
            self.total_label.setText(translate("ScoreForm", "Total: —"))
            if problems:
                self.verdict_label.setText(html.escape("; ".join(problems)))
            else:
                self.verdict_label.setText(
                    still.replace("%1", ("、" if lang == "zh" else ", ").join(missing))
                )
            self.notes_label.setText("")
            return
        result = self._result
        total = translate("ScoreForm", "Total: %1").replace("%1", str(result["total"]))
        self.total_label.setText(f"<b>{html.escape(total)}</b>")
        if self.name == "sins":
            verdict = (
                f"<b>{html.escape(result['category_text'][lang])}</b> — {html.escape(result['action'][lang])}"
            )
        else:
            band = next(b for b in self._table["bands"] if b["code"] == result["action"])
            verdict = (
                f"<b>{html.escape(band['label'][lang])}</b> — {html.escape(result['action_text'][lang])}"
            )
        self.verdict_label.setText(verdict)
        notes = [note["text"][lang] for note in result.get("notes", [])]
        self.notes_label.setText("<br>".join(f"• {html.escape(note)}" for note in notes))

    def retranslate(self) -> None:
        self.setAccessibleName(self._table["title"][self._lang])
        self._show_labels()
        self._rescore()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "notes_label"):
            self.retranslate()
        super().changeEvent(event)
