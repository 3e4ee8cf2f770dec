"""Read-only search over a built index: SearchIndex.open(dir).search(query, lang, limit) -> [Hit].

How a query runs (expand.py turns the text into ANDed units, matching.py scores them):
1. tier 0 — every unit matches exactly (its words, glossary synonyms, pinyin hits);
2. tier 1 — only if fewer than FALLBACK_BELOW_DOCS documents were found: the word still being
   typed may be a prefix (of index terms, of glossary terms, of pinyin keys);
3. tier 2 — only if still short: Latin words of 5+ letters may be 1–2 edits off.
A later tier only adds sections the earlier ones did not find, so exact ranks above prefix above
fuzzy. Chinese words are searched as the AND of their bigrams (the index keeps no positions:
smaller, faster); candidates that hold the bigrams but not the word itself drop to a last tier.
Hits are sections, grouped by document (best section first); within a tier the documents in the
UI language come first.
"""

from __future__ import annotations

import heapq
import json
import logging
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage

from index.analysis import ANALYZER_VERSION, is_cjk, query_terms
from index.expand import ExpansionData, QueryExpander, Unit
from index.folder import EXPANSIONS_FILE, INDEX_FORMAT, INDEX_NAME, read_stamp
from index.matching import (
    EXACT,
    FUZZY,
    LENGTHS_FILE,
    PREFIX,
    WEIGHTS_FILE,
    Evaluation,
    Matcher,
    norms_for,
    read_lengths,
    read_weights,
)
from index.snippets import make_snippet, needle_key
from library.ids import REFERENCES_DOC

log = logging.getLogger(__name__)
_HAS_LATIN = re.compile(r"[0-9a-z]")

LOOSE = FUZZY + 1  # candidates holding a Chinese word's bigrams but not the word itself
PARTIAL = LOOSE + 1  # sections holding some of the words (PARTIAL + how many are missing)
INTENT_WEIGHT = 1.0  # what an intent ("how long" → interval, duration) adds, relative to a word
COVERAGE_BONUS = 2.0  # per word a partial match holds, on top of its BM25 score
MAX_SECTIONS_PER_DOC = 3
REMEMBERED_QUERIES = 64  # how many recent queries remember which tiers they needed (for expansions())
EVERY_SECTION = 10**9
# Kept between searches (the index never changes while open), then dropped when this big: posting
# entries of the lists read (~60 bytes each), lexicon look-ups, stored fields of sections hit.
CACHED_POSTINGS = 300_000
CACHED_LOOKUPS = 50_000
STORED_SECTIONS = 4_096
FALLBACK_BELOW_DOCS = 5  # prefix and fuzzy tiers run only when the stricter ones found fewer documents


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
    missing: tuple[str, ...] = ()  # words of the query this section lacks (partial matches only)

    @property
    def partial(self) -> bool:
        return bool(self.missing)


