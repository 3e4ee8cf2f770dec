"""How a typed question is read: question words dropped, intents noted, signs and typos fixed.

The words come from guideline_content/query_words.yaml (through library.content at build time; the
index stores them in expansions.json, so the app never reads YAML). expand.py calls these after it
has cut the glossary terms out of the query, so a question word never splits a term.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property

from index.analysis import fold, is_cjk

MIN_TYPO_CHARS = 3  # one wrong character is corrected only in words of 3+ characters
MAX_TYPO_VARIANTS = 8
# HR+ / HER2- / ER−: the sign is the meaning (阳性/阴性); "HER2-low" or "1+" are not signs.
_SIGN_RE = re.compile(r"(?<![0-9a-z])(her-?2|hr|er|pr)\s?([+-])(?![0-9a-z+-])")
_SIGN_WORDS = {"+": "阳性", "-": "阴性"}
_LATIN_RE = re.compile(r"[0-9a-z]")


@dataclass(frozen=True)
class Intent:
    words: tuple[str, ...]  # folded, as typed
    means: tuple[str, ...]  # the words of the sections that answer it
    when: tuple[str, ...] = ()  # only when the query also holds one of these


@dataclass
class QueryWords:
    """The question words, particles, intents, confusable characters and heading vocabulary."""

    question_words: set[str] = field(default_factory=set)  # folded, both languages
    particles: set[str] = field(default_factory=set)
    intents: list[Intent] = field(default_factory=list)
    confusables: dict[str, list[str]] = field(default_factory=dict)  # character → look-alikes
    vocabulary: list[str] = field(default_factory=list)  # Chinese words a typo is matched against

    # The look-up tables below are made at the first query, not when the index opens (issue 14).

    @cached_property
    def _dropped(self) -> set[str]:
        # An English intent word is not required either: it lifts sections (as an optional unit),
        # and as a required word "treat" would hide the "Treatment" section. A Chinese one that is
        # not a question word (剂量, 监测) names what is asked for and stays required.
        intent_words = {w for intent in self.intents for w in intent.words}
        return self.question_words | {w for w in intent_words if " " not in w and not is_cjk(w)}

    @cached_property
    def _cjk_questions(self) -> list[str]:
        return sorted((w for w in self._dropped if is_cjk(w)), key=len, reverse=True)

    @cached_property
    def _by_length(self) -> dict[int, list[str]]:
        by_length: dict[int, list[str]] = {}
        for word in self.vocabulary:
            by_length.setdefault(len(word), []).append(word)
        return by_length

    @classmethod
    def from_library(cls, raw: dict, vocabulary: object = ()) -> QueryWords:
        """From library.content's query_words (lists of strings) and the build's heading words."""
        groups = raw.get("confusables") or []
        confusables: dict[str, list[str]] = {}
        for group in groups:
            for char in group:
                confusables.setdefault(fold(char), []).extend(fold(o) for o in group if o != char)
        return cls(
            question_words={fold(w) for words in (raw.get("question_words") or {}).values() for w in words},
            particles={fold(w) for words in (raw.get("particles") or {}).values() for w in words},
            intents=[
                Intent(
                    tuple(fold(w) for w in i["words"]),
                    tuple(i["means"]),
                    tuple(fold(w) for w in i.get("with") or ()),
                )
                for i in raw.get("intents") or []
            ],
            confusables=confusables,
            vocabulary=sorted({fold(w) for w in vocabulary if len(w) >= MIN_TYPO_CHARS}),
        )

    def to_json(self) -> dict:
        return {
            "question_words": sorted(self.question_words),
            "particles": sorted(self.particles),
            "intents": [{"words": i.words, "means": i.means, "with": i.when} for i in self.intents],
            "confusables": self.confusables,
            "vocabulary": self.vocabulary,
        }

    @classmethod
    def from_json(cls, data: dict) -> QueryWords:
        return cls(
            question_words=set(data.get("question_words", [])),
            particles=set(data.get("particles", [])),
            intents=[
                Intent(tuple(i["words"]), tuple(i["means"]), tuple(i.get("with", ())))
                for i in data.get("intents", [])
            ],
            confusables={k: list(v) for k, v in data.get("confusables", {}).items()},
            vocabulary=list(data.get("vocabulary", [])),
        )

    # -- reading a query -----------------------------------------------------------------------

    @staticmethod
    def with_signs_as_words(text: str) -> str:
        """HR+ HER2- → hr阳性 her2阴性 (folded text in, folded text out)."""
        return _SIGN_RE.sub(lambda m: f"{m.group(1)}{_SIGN_WORDS[m.group(2)]} ", text)

    def is_question_word(self, word: str) -> bool:
        """A question word or an intent's word: not a required word of the query."""
        return word in self._dropped

    def cut_chinese(self, run: str) -> list[str]:
        """What is left of a Chinese run (no glossary term in it) without its question words, and
        without particles at the end of each piece: 多少不能用 → []; 要吃 → []; 用药前需要看牙 → 用药前 | 看牙."""
        pieces: list[str] = []
        current = ""
        i = 0
        while i < len(run):
            word = next((w for w in self._cjk_questions if run.startswith(w, i)), None)
            if word is None:
                current += run[i]
                i += 1
                continue
            pieces.append(current)
            current = ""
            i += len(word)
        pieces.append(current)
        kept: list[str] = []
        for piece in pieces:
            while piece and piece[-1] in self.particles:
                piece = piece[:-1]
            # a lone character left over from a sentence (用什么药 → 药) says nothing on its own
            if len(piece) > 1 or (piece and piece == run):
                kept.append(piece)
        return kept

    def intents_in(self, text: str) -> list[tuple[str, Intent]]:
        """(the word typed, the intent) for each intent the folded query holds."""
        found: list[tuple[str, Intent]] = []
        for intent in self.intents:
            word = next((w for w in intent.words if _holds(text, w)), None)
            if word is not None and (not intent.when or any(_holds(text, w) for w in intent.when)):
                found.append((word, intent))
        # A word read in its context (多长时间 with 输注: minutes) no longer lifts its general meaning.
        specific = {word for word, intent in found if intent.when}
        return [(word, intent) for word, intent in found if intent.when or word not in specific]

    def typo_variants(self, word: str) -> list[str]:
        """The word with confusable characters swapped (拨牙 → 拔牙), at most MAX_TYPO_VARIANTS."""
        options = [[ch, *self.confusables.get(ch, [])] for ch in word]
        if all(len(o) == 1 for o in options):
            return []
        variants = ("".join(chars) for chars in itertools.product(*options))
        return [v for v in itertools.islice(variants, MAX_TYPO_VARIANTS + 1) if v != word][:MAX_TYPO_VARIANTS]

    def one_character_off(self, word: str) -> list[str]:
        """Vocabulary words of the same length (3+) that differ from the word in one character."""
        if len(word) < MIN_TYPO_CHARS or not is_cjk(word):
            return []
        return [
            term
            for term in self._by_length.get(len(word), [])
            if term != word and sum(a != b for a, b in zip(term, word, strict=True)) == 1
        ]


def _holds(text: str, word: str) -> bool:
    """A Chinese word anywhere in the text; a Latin word or phrase only as whole words."""
    if is_cjk(word):
        return word in text
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not _LATIN_RE.match(before) and not _LATIN_RE.match(after):
            return True
        start = text.find(word, start + 1)
    return False
