"""Read-only search over a built index: SearchIndex.open(dir).search(query, lang, limit) -> [Hit].

How a query runs (see expand.py for how text becomes units):
1. tier 0 — every unit matches exactly (its words, glossary synonyms, pinyin hits);
2. tier 1 — only if fewer than `limit` documents were found: the word being typed may be a prefix;
3. tier 2 — only if still short: Latin words of 5+ letters may be 1–2 edits off.
A later tier only adds sections the earlier ones did not find, so exact ranks above prefix above
fuzzy. Chinese words are searched as the AND of their bigrams (no positions in the index: smaller,
faster); the few candidates that hold the bigrams but not the exact word drop to a last tier.
Hits are sections, grouped by document (best section first), the UI language first within a tier.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.query import And, Query, Term
from whoosh.query.compound import DefaultOr

from index.analysis import ANALYZER_VERSION, is_cjk, iter_terms, latin_term
from index.build import EXPANSIONS_FILE, INDEX_FORMAT, INDEX_NAME, STAMP_FILE
from index.expand import ExpansionData, QueryExpander, Unit, edit_distance, fuzzy_limit
from index.schema import FIELD_BOOSTS
from index.snippets import make_snippet, needle_key

log = logging.getLogger(__name__)

EXACT, PREFIX, FUZZY, LOOSE = range(4)
TIER_BOOST = {EXACT: 1.0, PREFIX: 0.5, FUZZY: 0.3}
MAX_SECTIONS_PER_DOC = 3
FREQUENCY_CACHE_SIZE = 50_000
FALLBACK_BELOW_DOCS = 5  # prefix and fuzzy tiers run only when the stricter ones found fewer documents
MAX_PREFIX_TERMS = 24  # a 2-letter prefix can match thousands of terms; keep the most common ones
PREFIX_SCAN = 400
FUZZY_PREFIX_CHARS = 2  # typos in the first two letters are not corrected: keeps the term scan short
FUZZY_SCAN = 5000
MAX_FUZZY_LETTERS = 40  # longer "words" are pasted junk, not typos


class IndexUnavailable(Exception):
    """The folder holds no usable index (missing, unreadable, corrupt or built by another analyzer)."""


@dataclass(frozen=True)
class Hit:
    doc_id: str
    lang: str
    title: str
    section: str
    anchor: str
    snippet_html: str
    score: float


def read_stamp(index_dir: Path) -> dict | None:
    """The build stamp of an index folder, or None when it is missing or unreadable."""
    try:
        stamp = json.loads((Path(index_dir) / STAMP_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) else None


class SearchIndex:
    """One open, read-only index. Thread-safe (searches are serialised); close() when done."""

    def __init__(self, index_dir: Path, ix, stamp: dict, expander: QueryExpander) -> None:
        self.index_dir = index_dir
        self._ix = ix
        self._searcher = ix.searcher()
        self._stamp = stamp
        self._expander = expander
        self._lock = threading.Lock()
        self._frequencies: dict[tuple[str, str], int] = {}

    @classmethod
    def open(cls, index_dir: Path) -> SearchIndex:
        index_dir = Path(index_dir)
        stamp = read_stamp(index_dir)
        if stamp is None:
            raise IndexUnavailable(f"no finished index in {index_dir}")
        if stamp.get("analyzer_version") != ANALYZER_VERSION or stamp.get("index_format") != INDEX_FORMAT:
            raise IndexUnavailable(f"index in {index_dir} was built by another version of the app")
        try:
            data = json.loads((index_dir / EXPANSIONS_FILE).read_text(encoding="utf-8"))
            expander = QueryExpander(ExpansionData.from_json(data))
            ix = FileStorage(str(index_dir), supports_mmap=False, readonly=True).open_index(INDEX_NAME)
            return cls(index_dir, ix, stamp, expander)
        except Exception as exc:  # whoosh raises many kinds (EmptyIndexError, pickling, struct, OSError)
            raise IndexUnavailable(f"index in {index_dir} cannot be read: {exc}") from exc

    @property
    def content_version(self) -> str:
        return str(self._stamp.get("content_version", ""))

    @property
    def stamp(self) -> dict:
        return dict(self._stamp)

    def close(self) -> None:
        self._searcher.close()
        self._ix.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def check(self) -> None:
        """Read every part of the index once; raises IndexUnavailable when something is corrupt."""
        try:
            with self._lock:
                reader = self._searcher.reader()
                if reader.doc_count() == 0:
                    raise IndexUnavailable("the index is empty")
                self._searcher.stored_fields(0)
                self._searcher.stored_fields(reader.doc_count_all() - 1)
                self._searcher.search(Term("doc_id", "-"), limit=1)
        except IndexUnavailable:
            raise
        except Exception as exc:
            raise IndexUnavailable(f"index in {self.index_dir} is damaged: {exc}") from exc

    def expansions(self, query: str) -> list[str]:
        """Extra terms the query is widened with (glossary synonyms, pinyin, typo fixes)."""
        try:
            return self._expander.expansions(query)
        except Exception:
            log.exception("query expansion failed for %r", query[:80])
            return []

    def search(self, query: str, lang: str = "zh", limit: int = 20) -> list[Hit]:
        """Hits for what the user typed; never raises (an unusable query gives no hits)."""
        if not isinstance(query, str) or limit <= 0:
            return []
        try:
            with self._lock:
                return self._search(query, lang, limit)
        except Exception:
            log.exception("search failed for %r", query[:80])
            return []

    # -- query building --------------------------------------------------------------------------

    def _term(self, fieldname: str, text: str, boost: float) -> Query | None:
        """A term query, or None when the term is not in the field (dead branches are never built)."""
        key = (fieldname, text)
        frequency = self._frequencies.get(key)
        if frequency is None:
            if len(self._frequencies) > FREQUENCY_CACHE_SIZE:
                self._frequencies.clear()
            frequency = self._frequencies[key] = self._searcher.reader().doc_frequency(fieldname, text)
        return _SizedTerm(fieldname, text, boost, frequency) if frequency else None

    def _text_query(self, text: str, boost: float) -> Query | None:
        terms = list(dict.fromkeys(iter_terms(text, index_mode=False)))
        per_field: list[Query] = []
        for fieldname, field_boost in FIELD_BOOSTS.items():
            queries = [self._term(fieldname, t, 1.0) for t in terms]
            if queries and all(queries):
                per_field.append(_all_of(queries, field_boost * boost))
        return _any_of(per_field) if per_field else None

    def _prefix_query(self, prefix: str, boost: float) -> Query | None:
        reader = self._searcher.reader()
        subqueries: list[Query] = []
        for fieldname, field_boost in FIELD_BOOSTS.items():
            found: list[tuple[int, str]] = []
            for count, raw in enumerate(reader.expand_prefix(fieldname, prefix)):
                if count >= PREFIX_SCAN:
                    break
                term = raw.decode("utf-8")
                found.append((reader.doc_frequency(fieldname, term), term))
            found.sort(reverse=True)
            subqueries.extend(_SizedTerm(fieldname, t, field_boost * boost, n) for n, t in found[:MAX_PREFIX_TERMS])
        return _any_of(subqueries) if subqueries else None

    def _fuzzy_query(self, word: str, boost: float) -> Query | None:
        """Index terms within 1–2 edits of a Latin word (its first letters must match: short scans)."""
        term = latin_term(word)
        edits = fuzzy_limit(word)
        if not term or not edits or len(term) > MAX_FUZZY_LETTERS:
            return None
        reader = self._searcher.reader()
        subqueries: list[Query] = []
        for fieldname, field_boost in FIELD_BOOSTS.items():
            close: list[tuple[int, str]] = []
            for count, raw in enumerate(reader.expand_prefix(fieldname, term[:FUZZY_PREFIX_CHARS])):
                if count >= FUZZY_SCAN:
                    break
                candidate = raw.decode("utf-8")
                distance = edit_distance(term, candidate, edits)
                if 0 < distance <= edits:
                    close.append((distance, candidate))
            close.sort()
            terms = (self._term(fieldname, t, field_boost * boost) for _, t in close[:MAX_PREFIX_TERMS])
            subqueries.extend(t for t in terms if t is not None)
        return _any_of(subqueries) if subqueries else None

    def _unit_query(self, unit: Unit, tier: int) -> Query | None:
        alternatives = [self._text_query(v, TIER_BOOST[EXACT]) for v in unit.exact]
        if tier >= PREFIX:
            alternatives += [self._prefix_query(p, TIER_BOOST[PREFIX]) for p in unit.prefix]
            alternatives += [self._text_query(v, TIER_BOOST[PREFIX]) for v in unit.prefix_terms]
        if tier >= FUZZY:
            alternatives += [self._text_query(v, TIER_BOOST[FUZZY]) for v in unit.fuzzy]
            if unit.fuzzy_word:
                alternatives.append(self._fuzzy_query(unit.fuzzy_word, TIER_BOOST[FUZZY]))
        alternatives = [a for a in alternatives if a is not None]
        return _any_of(alternatives) if alternatives else None

    # -- running ---------------------------------------------------------------------------------

    def _search(self, query: str, lang: str, limit: int) -> list[Hit]:
        units = self._expander.parse(query)
        if not units:
            return []
        wanted = max(limit * 4, 40)
        found: dict[int, tuple[int, float]] = {}
        fields: dict[int, dict] = {}
        for tier in (EXACT, PREFIX, FUZZY):
            enough = min(limit, FALLBACK_BELOW_DOCS)
            if tier != EXACT and (not _has_tier(units, tier) or _documents(found, fields, self) >= enough):
                continue
            unit_queries = [self._unit_query(u, tier) for u in units]
            if not all(unit_queries):
                continue  # some word matches nothing in this tier: skip the search
            whoosh_query = _all_of(unit_queries, 1.0)
            for result in self._searcher.search(whoosh_query, limit=wanted, terms=False):
                found.setdefault(result.docnum, (tier, result.score))
        for docnum in found:
            self._fields(docnum, fields)
        checked = _check_exact_chinese(units, found, fields)
        return _arrange(checked, fields, units, lang, limit)

    def _fields(self, docnum: int, cache: dict[int, dict]) -> dict:
        if docnum not in cache:
            cache[docnum] = self._searcher.stored_fields(docnum)
        return cache[docnum]


def _all_of(queries: list[Query], boost: float) -> Query:
    if len(queries) == 1:
        single = queries[0]
        return single.with_boost(single.boost * boost) if boost != 1.0 else single
    return And(queries, boost=boost)


class _SizedTerm(Term):
    """A Term that knows its document frequency: whoosh asks for it many times while planning."""

    def __init__(self, fieldname: str, text: str, boost: float, frequency: int) -> None:
        super().__init__(fieldname, text, boost=boost)
        self.frequency = frequency

    def estimate_size(self, ixreader) -> int:
        return self.frequency


def _any_of(queries: list[Query]) -> Query:
    """OR as a tree of union matchers: whoosh's default for small indexes preloads a doc-count-sized
    array per OR node, which made a glossary-expanded query cost 20 ms on a 60-section index."""
    return queries[0] if len(queries) == 1 else DefaultOr(queries)


def _has_tier(units: list[Unit], tier: int) -> bool:
    if tier == PREFIX:
        return any(u.prefix or u.prefix_terms for u in units)
    return any(u.fuzzy or u.fuzzy_word for u in units)


def _documents(found: dict[int, tuple[int, float]], fields: dict[int, dict], index: SearchIndex) -> int:
    return len({(f["doc_id"], f["lang"]) for f in (index._fields(n, fields) for n in found)})


def _check_exact_chinese(units: list[Unit], found: dict[int, tuple[int, float]],
                         fields: dict[int, dict]) -> dict[int, tuple[int, float]]:
    """Move candidates that hold a Chinese word's bigrams but not the word itself to the LOOSE tier."""
    checked_units = [u for u in units if u.is_cjk and len(u.surface) > 2]
    if not checked_units:
        return found
    checked: dict[int, tuple[int, float]] = {}
    for docnum, (tier, score) in found.items():
        record = fields[docnum]
        haystack = needle_key(f"{record['title']} {record['section']} {record['text']}")
        ok = all(_unit_present(u, haystack) for u in checked_units)
        checked[docnum] = (tier if ok else LOOSE, score)
    return checked


