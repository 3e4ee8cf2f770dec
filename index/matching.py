"""Query evaluation over whoosh's posting lists, scored here (BM25 per field, with field boosts).

Why not whoosh's own matchers: a glossary-expanded query is an OR of dozens of small ANDs, and
whoosh walks that tree one posting at a time in Python (36 ms p95 on the 48-document library,
~170 ms at 1,000 generated documents). Here every posting list is read once, block by block, into a
dict, and ANDs/ORs become set operations and dict comprehensions, which run in C.

Scores: a term in one field scores idf · tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen)) × field boost;
the terms of one text ANDed in one field add up; the fields of a text add up; the alternatives of a
unit (its synonyms, pinyin hits, prefixes, typo fixes) take the best one; the units of a query are
ANDed and add up.
"""

from __future__ import annotations

import heapq
import math
from array import array
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from index.analysis import latin_term, query_terms
from index.expand import Unit, edit_distance, fuzzy_limit
from index.postings import look_up, read_postings
from index.schema import BODY, DOC_TITLE, FIELD_BOOSTS, HEAD

K1, B = 1.2, 0.75
EXACT, PREFIX, FUZZY = range(3)
TIER_BOOST = {EXACT: 1.0, PREFIX: 0.5, FUZZY: 0.3}
MAX_EXPANDED_TERMS = 24  # a 2-letter prefix can match thousands of terms; keep the most common ones
PREFIX_SCAN = 400
FUZZY_PREFIX_CHARS = 2  # typos in the first two letters are not corrected: keeps the term scan short
FUZZY_SCAN = 5000
MAX_FUZZY_LETTERS = 40  # longer "words" are pasted junk, not typos
LENGTHS_FILE = "lengths.bin"
WEIGHTS_FILE = "weights.bin"
TITLE_FIELDS = (HEAD, DOC_TITLE)
BODY_LOOKUPS = 60  # title matches whose body is scored when titles alone match enough sections
SPANNING_WEIGHT = 0.8  # a phrase split between heading and body counts a little less
LOOKUP_COST = 100  # one skip_to costs about as much as reading this many postings in bulk

Scores = dict[int, float]


def write_weights(path: Path, weights: array) -> None:
    """One multiplier per section (array of floats), in section order."""
    path.write_bytes(weights.tobytes())


def read_weights(path: Path, doc_count: int) -> array:
    weights = array("f")
    weights.frombytes(Path(path).read_bytes())
    if len(weights) != doc_count:
        raise ValueError(f"{path.name} holds {len(weights)} weights for {doc_count} sections")
    return weights


def write_lengths(path: Path, lengths: dict[str, array]) -> None:
    """Token counts per field and section, in FIELD_BOOSTS order (what BM25 normalises by)."""
    with open(path, "wb") as out:
        for name in FIELD_BOOSTS:
            lengths[name].tofile(out)


def read_lengths(path: Path, doc_count: int) -> dict[str, array]:
    data = array("I")
    data.frombytes(Path(path).read_bytes())
    if len(data) != doc_count * len(FIELD_BOOSTS):
        raise ValueError(f"{path.name} holds {len(data)} lengths for {doc_count} sections")
    return {name: data[i * doc_count : (i + 1) * doc_count] for i, name in enumerate(FIELD_BOOSTS)}


