"""The topics added for issue 13: present in both languages, with the anchors other parts link to."""

from __future__ import annotations

import pytest

from library.content import LANGS, load_library

# id -> anchors the calculator and the other pages rely on (see guideline_content/README.md)
NEW_TOPICS = {
    "diagnosis-workup": {"imaging", "biopsy", "discordance", "baseline-labs"},
    "acute-calcium": {
        "hypocalcaemia",
        "hypercalcaemia",
        "hydration",
        "calcitonin",
        "bisphosphonate-doses",
        "pamidronate-table",
        "denosumab-refractory",
    },
    "cancer-pain": {
        "assessment",
        "opioid-titration",
        "radiotherapy",
        "radionuclides",
        "vertebral-augmentation",
    },
    "response-assessment": {"recist", "mda-criteria", "flare", "markers-and-intervals"},
    "onj-staging": {"staging", "management-by-stage", "prevention", "drug-holiday"},
    "on-treatment": {"creatinine-rise", "baseline", "twelve-weekly", "stopping-denosumab"},
    "patient-education": {"teeth", "calcium", "symptoms", "spinal-cord"},
    "china-approvals": {"pyrotinib", "dalpiciclib", "tucidinostat", "inetetamab", "sacituzumab-tirumotecan"},
    "pregnancy-contraception": {"by-agent", "denosumab", "bisphosphonates"},
}


@pytest.fixture(scope="module")
def library():
    return load_library()


def test_the_library_has_at_least_32_topics(library):
    assert len(library.ids()) >= 32


@pytest.mark.parametrize("doc_id", sorted(NEW_TOPICS))
def test_new_topic_has_its_anchors_in_both_languages(library, doc_id):
    for lang in LANGS:
        document = library.get(doc_id, lang)
        assert document is not None, (doc_id, lang)
        assert NEW_TOPICS[doc_id] <= {s.anchor for s in document.sections}, (doc_id, lang)


def test_onj_topics_link_both_ways(library):
    for lang in LANGS:
        assert "onj-staging" in library.get("osteonecrosis-of-the-jaw", lang).see_also
        assert "osteonecrosis-of-the-jaw" in library.get("onj-staging", lang).see_also


@pytest.mark.parametrize(
    "subtype", ["hr-positive-her2-negative", "her2-positive", "triple-negative", "her2-low"]
)
def test_subtype_pages_point_to_the_china_and_pregnancy_topics(library, subtype):
    for lang in LANGS:
        assert {"china-approvals", "pregnancy-contraception"} <= set(library.get(subtype, lang).see_also)


def test_pamidronate_table_says_which_table_and_that_they_differ(library):
    en = library.get("acute-calcium", "en").body
    zh = library.get("acute-calcium", "zh").body
    assert "they differ" in en and "Scottish" in en
    assert "二者并不一致" in zh and "苏格兰" in zh


def test_cancer_pain_defers_opioid_doses_to_the_local_guideline(library):
    assert "local cancer-pain guideline" in library.get("cancer-pain", "en").body
    assert "本地癌痛诊疗规范" in library.get("cancer-pain", "zh").body
