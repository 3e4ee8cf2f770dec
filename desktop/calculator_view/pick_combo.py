"""A drop-down that picks by typing: pinyin initials ("yx" → 阳性), leading characters, or the
English word, whatever the display language. Qt's own search only matches the shown text."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QComboBox, QWidget

from desktop.calculator_view.choice_keys import matches


class PickCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keys: list[list[str]] = []
        self._typed = ""
        # Chinese typed through an input method arrives as committed text, not key presses.
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)

    def set_item_keys(self, keys: Sequence[Sequence[str]]) -> None:
        """Match keys per item, in item order (an item without keys is never picked by typing)."""
        self._keys = [list(k) for k in keys]

    def typed(self) -> str:
        return self._typed

    def type_text(self, text: str) -> None:
        for char in text:
            self._type_char(char)

    def _type_char(self, char: str) -> None:
        candidate = self._typed + char
        hits = matches(candidate, self._keys)
        if not hits and candidate == char * len(candidate):
            # The same key again: step through the items it matches (y, y → 阳性, then 阴性…).
            hits = matches(char, self._keys)
            if hits:
                later = [i for i in hits if i > self.currentIndex()]
                self._typed = candidate
                self.setCurrentIndex((later or hits)[0])
                return
        if not hits:
            candidate, hits = char, matches(char, self._keys)
        if hits:
            self._typed = candidate
            self.setCurrentIndex(hits[0])
        else:
            self._typed = ""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        text = event.text()
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        if plain and len(text) == 1 and text.isprintable() and not text.isspace():
            self._type_char(text)
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Escape):
            self._typed = ""
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 (Qt override)
        if event.commitString():
            self.type_text(event.commitString())
        event.accept()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        self._typed = ""
        super().focusOutEvent(event)
