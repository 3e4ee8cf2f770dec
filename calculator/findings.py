"""What each section of the engine concludes besides its own output: warnings and cited sources."""

from __future__ import annotations

from dataclasses import dataclass, field

# Warning severities, most serious first: the order every consumer lists them in.
SEVERITIES = ("block", "caution", "info")


@dataclass
class Findings:
    """What a section of the engine concluded besides its own output: warnings and cited sources."""

    warnings: list[tuple[str, str]] = field(default_factory=list)  # (code, severity)
    sources: list[str] = field(default_factory=list)

    def warn(self, code: str, severity: str) -> None:
        if (code, severity) not in self.warnings:
            self.warnings.append((code, severity))

    def cite(self, sources: list[str]) -> None:
        self.sources.extend(s for s in sources if s not in self.sources)
