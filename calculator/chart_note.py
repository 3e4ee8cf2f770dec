"""``render_note(assessment, lang)``: the SHORT chart note (5–10 lines) a ward doctor pastes into the
record — ``bonemet assess FILE --format note``. ``render_text`` stays the full report.

Every line is built from the assessment's own output (no clinical rule here), in plain text.
"""

from __future__ import annotations

from typing import Any, cast

from calculator._data import rule_table
from calculator.spec import shared_spec
from calculator.summary import (
    blocker_short,
    bone_pending_text,
    calcium_text,
    dose_text,
    field_label,
    in_sentence,
    options_text,
    short_text,
)
from calculator.texts import text_for
from guideline_content import LANGUAGES

_SEP = {"en": "; ", "zh": "；"}
# A caution that a "before starting" step states as the thing to do (said once, as the step).
_NOT_AROUND_PAUSE = "other_bisphosphonate_withheld_for_rise"
_COVERED_BY_STEP = {"vitamin_d_low": "replete_vitamin_d", "dental_assessment_pending": "dental_assessment"}
_ZH_LINES = dict(enumerate("一二三四五六七八九十", start=1))  # 晚期二线, as a chart says it
_LIST = {"en": ", ", "zh": "、"}
# The chart note names up to five systemic options (the full report has them all, with rationales).
_NOTE_OPTIONS = 5
# Warnings about one systemic option, named beside the options in the note (short form).
_OPTION_CAUTIONS = {
    "sacituzumab_crcl_below_ascent": "sacituzumab_govitecan",
    "sacituzumab_crcl_below_tropics02": "sacituzumab_govitecan",
    "sacituzumab_kidney_unchecked": "sacituzumab_govitecan",
    "sacituzumab_ascent_entry_not_met": "sacituzumab_govitecan",
}


def _n(key: str, lang: str, **params: Any) -> str:
    return cast(str, rule_table("note")["note"][key][lang].format(**params))


def _choice_label(path: str, code: str | None, lang: str) -> str:
    field = next(f for f in shared_spec() if f["path"] == path)
    return next((c["label"][lang] for c in field["choices"] if c["code"] == code), str(code))


def _title(assessment: dict[str, Any], lang: str) -> str:
    inputs = assessment["inputs"]
    title = _n("title", lang)
    if inputs.get("hr_status") and inputs.get("her2_status"):
        hr = _choice_label("hr_status", inputs["hr_status"], lang)
        her2 = _choice_label("her2_status", inputs["her2_status"], lang).split("（")[0].split(" (")[0]
        if lang == "en":  # form choices are capitalised; inside a sentence: "HR positive / HER2 low"
            hr, her2 = hr.lower(), her2.lower()
        line = _ZH_LINES.get(inputs["line"], f"第 {inputs['line']} ") if lang == "zh" else inputs["line"]
        title += ("：" if lang == "zh" else ": ") + _n("subtype", lang, hr=hr, her2=her2, line=line)
    return title


