"""The main window's menus: File, View (with Language) and Help, their shortcuts and their texts.

Every action is added to the window as well, so its shortcut works with the menu bar hidden. The
window says what each action does (`slots`, by action name); the texts are set again on every
language change (`retranslate`), in the window's translation context.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

translate = QCoreApplication.translate  # lupdate needs a literal context in each call

LANGUAGE_NAMES = {"zh": "中文", "en": "English"}  # each in its own language: never translated
_KEYS = QKeySequence.StandardKey
SEPARATOR = None
# Each menu's actions in display order: (name, shortcuts); SEPARATOR draws a line.
FILE_ACTIONS = (
    ("new_patient", ("Ctrl+N",)),
    ("load_patient", ("Ctrl+O",)),
    ("copy_for_chart", ("Ctrl+Shift+C",)),
    ("print", (_KEYS.Print,)),
    ("print_preview", ("Ctrl+Shift+P",)),
    ("save_pdf", ("Ctrl+Shift+S",)),
    SEPARATOR,
    ("quit", (_KEYS.Quit, "Ctrl+Q")),
)
VIEW_ACTIONS = (
    ("show_library", ("Ctrl+1",)),
    ("show_calculator", ("Ctrl+2",)),
    ("show_scores", ("Ctrl+3",)),
    ("search", ("Ctrl+K", "Ctrl+L")),
    SEPARATOR,
    ("zoom_in", (_KEYS.ZoomIn, "Ctrl+=")),
    ("zoom_out", (_KEYS.ZoomOut,)),
    ("zoom_reset", ("Ctrl+0",)),
)
HELP_ACTIONS = (("intended_use", ()), ("about", ()))

Shortcut = QKeySequence.StandardKey | str
ActionRow = tuple[str, tuple[Shortcut, ...]] | None


class MainMenus:
    def __init__(
        self,
        window: QMainWindow,
        slots: Mapping[str, Callable[[], object]],
        set_language: Callable[[str], None],
    ) -> None:
        self.window = window
        self.actions: dict[str, QAction] = {}
        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        self._add(self.file_menu, FILE_ACTIONS, slots)
        self.view_menu = bar.addMenu("")
        self._add(self.view_menu, VIEW_ACTIONS, slots)
        self.language_menu = self.view_menu.addMenu("")
        self._add(self.language_menu, (("toggle_language", ("Ctrl+Shift+L",)), SEPARATOR), slots)
        self.language_actions: dict[str, QAction] = {}
        for code, label in LANGUAGE_NAMES.items():
            action = self.language_menu.addAction(label)
            action.setCheckable(True)
            action.triggered.connect(lambda checked=False, code=code: set_language(code))
            self.language_actions[code] = action
        self.help_menu = bar.addMenu("")
        self._add(self.help_menu, HELP_ACTIONS, slots)

    def _add(
        self, menu: QMenu, rows: tuple[ActionRow, ...], slots: Mapping[str, Callable[[], object]]
    ) -> None:
        for row in rows:
            if row is SEPARATOR:
                menu.addSeparator()
                continue
            name, shortcuts = row
            action = QAction(self.window)
            action.setObjectName(name)
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            slot = slots[name]
            action.triggered.connect(lambda checked=False, slot=slot: slot())
            self.window.addAction(action)  # shortcuts work even when the menu bar is hidden
            self.actions[name] = action
            menu.addAction(action)

    def check_language(self, language: str) -> None:
        for code, action in self.language_actions.items():
            action.setChecked(code == language)

    def retranslate(self) -> None:
        self.file_menu.setTitle(translate("MainWindow", "&File"))
        self.view_menu.setTitle(translate("MainWindow", "&View"))
        self.help_menu.setTitle(translate("MainWindow", "&Help"))
        # "&Library" already takes L in the View menu.
        self.language_menu.setTitle(translate("MainWindow", "Lan&guage"))
        for name, text in (
            ("new_patient", translate("MainWindow", "&New patient")),
            ("load_patient", translate("MainWindow", "&Open patient file…")),
            ("copy_for_chart", translate("MainWindow", "&Copy for chart")),
            ("print", translate("MainWindow", "&Print…")),
            ("print_preview", translate("MainWindow", "Print pre&view…")),
            ("save_pdf", translate("MainWindow", "Save as P&DF…")),
            ("quit", translate("MainWindow", "&Quit")),
            ("show_library", translate("MainWindow", "&Library")),
            ("show_calculator", translate("MainWindow", "&Calculator")),
            ("show_scores", translate("MainWindow", "Scor&es")),  # O is "Zoom &out"
            ("search", translate("MainWindow", "&Search")),
            ("zoom_in", translate("MainWindow", "Zoom &in")),
            ("zoom_out", translate("MainWindow", "Zoom &out")),
            ("zoom_reset", translate("MainWindow", "&Reset zoom")),
            ("toggle_language", translate("MainWindow", "&Switch 中文/English")),
            ("intended_use", translate("MainWindow", "&Intended use and disclaimer")),
            ("about", translate("MainWindow", "&About BoneMet Guide")),
        ):
            self.actions[name].setText(text)
