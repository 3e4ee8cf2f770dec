"""Tabs whose pages are built when they are first needed.

Building every view before the window shows made the window wait for widgets nobody looks at
yet (the calculator form alone took about 400 ms). Each tab starts as an empty holder; its view is
built the first time the tab is shown or the view is asked for (`view(name)`), or by
`build_next()`, which the window calls in an idle moment after the first paint. Views are
declared as a list of `ViewSpec`s, so adding a view is adding one entry.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ViewSpec:
    name: str  # what settings ("last_view") and the command line (--view) call it
    icon: QIcon
    title: Callable[[], str]  # the translated tab text, asked again on every language change
    build: Callable[[], QWidget]  # makes the view; the tabs reparent it into its holder


class LazyTabs(QTabWidget):
    viewBuilt = Signal(str)  # the name of a view that was just built

    def __init__(self, specs: list[ViewSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.specs = list(specs)
        self._views: dict[str, QWidget] = {}
        self._building: set[str] = set()
        for spec in self.specs:
            holder = QWidget(self)
            holder.setObjectName(f"{spec.name}Holder")
            layout = QVBoxLayout(holder)
            layout.setContentsMargins(0, 0, 0, 0)
            self.addTab(holder, spec.icon, "")
        self.currentChanged.connect(lambda index: self._build_at(index))

    def names(self) -> list[str]:
        return [spec.name for spec in self.specs]

    def index_of(self, name: str) -> int:
        return self.names().index(name)

    def current_name(self) -> str:
        return self.specs[self.currentIndex()].name

    def show_view(self, name: str) -> QWidget:
        self.setCurrentIndex(self.index_of(name))
        return self.view(name)

    def built(self, name: str) -> QWidget | None:
        """The view if it has been built, else None (never builds)."""
        return self._views.get(name)

    def view(self, name: str) -> QWidget:
        """The view, built now if it has not been yet."""
        if name not in self._views:
            self._build(self.index_of(name))
        return self._views[name]

    def build_next(self) -> bool:
        """Build the first view not built yet; False when every view exists."""
        for index, spec in enumerate(self.specs):
            if spec.name not in self._views:
                self._build(index)
                return True
        return False

    def retranslate(self) -> None:
        for index, spec in enumerate(self.specs):
            self.setTabText(index, spec.title())

    def _build_at(self, index: int) -> None:
        if 0 <= index < len(self.specs) and self.specs[index].name not in self._views:
            self._build(index)

    def _build(self, index: int) -> None:
        spec = self.specs[index]
        if spec.name in self._building:  # a view's own set-up asked for itself: it is on its way
            raise RuntimeError(f"view {spec.name!r} asked for itself while being built")
        self._building.add(spec.name)
        try:
            view = spec.build()
        finally:
            self._building.discard(spec.name)
        holder = self.widget(index)
        holder.layout().addWidget(view)
        # The layout would show the view only on the next event-loop pass; focus set right after a
        # first open (a menu action, a link) needs it shown now. Under a hidden tab it stays hidden.
        view.show()
        holder.setFocusProxy(view)
        self._views[spec.name] = view
        log.debug("view %s built", spec.name)
        self.viewBuilt.emit(spec.name)
