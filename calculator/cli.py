"""``bonemet assess FILE|- [--format json|text|note] [--lang zh|en]``.

Exit 0 with the assessment on stdout (UTF-8), or exit 2 with one ``field: reason`` line per problem
on stderr and nothing on stdout. Never a traceback: every way the input can be wrong is a Problem.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any, TextIO

from calculator.assessment import assess
from calculator.chart_note import render_note
from calculator.errors import ValidationError
from calculator.note import render_text
from calculator.patient import problem
from calculator.patient_file import problem_lines, read_patient_file

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2


def _write_utf8(stream: TextIO, text: str) -> None:
    # The Windows console code page is not UTF-8; write bytes so the JSON, the note and the
    # problems are always UTF-8.
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def run_assess(path: str, fmt: str = "json", lang: str = "zh") -> int:
    """Assess the patient JSON at ``path`` (``-`` = stdin) and print the result; returns the exit code."""

    def produce(patient: Any) -> str:
        assessment = assess(patient)
        if fmt == "text":
            return render_text(assessment, lang)
        if fmt == "note":
            return render_note(assessment, lang)
        return json.dumps(assessment, ensure_ascii=False, indent=2) + "\n"

    return run_on_file(path, produce, lang)


def run_on_file(path: str, produce: Callable[[Any], str], lang: str = "zh") -> int:
    """Read the JSON at ``path``, print ``produce(decoded)`` and return the exit code; every bad
    input (unreadable, not JSON, a ValidationError from ``produce``) is exit 2 with one line per
    problem on stderr. Shared by ``bonemet assess`` and ``bonemet score``."""
    try:
        output = produce(read_patient_file(path))
    except ValidationError as error:
        _write_utf8(sys.stderr, "".join(line + "\n" for line in problem_lines(error.problems, lang)))
        return EXIT_BAD_INPUT
    except Exception as error:  # noqa: BLE001 — a doctor must never see a traceback
        internal = problem("", "internal_error", detail=f"{type(error).__name__}: {error}")
        _write_utf8(sys.stderr, internal.line(lang) + "\n")
        return EXIT_INTERNAL
    _write_utf8(sys.stdout, output)
    return EXIT_OK
