"""The declared shape of every rule table in ``calculator/rules`` (one entry of ``SCHEMAS`` per file).

tests/calculator/test_rule_schemas.py checks each table against its entry and fails on a table
without one, so adding a table means adding its declaration here; adding a key to a table means
declaring it in that table's ``Record``. A ``Sources()`` field marks a rule row: the citation test
collects every such list and checks each key is a known reference.
"""

from __future__ import annotations

from collections.abc import Iterator

from calculator.shapes import (
    ANY,
    BOOL,
    INT,
    JSON,
    NONEMPTY,
    NUMBER,
    STR,
    Either,
    ListOf,
    MapOf,
    OneOf,
    Record,
    Shape,
    Sources,
    nullable,
    pattern,
)

TEXT = Record({"en": STR, "zh": STR})  # a bilingual text; placeholders in braces
LABEL = Record({"en": NONEMPTY, "zh": NONEMPTY})
REF = pattern(r"[a-z0-9-]+#[a-z0-9-]+", "a library section like kidney-function#per-agent")
REFS = ListOf(REF)
CODE = pattern(r"[a-z0-9_]+", "a code like zoledronic_acid")
AGENT_CODES = ("denosumab", "zoledronic_acid", "pamidronate", "ibandronate", "clodronate")
AGENT = OneOf(*AGENT_CODES)
BY_UNIT = MapOf(NUMBER, keys=r"[A-Za-z/]+", min_items=1)  # {"mg/dL": 0.5, "umol/L": 44}


def _bounds_say_inclusive(band: dict[str, JSON]) -> Iterator[str]:
    """Each set bound states whether it is inclusive; an unset bound has no inclusive flag."""
    for bound in ("min", "max"):
        flag = f"{bound}_inclusive"
        if band.get(bound) is not None and flag not in band:
            yield f"{bound} is {band[bound]!r} but {flag} is missing (say true or false)"
        if band.get(bound) is None and flag in band:
            yield f"{flag} is given but {bound} is null"


def _dose_or_blocker(band: dict[str, JSON]) -> Iterator[str]:
    if ("dose_mg" in band) == ("blocker" in band):
        yield "a band has either dose_mg or blocker (exactly one)"


BAND = Record(
    {"min": nullable(NUMBER), "max": nullable(NUMBER), "label": NONEMPTY, "source": Sources()},
    {
        "min_inclusive": BOOL,
        "max_inclusive": BOOL,
        "dose_mg": NUMBER,
        "renal_dose_adjusted": BOOL,
        "blocker": CODE,
    },
    rules=[_bounds_say_inclusive, _dose_or_blocker],
)

AGENTS = Record(
    {
        "agents": ListOf(
            Record(
                {
                    "agent": AGENT,
                    "class": OneOf("antibody", "bisphosphonate"),
                    "route": OneOf("SC", "IV", "PO"),
                    "interval_weeks": nullable(INT),
                    "interval_text": LABEL,
                    "dialysis": OneOf("caution", "block"),
                    "bands": ListOf(BAND, min_items=1),
                    "schedule": TEXT,
                    "refs": REFS,
                    "hypersensitivity_refs": REFS,
                    "source": Sources(),
                }
            ),
            min_items=1,
        ),
        "blocked_schedule": TEXT,
        "blocked_but_dose": TEXT,
        "dose_band": TEXT,
        "baseline_dose_band": TEXT,
        "pending_schedule": TEXT,
        "pending_dose_unknown": TEXT,
        "withheld_schedule": TEXT,
        "withheld_dose": TEXT,
        "rules": ListOf(
            Record(
                {
                    "code": CODE,
                    "kind": OneOf("blocker", "caution"),
                    # a group of agents, or the agents named in a list
                    "applies_to": Either(
                        OneOf(
                            "all",
                            "bands",
                            "bisphosphonates",
                            "named_or_class",
                            "other_than_current",
                            *AGENT_CODES,
                        ),
                        ListOf(AGENT, min_items=1),
                    ),
                    "refs": REFS,
                    "source": Sources(),
                },
                {
                    "crcl_below": NUMBER,
                    "resolvable": BOOL,  # a blocker that treatment can lift (then the dose is still shown)
                    "above": BY_UNIT,
                    "min_months_on_agent": NUMBER,
                    "on_note": BOOL,  # the caution is named in the short chart note
                },
            )
        ),
    }
)


