"""The fast posting reader relies on whoosh internals; it must agree with whoosh's public interface
and, when those internals change, fall back to it without losing a single hit."""

from __future__ import annotations

import logging

import pytest
from whoosh.codec.whoosh3 import W3LeafMatcher

from index import postings
from index.schema import FIELD_BOOSTS
from index.search import SearchIndex

QUERIES = ["denosumab", "地舒单抗", "低钙血症", "zoledronc", "deno", "HER2", "肾功能 剂量", "dsdk", "CrCl"]


@pytest.fixture
def fast_path_on(monkeypatch):
    monkeypatch.setattr(postings._FastPath, "usable", True)


def _all_terms(reader):
    for fieldname in FIELD_BOOSTS:
        for raw in reader.lexicon(fieldname):
            yield fieldname, raw.decode("utf-8")


def _hits(index_dir):
    with SearchIndex.open(index_dir) as opened:
        return {query: opened.search(query, lang="en") for query in QUERIES}


def test_the_fast_reader_agrees_with_the_public_interface_on_every_term(index, fast_path_on):
    reader = index._reader
    terms = list(_all_terms(reader))
    assert isinstance(reader.postings(*terms[0]), W3LeafMatcher)  # with the pinned whoosh the fast path runs
    for fieldname, term in terms:
        fast = postings.read_postings(
            reader.postings(fieldname, term), expected=reader.doc_frequency(fieldname, term)
        )
        assert fast == postings.read_postings_one_by_one(reader.postings(fieldname, term)), (fieldname, term)
    assert postings._FastPath.usable


def test_changed_whoosh_internals_fall_back_to_the_public_interface(
    fixture_index_dir, fast_path_on, monkeypatch, caplog
):
    expected = _hits(fixture_index_dir)

    def changed_constructor(*args, **kwargs):
        raise TypeError("BufferFile() takes no arguments")  # what a whoosh release might do

    monkeypatch.setattr(postings, "BufferFile", changed_constructor)
    with caplog.at_level(logging.WARNING, logger="index.postings"):
        assert _hits(fixture_index_dir) == expected
    assert not postings._FastPath.usable
    assert (
        len([r for r in caplog.records if "public interface" in r.getMessage()]) == 1
    )  # said once, not per term


def test_a_fast_read_of_the_wrong_length_is_redone_by_the_public_interface(
    fixture_index_dir, fast_path_on, monkeypatch
):
    expected = _hits(fixture_index_dir)
    real = postings._read_blocks

    def loses_the_last_posting(matcher):
        ids, weights = real(matcher)
        return ids[:-1], weights[:-1]  # a silently changed block layout

    monkeypatch.setattr(postings, "_read_blocks", loses_the_last_posting)
    assert _hits(fixture_index_dir) == expected
    assert not postings._FastPath.usable


def test_a_damaged_index_is_reported_and_does_not_switch_the_fast_path_off(index, fast_path_on, monkeypatch):
    # A damaged posting list fails both ways; that is the index's fault (the store rebuilds it), and the
    # rebuilt index must still be read fast.
    def damaged(matcher):
        raise ValueError("unpickling stack underflow")

    monkeypatch.setattr(postings, "_read_blocks", damaged)
    monkeypatch.setattr(postings, "read_postings_one_by_one", damaged)
    reader = index._reader
    fieldname, term = next(_all_terms(reader))
    with pytest.raises(ValueError):
        postings.read_postings(reader.postings(fieldname, term))
    assert postings._FastPath.usable
