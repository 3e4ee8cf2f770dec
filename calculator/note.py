"""``render_text(assessment, lang)``: the plain-text chart note (also ``bonemet assess --format text``).

Plain text only — no markdown, no colour codes — so it pastes cleanly into a hospital record.
"""

from __future__ import annotations

import datetime
from typing import Any, cast

from calculator._data import rule_table
from calculator.spec import shared_spec
from calculator.texts import text_for
from guideline_content import LANGUAGES

_INDENT = "  "
# Chinese text takes full-width punctuation; English the ASCII forms.
_PUNCTUATION = {
    "en": {"colon": ": ", "comma": ", ", "list": ", ", "semicolon": "; ", "open": " (", "close": ")"},
    "zh": {"colon": "：", "comma": "，", "list": "、", "semicolon": "；", "open": "（", "close": "）"},
}


def _p(lang: str, mark: str) -> str:
    return _PUNCTUATION[lang][mark]


def _label(key: str, lang: str) -> str:
    return cast(str, rule_table("note")["labels"][key][lang])


def _lookup(inputs: dict[str, Any], path: str) -> Any:
    node: Any = inputs
    for part in path.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node


def input_value(field: dict[str, Any], value: Any, lang: str, inputs: dict[str, Any] | None = None) -> str:
    """One input as the report prints it ("70 µmol/L", "是", "芳香化酶抑制剂、CDK4/6 抑制剂"); public
    because the desktop printout shows the inputs the same way. ``inputs``: all of them, for a value
    whose meaning depends on another (an empty disease-free interval is de novo only without
    adjuvant therapy)."""
    choices = {c["code"]: c["label"][lang] for c in field["choices"]}
    if value is None or value == []:
        if field["path"] == "disease_free_interval_months" and not (inputs or {}).get("adjuvant_therapies"):
            return _label("de_novo", lang)
        return _label("none" if field["kind"] == "codes" else "not_given", lang)
    if field["kind"] == "lab":
        unit = next(u["label"][lang] for u in field["units"] if u["code"] == value["unit"])
        return f"{value['value']} {unit}"
    if field["kind"] == "bool":
        return _label("yes" if value else "no", lang)
    if field["kind"] == "codes":
        return _p(lang, "list").join(choices.get(v, v) for v in value)
    if field["kind"] == "enum":
        return cast(str, choices.get(value, str(value)))
    return str(value)


def _inputs(assessment: dict[str, Any], lang: str) -> list[str]:
    lines = [_label("inputs", lang)]
    for field in shared_spec():
        value = _lookup(assessment["inputs"], field["path"])
        shown = input_value(field, value, lang, assessment["inputs"])
        lines.append(f"{_INDENT}{field['label'][lang]}{_p(lang, 'colon')}{shown}")
    return lines


def _derived(assessment: dict[str, Any], lang: str) -> list[str]:
    derived = assessment["derived"]
    if derived is None:
        return []
    colon = _p(lang, "colon")
    lines = [
        _label("derived", lang),
        f"{_INDENT}{_label('crcl', lang)}{colon}{derived['crcl_ml_min']:.1f} mL/min",
    ]
    if derived["corrected_calcium_mmol_l"] is not None:
        lines.append(
            f"{_INDENT}{_label('corrected_calcium', lang)}{colon}{derived['corrected_calcium_mmol_l']:.2f} mmol/L"
        )
    elif derived["calcium_checked_mmol_l"] is not None:
        lines.append(
            f"{_INDENT}{_label('measured_calcium', lang)}{colon}{derived['calcium_checked_mmol_l']:.2f} mmol/L"
        )
    else:
        lines.append(f"{_INDENT}{_label('corrected_calcium', lang)}{colon}{_label('not_available', lang)}")
    lines.append(f"{_INDENT}{_label('working', lang)}{colon.rstrip()}")
    lines.extend(f"{_INDENT * 2}{line}" for line in derived["working"][lang].splitlines())
    return lines


def _warnings(assessment: dict[str, Any], lang: str) -> list[str]:
    if not assessment["warnings"]:
        return []
    lines = [_label("warnings", lang)]
    for warning in assessment["warnings"]:
        lines.append(f"{_INDENT}[{text_for(warning['severity'])[lang]}] {warning['message'][lang]}")
    return lines


def _hypercalcemia(assessment: dict[str, Any], lang: str) -> list[str]:
    hcm = assessment.get("hypercalcemia")
    if not hcm or not hcm["present"]:
        return []
    severity = rule_table("note")["severity_words"][hcm["severity"]][lang]
    grade = f"CTCAE {hcm['ctcae_grade']} 级" if lang == "zh" else f"CTCAE grade {hcm['ctcae_grade']}"
    lines = [f"{_label('hypercalcaemia', lang)}{_p(lang, 'colon')}{severity}{_p(lang, 'comma')}{grade}"]
    lines.extend(
        f"{_INDENT}{number}. {step['text'][lang]}" for number, step in enumerate(hcm["steps"], start=1)
    )
    return lines