def _field_kind_keys(field: dict[str, JSON]) -> Iterator[str]:
    kind = field.get("kind")
    if kind in ("enum", "codes") and "choices" not in field:
        yield f"a {kind} field needs choices"
    if kind not in ("enum", "codes") and "choices" in field:
        yield f"choices are only for enum and codes fields, not {kind}"
    numeric = ("min", "max", "unit", "integer")
    if kind != "number" and any(key in field for key in numeric):
        yield f"{', '.join(k for k in numeric if k in field)} only apply to number fields"
    if kind == "number" and ("min" in field) != ("max" in field):
        yield "a number field gives both min and max, or neither"
    if not field.get("required") and "default" not in field:
        yield "an optional field needs a default"


INPUTS = Record(
    {
        "fields": ListOf(
            Record(
                {
                    "path": pattern(r"[a-z0-9_]+(\.[a-z0-9_]+)?", "a dotted input path like labs.creatinine"),
                    "kind": OneOf("number", "enum", "bool", "codes", "lab"),
                    "group": OneOf("patient", "tumour", "biomarkers", "labs", "safety"),
                    "required": BOOL,
                    "label": LABEL,
                },
                {
                    "default": ANY,
                    "nullable": BOOL,
                    "choices": ListOf(Record({"code": CODE, "label": LABEL}), min_items=1),
                    "min": NUMBER,
                    "max": NUMBER,
                    "integer": BOOL,
                    "unit": STR,
                    "help": TEXT,
                    "source": Sources(),
                    "one_of": CODE,  # fields of one group: exactly one of them is given
                    "lab": CODE,  # a lab field measured like another lab (its units.json entry)
                },
                rules=[_field_kind_keys],
            ),
            min_items=1,
        )
    }
)

MESSAGES = Record(
    {
        "problems": MapOf(TEXT, min_items=1),
        "type_names": MapOf(TEXT, min_items=1),
        "units": MapOf(TEXT, keys=r"[A-Za-z/]*"),  # "" is the unit of a unitless number
    }
)

MONITORING = Record(
    {
        "rows": ListOf(
            Record(
                {
                    "item": CODE,
                    "timing": OneOf("baseline", "before_each_dose", "periodic"),
                    "agents": ListOf(AGENT, min_items=1),
                    "refs": REFS,
                    "source": Sources(),
                },
                {"detail": Record({"agent": AGENT, "en": NONEMPTY, "zh": NONEMPTY})},
            ),
            min_items=1,
        )
    }
)

NOTE = Record(
    {
        "disclaimer": LABEL,
        "labels": MapOf(LABEL, min_items=1),
        "summary": MapOf(TEXT, min_items=1),
        "severity_words": Record({"mild": LABEL, "moderate": LABEL, "severe": LABEL}),
        "short": MapOf(LABEL, min_items=1),
        "note": MapOf(TEXT, min_items=1),
    }
)

REFERENCES = Record({"references": MapOf(NONEMPTY, keys=r"[a-z0-9][a-z0-9-]*", min_items=1)})

_OPTION_REFS = (
    "male_refs",
    "tnbc_refs",
    "low_refs",
    "ultralow_refs",
    "hr_refs",
    "crisis_refs",
    "pregnancy_refs",
)
SYSTEMIC_OPTION = Record(
    {"name": LABEL, "rationale": MapOf(LABEL, min_items=1), "refs": REFS, "source": Sources()},
    {
        "names": MapOf(LABEL, min_items=1),  # a variant's own name (e.g. for men)
        **{key: REFS for key in _OPTION_REFS},
    },
)
CUTOFF = Record({"value": NUMBER, "inclusive": BOOL, "source": Sources()})

SYSTEMIC = Record(
    {
        "options": MapOf(SYSTEMIC_OPTION, min_items=1),
        "category_rules": ListOf(
            Record(
                {
                    "when": NONEMPTY,
                    "category": OneOf("endocrine_based", "anti_her2_based", "chemotherapy_based"),
                    "refs": REFS,
                    "source": Sources(),
                }
            ),
            min_items=1,
        ),
        "pdl1_cps_min": CUTOFF,
        "pembrolizumab_min_dfi_months": CUTOFF,
        "eligibility": MapOf(CUTOFF, min_items=1),
    }
)

