"""``render_text(assessment, lang)``: the plain-text chart note (also ``bonemet assess --format text``)."""

from __future__ import annotations

from typing import Any


def render_text(assessment: dict[str, Any], lang: str = "zh") -> str:
    raise NotImplementedError
