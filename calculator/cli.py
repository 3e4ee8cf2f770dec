"""``bonemet assess FILE|- [--format json|text] [--lang zh|en]``.

Exit 0 with the assessment on stdout (UTF-8), or exit 2 with one ``field: reason`` line per problem
on stderr and nothing on stdout. Never a traceback: every way the input can be wrong is a Problem.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TextIO

from calculator.assessment import assess
from calculator.errors import ValidationError
from calculator.note import render_text
from calculator.patient import NonFinite, problem

MAX_INPUT_BYTES = 1024 * 1024  # 1 MiB

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2


class _JsonObject(dict):
    """A decoded JSON object that remembers keys the text gave more than once (json keeps the last
    silently; a doctor who typed a value twice should be told)."""

    duplicate_keys: tuple[str, ...] = ()


def _object_hook(pairs: list[tuple[str, Any]]) -> _JsonObject:
    obj = _JsonObject()
    duplicates = []
    for key, value in pairs:
        if key in obj and key not in duplicates:
            duplicates.append(key)
        obj[key] = value
    obj.duplicate_keys = tuple(duplicates)
    return obj


def _read(path: str) -> bytes:
    """At most one byte more than the limit, so an oversized file is refused without reading it all."""
    if path == "-":
        return sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    with open(path, "rb") as handle:
        return handle.read(MAX_INPUT_BYTES + 1)


def _integer(digits: str) -> int | Decimal:
    """An integer literal. Python's int() refuses more than 4300 digits, which would make the whole
    file "not JSON"; as a Decimal it reaches the validator, which names the field and its range."""
    return int(digits) if len(digits) <= 1000 else Decimal(digits)


def load_patient_json(data: bytes) -> Any:
    """Decode the bytes of a patient file; raises ValidationError for anything that is not JSON text."""
    if len(data) > MAX_INPUT_BYTES:
        raise ValidationError([problem("", "too_large", limit=MAX_INPUT_BYTES)])
    try:
        text = data.decode("utf-8-sig")  # a BOM from Windows Notepad is harmless
    except UnicodeDecodeError:
        raise ValidationError([problem("", "bad_encoding")]) from None
    if not text.strip():
        raise ValidationError([problem("", "empty")])
    try:
        return json.loads(text, object_pairs_hook=_object_hook, parse_constant=NonFinite, parse_int=_integer)
    except json.JSONDecodeError as error:
        raise ValidationError(
            [problem("", "not_json", detail=f"line {error.lineno}, column {error.colno}: {error.msg}")]
        ) from None
    except (ValueError, RecursionError) as error:
        raise ValidationError([problem("", "not_json", detail=type(error).__name__)]) from None


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
        return json.dumps(assessment, ensure_ascii=False, indent=2) + "\n"

    return run_on_file(path, produce, lang)


def run_on_file(path: str, produce: Callable[[Any], str], lang: str = "zh") -> int:
    """Read the JSON at ``path``, print ``produce(decoded)`` and return the exit code; every bad
    input (unreadable, not JSON, a ValidationError from ``produce``) is exit 2 with one line per
    problem on stderr. Shared by ``bonemet assess`` and ``bonemet score``."""
    try:
        try:
            data = _read(path)
        except OSError as error:
            raise ValidationError(
                [problem("", "unreadable", detail=error.strerror or type(error).__name__)]
            ) from None
        except ValueError:  # a path no file can have (an embedded NUL)
            raise ValidationError([problem("", "unreadable", detail="invalid path")]) from None
        output = produce(load_patient_json(data))
    except ValidationError as error:
        _write_utf8(sys.stderr, "".join(item.line(lang) + "\n" for item in error.problems))
        return EXIT_BAD_INPUT
    except Exception as error:  # noqa: BLE001 — a doctor must never see a traceback
        internal = problem("", "internal_error", detail=f"{type(error).__name__}: {error}")
        _write_utf8(sys.stderr, internal.line(lang) + "\n")
        return EXIT_INTERNAL
    _write_utf8(sys.stdout, output)
    return EXIT_OK
