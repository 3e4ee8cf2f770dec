"""What a doctor may type to pick a choice: pinyin initials or the leading characters of the
Chinese label, the English label, or the code.

The initials come from ``choice_initials.json`` (made by scripts/gen_choice_initials.py with
pypinyin at development time): reading 2 kB of JSON on the first drop-down costs well under a
millisecond, where importing pypinyin on the start path would cost about half a second and 55 MB.
A label missing from the file still matches by its characters, its English label and its code.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)
INITIALS_FILE = Path(__file__).with_name("choice_initials.json")


def extra_labels() -> tuple[str, ...]:
    """Chinese labels of the form's own choices (UI chrome in calculator_zh_CN.ts) that need initials."""
    return ("是", "否", "不确定", "无（一线）")


@lru_cache(maxsize=1)
def _initials() -> dict[str, str]:
    try:
        data = json.loads(INITIALS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:  # typing still works by characters, English and code
        log.warning("choice initials unavailable: %s", error)
        return {}
    return data if isinstance(data, dict) else {}


def keys_for(labels: Iterable[str], code: Any = None) -> list[str]:
    """Lower-case strings that typed text is matched against (by prefix)."""
    keys: list[str] = []
    for label in labels:
        if not label:
            continue
        keys.append(label.lower())
        initials = _initials().get(label)
        if initials:
            keys.append(initials)
    if isinstance(code, str) and code:
        keys.append(code.lower())
    return keys


def labels_of(text: Any) -> list[str]:
    """Every language's label of an engine ``{en, zh}`` text (or the plain string)."""
    if isinstance(text, Mapping):
        return [str(value) for value in text.values() if value]
    return [str(text)] if text else []


def matches(typed: str, item_keys: Sequence[Sequence[str]]) -> list[int]:
    """Indexes of the items whose keys start with ``typed`` (case-insensitive)."""
    typed = typed.lower()
    return [index for index, keys in enumerate(item_keys) if any(key.startswith(typed) for key in keys)]
