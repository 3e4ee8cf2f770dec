"""Search hits as a list model, and a delegate that draws each hit as a small rich-text card:
title and language tag on the first line, the snippet (matched terms in bold) below it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QTextDocument
from PySide6.QtWidgets import QStyledItemDelegate

from desktop.item_roles import ACCESSIBLE_TEXT_ROLE, DISPLAY_ROLE, TOOLTIP_ROLE, USER_ROLE

if TYPE_CHECKING:  # QStyle's Python types cost ~15 ms to create: made when results are first painted
    from PySide6.QtWidgets import QStyleOptionViewItem

HitRole = USER_ROLE + 1
CardHtmlRole = USER_ROLE + 2
AnyIndex = QModelIndex | QPersistentModelIndex
MATCH_BACKGROUND = "#fff2a8"  # the same yellow as the reader's highlight of matched terms


def language_tag(lang: str) -> str:
    return {
        "zh": QCoreApplication.translate("Results", "Chinese"),
        "en": QCoreApplication.translate("Results", "English"),
    }.get(lang, lang)


def card_html(hit: Any) -> str:
    """Title, section and language tag, then the snippet; the snippet HTML is trusted (<b> marks)."""
    import html  # with its entity table, ~2 ms: imported when the first card is drawn, not at start

    section = f" › {html.escape(hit.section)}" if getattr(hit, "section", "") else ""
    missing = getattr(hit, "missing", ())
    lacks = ""
    if missing:  # a partial match names the words it lacks, as a web search does
        words = " ".join(f"<s>{html.escape(word)}</s>" for word in missing)
        lacks = "<br><span style='color:#8a5a00'>{}</span>".format(
            html.escape(QCoreApplication.translate("Results", "Missing: %1")).replace("%1", words)
        )
    return (
        f"<b>{html.escape(hit.title)}</b>{section} "
        f"<span style='color:#5a6b7b'>[{html.escape(language_tag(hit.lang))}]</span>"
        f"<br><span style='color:#333'>{mark_matches(hit.snippet_html)}</span>{lacks}"
    )


def mark_matches(snippet_html: str) -> str:
    """The search marks matches with <b>; they get the reader's highlight colour as well, so the
    words a doctor looked for stand out the same way in the list and in the document."""
    return snippet_html.replace("<b>", f"<b><span style='background-color:{MATCH_BACKGROUND}'>").replace(
        "</b>", "</span></b>"
    )


class ResultsModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._hits: list[Any] = []

    def set_hits(self, hits: list[Any]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> Any:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: AnyIndex, role: int = DISPLAY_ROLE) -> Any:
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role in (DISPLAY_ROLE, ACCESSIBLE_TEXT_ROLE):
            return f"{hit.title} — {hit.section}" if hit.section else hit.title
        if role == TOOLTIP_ROLE:
            return hit.title
        if role == HitRole:
            return hit
        if role == CardHtmlRole:
            return card_html(hit)
        return None


class ResultDelegate(QStyledItemDelegate):
    """Paints CardHtmlRole as rich text; height follows the text at the current width and font."""

    PADDING = 6

    def _document(self, option: QStyleOptionViewItem, index: AnyIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(self.PADDING)
        document.setHtml(index.data(CardHtmlRole) or "")
        document.setTextWidth(self._width(option))
        return document

    @staticmethod
    def _width(option: QStyleOptionViewItem) -> int:
        """The card always wraps to the visible width: sizeHint gets no rect, and a width taken
        before the vertical scroll bar appeared would clip the end of every line."""
        width = option.widget.viewport().width() if option.widget is not None else option.rect.width()
        return max(width, 120)

    def paint(self, painter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        from PySide6.QtWidgets import QStyle

        self.initStyleOption(option, index)
        document = self._document(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        painter.save()
        painter.translate(option.rect.topLeft())
        # The stylesheet keeps the selection light, so the card's dark text stays readable on it.
        context = QAbstractTextDocumentLayout.PaintContext()
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        self.initStyleOption(option, index)
        document = self._document(option, index)
        return QSize(self._width(option), int(document.size().height()))