class SearchIndex:
    """One open, read-only index. Thread-safe: searches are serialised, and expansions() answers for
    its own query even when another thread searched in between. close() when done."""

    last_error: Exception | None = None  # set when a search raised: the app then checks the files

    def __init__(self, index_dir: Path, ix, stamp: dict, expander: QueryExpander) -> None:
        self.index_dir = index_dir
        self._ix = ix
        self._stamp = stamp
        self._expander = expander
        self._lock = threading.Lock()
        self._closed = False
        # query -> the looser tiers its last search needed (insertion order = age; the oldest is dropped)
        self._tiers_needed: dict[str, set[int]] = {}
        self._cache: tuple[dict, dict] = ({}, {})  # posting lists and lexicon look-ups (see Evaluation)
        self._stored: dict[int, dict] = {}  # stored fields of recently hit sections
        self._searches = 0
        # Read the side files before opening a reader: a reader left open on a bad index would
        # keep its files open, and Windows cannot move a folder with open files aside for the rebuild.
        sections = ix.doc_count_all()
        self._norms = norms_for(read_lengths(index_dir / LENGTHS_FILE, sections))
        self._weights = read_weights(index_dir / WEIGHTS_FILE, sections)
        # A plain reader, not a whoosh Searcher: matching.py scores the posting lists itself, and
        # whoosh.searching with its query modules would add ~15 ms to the start (issue 14).
        self._reader = ix.reader()

    @classmethod
    def open(cls, index_dir: Path, stamp: dict[str, Any] | None = None) -> SearchIndex:
        """`stamp`: the folder's stamp when the caller has just read it."""
        index_dir = Path(index_dir)
        stamp = stamp if stamp is not None else read_stamp(index_dir)
        if stamp is None:
            raise IndexUnavailable(f"no finished index in {index_dir}")
        if stamp.get("analyzer_version") != ANALYZER_VERSION or stamp.get("index_format") != INDEX_FORMAT:
            raise IndexUnavailable(f"index in {index_dir} was built by another version of the app")
        try:
            data = json.loads((index_dir / EXPANSIONS_FILE).read_text(encoding="utf-8"))
            expander = QueryExpander(ExpansionData.from_json(data))
            ix = FileStorage(str(index_dir), supports_mmap=False, readonly=True).open_index(INDEX_NAME)
        except Exception as exc:  # whoosh raises many kinds (EmptyIndexError, pickling, struct, OSError)
            raise IndexUnavailable(f"index in {index_dir} cannot be read: {exc}") from exc
        try:
            return cls(index_dir, ix, stamp, expander)
        except Exception as exc:
            ix.close()
            raise IndexUnavailable(f"index in {index_dir} cannot be read: {exc}") from exc

    @property
    def content_version(self) -> str:
        return str(self._stamp.get("content_version", ""))

    @property
    def stamp(self) -> dict:
        return dict(self._stamp)

    def close(self) -> None:
        """Close the files; waits for a running search, and later searches find nothing."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._reader.close()
            self._ix.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def check(self) -> None:
        """Read every part of the index once; raises IndexUnavailable when something is corrupt."""
        try:
            with self._lock:
                reader = self._reader
                if reader.doc_count() == 0:
                    raise IndexUnavailable("the index is empty")
                reader.stored_fields(0)
                reader.stored_fields(reader.doc_count_all() - 1)
                matcher = Matcher(reader, self._norms)
                for fieldname in self._norms:  # read one posting list of each field
                    term = next(iter(reader.lexicon(fieldname)), b"").decode("utf-8")
                    matcher.term_scores(fieldname, term)
        except IndexUnavailable:
            raise
        except Exception as exc:
            raise IndexUnavailable(f"index in {self.index_dir} is damaged: {exc}") from exc

    def expansions(self, query: str) -> list[str]:
        """Extra terms the query is widened with (glossary synonyms, pinyin, typo fixes); never raises."""
        if not isinstance(query, str):
            return []
        with self._lock:
            tiers = set(self._tiers_needed.get(query, {PREFIX, FUZZY}))  # what the last search of it needed
        try:
            return self._expander.expansions(query, prefix=PREFIX in tiers, fuzzy=FUZZY in tiers)
        except Exception:
            log.exception("query expansion failed for %r", query[:80])
            return []

    def search(self, query: str, lang: str = "zh", limit: int = 20) -> list[Hit]:
        """Hits for what the user typed; never raises (an unusable query gives no hits)."""
        if not isinstance(query, str) or not isinstance(limit, int) or limit <= 0:
            return []
        try:
            with self._lock:
                return [] if self._closed else self._search(query, lang, limit)
        except Exception as exc:
            self.last_error = exc
            log.exception("search failed for %r", query[:80])
            return []

    def _search(self, query: str, lang: str, limit: int) -> list[Hit]:
        units = self._expander.parse(query)
        required = [u for u in units if not u.optional] or units  # an intent alone is searched for
        intents = [u for u in units if u.optional and u not in required]
        if not required:
            return []
        wanted = limit * 2 + 10  # spare sections for grouping and for the exact-word check
        found: dict[int, tuple[int, float]] = {}
        fields: dict[int, dict] = {}
        postings, lookups = self._cache
        self._searches += 1
        if len(lookups) > CACHED_LOOKUPS or (
            self._searches % 16 == 0 and sum(len(ids) for ids, _ in postings.values()) > CACHED_POSTINGS
        ):  # summed now and then: it costs about a search's worth of work on a big cache
            self._cache = ({}, {})
        # With an intent every section holding the words is a candidate: the one that answers
        # ("多久" → the 疗程 section) may hold them only in its body.
        evaluation = Evaluation(
            self._reader,
            self._norms,
            enough=EVERY_SECTION if intents else wanted,
            weights=self._weights,
            cache=self._cache,
        )
        tiers_run = self._remember_tiers(query)
        enough_documents = min(limit, FALLBACK_BELOW_DOCS)
        for tier in (EXACT, PREFIX, FUZZY):
            if tier != EXACT and (
                not _has_tier(required, tier) or self._documents(found, fields) >= enough_documents
            ):
                continue
            tiers_run.add(tier)
            scores = evaluation.scores(required, tier)
            new = {doc: score for doc, score in scores.items() if doc not in found}
            if intents and new:
                lift = evaluation.lift(intents, sorted(new))
                new = {doc: score + INTENT_WEIGHT * lift.get(doc, 0.0) for doc, score in new.items()}
            # Topic sections first; down-weighted ones (the reference list) only fill what is left,
            # so citation titles never crowd the topics out of the candidates.
            weights = self._weights
            for doc in heapq.nlargest(wanted, new, key=lambda d: (weights[d] >= 1.0, new[d])):
                found[doc] = (tier, new[doc])
        for docnum in found:
            self._fields(docnum, fields)
        found = _check_exact_chinese(required, found, fields)
        missing: dict[int, tuple[str, ...]] = {}
        if len(required) > 1 and self._documents(found, fields) < enough_documents:
            tiers_run.add(FUZZY)
            covered = evaluation.coverage(required, FUZZY, COVERAGE_BONUS)
            if intents:
                lift = evaluation.lift(intents, sorted(covered))
                covered = {
                    doc: (lacking, score + INTENT_WEIGHT * lift.get(doc, 0.0), lacks)
                    for doc, (lacking, score, lacks) in covered.items()
                }
            ranked = sorted(
                (c for c in covered.items() if c[0] not in found), key=lambda c: (c[1][0], -c[1][1])
            )
            for doc, (lacking, score, lacks) in ranked[:wanted]:
                found[doc], missing[doc] = (PARTIAL + lacking, score), lacks
                self._fields(doc, fields)
        return _arrange(found, fields, required + intents, lang, limit, missing)

    def _remember_tiers(self, query: str) -> set[int]:
        """The (empty) set this search fills with the tiers it runs; called with the lock held."""
        self._tiers_needed.pop(query, None)
        if len(self._tiers_needed) >= REMEMBERED_QUERIES:
            del self._tiers_needed[next(iter(self._tiers_needed))]
        tiers = self._tiers_needed[query] = set()
        return tiers

    def _documents(self, found: dict[int, tuple[int, float]], fields: dict[int, dict]) -> int:
        return len({(f["doc_id"], f["lang"]) for f in (self._fields(n, fields) for n in found)})

    def _fields(self, docnum: int, cache: dict[int, dict]) -> dict:
        if docnum not in cache:
            record = self._stored.get(docnum)
            if record is None:  # kept between searches: the index never changes while open
                if len(self._stored) >= STORED_SECTIONS:
                    self._stored.clear()
                record = self._stored[docnum] = self._reader.stored_fields(docnum)
            cache[docnum] = record
        return cache[docnum]


def _has_tier(units: list[Unit], tier: int) -> bool:
    if tier == PREFIX:
        return any(u.prefix or u.prefix_terms for u in units)
    return any(u.fuzzy or u.fuzzy_word for u in units)


def _check_exact_chinese(
    units: list[Unit], found: dict[int, tuple[int, float]], fields: dict[int, dict]
) -> dict[int, tuple[int, float]]:
    """Move candidates that hold a Chinese word's bigrams but not the word itself to the LOOSE tier."""
    checks = [_variant_keys(u) for u in units if u.is_cjk and len(u.surface) > 2]
    if not checks:
        return found
    checked: dict[int, tuple[int, float]] = {}
    for docnum, (tier, score) in found.items():
        record = fields[docnum]
        raw = f"{record['title']} {record['section']} {record['text']}"
        compact: list[str] = []  # folded only when a Latin variant needs it: folding is the slow part
        ok = all(_holds(unit_keys, raw, compact) for unit_keys in checks)
        checked[docnum] = (tier if ok else LOOSE, score)
    return checked


