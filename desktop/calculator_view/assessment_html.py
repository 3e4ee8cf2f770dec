"""The assessment dict as HTML (Qt's rich-text subset), shared by the screen and the printout.

Clinical words come from the engine (``{en, zh}`` texts and ``text_for(code)``) in the content
language; headings, column titles and severity words are UI chrome through Qt translations.
Every cited guideline section becomes a ``doc:<id>#<anchor>`` link.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication

from calculator.findings import SEVERITIES as SEVERITY_ORDER
from desktop.calculator_view.field_values import format_number, localized

translate = QCoreApplication.translate

TextFor = Callable[[str], Mapping[str, str]]
RefTitle = Callable[[str, str], str | None]

# (icon, text colour, background): colour is never the only signal, the icon and word go with it.
SEVERITY_STYLE = {
    "block": ("✖", "#8b0000", "#fde2e2"),
    "caution": ("⚠", "#7a4b00", "#fff1cc"),
    "info": ("ℹ", "#0b4f8a", "#e3eefb"),
}
STYLE = """
h2 { font-size: large; margin-top: 14px; margin-bottom: 4px; }
table.grid { border-collapse: collapse; border-width: 1px; border-style: solid; border-color: #999; }
td, th { padding: 4px; vertical-align: top; }
th { background-color: #eef0f3; text-align: left; }
.muted { color: #555; }
.working { white-space: pre-wrap; }
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


class AssessmentHtml:
    """Builds the HTML sections of one assessment in one content language."""

    def __init__(
        self, assessment: Mapping[str, Any], lang: str, text_for: TextFor, ref_title: RefTitle | None = None
    ) -> None:
        self.a = assessment
        self.lang = lang
        self._text_for = text_for
        self._ref_title = ref_title

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

    def links(self, refs: Iterable[str] | None, separator: str = "<br>") -> str:
        """Links to the cited guideline sections, titled by ``ref_title`` when the shell gives one;
        repeated titles (several sections of one document) are numbered so each link is distinct."""
        refs = list(refs or [])
        titles = [
            (self._ref_title(ref, self.lang) if self._ref_title else None)
            or translate("AssessmentView", "Guideline")
            for ref in refs
        ]
        parts = []
        for index, (ref, title) in enumerate(zip(refs, titles, strict=True)):
            if titles.count(title) > 1:
                title = f"{title} {titles[: index + 1].count(title)}"
            parts.append(f'<a href="{escape(ref_href(ref), quote=True)}">§ {escape(title)}</a>')
        return separator.join(parts)

    def linked(self, text_html: str, refs: Iterable[str] | None) -> str:
        """``text_html`` as a link to its first cited section (a compact cell where a list of
        section titles on every row would crowd the table); further sections follow as links."""
        refs = list(refs or [])
        if not refs:
            return text_html
        first = f'<a href="{escape(ref_href(refs[0]), quote=True)}">{text_html}</a>'
        return first + (f"<br>{self.links(refs[1:])}" if refs[1:] else "")

    @staticmethod
    def heading(title: str) -> str:
        return f"<h2>{escape(title)}</h2>"

    @staticmethod
    def table(headers: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
        head = "".join(f"<th>{escape(h)}</th>" for h in headers)
        body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
        return f"{GRID_TABLE}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    # -- sections ---------------------------------------------------------------------------
    def warnings(self) -> str:
        items = sorted(
            self.a.get("warnings") or [],
            key=lambda w: (
                SEVERITY_ORDER.index(w["severity"])
                if w.get("severity") in SEVERITY_ORDER
                else len(SEVERITY_ORDER)
            ),
        )
        if not items:
            return ""
        rows = []
        for warning in items:
            icon, colour, background = SEVERITY_STYLE.get(warning.get("severity"), ("•", "#000", "#fff"))
            badge = f"{icon} {escape(severity_word(warning.get('severity', '')))}"
            rows.append(
                f'<tr><td style="background-color:{background}; color:{colour}; font-weight:bold;'
                f' white-space:nowrap">{badge}</td>'
                f"<td>{self.text(warning.get('message'))}{self._see(warning.get('refs'))}</td></tr>"
            )
        return self.heading(translate("AssessmentView", "Warnings")) + GRID_TABLE + "".join(rows) + "</table>"

    def _see(self, refs: Iterable[str] | None) -> str:
        """The guideline links that follow a line of text, or nothing."""
        links = self.links(refs, separator="　")
        return f"<br>{links}" if links else ""

    def systemic(self) -> str:
        systemic = self.a.get("systemic_therapy") or {}
        category = escape(translate("AssessmentView", "Category:"))
        parts = [
            self.heading(translate("AssessmentView", "Systemic therapy")),
            f"<p><b>{category}</b> {self.code(systemic.get('category'))}</p>",
        ]
        options = systemic.get("options") or []
        if options:
            parts.append("<ol>")
            for option in options:
                refs = self.links(option.get("refs"))
                parts.append(
                    f"<li><b>{self.text(option.get('name'))}</b><br>"
                    f"{self.text(option.get('rationale'))}" + (f"<br>{refs}" if refs else "") + "</li>"
                )
            parts.append("</ol>")
        return "".join(parts)

    def bone_agents(self) -> str:
        bone = self.a.get("bone_agent") or {}
        indicated = (
            translate("AssessmentView", "Indicated")
            if bone.get("indicated")
            else translate("AssessmentView", "Not indicated")
        )
        reasons = "; ".join(self.code(reason) for reason in bone.get("reasons") or [])
        parts = [
            self.heading(translate("AssessmentView", "Bone-modifying agent")),
            f"<p><b>{escape(indicated)}</b>" + (f" — {reasons}" if reasons else "") + "</p>",
        ]
        headers = [
            translate("AssessmentView", "Agent"),
            translate("AssessmentView", "Eligible"),
            translate("AssessmentView", "Preferred"),
            translate("AssessmentView", "Dose (mg)"),
            translate("AssessmentView", "Route"),
            translate("AssessmentView", "Interval"),
        ]
        head = "".join(f"<th>{escape(h)}</th>" for h in headers)
        rows = "".join(self._agent_rows(agent, len(headers)) for agent in bone.get("agents") or [])
        parts.append(f"{GRID_TABLE}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        return "".join(parts)

    def _agent_rows(self, agent: Mapping[str, Any], columns: int) -> str:
        """Two rows per agent: the key facts in short columns that fit a narrow window, then the
        full schedule, blockers, cautions and guideline links across the whole table width."""
        yes, no = translate("AssessmentView", "Yes"), translate("AssessmentView", "No")
        eligible = (
            f"✔ {escape(yes)}"
            if agent.get("eligible")
            else f'<span style="color:#8b0000">✘ {escape(no)}</span>'
        )
        preferred_word = translate("AssessmentView", "Preferred")
        preferred = f"★ {escape(preferred_word)}" if agent.get("preferred") else ""
        dose = escape(format_number(agent.get("dose_mg"))) if agent.get("dose_mg") is not None else "—"
        if not agent.get("eligible"):
            interval = "—"
        elif agent.get("interval_weeks") is not None:
            interval = escape(
                translate("AssessmentView", "every %1 weeks").replace(
                    "%1", format_number(agent["interval_weeks"])
                )
            )
        else:
            interval = escape(translate("AssessmentView", "see below"))
        facts = [
            f"<b>{self.code(agent.get('agent'))}</b>",
            eligible,
            preferred,
            f"<b>{dose}</b>",
            self.code(agent.get("route")),
            interval,
        ]
        details = [self.text(agent.get("schedule"))] if agent.get("schedule") else []
        details += [f"✖ {self.code(code)}" for code in agent.get("blockers") or []]
        details += [f"⚠ {self.code(code)}" for code in agent.get("cautions") or []]
        links = self.links(agent.get("refs"), separator="　")
        if links:
            details.append(links)
        detail_row = (
            f'<tr><td colspan="{columns}" style="color:#333">{"<br>".join(details)}</td></tr>'
            if details
            else ""
        )
        return "<tr>" + "".join(f"<td>{cell}</td>" for cell in facts) + "</tr>" + detail_row

    def before_starting(self) -> str:
        codes = (self.a.get("bone_agent") or {}).get("before_starting") or []
        if not codes:
            return ""
        items = "".join(f"<li>☐ {self.code(code)}</li>" for code in codes)
        return (
            self.heading(translate("AssessmentView", "Before starting"))
            + f"<ul style='list-style-type: none'>{items}</ul>"
        )  # the ☐ is the bullet

    def monitoring(self) -> str:
        items = self.a.get("monitoring") or []
        if not items:
            return ""
        headers = [
            translate("AssessmentView", "What to check"),
            translate("AssessmentView", "When"),
            translate("AssessmentView", "For"),
        ]
        rows = [
            [
                self.linked(self.code(item.get("item")), item.get("refs")),
                self.code(item.get("timing")),
                ", ".join(self.code(agent) for agent in item.get("agents") or []),
            ]
            for item in items
        ]
        return self.heading(translate("AssessmentView", "Monitoring")) + self.table(headers, rows)

    def derived(self) -> str:
        derived = self.a.get("derived") or {}
        missing = escape(translate("AssessmentView", "not available"))
        crcl, calcium = derived.get("crcl_ml_min"), derived.get("corrected_calcium_mmol_l")
        rows = [
            [
                self.code("crcl_ml_min"),
                f"<b>{escape(format_number(crcl))}</b>" if crcl is not None else missing,
            ],
            [
                self.code("corrected_calcium_mmol_l"),
                f"<b>{escape(format_number(calcium))}</b>" if calcium is not None else missing,
            ],
        ]
        body = "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for label, value in rows)
        working = self.text(derived.get("working"))
        working_title = escape(translate("AssessmentView", "Working:"))
        return (
            self.heading(translate("AssessmentView", "Derived values"))
            + f"<table cellspacing='0'>{body}</table>"
            + (f"<p class='muted'><b>{working_title}</b><br>{working}</p>" if working else "")
        )

    def references(self) -> str:
        refs = self.a.get("references") or []
        if not refs:
            return ""
        items = "".join(f"<li>{self.text(ref.get('title') or ref.get('id'))}</li>" for ref in refs)
        return self.heading(translate("AssessmentView", "References")) + f"<ol>{items}</ol>"

    def footer(self) -> str:
        version = escape(translate("AssessmentView", "Content version:"))
        return (
            f"<p class='muted'>{version} "
            f"{escape(str(self.a.get('content_version', '')))}<br>{self.text(self.a.get('disclaimer'))}</p>"
        )

    def results(self) -> str:
        """All result sections, answer first."""
        return "".join(
            [
                self.warnings(),
                self.systemic(),
                self.bone_agents(),
                self.before_starting(),
                self.monitoring(),
                self.derived(),
                self.references(),
            ]
        )

    def page(self) -> str:
        """The on-screen view: results plus content version and disclaimer."""
        return f"<html><head><style>{STYLE}</style></head><body>{self.results()}{self.footer()}</body></html>"