def _kidney(assessment: dict[str, Any], lang: str) -> str | None:
    derived, inputs = assessment["derived"], assessment["inputs"]
    if derived is None:
        return None
    creatinine = inputs["labs"]["creatinine"]
    unit = "µmol/L" if creatinine["unit"] == "umol/L" else creatinine["unit"]
    if inputs.get("on_dialysis"):  # a clearance from the formula would mislead (facts §6.1)
        line = _n("kidney_dialysis", lang, creatinine=f"{creatinine['value']} {unit}")
        return line + " · " + calcium_text(derived, lang)
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
        # Kidney or calcium inputs still missing: say so rather than leave the line out.
        waiting = assessment["pending"].get("bone_agent")
        text = bone_pending_text(assessment, lang)
        return [text[:1].upper() + text[1:]] if waiting else []  # a line of its own starts with a capital
    summary_words = rule_table("note")["summary"]
    agents = bone["agents"]
    usable = sorted((a for a in agents if a["status"] == "eligible"), key=lambda a: not a["preferred"])
    withheld = [
        a for a in agents if a["status"] == "blocked" and a["blockers"] == ["creatinine_rise_withhold"]
    ]
    # An IV bisphosphonate that must not replace one withheld for a creatinine rise is said with the
    # pause, not offered among the alternatives (the engine keeps it eligible, with that caution).
    held_back = [a for a in usable if _NOT_AROUND_PAUSE in a["cautions"]] if withheld else []
    usable = [a for a in usable if a not in held_back]
    # The preferred agent (or the two main choices) with dose and interval; the rest by name only,
    # unless their dose is reduced for the kidneys (a switch must not fall back to the full dose).
    shown = usable[:1] if usable and usable[0]["preferred"] else usable[:2]
    parts = [dose_text(a, lang) + (summary_words["preferred"][lang] if a["preferred"] else "") for a in shown]
    others = [
        dose_text(a, lang) if "renal_dose_adjusted" in a["cautions"] else text_for(a["agent"])[lang]
        for a in usable
        if a not in shown
    ]
    if others:
        parts.append(_n("also", lang) + _LIST[lang].join(others))
    pending = [a for a in agents if a["status"] == "pending"]
    if not parts and pending:
        # Nothing usable yet because inputs are missing: say what the agents wait for, not "none" (review #5).
        return [_n("bone", lang) + _waiting(pending, lang)]
    # With hypercalcaemia of malignancy the routine schedule waits until the calcium is controlled.
    head = _n("bone_after_hcm" if _hypercalcaemia_first(assessment) else "bone", lang)
    line = head + (_SEP[lang].join(parts) or _n("none_usable", lang))
    # The first agent's cautions belong on the chart (e.g. CrCl below 30: severe hypocalcaemia risk),
    # except one the "before starting" line already turns into a step.
    steps = set(bone["before_starting"])
    first_cautions = (
        [c for c in shown[0]["cautions"] if _COVERED_BY_STEP.get(c) not in steps] if shown else []
    )
    if first_cautions:
        cautions = _SEP[lang].join(text_for(code)[lang] for code in first_cautions)
        line += _n("cautions", lang, agent=text_for(shown[0]["agent"])[lang]) + cautions
    # The first agent's cautions are printed in full above; the others' flagged ones here.
    line += _note_cautions(usable[1:], set(usable[0]["cautions"]) if usable else set(), lang)
    lines = [line]
    if bone["indicated"] is False:
        reasons = _LIST[lang].join(rule_table("note")["short"][r][lang] for r in bone["reasons"])
        lines[0] = _n("bone", lang) + summary_words["not_indicated"][lang].format(reason=reasons)
    if pending:
        fields = {
            a["agent"]: _LIST[lang].join(field_label(p, lang) for p in a["pending_on"]) for a in pending
        }
        lines.append(
            _n("pending", lang) + _SEP[lang].join(_named(a, fields[a["agent"]], lang) for a in pending)
        )
    blocked = [a for a in agents if a["status"] == "blocked"]
    # A dose withheld for a creatinine rise is a pause, not a contraindication: its own line, first,
    # with the resume condition and the agents that are no way round it.
    if withheld:
        items = [_named(a, a["schedule"][lang], lang) for a in withheld]
        if held_back:
            names = [text_for(a["agent"])[lang] for a in held_back]
            items.append(_named_group(names, short_text(_NOT_AROUND_PAUSE, lang), lang))
        lines.insert(0, _n("withheld", lang) + _SEP[lang].join(items))
    excluded = [a for a in blocked if a not in withheld]
    if excluded:
        # Agents with the same reasons share one entry: "唑来膦酸、帕米膦酸二钠（透析）".
        groups: dict[str, list[str]] = {}
        for agent in excluded:
            codes = agent["blockers"]
            if "on_dialysis" in codes:  # the formula's CrCl says nothing more on dialysis
                codes = [code for code in codes if code != "crcl_below_30"]
            reasons = _LIST[lang].join(blocker_short(agent, code, lang) for code in codes)
            groups.setdefault(reasons, []).append(text_for(agent["agent"])[lang])
        items = [_named_group(names, reasons, lang) for reasons, names in groups.items()]
        lines.append(_n("excluded", lang) + _SEP[lang].join(items))
    return lines


def _named(agent: dict[str, Any], detail: str, lang: str) -> str:
    return _named_group([text_for(agent["agent"])[lang]], detail, lang)


