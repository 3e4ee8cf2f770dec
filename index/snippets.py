"""Result snippets: a short fragment of a section around its best match, matches in <b>…</b>.

whoosh's highlighter is term-based and picks 高<b>钙血症</b> for 低钙血症 (tech.md §2), so the
snippet is found by exact substring instead, on a compact form of the text (folded, spaces and
dashes removed) so that HER2 marks "HER-2" and "zoledronic acid" marks across its space.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache

from index.analysis import fold, is_cjk

SNIPPET_CHARS = 90
LEAD_CHARS = 24
MIN_GROWING_NEEDLE = 4
NUMBER_WEIGHT = 0.5
MAX_NUMBERS_COUNTED = 4
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
_SKIPPED = re.compile(r"[\s\-/+'.]")
_SEPARATORS = frozenset(" \t\n\r\f\v-/+'.\u3000")
_LATIN_CHAR = re.compile(r"[0-9a-z\u00b5\u00c0-\u024f\u0370-\u03ff]")


def compact_with_map(folded: str) -> tuple[str, list[int]]:
    """A folded text without separators, and for each kept character its index in the text."""
    kept = [i for i, ch in enumerate(folded) if ch not in _SEPARATORS]
    return "".join([folded[i] for i in kept]), kept


def needle_key(needle: str) -> str:
    """The compact form a needle is searched under (same folding as compact_with_map)."""
    return _SKIPPED.sub("", fold(needle))


@lru_cache(maxsize=64)
def _needle_keys(needles: tuple[str, ...]) -> list[str]:
    """Distinct non-empty keys, computed once per query rather than once per hit."""
    return [key for key in dict.fromkeys(needle_key(n) for n in needles) if key]


@lru_cache(maxsize=2048)
def _prepared(text: str) -> tuple[str, str, list[int]]:
    """A section text folded and compacted, kept for the next query (the library does not change)."""
    folded = fold(text)
    return (folded, *compact_with_map(folded))


def find_spans(text: str, needles: Iterable[str]) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) spans of `text` matching any needle; Latin matches grow to whole words."""
    folded, compact, where = _prepared(text)
    spans: list[tuple[int, int]] = []
    for key in _needle_keys(tuple(needles)):
        start = compact.find(key)
        while start >= 0:
            begin, end = where[start], where[start + len(key) - 1] + 1
            if is_cjk(key):
                spans.append((begin, end))
            elif _is_word_start(folded, begin):
                # a stem or a typed prefix marks its whole word; a short word (ZA, BP) only itself
                grows = len(key) >= MIN_GROWING_NEEDLE
                while grows and end < len(folded) and _LATIN_CHAR.match(folded[end]):
                    end += 1
                if grows or end == len(folded) or not _LATIN_CHAR.match(folded[end]):
                    spans.append((begin, end))
            start = compact.find(key, start + len(key))
    return _merge(sorted(spans))


def _is_word_start(folded: str, index: int) -> bool:
    return index == 0 or not _LATIN_CHAR.match(folded[index - 1])


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def make_snippet(text: str, needles: Iterable[str], width: int = SNIPPET_CHARS) -> str:
    """HTML-escaped fragment of `text` where most query words meet, with every match in it bold."""
    flat = " ".join(text.split())
    spans = find_spans(flat, needles)
    start = 0
    if spans:
        start = max(0, _best_window(flat, spans, width) - LEAD_CHARS)
        # never open the fragment in the middle of an earlier match (…功能 of 肾功能)
        start = next((a for a, b in spans if a < start < b), start)
        if len(flat) - start < width:
            start = max(0, len(flat) - width)
        start = _word_boundary(flat, start)
    end = min(len(flat), start + width)
    parts = ["…" if start > 0 else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        parts.append(html.escape(flat[cursor:span_start]))
        parts.append(f"<b>{html.escape(flat[span_start:span_end])}</b>")
        cursor = span_end
    parts.append(html.escape(flat[cursor:end]))
    parts.append("…" if end < len(flat) else "")
    return "".join(parts)


def _best_window(flat: str, spans: list[tuple[int, int]], width: int) -> int:
    """Where the fragment that shows the answer starts: the match that opens the window holding
    the most different query words, numbers in it counting extra (a dose, an interval, a
    threshold is usually the answer); the first such match on a tie."""
    folded = _prepared(flat)[0]
    best, best_score = spans[0][0], -1.0
    for begin, _ in spans:
        end = begin - LEAD_CHARS + width
        words = {folded[a:b] for a, b in spans if begin <= a and b <= end}
        numbers = len(_NUMBER_RE.findall(flat, begin, end))
        score = len(words) + NUMBER_WEIGHT * min(numbers, MAX_NUMBERS_COUNTED)
        if score > best_score:
            best, best_score = begin, score
    return best


def _word_boundary(text: str, index: int) -> int:
    """Move a cut forward out of the middle of a Latin word (at most 12 characters)."""
    folded = _prepared(text)[0]
    limit = min(len(text), index + 12)
    moved = index
    while 0 < moved < limit and _LATIN_CHAR.match(folded[moved - 1]) and _LATIN_CHAR.match(folded[moved]):
        moved += 1
    return moved if moved < limit else index
