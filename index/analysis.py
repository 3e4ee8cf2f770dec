"""Text analysis shared by the index build, the query builder and the snippets.

One tokenizer serves Chinese and English (see ../shared/notes/tech.md §2, where it reached recall
1.00 against jieba's 0.88–0.96):

- every character is folded first (full-width → ASCII, dashes unified, micro sign → μ, lower
  case), one character to one character, so offsets in the folded text are offsets in the original;
- a run of CJK characters → overlapping bigrams, plus (index mode only) every unigram, so that a
  1-character query and a character isolated by digits (每4周) are still found;
- a Latin/digit compound → its joined form (HER-2 → her2, CDK4/6 → cdk46, T-DXd → tdxd, 5.4 stays
  5.4) and, in index mode only, its parts (her, 2; cdk4, 6, cdk, 4; t, dxd);
- English stop words are dropped and purely alphabetic words longer than 3 letters are Porter-stemmed.

The index stores term frequencies only (no positions): a multi-character Chinese word is searched as
the AND of its bigrams and an exact-substring check re-ranks the candidates (search.py).

The index build feeds these terms to whoosh pre-split (schema.py); bump ANALYZER_VERSION whenever
the terms produced here change, so that older indexes are rebuilt.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from whoosh.analysis import STOP_WORDS
from whoosh.lang.porter import stem as porter_stem

ANALYZER_VERSION = "bilingual-5"  # 5: question words, intents and typo data in expansions.json

CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
LATIN_CLASS = "0-9a-z\u00b5\u00c0-\u024f\u0370-\u03ff"
TOKEN_PATTERN = rf"(?P<cjk>[{CJK_CLASS}]+)|(?P<latin>[{LATIN_CLASS}]+(?:[-/.+'][{LATIN_CLASS}]+)*)"


# Compiled at first use, not on import: a class of 28,000 ideographs takes re 2 ms per pattern to
# compile, and opening the index (the app's start, issue 14) needs neither pattern.
@lru_cache(maxsize=1)
def _token_re() -> re.Pattern[str]:
    return re.compile(TOKEN_PATTERN)


@lru_cache(maxsize=1)
def _cjk_re() -> re.Pattern[str]:
    return re.compile(f"[{CJK_CLASS}]")


def find_tokens(text: str) -> Iterator[re.Match[str]]:
    """The runs of CJK ideographs ("cjk") and of Latin letters and digits ("latin") in `text`."""
    return _token_re().finditer(text)


# Separators inside a Latin compound: they vanish from its joined form and split it into parts;
# a dot between two digits is a decimal point, not a separator (5.4).
_SEPARATOR_RE = re.compile(r"[-/+']|(?<!\d)\.|\.(?!\d)")
_ALNUM_SPLIT_RE = re.compile(r"[0-9.]+|[^0-9.]+")

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"


def _fold_table() -> dict[int, str]:
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}  # full-width ASCII
    table[0x3000] = " "  # ideographic space
    table.update({ord(dash): "-" for dash in _DASHES})
    table.update({ord("\u00b7"): ".", ord("\u2019"): "'", ord("\u00a0"): " "})
    # The micro sign and the Greek mu look alike and both get typed for µmol/L (IMEs offer either).
    table[0x00B5] = "\u03bc"
    return table


_FOLD_TABLE = _fold_table()
_STEM_CACHE: dict[str, str] = {}


def fold(text: str) -> str:
    """Fold width, dashes and case, keeping exactly one output character per input character."""
    folded = text.translate(_FOLD_TABLE).lower()
    if len(folded) == len(text):
        return folded
    return "".join(_fold_char(ch) for ch in text)  # rare: a character whose lower case is longer


def _fold_char(ch: str) -> str:
    folded = ch.translate(_FOLD_TABLE).lower()
    if len(folded) == 1:
        return folded
    nfkc = unicodedata.normalize("NFKC", ch).lower()
    return nfkc if len(nfkc) == 1 else ch


def is_cjk(text: str) -> bool:
    """True when the text contains at least one CJK ideograph."""
    return _cjk_re().search(text) is not None


def joined_form(compound: str) -> str:
    """The form a folded Latin compound is indexed and searched under (her-2 → her2, 5.4 → 5.4)."""
    return _SEPARATOR_RE.sub("", compound)


def _stem(word: str) -> str:
    stemmed = _STEM_CACHE.get(word)
    if stemmed is None:
        stemmed = porter_stem(word) if len(word) > 3 and word.isascii() and word.isalpha() else word
        if len(_STEM_CACHE) < 200_000:
            _STEM_CACHE[word] = stemmed
    return stemmed


def latin_term(word: str) -> str | None:
    """The index term of one folded Latin word, or None for a stop word."""
    if word in STOP_WORDS:
        return None
    return _stem(word)


def _latin_parts(compound: str) -> list[str]:
    pieces = [p for p in _SEPARATOR_RE.split(compound) if p]
    parts = list(pieces) if len(pieces) > 1 else []
    for piece in pieces:
        runs = _ALNUM_SPLIT_RE.findall(piece)
        if len(runs) > 1:
            parts.extend(run.strip(".") for run in runs if run.strip("."))
    return parts


def cjk_query_terms(run: str) -> list[str]:
    """Search terms of one CJK run: bigrams that cover it without overlapping where possible
    (地舒单抗 → 地舒 单抗; 唑来膦 → 唑来 来膦), or the character itself when it stands alone.
    Fewer lists to read than every bigram; search.py re-checks the exact word anyway."""
    if len(run) == 1:
        return [run]
    starts = list(range(0, len(run) - 1, 2))
    if starts[-1] != len(run) - 2:
        starts.append(len(run) - 2)
    return [run[i : i + 2] for i in starts]


def iter_terms(text: str, index_mode: bool) -> Iterator[str]:
    """Every term of a text; index mode adds CJK unigrams and the parts of Latin compounds."""
    for match in find_tokens(fold(text)):
        run = match.group("cjk")
        if run is not None:
            if index_mode and len(run) > 1:
                for i in range(len(run) - 1):
                    yield run[i : i + 2]
                    yield run[i]
                yield run[-1]
            else:
                yield from cjk_query_terms(run)
            continue
        compound = match.group("latin")
        joined = latin_term(joined_form(compound))
        if joined:
            yield joined
        if index_mode:
            for part in _latin_parts(compound):
                term = latin_term(part)
                if term and term != joined:
                    yield term


@lru_cache(maxsize=8192)
def query_terms(text: str) -> tuple[str, ...]:
    """The search terms of a query text (iter_terms in query mode), remembered: the same synonyms
    and words come back search after search."""
    return tuple(iter_terms(text, index_mode=False))
