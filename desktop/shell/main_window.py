"""The main window: Library, Calculator and Scores views, menus, language, zoom and window state.

Only the view on screen is built before the window shows (desktop/shell/lazy_tabs.py); the others
are built when first opened, or one by one in idle moments once the backend has answered.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from desktop.assets import icon
from desktop.background import run_in_background
from desktop.library_view.bookmarks import ReadingLists
from desktop.library_view.search_controller import SearchController
from desktop.shell.backend_events import BackendEvents
from desktop.shell.fonts import FontZoom
from desktop.shell.i18n import LanguageSwitcher
from desktop.shell.lazy_tabs import LazyTabs, ViewSpec
from desktop.shell.menus import MainMenus
from desktop.shell.settings import Settings

if TYPE_CHECKING:  # the loader's module is imported by the loader, after the first paint
    from desktop.library_view.library_source import Backend

translate = QCoreApplication.translate  # lupdate needs a literal context in each call

log = logging.getLogger(__name__)
LIBRARY_TAB, CALCULATOR_TAB, SCORES_TAB = 0, 1, 2  # the positions of the views in MainWindow._view_specs
LIBRARY, CALCULATOR, SCORES = "library", "calculator", "scores"
IDLE_BUILD_DELAY_MS = 100  # after the backend answered: let its answer paint before building more
DEFAULT_SIZE = (1280, 760)
FRAME_ALLOWANCE = 40  # the window frame and title bar sit outside the size given to resize()


class _SearchKeyGuard(QObject):
    """Keeps Ctrl+K / Ctrl+L for "go to search" even inside a text field: on X11 a QLineEdit
    claims Ctrl+K (delete to end of line) and the window shortcut would never fire."""

    KEYS = (QKeySequence("Ctrl+K"), QKeySequence("Ctrl+L"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if any(pressed.matches(key) == QKeySequence.SequenceMatch.ExactMatch for key in self.KEYS):
                event.ignore()
                return True  # not accepted: the shortcut map now triggers the window's action
        return False


class MainWindow(QMainWindow):
    # The backend has answered (search ready, or failed): what was put off so that search is
    # ready sooner (the reader, the log file) may start now.
    backendSettled = Signal()

    def __init__(
        self,
        settings: Settings,
        lists: ReadingLists,
        switcher: LanguageSwitcher,
        zoom: FontZoom | None = None,
        calculator: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("app"))
        self.settings = settings
        self.lists = lists
        self.switcher = switcher
        self.zoom = zoom
        self.source: Any = None
        self._pool = QThreadPool(self)
        self.controller = SearchController(self)
        self.backend_events = BackendEvents(self)
        self.backend_events.indexReady.connect(
            lambda index, verify: self.controller.set_index(index, verify=verify)
        )
        self.backend_events.libraryReady.connect(self._library_before_index)
        self.backend_events.indexProgress.connect(self.controller.set_progress)
        self._calculator_given = calculator
        # Guards the search box from its first moment (see _make_library) but every text field
        # only once search is ready: an application-wide filter written in Python sees every
        # event, and handing the first paint's events to Python made PySide create the Python
        # types of every widget class on screen (about 40 ms, issue 14).
        self._key_guard = _SearchKeyGuard(self)
        self._key_guard_everywhere = False
        self.tabs = LazyTabs(self._view_specs(), self)
        self.tabs.setObjectName("views")
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.menus = MainMenus(self, self._menu_slots(), self.set_language)
        self._language_applied = self.switcher.language
        self.retranslate()
        self._restore_state()
        self._apply_language(self.switcher.language)
        self.tabs.view(self.tabs.current_name())  # the one view built before the window shows
        self.tabs.currentWidget().setFocus()  # the search box on the Library view: type at once
        notices = [n for n in [settings.notice, *lists.notices()] if n]
        if notices:
            self.statusBar().showMessage(" ".join(notices))

    # -- views ----------------------------------------------------------------------------
    def _view_specs(self) -> list[ViewSpec]:
        """The views, in tab order (LIBRARY_TAB, CALCULATOR_TAB, SCORES_TAB); each built on first use."""
        return [
            ViewSpec(
                LIBRARY, icon("library"), lambda: translate("MainWindow", "Library"), self._make_library
            ),
            ViewSpec(
                CALCULATOR,
                icon("calculator"),
                lambda: translate("MainWindow", "Calculator"),
                self._make_calculator,
            ),
            ViewSpec(SCORES, icon("scores"), lambda: translate("MainWindow", "Scores"), self._make_scores),
        ]

    @property
    def library(self) -> Any:  # LibraryPage, built on first use
        return self.tabs.view(LIBRARY)

    @property
    def calculator(self) -> Any:  # CalculatorPage (or the stand-in a test gave), built on first use
        return self.tabs.view(CALCULATOR)

    @property
    def scores(self) -> Any:  # ScoresPage, built on first use
        return self.tabs.view(SCORES)

    def _make_library(self) -> QWidget:
        from desktop.library_view.library_page import LibraryPage

        page = LibraryPage(self.controller, self.lists, self)
        page.search_panel.search_box.installEventFilter(self._key_guard)
        page.openScore.connect(self.open_score)  # "在评分中打开" links in the library
        page.restore_splitter(self.settings.get("library_splitter"))
        page.set_language(self._language_applied)
        if self.zoom is not None:
            page.set_text_scale(self.zoom.factor())
        if self.source is not None:
            page.set_source(self.source)
        return page

    def _make_calculator(self) -> QWidget:
        page = self._calculator_given
        if page is None:
            from desktop.calculator_view.calculator_page import CalculatorPage

            page = CalculatorPage(self, ref_title=self._reference_title)
        page.openReference.connect(self.open_reference)
        page.set_content_language(self._language_applied)
        return page

    def _make_scores(self) -> QWidget:
        from desktop.scores_view.scores_page import ScoresPage

        page = ScoresPage(self)
        page.openReference.connect(self.open_reference)
        page.set_content_language(self._language_applied)
        return page

    def build_views_when_idle(self) -> None:
        """Build the views not built yet, one per idle moment, so the window keeps answering."""

        def next_one() -> None:
            if self.tabs.build_next():
                QTimer.singleShot(IDLE_BUILD_DELAY_MS, self, next_one)

        QTimer.singleShot(IDLE_BUILD_DELAY_MS, self, next_one)

    def focus_current_view(self) -> None:
        self.tabs.currentWidget().setFocus()

    def finish_first_view(self) -> None:
        """Once search is ready (or the index is being built): build what the view on screen left
        out to show sooner. Built earlier, the reader would compete with the search index's loading
        for the interpreter; it is built at once anyway when a hit, a link or a list opens a page."""
        page = self.tabs.built(LIBRARY)
        if page is not None:
            page.build_reader()

    # -- start-up ---------------------------------------------------------------------------
    def load_backend(self, loader: Callable[[], Backend]) -> None:
        """Run `loader` (library + search index) off the UI thread; the window stays usable. The
        loader reports an opened index before the library, or, when the index must be built, the
        library early and the build's progress (`backend_events`)."""
        run_in_background(self._pool, self, loader, self.set_backend, self._backend_failed)

    def _library_before_index(self, source: Any) -> None:
        """The library is read but the search index must be built first (seconds): the reader now."""
        self._set_source(source)
        self.finish_first_view()

    def _settle(self) -> None:
        self._guard_search_keys()
        self.finish_first_view()
        self.backendSettled.emit()

    def _guard_search_keys(self) -> None:
        if not self._key_guard_everywhere:
            self._key_guard_everywhere = True
            QApplication.instance().installEventFilter(self._key_guard)

    def _set_source(self, source: Any) -> None:
        self.source = source
        page = self.tabs.built(LIBRARY)
        if page is not None:
            page.set_source(source)

    def set_backend(self, backend: Backend) -> None:
        if backend.source is not self.source:
            self._set_source(backend.source)
        self.build_views_when_idle()
        if backend.search_index is None:
            self.controller.set_failed()
            self.statusBar().showMessage(
                translate("MainWindow", "Search is unavailable: %1").replace("%1", backend.search_error)
            )
        elif backend.search_index is self.controller.current_index():  # reported before the library
            self.controller.set_repair(backend.search_index, backend.repair)
        else:
            self.controller.set_index(
                backend.search_index, backend.index_rebuilt, backend.repair, backend.verify
            )
        QTimer.singleShot(0, self, self._settle)  # after "ready" has been painted

    def _backend_failed(self, error: Exception) -> None:
        log.error("library unavailable: %s", error)
        self.build_views_when_idle()
        self.controller.set_failed()
        self.statusBar().showMessage(
            translate("MainWindow", "The guideline library could not be loaded: %1").replace("%1", str(error))
        )
        self._settle()

    def ask_disclaimer(self) -> bool:
        """First run: intended use and disclaimer, accepted once. False when the user declines."""
        if self.settings.get("disclaimer_accepted"):
            return True
        from desktop import dialogs  # imported when needed: its Qt classes cost start-up time

        if not dialogs.first_run_disclaimer(self):
            return False
        self.settings.set("disclaimer_accepted", True)
        self.settings.save()
        return True

    # -- actions ----------------------------------------------------------------------------
    def show_view(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        self.tabs.currentWidget().setFocus()

    def focus_search(self) -> None:
        self.tabs.show_view(LIBRARY).search_panel.focus_search()

    def open_reference(self, reference: str) -> None:
        if self.source is None:  # a citation followed in the first seconds, before the library is read
            self.statusBar().showMessage(
                translate("MainWindow", "The guideline library is still loading; try again in a moment."),
                5000,
            )
        elif self.library.open_reference(reference):
            self.tabs.setCurrentIndex(LIBRARY_TAB)
            self.library.reader.browser.setFocus()
        else:
            self.statusBar().showMessage(
                translate("MainWindow", "Not found in the library: %1").replace("%1", reference), 5000
            )

    def open_score(self, name: str) -> None:
        """A "scores:<name>" link from the library: the Scores view with that score in front."""
        if self.scores.show_score(name):
            self.tabs.setCurrentIndex(SCORES_TAB)
            self.scores.show_score(name)  # focus again: the tab change moved it to the page

    def set_language(self, language: str) -> None:
        """Switch UI and content language at runtime and remember the choice."""
        self.settings.set("language", language)
        self.settings.save()
        self.switcher.apply(language)  # Qt then sends LanguageChange to every widget
        self._apply_language(language)

    def toggle_language(self) -> None:
        """中文 <-> English in one shortcut (Ctrl+Shift+L)."""
        self.set_language("en" if self.switcher.language == "zh" else "zh")

    def change_zoom(self, step: int) -> None:
        if self.zoom is None:
            return
        steps = self.zoom.reset() if step == 0 else self.zoom.set_steps(self.zoom.steps + step)
        page = self.tabs.built(LIBRARY)
        if page is not None:  # an unbuilt library page takes the zoom when it is built
            page.set_text_scale(self.zoom.factor())
        self.settings.set("zoom", steps)
        self.settings.save()

    def _apply_language(self, language: str) -> None:
        """Views not built yet take the language when they are built."""
        self._language_applied = language
        library = self.tabs.built(LIBRARY)
        if library is not None:
            library.set_language(language)
        for name in (CALCULATOR, SCORES):
            page = self.tabs.built(name)
            if page is not None:
                page.set_content_language(language)
        self.menus.check_language(language)

    def _reference_title(self, reference: str, lang: str) -> str | None:
        if self.source is None:
            return None
        return self.source.reference_title(reference, lang)

    def _intended_use(self) -> None:
        from desktop import dialogs

        dialogs.show_intended_use(self)

    def _about(self) -> None:
        from guideline_content import content_version, edition_date

        sources = self.source.sources() if self.source is not None else []
        from desktop import dialogs

        dialogs.show_about(self, content_version(), edition_date(), sources)

    # -- menus ------------------------------------------------------------------------------
    def _on_calculator(self, method: str, on_scores: str | None = None) -> Callable[[], None]:
        """File-menu output acts on the calculator, or on the scores when that view is showing
        (each page is built, and the calculator shown, when first needed)."""

        def run() -> None:
            if on_scores is not None and self.tabs.currentIndex() == SCORES_TAB:
                getattr(self.scores, on_scores)()
                return
            self.show_view(CALCULATOR_TAB)
            getattr(self.calculator, method)()

        return run

    def _menu_slots(self) -> dict[str, Callable[[], object]]:
        """What each menu action does (desktop/shell/menus.py lays them out)."""
        return {
            "new_patient": self._on_calculator("new_patient"),
            "load_patient": self._on_calculator("load_patient_file"),
            "copy_for_chart": self._on_calculator("copy_for_chart", "copy_for_chart"),
            "print": self._on_calculator("print_report", "print_report"),
            "print_preview": self._on_calculator("print_preview"),
            "save_pdf": self._on_calculator("save_pdf"),
            "quit": self.close,
            "show_library": lambda: self.show_view(LIBRARY_TAB),
            "show_calculator": lambda: self.show_view(CALCULATOR_TAB),
            "show_scores": lambda: self.show_view(SCORES_TAB),
            "search": self.focus_search,
            "zoom_in": lambda: self.change_zoom(1),
            "zoom_out": lambda: self.change_zoom(-1),
            "zoom_reset": lambda: self.change_zoom(0),
            "toggle_language": self.toggle_language,
            "intended_use": self._intended_use,
            "about": self._about,
        }

    def retranslate(self) -> None:
        self.setWindowTitle(translate("MainWindow", "BoneMet Guide — breast cancer bone metastases"))
        self.tabs.retranslate()
        self.menus.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- window state -----------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.get("window_geometry")
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self._first_size()
        state = self.settings.get("window_state")
        if not state.isEmpty():
            self.restoreState(state)
        last = self.settings.get("last_view")
        self.tabs.setCurrentIndex(self.tabs.index_of(last) if last in self.tabs.names() else LIBRARY_TAB)

    def _first_size(self) -> None:
        """Preferred size, but never taller or wider than the screen's free area: 1366×768 less
        the taskbar, or the same screen at 125–150 % scaling, is smaller than the preference."""
        screen = self.screen() or QApplication.primaryScreen()
        width, height = DEFAULT_SIZE
        if screen is not None:
            free = screen.availableGeometry()
            width = min(width, free.width() - FRAME_ALLOWANCE)
            height = min(height, free.height() - FRAME_ALLOWANCE)
        self.resize(width, height)

    def save_state(self) -> bool:
        self.settings.set("window_geometry", self.saveGeometry())
        self.settings.set("window_state", self.saveState())
        library = self.tabs.built(LIBRARY)
        if library is not None:  # else the saved splitter is still the one to restore
            self.settings.set("library_splitter", library.splitter_state())
        self.settings.set("last_view", self.tabs.current_name())
        return self.settings.save()

    def shutdown(self) -> None:
        """Let background work finish so no answer arrives at a deleted window."""
        self.controller.wait_idle()
        self._pool.waitForDone()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.shutdown()
        super().closeEvent(event)
