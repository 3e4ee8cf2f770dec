"""Independent cases for the SINS and Mirels scorers (issue 15), written by a second reviewer from
facts.md 7.3-7.4 and the issue's input codes, not from the scorer's code.

Each file in ``contract_cases_scores/`` is ``{"title", "why", "score": "sins"|"mirels", "inputs",
"expect"}``; ``expect`` holds ``total``, ``category`` (SINS) or ``action`` (Mirels), optionally
``items`` (points per item) or, for bad input, ``error_fields_include``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from calculator import ValidationError, score_mirels, score_sins

CASES_DIR = Path(__file__).parent / "contract_cases_scores"
CASE_FILES = sorted(CASES_DIR.glob("*.json"))
SCORERS = {"sins": score_sins, "mirels": score_mirels}


def _points(items: Any) -> dict[str, int]:
    """Points per item, whether the scorer lists items as {name: points}, {name: {points}} or rows."""
    if isinstance(items, dict):
        return {name: value["points"] if isinstance(value, dict) else value for name, value in items.items()}
    return {row.get("item") or row.get("code") or row.get("name"): row["points"] for row in items}


@pytest.mark.parametrize("case_file", CASE_FILES, ids=lambda path: path.stem)
def test_score_case(case_file: Path) -> None:
    case = json.loads(case_file.read_text(encoding="utf-8"))
    scorer, expect = SCORERS[case["score"]], case["expect"]
    context = f"{case['title']}\nwhy: {case['why']}"
    if "error_fields_include" in expect:
        with pytest.raises(ValidationError) as raised:
            scorer(case["inputs"])
        named = [problem.field for problem in raised.value.problems]
        assert all(field in named for field in expect["error_fields_include"]), f"{context}\nnamed {named}"
        return
    result = scorer(case["inputs"])
    assert result["total"] == expect["total"], context
    for key in ("category", "action"):
        if key in expect:
            assert result[key] == expect[key], f"{context}\n{key}: {result[key]!r}"
    points = _points(result["items"])
    for item, wanted in expect.get("items", {}).items():
        assert points[item] == wanted, f"{context}\n{item}: {points[item]} != {wanted}"
    assert sum(points.values()) == result["total"], f"{context}\nitems do not add up to the total"


def test_there_are_at_least_twenty_cases() -> None:
    assert len(CASE_FILES) >= 20
