"""Regenerate desktop/calculator_view/choice_initials.json: pinyin initials of every Chinese
choice label in the engine's input spec, so a doctor can pick "阳性" by typing "yx".

Run after a choice label changes (a test says when): ``.venv/bin/python scripts/gen_choice_initials.py``.
pypinyin is a build-time dependency only; the app reads the JSON and never imports it.
"""

from __future__ import annotations

import json
from pathlib import Path

from pypinyin import Style, lazy_pinyin

from calculator import input_spec
from desktop.calculator_view.choice_keys import INITIALS_FILE, extra_labels


def initials(label: str) -> str:
    # Only Chinese characters give letters; Latin, digits and punctuation are left out, so the
    # key is what a doctor types for the Chinese words ("低表达（IHC 1+…）" -> "dbd").
    letters = lazy_pinyin(label, style=Style.FIRST_LETTER, errors="ignore")
    return "".join(part for part in letters if part.isalpha() and part.isascii()).lower()


def main() -> None:
    labels = {
        choice["label"]["zh"]
        for entry in input_spec()
        for choice in entry.get("choices") or []
        if choice.get("label", {}).get("zh")
    } | set(extra_labels())
    data = {label: initials(label) for label in sorted(labels)}
    Path(INITIALS_FILE).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(data)} labels -> {INITIALS_FILE}")


if __name__ == "__main__":
    main()
