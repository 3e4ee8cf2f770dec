"""One editor widget per input kind of the engine's ``input_spec()``.

Each widget turns what the doctor typed into the JSON value the engine expects and back. It
knows nothing clinical: labels, choices, units and ranges all come from the spec entry, and
anything it cannot parse is passed through unchanged so the engine names the problem.
An empty optional field means "not given" (``None``), never 0.
"""

from __future__ import annotations

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

from desktop.calculator_view.field_values import (
    NO_VALUE,
    combo_data,
    format_number,
    localized,
    parse_number,
    range_hint,
    refill_combo,
)

translate = QCoreApplication.translate
ERROR_STYLE = "color: #b00020;"
PENDING_STYLE = "color: #555555;"
# The engine's code for "this required field is still empty": shown calmly, not as an error,
# so a blank form is not a wall of red.
MISSING_CODE = "missing_required"
_NOTHING = object()  # "no value loaded as is" (None is a value: "not given")


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
        self.edit.setPlaceholderText(range_hint(self.spec))

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
        self.unit.setCurrentIndex(0 if self.unit.count() else -1)  # the SI unit until told otherwise
        self.edit.textChanged.connect(self.changed)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        row.addWidget(self.edit, 1)
        row.addWidget(self.unit)
        self._finish_layout(row)
        self.retranslate()

    def _fill_units(self) -> None:
        refill_combo(
            self.unit,
            [
                (localized(unit.get("label") or unit["code"], self._lang), unit["code"])
                for unit in self.spec.get("units") or []
            ],
        )

    def _unit_changed(self) -> None:
        self.retranslate()
        self.changed.emit()

    def set_content_language(self, lang: str) -> None:
        super().set_content_language(lang)
        self._fill_units()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(range_hint(self.spec, combo_data(self.unit)))
        self.unit.setAccessibleName(translate("CalculatorForm", "Unit"))
        self.unit.setPlaceholderText(translate("CalculatorForm", "unit?"))  # shown while none is chosen

    def value(self) -> Any:
        number = parse_number(self.edit.text())
        if number is None:
            return None
        return {"value": number, "unit": combo_data(self.unit)}

    def set_value(self, value: Any) -> None:
        """None clears the value and selects the default unit. A value without a unit (a bare
        number, or no "unit" key) leaves the unit unchosen: assuming one would be a guess, and a
        creatinine in mg/dL read as µmol/L is a wrong dose. The engine then asks for the unit."""
        raw = value.get("value") if isinstance(value, Mapping) else value
        unit = value.get("unit") if isinstance(value, Mapping) else None
        self.edit.setText(format_number(raw))
        if value is None:
            self.unit.setCurrentIndex(0 if self.unit.count() else -1)
        elif unit is None:
            self.unit.setCurrentIndex(-1)
        else:
            index = self.unit.findData(unit)
            if index < 0:
                # Keep an unknown unit as written so the engine's message says what is wrong.
                self.unit.addItem(str(unit), unit)
                index = self.unit.count() - 1
            self.unit.setCurrentIndex(index)
        self._fill_units()  # drops an unknown unit of an earlier patient

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
        items = [(self._blank_text(), NO_VALUE)] if self._has_blank else []
        items += [
            (localized(choice.get("label") or choice["code"], self._lang), choice["code"])
            for choice in self.spec.get("choices") or []
            if choice.get("code") is not None
        ]
        refill_combo(self.combo, items)

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
        else:
            index = self.combo.findData(value)
            if index < 0:
                self.combo.addItem(str(value), value)  # unknown code: let the engine name it
                index = self.combo.count() - 1
            self.combo.setCurrentIndex(index)
        self._fill()  # drops an unknown code of an earlier patient

    def focus_target(self) -> QWidget:
        return self.combo


class BoolField(FieldWidget):
    def __init__(self, spec: Mapping[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        row = QHBoxLayout()
        self.check = QCheckBox(self)
        self.check.setChecked(bool(spec.get("default")))
        # A loaded value a check box cannot show ("no", 0) goes to the engine as it was written,
        # so the engine names it; the first click replaces it with what the box shows.
        self._as_loaded: Any = _NOTHING
        self.check.toggled.connect(self._toggled)
        row.addWidget(self.check)
        row.addStretch(1)
        self._finish_layout(row)

    def set_content_language(self, lang: str) -> None:
        super().set_content_language(lang)
        self.check.setAccessibleName(localized(self.spec.get("label"), lang))

    def _toggled(self) -> None:
        self._as_loaded = _NOTHING
        self.changed.emit()

    def value(self) -> Any:
        if self._as_loaded is not _NOTHING:
            return self._as_loaded
        # One of a group ("give this or that"): an unticked box means "not given", not "no".
        if self.spec.get("one_of") and not self.check.isChecked():
            return None
        return self.check.isChecked()

    def set_value(self, value: Any) -> None:
        self.check.setChecked(bool(self.spec.get("default")) if value is None else value is True)
        self._as_loaded = _NOTHING if value is None or isinstance(value, bool) else value

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
            box.toggled.connect(self._toggled)
            self.boxes[choice["code"]] = box
            grid.addWidget(box, index // self.COLUMNS, index % self.COLUMNS)
        self._extra: list[Any] = []
        self._as_loaded: Any = _NOTHING  # a loaded value that is not a list, sent on as written
        self._finish_layout(grid)

    def set_content_language(self, lang: str) -> None:
        super().set_content_language(lang)
        for choice in self.spec.get("choices") or []:
            self.boxes[choice["code"]].setText(localized(choice.get("label") or choice["code"], lang))

    def _toggled(self) -> None:
        self._as_loaded = _NOTHING
        self.changed.emit()

    def value(self) -> Any:
        if self._as_loaded is not _NOTHING:
            return self._as_loaded
        return [code for code, box in self.boxes.items() if box.isChecked()] + self._extra

    def set_value(self, value: Any) -> None:
        codes = list(value) if isinstance(value, list | tuple) else []
        for code, box in self.boxes.items():
            box.setChecked(code in codes)
        # Codes the form does not know (or that are not codes at all) still reach the engine,
        # which names them; so does a value that is not a list ("tamoxifen" instead of ["..."]).
        self._extra = [code for code in codes if not (isinstance(code, str) and code in self.boxes)]
        self._as_loaded = _NOTHING if value is None or isinstance(value, list | tuple) else value

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
