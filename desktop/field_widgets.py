"""One editor widget per input kind of the engine's ``input_spec()``.

Each widget turns what the doctor typed into the JSON value the engine expects and back. It
knows nothing clinical: labels, choices, units and ranges all come from the spec entry, and
anything it cannot parse is passed through unchanged so the engine names the problem.
An empty optional field means "not given" (``None``), never 0.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate
ERROR_STYLE = "color: #b00020;"
PENDING_STYLE = "color: #555555;"
# The engine's code for "this required field is still empty": shown calmly, not as an error,
# so a blank form is not a wall of red.
MISSING_CODE = "missing_required"


def localized(text: Any, lang: str) -> str:
    """Pick ``lang`` from an engine ``{en, zh}`` text; plain strings pass through."""
    if isinstance(text, Mapping):
        return str(text.get(lang) or text.get("en") or next(iter(text.values()), ""))
    return "" if text is None else str(text)


def parse_number(text: str) -> int | float | str | None:
    """Typed text -> number; empty -> None; anything unparsable is returned as typed.

    NFKC turns full-width digits from a Chinese IME into ASCII. Unparsable text goes to the
    engine as a string so that its own message (wrong type) appears beside the field.
    """
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if not cleaned:
        return None
    try:
        return int(cleaned)
    except ValueError:
        pass
    try:
        number = float(cleaned)
    except ValueError:
        return text.strip()
    return number if number == number and number not in (float("inf"), float("-inf")) else text.strip()


def format_number(value: Any) -> str:
    """Number -> text without a misleading trailing zero ("4", not "4.0")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


NO_VALUE = ""  # item data of a drop-down's blank entry; never None (see combo_data)


def combo_data(combo: QComboBox) -> Any:
    """The current item's data, None for the blank entry or an empty drop-down.

    Never lets Qt return an invalid QVariant: PySide6 6.12 on Python 3.11 drops a reference to
    None every time it returns one, which after enough calls aborts the interpreter.
    """
    if combo.currentIndex() < 0:
        return None
    data = combo.currentData()
    return None if data == NO_VALUE else data


def _range_hint(spec: Mapping[str, Any], unit: str | None) -> str:
    """Placeholder text from the engine's plausible range (``range``, or ``ranges`` per lab unit)."""
    rng = spec.get("range")
    ranges = spec.get("ranges")
    if isinstance(ranges, Mapping) and unit in ranges:
        rng = ranges[unit]
    if not isinstance(rng, Mapping) or rng.get("min") is None or rng.get("max") is None:
        return ""
    return f"{format_number(rng['min'])}–{format_number(rng['max'])}"


