"""Problems with a patient's input: what the CLI prints and what the form shows beside a field."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

# Characters that must never reach a terminal or a label as themselves: control characters (a
# newline in a key would forge a second problem line), format characters (a right-to-left override
# reorders what the doctor reads), line/paragraph separators, and lone surrogates (which cannot be
# encoded as UTF-8 at all, so writing them would fail).
_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def printable(text: str) -> str:
    """``text`` with every hidden character written as its escape (``\\n``, ``\\ud800``), so one
    problem stays one line and shows what the file really holds."""
    if text.isprintable():  # the common case: nothing to do
        return text
    return "".join(_escape(char) if unicodedata.category(char) in _HIDDEN else char for char in text)


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input.

    ``field`` is a dotted path into the patient JSON (``labs.creatinine.unit``); the empty string
    means the document as a whole (not JSON, not an object, too large).
    """

    field: str
    code: str
    message: dict[str, str]

    def line(self, lang: str = "en") -> str:
        """``field: reason`` — the CLI's stderr line."""
        return f"{self.field or 'input'}: {self.message.get(lang) or self.message['en']}"


@dataclass
class ValidationError(Exception):
    """Raised by ``assess`` when the input cannot be assessed; ``problems`` says why, per field."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "; ".join(p.line("en") for p in self.problems)