TEXTS = Record({"codes": MapOf(LABEL, min_items=1)})


def _threshold(required: dict[str, Shape], optional: dict[str, Shape] | None = None) -> Record:
    """A thresholds.json entry: its own numbers plus the source and library refs every entry has."""
    return Record({**required, "source": Sources(), "refs": REFS}, optional)


THRESHOLDS = Record(
    {
        "cockcroft_gault": _threshold(
            {
                "age_from": NUMBER,
                "divisor": NUMBER,
                "female_factor": NUMBER,
                "creatinine_umol_per_mg_dl": NUMBER,
                "weight": OneOf("actual"),
                "display_places": INT,
            }
        ),
        "corrected_calcium": _threshold(
            {"reference_albumin_g_l": NUMBER, "coefficient_mmol_per_g": NUMBER, "display_places": INT}
        ),
        "hypocalcaemia": _threshold({"below_mmol_l": NUMBER, "inclusive": BOOL}),
        "hypercalcaemia": _threshold({"above_mmol_l": NUMBER, "inclusive": BOOL}),
        "vitamin_d_low": _threshold({"below_ng_ml": NUMBER, "inclusive": BOOL}),
        "indication": _threshold(
            {
                "bone_metastasis": OneOf("confirmed", "suspected"),
                "min_expected_survival_months": NUMBER,
                "min_inclusive": BOOL,
            }
        ),
        "denosumab_preference": _threshold(
            {"crcl_below": NUMBER, "inclusive": BOOL, "or_on_dialysis": BOOL, "or_nephrotoxic_drugs": BOOL}
        ),
        "creatinine_rise_rule": _threshold(
            {
                "at_boundary": OneOf("normal", "abnormal"),
                "rise_if_normal": BY_UNIT,
                "rise_if_abnormal": BY_UNIT,
                "resume_within_percent": NUMBER,
                "agents": ListOf(AGENT, min_items=1),
                "baseline_normal_below": BY_UNIT,
            }
        ),
        "plausibility": Record(
            {
                "adult_from_years": NUMBER,
                "crcl_max_ml_min": NUMBER,
                "pregnancy_check_from_years": NUMBER,
                "dialysis_creatinine_normal_below": BY_UNIT,
                "source": Sources(),
            }
        ),
    }
)

UNIT_CODE = pattern(r"[A-Za-z/]+", "a unit code like umol/L")
UNITS = Record(
    {
        "labs": MapOf(
            Record(
                {
                    "si": UNIT_CODE,
                    "si_min": NUMBER,
                    "si_max": NUMBER,
                    "units": ListOf(
                        Record(
                            {
                                "code": UNIT_CODE,
                                "label": NONEMPTY,
                                "op": OneOf("multiply", "divide"),
                                "factor": NUMBER,
                            }
                        ),
                        min_items=1,
                    ),
                    "aliases": MapOf(UNIT_CODE, keys=r"\S+"),
                    "source": Sources(),
                }
            ),
            min_items=1,
        )
    }
)

CHOICE_LIST = ListOf(Record({"code": CODE, "points": INT, "label": LABEL}), min_items=2)
SCORE_ITEM = Record({"key": CODE, "label": LABEL, "choices": CHOICE_LIST})


def _min_not_above_max(row: dict[str, JSON]) -> Iterator[str]:
    low, high = row.get("min"), row.get("max")
    if isinstance(low, int | float) and isinstance(high, int | float) and low > high:
        yield f"min {low} is above max {high}"


def _score_band(required: dict[str, Shape]) -> ListOf:
    """Score cut-offs: whole-number bounds, both inclusive (as the tables print them)."""
    fields: dict[str, Shape] = {"code": CODE, "min": INT, "max": INT, "label": LABEL, **required}
    return ListOf(Record(fields, rules=[_min_not_above_max]), min_items=2)


def _score(required: dict[str, Shape]) -> Record:
    common = {"title": LABEL, "source": Sources(), "refs": REFS, "items": ListOf(SCORE_ITEM, min_items=1)}
    return Record({**common, **required})


