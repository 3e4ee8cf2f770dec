"""Parse and validate the patient JSON into frozen dataclasses.

Validation is driven by the same field table that ``input_spec()`` hands to the desktop form
(``rules/inputs.json``), so the form and the engine can never disagree about a field, a unit or a
range. Every problem is collected (not just the first) and names its field as a dotted path.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from calculator import units
from calculator._data import rule_table
from calculator.errors import Problem, ValidationError, printable
from guideline_content import LANGUAGES

_MISSING = object()

# Unknown keys get a "did you mean" suggestion only among the first problems that are shown: fuzzy
# matching thousands of pasted keys took half a minute and nobody reads past the first screen.
SUGGEST_WITHIN = 20


class NonFinite:
    """What the CLI's JSON reader puts where the text said NaN or Infinity (so the problem can
    name the field instead of failing the whole document)."""

    def __init__(self, literal: str) -> None:
        self.literal = literal


@dataclass(frozen=True)
class Lab:
    value: Decimal  # as entered
    unit: str  # canonical unit code as entered (umol/L, mg/dL, ...)
    si: Decimal  # the same value in the SI unit used in calculations


@dataclass(frozen=True)
class Patient:
    """The validated patient. In a partial assessment a required input may be missing: it is then
    None here and its path is in ``missing`` (the sections that need it are reported as pending)."""

    age_years: Decimal
    sex: str
    weight_kg: Decimal
    menopausal_status: str
    pregnant: bool
    hr_status: str
    her2_status: str
    bone_metastasis: str
    expected_survival_months: Decimal | None
    survival_at_least_3_months: bool | None  # from either survival input; None only when missing
    visceral_metastasis: bool
    visceral_crisis: bool
    endocrine_resistance: str
    disease_free_interval_months: Decimal | None
    line: int
    prior_therapies: frozenset[str]  # for advanced disease
    adjuvant_therapies: frozenset[str]
    months_since_adjuvant_end: Decimal | None  # 0 = relapsed during adjuvant therapy
    gbrca: str
    pik3ca: str
    esr1: str
    pdl1_cps: Decimal | None
    creatinine: Lab
    baseline_creatinine: Lab | None
    calcium: Lab | None
    albumin: Lab | None
    vitamin_d: Lab | None
    on_dialysis: bool
    nephrotoxic_drugs: bool
    dental_assessed: bool
    invasive_dental_procedure_planned: bool
    active_onj: bool
    unhealed_oral_lesion: bool
    current_bone_agent: str | None
    months_on_bone_agent: Decimal | None
    hypersensitivity: frozenset[str]
    missing: frozenset[str] = frozenset()

    def had(self, *therapies: str) -> bool:
        """True if any of ``therapies`` is among the prior therapies."""
        return any(t in self.prior_therapies for t in therapies)

    def had_adjuvant(self, *therapies: str) -> bool:
        """True if any of ``therapies`` was given as (neo)adjuvant treatment."""
        return any(t in self.adjuvant_therapies for t in therapies)

    def had_any(self, *therapies: str) -> bool:
        """Given in any setting (advanced or adjuvant)."""
        return self.had(*therapies) or self.had_adjuvant(*therapies)


def problem(field: str, code: str, message_key: str | None = None, **params: Any) -> Problem:
    """A Problem whose bilingual message comes from ``rules/messages.json`` (``message_key`` when the
    code's general message would mislead, e.g. a field another input can stand in for)."""
    template = rule_table("messages")["problems"][message_key or code]
    # Anything echoed from the input is escaped: one problem stays one line, whatever the file holds.
    shown = {key: printable(value) if isinstance(value, str) else value for key, value in params.items()}
    return Problem(field, code, {lang: template[lang].format(**shown) for lang in LANGUAGES})


def field_table() -> list[dict[str, Any]]:
    return cast(list[dict[str, Any]], rule_table("inputs")["fields"])


def _containers() -> dict[str, set[str]]:
    """Allowed keys per object level: '' (top), 'labs', 'dental', 'biomarkers'."""
    allowed: dict[str, set[str]] = {"": set()}
    for field in field_table():
        head, _, tail = field["path"].partition(".")
        allowed[""].add(head)
        if tail:
            allowed.setdefault(head, set()).add(tail)
    return allowed


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return units.shown(value) if not isinstance(value, float) or math.isfinite(value) else str(value)
    if isinstance(value, str):
        return f"'{value[:40]}'"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__


def _check_keys(obj: Mapping[str, Any], prefix: str, allowed: set[str], problems: list[Problem]) -> None:
    for key in getattr(obj, "duplicate_keys", ()):
        problems.append(problem(_join(prefix, key), "duplicate_field"))
    for key in obj:
        if key in allowed:
            continue
        name = _join(prefix, str(key))
        close = []
        if len(problems) < SUGGEST_WITHIN:
            close = difflib.get_close_matches(str(key), sorted(allowed), n=1, cutoff=0.6)
        if close:
            problems.append(problem(name, "unknown_field_suggest", suggestion=close[0]))
        else:
            problems.append(problem(name, "unknown_field", allowed=", ".join(sorted(allowed))))


def _join(prefix: str, key: str) -> str:
    key = printable(key)  # a key is echoed as the field name
    return f"{prefix}.{key}" if prefix else key


def _lookup(raw: Mapping[str, Any], path: str) -> Any:
    node: Any = raw
    for part in path.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return _MISSING
        node = node[part]
    return node


def _number(
    value: Any,
    path: str,
    problems: list[Problem],
    *,
    minimum: Any,
    maximum: Any,
    unit: str,
    integer: bool = False,
) -> Decimal | None:
    if isinstance(value, NonFinite) or (isinstance(value, float) and not math.isfinite(value)):
        problems.append(problem(path, "not_finite"))
        return None
    if isinstance(value, Decimal) and not value.is_finite():
        problems.append(problem(path, "not_finite"))
        return None
    if isinstance(value, str):
        # A number in quotes ("12") is refused, not converted: the form and the file follow one
        # rule (units.number_from_text) and the message says what a number looks like.
        written = units.number_from_text(value)
        if written is None:
            problems.append(problem(path, "not_a_number_text", got=value.strip()[:40]))
        else:
            problems.append(problem(path, "number_as_text", got=units.shown(written)))
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        problems.append(problem(path, "wrong_type_number", got=_type_name(value)))
        return None
    number = units.dec(value)
    if integer and number != number.to_integral_value():
        problems.append(problem(path, "not_integer", got=units.shown(number)))
        return None
    low, high = units.dec(minimum), units.dec(maximum)
    if not low <= number <= high:
        unit_text = rule_table("messages")["units"].get(unit, {"en": unit, "zh": unit})
        template = rule_table("messages")["problems"]["out_of_range"]
        params = {"got": units.shown(number), "min": units.fmt(low), "max": units.fmt(high)}
        message = {lang: template[lang].format(unit=unit_text[lang], **params).rstrip() for lang in LANGUAGES}
        problems.append(Problem(path, "out_of_range", message))
        return None
    return number


def _choice(value: Any, path: str, field: dict[str, Any], problems: list[Problem]) -> str | None:
    codes = [c["code"] for c in field["choices"]]
    if not isinstance(value, str):
        problems.append(problem(path, "wrong_type_string", allowed=", ".join(codes), got=_type_name(value)))
        return None
    if value not in codes:
        problems.append(problem(path, "unknown_choice", got=value[:40], allowed=", ".join(codes)))
        return None
    return value


def _codes(value: Any, path: str, field: dict[str, Any], problems: list[Problem]) -> frozenset[str] | None:
    if not isinstance(value, list | tuple):
        problems.append(problem(path, "wrong_type_list", got=_type_name(value)))
        return None
    allowed = [c["code"] for c in field["choices"]]
    bad = [v for v in value if not isinstance(v, str) or v not in allowed]
    for item in bad:
        shown = item[:40] if isinstance(item, str) else _type_name(item)
        problems.append(problem(path, "unknown_choice", got=shown, allowed=", ".join(allowed)))
    return None if bad else frozenset(value)


def lab_name(field: dict[str, Any]) -> str:
    """The units table a lab field uses (a baseline creatinine is measured like creatinine)."""
    return cast(str, field.get("lab") or field["path"].split(".")[-1])


def _lab(value: Any, path: str, problems: list[Problem], lab: str) -> Lab | None:
    if not isinstance(value, Mapping):
        problems.append(problem(path, "wrong_type_lab", got=_type_name(value)))
        return None
    _check_keys(value, path, {"value", "unit"}, problems)
    table = units.lab_table(lab)
    allowed_units = ", ".join(u["code"] for u in table["units"])
    unit_code: str | None = None
    raw_unit = value.get("unit", _MISSING)
    if raw_unit is _MISSING or raw_unit is None:
        problems.append(problem(f"{path}.unit", "missing_required"))
    elif not isinstance(raw_unit, str):
        problems.append(
            problem(f"{path}.unit", "wrong_type_string", allowed=allowed_units, got=_type_name(raw_unit))
        )
    else:
        unit_code = units.canonical_unit(lab, raw_unit.strip())
        if unit_code is None:
            problems.append(
                problem(f"{path}.unit", "unit_not_allowed", got=raw_unit[:40], allowed=allowed_units)
            )
    raw_value = value.get("value", _MISSING)
    if raw_value is _MISSING or raw_value is None:
        problems.append(problem(f"{path}.value", "missing_required"))
        return None
    if unit_code is None:
        # Without a known unit the range cannot be checked; still report a wrong type.
        _number(raw_value, f"{path}.value", problems, minimum="-Infinity", maximum="Infinity", unit="")
        return None
    number = _number(raw_value, f"{path}.value", problems, minimum="-Infinity", maximum="Infinity", unit="")
    if number is None:
        return None
    si = units.to_si(lab, number, unit_code)
    # The range belongs to the quantity: check the SI value, report the range in the unit entered.
    low, high = units.si_range(lab)
    if not low <= si <= high:
        shown_low, shown_high = units.unit_range(lab, unit_code)
        label = units.unit_label(lab, unit_code)
        if unit_code != units.si_unit(lab):
            label += f" ({units.fmt(low)}–{units.fmt(high)} {units.unit_label(lab, units.si_unit(lab))})"
        problems.append(
            problem(
                f"{path}.value",
                "out_of_range",
                got=units.shown(number),
                min=units.fmt(shown_low),
                max=units.fmt(shown_high),
                unit=label,
            )
        )
        return None
    return Lab(value=number, unit=unit_code, si=si)


def _read_field(
    raw: Mapping[str, Any], field: dict[str, Any], problems: list[Problem], missing: list[str] | None = None
) -> Any:
    """The field's value, its default, or None. A missing required field is a problem, or (in a
    partial assessment, ``missing`` given) is only recorded as missing."""
    path = field["path"]
    value = _lookup(raw, path)
    if value is _MISSING or value is None:
        if field["required"]:
            if missing is None:
                problems.append(problem(path, "missing_required"))
            else:
                missing.append(path)
        return field.get("default")
    kind = field["kind"]
    if kind == "number":
        number = _number(
            value,
            path,
            problems,
            minimum=field["min"],
            maximum=field["max"],
            unit=field.get("unit", ""),
            integer=field.get("integer", False),
        )
        if number is not None and field.get("integer"):
            return int(number)
        return number
    if kind == "bool":
        if not isinstance(value, bool):
            problems.append(problem(path, "wrong_type_bool", got=_type_name(value)))
            return None
        return value
    if kind == "enum":
        return _choice(value, path, field, problems)
    if kind == "codes":
        return _codes(value, path, field, problems)
    return _lab(value, path, problems, lab_name(field))


def _survival(values: dict[str, Any], problems: list[Problem], missing: list[str] | None) -> bool | None:
    """Expected survival of at least 3 months, from whichever of the two inputs was given (exactly
    one is required; both are accepted only when they agree)."""
    months, at_least = values["expected_survival_months"], values["expected_survival_at_least_3_months"]
    minimum = units.dec(rule_table("thresholds")["indication"]["min_expected_survival_months"])
    if months is None and at_least is None:
        if any(p.field.startswith("expected_survival") for p in problems):
            return None  # given but invalid: that problem is already reported
        if missing is None:
            # An ordinary missing required field (the field's help names the alternative).
            # Same code (the form marks it as missing), a message that names the alternative (review #6).
            problems.append(problem("expected_survival_months", "missing_required", "survival_missing"))
        else:
            missing.append("expected_survival_months")
        return None
    from_months = None if months is None else months >= minimum
    if from_months is not None and at_least is not None and from_months != at_least:
        problems.append(problem("expected_survival_at_least_3_months", "survival_disagrees"))
        return None
    return cast(bool | None, from_months if from_months is not None else at_least)


def _contradictions(values: dict[str, Any], problems: list[Problem]) -> None:
    """Inputs that cannot all be true: a problem on one field whose message names the other (the
    doctor decides which of the two is wrong; the engine never picks one)."""
    sex, status = values["sex"], values["menopausal_status"]
    if sex == "male" and values["pregnant"] is True:
        problems.append(problem("pregnant", "male_pregnant"))
    if values["pregnant"] is True and status == "postmenopausal":
        problems.append(problem("pregnant", "pregnant_postmenopausal"))
    if sex == "male" and status not in (None, "unknown"):
        problems.append(problem("menopausal_status", "male_menopausal", got=status))
    if values["visceral_crisis"] is True and values["visceral_metastasis"] is False:
        problems.append(problem("visceral_crisis", "crisis_without_visceral"))
    age, interval = values["age_years"], values["disease_free_interval_months"]
    if age is not None and interval is not None:
        adult_from = units.dec(rule_table("thresholds")["plausibility"]["adult_from_years"])
        longest = (age - adult_from) * 12
        if interval > longest:
            problems.append(
                problem(
                    "disease_free_interval_months",
                    "dfi_exceeds_adult_life",
                    got=units.shown(interval),
                    age=units.shown(age),
                    max=units.fmt(longest),
                )
            )


def parse_patient(raw: Any, partial: bool = False) -> Patient:
    """Validate ``raw`` (the decoded patient JSON) and return a Patient, or raise ValidationError.
    ``partial``: a missing required input is not a problem; it is listed in ``Patient.missing``."""
    if not isinstance(raw, Mapping):
        raise ValidationError([problem("", "not_an_object")])
    problems: list[Problem] = []
    allowed = _containers()
    _check_keys(raw, "", allowed[""], problems)
    for container, keys in allowed.items():
        if not container or container not in raw or raw[container] is None:
            continue
        if isinstance(raw[container], Mapping):
            _check_keys(raw[container], container, keys, problems)
        else:
            problems.append(problem(container, "not_an_object"))
    missing: list[str] | None = [] if partial else None
    values = {f["path"]: _read_field(raw, f, problems, missing) for f in field_table()}
    _contradictions(values, problems)
    survival = _survival(values, problems, missing)
    if problems:
        raise ValidationError(problems)
    return Patient(
        age_years=values["age_years"],
        sex=values["sex"],
        weight_kg=values["weight_kg"],
        menopausal_status=values["menopausal_status"],
        pregnant=values["pregnant"],
        hr_status=values["hr_status"],
        her2_status=values["her2_status"],
        bone_metastasis=values["bone_metastasis"],
        expected_survival_months=values["expected_survival_months"],
        survival_at_least_3_months=survival,
        visceral_metastasis=values["visceral_metastasis"],
        visceral_crisis=values["visceral_crisis"],
        endocrine_resistance=values["endocrine_resistance"],
        disease_free_interval_months=values["disease_free_interval_months"],
        line=values["line"],
        prior_therapies=frozenset(values["prior_therapies"]),
        adjuvant_therapies=frozenset(values["adjuvant_therapies"]),
        months_since_adjuvant_end=values["months_since_adjuvant_end"],
        gbrca=values["biomarkers.gbrca"],
        pik3ca=values["biomarkers.pik3ca"],
        esr1=values["biomarkers.esr1"],
        pdl1_cps=values["biomarkers.pdl1_cps"],
        creatinine=values["labs.creatinine"],
        baseline_creatinine=values["labs.baseline_creatinine"],
        calcium=values["labs.calcium"],
        albumin=values["labs.albumin"],
        vitamin_d=values["labs.vitamin_d"],
        on_dialysis=values["on_dialysis"],
        nephrotoxic_drugs=values["nephrotoxic_drugs"],
        dental_assessed=values["dental.assessed"],
        invasive_dental_procedure_planned=values["dental.invasive_procedure_planned"],
        active_onj=values["dental.active_onj"],
        unhealed_oral_lesion=values["dental.unhealed_oral_lesion"],
        current_bone_agent=values["current_bone_agent"],
        months_on_bone_agent=values["months_on_bone_agent"],
        hypersensitivity=frozenset(values["hypersensitivity"]),
        missing=frozenset(missing or ()),
    )
