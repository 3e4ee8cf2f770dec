"""A lab value with its unit; a plausible unit slip is offered as a button, never applied."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from desktop.calculator_view.choice_keys import keys_for, labels_of
from desktop.calculator_view.field_base import FieldWidget
from desktop.calculator_view.field_values import (
    combo_data,
    format_number,
    localized,
    parse_number,
    range_hint,
    refill_combo,
    unit_slip,
)
from desktop.calculator_view.pick_combo import PickCombo

translate = QCoreApplication.translate


class LabField(FieldWidget):
    """Value plus unit selector; the first unit of the spec (SI) is the default."""

    def __init__(self, spec: Mapping[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        row = QHBoxLayout()
        self.edit = QLineEdit(self)
        self.unit = PickCombo(self)
        self.unit.setSizeAdjustPolicy(PickCombo.SizeAdjustPolicy.AdjustToContents)
        # A plausible unit slip is offered, never applied: the doctor clicks to switch.
        self.suggest_button = QPushButton(self)
        self.suggest_button.setObjectName("unitSuggestion")
        self.suggest_button.hide()
        self.suggest_button.clicked.connect(self._take_suggestion)
        self._suggested: str | None = None
        self._fill_units()
        self.unit.setCurrentIndex(0 if self.unit.count() else -1)  # the SI unit until told otherwise
        self.edit.textChanged.connect(self.changed)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        row.addWidget(self.edit, 1)
        row.addWidget(self.unit)
        self._finish_layout(row)
        self._outer.addWidget(self.suggest_button)
        self.retranslate()

    def _fill_units(self) -> None:
        units = self.spec.get("units") or []
        refill_combo(
            self.unit,
            [(localized(unit.get("label") or unit["code"], self._lang), unit["code"]) for unit in units],
        )
        self.unit.set_item_keys([keys_for(labels_of(u.get("label")), u["code"]) for u in units])

    def show_message(self, text: str, *, pending: bool = False) -> None:
        super().show_message(text, pending=pending)
        self._suggested = unit_slip(self.spec, self.edit.text(), combo_data(self.unit)) if text else None
        self._show_suggestion()

    def _show_suggestion(self) -> None:
        if self._suggested is None:
            self.suggest_button.hide()
            return
        labels = {u["code"]: localized(u.get("label") or u["code"], self._lang) for u in self.spec["units"]}
        self.suggest_button.setText(
            translate("CalculatorForm", "%1 looks like %2 — switch unit?")
            .replace("%1", self.edit.text().strip())
            .replace("%2", labels.get(self._suggested, self._suggested))
        )
        self.suggest_button.show()

    def _take_suggestion(self) -> None:
        index = self.unit.findData(self._suggested)
        if index >= 0:
            self.unit.setCurrentIndex(index)
        self.edit.setFocus()

    def _unit_changed(self) -> None:
        self.retranslate()
        self.changed.emit()

    def set_content_language(self, lang: str) -> None:
        super().set_content_language(lang)
        self._fill_units()

    def retranslate(self) -> None:
        self._show_suggestion()
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
