"""Questions typed as sentences, against the bundled library: question words never veto, a word
that is nowhere leaves partial matches instead of nothing, signs keep their meaning, glossary terms
are found inside Chinese runs, typos in Chinese are forgiven and snippets show the answer."""

from __future__ import annotations

from index.analysis import ANALYZER_VERSION
from index.snippets import make_snippet

from .conftest import top_documents


def _sections(hits, count: int = 3) -> list[str]:
    return [f"{h.doc_id}#{h.anchor}" for h in hits[:count]]


def _required(index, query: str) -> list[str]:
    return [u.surface for u in index._expander.parse(query) if not u.optional]


def test_a_stop_word_between_the_words_does_not_empty_the_result(real_index):
    # "dose of denosumab" found nothing: "of" made an empty unit that vetoed every section
    assert "denosumab#dose" in _sections(real_index.search("dose of denosumab", "en"))
    assert "denosumab#dose" in _sections(real_index.search("denosumab dose", "en"))


def test_question_words_are_dropped_after_the_glossary_terms_are_recognised(real_index):
    assert _required(real_index, "什么是骨相关事件") == ["骨相关事件"]
    assert _required(real_index, "唑来膦酸肌酐清除率多少不能用") == ["唑来膦酸", "肌酐清除率"]
    assert _required(real_index, "what is the risk of osteonecrosis of the jaw") == [
        "osteonecrosis of the jaw"
    ]


def test_the_unit_cap_counts_only_what_is_left_after_the_question_words(real_index):
    query = "请问 怎么 如何 多少 什么 哪些 是否 能否 可以 应该 地舒单抗"
    assert _required(real_index, query) == ["地舒单抗"]
    assert top_documents(real_index.search(query, "zh"), 1) == ["denosumab"]


def test_a_word_found_nowhere_leaves_partial_matches_that_name_it(real_index):
    hits = real_index.search("地舒单抗 qqqxxyzz", "zh")
    assert hits, "one unmatched word must not empty the result"
    assert hits[0].doc_id == "denosumab"
    assert all(h.partial and h.missing == ("qqqxxyzz",) for h in hits)


def test_hits_that_hold_every_word_are_not_marked_partial(real_index):
    hits = real_index.search("地舒单抗 剂量", "zh")
    assert hits and not any(h.partial for h in hits)


def test_an_intent_lifts_the_section_that_answers(real_index):
    # 多久 ↔ 疗程/间隔: the duration section, which says 骨改良药物 only in its body
    assert "interval-and-duration#duration" in _sections(real_index.search("骨改良药物要用多长时间", "zh"))
    units = real_index._expander.parse("地舒单抗多久打一次")
    assert any(u.optional and "间隔" in u.exact for u in units)


def test_signs_are_meaning_and_do_not_collapse(real_index):
    assert _required(real_index, "HR+ HER2- 一线")[:2] == ["hr阳性", "her2阴性"]
    assert top_documents(real_index.search("HR+ HER2- 一线", "zh"), 1) == ["hr-positive-her2-negative"]
    assert top_documents(real_index.search("HR+/HER2+", "zh"), 1) == ["her2-positive"]
    assert _required(real_index, "HER2-low") == ["her2-low"]  # a hyphen inside a term is no sign


def test_mixed_script_glossary_terms_are_found_inside_a_chinese_run(real_index):
    assert _required(real_index, "维生素D要补多少")[0] == "维生素d"
    assert _required(real_index, "HER2低表达用什么药") == ["her2低表达"]
    assert _required(real_index, "PIK3CA突变用什么药") == ["pik3ca突变"]
    assert _required(real_index, "CDK4/6抑制剂耐药")[0] == "cdk4/6抑制剂"


def test_confusable_characters_and_one_wrong_character_are_forgiven(real_index):
    assert "拔牙" in real_index.expansions("拨牙")
    assert top_documents(real_index.search("拨牙", "zh"), 1) == ["osteonecrosis-of-the-jaw"]
    assert top_documents(real_index.search("颌骨怀死", "zh"), 1) == ["osteonecrosis-of-the-jaw"]
    assert "denosumab#contraindications" in _sections(real_index.search("地舒单抗禁忌症", "zh"))