class FieldWidget(QWidget):
    """Editor plus the message line under it where the engine's problems appear."""

    changed = Signal()

    def __init__(self, spec: Mapping[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.path: str = spec["path"]
        self._lang = "zh"
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(0, 0, 0, 0)
        self._outer.setSpacing(2)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("fieldMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.hide()
        self._message = ""

    def _finish_layout(self, editor_layout: QHBoxLayout | QGridLayout) -> None:
        self._outer.addLayout(editor_layout)
        self._outer.addWidget(self.message_label)

    # -- the interface the form uses -------------------------------------------------------
    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        """The widget that takes keyboard focus (and is the buddy of the row label)."""
        raise NotImplementedError

    def set_content_language(self, lang: str) -> None:
        self._lang = lang

    def retranslate(self) -> None:
        """Re-read UI chrome (placeholders); overridden where a widget has any."""

    def show_message(self, text: str, *, pending: bool = False) -> None:
        """Show the engine's problem text beside this field ("" hides it); ``pending`` marks a
        required field that is merely still empty."""
        self._message = text
        self.message_label.setStyleSheet(PENDING_STYLE if pending else ERROR_STYLE)
        self.message_label.setText(("• " if pending else "⚠ ") + text if text else "")
        self.message_label.setVisible(bool(text))
        self.focus_target().setAccessibleDescription(text)

    def message(self) -> str:
        """The engine's problem text now shown beside this field ("" when none)."""
        return self._message


class NumberField(FieldWidget):
    def __init__(self, spec: Mapping[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        row = QHBoxLayout()
        self.edit = QLineEdit(self)
        self.edit.textChanged.connect(self.changed)
        row.addWidget(self.edit)
        self._finish_layout(row)
        self.retranslate()

    def retranslate(self) -> None:
        hint = _range_hint(self.spec, None)
        if not self.spec.get("required"):
            empty = translate("CalculatorForm", "not given")
            hint = f"{hint} ({empty})" if hint else empty
        self.edit.setPlaceholderText(hint)

    def value(self) -> Any:
        return parse_number(self.edit.text())

    def set_value(self, value: Any) -> None:
        self.edit.setText(format_number(value))

    def focus_target(self) -> QWidget:
        return self.edit


class LabField(FieldWidget):
    """Value plus unit selector; the first unit of the spec (SI) is the default."""

    def __init__(self, spec: Mapping[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        row = QHBoxLayout()
        self.edit = QLineEdit(self)
        self.unit = QComboBox(self)
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill_units()
        self.edit.textChanged.connect(self.changed)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        row.addWidget(self.edit, 1)
        row.addWidget(self.unit)
        self._finish_layout(row)
        self.retranslate()

    def _fill_units(self) -> None:
        self.unit.blockSignals(True)
        current = combo_data(self.unit)
        self.unit.clear()
        for unit in self.spec.get("units") or []:
            self.unit.addItem(localized(unit.get("label") or unit["code"], self._lang), unit["code"])
        index = self.unit.findData(current) if current is not None else 0
        self.unit.setCurrentIndex(max(index, 0))
        self.unit.blockSignals(False)

    def _unit_changed(self) -> None:
        self.retranslate()
        self.changed.emit()

    def set_content_language(self, lang: str) -> None:
        super().set_content_language(lang)
        self._fill_units()

    def retranslate(self) -> None:
        hint = _range_hint(self.spec, combo_data(self.unit))
        if not self.spec.get("required"):
            empty = translate("CalculatorForm", "not given")
            hint = f"{hint} ({empty})" if hint else empty
        self.edit.setPlaceholderText(hint)
        self.unit.setAccessibleName(translate("CalculatorForm", "Unit"))

    def value(self) -> Any:
        number = parse_number(self.edit.text())
        if number is None:
            return None
        return {"value": number, "unit": combo_data(self.unit)}

    def set_value(self, value: Any) -> None:
        if isinstance(value, Mapping):
            self.edit.setText(format_number(value.get("value")))
            unit = value.get("unit")
            index = self.unit.findData(unit)
            if index < 0 and unit is not None:
                # Keep an unknown unit as typed so the engine's message says what is wrong.
                self.unit.addItem(str(unit), unit)
                index = self.unit.count() - 1
            self.unit.setCurrentIndex(max(index, 0))
        else:
            self.edit.setText(format_number(value))
            self.unit.setCurrentIndex(0)

    def focus_target(self) -> QWidget:
        return self.edit


class EnumField(FieldWidget):
    """Drop-down of the spec's choices; an empty entry unless a default is always in force."""

    def __init__(self, spec: Mapping[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        row = QHBoxLayout()
        self.combo = QComboBox(self)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._has_blank = spec.get("default") is None
        self._fill()
        self.combo.setCurrentIndex(self._default_index())
        self.combo.currentIndexChanged.connect(self.changed)
        row.addWidget(self.combo)
        self._finish_layout(row)

    def _blank_text(self) -> str:
        if self.spec.get("required"):
            return translate("CalculatorForm", "— choose —")
        return translate("CalculatorForm", "— none —")

    def _fill(self) -> None:
        current = combo_data(self.combo)
        self.combo.blockSignals(True)
        self.combo.clear()
        if self._has_blank:
            self.combo.addItem(self._blank_text(), NO_VALUE)
        for choice in self.spec.get("choices") or []:
            if choice.get("code") is None:
                continue
            self.combo.addItem(localized(choice.get("label") or choice["code"], self._lang), choice["code"])
        self.combo.setCurrentIndex(max(self.combo.findData(current), 0) if current is not None else 0)
        self.combo.blockSignals(False)

    def _default_index(self) -> int:
        default = self.spec.get("default")
        return max(self.combo.findData(default), 0) if default is not None else 0

    def set_content_language(self, lang: str) -> None:
        super().set_content_language(lang)
        self._fill()

    def retranslate(self) -> None:
        if self._has_blank:
            self.combo.setItemText(0, self._blank_text())

    def value(self) -> Any:
        return combo_data(self.combo)

    def set_value(self, value: Any) -> None:
        if value is None:
            self.combo.setCurrentIndex(self._default_index())
            return
        index = self.combo.findData(value)
        if index < 0:
            self.combo.addItem(str(value), value)  # unknown code: let the engine name it
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)

    def focus_target(self) -> QWidget:
        return self.combo


class BoolField(FieldWidget):
    def __init__(self, spec: Mapping[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        row = QHBoxLayout()
        self.check = QCheckBox(self)
        self.check.setChecked(bool(spec.get("default")))
        self.check.toggled.connect(self.changed)
        row.addWidget(self.check)
        row.addStretch(1)
        self._finish_layout(row)

    def set_content_language(self, lang: str) -> None:
        super().set_content_language(lang)
        self.check.setAccessibleName(localized(self.spec.get("label"), lang))

    def value(self) -> Any:
        return self.check.isChecked()

    def set_value(self, value: Any) -> None:
        self.check.setChecked(bool(self.spec.get("default")) if value is None else bool(value))

    def focus_target(self) -> QWidget:
        return self.check


class CodesField(FieldWidget):
    """A set of codes (e.g. prior therapies) as a grid of check boxes."""

    COLUMNS = 2

    def __init__(self, spec: Mapping[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for index, choice in enumerate(spec.get("choices") or []):
            box = QCheckBox(self)
            box.toggled.connect(self.changed)
            self.boxes[choice["code"]] = box
            grid.addWidget(box, index // self.COLUMNS, index % self.COLUMNS)
        self._extra: list[Any] = []
        self._finish_layout(grid)

    def set_content_language(self, lang: str) -> None:
        super().set_content_language(lang)
        for choice in self.spec.get("choices") or []:
            self.boxes[choice["code"]].setText(localized(choice.get("label") or choice["code"], lang))

    def value(self) -> Any:
        return [code for code, box in self.boxes.items() if box.isChecked()] + self._extra

    def set_value(self, value: Any) -> None:
        codes = list(value) if isinstance(value, list | tuple) else []
        for code, box in self.boxes.items():
            box.setChecked(code in codes)
        # Codes the form does not know still reach the engine, which names them.
        self._extra = [code for code in codes if code not in self.boxes]

    def focus_target(self) -> QWidget:
        return next(iter(self.boxes.values()), self)


FIELD_CLASSES: dict[str, type[FieldWidget]] = {
    "number": NumberField,
    "lab": LabField,
    "enum": EnumField,
    "bool": BoolField,
    "codes": CodesField,
}


def make_field(spec: Mapping[str, Any], parent: QWidget | None = None) -> FieldWidget:
    """The editor for one spec entry; an unknown kind gets a plain text box (passed through)."""
    return FIELD_CLASSES.get(spec.get("kind", ""), NumberField)(spec, parent)
