"""The assessment dict as HTML (Qt's rich-text subset): the one renderer of the screen and the paper.

Answer first (the engine's summary), then only the alerts that stop or slow a decision (block,
caution), then the details, each info note beside the section it concerns. On paper
(``paper=True``) links become plain text and the link-only cells go. Clinical words come from the
engine in the content language; headings, column titles and severity words are UI chrome.
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
FieldLabel = Callable[[str], str]

ALERT_SEVERITIES = ("block", "caution")  # the alert box; "info" goes inline
# (icon, text colour, background): colour is never the only signal, the icon and word go with it.
SEVERITY_STYLE = {
    "block": ("✖", "#8b0000", "#fde2e2"),
    "caution": ("⚠", "#7a4b00", "#fff1cc"),
    "info": ("ℹ", "#0b4f8a", "#e3eefb"),
}
STYLE = """
h2 { font-size: large; margin-top: 14px; margin-bottom: 4px; }
p.answer { font-size: x-large; font-weight: bold; margin-top: 2px; margin-bottom: 2px; }
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


def section_name(section: str) -> str:
    names = {
        "derived": translate("AssessmentView", "Kidney function and calcium"),
        "systemic_therapy": translate("AssessmentView", "Systemic therapy"),
        "bone_agent": translate("AssessmentView", "Bone-modifying agent"),
        "monitoring": translate("AssessmentView", "Monitoring"),
        "hypercalcemia": translate("AssessmentView", "Hypercalcaemia"),
    }
    return names.get(section, section)


def ref_href(ref: str) -> str:
    return f"doc:{ref}"


def _refs_of(node: Any) -> set[str]:
    """Every guideline ref cited anywhere inside ``node`` (to place an info note by what it cites)."""
    if isinstance(node, Mapping):
        found = set(node.get("refs") or []) if isinstance(node.get("refs"), list) else set()
        for value in node.values():
            if isinstance(value, Mapping | list):
                found |= _refs_of(value)
        return found
    if isinstance(node, list):
        return set().union(*(_refs_of(item) for item in node)) if node else set()
    return set()


