"""``text_for(code)``: the English and Chinese text of any code the assessment emits."""

from __future__ import annotations

from calculator._data import rule_table


def text_for(code: str) -> dict[str, str]:
    """{"en", "zh"} for an output code (agent, option, blocker, caution, before-starting step,
    monitoring item or timing, reason, warning, category, severity, route). KeyError if unknown."""
    codes = rule_table("texts")["codes"]
    if code in codes:
        return dict(codes[code])
    options = rule_table("systemic")["options"]
    if code in options:
        return dict(options[code]["name"])
    raise KeyError(f"no text for code {code!r}")
