"""Find in page for a QTextBrowser: a slim bar that opens with Ctrl+F and closes with Esc."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextBrowser, QToolButton, QWidget

translate = QCoreApplication.translate  # lupdate needs a literal context in each call
MAX_COUNTED = 999  # counting stops here: a longer count says nothing more to the reader


class FindBar(QWidget):
    def __init__(self, browser: QTextBrowser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._browser = browser
        self.edit = QLineEdit(self)
        self.edit.setObjectName("findBox")
        self.edit.setClearButtonEnabled(True)
        self.edit.installEventFilter(self)
        self.edit.textChanged.connect(lambda: self.find(from_start=True))
        self.previous_button = QToolButton(self)
        self.previous_button.clicked.connect(lambda: self.find(backward=True))
        self.next_button = QToolButton(self)
        self.next_button.clicked.connect(lambda: self.find())
        self.close_button = QToolButton(self)
        self.close_button.clicked.connect(self.close_bar)
        self.message = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.edit, self.previous_button, self.next_button, self.message):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.close_button)
        self.retranslate()
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def document_changed(self) -> None:
        """A new document is shown: the old "3 of 12" would describe a page no longer there."""
        self.message.clear()

    def find(self, backward: bool = False, from_start: bool = False) -> bool:
        """Select the next (or previous) match; wraps around once. True when something was found."""
        text = self.edit.text()
        self.message.clear()
        if not text:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if from_start:
            cursor = self._browser.textCursor()
            cursor.setPosition(cursor.selectionStart())
            self._browser.setTextCursor(cursor)
        found = self._browser.find(text, flags)
        if not found:
            cursor = self._browser.textCursor()  # wrap around and try once more
            cursor.movePosition(cursor.MoveOperation.End if backward else cursor.MoveOperation.Start)
            self._browser.setTextCursor(cursor)
            found = self._browser.find(text, flags)
        if not found:
            self.message.setText(translate("FindBar", "Not found"))
            return False
        self._show_position(text)
        return True

    def _show_position(self, text: str) -> None:
        """ "3 of 12": how far through the matches the selected one is."""
        document = self._browser.document()
        selected_start = self._browser.textCursor().selectionStart()
        count, position = 0, 0
        cursor = document.find(text)
        while not cursor.isNull() and count < MAX_COUNTED:
            count += 1
            if cursor.selectionStart() == selected_start:
                position = count
            cursor = document.find(text, cursor)
        total = f"{count}+" if count >= MAX_COUNTED else str(count)
        self.message.setText(
            translate("FindBar", "%1 of %2").replace("%1", str(position)).replace("%2", total)
        )

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(translate("FindBar", "Find in page"))
        self.previous_button.setText(translate("FindBar", "Previous"))
        self.next_button.setText(translate("FindBar", "Next"))
        self.close_button.setText(translate("FindBar", "Close"))
        self.close_button.setToolTip(translate("FindBar", "Close the find bar (Esc)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.find(backward=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
                return True
        return super().eventFilter(watched, event)
