"""Every unit conversion the engine performs, driven by one table (``rules/units.json``).

Calculations use exact decimals so that a value typed by the doctor (``29.95``) is not nudged by
binary floating point before it is rounded for display and banding.
"""

from __future__ import annotations

import re
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any, cast

from calculator._data import rule_table


def dec(value: object) -> Decimal:
    """A number as an exact decimal: a float via its text (so 0.85 stays 0.85), an int directly
    (``str()`` refuses integers of more than 4300 digits, which a pasted patient file may hold)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(str(value))


# What counts as a number typed or written as text: ASCII digits, at most one decimal point, an
# optional sign (so that -5 gets the range message, not "not a number"). Exponents, commas,
# superscripts (6²), circled (⑫) or other scripts' digits (٣٥) are refused: Python's own
# int()/float() and NFKC accept some of them and would turn "6²" into 62.
_NUMBER_TEXT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)", re.ASCII)
# A Chinese input method in full-width mode types the same digits at full width: mapped one to one.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．＋－", "0123456789.+-")


def number_from_text(text: str) -> Decimal | None:
    """The number ``text`` spells under the app's rule (digits 0–9, at most one decimal point,
    an optional sign; full-width digits count), else None. Blank text is None too."""
    cleaned = text.strip().translate(_FULL_WIDTH)
    if not _NUMBER_TEXT.fullmatch(cleaned):
        return None
    return Decimal(cleaned)


def lab_table(lab: str) -> dict[str, Any]:
    return cast(dict[str, Any], rule_table("units")["labs"][lab])


def canonical_unit(lab: str, unit: str) -> str | None:
    """The accepted unit code for ``unit`` (an exact code or a listed alias), else None."""
    table = lab_table(lab)
    codes = {u["code"] for u in table["units"]}
    if unit in codes:
        return unit
    return cast(str | None, table.get("aliases", {}).get(unit))


def unit_row(lab: str, unit: str) -> dict[str, Any]:
    return next(u for u in lab_table(lab)["units"] if u["code"] == unit)


def to_si(lab: str, value: Decimal, unit: str) -> Decimal:
    """``value`` in ``unit`` expressed in the lab's SI unit."""
    row = unit_row(lab, unit)
    factor = dec(row["factor"])
    return value * factor if row["op"] == "multiply" else value / factor


def from_si(lab: str, value: Decimal, unit: str) -> Decimal:
    """``value`` in the lab's SI unit expressed in ``unit``."""
    row = unit_row(lab, unit)
    factor = dec(row["factor"])
    return value / factor if row["op"] == "multiply" else value * factor


def si_range(lab: str) -> tuple[Decimal, Decimal]:
    table = lab_table(lab)
    return dec(table["si_min"]), dec(table["si_max"])


def unit_range(lab: str, unit: str) -> tuple[Decimal, Decimal]:
    """The plausible range in ``unit``: the SI range converted, rounded inward to 3 decimals so that
    every value inside the shown range is accepted."""
    low, high = (from_si(lab, bound, unit) for bound in si_range(lab))
    step = Decimal("0.001")
    low, high = low.quantize(step, rounding=ROUND_CEILING), high.quantize(step, rounding=ROUND_FLOOR)
    return low.normalize(), high.normalize()


def si_unit(lab: str) -> str:
    return cast(str, lab_table(lab)["si"])


def unit_label(lab: str, unit: str) -> str:
    return cast(str, unit_row(lab, unit)["label"])


def shown(value: Decimal | float | int) -> str:
    """A number for a message: as the doctor would write it, or in short scientific notation when
    that would run to pages (10^400 typed or pasted by mistake must not flood the screen)."""
    number = dec(value)
    if -6 <= number.adjusted() <= 15:
        return fmt(number)
    mantissa, exponent = f"{number:.3e}".split("e")
    return f"{mantissa.rstrip('0').rstrip('.')}e{exponent}"


def json_number(value: Decimal) -> int | float:
    """A decimal for JSON output: an integer stays an integer (60, not 60.0)."""
    return int(value) if value == value.to_integral_value() else float(value)


def round_half_up(value: Decimal, places: int) -> Decimal:
    """Round as people do (29.95 → 30.0), not as banks do."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def truncate(value: Decimal, places: int) -> Decimal:
    """The first ``places`` decimals of an intermediate value in the working (29.9496 → 29.949).
    Rounding it half up would show 29.95 beside a result of 29.9 (half up from the exact value):
    a shown intermediate that is cut, not rounded, always rounds to the result the engine used."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)


def fmt(value: Decimal | float | int, places: int | None = None) -> str:
    """A number as the doctor would write it: fixed point, no exponent, no trailing zeros unless
    ``places`` asks for a fixed number of decimals."""
    number = dec(value)
    if places is not None:
        return f"{round_half_up(number, places):f}"
    return f"{number.normalize():f}"
