"""The project's search query set (tests/index/query_set.tsv) and how a hit is judged.

Shared by the tests (every row must pass) and by `bonemet bench search`, which scores the app's
search and an SQLite FTS5 baseline on the same rows, per category.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

QUERY_SET_FILE = Path(__file__).resolve().parent.parent / "tests" / "index" / "query_set.tsv"
TOP = 3  # an answer counts when it is among the first TOP sections


@dataclass(frozen=True)
class QueryCase:
    category: str
    lang: str
    query: str
    accepted: tuple[str, ...]  # "doc#anchor" (that section) or "doc" (any of its sections)
    known_miss: bool = False  # not answered yet (marked `miss` in the file)

    def answered_by(self, sections: Iterable[tuple[str, str]]) -> bool:
        """Whether one of the first TOP (doc_id, anchor) pairs is an accepted answer."""
        # the opening section (title and summary) counts as the key points
        return any(
            doc_id in self.accepted or f"{doc_id}#{anchor or 'key-points'}" in self.accepted
            for doc_id, anchor in list(sections)[:TOP]
        )


def load_query_set(path: Path = QUERY_SET_FILE) -> list[QueryCase]:
    """The rows of a query-set file (comment lines start with #)."""
    cases: list[QueryCase] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        category, lang, query, accepted, *mark = line.split("\t")
        cases.append(QueryCase(category, lang, query, tuple(accepted.split()), mark == ["miss"]))
    return cases


def hit_rates(
    cases: Sequence[QueryCase], search: Callable[[str, str], list[tuple[str, str]]]
) -> dict[str, tuple[int, int]]:
    """Per category (and "all"): (answered, asked) for a search function (query, lang) -> sections."""
    rates: dict[str, tuple[int, int]] = {}
    for case in cases:
        found = case.answered_by(search(case.query, case.lang))
        for key in (case.category, "all"):
            answered, asked = rates.get(key, (0, 0))
            rates[key] = (answered + found, asked + 1)
    return rates
