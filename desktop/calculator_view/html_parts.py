"""The building blocks of the result HTML: engine text in the content language, links that
vanish on paper, tables and headings. ``AssessmentHtml`` puts them together."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.calculator_view.field_values import localized

translate = QCoreApplication.translate

TextFor = Callable[[str], Mapping[str, str]]
RefTitle = Callable[[str, str], str | None]
FieldLabel = Callable[[str], str]

ALERT_SEVERITIES = ("block", "caution")  # the alert box; "info" goes inline
# (icon, text colour, background): colour is never the only signal, the icon and word go with it.
SEVERITY_STYLE = {
    "block": ("✖", "#8b0000", "#fde2e2"),
    "caution": ("⚠", "#7a4b00", "#fff1cc"),
    "info": ("ℹ", "#0b4f8a", "#e3eefb"),
}
STYLE = """
h2 { font-size: medium; margin-top: 14px; margin-bottom: 4px; }
p.answer { font-size: large; font-weight: bold; margin-top: 2px; margin-bottom: 2px; }
p.pending { color: #555; margin-top: 2px; margin-bottom: 2px; }
table.grid { border-collapse: collapse; border-width: 1px; border-style: solid; border-color: #999; }
td, th { padding: 4px; vertical-align: top; }
th { background-color: #eef0f3; text-align: left; }
.muted { color: #555; }
.note { color: #0b4f8a; }
"""
# Not 100%: Qt lays a 100%-wide bordered table out one pixel wider than the page, which puts a
# useless horizontal scroll bar under every result.
GRID_TABLE = '<table class="grid" width="99%" cellspacing="0">'


def severity_word(severity: str) -> str:
    words = {
        "block": translate("AssessmentView", "Blocked"),
        "caution": translate("AssessmentView", "Caution"),
        "info": translate("AssessmentView", "Info"),
    }
    return words.get(severity, severity)


def ref_href(ref: str) -> str:
    return f"doc:{ref}"


class HtmlParts:
    """Small HTML pieces in one content language; ``paper`` drops every link."""

    def __init__(
        self,
        assessment: Mapping[str, Any],
        lang: str,
        text_for: TextFor,
        ref_title: RefTitle | None = None,
        *,
        field_label: FieldLabel | None = None,
        paper: bool = False,
    ) -> None:
        self.a = assessment
        self.lang = lang
        self._text_for = text_for
        self._ref_title = ref_title
        self._field_label = field_label or (lambda path: path)
        self.paper = paper

    # -- small helpers ----------------------------------------------------------------------
    def text(self, value: Any) -> str:
        """Escaped engine text ({en, zh} dict or plain string)."""
        return escape(localized(value, self.lang)).replace("\n", "<br>")

    def code(self, code: Any) -> str:
        """Escaped human text of an output code; the bare code if the engine has none."""
        if code is None:
            return ""
        try:
            return self.text(self._text_for(str(code)))
        except (KeyError, LookupError, ValueError):
            return escape(str(code))

    def link(self, href: str, text_html: str) -> str:
        return text_html if self.paper else f'<a href="{escape(href, quote=True)}">{text_html}</a>'

    def links(self, refs: Iterable[str] | None, separator: str = "　") -> str:
        """Links to the cited guideline sections, titled by ``ref_title`` when the shell gives one;
        repeated titles are numbered so each link is distinct. Nothing on paper."""
        refs = list(refs or [])
        if self.paper:
            return ""
        titles = [
            (self._ref_title(ref, self.lang) if self._ref_title else None)
            or translate("AssessmentView", "Guideline")
            for ref in refs
        ]
        parts = []
        for index, (ref, title) in enumerate(zip(refs, titles, strict=True)):
            if titles.count(title) > 1:
                title = f"{title} {titles[: index + 1].count(title)}"
            parts.append(self.link(ref_href(ref), f"§ {escape(title)}"))
        return separator.join(parts)

    def guide_link(self, refs: Iterable[str] | None) -> str:
        """One small "Guideline" link to the first cited section (the rest are in the details)."""
        refs = list(refs or [])
        if not refs or self.paper:
            return ""
        return self.link(ref_href(refs[0]), escape(translate("AssessmentView", "Guideline")))

    @staticmethod
    def heading(title: str) -> str:
        return f"<h2>{escape(title)}</h2>"

    @staticmethod
    def table(headers: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
        head = "".join(f"<th>{escape(h)}</th>" for h in headers)
        # A cell that is only a link ("Guideline") must not wrap in a narrow window.
        body = "".join(
            "<tr>"
            + "".join(
                f'<td style="white-space:nowrap">{cell}</td>'
                if cell.startswith("<a ")
                else f"<td>{cell}</td>"
                for cell in row
            )
            + "</tr>"
            for row in rows
        )
        return f"{GRID_TABLE}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