class Matcher:
    """Evaluates Units in some fields of one open reader, optionally only for given sections.
    Build one per search and field set: it memoises posting lists and texts."""

    def __init__(
        self,
        reader,
        norms: dict[str, list[float]],
        fields: tuple[str, ...] = tuple(FIELD_BOOSTS),
        only: list[int] | None = None,
        postings: dict | None = None,
        frequencies: dict | None = None,
    ) -> None:
        self.reader = reader
        # (field, term) -> (ids, term frequencies) read whole; shared by the matchers of one search
        self.postings: dict[tuple[str, str], tuple[list[int], list[float]]] = (
            {} if postings is None else postings
        )
        self.norms = norms
        self.fields = fields
        self.only = only  # sorted section numbers: look these up instead of reading whole lists
        self.doc_count = reader.doc_count_all()
        self._term_scores: dict[tuple[str, str], Scores] = {}
        # shared by the matchers of one search, and across searches (the index never changes);
        # also holds the results of prefix and typo scans of the lexicon, under 3-part keys
        self._frequencies: dict[tuple, Any] = {} if frequencies is None else frequencies
        self._text_scores: dict[tuple[str, float], Scores] = {}

    # -- one term ----------------------------------------------------------------------------

    def frequency(self, fieldname: str, term: str) -> int:
        key = (fieldname, term)
        if key not in self._frequencies:
            self._frequencies[key] = self.reader.doc_frequency(fieldname, term) if term else 0
        return self._frequencies[key]

    def term_scores(self, fieldname: str, term: str, only: list[int] | None = None) -> Scores:
        """BM25 score of one term in one field (boost included) for every section holding it, or
        for those of the sorted sections `only` (default: the matcher's own restriction)."""
        only = self.only if only is None else only
        key = (fieldname, term)
        cached = self._term_scores.get(key)
        if cached is not None:
            return cached if only is None else {doc: cached[doc] for doc in only if doc in cached}
        frequency = self.frequency(fieldname, term)
        if not frequency:
            return {}
        if key in self.postings:
            ids, weights = self.postings[key]
        elif only is not None and len(only) * LOOKUP_COST < frequency:
            ids, weights = look_up(self.reader.postings(fieldname, term), only)  # a few sections, long list
        else:
            postings = read_postings(self.reader.postings(fieldname, term), expected=frequency)
            ids, weights = self.postings[key] = postings
        if only is not None and len(ids) > len(only):
            frequencies = dict(zip(ids, weights, strict=True))
            ids = [doc for doc in only if doc in frequencies]
            weights = [frequencies[doc] for doc in ids]
        idf = math.log(1 + (self.doc_count - frequency + 0.5) / (frequency + 0.5))
        factor = idf * (K1 + 1) * FIELD_BOOSTS[fieldname]
        norm = self.norms[fieldname]
        scores = {doc: factor * tf / (tf + norm[doc]) for doc, tf in zip(ids, weights, strict=True)}
        if only is None:
            self._term_scores[key] = scores
        return scores

    def all_terms(self, fieldname: str, terms: list[str]) -> Scores:
        """Sections holding every term in one field: the rarest list is read whole, the others
        only for the sections it holds."""
        by_frequency = sorted((self.frequency(fieldname, t), t) for t in terms)
        if not by_frequency or not by_frequency[0][0]:
            return {}
        first = self.term_scores(fieldname, by_frequency[0][1])
        if len(by_frequency) == 1 or not first:
            return first
        candidates = sorted(first)
        return all_of([first, *(self.term_scores(fieldname, t, candidates) for _, t in by_frequency[1:])])

    # -- alternatives ------------------------------------------------------------------------

    def text_scores(self, text: str, boost: float) -> Scores:
        """All query terms of `text` in one field (any field); fields add up."""
        key = (text, boost)
        if key not in self._text_scores:
            terms = list(dict.fromkeys(query_terms(text)))
            per_field = [self.all_terms(f, terms) for f in self.fields] if terms else []
            scores = add_up(per_field)
            if len(terms) > 1 and len(self.fields) > 1 and " " in text.strip():
                # a phrase of several words may span fields ("creatinine" in the heading,
                # "clearance" in the body): those sections match too, below the ones that hold
                # the whole phrase in one field
                spanning = self._spanning(terms)
                scores = {**{d: v * SPANNING_WEIGHT for d, v in spanning.items()}, **scores}
            # averaged over the terms: one concept, however many words or bigrams spell it
            # ("XGEVA 120 mg" must not outscore "denosumab" threefold)
            self._text_scores[key] = _scaled(scores, boost / max(1, len(terms)))
        return self._text_scores[key]

    def _spanning(self, terms: list[str]) -> Scores:
        """Sections holding every term in some field (not necessarily the same), scores added;
        the rarest term's sections are the candidates for the others."""
        by_frequency = sorted(terms, key=lambda t: sum(self.frequency(f, t) for f in self.fields))
        first = add_up([self.term_scores(f, by_frequency[0]) for f in self.fields])
        if not first:
            return {}
        candidates = sorted(first) if self.only is None else [d for d in self.only if d in first]
        rest = [add_up([self.term_scores(f, t, candidates) for f in self.fields]) for t in by_frequency[1:]]
        return all_of([first, *rest])

    def prefix_scores(self, prefix: str, boost: float) -> Scores:
        per_field: list[Scores] = []
        for fieldname in self.fields:
            scan_key = ("prefix", fieldname, prefix)  # lexicon scans are memoised with the frequencies
            found = self._frequencies.get(scan_key)
            if found is None:
                found = []
                for count, raw in enumerate(self.reader.expand_prefix(fieldname, prefix)):
                    if count >= PREFIX_SCAN:
                        break
                    term = raw.decode("utf-8")
                    found.append((self.reader.doc_frequency(fieldname, term), term))
                found.sort(reverse=True)
                found = self._frequencies[scan_key] = found[:MAX_EXPANDED_TERMS]
            per_field.append(best_of([self.term_scores(fieldname, t) for _, t in found]))
        return _scaled(add_up(per_field), boost)

    def fuzzy_scores(self, word: str, boost: float) -> Scores:
        """Index terms within 1–2 edits of a Latin word (its first letters must match: short scans)."""
        term = latin_term(word)
        edits = fuzzy_limit(word)
        if not term or not edits or len(term) > MAX_FUZZY_LETTERS:
            return {}
        per_field: list[Scores] = []
        for fieldname in self.fields:
            scan_key = ("fuzzy", fieldname, term)
            close = self._frequencies.get(scan_key)
            if close is None:
                close = []
                for count, raw in enumerate(self.reader.expand_prefix(fieldname, term[:FUZZY_PREFIX_CHARS])):
                    if count >= FUZZY_SCAN:
                        break
                    candidate = raw.decode("utf-8")
                    distance = edit_distance(term, candidate, edits)
                    if 0 < distance <= edits:
                        close.append((distance, candidate))
                close.sort()
                close = self._frequencies[scan_key] = close[:MAX_EXPANDED_TERMS]
            per_field.append(best_of([self.term_scores(fieldname, t) for _, t in close]))
        return _scaled(add_up(per_field), boost)

    # -- units and queries -------------------------------------------------------------------

    def unit_scores(self, unit: Unit, tier: int) -> Scores:
        alternatives = [self.text_scores(v, TIER_BOOST[EXACT]) for v in unit.exact]
        if tier >= PREFIX:
            alternatives += [self.prefix_scores(p, TIER_BOOST[PREFIX]) for p in unit.prefix]
            alternatives += [self.text_scores(v, TIER_BOOST[PREFIX]) for v in unit.prefix_terms]
        if tier >= FUZZY:
            alternatives += [self.text_scores(v, TIER_BOOST[FUZZY]) for v in unit.fuzzy]
            if unit.fuzzy_word:
                alternatives.append(self.fuzzy_scores(unit.fuzzy_word, TIER_BOOST[FUZZY]))
        return best_of(alternatives)

    def query_scores(self, units: list[Unit], tier: int) -> Scores:
        """Sections matching every unit (in these fields), scores added. The most selective unit
        is evaluated first; the others only for the sections it matched."""
        if len(units) == 1:
            return self.unit_scores(units[0], tier)
        ordered = sorted(units, key=self._estimate)
        first = self.unit_scores(ordered[0], tier)
        if not first:
            return {}
        only = sorted(first) if self.only is None else [d for d in self.only if d in first]
        rest = Matcher(
            self.reader,
            self.norms,
            self.fields,
            only=only,
            postings=self.postings,
            frequencies=self._frequencies,
        )
        return all_of([first, *(rest.unit_scores(u, tier) for u in ordered[1:])])

    def _estimate(self, unit: Unit) -> int:
        """Roughly how many sections a unit matches: its exact texts' rarest terms, summed."""
        total = 0
        for text in unit.exact:
            terms = query_terms(text)
            total += min((sum(self.frequency(f, t) for f in self.fields) for t in terms), default=0)
        return total

    def bonus_scores(self, units: list[Unit], tier: int) -> Scores:
        """What each unit adds to a section's score (in these fields), whether or not all match."""
        return add_up([self.unit_scores(u, tier) for u in units])


