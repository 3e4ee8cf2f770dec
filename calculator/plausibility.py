"""Cautions for inputs that are possible but worth checking, and for a derived value outside what a
body can produce. Contradictions that cannot all be true are problems instead (patient.py).

The limits are this app's working rules, stated as such in ``rules/thresholds.json``
(``plausibility``); none of them changes a decision: each adds a caution beside the result.
"""

from __future__ import annotations

from calculator import units
from calculator._data import rule_table
from calculator.derived import Derived
from calculator.findings import Findings
from calculator.patient import Patient


def plausibility_cautions(patient: Patient, derived: Derived | None, findings: Findings) -> None:
    """Add the cautions that apply; ``derived`` is None while the derived inputs are pending."""
    rule = rule_table("thresholds")["plausibility"]
    flagged = False
    # Not on dialysis: there the dialysis caveat already says CrCl describes nothing.
    crcl_max = units.dec(rule["crcl_max_ml_min"])
    if derived is not None and derived.crcl_ml_min > crcl_max and not patient.on_dialysis:
        findings.warn("crcl_implausible", "caution")
        flagged = True
    if patient.on_dialysis and patient.creatinine is not None:
        boundary = rule["dialysis_creatinine_normal_below"]
        if patient.creatinine.unit in boundary and patient.creatinine.value < units.dec(
            boundary[patient.creatinine.unit]
        ):
            findings.warn("dialysis_normal_creatinine", "caution")
            flagged = True
    pregnancy_from = units.dec(rule["pregnancy_check_from_years"])
    if patient.pregnant and patient.age_years is not None and patient.age_years >= pregnancy_from:
        findings.warn("pregnancy_age_55", "caution")
        flagged = True
    if patient.line == 1 and patient.prior_therapies:
        findings.warn("line1_prior_therapies", "caution")
        flagged = True
    if patient.disease_free_interval_months is None and patient.adjuvant_therapies:
        # Empty means metastatic at diagnosis, which adjuvant therapy contradicts: the checks that
        # read the interval are skipped, and the doctor is told so rather than left to assume.
        findings.warn("dfi_missing_after_adjuvant", "caution")
        flagged = True
    if flagged:
        findings.cite(rule["source"])
