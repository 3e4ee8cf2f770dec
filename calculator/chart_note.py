"""``render_note(assessment, lang)``: the SHORT chart note (5–10 lines) a ward doctor pastes into the
record — ``bonemet assess FILE --format note``. ``render_text`` stays the full report.

Every line is built from the assessment's own output (no clinical rule here), in plain text.
"""

from __future__ import annotations

from typing import Any

from calculator._data import rule_table
from calculator.spec import shared_spec
from calculator.summary import blocker_short, calcium_text, dose_text, field_label
from calculator.texts import text_for
from guideline_content import LANGUAGES

_SEP = {"en": "; ", "zh": "；"}
_LIST = {"en": ", ", "zh": "、"}


def _n(key: str, lang: str, **params: Any) -> str:
    return rule_table("note")["note"][key][lang].format(**params)


def _choice_label(path: str, code: str | None, lang: str) -> str:
    field = next(f for f in shared_spec() if f["path"] == path)
    return next((c["label"][lang] for c in field["choices"] if c["code"] == code), str(code))


def _title(assessment: dict[str, Any], lang: str) -> str:
    inputs = assessment["inputs"]
    title = _n("title", lang)
    if inputs.get("hr_status") and inputs.get("her2_status"):
        hr = _choice_label("hr_status", inputs["hr_status"], lang)
        her2 = _choice_label("her2_status", inputs["her2_status"], lang).split("（")[0].split(" (")[0]
        title += ("：" if lang == "zh" else ": ") + _n("subtype", lang, hr=hr, her2=her2, line=inputs["line"])
    return title


def _kidney(assessment: dict[str, Any], lang: str) -> str | None:
    derived, inputs = assessment["derived"], assessment["inputs"]
    if derived is None:
        return None
    creatinine = inputs["labs"]["creatinine"]
    unit = "µmol/L" if creatinine["unit"] == "umol/L" else creatinine["unit"]
    line = _n(
        "kidney",
        lang,
        crcl=f"{derived['crcl_ml_min']:.1f}",
        weight=inputs["weight_kg"],
        creatinine=f"{creatinine['value']} {unit}",
    )
    if derived.get("baseline_crcl_ml_min") is not None:
        line += _n("baseline", lang, crcl=f"{derived['baseline_crcl_ml_min']:.1f}")
    return line + " · " + calcium_text(derived, lang)


def _hypercalcaemia(assessment: dict[str, Any], lang: str) -> str | None:
    hcm = assessment["hypercalcemia"]
    if not hcm or not hcm["present"]:
        return None
    severity = rule_table("note")["severity_words"][hcm["severity"]][lang]
    grade = f"CTCAE {hcm['ctcae_grade']}" + (" 级" if lang == "zh" else "")
    head = f"{severity}{'，' if lang == 'zh' else ', '}{grade}"
    steps = _SEP[lang].join(step["short"][lang] for step in hcm["steps"])
    return _n("hypercalcaemia", lang) + head + ("——" if lang == "zh" else " — ") + steps


