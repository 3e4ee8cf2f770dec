"""Query parsing and expansion: glossary synonyms (across languages), pinyin keys and typo fixes.

The build computes the expansion data once (pinyin with pypinyin, imported only there) and stores it
as JSON in the index folder; the app loads that JSON and never imports pypinyin (tech.md §3: +55 MB,
~200 ms).  A query becomes a list of Units that are ANDed; each unit lists the alternative texts it
may match, split into tiers: exact (the words, their synonyms and pinyin hits), prefix (while the
last word is still being typed) and fuzzy (1–2 edits for Latin words of 5+ letters).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from index.analysis import find_tokens, fold, is_cjk, joined_form, query_terms
from index.questions import QueryWords
from index.snippets import compact_with_map

MAX_QUERY_CHARS = 160  # longer input is cut: nobody types more, and it keeps latency flat
MAX_UNITS = 8
PARSED_QUERIES = 256
MAX_GLOSSARY_SPAN = 4  # words of a multi-word glossary term ("osteonecrosis of the jaw")
MIN_PINYIN_INITIALS = 3
MIN_PINYIN_PREFIX = 4
MIN_FUZZY_LETTERS = 5
_ASCII_WORD_RE = re.compile(r"[a-z]+")
# Search-engine habits ("denosumab~2", "HER2^3"): the number is an operator argument, not a word.
_QUERY_SYNTAX_RE = re.compile(r"[~^][0-9.]*")
_COMPOUND_SPLIT_RE = re.compile(r"[-/+']")
_SIGNED = re.compile(r"[0-9a-z][+-]$")
_LATIN_CHAR = re.compile(r"[0-9a-z\u00b5\u00c0-\u024f\u0370-\u03ff]")


def _latin_bounded(text: str, start: int, end: int, key: str) -> bool:
    """A glossary term found at text[start:end] does not cut a Latin word in two."""
    if _LATIN_CHAR.match(key[0]) and start > 0 and _LATIN_CHAR.match(text[start - 1]):
        return False
    return not (_LATIN_CHAR.match(key[-1]) and end < len(text) and _LATIN_CHAR.match(text[end]))


def _searchable(surface: str) -> bool:
    """Whether a unit has a search term at all ("of", "the" alone have none: they must not veto)."""
    return bool(query_terms(surface))


def match_key(text: str) -> str:
    """Compact comparison key: folded, separators and spaces removed (HER-2 ≡ her2, 'zoledronic acid')."""
    return joined_form(re.sub(r"[\s.]+", "", fold(text)))


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a transposition counts 1), or limit + 1 once it exceeds limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        prev2, prev = prev, row
    return prev[-1]


def fuzzy_limit(word: str) -> int:
    """Edits tolerated for a Latin word: none below 5 letters, 1 up to 7, 2 from 8."""
    if len(word) < MIN_FUZZY_LETTERS:
        return 0
    return 1 if len(word) < 8 else 2


@dataclass
class Unit:
    """One ANDed part of a query and the texts that satisfy it, by tier."""

    surface: str  # the folded text as typed
    exact: list[str]
    prefix: list[str] = field(default_factory=list)  # texts matched as a prefix of an index term
    prefix_terms: list[str] = field(
        default_factory=list
    )  # glossary terms the typed word starts (pinyin/Latin)
    fuzzy: list[str] = field(default_factory=list)  # glossary terms within the edit limit; a compound's parts
    fuzzy_word: str = ""  # a Latin word the index may match within fuzzy_limit edits
    optional: bool = False  # an intent ("how long" → interval, duration): lifts sections, never required

    @property
    def is_cjk(self) -> bool:
        return is_cjk(self.surface)


@dataclass
class ExpansionData:
    """The synonym groups and pinyin keys stored with an index (expansions.json)."""

    groups: list[list[str]]
    pinyin: dict[str, list[str]]  # full pinyin → Chinese terms
    initials: dict[str, list[str]]  # pinyin initials → Chinese terms
    words: QueryWords = field(default_factory=lambda: QueryWords())

    def to_json(self) -> dict:
        return {
            "groups": self.groups,
            "pinyin": self.pinyin,
            "initials": self.initials,
            "query_words": self.words.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict) -> ExpansionData:
        return cls(
            groups=[[str(t) for t in group] for group in data["groups"]],
            pinyin={str(k): [str(t) for t in v] for k, v in data["pinyin"].items()},
            initials={str(k): [str(t) for t in v] for k, v in data["initials"].items()},
            words=QueryWords.from_json(data.get("query_words") or {}),
        )


def build_expansion_data(
    synonyms: Iterable[Iterable[str]],
    extra_terms: Iterable[str],
    query_words: dict | None = None,
    vocabulary: Iterable[str] = (),
) -> ExpansionData:
    """Synonym groups plus pinyin keys of every Chinese term (build time only: imports pypinyin), the
    question words of the library (library.content query_words) and the Chinese heading words that
    a one-character typo is matched against."""
    from pypinyin import Style, lazy_pinyin

    groups = [[str(t).strip() for t in group if str(t).strip()] for group in synonyms]
    groups = [g for g in groups if len(g) > 1]
    terms = {t for group in groups for t in group if is_cjk(t)} | {t for t in extra_terms if is_cjk(t)}
    pinyin: dict[str, list[str]] = {}
    initials: dict[str, list[str]] = {}
    for term in sorted(terms):
        full = "".join(_ASCII_WORD_RE.findall(fold("".join(lazy_pinyin(term)))))
        first = "".join(_ASCII_WORD_RE.findall(fold("".join(lazy_pinyin(term, style=Style.FIRST_LETTER)))))
        if len(full) >= MIN_PINYIN_PREFIX:
            pinyin.setdefault(full, []).append(term)
        if len(first) >= MIN_PINYIN_INITIALS:
            initials.setdefault(first, []).append(term)
    words = QueryWords.from_library(query_words or {}, vocabulary)
    return ExpansionData(groups, pinyin, initials, words)


class QueryExpander:
    """Turns user text into Units, using the glossary and pinyin keys of one index."""

    # The look-up tables below are made at the first query (in the search thread), not when the
    # index opens: folding ~1,400 glossary terms took about 5 ms of the app's start (issue 14).

    def __init__(self, data: ExpansionData) -> None:
        self.data = data
        self._parsed: dict[str, list[Unit]] = {}  # treated as read-only by the callers

    @cached_property
    def _group_of(self) -> dict[str, list[int]]:
        group_of: dict[str, list[int]] = {}
        for number, group in enumerate(self.data.groups):
            for term in group:
                key = match_key(term)
                if key and number not in group_of.setdefault(key, []):
                    group_of[key].append(number)
        return group_of

    @cached_property
    def _cjk_group_keys(self) -> set[str]:
        return {k for k in self._group_of if is_cjk(k)}

    @cached_property
    def _cjk_lengths(self) -> list[int]:
        return sorted({len(k) for k in self._cjk_group_keys}, reverse=True)

    @cached_property
    def _pinyin_keys(self) -> list[str]:
        return sorted(self.data.pinyin)

    @cached_property
    def _latin_terms(self) -> list[tuple[str, str]]:
        return [(match_key(t), t) for group in self.data.groups for t in group if not is_cjk(t)]

    @cached_property
    def _fuzzy_keys(self) -> dict[str, str]:
        """Latin glossary words a typo may be matched against → the glossary key they stand for."""
        keys: dict[str, str] = {}
        for group in self.data.groups:
            for term in group:
                words = _ASCII_WORD_RE.findall(fold(term))
                if not words or is_cjk(term):
                    continue
                whole = match_key(term)
                if len(whole) >= MIN_FUZZY_LETTERS:
                    keys.setdefault(whole, whole)
                if len(words) > 1 and len(words[0]) >= 6:  # "zoledronc" ~ "zoledronic (acid)"
                    keys.setdefault(words[0], whole)
        return keys

    def group_terms(self, key: str) -> list[str]:
        """Every term of the glossary groups that contain `key`, in glossary order."""
        terms: list[str] = []
        for number in self._group_of.get(key, []):
            terms.extend(t for t in self.data.groups[number] if t not in terms)
        return terms

    def _expand_word(self, text: str) -> list[str]:
        """The typed text plus its glossary group and pinyin hits (with their groups)."""
        variants = [text]
        searched = {query_terms(text)}
        key = match_key(text)
        hits = list(self.data.pinyin.get(key, []))
        if key.isascii() and len(key) >= MIN_PINYIN_INITIALS:
            hits += self.data.initials.get(key, [])
        for term in [text, *hits]:
            for variant in [term, *self.group_terms(match_key(term))]:
                # "HER2−" would be searched as "her2" (signs are not indexed): its words find it
                if _SIGNED.search(fold(variant)) and variant != text:
                    continue
                # Kept unless it searches what a kept one does: "first line" and "first-line" share
                # a key but search different terms (first + line; the joined firstline).
                if query_terms(variant) not in searched:
                    searched.add(query_terms(variant))
                    variants.append(variant)
        return variants

    def _fuzzy_variants(self, word: str, exclude: list[str]) -> list[str]:
        limit = fuzzy_limit(word)
        if not limit or not word.isascii():
            return []
        seen = {match_key(v) for v in exclude}
        found: list[str] = []
        for candidate, whole in self._fuzzy_keys.items():
            if whole in seen or edit_distance(word, candidate, limit) > limit:
                continue
            for variant in self.group_terms(whole) or [whole]:
                if match_key(variant) not in seen:
                    seen.add(match_key(variant))
                    found.append(variant)
        return found

    def _completions(self, word: str) -> list[str]:
        """Glossary terms (and their groups) that the word being typed starts: pinyin or Latin."""
        if len(word) < MIN_PINYIN_PREFIX or not word.isascii() or not word.isalpha():
            return []
        keys = [k for k in self._pinyin_keys if k.startswith(word) and k != word]
        found: list[str] = []
        for term in [t for k in keys for t in self.data.pinyin[k]] + self._latin_starting(word):
            found.extend(v for v in [term, *self.group_terms(match_key(term))] if v not in found)
        return found[:24]

    def _latin_starting(self, word: str) -> list[str]:
        return [term for key, term in self._latin_terms if key.startswith(word) and key != word]

    def _glossary_spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, term) of the Chinese and mixed-script glossary terms in a folded text, longest
        first from the left (维生素D, HER2低表达, CDK4/6抑制剂 inside a Chinese sentence). A term that
        starts or ends with a Latin letter must start or end a Latin word there ("er" is not in "her2")."""
        compact, where = compact_with_map(text)
        spans: list[tuple[int, int, str]] = []
        i = 0
        while i < len(compact):
            for length in self._cjk_lengths:
                key = compact[i : i + length]
                if len(key) == length and key in self._cjk_group_keys:
                    start, end = where[i], where[i + length - 1] + 1
                    if _latin_bounded(text, start, end, key):
                        spans.append((start, end, key))
                        i += length
                        break
            else:
                i += 1
        return spans

    def parse(self, query: str) -> list[Unit]:
        """The units of a query (see _parse); the last queries' units are kept (typing repeats them)."""
        units = self._parsed.get(query)
        if units is None:
            if len(self._parsed) >= PARSED_QUERIES:
                self._parsed.clear()
            units = self._parsed[query] = self._parse(query)
        return units

    def _parse(self, query: str) -> list[Unit]:
        """The units of a query (an empty list when it holds nothing searchable): glossary terms
        first (across scripts and spaces), then the words between them without question words and
        stop words; intents ("how long") become optional units."""
        text = _QUERY_SYNTAX_RE.sub(" ", fold(query[: MAX_QUERY_CHARS * 4]))
        text = self.data.words.with_signs_as_words(text)
        typing_last = bool(text) and not text[-1].isspace()
        units: list[Unit] = []
        cursor = 0
        for start, end, term in [*self._glossary_spans(text), (len(text), len(text), "")]:
            self._parse_between(text[cursor:start], units, typing_last and start == len(text))
            if term:
                units.append(Unit(text[start:end], self._expand_word(text[start:end])))
            cursor = end
        units = [u for u in units if u.surface and _searchable(u.surface)][:MAX_UNITS]
        for word, intent in self.data.words.intents_in(text):
            units.append(Unit(word, list(dict.fromkeys([word, *intent.means])), optional=True))
            for unit in units:
                # in its context the word itself may be written as its meaning (放疗剂量 → Gy, 分割)
                if intent.when and not unit.optional and unit.surface == word:
                    unit.exact.extend(m for m in intent.means if m not in unit.exact)
        return units

    def _parse_between(self, text: str, units: list[Unit], typing_last: bool) -> None:
        """The units of text that holds no Chinese glossary term."""
        words = self.data.words
        tokens = [(m.group(), m.end()) for m in find_tokens(text)]
        i = 0
        while i < len(tokens):
            span = self._glossary_span(tokens, i)
            if span > 1:
                surface = " ".join(t for t, _ in tokens[i : i + span])
                units.append(Unit(surface, self._expand_word(surface)))
                i += span
                continue
            word, end = tokens[i]
            i += 1
            if not is_cjk(word):
                if not words.is_question_word(word) or match_key(word) in self._group_of:
                    units.append(Unit(word, self._expand_word(word)))
                    self._add_latin_tiers(units[-1], trailing=typing_last and end == len(text))
                continue
            for piece in words.cut_chinese(word):
                unit = Unit(piece, self._expand_word(piece))
                for variant in words.typo_variants(piece):
                    unit.exact.extend(v for v in self._expand_word(variant) if v not in unit.exact)
                unit.fuzzy = words.one_character_off(piece)
                units.append(unit)

    def _glossary_span(self, tokens: list[tuple[str, int]], start: int) -> int:
        """Length of the longest run of words from `start` that is one glossary term or pinyin key."""
        for span in range(min(MAX_GLOSSARY_SPAN, len(tokens) - start), 1, -1):
            key = match_key("".join(t for t, _ in tokens[start : start + span]))
            if key in self._group_of or key in self.data.pinyin:
                return span
        return 1

    def _add_latin_tiers(self, unit: Unit, trailing: bool) -> None:
        word = joined_form(unit.surface)
        parts = [p for p in _COMPOUND_SPLIT_RE.split(unit.surface) if p]
        if len(parts) > 1:  # "25-OH" also finds "25(OH)D", as a looser match
            unit.fuzzy.append(" ".join(parts))
        if trailing and len(word) >= 2:
            unit.prefix.append(word)
            unit.prefix_terms = [t for t in self._completions(word) if t not in unit.exact]
        if word.isascii() and word.isalpha():
            unit.fuzzy = self._fuzzy_variants(word, unit.exact)
            unit.fuzzy_word = word if fuzzy_limit(word) else ""

    def expansions(self, query: str, prefix: bool = True, fuzzy: bool = True) -> list[str]:
        """The terms a query was widened with (shown as "also searched: …"); `prefix` and `fuzzy`
        say whether those looser tiers were searched."""
        extra: list[str] = []
        for unit in self.parse(query):
            if unit.optional:
                continue  # an intent lifts sections; it does not widen the search
            for term in unit.exact[1:] + unit.prefix_terms * prefix + unit.fuzzy * fuzzy:
                if term not in extra:
                    extra.append(term)
        return extra
