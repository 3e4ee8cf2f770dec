"""Value helpers shared by the form's editors, the result view and the report.

Nothing clinical lives here: text comes from the engine's ``{en, zh}`` dicts, ranges from its
input spec, and anything that cannot be parsed is passed on unchanged so the engine names it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from calculator import number_from_text

NO_VALUE = ""  # item data of a drop-down's blank entry; never None (see combo_data)


def localized(text: Any, lang: str) -> str:
    """Pick ``lang`` from an engine ``{en, zh}`` text; plain strings pass through."""
    if isinstance(text, Mapping):
        return str(text.get(lang) or text.get("en") or next(iter(text.values()), ""))
    return "" if text is None else str(text)


def parse_number(text: str) -> int | float | str | None:
    """Typed text -> number; empty -> None; anything else is returned as typed.

    What counts as a number is the engine's rule (``calculator.number_from_text``: digits 0–9, one
    decimal point; full-width digits from a Chinese IME count). Other text ("6²", "⑫", "1,5") goes
    to the engine as a string so that its own message appears beside the field.
    """
    stripped = text.strip()
    if not stripped:
        return None
    number = number_from_text(stripped)
    if number is None:
        return stripped
    return int(number) if number == number.to_integral_value() and "." not in stripped else float(number)


def format_number(value: Any) -> str:
    """Number -> text without a misleading trailing zero ("4", not "4.0")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def combo_data(combo: QComboBox) -> Any:
    """The current item's data, None for the blank entry, no selection or an empty drop-down.

    Never lets Qt return an invalid QVariant: PySide6 6.12 on Python 3.11 drops a reference to
    None every time it returns one, which after enough calls aborts the interpreter.
    """
    if combo.currentIndex() < 0:
        return None
    data = combo.currentData()
    return None if data == NO_VALUE else data


def refill_combo(combo: QComboBox, items: Sequence[tuple[str, Any]]) -> None:
    """Replace the items of ``combo`` (a language switch) without changing what it holds.

    A value loaded from a file that is not among ``items`` stays, shown as it was written, and
    "nothing chosen" stays nothing: falling back to the first item would silently change the
    patient's input."""
    had_selection = combo.currentIndex() >= 0
    current = combo_data(combo) if had_selection else None
    current_text = combo.currentText()
    combo.blockSignals(True)
    try:
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        if not had_selection:
            combo.setCurrentIndex(-1)
            return
        index = combo.findData(current) if current is not None else 0
        if index < 0:
            combo.addItem(current_text, current)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
    finally:
        combo.blockSignals(False)


def range_hint(spec: Mapping[str, Any], unit: Any = None) -> str:
    """Placeholder text from the engine's plausible range (``range``, or ``ranges`` per lab unit);
    "(not given)" follows for an optional field, whose empty box means exactly that."""
    rng = spec.get("range")
    ranges = spec.get("ranges")
    if isinstance(ranges, Mapping) and isinstance(unit, str) and unit in ranges:
        rng = ranges[unit]
    hint = ""
    if isinstance(rng, Mapping) and rng.get("min") is not None and rng.get("max") is not None:
        hint = f"{format_number(rng['min'])}–{format_number(rng['max'])}"
    if not spec.get("required"):
        empty = QCoreApplication.translate("CalculatorForm", "not given")
        hint = f"{hint} ({empty})" if hint else empty
    return hint


def unit_slip(spec: Mapping[str, Any], text: str, unit: Any) -> str | None:
    """The unit a lab value probably was meant in: the one other unit whose plausible range (the
    engine's ``ranges``) holds a value outside the chosen unit's range; None when not exactly one."""
    number = parse_number(text)
    ranges = spec.get("ranges")
    if not isinstance(number, int | float) or not isinstance(ranges, Mapping):
        return None

    def inside(code: Any) -> bool:
        rng = ranges.get(code) if isinstance(code, str) else None
        return isinstance(rng, Mapping) and rng.get("min", 0) <= number <= rng.get("max", 0)

    if inside(unit):
        return None
    others = [code for code in ranges if code != unit and inside(code)]
    return others[0] if len(others) == 1 else None
