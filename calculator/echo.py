"""``inputs`` in the assessment: the validated patient, defaults filled in, as JSON-ready values."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from calculator import units
from calculator.patient import Lab, Patient


def echo_inputs(patient: Patient) -> dict[str, Any]:
    """The validated inputs, defaults filled in, as JSON-ready values (for the output and the note)."""

    def num(value: Decimal | None) -> float | int | None:
        return None if value is None else units.json_number(value)

    def lab(value: Lab | None) -> dict[str, Any] | None:
        return None if value is None else {"value": num(value.value), "unit": value.unit}

    return {
        "age_years": num(patient.age_years),
        "sex": patient.sex,
        "weight_kg": num(patient.weight_kg),
        "menopausal_status": patient.menopausal_status,
        "pregnant": patient.pregnant,
        "hr_status": patient.hr_status,
        "her2_status": patient.her2_status,
        "bone_metastasis": patient.bone_metastasis,
        "expected_survival_months": num(patient.expected_survival_months),
        "expected_survival_at_least_3_months": patient.survival_at_least_3_months,
        "visceral_metastasis": patient.visceral_metastasis,
        "visceral_crisis": patient.visceral_crisis,
        "endocrine_resistance": patient.endocrine_resistance,
        "disease_free_interval_months": num(patient.disease_free_interval_months),
        "line": patient.line,
        "prior_therapies": sorted(patient.prior_therapies),
        "adjuvant_therapies": sorted(patient.adjuvant_therapies),
        "months_since_adjuvant_end": num(patient.months_since_adjuvant_end),
        "biomarkers": {
            "gbrca": patient.gbrca,
            "pik3ca": patient.pik3ca,
            "esr1": patient.esr1,
            "pdl1_cps": num(patient.pdl1_cps),
        },
        "labs": {
            "creatinine": lab(patient.creatinine),
            "baseline_creatinine": lab(patient.baseline_creatinine),
            "calcium": lab(patient.calcium),
            "albumin": lab(patient.albumin),
            "vitamin_d": lab(patient.vitamin_d),
        },
        "on_dialysis": patient.on_dialysis,
        "nephrotoxic_drugs": patient.nephrotoxic_drugs,
        "dental": {
            "assessed": patient.dental_assessed,
            "invasive_procedure_planned": patient.invasive_dental_procedure_planned,
            "active_onj": patient.active_onj,
            "unhealed_oral_lesion": patient.unhealed_oral_lesion,
        },
        "current_bone_agent": patient.current_bone_agent,
        "months_on_bone_agent": num(patient.months_on_bone_agent),
        "hypersensitivity": sorted(patient.hypersensitivity),
    }
