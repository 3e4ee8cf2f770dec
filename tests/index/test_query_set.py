"""The project's query set against the bundled library: questions typed as sentences (zh and en),
keywords, abbreviations, brands, pinyin and typos find the section that answers them in the top 3.

The rows were written from the topic list and the headings, before the answers were read; new
documents may appear (other topics are being written), so each row names the sections that answer
it rather than a full ranking."""

from __future__ import annotations

from collections import Counter

import pytest

from index.query_set import load_query_set

CASES = load_query_set()


def _param(case):
    reason = "marked `miss` in query_set.tsv: not answered yet"
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if case.known_miss else []
    return pytest.param(case, id=f"{case.category}:{case.query}", marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_the_answer_is_in_the_top_three(real_index, case):
    hits = real_index.search(case.query, lang=case.lang, limit=20)
    sections = [(h.doc_id, h.anchor) for h in hits]
    assert case.answered_by(sections), [f"{d}#{a}" for d, a in sections[:5]]


def test_the_set_holds_sixty_questions_in_both_languages():
    counts = Counter(c.category for c in CASES)
    assert counts["question-zh"] + counts["question-en"] >= 60
    assert counts["question-zh"] >= 25 and counts["question-en"] >= 25
    answered = [c for c in CASES if c.category.startswith("question") and not c.known_miss]
    assert len(answered) >= 60
