"""``bonemet score sins|mirels FILE|- [--format json|text] [--lang zh|en]``.

The same contract as ``bonemet assess`` (``calculator.cli.run_on_file``): exit 0 with the result on
stdout (JSON by default), exit 2 with one ``field: reason`` line per problem on stderr.
"""

from __future__ import annotations

import json
from typing import Any

from calculator.cli import run_on_file
from calculator.scores import render_score_text, score


def run_score(name: str, path: str, fmt: str = "json", lang: str = "zh") -> int:
    """Score the JSON at ``path`` (``-`` = stdin) with SINS or Mirels; returns the exit code."""

    def produce(inputs: Any) -> str:
        result = score(name, inputs)
        if fmt == "text":
            return render_score_text(result, lang)
        return json.dumps(result, ensure_ascii=False, indent=2) + "\n"

    return run_on_file(path, produce, lang)