def _holds(unit_keys: list[tuple[bool, list[str]]], raw: str, compact: list[str]) -> bool:
    """Whether a section's text holds one of a unit's texts (Chinese ones are checked unfolded)."""
    for chinese, keys in unit_keys:
        if chinese and keys[0] in raw:
            return True
    for chinese, keys in unit_keys:
        if not chinese:
            if not compact:
                compact.append(_compact(raw))
            if all(k in compact[0] for k in keys):
                return True
    return False


@lru_cache(maxsize=1024)
def _compact(raw: str) -> str:
    """A section's text as needle keys are compared with it (kept: the library does not change)."""
    return needle_key(raw)


def _variant_keys(unit: Unit) -> list[tuple[bool, list[str]]]:
    """For each text a unit may match, the compact strings a section must contain to hold it:
    the whole text for Chinese, each (stemmed) term for Latin text."""
    keys: list[tuple[bool, list[str]]] = []
    for variant in [*unit.exact, *unit.prefix_terms, *unit.fuzzy]:
        chinese = is_cjk(variant) and needle_key(variant) == variant
        if chinese and not _HAS_LATIN.search(variant):
            keys.append((True, [variant]))
        elif chinese:  # mixed script (HER2阴性, 维生素D): the whole term, in the folded text
            keys.append((False, [needle_key(variant)]))
        else:
            keys.append((False, [needle_key(t) for t in query_terms(variant)]))
    return keys