class AssessmentHtml:
    """Builds the HTML sections of one assessment in one content language."""

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
        body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
        return f"{GRID_TABLE}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    # -- the answer ---------------------------------------------------------------------------
    def answer(self) -> str:
        """The engine's summary in large type, then what is still waiting for input."""
        summary = localized(self.a.get("summary"), self.lang)
        parts = [f"<p class='answer'>{escape(line)}</p>" for line in summary.splitlines() if line.strip()]
        for section, paths in (self.a.get("pending") or {}).items():
            fields = "、" if self.lang == "zh" else ", "
            needed = fields.join(
                self.link(f"field:{path}", escape(self._field_label(path))) for path in paths
            )
            parts.append(
                "<p class='pending'>⏳ "
                + escape(translate("AssessmentView", "%1 — waiting for: %2"))
                .replace("%1", f"<b>{escape(section_name(section))}</b>")
                .replace("%2", needed)
                + "</p>"
            )
        return "".join(parts)

    def alerts(self) -> str:
        """Only what stops (block) or slows (caution) a decision; info notes sit in their section."""
        items = [w for w in self.a.get("warnings") or [] if w.get("severity") in ALERT_SEVERITIES]
        items.sort(
            key=lambda w: SEVERITY_ORDER.index(w["severity"]) if w["severity"] in SEVERITY_ORDER else 9
        )
        if not items:
            return ""
        rows = []
        for warning in items:
            icon, colour, background = SEVERITY_STYLE[warning["severity"]]
            badge = f"{icon} {escape(severity_word(warning['severity']))}"
            links = self.links(warning.get("refs"))
            rows.append(
                f'<tr><td style="background-color:{background}; color:{colour}; font-weight:bold;'
                f' white-space:nowrap">{badge}</td>'
                f"<td>{self.text(warning.get('message'))}{'<br>' + links if links else ''}</td></tr>"
            )
        return GRID_TABLE + "".join(rows) + "</table>"

    def notes(self, section: str) -> str:
        """The info notes that concern ``section`` (by the guideline sections they cite)."""
        lines = [
            f"<p class='note'>ℹ {self.text(w.get('message'))} {self.guide_link(w.get('refs'))}</p>"
            for w in self._info_by_section().get(section, [])
        ]
        return "".join(lines)

    def _info_by_section(self) -> dict[str, list[Mapping[str, Any]]]:
        cited = {
            "bone_agent": _refs_of(self.a.get("bone_agent")) | _refs_of(self.a.get("hypercalcemia")),
            "systemic_therapy": _refs_of(self.a.get("systemic_therapy")),
            "monitoring": _refs_of({"items": self.a.get("monitoring") or []}),
        }
        placed: dict[str, list[Mapping[str, Any]]] = {}
        for warning in self.a.get("warnings") or []:
            if warning.get("severity") in ALERT_SEVERITIES:
                continue
            refs = set(warning.get("refs") or [])
            section = warning.get("section") or next(
                (name for name, found in cited.items() if refs & found),
                # By document when no section is cited as such (gBRCA belongs with the subtype's options).
                next(
                    (
                        name
                        for name, found in cited.items()
                        if {r.split("#")[0] for r in refs} & {r.split("#")[0] for r in found}
                    ),
                    "systemic_therapy",
                ),
            )
            placed.setdefault(section, []).append(warning)
        return placed

    # -- details ------------------------------------------------------------------------------
    def bone_agents(self) -> str:
        bone = self.a.get("bone_agent")
        if not bone:
            return ""
        indicated = (
            translate("AssessmentView", "Indicated")
            if bone.get("indicated")
            else translate("AssessmentView", "Not indicated")
        )
        reasons = "; ".join(self.code(reason) for reason in bone.get("reasons") or [])
        headers = [
            translate("AssessmentView", "Agent"),
            translate("AssessmentView", "Dose and schedule"),
            translate("AssessmentView", "Status"),
        ]
        if not self.paper:
            headers.append("")
        rows = [self._agent_row(agent) for agent in bone.get("agents") or []]
        return (
            self.heading(translate("AssessmentView", "Bone-modifying agent"))
            + f"<p><b>{escape(indicated)}</b>"
            + (f" — {reasons}" if reasons else "")
            + "</p>"
            + self.table(headers, rows)
            + self.notes("bone_agent")
            + self.before_starting()
        )

    def _agent_row(self, agent: Mapping[str, Any]) -> list[str]:
        # Words first: lupdate does not see translate() inside f-strings.
        preferred = escape(translate("AssessmentView", "Preferred"))
        usable = escape(translate("AssessmentView", "Can be used"))
        waiting = escape(translate("AssessmentView", "Waiting for input"))
        unusable = escape(translate("AssessmentView", "Not to be used"))
        status = agent.get("status") or ("eligible" if agent.get("eligible") else "blocked")
        name = f"<b>{self.code(agent.get('agent'))}</b>"
        if agent.get("preferred") and status == "eligible":
            name += f"<br>★ {preferred}"
        if status == "eligible":
            state = f"✔ {usable}"
            schedule = self.text(agent.get("schedule")) or escape(format_number(agent.get("dose_mg")))
        elif status == "pending":
            needed = ", ".join(escape(self._field_label(p)) for p in agent.get("pending_on") or [])
            state = f"⏳ {waiting}" + (f": {needed}" if needed else "")
            schedule = "—"
        else:
            state = f'<span style="color:#8b0000">✘ {unusable}</span>'
            schedule = "—"
        details = [f"✖ {self.code(code)}" for code in agent.get("blockers") or []]
        details += [f"⚠ {self.code(code)}" for code in agent.get("cautions") or []]
        if details:
            state += "<br>" + "<br>".join(details)
        row = [name, schedule, state]
        if not self.paper:
            row.append(self.guide_link(agent.get("refs")))
        return row

    def before_starting(self) -> str:
        codes = (self.a.get("bone_agent") or {}).get("before_starting") or []
        if not codes:
            return ""
        title = escape(translate("AssessmentView", "Before starting:"))
        items = "　".join(f"☐ {self.code(code)}" for code in codes)
        return f"<p><b>{title}</b> {items}</p>"

    def hypercalcemia(self) -> str:
        hyper = self.a.get("hypercalcemia") or {}
        if not hyper.get("present"):
            return ""
        steps = "".join(
            f"<li>{self.text(step.get('text'))} {self.guide_link(step.get('refs'))}</li>"
            for step in hyper.get("steps") or []
        )
        grade = hyper.get("ctcae_grade")
        title = translate("AssessmentView", "Hypercalcaemia")
        if grade is not None:
            title += " — " + translate("AssessmentView", "CTCAE grade %1").replace("%1", str(grade))
        return self.heading(title) + (f"<ol>{steps}</ol>" if steps else "")

    def systemic(self) -> str:
        systemic = self.a.get("systemic_therapy")
        if not systemic:
            return ""
        category = escape(translate("AssessmentView", "Category:"))
        parts = [
            self.heading(translate("AssessmentView", "Systemic therapy")),
            f"<p><b>{category}</b> {self.code(systemic.get('category'))}</p>",
        ]
        options = systemic.get("options") or []
        if options:
            items = "".join(
                f"<li><b>{self.text(o.get('name'))}</b> {self.guide_link(o.get('refs'))}<br>"
                f"{self.text(o.get('rationale'))}</li>"
                for o in options
            )
            parts.append(f"<ol>{items}</ol>")
        parts.append(self.notes("systemic_therapy"))
        return "".join(parts)

    def monitoring(self) -> str:
        items = self.a.get("monitoring") or []
        if not items:
            return ""
        grouped: dict[str, list[Mapping[str, Any]]] = {}
        for item in items:
            grouped.setdefault(str(item.get("item")), []).append(item)
        rows = []
        for code, entries in grouped.items():
            baseline = [e for e in entries if e.get("timing") == "baseline"]
            during = [e for e in entries if e.get("timing") != "baseline"]
            agents: list[str] = []
            for entry in entries:
                agents += [a for a in entry.get("agents") or [] if a not in agents]
            refs = [r for e in entries for r in e.get("refs") or []]
            rows.append(
                [
                    f"{self.code(code)} {self.guide_link(refs)}",
                    "✔" if baseline else "",
                    "<br>".join(
                        self.code(e.get("timing"))
                        + (f"：{self.text(e['detail'])}" if self.lang == "zh" and e.get("detail") else "")
                        + (f": {self.text(e['detail'])}" if self.lang != "zh" and e.get("detail") else "")
                        for e in during
                    ),
                    ", ".join(self.code(agent) for agent in agents),
                ]
            )
        headers = [
            translate("AssessmentView", "What to check"),
            translate("AssessmentView", "Baseline"),
            translate("AssessmentView", "During treatment"),
            translate("AssessmentView", "For"),
        ]
        return (
            self.heading(translate("AssessmentView", "Monitoring"))
            + self.table(headers, rows)
            + self.notes("monitoring")
        )

    def derived(self) -> str:
        derived = self.a.get("derived")
        if not derived:
            return ""
        working = self.text(derived.get("working"))
        return self.heading(translate("AssessmentView", "Working")) + (
            f"<p class='muted'>{working}</p>" if working else ""
        )

    def references(self) -> str:
        refs = self.a.get("references") or []
        if not refs:
            return ""
        items = "".join(f"<li>{self.text(ref.get('title') or ref.get('id'))}</li>" for ref in refs)
        return self.heading(translate("AssessmentView", "References")) + f"<ol>{items}</ol>"

    def versions(self) -> str:
        parts = [
            translate("AssessmentView", "Content version %1").replace(
                "%1", str(self.a.get("content_version", ""))
            )
        ]
        if self.a.get("rules_version"):
            parts.append(translate("AssessmentView", "rules %1").replace("%1", str(self.a["rules_version"])))
        if self.a.get("app_version"):
            parts.append(translate("AssessmentView", "app %1").replace("%1", str(self.a["app_version"])))
        return escape(" · ".join(parts))

    def footer(self) -> str:
        return f"<p class='muted'>{self.versions()}<br>{self.text(self.a.get('disclaimer'))}</p>"

    def head(self) -> str:
        """What page one must hold: the answer, the alerts and the bone-agent table."""
        return self.answer() + self.alerts() + self.hypercalcemia() + self.bone_agents()

    def results(self) -> str:
        """Everything after the head: the other sections, then the working and the references."""
        return self.systemic() + self.monitoring() + self.derived() + self.references()

    def page(self) -> str:
        """The on-screen view."""
        return f"<html><head><style>{STYLE}</style></head><body>{self.head()}{self.results()}{self.footer()}</body></html>"
