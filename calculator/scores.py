"""Local-therapy scores: SINS (spine) and Mirels (long bones), from the cited table ``rules/scores.json``.

``score_sins(inputs)`` and ``score_mirels(inputs)`` take the item codes fixed by issue 15 and return
the total, each item's points and the category (SINS) or risk band and action (Mirels). Bad input
raises ``ValidationError`` with one Problem per field, exactly as ``assess`` does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from calculator._data import rule_table
from calculator.errors import Problem, ValidationError
from calculator.patient import _check_keys, _type_name, problem

SCORES = ("sins", "mirels")


def score_table(name: str) -> dict[str, Any]:
    """The rule data of one score (items, choices with points, cut-offs, texts, sources, refs)."""
    if name not in SCORES:
        raise KeyError(f"no score {name!r}")
    return cast(dict[str, Any], rule_table("scores")[name])


def score_spec(name: str) -> list[dict[str, Any]]:
    """The items of a score for a form: key, label {en,zh}, choices [{code, points, label}]."""
    return cast(list[dict[str, Any]], score_table(name)["items"])


def _read_items(
    table: Mapping[str, Any], inputs: Any, optional: Mapping[str, list[str]]
) -> tuple[dict[str, str], list[Problem]]:
    """The chosen code per item (and per optional field), or the problems that stop scoring."""
    if not isinstance(inputs, Mapping):
        return {}, [problem("", "not_an_object")]
    problems: list[Problem] = []
    items = {item["key"]: [c["code"] for c in item["choices"]] for item in table["items"]}
    allowed = {**items, **optional}
    _check_keys(inputs, "", set(allowed), problems)
    chosen: dict[str, str] = {}
    for key, codes in allowed.items():
        value = inputs.get(key)
        if value is None:
            if key in items:
                problems.append(problem(key, "missing_required"))
            continue
        if not isinstance(value, str):
            problems.append(
                problem(key, "wrong_type_string", allowed=", ".join(codes), got=_type_name(value))
            )
        elif value not in codes:
            problems.append(problem(key, "unknown_choice", got=value[:40], allowed=", ".join(codes)))
        else:
            chosen[key] = value
    return chosen, problems


def _points(table: Mapping[str, Any], chosen: Mapping[str, str]) -> dict[str, int]:
    return {
        item["key"]: next(c["points"] for c in item["choices"] if c["code"] == chosen[item["key"]])
        for item in table["items"]
    }


def _band(rows: list[dict[str, Any]], total: int) -> dict[str, Any]:
    """The row whose inclusive [min, max] holds the total (the table covers the whole range)."""
    return next(row for row in rows if row["min"] <= total <= row["max"])


def score_sins(inputs: Any) -> dict[str, Any]:
    """SINS: ``total`` (0–18), ``items`` (points per item), ``category`` and the ``action`` text."""
    table = score_table("sins")
    chosen, problems = _read_items(table, inputs, {})
    if problems:
        raise ValidationError(problems)
    items = _points(table, chosen)
    total = sum(items.values())
    category = _band(table["categories"], total)
    return {
        "score": "sins",
        "total": total,
        "items": items,
        "choices": chosen,
        "category": category["code"],
        "category_text": dict(category["label"]),
        "action": dict(category["action"]),
        "source": list(dict.fromkeys(table["source"] + table["action_source"])),
        "refs": list(table["refs"]),
    }


def score_mirels(inputs: Any) -> dict[str, Any]:
    """Mirels: ``total`` (4–12), ``items``, ``risk_band`` and ``action`` (observe|judgement|fixation)."""
    table = score_table("mirels")
    bones = {bone["code"]: bone for bone in table["bones"]}
    chosen, problems = _read_items(table, inputs, {"bone": list(bones)})
    bone = chosen.get("bone")
    if bone and "site" in chosen and chosen["site"] not in bones[bone]["sites"]:
        # a humerus is never "lower limb": an implausible pair is named, never scored
        problems.append(
            problem("bone", "unknown_choice", got=bone, allowed=_bones_for(bones, chosen["site"]))
        )
    if problems:
        raise ValidationError(problems)
    items = _points(table, {key: chosen[key] for key in ("site", "pain", "lesion", "size")})
    total = sum(items.values())
    band = _band(table["bands"], total)
    notes = ["specificity"] if band["code"] != "observe" else []
    if bone == "humerus":
        notes.insert(0, "humerus")
    notes.append("size_definition")
    result: dict[str, Any] = {
        "score": "mirels",
        "total": total,
        "items": items,
        "choices": {key: chosen[key] for key in ("site", "pain", "lesion", "size")},
        "risk_band": band["risk_band"],
        "risk_text": dict(band["risk_text"]),
        "action": band["code"],
        "action_text": dict(band["action_text"]),
        "notes": [{"code": code, "text": dict(table["notes"][code])} for code in notes],
        "source": list(table["source"]),
        "refs": list(table["refs"]),
    }
    if bone:
        result["bone"] = bone
    return result


def _bones_for(bones: Mapping[str, Any], site: str) -> str:
    return ", ".join(code for code, bone in bones.items() if site in bone["sites"])


def score(name: str, inputs: Any) -> dict[str, Any]:
    """Dispatch by name ("sins" or "mirels"): the CLI's and the view's one entry point."""
    return score_sins(inputs) if name == "sins" else score_mirels(inputs)


def _short(label: str) -> str:
    """A choice label without its parenthesised detail: the chart line stays one line."""
    return label.split("（")[0].split(" (")[0]


def render_score_text(result: Mapping[str, Any], lang: str = "zh") -> str:
    """Two or three lines for the chart: total and category, the items, the action with sources."""
    table = score_table(result["score"])
    title = table["title"][lang]
    sep, colon = ("；", "：") if lang == "zh" else ("; ", ": ")
    unit = "分" if lang == "zh" else ""
    if result["score"] == "sins":
        verdict = result["category_text"][lang]
        action = result["action"][lang]
    else:
        verdict = result["risk_text"][lang]
        action = result["action_text"][lang]
    head = (
        f"{title}{colon}{result['total']}{unit}（{verdict}）"
        if lang == "zh"
        else (f"{title}: {result['total']} ({verdict})")
    )
    parts = []
    for item in table["items"]:
        code = result["choices"][item["key"]]
        choice = next(c for c in item["choices"] if c["code"] == code)
        parts.append(f"{_short(item['label'][lang])} {_short(choice['label'][lang])} {choice['points']}")
    sources = ", ".join(result["source"])
    return f"{head}\n{sep.join(parts)}\n{action} [{sources}]\n"