def _needles(units: Iterable[Unit]) -> list[str]:
    needles: list[str] = []
    for unit in units:
        for text in [*unit.exact, *unit.prefix, *unit.prefix_terms, *unit.fuzzy]:
            if unit.optional and len(needle_key(text)) < 2:
                continue  # an intent's 每 or 周 would mark every week in the text
            needles.append(text)
            terms = query_terms(text)
            if len(terms) == 1 and not is_cjk(text):
                needles.append(terms[0])  # the stem: "fractures" also marks "fracture"
    return [n for n in dict.fromkeys(needles) if len(needle_key(n)) >= 1]


def _arrange(
    found: dict[int, tuple[int, float]],
    fields: dict[int, dict],
    units: list[Unit],
    lang: str,
    limit: int,
    missing: dict[int, tuple[str, ...]],
) -> list[Hit]:
    groups: dict[tuple[str, str], list[tuple[int, float, int]]] = {}
    for docnum, (tier, score) in found.items():
        record = fields[docnum]
        groups.setdefault((record["doc_id"], record["lang"]), []).append((tier, -score, docnum))
    for sections in groups.values():
        sections.sort()
    # The reference list comes after every topic: its headings are citation titles, which would
    # otherwise outrank the topic a trainee is looking for (Keytruda → the KEYNOTE-355 citation).
    order = sorted(
        groups.items(),
        key=lambda item: (
            item[0][0] == REFERENCES_DOC,
            item[1][0][0],
            item[0][1] != lang,
            item[1][0][1],
            item[0],
        ),
    )
    needles = _needles(units)
    hits: list[Hit] = []
    for _, sections in order:
        for _tier, negative_score, docnum in sections[:MAX_SECTIONS_PER_DOC]:
            if len(hits) >= limit:
                return hits
            record = fields[docnum]
            hits.append(
                Hit(
                    doc_id=record["doc_id"],
                    lang=record["lang"],
                    title=record["title"],
                    section=record["section"],
                    anchor=record["anchor"],
                    snippet_html=make_snippet(record["text"] or record["title"], needles),
                    score=round(-negative_score, 3),
                    missing=missing.get(docnum, ()),
                )
            )
    return hits
