"""Any text typed into the box gives a (possibly empty) list, and the order of hits follows the rules."""

from __future__ import annotations

import pytest

from index.search import Hit
from tests.index.conftest import top_documents

ROBUST_INPUTS = [
    "",
    " ",
    "\t\n",
    "   　  ",
    "***",
    "?",
    '"',
    '"地舒单抗',
    "(",
    ")",
    "((HER2",
    ":",
    "title:地舒单抗",
    "AND",
    "OR",
    "NOT",
    "AND OR NOT",
    "denosumab AND",
    "~",
    "^",
    "denosumab~2",
    "HER2^3",
    "*HER*",
    "?ONJ",
    "！？。，、；：",
    "!!!",
    "---",
    "///",
    "\\",
    "%",
    "'",
    "<b>",
    "<script>alert(1)</script>",
    "&amp;",
    "x" * 10_000,
    "地舒单抗" * 2_500,
    "HER2 " * 2_000,
    "地舒单抗denosumab安加维Xgeva",
    "ＨＥＲ－２",
    "ｄｅｎｏｓｕｍａｂ",
    "\u0000",
    "\ud7ff",
    "😀 骨转移",
    "é",
    "ß",
    "İ",
    "0",
    "5.4.3.2",
    "....",
    "a-b-c-d-e-f-g-h-i-j-k",
    "骨",
    "a",
    "4/6",
    "=" * 50,
]


@pytest.mark.parametrize("query", ROBUST_INPUTS, ids=lambda q: repr(q[:20]))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_any_input_gives_a_list_of_hits_and_never_raises(index, query, lang):
    hits = index.search(query, lang=lang, limit=10)
    assert isinstance(hits, list) and all(isinstance(h, Hit) for h in hits)
    assert len(hits) <= 10
    assert isinstance(index.expansions(query), list)


def test_punctuation_and_query_syntax_alone_find_nothing(index):
    for query in ["", "   ", "***", "AND OR NOT", "！？。", "()", '"', ":"]:
        assert index.search(query) == []


def test_query_syntax_around_a_word_does_not_hide_the_word(index):
    for query in ['"denosumab"', "(denosumab)", "denosumab*", "denosumab~", "+denosumab", "denosumab^2"]:
        assert top_documents(index.search(query, "en"))[0] == "denosumab", query


def test_a_huge_query_is_cut_rather_than_refused(index):
    assert top_documents(index.search("地舒单抗" * 2_500))[0] == "denosumab"


def test_zero_or_negative_limit_gives_nothing(index):
    assert index.search("地舒单抗", limit=0) == []
    assert index.search("地舒单抗", limit=-3) == []


def test_a_limit_or_query_of_the_wrong_type_gives_nothing_instead_of_raising(index):
    # `limit <= 0` and the tiers lookup ran outside the try: None or a list raised TypeError.
    assert index.search("地舒单抗", limit=None) == []
    assert index.expansions(["地舒单抗"]) == []
    assert index.expansions(None) == []


def test_hits_in_the_ui_language_come_first(index):
    for lang in ("zh", "en"):
        hits = index.search("denosumab", lang=lang)
        langs = [h.lang for h in hits]
        assert langs[0] == lang
        assert {"zh", "en"} <= set(langs)


def test_hits_are_grouped_by_document_with_the_best_section_first(index):
    hits = index.search("地舒单抗", lang="zh")
    seen: list[tuple[str, str]] = []
    for hit in hits:
        key = (hit.doc_id, hit.lang)
        if key in seen:
            assert seen[-1] == key, "sections of one document must be adjacent"
        else:
            seen.append(key)
    first_group = [h for h in hits if (h.doc_id, h.lang) == seen[0]]
    assert first_group[0].score == max(h.score for h in first_group)


def test_title_match_ranks_above_body_match(index):
    hits = index.search("脊髓压迫", lang="zh")
    assert (hits[0].doc_id, hits[0].anchor) == ("spinal-cord-compression", "")


