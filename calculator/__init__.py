"""BoneMet Guide assessment engine: pure standard-library domain code.

Public API (see docs/architecture.md)::

    from calculator import assess, ValidationError, Problem, render_text, render_note, input_spec, text_for
    from calculator import APP_VERSION, rules_version                 # calculator/versions.py
    from calculator import score_sins, score_mirels, mscc_check      # local-therapy tools (issue 15)
    from calculator import read_patient_file, problem_lines, number_from_text  # the one reader (issue 16)
"""

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
