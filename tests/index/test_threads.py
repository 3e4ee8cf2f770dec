"""The desktop searches from a worker thread while the user keeps typing: one SearchIndex serves
several threads, and closes cleanly when the window does."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

from index.search import SearchIndex

QUERIES = ["denosumab", "地舒单抗", "zoledronc", "25-OH", "deno", "低钙血症", "HER2", "dsdk"]


def test_expansions_answer_for_their_own_query_when_another_search_ran_in_between(index):
    index.search("25-OH", "zh", limit=1)  # enough exact hits: the looser "25 OH" was not searched
    index.search("denosumab", "en")  # another keystroke's search, on another thread
    assert index.expansions("25-OH") == []


def test_searches_from_many_threads_give_the_answers_of_one_thread(index):
    expected = {query: (index.search(query, "zh"), index.expansions(query)) for query in QUERIES}

    def search(query):
        return query, (index.search(query, "zh"), index.expansions(query))

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(search, QUERIES * 6))
    for query, answer in answers:
        assert answer == expected[query], query


def test_a_closed_index_finds_nothing_without_logging_errors(fixture_index_dir, caplog):
    opened = SearchIndex.open(fixture_index_dir)
    assert opened.search("denosumab", "en")
    opened.close()
    opened.close()  # closing twice (window close + app exit) is harmless
    with caplog.at_level(logging.ERROR, logger="index.search"):
        assert opened.search("denosumab", "en") == []
    assert not caplog.records
