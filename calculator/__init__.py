"""BoneMet Guide assessment engine: pure standard-library domain code.

Public API (see docs/architecture.md)::

    from calculator import assess, ValidationError, Problem, render_text, render_note, input_spec, text_for
    from calculator import APP_VERSION, rules_version                 # calculator/versions.py
    from calculator import score_sins, score_mirels, mscc_check      # local-therapy tools (issue 15)
    from calculator import read_patient_file, problem_lines, number_from_text  # the one reader (issue 16)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# Each name is imported from its module on first use (PEP 562), so `import calculator.versions`
# (done by `import desktop`, which every `bonemet` command and the app's launcher run) does not
# load the whole engine and its rule tables before the window or the command needs them (issue 14).
_EXPORTS = {
    "assess": "calculator.assessment",
    "render_note": "calculator.chart_note",
    "Problem": "calculator.errors",
    "ValidationError": "calculator.errors",
    "mscc_check": "calculator.mscc",
    "render_text": "calculator.note",
    "problem_lines": "calculator.patient_file",
    "read_patient_file": "calculator.patient_file",
    "score_mirels": "calculator.scores",
    "score_sins": "calculator.scores",
    "input_spec": "calculator.spec",
    "text_for": "calculator.texts",
    "number_from_text": "calculator.units",
    "APP_VERSION": "calculator.versions",
    "rules_version": "calculator.versions",
}

if TYPE_CHECKING:
    from calculator.assessment import assess
    from calculator.chart_note import render_note
    from calculator.errors import Problem, ValidationError
    from calculator.mscc import mscc_check
    from calculator.note import render_text
    from calculator.patient_file import problem_lines, read_patient_file
    from calculator.scores import score_mirels, score_sins
    from calculator.spec import input_spec
    from calculator.texts import text_for
    from calculator.units import number_from_text
    from calculator.versions import APP_VERSION, rules_version


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'calculator' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module_name), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


__all__ = [
    "APP_VERSION",
    "Problem",
    "ValidationError",
    "assess",
    "input_spec",
    "mscc_check",
    "number_from_text",
    "problem_lines",
    "read_patient_file",
    "render_note",
    "render_text",
    "rules_version",
    "score_mirels",
    "score_sins",
    "text_for",
]
