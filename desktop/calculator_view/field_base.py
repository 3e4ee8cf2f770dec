"""The base of every form editor: the editor plus the message line where the engine's problems appear."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

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
