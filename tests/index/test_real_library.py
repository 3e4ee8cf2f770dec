"""What trainees type, against the bundled library itself: the topic they mean comes first.

The fixture-library tests pin the search behaviour; these pin the ranking on the real content,
where the reference list (whose headings are citation titles) competes with every topic.
"""

from __future__ import annotations

import pytest

from .conftest import top_documents

FIRST_HIT = [
    ("Xgeva", "denosumab"),
    ("安加维", "denosumab"),
    ("dsdk", "denosumab"),
    ("dishudankang", "denosumab"),
    ("denosumb", "denosumab"),
    ("Zometa", "zoledronic-acid"),
    ("择泰", "zoledronic-acid"),
    ("zlls", "zoledronic-acid"),
    ("Herceptin", "her2-positive"),
    ("Trodelvy", "triple-negative"),
    ("Kadcyla", "her2-positive"),
    ("Keytruda", "triple-negative"),
    ("可瑞达", "triple-negative"),
    ("ONJ", "osteonecrosis-of-the-jaw"),
    ("颌骨坏死", "osteonecrosis-of-the-jaw"),
    ("骨转", "bone-metastasis-overview"),
    ("高钙血症", "hypercalcaemia"),
    ("脊髓压迫", "spinal-cord-compression"),
    ("MSCC", "spinal-cord-compression"),
    ("Mirels", "radiotherapy-surgery"),
    ("内脏危象", "visceral-crisis"),
    ("Stopeck", "denosumab-vs-bisphosphonates"),
    # the topics added for issue 13
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
def test_the_topic_comes_first(real_index, query, doc_id, lang):
    assert top_documents(real_index.search(query, lang=lang), 1) == [doc_id]


@pytest.mark.parametrize(
    ("query", "doc_id"),
    [
        ("Enhertu", "her2-low"),
        ("肌酐清除率", "kidney-function"),
        ("CrCl", "kidney-function"),
        ("维生素D", "calcium-vitamin-d"),
        ("CDK4/6", "hr-positive-her2-negative"),
        ("HER-2", "her2-positive"),
    ],
)
def test_the_topic_is_in_the_top_three(real_index, query, doc_id):
    assert doc_id in top_documents(real_index.search(query, lang="zh"), 3)


def test_a_source_only_the_reference_list_names_is_still_found(real_index):
    hits = real_index.search("Amadori", lang="zh")
    assert hits and hits[0].doc_id == "references" and hits[0].anchor == "zoom-2013"


def test_the_micro_sign_and_the_greek_mu_find_the_same_sections(real_index):
    # The library writes µmol/L with the micro sign (U+00B5); typed with the Greek mu (U+03BC) it found nothing.
    micro, mu = real_index.search("\u00b5mol", lang="zh"), real_index.search("\u03bcmol", lang="zh")
    assert micro and [(h.doc_id, h.anchor) for h in mu] == [(h.doc_id, h.anchor) for h in micro]
    assert "<b>\u00b5mol</b>" in mu[0].snippet_html  # the text is marked as written


def test_a_hyphenated_term_also_finds_its_spaced_synonym(real_index):
    # "first-line" searches the joined word; the heading says "First line": the glossary's spaced
    # form is searched too, though both fold to the same key.
    assert "first line" in real_index.expansions("first-line")
    hits = real_index.search("first-line", lang="en")
    assert "first-line" in [h.anchor for h in hits if h.doc_id == "hr-positive-her2-negative"]
