"""``bonemet score sins|mirels FILE|- [--format json|text] [--lang zh|en]``.

The same contract as ``bonemet assess``: exit 0 with the result on stdout (JSON by default), exit 2
with one ``field: reason`` line per problem on stderr, never a traceback.
"""

from __future__ import annotations

import json
import sys

from calculator.cli import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, _read, _write_utf8, load_patient_json
from calculator.errors import ValidationError
from calculator.patient import problem
from calculator.scores import render_score_text, score


def run_score(name: str, path: str, fmt: str = "json", lang: str = "zh") -> int:
    """Score the JSON at ``path`` (``-`` = stdin) with SINS or Mirels; returns the exit code."""
    try:
        try:
            data = _read(path)
        except OSError as error:
            raise ValidationError(
                [problem("", "unreadable", detail=error.strerror or type(error).__name__)]
            ) from None
        except ValueError:  # a path no file can have (an embedded NUL)
            raise ValidationError([problem("", "unreadable", detail="invalid path")]) from None
        result = score(name, load_patient_json(data))
        if fmt == "text":
            output = render_score_text(result, lang)
        else:
            output = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    except ValidationError as error:
        _write_utf8(sys.stderr, "".join(item.line(lang) + "\n" for item in error.problems))
        return EXIT_BAD_INPUT
    except Exception as error:  # noqa: BLE001 — a doctor must never see a traceback
        internal = problem("", "internal_error", detail=f"{type(error).__name__}: {error}")
        _write_utf8(sys.stderr, internal.line(lang) + "\n")
        return EXIT_INTERNAL
    _write_utf8(sys.stdout, output)
    return EXIT_OK