def _named_group(names: list[str], detail: str, lang: str) -> str:
    open_, close = ("（", "）") if lang == "zh" else (" (", ")")
    return f"{_LIST[lang].join(names)}{open_}{detail}{close}"


def _after(previous: str, name: str, lang: str) -> str:
    """A list item after the first, in a sentence: "询问颌骨疼痛…、新发大腿…" (the shared verb once)."""
    for verb in ("询问", "Ask about "):
        if previous.startswith(verb) and name.startswith(verb):
            name = name[len(verb) :]
    return in_sentence(name, lang)


def _hypercalcaemia_first(assessment: dict[str, Any]) -> bool:
    return any(w["code"] == "hypercalcemia_of_malignancy" for w in assessment["warnings"])


def _waiting(pending: list[dict[str, Any]], lang: str) -> str:
    """'待补充 血钙 后确定（地舒单抗、唑来膦酸）', one entry per set of missing fields."""
    groups: dict[str, list[str]] = {}
    for agent in pending:
        fields = _LIST[lang].join(field_label(p, lang) for p in agent["pending_on"])
        groups.setdefault(fields, []).append(text_for(agent["agent"])[lang])
    template = rule_table("note")["summary"]["bone_waiting"][lang]
    return _SEP[lang].join(template.format(fields=f, agents=_LIST[lang].join(n)) for f, n in groups.items())


def _note_cautions(agents: list[dict[str, Any]], printed: set[str], lang: str) -> str:
    """Cautions marked ``on_note`` in rules/agents.json for the usable agents after the first, so a
    name on the chart never hides why it should not simply be given (review #3)."""
    flagged = {r["code"] for r in rule_table("agents")["rules"] if r.get("on_note")}
    groups: dict[str, list[str]] = {}
    for agent in agents:
        for code in agent["cautions"]:
            if code in flagged and code not in printed:
                groups.setdefault(code, []).append(text_for(agent["agent"])[lang])
    # Codes that name the same agents share one "Caution (…)" entry.
    by_names: dict[tuple[str, ...], list[str]] = {}
    for code, names in groups.items():
        by_names.setdefault(tuple(names), []).append(text_for(code)[lang])
    return "".join(
        _n("cautions", lang, agent=_LIST[lang].join(names)) + _SEP[lang].join(texts)
        for names, texts in by_names.items()
    )


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
    # Items checked at the same times share one entry: "血磷、血镁（基线、治疗期间定期）".
    by_timing: dict[tuple[str, ...], list[str]] = {}
    for item, when in timings.items():
        names = by_timing.setdefault(tuple(when), [])
        names.append(text_for(item)[lang] if not names else _after(names[-1], text_for(item)[lang], lang))
    items = [_named_group(names, _LIST[lang].join(when), lang) for when, names in by_timing.items()]
    return _n("monitoring", lang) + _SEP[lang].join(items)


def _systemic(assessment: dict[str, Any], lang: str) -> str | None:
    systemic = assessment["systemic_therapy"]
    if systemic is None:
        return None
    words = rule_table("note")["summary"]
    category = text_for(systemic["category"])[lang]
    if not systemic["options"]:
        return cast(str, words["systemic_no_option"][lang].format(category=category))
    line = cast(
        str,
        words["systemic"][lang].format(
            category=category, options=options_text(systemic, lang, _NOTE_OPTIONS)
        ),
    )
    # Only for an option the note names: the others, and their cautions, are in the full report.
    names = {option["code"]: option["name"][lang] for option in systemic["options"][:_NOTE_OPTIONS]}
    derived, dialysis = assessment["derived"], assessment["inputs"].get("on_dialysis")
    kidney = (
        _n("on_dialysis", lang)
        if dialysis or derived is None
        else _n("kidney_here", lang, crcl=f"{derived['crcl_ml_min']:.1f}")
    )
    said: dict[str, list[str]] = {}  # one "Caution (option): …; …" per option
    for warning in assessment["warnings"]:
        option = _OPTION_CAUTIONS.get(warning["code"])
        if option is not None and option in names:
            said.setdefault(option, []).append(short_text(warning["code"], lang).replace("{kidney}", kidney))
    for option, texts in said.items():
        line += _n("cautions", lang, agent=names[option]) + _SEP[lang].join(texts)
    return line


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