def test_the_snippet_shows_the_window_where_the_query_words_meet():
    text = "唑来膦酸是含氮双膦酸盐。" + "其他内容。" * 40 + "唑来膦酸 4 mg 静脉输注，输注时间不少于 15 分钟。"
    snippet = make_snippet(text, ["唑来膦酸", "输注"])
    assert "<b>输注</b>" in snippet and "15" in snippet


def test_old_indexes_are_rebuilt():
    assert ANALYZER_VERSION != "bilingual-4"  # the expansion data gained question words and intents


def test_a_phrase_may_span_the_heading_and_the_body(tmp_path):
    from dataclasses import dataclass, field

    from index.build import build_index
    from index.search import SearchIndex

    @dataclass
    class Section:
        anchor: str
        title: str
        level: int
        text: str

    @dataclass
    class Document:
        title: str
        sections: list
        tags: list = field(default_factory=list)

    @dataclass
    class Library:
        documents: dict
        synonyms: list

    documents = {
        ("kidney", "en"): Document(
            "Kidney", [Section("", "Kidney", 1, "About."), Section("crcl", "Creatinine", 2, "Its clearance.")]
        ),
        ("other", "en"): Document("Other", [Section("", "Other", 1, "Creatinine only.")]),
    }
    build_index(Library(documents, [["creatinine clearance", "CrCl"]]), tmp_path / "ix", content_version="t")
    with SearchIndex.open(tmp_path / "ix") as index:
        hits = index.search("creatinine clearance", "en")
    assert [(h.doc_id, h.anchor) for h in hits] == [("kidney", "crcl")]


def test_query_words_of_the_wrong_shape_are_named_not_fatal(tmp_path):
    from library.content import load_library
    from library.validate import validate

    (tmp_path / "query_words.yaml").write_text(
        "question_words: {zh: 多少}\nintents: [{words: [多久]}]\n", encoding="utf-8"
    )
    library = load_library(tmp_path)
    fields = {(p.file, p.field) for p in validate(library)}
    assert ("query_words.yaml", "question_words.zh") in fields
    assert ("query_words.yaml", "intent 1") in fields
    assert library.query_words["intents"] == []


def test_the_fts5_baseline_answers_from_the_same_sections(fixture_library):
    from index.bench_quality import Fts5Baseline

    baseline = Fts5Baseline(fixture_library)
    assert ("denosumab", "dose") in baseline.search("denosumab dose", "en")
    assert baseline.search("地舒单抗", "zh")[0][0] == "denosumab"
    assert baseline.search("？", "zh") == []


def test_the_snippet_does_not_open_in_the_middle_of_a_match():
    # the second 肾功能 opens the best window (the numbers are near it); LEAD_CHARS before it falls
    # inside the first one
    text = "开头" * 10 + "不同肾功能" + "受" * 22 + "肾功能" + "无" * 45 + "剂量 60 mg，每 4 周 12 次"
    snippet = make_snippet(text, ["肾功能"])
    assert "60" in snippet
    assert "<b>肾功能</b>" in snippet and "…<b>功能" not in snippet


def test_question_shaped_oddities_never_fail(real_index, caplog):
    from .test_robust_and_ranking import ROBUST_INPUTS

    odd = ["HR+", "HER2-", "her2+/-", "ER−", "+-+-", "怎么", "吗", "how", "how long", "of the", "vs"]
    odd += ["是否吗呢", "拨", "颌骨怀死" * 20, "CDK4/6抑制剂" * 30, "放疗剂量", "how much"]
    for query in ROBUST_INPUTS + odd:
        for lang in ("zh", "en"):
            assert isinstance(real_index.search(query, lang=lang, limit=10), list)
            assert isinstance(real_index.expansions(query), list)
    assert not [r for r in caplog.records if r.levelname == "ERROR"], "a search failed and was logged"
    assert real_index.search("of the", "en") == []  # stop words alone: nothing to search for


def test_a_word_read_in_its_context_no_longer_lifts_its_general_meaning():
    from index.questions import Intent, QueryWords

    general = Intent(("how long",), ("interval", "duration"))
    infusion = Intent(("how long",), ("minutes",), when=("infusion",))
    words = QueryWords(intents=[general, infusion])
    assert words.intents_in("how long does an infusion take") == [("how long", infusion)]
    assert words.intents_in("how long is denosumab given") == [("how long", general)]
