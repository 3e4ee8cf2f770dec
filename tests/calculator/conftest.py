"""Builders for calculator tests: a complete, valid base patient and small helpers to read results."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from calculator import assess

BASE_PATIENT: dict[str, Any] = {
    "age_years": 68,
    "sex": "male",
    "weight_kg": 80,
    "hr_status": "positive",
    "her2_status": "zero",
    "bone_metastasis": "confirmed",
    "expected_survival_months": 24,
    "menopausal_status": "unknown",  # a man has no menopausal status (anything else is a contradiction)
    # Male, age 68, creatinine 1.0 mg/dL: CrCl = (140 - 68) x weight / (72 x 1.0) = weight exactly,
    # so a band edge is set by choosing the weight.
    "labs": {
        "creatinine": {"value": 1.0, "unit": "mg/dL"},
        "calcium": {"value": 2.35, "unit": "mmol/L"},
        "albumin": {"value": 40, "unit": "g/L"},
        "vitamin_d": {"value": 75, "unit": "nmol/L"},
    },
    "dental": {"assessed": True, "invasive_procedure_planned": False, "active_onj": False},
}


def make_patient(**changes: Any) -> dict[str, Any]:
    """The base patient with ``changes`` applied; nested keys as ``labs__calcium={...}``,
    ``dental__assessed=False``; a value of ``...`` deletes the key."""
    patient = copy.deepcopy(BASE_PATIENT)
    for key, value in changes.items():
        *parents, leaf = key.split("__")
        node = patient
        for parent in parents:
            node = node.setdefault(parent, {})
        if value is ...:
            node.pop(leaf, None)
        else:
            node[leaf] = value
    return patient


def agent(assessment: dict[str, Any], name: str) -> dict[str, Any]:
    return next(a for a in assessment["bone_agent"]["agents"] if a["agent"] == name)


def option_codes(assessment: dict[str, Any]) -> list[str]:
    return [o["code"] for o in assessment["systemic_therapy"]["options"]]


def warning_codes(assessment: dict[str, Any]) -> list[str]:
    return [w["code"] for w in assessment["warnings"]]


def with_crcl(crcl: float, **changes: Any) -> dict[str, Any]:
    """A patient whose Cockcroft-Gault CrCl (before rounding) equals ``crcl``."""
    if crcl >= 25:
        return make_patient(weight_kg=crcl, **changes)
    # Below the weight floor, triple the creatinine and the weight: CrCl = weight / 3.
    return make_patient(
        weight_kg=round(crcl * 3, 6), labs__creatinine={"value": 3.0, "unit": "mg/dL"}, **changes
    )


@pytest.fixture
def run():
    return lambda **changes: assess(make_patient(**changes))
