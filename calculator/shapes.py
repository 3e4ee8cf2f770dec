"""A small checker for the shape of JSON data: known keys, value types, required fields.

The rule tables are read with plain dict lookups, so a misspelt key in a table would not fail: it
would be ignored and the engine would fall back to a default (``band.get("min_inclusive", True)``
turns ``"min_inclusiv": false`` into an inclusive bound). Every table therefore has a declared
shape (``calculator/rule_schemas.py``) and a test checks each table against it. A ``Record``
rejects keys it does not declare; keys starting with ``_`` are comments (``_about``, ``_why``)
and must hold text.

Pure standard library and independent of the rules, so the same checker could run at load time.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

JSON = object  # a value json.loads can return; checked at run time, not by type


@dataclass
class Report:
    """What one check found: problems as ``path: message`` lines, and every ``Sources`` value seen."""

    problems: list[str] = field(default_factory=list)
    sources: list[tuple[str, list[str]]] = field(default_factory=list)

    def add(self, path: str, message: str) -> None:
        self.problems.append(f"{path or '<top>'}: {message}")


class Shape:
    """One declared shape; ``visit`` records every way ``value`` departs from it."""

    expected = "a value"

    def visit(self, value: JSON, path: str, report: Report) -> None:
        raise NotImplementedError


def _type_name(value: JSON) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


class Scalar(Shape):
    """A JSON scalar of one kind, optionally restricted by a pattern (text) or a predicate."""

    def __init__(
        self,
        expected: str,
        accepts: Callable[[JSON], bool],
        pattern: str | None = None,
    ) -> None:
        self.expected = expected
        self._accepts = accepts
        self._pattern = re.compile(pattern) if pattern else None

    def visit(self, value: JSON, path: str, report: Report) -> None:
        if not self._accepts(value):
            report.add(path, f"is {_type_name(value)} {value!r:.60}, expected {self.expected}")
        elif self._pattern is not None and not (isinstance(value, str) and self._pattern.fullmatch(value)):
            report.add(path, f"is {value!r}, expected {self.expected}")


def _is_number(value: JSON) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


STR = Scalar("text", lambda v: isinstance(v, str))
NONEMPTY = Scalar("non-empty text", lambda v: isinstance(v, str) and v.strip() != "")
NUMBER = Scalar("a finite number", _is_number)
INT = Scalar("a whole number", lambda v: isinstance(v, int) and not isinstance(v, bool))
BOOL = Scalar("true or false", lambda v: isinstance(v, bool))
NULL = Scalar("null", lambda v: v is None)
ANY = Scalar("any JSON value", lambda v: True)


def pattern(regex: str, expected: str) -> Scalar:
    """Text that matches ``regex`` as a whole."""
    return Scalar(expected, lambda v: isinstance(v, str), regex)


class OneOf(Shape):
    """One of a fixed set of values (codes the engine dispatches on)."""

    def __init__(self, *values: JSON) -> None:
        self._values = values
        self.expected = "one of " + ", ".join(repr(v) for v in values)

    def visit(self, value: JSON, path: str, report: Report) -> None:
        if not any(value == v and type(value) is type(v) for v in self._values):  # True is not 1
            report.add(path, f"is {value!r:.60}, expected {self.expected}")


class Either(Shape):
    """Any of several shapes (e.g. ``Either(NUMBER, NULL)``)."""

    def __init__(self, *shapes: Shape) -> None:
        self._shapes = shapes
        self.expected = " or ".join(s.expected for s in shapes)

    def visit(self, value: JSON, path: str, report: Report) -> None:
        for shape in self._shapes:
            trial = Report()
            shape.visit(value, path, trial)
            if not trial.problems:
                shape.visit(value, path, report)  # again, to collect its sources
                return
        report.add(path, f"is {_type_name(value)} {value!r:.60}, expected {self.expected}")


def nullable(shape: Shape) -> Either:
    return Either(shape, NULL)


class ListOf(Shape):
    def __init__(self, item: Shape, min_items: int = 0, max_items: int | None = None) -> None:
        self._item = item
        self._min = min_items
        self._max = max_items
        self.expected = f"a list of {item.expected}"

    def visit(self, value: JSON, path: str, report: Report) -> None:
        if not isinstance(value, list):
            report.add(path, f"is {_type_name(value)}, expected {self.expected}")
            return
        if len(value) < self._min:
            report.add(path, f"has {len(value)} items, expected at least {self._min}")
        if self._max is not None and len(value) > self._max:
            report.add(path, f"has {len(value)} items, expected at most {self._max}")
        for i, item in enumerate(value):
            self._item.visit(item, f"{path}[{i}]", report)


class Sources(ListOf):
    """The ``source`` of a rule row: a non-empty list of reference keys (collected for the citation test)."""

    def __init__(self) -> None:
        super().__init__(pattern(r"[a-z0-9][a-z0-9-]*", "a reference key like zometa-label"), min_items=1)
        self.expected = "a non-empty list of reference keys"

    def visit(self, value: JSON, path: str, report: Report) -> None:
        super().visit(value, path, report)
        if isinstance(value, list):
            report.sources.append((path, [key for key in value if isinstance(key, str)]))


def _is_comment(key: str) -> bool:
    return key.startswith("_")


def _check_comment(key: str, value: JSON, path: str, report: Report) -> None:
    if not isinstance(value, str):
        report.add(_join(path, key), "a comment key (starting with '_') must hold text")


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


Rule = Callable[[dict[str, JSON]], Iterable[str]]


class Record(Shape):
    """An object with declared keys only: ``required`` must be present, ``optional`` may be.

    ``rules`` are checks across keys of one row (e.g. a bound must say whether it is inclusive);
    each yields messages. Keys starting with ``_`` are comments.
    """

    expected = "an object"

    def __init__(
        self,
        required: dict[str, Shape],
        optional: dict[str, Shape] | None = None,
        rules: Iterable[Rule] = (),
    ) -> None:
        self.required = required
        self.optional = optional or {}
        self._rules = tuple(rules)

    def visit(self, value: JSON, path: str, report: Report) -> None:
        if not isinstance(value, dict):
            report.add(path, f"is {_type_name(value)}, expected an object")
            return
        known = {**self.required, **self.optional}
        for key in self.required:
            if key not in value:
                report.add(_join(path, key), f"missing (expected {self.required[key].expected})")
        for key, item in value.items():
            if _is_comment(key):
                _check_comment(key, item, path, report)
            elif key in known:
                known[key].visit(item, _join(path, key), report)
            else:
                close = difflib.get_close_matches(key, known, n=1)
                hint = (
                    f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(sorted(known))}"
                )
                report.add(_join(path, key), "unknown key" + hint)
        for rule in self._rules:
            for message in rule(value):
                report.add(path, message)


class MapOf(Shape):
    """An object whose keys are codes (matching ``keys``) and whose values all have one shape."""

    def __init__(self, value: Shape, keys: str = r"[A-Za-z0-9_.-]+", min_items: int = 0) -> None:
        self._value = value
        self._keys = re.compile(keys)
        self._min = min_items
        self.expected = f"an object of {value.expected}"

    def visit(self, value: JSON, path: str, report: Report) -> None:
        if not isinstance(value, dict):
            report.add(path, f"is {_type_name(value)}, expected {self.expected}")
            return
        entries = {k: v for k, v in value.items() if not _is_comment(k)}
        if len(entries) < self._min:
            report.add(path, f"has {len(entries)} entries, expected at least {self._min}")
        for key, item in value.items():
            if _is_comment(key):
                _check_comment(key, item, path, report)
            elif not self._keys.fullmatch(key):
                report.add(_join(path, key), f"is not a valid key (expected {self._keys.pattern})")
            else:
                self._value.visit(item, _join(path, key), report)


def check(value: JSON, shape: Shape) -> Report:
    """Every departure of ``value`` from ``shape`` (empty ``problems`` = it fits)."""
    report = Report()
    shape.visit(value, "", report)
    return report
