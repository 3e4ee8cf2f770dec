"""The assessment dict as HTML (Qt's rich-text subset): the one renderer of the screen and the paper.

Answer first (the engine's summary), then only the alerts that stop or slow a decision (block,
caution), then the details, each info note beside the section it concerns. On paper
(``paper=True``) links become plain text and the link-only cells go. Clinical words come from the
engine in the content language; headings, column titles and severity words are UI chrome.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication

from calculator.findings import SEVERITIES as SEVERITY_ORDER
from desktop.calculator_view.field_values import format_number, localized
from desktop.calculator_view.html_parts import (
    ALERT_SEVERITIES,
    GRID_TABLE,
    SEVERITY_STYLE,
    STYLE,
    FieldLabel,
    HtmlParts,
    RefTitle,
    TextFor,
    severity_word,
)

__all__ = ["GRID_TABLE", "STYLE", "AssessmentHtml", "FieldLabel", "RefTitle", "TextFor"]
translate = QCoreApplication.translate


def section_name(section: str) -> str:
    names = {
        "derived": translate("AssessmentView", "Kidney function and calcium"),
        "systemic_therapy": translate("AssessmentView", "Systemic therapy"),
        "bone_agent": translate("AssessmentView", "Bone-modifying agent"),
        "monitoring": translate("AssessmentView", "Monitoring"),
        "hypercalcemia": translate("AssessmentView", "Hypercalcaemia"),
    }
    return names.get(section, section)


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


class AssessmentHtml(HtmlParts):
    """Builds the HTML sections of one assessment in one content language."""

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
                "<p class='pending'>○ "
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
        indicated = {
            True: translate("AssessmentView", "Indicated"),
            False: translate("AssessmentView", "Not indicated"),
        }.get(
            bone.get("indicated"), translate("AssessmentView", "Indication pending")
        )  # None: waits for input
        reasons = "; ".join(self.code(reason) for reason in bone.get("reasons") or [])
        headers = [
            translate("AssessmentView", "Agent"),
            translate("AssessmentView", "Dose and schedule"),
            translate("AssessmentView", "Status"),
        ]
        if not self.paper:
            headers.append("")
        agents = bone.get("agents") or []
        usable = [a for a in agents if self._status(a) == "eligible"]
        # A caution every usable agent shares is said once under the table, not on every row.
        shared = (
            [
                c
                for c in (usable[0].get("cautions") or [])
                if all(c in (a.get("cautions") or []) for a in usable)
            ]
            if len(usable) > 1
            else []
        )
        rows = [self._agent_row(agent, shared) for agent in agents]
        shared_html = (
            "<p>"
            + escape(translate("AssessmentView", "Every usable agent:"))
            + " "
            + "　".join(f"⚠ {self.code(code)}" for code in shared)
            + "</p>"
            if shared
            else ""
        )
        return (
            self.heading(translate("AssessmentView", "Bone-modifying agent"))
            + f"<p><b>{escape(indicated)}</b>"
            + (f" — {reasons}" if reasons else "")
            + "</p>"
            + self.table(headers, rows)
            + shared_html
            + self.notes("bone_agent")
            + self.before_starting()
        )

    @staticmethod
    def _status(agent: Mapping[str, Any]) -> str:
        return agent.get("status") or ("eligible" if agent.get("eligible") else "blocked")

    def _agent_row(self, agent: Mapping[str, Any], shared: list[str]) -> list[str]:
        # Words first: lupdate does not see translate() inside f-strings.
        preferred = escape(translate("AssessmentView", "Preferred"))
        usable = escape(translate("AssessmentView", "Can be used"))
        waiting = escape(translate("AssessmentView", "Waiting for input"))
        unusable = escape(translate("AssessmentView", "Not to be used"))
        status = self._status(agent)
        name = f"<b>{self.code(agent.get('agent'))}</b>"
        if agent.get("preferred") and status == "eligible":
            name += f"<br>★ {preferred}"
        if status == "eligible":
            state = f"✔ {usable}"
            schedule = self.text(agent.get("schedule")) or escape(format_number(agent.get("dose_mg")))
        elif status == "pending":
            comma, colon = ("、", "：") if self.lang == "zh" else (", ", ": ")
            needed = comma.join(escape(self._field_label(p)) for p in agent.get("pending_on") or [])
            state = f"○ {waiting}" + (f"{colon}{needed}" if needed else "")
            schedule = "—"
        else:
            state = f'<span style="color:#8b0000">✘ {unusable}</span>'
            schedule = "—"
        details = [f"✖ {self.code(code)}" for code in agent.get("blockers") or []]
        if status != "blocked":  # a blocked agent's cautions do not matter now
            details += [f"⚠ {self.code(code)}" for code in agent.get("cautions") or [] if code not in shared]
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
        colon = "：" if self.lang == "zh" else ": "
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
                        + (colon + self.text(e["detail"]) if e.get("detail") else "")
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
