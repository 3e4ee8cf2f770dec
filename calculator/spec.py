"""``input_spec()``: the description of every input from which the desktop builds its form."""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any

from calculator import units
from calculator._data import rule_table


@lru_cache(maxsize=1)
def _spec() -> list[dict[str, Any]]:
    unit_names = rule_table("messages")["units"]
    spec = []
    for field in rule_table("inputs")["fields"]:
        entry: dict[str, Any] = {
            "path": field["path"],
            "kind": field["kind"],
            "group": field["group"],
            "label": dict(field["label"]),
            "required": field["required"],
            "default": field.get("default"),
            "nullable": field.get("nullable", not field["required"]),
            "choices": [{"code": c["code"], "label": dict(c["label"])} for c in field.get("choices", [])],
            "units": [],
        }
        if field["kind"] == "number":
            entry["range"] = {"min": field["min"], "max": field["max"]}
            entry["integer"] = field.get("integer", False)
            unit = field.get("unit", "")
            if unit:
                entry["units"] = [{"code": unit, "label": dict(unit_names[unit])}]
        if "one_of" in field:
            # Exactly one field of the group is required (expected survival: months or at least 3 months).
            entry["one_of"] = field["one_of"]
        if field["kind"] == "lab":
            lab = field.get("lab") or field["path"].split(".")[-1]
            entry["units"] = [
                {"code": u["code"], "label": {"en": u["label"], "zh": u["label"]}}
                for u in units.lab_table(lab)["units"]
            ]
            entry["ranges"] = {}
            for unit in units.lab_table(lab)["units"]:
                low, high = units.unit_range(lab, unit["code"])
                entry["ranges"][unit["code"]] = {
                    "min": units.json_number(low),
                    "max": units.json_number(high),
                }
        if "help" in field:
            entry["help"] = dict(field["help"])
        spec.append(entry)
    return spec


def shared_spec() -> list[dict[str, Any]]:
    """The cached spec itself, for read-only use inside the engine (no copy)."""
    return _spec()


def input_spec() -> list[dict[str, Any]]:
    """Every input field, in form order.

    Each entry: ``path`` (dotted; a lab's value and unit are ``<path>.value`` / ``<path>.unit``),
    ``kind`` (number|enum|bool|codes|lab), ``group`` (patient|tumour|biomarkers|labs|safety),
    ``label`` {en, zh}, ``required``, ``default``, ``nullable``, ``choices`` [{code, label}],
    ``units`` [{code, label {en, zh}}] (first = SI default), ``range`` {min, max} for numbers,
    ``ranges`` {unit: {min, max}} for labs, ``integer`` for numbers, optional ``help`` {en, zh},
    optional ``one_of`` (a group name: exactly one field of the group must be given).
    """
    return copy.deepcopy(_spec())
