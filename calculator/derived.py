"""Derived values — Cockcroft-Gault creatinine clearance and albumin-corrected calcium — with the
working written out in both languages, using the patient's own numbers.

Decisions are made on the rounded value that is displayed (CrCl to 0.1 mL/min, calcium to
0.01 mmol/L), so what the doctor reads and what the engine decided never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from calculator import units
from calculator._data import rule_table
from calculator.patient import Lab, Patient
from guideline_content import LANGUAGES


@dataclass(frozen=True)
class Derived:
    crcl_ml_min: Decimal  # rounded to one decimal: the value bands apply to
    baseline_crcl_ml_min: Decimal | None  # from the pre-treatment creatinine, when given
    corrected_calcium_mmol_l: Decimal | None  # rounded to two decimals; None without calcium or albumin
    calcium_for_checks_mmol_l: Decimal | None  # corrected if possible, else measured total, else None
    calcium_basis: str | None  # "albumin_corrected" | "measured_total" | None
    vitamin_d_low: bool | None  # None when not measured
    working: dict[str, str]


def _template(key: str, lang: str, **params: str) -> str:
    return cast(str, rule_table("working")[key][lang].format(**params))


def creatinine_clearance(patient: Patient, creatinine: Lab | None = None) -> tuple[Decimal, Decimal, Decimal]:
    """(exact CrCl, rounded CrCl, creatinine in mg/dL) by Cockcroft-Gault with actual body weight,
    from today's creatinine or the one given (the pre-treatment baseline)."""
    rule = rule_table("thresholds")["cockcroft_gault"]
    lab = creatinine or patient.creatinine
    creatinine_mg_dl = lab.si / units.dec(rule["creatinine_umol_per_mg_dl"])
    exact = (
        (units.dec(rule["age_from"]) - patient.age_years)
        * patient.weight_kg
        / (units.dec(rule["divisor"]) * creatinine_mg_dl)
    )
    if patient.sex == "female":
        exact *= units.dec(rule["female_factor"])
    # Age above 140 cannot occur (validated <= 110), so CrCl is always positive.
    return exact, units.round_half_up(exact, rule["display_places"]), creatinine_mg_dl


def _crcl_working(patient: Patient, exact: Decimal, rounded: Decimal, mg_dl: Decimal, lang: str) -> list[str]:
    female = patient.sex == "female"
    lines = [
        _template(
            "crcl_formula",
            lang,
            female_en=_template("female_factor", "en") if female else "",
            female_zh=_template("female_factor", "zh") if female else "",
        )
    ]
    mg_dl_text = units.fmt(units.truncate(mg_dl, 3))
    if patient.creatinine.unit == "umol/L":
        lines.append(
            _template(
                "creatinine_conversion", lang, value=units.fmt(patient.creatinine.value), mg_dl=mg_dl_text
            )
        )
    lines.append(
        _template(
            "crcl_numbers",
            lang,
            age=units.fmt(patient.age_years),
            weight=units.fmt(patient.weight_kg),
            mg_dl=mg_dl_text,
            female=f" × {units.fmt(rule_table('thresholds')['cockcroft_gault']['female_factor'])}"
            if female
            else "",
            exact=units.fmt(units.truncate(exact, 3)),
            rounded=units.fmt(rounded, 1),
        )
    )
    lines.append(_template("crcl_caveat", lang, weight=units.fmt(patient.weight_kg)))
    if patient.on_dialysis:
        lines.append(_template("dialysis_note", lang))
    return lines


def _baseline_working(patient: Patient, baseline: Decimal | None, lang: str) -> list[str]:
    lab = patient.baseline_creatinine
    if lab is None or baseline is None:
        return []
    label = units.unit_label("creatinine", lab.unit)
    return [
        _template("baseline_crcl", lang, value=units.fmt(lab.value), unit=label, crcl=units.fmt(baseline, 1))
    ]


def calcium_for_checks(patient: Patient) -> Decimal | None:
    """The calcium the thresholds are checked against (corrected if albumin is given), without the
    kidney inputs: hypercalcaemia is flagged before the creatinine is entered."""
    return _calcium(patient)[2]


def _calcium(patient: Patient) -> tuple[Decimal | None, Decimal | None, Decimal | None, str | None]:
    """(exact corrected, rounded corrected, value used for checks, basis)."""
    if patient.calcium is None:
        return None, None, None, None
    rule = rule_table("thresholds")["corrected_calcium"]
    places = rule["display_places"]
    if patient.albumin is None:
        return None, None, units.round_half_up(patient.calcium.si, places), "measured_total"
    exact = patient.calcium.si + units.dec(rule["coefficient_mmol_per_g"]) * (
        units.dec(rule["reference_albumin_g_l"]) - patient.albumin.si
    )
    rounded = units.round_half_up(exact, places)
    return exact, rounded, rounded, "albumin_corrected"


