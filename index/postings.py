"""Reading whoosh posting lists: the one module that touches whoosh's private internals.

The public interface (``is_active``/``id``/``weight``/``next``) walks a posting list one entry at a
time in Python. For the pinned whoosh-reloaded (2.7.5) on-disk format, ``read_postings`` instead
reads the whole list with one file read and decodes it a block at a time, several times faster.
That fast path relies on private attributes of ``W3LeafMatcher``; if a whoosh release changes them,
or the fast path returns a list of the wrong length, the public interface is used instead (and the
change is logged once), so an upgrade can cost speed but never hits.
"""

from __future__ import annotations

import logging
from itertools import accumulate

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.filedb.structfile import BufferFile
from whoosh.matching import Matcher

log = logging.getLogger(__name__)

Postings = tuple[list[int], list[float]]  # (section numbers, term frequencies), in section order


class _FastPath:
    """Whether the block reader still works with the installed whoosh (switched off at its first failure)."""

    usable = True


def read_postings(matcher: Matcher, expected: int | None = None) -> Postings:
    """Every (section number, term frequency) of a posting list. ``expected`` (the term's document
    frequency, when known) lets a fast-path result of the wrong length be caught and redone."""
    if not (_FastPath.usable and isinstance(matcher, W3LeafMatcher)):
        return read_postings_one_by_one(matcher)
    try:
        ids, weights = _read_blocks(matcher)
        if len(ids) != len(weights) or (expected is not None and len(ids) != expected):
            raise ValueError(f"read {len(ids)} ids and {len(weights)} weights, expected {expected}")
        return ids, weights
    except (
        Exception
    ) as error:  # private internals failed: is it whoosh that changed, or the index that is damaged?
        fast_error = error
    ids, weights = read_postings_one_by_one(matcher)  # raises on a damaged index: then the fast path stays on
    if expected is None or len(ids) == expected:
        _FastPath.usable = False
        log.warning(
            "whoosh's posting format has changed; searching with the slower public interface",
            exc_info=fast_error,
        )
    return ids, weights


def read_postings_one_by_one(matcher: Matcher) -> Postings:
    """The same through whoosh's public matcher interface (any whoosh version, any matcher)."""
    ids: list[int] = []
    weights: list[float] = []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return ids, weights


def look_up(matcher: Matcher, wanted: list[int]) -> Postings:
    """(section number, term frequency) for those of the sorted ``wanted`` sections on a posting list
    (public interface: a few skip_to calls beat reading a long list whole)."""
    ids: list[int] = []
    weights: list[float] = []
    for doc in wanted:
        if not matcher.is_active():
            break
        matcher.skip_to(doc)
        if matcher.is_active() and matcher.id() == doc:
            ids.append(doc)
            weights.append(matcher.weight())
    return ids, weights


def _read_blocks(matcher: W3LeafMatcher) -> Postings:
    """The fast path. It works on a copy of the list in memory and never moves ``matcher`` (whoosh
    seeks before every read), so after a failure the public interface can still start from the top.
    One file read instead of the ~20 small reads per 128-posting block that whoosh's compound-file
    layer would otherwise issue."""
    length = (
        matcher._length[0] if isinstance(matcher._length, tuple) else matcher._length
    )  # whoosh keeps (n,)
    data = matcher._postfile.get(matcher._startoffset, length)
    copy = W3LeafMatcher(BufferFile(data), 0, length, matcher.format, byteids=matcher._byteids)
    ids: list[int] = []
    weights: list[float] = []
    while copy.is_active():
        if copy._data is None:
            copy._read_data()
        block_ids = copy._data[0]
        # ids are stored as gaps: accumulate() decodes them in C (whoosh uses a generator)
        ids.extend(block_ids if copy._byteids else accumulate(block_ids))
        copy._read_weights()
        weights.extend(copy._weights)
        copy._next_block()
    return ids, weights
