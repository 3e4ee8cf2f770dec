"""The patient form, generated from the engine's ``input_spec()``.

Widgets come from the spec (one per field, grouped as the spec groups them); the form turns them
into the patient dict the engine reads and places the engine's problems beside the field each
one names. Group titles are UI chrome; field labels, choices and units are engine text in the
content language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.calculator_view.field_values import localized
from desktop.calculator_view.field_widgets import MISSING_CODE, FieldWidget, make_field
from desktop.calculator_view.form_layout import ENTER_SKIPS_WHEN_ANSWERED, HISTORY, arrange, section_title

translate = QCoreApplication.translate
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


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
    """Every input of the assessment, in sections; emits ``changed`` on any edit.

    Enter moves to the next field (Tab still works); the history section is folded behind
    "Prior therapy / biomarkers" with a one-key "None (first line)" before it.
    """

    changed = Signal()

    def __init__(self, spec: Sequence[Mapping[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spec = list(spec)
        self._lang = "zh"
        self.fields: dict[str, FieldWidget] = {}
        self._row_labels: dict[str, QLabel] = {}
        self._groups: dict[str, QGroupBox] = {}
        self._chain: list[QWidget] = []  # Enter order
        self._history_paths: list[str] = []
        layout = QVBoxLayout(self)
        for section, entries in arrange(self._spec):
            box = QGroupBox(self)
            box.setLayout(QFormLayout())
            box.layout().setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            self._groups[section] = box
            if section == HISTORY:
                layout.addLayout(self._history_header())
                box.hide()
                self._history_paths = [entry["path"] for entry in entries]
            layout.addWidget(box)
            for entry in entries:
                self._add_row(box, entry)
        layout.addStretch(1)
        self.set_content_language(self._lang)
        self.retranslate()

    def _history_header(self) -> QHBoxLayout:
        """ "None (first line)" in one key, or unfold the history to fill it in."""
        self.first_line_button = QPushButton(self)
        self.first_line_button.setObjectName("firstLineButton")
        self.first_line_button.clicked.connect(self.set_first_line)
        self.first_line_button.installEventFilter(self)
        self._chain.append(self.first_line_button)
        self.history_toggle = QToolButton(self)
        self.history_toggle.setCheckable(True)
        self.history_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.history_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.history_toggle.toggled.connect(self.show_history)
        self.history_state = QLabel(self)
        self.history_state.setObjectName("historyState")
        row = QHBoxLayout()
        row.addWidget(self.history_toggle)
        row.addWidget(self.first_line_button)
        row.addWidget(self.history_state, 1)
        return row

    def _add_row(self, box: QGroupBox, entry: Mapping[str, Any]) -> None:
        field = make_field(entry, box)
        label = QLabel(box)
        label.setBuddy(field.focus_target())
        field.changed.connect(self.changed)
        field.changed.connect(lambda path=field.path: self._edited(path))
        field.focus_target().installEventFilter(self)
        self.fields[field.path] = field
        self._row_labels[field.path] = label
        self._chain.append(field.focus_target())
        box.layout().addRow(label, field)

    # -- keyboard and the history fold ---------------------------------------------------------
    def first_focus(self) -> QWidget | None:
        """Where the cursor goes when the calculator is opened."""
        return self._chain[0] if self._chain else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and watched in self._chain
        ):
            if watched is self.first_line_button:
                self.first_line_button.click()
            self.focus_next(watched)  # type: ignore[arg-type]
            return True
        return super().eventFilter(watched, event)

    def focus_next(self, current: QWidget) -> None:
        """Put the cursor in the next visible field after ``current`` (Enter)."""
        start = self._chain.index(current) + 1 if current in self._chain else 0
        for widget in self._chain[start:]:
            if widget.isVisibleTo(self) and widget.isEnabled() and not self._skipped_by_enter(widget):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return

    def _skipped_by_enter(self, widget: QWidget) -> bool:
        for detail, question in ENTER_SKIPS_WHEN_ANSWERED.items():
            if detail in self.fields and self.fields[detail].focus_target() is widget:
                asked = self.fields.get(question)
                return asked is not None and asked.value() is not None
        return False

    def show_history(self, shown: bool = True) -> None:
        box = self._groups.get(HISTORY)
        if box is None:
            return
        box.setVisible(shown)
        self.history_toggle.blockSignals(True)
        self.history_toggle.setChecked(shown)
        self.history_toggle.blockSignals(False)
        self.history_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def set_first_line(self) -> None:
        """No prior therapy, first line: line 1 and no prior therapy, said explicitly; the other
        history fields (biomarkers, adjuvant therapy) return to their defaults ("not tested")."""
        explicit = {"line": 1, "prior_therapies": []}
        for path in self._history_paths:
            field = self.fields[path]
            field.blockSignals(True)
            try:
                field.set_value(explicit.get(path))
            finally:
                field.blockSignals(False)
        self._first_line = True
        self._show_history_state()
        self.changed.emit()

    def _edited(self, path: str) -> None:
        if path in self._history_paths and getattr(self, "_first_line", False):
            self._first_line = False
            self._show_history_state()

    def _show_history_state(self) -> None:
        if not hasattr(self, "history_state"):
            return
        self.history_state.setText(
            translate("CalculatorForm", "✔ No prior therapy, first line")
            if getattr(self, "_first_line", False)
            else ""
        )

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
            # The fold's own button names the history section; a second title would repeat it.
            box.setTitle("" if group == HISTORY else section_title(group))
        for field in self.fields.values():
            field.retranslate()
        if hasattr(self, "history_toggle"):
            self.history_toggle.setText(section_title(HISTORY))
            self.first_line_button.setText(translate("CalculatorForm", "None (first line)"))
            self.first_line_button.setToolTip(
                translate("CalculatorForm", "No prior therapy for advanced disease; biomarkers not tested")
            )
            self._show_history_state()

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
        self._first_line = False
        self._show_history_state()
        # A loaded history is shown, not hidden behind the fold.
        self.show_history(any(nested_get(patient, path)[0] for path in self._history_paths))
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
        if any(path in placed for path in self._history_paths):
            self.show_history(True)  # a problem is never hidden behind the fold
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
