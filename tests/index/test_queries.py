"""What a trainee types finds the right topic among the first three documents."""

from __future__ import annotations

import pytest

from tests.index.conftest import top_documents

CASES = [
    # Chinese words inside sentences, and 1–2 character queries
    ("地舒单抗", "zh", "denosumab"),
    ("唑来膦酸", "zh", "zoledronic-acid"),
    ("肌酐清除率", "zh", "zoledronic-acid"),
    ("颌骨坏死", "zh", "osteonecrosis-of-the-jaw"),
    ("拔牙", "zh", "osteonecrosis-of-the-jaw"),
    ("低钙血症", "zh", "calcium-vitamin-d"),
    ("高钙血症", "zh", "hypercalcaemia"),
    ("脊髓压迫", "zh", "spinal-cord-compression"),
    ("磁共振", "zh", "spinal-cord-compression"),
    ("恶性循环", "zh", "bone-metastasis-overview"),
    ("病理性骨折", "zh", "bone-metastasis-overview"),
    ("卵巢功能抑制", "zh", "hr-positive-her2-negative"),
    ("间质性肺病", "zh", "her2-positive"),
    ("骨转", "zh", "bone-metastasis-overview"),
    ("唑来", "zh", "zoledronic-acid"),
    ("颌", "zh", "osteonecrosis-of-the-jaw"),
    ("地舒单抗 肾功能", "zh", "denosumab"),
    ("地舒单抗剂量", "zh", "denosumab"),
    # English, with stemming and case folding
    ("denosumab", "en", "denosumab"),
    ("Fractures vertebral", "en", "denosumab"),
    ("dental examinations", "en", "osteonecrosis-of-the-jaw"),
    ("interpreting corrected calcium", "en", "calcium-vitamin-d"),
    ("osteonecrosis of the jaw", "en", "osteonecrosis-of-the-jaw"),
    ("spinal cord compression", "en", "spinal-cord-compression"),
    ("PALBOCICLIB", "en", "hr-positive-her2-negative"),
    # clinical tokens kept whole
    ("HER2", "zh", "her2-positive"),
    ("HER-2", "en", "her2-positive"),
    ("her2", "zh", "her2-positive"),
    ("ＨＥＲ２", "zh", "her2-positive"),
    ("T-DXd", "zh", "her2-positive"),
    ("tdxd", "en", "her2-positive"),
    ("CDK4/6", "zh", "hr-positive-her2-negative"),
    ("cdk4/6 inhibitor", "en", "hr-positive-her2-negative"),
    ("5.4 mg/kg", "zh", "her2-positive"),
    ("25-OH", "zh", "calcium-vitamin-d"),
    ("25-OH vitamin D", "en", "calcium-vitamin-d"),
    ("Cockcroft-Gault", "zh", "zoledronic-acid"),
    # brands and synonyms, across languages
    ("安加维", "en", "denosumab"),
    ("安加维", "zh", "denosumab"),
    ("Xgeva", "zh", "denosumab"),
    ("Zometa", "zh", "zoledronic-acid"),
    ("择泰", "en", "zoledronic-acid"),
    ("Enhertu", "zh", "her2-positive"),
    ("ONJ", "zh", "osteonecrosis-of-the-jaw"),
    ("MSCC", "zh", "spinal-cord-compression"),
    ("CrCl", "zh", "zoledronic-acid"),
    ("hypocalcemia", "zh", "calcium-vitamin-d"),
    # pinyin, full and initials, and while typing
    ("dishudankang", "zh", "denosumab"),
    ("dsdk", "zh", "denosumab"),
    ("zlls", "zh", "zoledronic-acid"),
    ("jisuiyapo", "zh", "spinal-cord-compression"),
    ("dishu", "zh", "denosumab"),
    # typos
    ("denosumb", "zh", "denosumab"),
    ("denosumb", "en", "denosumab"),
    ("zoledronc", "zh", "zoledronic-acid"),
    ("vertebrl fractures", "en", "denosumab"),
    ("osteoclsts", "en", "denosumab"),
    # prefixes while typing
    ("denos", "en", "denosumab"),
    ("zoledr", "zh", "zoledronic-acid"),
    ("dexameth", "en", "spinal-cord-compression"),
]


@pytest.mark.parametrize(("query", "lang", "expected"), CASES)
def test_query_finds_the_topic_in_the_top_three(index, query, lang, expected):
    hits = index.search(query, lang=lang, limit=20)
    assert expected in top_documents(hits), [(h.doc_id, h.lang, h.anchor) for h in hits[:6]]


def test_there_are_at_least_forty_cases():
    assert len(CASES) >= 40
