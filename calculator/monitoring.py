"""The monitoring schedule for the agents that can be given now (``rules/monitoring.json``)."""

from __future__ import annotations

from typing import Any

from calculator._data import rule_table
from calculator.findings import Findings


def monitoring(agents: list[dict[str, Any]], findings: Findings) -> list[dict[str, Any]]:
    """Rows {item, timing, agents, refs[, detail]}; when no agent can be given, the schedule of all
    five is shown so the plan is ready once the blockers are resolved."""
    eligible = [a["agent"] for a in agents if a["eligible"]] or [a["agent"] for a in agents]
    rows = []
    for row in rule_table("monitoring")["rows"]:
        chosen = [agent for agent in row["agents"] if agent in eligible]
        if not chosen:
            continue
        findings.cite(row["source"])
        entry: dict[str, Any] = {"item": row["item"], "timing": row["timing"], "agents": chosen,
                                 "refs": list(row["refs"])}
        detail = row.get("detail")
        if detail and detail["agent"] in chosen:
            entry["detail"] = {"en": detail["en"], "zh": detail["zh"]}
        rows.append(entry)
    return rows
