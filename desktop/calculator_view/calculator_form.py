"""The patient form, generated from the engine's ``input_spec()``.

Widgets come from the spec (one per field, grouped as the spec groups them); the form turns them
into the patient dict the engine reads and places the engine's problems beside the field each
one names. Group titles are UI chrome; field labels, choices and units are engine text in the
content language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from desktop.calculator_view.field_values import localized
from desktop.calculator_view.field_widgets import MISSING_CODE, FieldWidget, make_field

translate = QCoreApplication.translate


def group_title(group: str) -> str:
    """Translated title of a spec group; an unknown group shows its code."""
    titles = {
        "patient": translate("CalculatorForm", "Patient"),
        "tumour": translate("CalculatorForm", "Tumour and treatment history"),
        "biomarkers": translate("CalculatorForm", "Biomarkers"),
        "labs": translate("CalculatorForm", "Laboratory values"),
        "safety": translate("CalculatorForm", "Kidney, dental, pregnancy and current bone agent"),
    }
    return titles.get(group, group)


def nested_get(data: Mapping[str, Any], path: str) -> tuple[bool, Any]:
    node: Any = data
    for key in path.split("."):
        if not isinstance(node, Mapping) or key not in node:
            return False, None
        node = node[key]
    return True, node


def _nested_set(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, leaf = path.split(".")
    node = data
    for key in parents:
        node = node.setdefault(key, {})
    node[leaf] = value


class CalculatorForm(QWidget):
    """Every input of the assessment, grouped; emits ``changed`` on any edit."""

    changed = Signal()

    def __init__(self, spec: Sequence[Mapping[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spec = list(spec)
        self._lang = "zh"
        self.fields: dict[str, FieldWidget] = {}
        self._row_labels: dict[str, QLabel] = {}
        self._groups: dict[str, QGroupBox] = {}
        layout = QVBoxLayout(self)
        for entry in self._spec:
            group = entry.get("group") or "other"
            if group not in self._groups:
                box = QGroupBox(self)
                box.setLayout(QFormLayout())
                box.layout().setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
                self._groups[group] = box
                layout.addWidget(box)
            self._add_row(self._groups[group], entry)
        layout.addStretch(1)
        self.set_content_language(self._lang)
        self.retranslate()

    def _add_row(self, box: QGroupBox, entry: Mapping[str, Any]) -> None:
        field = make_field(entry, box)
        label = QLabel(box)
        label.setBuddy(field.focus_target())
        field.changed.connect(self.changed)
        self.fields[field.path] = field
        self._row_labels[field.path] = label
        box.layout().addRow(label, field)

    # -- language ---------------------------------------------------------------------------
    def set_content_language(self, lang: str) -> None:
        """Field labels, choices and help come from the spec in the content language."""
        self._lang = lang
        for path, field in self.fields.items():
            field.set_content_language(lang)
            text = localized(field.spec.get("label") or path, lang)
            self._row_labels[path].setText(f"{text} *" if field.spec.get("required") else text)
            help_text = localized(field.spec.get("help"), lang)
            field.focus_target().setToolTip(help_text)
            self._row_labels[path].setToolTip(help_text)
        self._align_label_columns()

    def _align_label_columns(self) -> None:
        """Each group has its own form layout; one label width for all keeps the fields of every
        group in one straight column instead of a ragged edge per group."""
        labels = list(self._row_labels.values())
        for label in labels:
            label.setMinimumWidth(0)
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)

    def retranslate(self) -> None:
        for group, box in self._groups.items():
            box.setTitle(group_title(group))
        for field in self.fields.values():
            field.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:  # font zoom: labels change width
            self._align_label_columns()
        super().changeEvent(event)

    # -- values -------------------------------------------------------------------------------
    def to_patient(self) -> dict[str, Any]:
        """The patient dict for the engine; fields left empty are omitted (= not given)."""
        patient: dict[str, Any] = {}
        for path, field in self.fields.items():
            value = field.value()
            if value is not None:
                _nested_set(patient, path, value)
        return patient

    def set_patient(self, patient: Mapping[str, Any]) -> None:
        """Show ``patient`` in the form (absent fields return to empty/default); one ``changed``."""
        for path, field in self.fields.items():
            field.blockSignals(True)
            try:
                present, value = nested_get(patient, path)
                field.set_value(value if present else None)
            finally:
                field.blockSignals(False)
        self.changed.emit()

    def clear(self) -> None:
        self.set_patient({})

    def unknown_paths(self, patient: Mapping[str, Any], prefix: str = "") -> list[str]:
        """Dotted paths in ``patient`` that no form field holds (they cannot be shown or edited)."""
        unknown = []
        for key, value in patient.items():
            path = f"{prefix}{key}"
            if path in self.fields:
                continue
            if isinstance(value, Mapping) and any(p.startswith(path + ".") for p in self.fields):
                unknown += self.unknown_paths(value, path + ".")
            else:
                unknown.append(path)
        return unknown

    # -- problems -------------------------------------------------------------------------------
    def field_for(self, problem_path: str) -> FieldWidget | None:
        """The field a dotted problem path belongs to (``labs.creatinine.unit`` -> the lab field)."""
        best: FieldWidget | None = None
        for path, field in self.fields.items():
            if (problem_path == path or problem_path.startswith(path + ".")) and (
                best is None or len(path) > len(best.path)
            ):
                best = field
        return best

    def show_problems(self, problems: Iterable[Any]) -> list[Any]:
        """Put each problem's message beside its field; return those that name no field."""
        placed: dict[str, list[Any]] = {}
        unplaced = []
        for problem in problems:
            field = self.field_for(problem.field)
            if field is None:
                unplaced.append(problem)
            else:
                placed.setdefault(field.path, []).append(problem)
        for path, field in self.fields.items():
            found = placed.get(path, [])
            field.show_message(
                "\n".join(localized(p.message, self._lang) for p in found),
                pending=bool(found) and all(p.code == MISSING_CODE for p in found),
            )
        return unplaced

    def group_box(self, group: str) -> QGroupBox:
        return self._groups[group]

    def row_label(self, path: str) -> str:
        """The label shown for a field (content language; " *" marks a required field)."""
        return self._row_labels[path].text()

    def fields_with_problems(self) -> list[tuple[str, str]]:
        """(path, row label in the content language) of the fields now showing a problem, in form order."""
        return [
            (path, self._row_labels[path].text()) for path, field in self.fields.items() if field.message()
        ]

    def clear_problems(self) -> None:
        for field in self.fields.values():
            field.show_message("")