def _calcium_working(
    patient: Patient, exact: Decimal | None, checked: Decimal | None, lang: str
) -> list[str]:
    if patient.calcium is None or checked is None:
        return [_template("calcium_missing", lang)]
    lines = []
    if patient.calcium.unit != "mmol/L":
        lines.append(
            _template(
                "calcium_conversion",
                lang,
                value=units.fmt(patient.calcium.value),
                si=units.fmt(units.truncate(patient.calcium.si, 3)),
            )
        )
    if patient.albumin is None or exact is None:
        lines.append(_template("calcium_uncorrected", lang, rounded=units.fmt(checked, 2)))
        return lines
    if patient.albumin.unit != "g/L":
        lines.append(
            _template(
                "albumin_conversion",
                lang,
                value=units.fmt(patient.albumin.value),
                si=units.fmt(patient.albumin.si),
            )
        )
    lines.insert(0, _template("calcium_formula", lang))
    lines.append(
        _template(
            "calcium_numbers",
            lang,
            calcium=units.fmt(units.truncate(patient.calcium.si, 3)),
            albumin=units.fmt(patient.albumin.si),
            exact=units.fmt(units.truncate(exact, 3)),
            rounded=units.fmt(checked, 2),
        )
    )
    return lines


def _vitamin_d_cutoff() -> tuple[Decimal, Decimal]:
    """The low vitamin D cut-off in ng/mL (as the source defines it) and exactly in nmol/L."""
    below_ng_ml = units.dec(rule_table("thresholds")["vitamin_d_low"]["below_ng_ml"])
    return below_ng_ml, units.to_si("vitamin_d", below_ng_ml, "ng/mL")


def _vitamin_d(patient: Patient) -> bool | None:
    if patient.vitamin_d is None:
        return None
    return patient.vitamin_d.si < _vitamin_d_cutoff()[1]


def _vitamin_d_working(patient: Patient, lang: str) -> list[str]:
    lab = patient.vitamin_d
    if lab is None:
        return [_template("vitamin_d_missing", lang)]
    cutoff_ng_ml, cutoff_nmol_l = (units.fmt(v) for v in _vitamin_d_cutoff())
    if lab.unit == "ng/mL":
        return [
            _template(
                "vitamin_d_conversion",
                lang,
                value=units.fmt(lab.value),
                si=units.fmt(vitamin_d_nmol_l(lab)),
                cutoff_ng_ml=cutoff_ng_ml,
                cutoff_nmol_l=cutoff_nmol_l,
            )
        ]
    # Three decimals, cut: a value one hundredth of a nmol/L either side of the cut-off must not read as 20.00.
    ng_ml = units.from_si("vitamin_d", lab.si, "ng/mL")
    return [
        _template(
            "vitamin_d_value",
            lang,
            value=units.fmt(lab.value),
            ng_ml=units.fmt(units.truncate(ng_ml, 3)),
            cutoff_ng_ml=cutoff_ng_ml,
            cutoff_nmol_l=cutoff_nmol_l,
        )
    ]


def vitamin_d_nmol_l(lab: Lab) -> Decimal:
    """The value shown in nmol/L: two decimals keep 20 ng/mL (49.92, not low) apart from 49.9 (low),
    cut rather than rounded so that 19.999 ng/mL (low) shows as 49.91, not as the cut-off 49.92."""
    return units.truncate(lab.si, 2)


def derive(patient: Patient) -> Derived:
    """CrCl, calcium for the checks, vitamin D status and the working that shows how they were reached."""
    exact_crcl, crcl, mg_dl = creatinine_clearance(patient)
    baseline = None
    if patient.baseline_creatinine is not None:
        _, baseline, _ = creatinine_clearance(patient, patient.baseline_creatinine)
    exact_ca, corrected, checked, basis = _calcium(patient)
    working = {
        lang: "\n".join(
            _crcl_working(patient, exact_crcl, crcl, mg_dl, lang)
            + _baseline_working(patient, baseline, lang)
            + _calcium_working(patient, exact_ca, checked, lang)
            + _vitamin_d_working(patient, lang)
        )
        for lang in LANGUAGES
    }
    return Derived(
        crcl_ml_min=crcl,
        baseline_crcl_ml_min=baseline,
        corrected_calcium_mmol_l=corrected,
        calcium_for_checks_mmol_l=checked,
        calcium_basis=basis,
        vitamin_d_low=_vitamin_d(patient),
        working=working,
    )