def _unit_present(unit: Unit, haystack: str) -> bool:
    for variant in [*unit.exact, *unit.prefix_terms, *unit.fuzzy]:
        if is_cjk(variant):
            if needle_key(variant) in haystack:
                return True
        elif all(needle_key(t) in haystack for t in iter_terms(variant, index_mode=False)):
            return True
    return False


def _needles(units: Iterable[Unit]) -> list[str]:
    needles: list[str] = []
    for unit in units:
        for text in [*unit.exact, *unit.prefix, *unit.prefix_terms, *unit.fuzzy]:
            needles.append(text)
            terms = list(iter_terms(text, index_mode=False))
            if len(terms) == 1 and not is_cjk(text):
                needles.append(terms[0])  # the stem: "fractures" also marks "fracture"
    return [n for n in dict.fromkeys(needles) if len(needle_key(n)) >= 1]


def _arrange(found: dict[int, tuple[int, float]], fields: dict[int, dict], units: list[Unit],
             lang: str, limit: int) -> list[Hit]:
    groups: dict[tuple[str, str], list[tuple[int, float, int]]] = {}
    for docnum, (tier, score) in found.items():
        record = fields[docnum]
        groups.setdefault((record["doc_id"], record["lang"]), []).append((tier, -score, docnum))
    for sections in groups.values():
        sections.sort()
    order = sorted(groups.items(), key=lambda item: (item[1][0][0], item[0][1] != lang, item[1][0][1], item[0]))
    needles = _needles(units)
    hits: list[Hit] = []
    for _, sections in order:
        for _tier, negative_score, docnum in sections[:MAX_SECTIONS_PER_DOC]:
            if len(hits) >= limit:
                return hits
            record = fields[docnum]
            hits.append(Hit(
                doc_id=record["doc_id"], lang=record["lang"], title=record["title"],
                section=record["section"], anchor=record["anchor"],
                snippet_html=make_snippet(record["text"] or record["title"], needles),
                score=round(-negative_score, 3),
            ))
    return hits



