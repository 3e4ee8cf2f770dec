"""The result side of the calculator: a status line and the assessment in a QTextBrowser.

It shows either a current assessment or, while the input cannot be assessed, no result at all:
the status line then says why, listing the problems that name no form field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.calculator_view.assessment_html import AssessmentHtml, FieldLabel, RefTitle, TextFor
from desktop.calculator_view.field_values import localized
from desktop.calculator_view.field_widgets import ERROR_STYLE
from desktop.offline_browser import OfflineBrowser

translate = QCoreApplication.translate


class AssessmentView(QWidget):
    """Shows one assessment; emits ``openReference("doc-id#anchor")`` when a citation is followed."""

    openReference = Signal(str)  # noqa: N815 (Qt signal naming)
    fieldRequested = Signal(str)  # noqa: N815 (Qt signal naming) - a marked field's path was clicked

    def __init__(
        self,
        text_for: TextFor,
        ref_title: RefTitle | None = None,
        parent: QWidget | None = None,
        *,
        field_label: FieldLabel | None = None,
    ) -> None:
        super().__init__(parent)
        self._text_for = text_for
        self.ref_title = ref_title
        self.field_label = field_label
        self._assessment: Mapping[str, Any] | None = None
        self._problems: list[Any] = []
        self._problem_count = 0
        self._marked_fields: list[tuple[str, str]] = []
        self._only_missing = False
        self._lang = "zh"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel(self)
        self.status.setObjectName("assessmentStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.linkActivated.connect(self._status_link)
        self.browser = OfflineBrowser(self)
        self.browser.setObjectName("assessmentBrowser")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        layout.addWidget(self.status)
        layout.addWidget(self.browser, 1)
        self._render()

    @property
    def assessment(self) -> Mapping[str, Any] | None:
        return self._assessment

    def set_content_language(self, lang: str) -> None:
        self._lang = lang
        self._render()

    def show_assessment(self, assessment: Mapping[str, Any]) -> None:
        self._assessment, self._problems, self._problem_count = assessment, [], 0
        self._render()

    def show_invalid(
        self,
        problem_count: int,
        unplaced: Iterable[Any],
        marked_fields: Iterable[tuple[str, str]] = (),
        *,
        only_missing: bool = False,
    ) -> None:
        """No result: ``problem_count`` problems; ``marked_fields`` are (path, label) of the fields
        marked in the form, ``unplaced`` are the problems that name no form field (listed here in full);
        ``only_missing`` when the one thing wrong is required fields still empty."""
        self._assessment, self._problems, self._problem_count = None, list(unplaced), problem_count
        self._only_missing = only_missing
        self._marked_fields = list(marked_fields)
        self._render()

    def _render(self) -> None:
        if self._assessment is None:
            self.browser.clear()
            self.browser.setEnabled(False)
            self.status.setStyleSheet(ERROR_STYLE if self._problem_count and not self._only_missing else "")
            self.status.setText(self._status_text())
            self._links_in_status(bool(self._marked_fields))
            return
        scroll = self.browser.verticalScrollBar().value()
        html = AssessmentHtml(
            self._assessment, self._lang, self._text_for, self.ref_title, field_label=self.field_label
        ).page()
        self.browser.setEnabled(True)
        self.browser.setHtml(html)
        self.browser.verticalScrollBar().setValue(scroll)  # keep the reader's place while editing
        self.status.setStyleSheet("")
        self.status.setText(
            escape(
                translate("AssessmentView", "Partial assessment: the sections marked ○ wait for input.")
                if self._assessment.get("pending")
                else translate("AssessmentView", "Assessment of the current input.")
            )
        )
        self._links_in_status(False)

    def _links_in_status(self, has_links: bool) -> None:
        """A marked field may be scrolled out of sight, so its name in the status line is a link
        (mouse and keyboard) that shows it; without links the line is no stop for the Tab key."""
        flags = Qt.TextInteractionFlag.NoTextInteraction
        if has_links:
            flags = (
                Qt.TextInteractionFlag.LinksAccessibleByMouse
                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            )
        self.status.setTextInteractionFlags(flags)
        self.status.setFocusPolicy(Qt.FocusPolicy.StrongFocus if has_links else Qt.FocusPolicy.NoFocus)

    def _status_text(self) -> str:
        if not self._problem_count:
            return escape(translate("AssessmentView", "Fill in the form to see the assessment."))
        if self._only_missing:
            return escape(
                translate("AssessmentView", "Fill in the required fields (*) to see the assessment.")
            )
        lines = [
            translate(
                "AssessmentView",
                "No result: correct the input marked in the form (%n problem(s)).",
                "",
                self._problem_count,
            )
        ]
        for problem in self._problems:
            where = f"{problem.field}: " if problem.field else ""
            lines.append(f"⚠ {where}{localized(problem.message, self._lang)}")
        html_lines = [escape(line) for line in lines]
        if self._marked_fields:
            links = "; ".join(
                f'<a href="field:{escape(path, quote=True)}">{escape(label)}</a>'
                for path, label in self._marked_fields
            )
            html_lines.insert(
                1, escape(translate("AssessmentView", "Marked fields: %1")).replace("%1", links)
            )
        return "<br>".join(html_lines)

    def _status_link(self, link: str) -> None:
        if link.startswith("field:"):
            self.fieldRequested.emit(link.removeprefix("field:"))

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == "field":
            self.fieldRequested.emit(url.path())
        elif url.scheme() == "doc":
            target = url.path() + (f"#{url.fragment()}" if url.fragment() else "")
            self.openReference.emit(target)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
