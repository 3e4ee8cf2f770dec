"""BoneMet Guide assessment engine: pure standard-library domain code.

Public API (see docs/architecture.md)::

    from calculator import assess, ValidationError, Problem, render_text, input_spec, text_for
    from calculator import score_sins, score_mirels, mscc_check      # local-therapy tools (issue 15)
"""

from calculator.assessment import assess
from calculator.errors import Problem, ValidationError
from calculator.mscc import mscc_check
from calculator.note import render_text
from calculator.scores import score_mirels, score_sins
from calculator.spec import input_spec
from calculator.texts import text_for

__all__ = [
    "Problem",
    "ValidationError",
    "assess",
    "input_spec",
    "mscc_check",
    "render_text",
    "score_mirels",
    "score_sins",
    "text_for",
]
