"""Loads the rule tables shipped as JSON in ``calculator/rules`` (read once, then cached)."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def rule_table(name: str) -> Any:
    """The parsed ``rules/<name>.json``. Callers must not mutate the result (it is shared)."""
    text = files("calculator.rules").joinpath(f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)


def rule_table_names() -> list[str]:
    """Every rule table shipped with the engine (used by the source-citation test)."""
    return sorted(p.name[:-5] for p in files("calculator.rules").iterdir() if p.name.endswith(".json"))
