"""The one reader of patient files: ``read_patient_file(path)`` turns a path (or ``-``, standard
input) into the decoded JSON document, or raises ValidationError naming what is wrong.

Both doors use it — ``bonemet assess``/``score`` and the desktop's "Open patient file…" — so a file
is accepted or refused the same way, with the same messages, wherever it is opened. What it checks:
the path is a regular file (a FIFO, a device or a folder is refused before it is opened for
reading), at most ``MAX_INPUT_BYTES`` are read, UTF-8 (a BOM is allowed), JSON whose duplicate keys
are remembered (the validator reports them), NaN/Infinity kept so the field can be named.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from calculator.errors import Problem, ValidationError
from calculator.patient import NonFinite, problem

MAX_INPUT_BYTES = 1024 * 1024  # 1 MiB: a patient file is a few kB
SHOWN_PROBLEMS = 20  # a screenful; the rest are counted, not listed


class JsonObject(dict[str, Any]):
    """A decoded JSON object that remembers keys the text gave more than once (json keeps the last
    silently; a doctor who typed a value twice should be told)."""

    duplicate_keys: tuple[str, ...] = ()


def _object_hook(pairs: list[tuple[str, Any]]) -> JsonObject:
    obj = JsonObject()
    duplicates: list[str] = []
    for key, value in pairs:
        if key in obj and key not in duplicates:
            duplicates.append(key)
        obj[key] = value
    obj.duplicate_keys = tuple(duplicates)
    return obj


def _integer(digits: str) -> int | Decimal:
    """An integer literal. Python's int() refuses more than 4300 digits, which would make the whole
    file "not JSON"; as a Decimal it reaches the validator, which names the field and its range."""
    return int(digits) if len(digits) <= 1000 else Decimal(digits)


def _unreadable(detail: str) -> ValidationError:
    return ValidationError([problem("", "unreadable", detail=detail)])


def read_patient_bytes(path: str) -> bytes:
    """The bytes of the file at ``path`` (``-``: standard input), at most one byte over the limit.

    The type is checked with ``stat`` before the file is opened: opening a FIFO blocks until a
    writer appears, and a device such as /dev/zero or /dev/urandom never ends. The read itself is
    bounded, so a file that grows after the check still cannot fill the memory."""
    if path == "-":
        return sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise _unreadable("a folder, not a file")
        if not stat.S_ISREG(mode):
            raise _unreadable("not a regular file")
        with open(path, "rb") as handle:
            return handle.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        raise _unreadable(error.strerror or type(error).__name__) from None
    except ValueError:  # a path no file can have (an embedded NUL)
        raise _unreadable("invalid path") from None


def parse_patient_text(data: bytes) -> Any:
    """Decode the bytes of a patient file; raises ValidationError for anything that is not JSON text.
    The result is the document as written; ``calculator.assess`` validates its fields."""
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


def read_patient_file(path: str) -> Any:
    """The decoded patient document at ``path`` (``-``: standard input); ValidationError if the file
    cannot be read or is not JSON. The only way a patient file becomes input to ``assess``."""
    return parse_patient_text(read_patient_bytes(path))


def problem_lines(problems: Sequence[Problem], lang: str) -> list[str]:
    """``field: reason`` for the first SHOWN_PROBLEMS problems, then one line counting the rest
    (29,000 pasted keys must not print 29,000 lines). The desktop's file loader shows the same."""
    lines = [item.line(lang) for item in problems[:SHOWN_PROBLEMS]]
    rest = len(problems) - SHOWN_PROBLEMS
    if rest > 0:
        lines.append(problem("", "more_problems", count=f"{rest:,}").message[lang])
    return lines
