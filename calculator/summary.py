"""``summary`` {en, zh}: one or two lines that answer the ward question — which bone agent, at what
dose, which are excluded and why, and the systemic category. Built only from the assessment's own
output, so it can never say something the detailed sections do not."""

from __future__ import annotations

from typing import Any, cast

from calculator._data import rule_table
from calculator.spec import shared_spec
from calculator.texts import text_for
from guideline_content import LANGUAGES

_SUMMARY_OPTIONS = 3


def _s(key: str, lang: str, **params: Any) -> str:
    return cast(str, rule_table("note")["summary"][key][lang].format(**params))


def short_text(code: str, lang: str) -> str:
    """A code in a few words (note.json "short"), else its full text."""
    short = rule_table("note")["short"]
    return short[code][lang] if code in short else text_for(code)[lang]


def field_label(path: str, lang: str) -> str:
    """The form label of an input path (what the doctor sees), else the path itself."""
    for field in shared_spec():
        if field["path"] == path:
            return str(field["label"][lang])
    return path


def _fields(paths: list[str], lang: str) -> str:
    return _s("list", lang).join(in_sentence(field_label(p, lang), lang) for p in paths)


def in_sentence(name: str, lang: str) -> str:
    """An English label inside a sentence: "serum creatinine", but "CrCl" and "25-OH" as they are."""
    if lang == "en" and name[:1].isupper() and not name[1:2].isupper():
        return name[0].lower() + name[1:]
    return name


def dose_text(agent: dict[str, Any], lang: str) -> str:
    """'120 mg 皮下注射 每 4 周一次' — the interval as the library writes it."""
    dose = agent["dose_mg"]
    shown = f"{int(dose)}" if float(dose).is_integer() else f"{dose}"
    name = text_for(agent["agent"])[lang]
    return f"{name} {shown} mg {text_for(agent['route'])[lang]} {agent['interval_text'][lang]}"


def calcium_text(derived: dict[str, Any], lang: str) -> str:
    if derived["corrected_calcium_mmol_l"] is not None:
        return _s("corrected", lang, value=f"{derived['corrected_calcium_mmol_l']:.2f}")
    if derived["calcium_checked_mmol_l"] is not None:
        return _s("measured", lang, value=f"{derived['calcium_checked_mmol_l']:.2f}")
    return _s("no_calcium", lang)


def blocker_short(agent: dict[str, Any], code: str, lang: str) -> str:
    """A blocker in a few words, with this agent's own renal limit ("CrCl<30", clodronate "CrCl<10")."""
    if code == "crcl_below_30":
        return f"CrCl<{agent['crcl_limit_ml_min']}"
    return short_text(code, lang)


def _grouped(agents: list[dict[str, Any]], key: str, lang: str) -> dict[str, list[str]]:
    """Agent names grouped by their first blocker (or their pending fields)."""
    groups: dict[str, list[str]] = {}
    for agent in agents:
        if key == "blockers":
            # On dialysis that is the reason; the formula's CrCl beside it says nothing more.
            first = "on_dialysis" if "on_dialysis" in agent["blockers"] else agent["blockers"][0]
            reason = blocker_short(agent, first, lang)
        else:
            reason = _fields(agent["pending_on"], lang)
        groups.setdefault(reason, []).append(text_for(agent["agent"])[lang])
    return groups


