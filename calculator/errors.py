"""Problems with a patient's input: what the CLI prints and what the form shows beside a field."""

from __future__ import annotations

from dataclasses import dataclass, field


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
