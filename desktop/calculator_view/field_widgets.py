"""One editor widget per input kind of the engine's ``input_spec()``.

Each widget turns what the doctor typed into the JSON value the engine expects and back. It
knows nothing clinical: labels, choices, units and ranges all come from the spec entry, and
anything it cannot parse is passed through unchanged so the engine names the problem.
An empty optional field means "not given" (``None``), never 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from desktop.calculator_view.choice_keys import keys_for, labels_of
from desktop.calculator_view.field_base import _NOTHING, ERROR_STYLE, MISSING_CODE, FieldWidget
from desktop.calculator_view.field_values import (
    NO_VALUE,
    combo_data,
    format_number,
    localized,
    parse_number,
    range_hint,
    refill_combo,
)
from desktop.calculator_view.lab_field import LabField
from desktop.calculator_view.pick_combo import PickCombo

__all__ = ["ERROR_STYLE", "MISSING_CODE", "FieldWidget", "make_field"]

translate = QCoreApplication.translate


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


class EnumField(FieldWidget):
    """Drop-down of the spec's choices; an empty entry unless a default is always in force."""

    def __init__(self, spec: Mapping[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        row = QHBoxLayout()
        self.combo = PickCombo(self)
        self.combo.setSizeAdjustPolicy(PickCombo.SizeAdjustPolicy.AdjustToContents)
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
        keys: list[list[str]] = [[]] if self._has_blank else []
        for choice in self.spec.get("choices") or []:
            if choice.get("code") is not None:
                items.append((localized(choice.get("label") or choice["code"], self._lang), choice["code"]))
                keys.append(keys_for(labels_of(choice.get("label")), choice["code"]))
        refill_combo(self.combo, items)
        self.combo.set_item_keys(keys)

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


class ChoiceBoolField(FieldWidget):
    """A yes/no question that may stay open ("unsure" = not given), for a bool without a default."""

    def __init__(self, spec: Mapping[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        row = QHBoxLayout()
        self.combo = PickCombo(self)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._as_loaded: Any = _NOTHING
        self.retranslate()
        self.combo.currentIndexChanged.connect(self._picked)
        row.addWidget(self.combo)
        self._finish_layout(row)

    def retranslate(self) -> None:
        yes, no, unsure = (
            translate("CalculatorForm", "Yes"),
            translate("CalculatorForm", "No"),
            translate("CalculatorForm", "Unsure"),
        )
        refill_combo(self.combo, [(unsure, NO_VALUE), (yes, "yes"), (no, "no")])
        self.combo.set_item_keys([keys_for([unsure, "unsure"]), keys_for([yes, "yes"]), keys_for([no, "no"])])

    def _picked(self) -> None:
        self._as_loaded = _NOTHING
        self.changed.emit()

    def value(self) -> Any:
        if self._as_loaded is not _NOTHING:
            return self._as_loaded
        return {"yes": True, "no": False}.get(combo_data(self.combo))

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentIndex(self.combo.findData({True: "yes", False: "no"}.get(value, NO_VALUE)))
        # A loaded value that is not a bool goes to the engine as written, so it names it.
        self._as_loaded = _NOTHING if value is None or isinstance(value, bool) else value

    def focus_target(self) -> QWidget:
        return self.combo


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
    if spec.get("kind") == "bool" and spec.get("default") is None:
        return ChoiceBoolField(spec, parent)
    return FIELD_CLASSES.get(spec.get("kind", ""), NumberField)(spec, parent)