def _systemic(assessment: dict[str, Any], lang: str) -> list[str]:
    systemic = assessment["systemic_therapy"]
    if systemic is None:
        return []
    colon = _p(lang, "colon")
    lines = [
        _label("systemic", lang),
        f"{_INDENT}{_label('category', lang)}{colon}{text_for(systemic['category'])[lang]}",
    ]
    if len(systemic["options"]) > 1:
        lines.append(f"{_INDENT}{_label('options_order', lang)}")
    for number, option in enumerate(systemic["options"], start=1):
        lines.append(f"{_INDENT}{number}. {option['name'][lang]}{colon}{option['rationale'][lang]}")
        lines.append(f"{_INDENT * 2}{_label('library', lang)}{colon}{', '.join(option['refs'])}")
    return lines


def _agent_lines(agent: dict[str, Any], lang: str) -> list[str]:
    colon, separator = _p(lang, "colon"), _p(lang, "semicolon")
    status = _label({"eligible": "eligible", "pending": "pending"}.get(agent["status"], "not_eligible"), lang)
    if agent["preferred"]:
        status += f"{_p(lang, 'comma')}{_label('preferred', lang)}"
    route = f"{_p(lang, 'open')}{text_for(agent['route'])[lang]}{_p(lang, 'close')}"
    lines = [
        f"{_INDENT}{text_for(agent['agent'])[lang]}{route}{colon}{status}",
        f"{_INDENT * 2}{agent['schedule'][lang]}",
    ]
    if agent["blockers"]:
        names = separator.join(agent["blocker_texts"][code][lang] for code in agent["blockers"])
        lines.append(f"{_INDENT * 2}{_label('blockers', lang)}{colon}{names}")
    if agent["cautions"]:
        names = separator.join(text_for(code)[lang] for code in agent["cautions"])
        lines.append(f"{_INDENT * 2}{_label('cautions', lang)}{colon}{names}")
    return lines


def _bone_agent(assessment: dict[str, Any], lang: str) -> list[str]:
    bone = assessment["bone_agent"]
    if bone is None:
        return []
    indicated = bone["indicated"]
    verdict = _label("indicated" if indicated else "not_indicated" if indicated is False else "pending", lang)
    lines = [f"{_label('bone_agent', lang)}{_p(lang, 'colon')}{verdict}"]
    lines.extend(f"{_INDENT}{text_for(reason)[lang]}" for reason in bone["reasons"])
    for agent in bone["agents"]:
        lines.extend(_agent_lines(agent, lang))
    lines.append(_label("before_starting", lang))
    lines.extend(f"{_INDENT}- {text_for(step)[lang]}" for step in bone["before_starting"])
    return lines


def _monitoring(assessment: dict[str, Any], lang: str) -> list[str]:
    if assessment["monitoring"] is None:
        return []
    lines = [_label("monitoring", lang)]
    for row in assessment["monitoring"]:
        agents = _p(lang, "list").join(text_for(agent)[lang] for agent in row["agents"])
        item = f"{text_for(row['item'])[lang]}{_p(lang, 'comma')}{text_for(row['timing'])[lang]}"
        lines.append(f"{_INDENT}- {item}{_p(lang, 'colon')}{agents}")
        if "detail" in row:
            lines.append(f"{_INDENT * 2}{row['detail'][lang]}")
    return lines


def _references(assessment: dict[str, Any], lang: str) -> list[str]:
    lines = [_label("references", lang)]
    lines.extend(f"{_INDENT}[{ref['id']}] {ref['title']}" for ref in assessment["references"])
    return lines


def render_text(assessment: dict[str, Any], lang: str = "zh", today: datetime.date | None = None) -> str:
    """The assessment as a chart note in ``lang`` (zh or en); ``today`` fixes the date for tests."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    date = (today or datetime.date.today()).isoformat()
    sections = [
        [
            _label("title", lang),
            f"{_label('date', lang)}{_p(lang, 'colon')}{date}    "
            f"{_label('content_version', lang)}{_p(lang, 'colon')}{assessment['content_version']}    "
            f"{_label('rules_version', lang)}{_p(lang, 'colon')}{assessment['rules_version']}",
            *assessment["summary"][lang].splitlines(),
        ],
        _inputs(assessment, lang),
        _derived(assessment, lang),
        _warnings(assessment, lang),
        _hypercalcemia(assessment, lang),
        _systemic(assessment, lang),
        _bone_agent(assessment, lang),
        _monitoring(assessment, lang),
        _references(assessment, lang),
        [assessment["disclaimer"][lang]],
    ]
    return "\n\n".join("\n".join(section) for section in sections if section) + "\n"