class Evaluation:
    """One search's query evaluation, titles first.

    Headings and titles outrank body text by design, so when the title fields alone already match
    `enough` sections, a section matching only in its body could not make the list: the body is
    then scored only for the best title matches (looked up, not read whole). Otherwise every field
    is read. On a small library this changes nothing; on a large one it skips the longest lists.
    """

    def __init__(
        self,
        reader,
        norms: dict[str, list[float]],
        enough: int,
        weights: array | None = None,
        cache: tuple[dict, dict] | None = None,
    ) -> None:
        self.reader = reader
        self.norms = norms
        self.enough = enough
        self.weights = weights  # per section (see build.SECTION_WEIGHTS); None = all 1
        # posting lists and document frequencies read so far (pass `cache` to keep them across searches)
        self.postings, self.frequencies = cache if cache is not None else ({}, {})
        self.titles = Matcher(
            reader, norms, TITLE_FIELDS, postings=self.postings, frequencies=self.frequencies
        )
        self._everything: Matcher | None = None

    def scores(self, units: list[Unit], tier: int) -> Scores:
        titles = self._weighted(self.titles.query_scores(units, tier))
        if self._full_weight(titles) < self.enough:
            if self._everything is None:
                self._everything = Matcher(
                    self.reader, self.norms, postings=self.postings, frequencies=self.frequencies
                )
            return self._weighted(self._everything.query_scores(units, tier))
        best = heapq.nlargest(BODY_LOOKUPS, titles, key=titles.__getitem__)
        body = Matcher(
            self.reader,
            self.norms,
            (BODY,),
            only=sorted(best),
            postings=self.postings,
            frequencies=self.frequencies,
        )
        body = self._weighted(body.bonus_scores(units, tier))
        return {doc: titles[doc] + body.get(doc, 0.0) for doc in best}

    def coverage(
        self, units: list[Unit], tier: int, bonus: float
    ) -> dict[int, tuple[int, float, tuple[str, ...]]]:
        """Sections holding at least one of the units, for a query whose units are not all found
        together: (how many units are missing, score, the missing units' words). The score adds
        the units' BM25 scores and `bonus` per unit held, so holding more words counts most."""
        if self._everything is None:
            self._everything = Matcher(
                self.reader, self.norms, postings=self.postings, frequencies=self.frequencies
            )
        per_unit = [self._weighted(self._everything.unit_scores(u, tier)) for u in units]
        total = add_up(per_unit)
        result: dict[int, tuple[int, float, tuple[str, ...]]] = {}
        for doc, score in total.items():
            lacks = tuple(u.surface for u, scores in zip(units, per_unit, strict=True) if doc not in scores)
            weight = 1.0 if self.weights is None else self.weights[doc]
            result[doc] = (len(lacks), score + bonus * weight * (len(units) - len(lacks)), lacks)
        return result

    def lift(self, intents: list[Unit], only: list[int]) -> Scores:
        """What the intents of a question add to the given sections (never a condition)."""
        matcher = Matcher(
            self.reader, self.norms, only=only, postings=self.postings, frequencies=self.frequencies
        )
        return self._weighted(matcher.bonus_scores(intents, EXACT))

    def _full_weight(self, scores: Scores) -> int:
        """How many of the sections are topic sections: down-weighted ones (the reference list,
        whose headings are citation titles) must not stop the topics' body text being read."""
        weights = self.weights
        return len(scores) if weights is None else sum(1 for doc in scores if weights[doc] >= 1.0)

    def _weighted(self, scores: Scores) -> Scores:
        weights = self.weights
        if weights is None:
            return scores
        return {doc: score * weights[doc] for doc, score in scores.items()}


