"""BoneMet Guide assessment engine: pure standard-library domain code.

Public API (see docs/architecture.md)::

    from calculator import assess, ValidationError, Problem, render_text, input_spec, text_for
"""

from calculator.assessment import assess
from calculator.errors import Problem, ValidationError
from calculator.note import render_text
from calculator.spec import input_spec
from calculator.texts import text_for

__all__ = ["Problem", "ValidationError", "assess", "input_spec", "render_text", "text_for"]
