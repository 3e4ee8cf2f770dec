"""Searching the bundled library finds the topics added for issue 13 first."""

from __future__ import annotations

import pytest

from guideline_content import CONTENT_DIR
from index.build import build_index
from index.search import SearchIndex
from index.store import library_version
from library.content import load_library

from .conftest import top_documents


@pytest.fixture(scope="module")
def real_index(tmp_path_factory):
    out = tmp_path_factory.mktemp("new-topics") / "index"
    build_index(load_library(), out, content_version=library_version(CONTENT_DIR))
    with SearchIndex.open(out) as opened:
        yield opened


FIRST_HIT = [
    ("PET-CT", "diagnosis-workup"),
    ("受体转换", "diagnosis-workup"),
    ("葡萄糖酸钙", "acute-calcium"),
    ("calcium gluconate", "acute-calcium"),
    ("降钙素", "acute-calcium"),
    ("癌痛", "cancer-pain"),
    ("kyphoplasty", "cancer-pain"),
    ("骨扫描闪烁", "response-assessment"),
    ("RECIST", "response-assessment"),
    ("AAOMS", "onj-staging"),
    ("基线肌酐", "on-treatment"),
    ("患者教育", "patient-education"),
    ("芦康沙妥珠单抗", "china-approvals"),
    ("避孕", "pregnancy-contraception"),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("query", "doc_id"), FIRST_HIT, ids=[q for q, _ in FIRST_HIT])
def test_the_new_topic_comes_first(real_index, query, doc_id, lang):
    assert top_documents(real_index.search(query, lang=lang), 1) == [doc_id]