def norms_for(lengths: dict[str, array]) -> dict[str, list[float]]:
    """k1·(1 − b + b·len/avglen) per field and section, computed once when the index opens."""
    norms: dict[str, list[float]] = {}
    for fieldname, values in lengths.items():
        average = (sum(values) / len(values) if len(values) else 0.0) or 1.0
        norms[fieldname] = [K1 * (1 - B + B * n / average) for n in values]
    return norms


def all_of(parts: list[Scores]) -> Scores:
    """AND: sections present in every part, scores added."""
    if not parts or not all(parts):
        return {}
    if len(parts) == 1:
        return parts[0]
    ordered = sorted(parts, key=len)
    first, second = ordered[0], ordered[1]
    common = first.keys() & second.keys() if len(ordered) == 2 else set(first).intersection(*ordered[1:])
    total = {doc: first[doc] + second[doc] for doc in common}
    for part in ordered[2:]:
        for doc in total:
            total[doc] += part[doc]
    return total


def add_up(parts: Iterable[Scores]) -> Scores:
    """OR that adds: the fields of one text (the biggest part is copied, the others added to it)."""
    ordered = sorted((p for p in parts if p), key=len, reverse=True)
    if len(ordered) <= 1:
        return ordered[0] if ordered else {}
    total = dict(ordered[0])
    for part in ordered[1:]:
        for doc, score in part.items():
            total[doc] = total.get(doc, 0.0) + score
    return total


def best_of(parts: list[Scores]) -> Scores:
    """OR that keeps the best: the alternatives of one unit."""
    parts = [p for p in parts if p]
    if not parts:
        return {}
    if len(parts) == 1:
        return parts[0]
    parts.sort(key=len, reverse=True)
    best = dict(parts[0])
    for part in parts[1:]:
        for doc, score in part.items():
            if score > best.get(doc, 0.0):
                best[doc] = score
    return best


def _scaled(scores: Scores, factor: float) -> Scores:
    return scores if factor == 1.0 else {doc: score * factor for doc, score in scores.items()}