def _agents_part(bone: dict[str, Any], lang: str) -> str:
    agents = bone["agents"]
    parts = []
    eligible = [a for a in agents if a["status"] == "eligible"]
    preferred = [a for a in eligible if a["preferred"]]
    if preferred:
        parts.append(dose_text(preferred[0], lang) + _s("preferred", lang))
    elif eligible:
        # No agent preferred: the two listed first (denosumab, zoledronic acid) are the main choices.
        parts.append(_s("options", lang) + _s("or", lang).join(dose_text(a, lang) for a in eligible[:2]))
    for fields, names in _grouped(
        [a for a in agents if a["status"] == "pending"], "pending_on", lang
    ).items():
        parts.append(_s("pending", lang, agents=_s("list", lang).join(names), fields=fields))
    blocked = [a for a in agents if a["status"] == "blocked"]
    if not eligible and not any(a["status"] == "pending" for a in agents):
        parts.append(_s("none_usable", lang))
    for reason, names in _grouped(blocked, "blockers", lang).items():
        parts.append(_s("not_usable", lang, agents=_s("list", lang).join(names), reason=reason))
    return _s("semicolon", lang).join(parts)


def bone_pending_text(assessment: dict[str, Any], lang: str) -> str:
    """'骨改良药物：待补充 血清肌酐' — what the bone-agent assessment waits for."""
    return _s("bone_pending", lang, fields=_fields(assessment["pending"].get("bone_agent", []), lang))


def _bone_line(assessment: dict[str, Any], lang: str) -> str:
    derived, bone = assessment["derived"], assessment["bone_agent"]
    if derived is None or bone is None:
        return bone_pending_text(assessment, lang)
    kidney = (
        short_text("on_dialysis", lang).capitalize()
        if assessment["inputs"].get("on_dialysis")
        else _s("crcl", lang, value=f"{derived['crcl_ml_min']:.1f}")
    )
    head = kidney + _s("dot", lang) + calcium_text(derived, lang)
    hcm = assessment["hypercalcemia"]
    if hcm and any(w["code"] == "hypercalcemia_of_malignancy" for w in assessment["warnings"]):
        severity = rule_table("note")["severity_words"][hcm["severity"]][lang]
        return head + _s("arrow", lang) + _s("hcm", lang, severity=severity, grade=hcm["ctcae_grade"])
    if bone["indicated"] is False:
        reason = _s("list", lang).join(short_text(r, lang) for r in bone["reasons"])
        return head + _s("arrow", lang) + _s("not_indicated", lang, reason=reason)
    body = _agents_part(bone, lang)
    if bone["indicated"] is None:
        missing: list[str] = [
            p for p in ("bone_metastasis", "expected_survival_months") if p in _missing(assessment)
        ]
        body += _s("semicolon", lang) + _s("indication_pending", lang, fields=_fields(missing, lang))
    return head + _s("arrow", lang) + body


def _missing(assessment: dict[str, Any]) -> list[str]:
    inputs = assessment["inputs"]
    missing = []
    if inputs.get("bone_metastasis") is None:
        missing.append("bone_metastasis")
    if inputs.get("expected_survival_at_least_3_months") is None:
        missing.append("expected_survival_months")
    return missing


def _systemic_line(assessment: dict[str, Any], lang: str) -> str:
    systemic = assessment["systemic_therapy"]
    if systemic is None:
        return _s(
            "systemic_pending", lang, fields=_fields(assessment["pending"].get("systemic_therapy", []), lang)
        )
    category = text_for(systemic["category"])[lang]
    if not systemic["options"]:
        return _s("systemic_no_option", lang, category=category)
    return _s("systemic", lang, category=category, options=options_text(systemic, lang, _SUMMARY_OPTIONS))


def options_text(systemic: dict[str, Any], lang: str, limit: int) -> str:
    """The first ``limit`` option names in the pathway's order, none called "first" or numbered:
    no source ranks them (review #1), then how many more the full report lists."""
    shown = systemic["options"][:limit]
    names = _s("list", lang).join(option["name"][lang] for option in shown)
    more = len(systemic["options"]) - len(shown)
    return names + (_s("more_options", lang, count=more) if more else "")


def summary(assessment: dict[str, Any]) -> dict[str, str]:
    """{en, zh}: the bone-agent line and the systemic line, separated by a newline."""
    return {
        lang: _bone_line(assessment, lang) + "\n" + _systemic_line(assessment, lang) for lang in LANGUAGES
    }
