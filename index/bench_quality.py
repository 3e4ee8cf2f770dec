"""Search quality against a naive baseline (part of `bonemet bench search`; a script, not a test).

The baseline is what one gets from SQLite alone: an FTS5 table (stdlib sqlite3) over the same
section records, Chinese split into single characters (FTS5's unicode61 tokenizer would keep a
whole Chinese run as one token), English Porter-stemmed, a query run as the OR of its words (a
Chinese run as a phrase of its characters) and ranked by bm25 with the app's field boosts. Both
engines answer the project's query set (index/query_set.py); this prints the hit rate of each per
category and the warm latency of each, measured in the same run.
"""

from __future__ import annotations

import re
import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from index.build import LibraryLike, section_records
from index.query_set import QueryCase, hit_rates, load_query_set
from index.schema import BODY, DOC_TITLE, FIELD_BOOSTS, HEAD
from index.search import SearchIndex

_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[0-9A-Za-z]+")
Sections = list[tuple[str, str]]


def _spaced(text: str) -> str:
    return _CJK_RE.sub(lambda m: f" {m.group()} ", text)


class Fts5Baseline:
    """An in-memory FTS5 index of the library's sections."""

    def __init__(self, library: LibraryLike) -> None:
        self.db = sqlite3.connect(":memory:")
        self.db.execute(
            f"CREATE VIRTUAL TABLE s USING fts5({HEAD}, {DOC_TITLE}, {BODY}, doc_id UNINDEXED, "
            "lang UNINDEXED, anchor UNINDEXED, tokenize='porter unicode61')"
        )
        rows = [
            (_spaced(r[HEAD]), _spaced(r[DOC_TITLE]), _spaced(r[BODY]), r["doc_id"], r["lang"], r["anchor"])
            for r in section_records(library)
        ]
        self.db.executemany("INSERT INTO s VALUES (?, ?, ?, ?, ?, ?)", rows)
        self._weights = ", ".join(str(FIELD_BOOSTS[f]) for f in (HEAD, DOC_TITLE, BODY))

    def search(self, query: str, lang: str, limit: int = 20) -> Sections:
        words = _WORD_RE.findall(query)
        if not words:
            return []
        match = " OR ".join('"' + (" ".join(w) if _CJK_RE.match(w) else w) + '"' for w in words)
        rows = self.db.execute(
            f"SELECT doc_id, anchor, lang FROM s WHERE s MATCH ? ORDER BY bm25(s, {self._weights}) LIMIT ?",
            (match, limit * 2),
        ).fetchall()
        # the UI language first, as the app does
        rows.sort(key=lambda row: row[2] != lang)
        return [(doc_id, anchor) for doc_id, anchor, _ in rows[:limit]]


def _timed(
    search: Callable[[str, str], Sections], cases: list[QueryCase], rounds: int
) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of each search: one untimed pass, then `rounds` timed ones.
    CPU time is shown too because this shared 2-core machine inflates wall time under load."""
    for case in cases:
        search(case.query, case.lang)
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(rounds):
        for case in cases:
            started, started_cpu = time.perf_counter(), time.process_time()
            search(case.query, case.lang)
            cpu.append((time.process_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
    return wall, cpu


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def compare(library: LibraryLike, index_dir: Path, rounds: int = 5) -> dict:
    """Hit rates per category and warm latency of the app's search and of the FTS5 baseline."""
    cases = load_query_set()
    baseline = Fts5Baseline(library)
    with SearchIndex.open(index_dir) as index:

        def app(query: str, lang: str) -> Sections:
            return [(h.doc_id, h.anchor) for h in index.search(query, lang=lang, limit=20)]

        result = {
            "cases": len(cases),
            "app": hit_rates(cases, app),
            "fts5": hit_rates(cases, baseline.search),
            "app_ms": _timed(app, cases, rounds),
            "fts5_ms": _timed(baseline.search, cases, rounds),
        }
    return result


def report(result: dict) -> bool:
    """Print the comparison; True when the app beats the baseline in every category."""
    print(f"query set: {result['cases']} queries (tests/index/query_set.tsv), answer in the top 3 sections")
    print(f"  {'category':<14}{'app':>10}{'FTS5':>10}")
    better_everywhere = True
    for category in sorted(result["app"], key=lambda c: (c == "all", c)):
        app_hits, asked = result["app"][category]
        fts_hits, _ = result["fts5"].get(category, (0, asked))
        mark = "" if app_hits > fts_hits else "   <- not better"
        better_everywhere &= app_hits > fts_hits or category == "all"
        print(f"  {category:<14}{app_hits:>5}/{asked:<4}{fts_hits:>5}/{asked:<4}{mark}")
    for name, key in (("app", "app_ms"), ("FTS5", "fts5_ms")):
        wall, cpu = result[key]
        print(
            f"  warm latency {name}: p50 {statistics.median(wall):.2f} ms, "
            f"p95 {_percentile(wall, 0.95):.2f} ms, max {max(wall):.2f} ms ({len(wall)} searches); "
            f"CPU p50 {statistics.median(cpu):.2f} ms, p95 {_percentile(cpu, 0.95):.2f} ms"
        )
    app_p95, fts_p95 = (_percentile(result[k][0], 0.95) for k in ("app_ms", "fts5_ms"))
    print(f"  p95 ratio app/FTS5 (wall): {app_p95 / max(fts_p95, 1e-9):.1f}x")
    return better_everywhere