def _bone(assessment: dict[str, Any], lang: str) -> list[str]:
    bone = assessment["bone_agent"]
    if bone is None:
        return []
    summary_words = rule_table("note")["summary"]
    agents = bone["agents"]
    usable = sorted((a for a in agents if a["status"] == "eligible"), key=lambda a: not a["preferred"])
    # The preferred agent (or the two main choices) with dose and interval; the rest by name only.
    shown = usable[:1] if usable and usable[0]["preferred"] else usable[:2]
    parts = [dose_text(a, lang) + (summary_words["preferred"][lang] if a["preferred"] else "") for a in shown]
    others = [text_for(a["agent"])[lang] for a in usable if a not in shown]
    if others:
        parts.append(_n("also", lang) + _LIST[lang].join(others))
    line = _n("bone", lang) + (_SEP[lang].join(parts) or _n("none", lang))
    if shown and shown[0]["cautions"]:
        # The first agent's cautions belong on the chart (e.g. CrCl below 30: severe hypocalcaemia risk).
        cautions = _SEP[lang].join(text_for(code)[lang] for code in shown[0]["cautions"])
        line += _n("cautions", lang, agent=text_for(shown[0]["agent"])[lang]) + cautions
    lines = [line]
    if bone["indicated"] is False:
        reasons = _LIST[lang].join(rule_table("note")["short"][r][lang] for r in bone["reasons"])
        lines[0] = _n("bone", lang) + summary_words["not_indicated"][lang].format(reason=reasons)
    pending = [a for a in agents if a["status"] == "pending"]
    if pending:
        lines.append(
            _n("pending", lang)
            + _SEP[lang].join(
                f"{text_for(a['agent'])[lang]}（{_LIST[lang].join(field_label(p, lang) for p in a['pending_on'])}）"
                if lang == "zh"
                else f"{text_for(a['agent'])[lang]} ({_LIST[lang].join(field_label(p, lang) for p in a['pending_on'])})"
                for a in pending
            )
        )
    blocked = [a for a in agents if a["status"] == "blocked"]
    if blocked:
        # Agents with the same reasons share one entry: "唑来膦酸、帕米膦酸二钠（CrCl<30、透析）".
        groups: dict[str, list[str]] = {}
        for agent in blocked:
            reasons = _LIST[lang].join(blocker_short(agent, code, lang) for code in agent["blockers"])
            if agent["blockers"] == ["creatinine_rise_withhold"]:
                reasons = agent["schedule"][lang]  # withheld: the resume condition with the numbers
            groups.setdefault(reasons, []).append(text_for(agent["agent"])[lang])
        open_, close = ("（", "）") if lang == "zh" else (" (", ")")
        items = [f"{_LIST[lang].join(names)}{open_}{reasons}{close}" for reasons, names in groups.items()]
        lines.append(_n("excluded", lang) + _SEP[lang].join(items))
    return lines


def _warnings(assessment: dict[str, Any], lang: str) -> str | None:
    serious = [w for w in assessment["warnings"] if w["severity"] == "block"]
    serious += [w for w in assessment["warnings"] if w["code"] == "dialysis_ckd_mbd_first"]
    if not serious:
        return None
    return _n("warnings", lang) + " ".join(w["message"][lang] for w in serious)


def _before(assessment: dict[str, Any], lang: str) -> str | None:
    bone = assessment["bone_agent"]
    if bone is None or not bone["before_starting"]:
        return None
    return _n("before", lang) + _SEP[lang].join(text_for(step)[lang] for step in bone["before_starting"])


def _monitoring(assessment: dict[str, Any], lang: str) -> str | None:
    rows = assessment["monitoring"]
    if not rows:
        return None
    timings: dict[str, list[str]] = {}
    for row in rows:
        timings.setdefault(row["item"], []).append(text_for(row["timing"])[lang])
    open_, close = ("（", "）") if lang == "zh" else (" (", ")")
    items = [
        f"{text_for(item)[lang]}{open_}{_LIST[lang].join(when)}{close}" for item, when in timings.items()
    ]
    return _n("monitoring", lang) + _SEP[lang].join(items)


def _systemic(assessment: dict[str, Any], lang: str) -> str | None:
    systemic = assessment["systemic_therapy"]
    if systemic is None:
        return None
    words = rule_table("note")["summary"]
    category = text_for(systemic["category"])[lang]
    options = " ".join(f"{i}. {o['name'][lang]}" for i, o in enumerate(systemic["options"][:3], start=1))
    line = words["systemic_no_option"][lang].format(category=category)
    return line + ("——" if lang == "zh" else " — ") + options if options else line


def render_note(assessment: dict[str, Any], lang: str = "zh") -> str:
    """The short chart note in ``lang`` (zh or en): 5–10 plain-text lines."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    lines = [
        _title(assessment, lang),
        _kidney(assessment, lang),
        _hypercalcaemia(assessment, lang),
        *_bone(assessment, lang),
        _warnings(assessment, lang),
        _before(assessment, lang),
        _monitoring(assessment, lang),
        _systemic(assessment, lang),
        _n(
            "versions",
            lang,
            content=assessment["content_version"],
            rules=assessment["rules_version"],
            app=assessment["app_version"],
        )
        + " "
        + _n("decides", lang),
    ]
    return "\n".join(line for line in lines if line) + "\n"