SCORES = Record(
    {
        "sins": _score(
            {"categories": _score_band({"action": LABEL}), "action_source": Sources()},
        ),
        "mirels": _score(
            {
                "bones": ListOf(
                    Record({"code": CODE, "sites": ListOf(CODE, min_items=1), "label": LABEL}), min_items=1
                ),
                "bands": _score_band({"risk_band": NONEMPTY, "risk_text": LABEL, "action_text": LABEL}),
                "notes": MapOf(LABEL, min_items=1),
            }
        ),
    }
)

MSCC = Record(
    {
        "findings": ListOf(
            Record(
                {
                    "code": CODE,
                    "tier": OneOf("immediate", "urgent"),
                    "neurological": BOOL,
                    "label": LABEL,
                    "source": Sources(),
                }
            ),
            min_items=1,
        ),
        "steps": ListOf(
            Record(
                {
                    "code": CODE,
                    "when": OneOf("immediate", "urgent", "any", "neurological", "not_neurological"),
                    "text": LABEL,
                    "refs": REFS,
                    "source": Sources(),
                }
            ),
            min_items=1,
        ),
        "none_ticked": LABEL,
        "radiotherapy": ListOf(
            Record(
                {
                    "code": CODE,
                    "indication": OneOf("pain", "mscc", "postoperative"),
                    # [total dose in Gy, number of fractions]
                    "schedules": ListOf(ListOf(NUMBER, min_items=2, max_items=2)),  # none: text only
                    "text": LABEL,
                    "refs": REFS,
                    "source": Sources(),
                }
            ),
            min_items=1,
        ),
    }
)

SEVERITY = OneOf("mild", "moderate", "severe")


def _last_grade_open(grading: dict[str, JSON]) -> Iterator[str]:
    """CTCAE grades in order: each has an upper bound except the last, which is open."""
    grades = grading.get("ctcae")
    if isinstance(grades, list) and grades:
        uppers = [g.get("max_mmol_l") for g in grades if isinstance(g, dict)]
        if uppers[-1] is not None or None in uppers[:-1]:
            yield "ctcae: every grade but the last has an upper bound (max_mmol_l), the last has null"


HYPERCALCEMIA = Record(
    {
        "grading": Record(
            {
                "present_above_mmol_l": NUMBER,
                "ctcae": ListOf(Record({"grade": INT, "max_mmol_l": nullable(NUMBER)}), min_items=1),
                "moderate_from_mmol_l": NUMBER,
                "severe_from_mmol_l": NUMBER,
                "block_from_mmol_l": NUMBER,
                "source": Sources(),
                "refs": REFS,
            },
            rules=[_last_grade_open],
        ),
        "pamidronate_90_above_mg_dl": NUMBER,
        "ibandronate_4_mg_from_mmol_l": NUMBER,
        "zoledronic_no_renal_reduction_below": BY_UNIT,
        "renal_appendix": Record(
            {
                "source": Sources(),
                "kidney": Record({"text": LABEL, "short": LABEL}),
                "withheld": Record({"text": LABEL, "short": LABEL}),
            }
        ),
        "steps": ListOf(
            Record(
                {
                    "code": CODE,
                    "severities": ListOf(SEVERITY, min_items=1),
                    "text": LABEL,
                    "short": LABEL,
                    "refs": REFS,
                    "source": Sources(),
                },
                {
                    "agent": AGENT,
                    "text_high_creatinine": LABEL,
                    "text_90": LABEL,
                    "text_2": LABEL,
                    "text_routine_withheld": LABEL,
                    "short_withheld": LABEL,
                },
            ),
            min_items=1,
        ),
    }
)

WARNINGS = MapOf(Record({"refs": ListOf(REF, min_items=1)}), min_items=1)

WORKING = MapOf(TEXT, min_items=1)

# file name (without .json) -> declared shape; one entry per table, no more, no fewer.
SCHEMAS: dict[str, Shape] = {
    "agents": AGENTS,
    "hypercalcemia": HYPERCALCEMIA,
    "inputs": INPUTS,
    "messages": MESSAGES,
    "monitoring": MONITORING,
    "mscc": MSCC,
    "note": NOTE,
    "references": REFERENCES,
    "scores": SCORES,
    "systemic": SYSTEMIC,
    "texts": TEXTS,
    "thresholds": THRESHOLDS,
    "units": UNITS,
    "warnings": WARNINGS,
    "working": WORKING,
}