def test_heading_match_ranks_above_body_mentions(index):
    hits = index.search("低钙血症", lang="zh")
    assert (hits[0].doc_id, hits[0].anchor) == ("calcium-vitamin-d", "hypocalcaemia")


def test_exact_word_ranks_above_a_typo_match(index):
    # "fractures" exists exactly; "fracturs" only as a typo of it
    exact = top_documents(index.search("fractures", "en"))
    typo = index.search("fracturs", "en")
    assert exact and top_documents(typo)[0] in exact
    assert index.search("fractures", "en")[0].score >= typo[0].score


def test_typo_never_outranks_exact_hits(index):
    hits = index.search("denosumab", "en", limit=50)
    assert hits[0].doc_id == "denosumab"


def test_a_chinese_word_does_not_match_its_neighbour_word(index):
    # 低钙血症 shares the bigrams 钙血 and 血症 with 高钙血症: the hypercalcaemia topic must not lead
    top = top_documents(index.search("低钙血症", "zh"), 1)
    assert top == ["calcium-vitamin-d"]


def test_single_characters_are_searchable(index):
    assert "osteonecrosis-of-the-jaw" in top_documents(index.search("颌"))


def test_snippet_marks_the_match_in_context(index):
    hit = index.search("低钙血症", "zh")[0]
    assert "<b>低钙血症</b>" in hit.snippet_html


def test_snippet_marks_a_synonym_across_languages(index):
    hit = index.search("Zometa", "zh")[0]
    assert "<b>唑来膦酸</b>" in hit.snippet_html


def test_snippet_ignores_dash_differences(index):
    snippets = " ".join(h.snippet_html for h in index.search("her2", "zh"))
    assert "<b>HER-2</b>" in snippets


def test_expansions_name_the_extra_terms(index):
    assert "denosumab" in index.expansions("安加维")
    assert "地舒单抗" in index.expansions("dsdk")
    assert "唑来膦酸" in index.expansions("zoledronc")
    assert index.expansions("骨转") == []


def test_hit_fields_describe_a_section(index):
    hit = next(h for h in index.search("剂量", "zh") if h.anchor == "dose" and h.doc_id == "denosumab")
    assert hit.title == "地舒单抗"
    assert hit.section == "剂量与给药"
    assert hit.lang == "zh"


def test_content_version_is_the_stamp(index, fixture_index_dir):
    assert index.content_version.startswith("local+")


def test_titles_first_evaluation_keeps_the_best_section_of_one_word_queries(index):
    from index.matching import EXACT, Evaluation, Matcher

    reader = index._reader
    for query in ["地舒单抗", "denosumab", "HER2", "颌骨坏死"]:
        units = index._expander.parse(query)
        full = Matcher(reader, index._norms).query_scores(units, EXACT)
        shortcut = Evaluation(reader, index._norms, enough=1).scores(units, EXACT)
        best_full = max(full, key=full.__getitem__)
        assert best_full in shortcut, query
        # titles and body may each take their best synonym, so the shortcut never scores lower
        assert shortcut[best_full] >= full[best_full] - 1e-9, query


def test_two_words_find_the_section_headed_by_one_in_the_document_titled_by_the_other(index):
    hit = index.search("地舒单抗 肾功能", "zh")[0]
    assert (hit.doc_id, hit.anchor) == ("denosumab", "renal")


def test_also_searched_lists_typo_fixes_only_when_they_were_needed(index):
    index.search("denosumab", "en")
    assert "地舒单抗" in index.expansions("denosumab")
    index.search("zoledronc", "en")
    assert "唑来膦酸" in index.expansions("zoledronc")
    index.search("25-OH", "zh", limit=1)  # enough exact hits: the looser "25 OH" was not searched
    assert index.expansions("25-OH") == []
    index.search("25-OH", "zh", limit=20)  # too few: it was
    assert index.expansions("25-OH") == ["25 oh"]
