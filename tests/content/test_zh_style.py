"""The house-style checks: the Chinese term list (terms.yaml), typography, bare English drug names,
verification remarks kept out of the prose, split references, citation locators and their order."""

from __future__ import annotations

import yaml

from library.content import load_library
from library.render import document_html
from library.validate import validate
from tests.content.conftest import BODY

TERMS = """\
marker: （暂无经核实的中文通用名）
english_allowed_in: [beta]
terms:
  - {use: 帕米膦酸二钠, avoid: [帕米膦酸]}
  - {use: 唑来膦酸, avoid: [唑来磷酸], allowed_in: [beta]}
drugs:
  - {zh: 地舒单抗, en: [denosumab, Xgeva]}
  - {zh: null, en: [inavolisib]}
"""

KEY_POINTS = "## Key points {#key-points}\n\n- a\n- b\n- c\n\n## Dose {#dose}\n\n"


def problems_of(fixture) -> list[str]:
    return [str(p) for p in validate(load_library(fixture.root))]


def _zh(fixture, text: str, doc_id: str = "alpha") -> list[str]:
    (fixture.root / "terms.yaml").write_text(TERMS, encoding="utf-8")
    fixture.write(doc_id, "zh", KEY_POINTS + text + "\n", sources="[]", see_also="[]")
    return [
        p.split(": ", 2)[2]
        for p in problems_of(fixture)
        if p.startswith(f"docs/{doc_id}.zh.md: line") and "[ref:...] citation" not in p
    ]


def test_real_library_loads_its_term_list(real_library):
    assert real_library.raw_terms is not None


def test_standard_term_is_required_but_not_inside_itself(fixture_library):
    problems = _zh(fixture_library, "帕米膦酸二钠 90 mg；帕米膦酸可致发热。")
    assert problems == ["write '帕米膦酸二钠', not '帕米膦酸'"]


def test_misspelling_is_allowed_only_where_the_term_list_says(fixture_library):
    assert _zh(fixture_library, "唑来磷酸是常见错写。", doc_id="beta") == []
    assert len(_zh(fixture_library, "唑来磷酸是常见错写。")) == 1


def test_typography_roman_phase_tilde_ranges_and_dui(fixture_library):
    problems = _zh(
        fixture_library, "一项III 期试验：PFS 24.8 vs 14.5个月，每3–4周。MONALEESA-2与T11–L1不算范围。"
    )
    assert any("write 'Ⅲ期'" in p for p in problems)
    assert any("write '对' for a comparison, not 'vs'" in p for p in problems)
    assert any("write ranges with '～', not '–'" in p for p in problems)
    assert len(problems) == 3


def test_english_drug_names_only_in_parentheses(fixture_library):
    assert _zh(fixture_library, "地舒单抗（Xgeva）每4周一次。") == []
    problems = _zh(fixture_library, "Xgeva说明书。")
    assert problems == [
        "English drug name 'Xgeva' in Chinese prose: write '地舒单抗' (English only in parentheses)"
    ]


def test_inn_without_chinese_name_is_marked_at_first_mention(fixture_library):
    assert _zh(fixture_library, "inavolisib（暂无经核实的中文通用名）三药方案；inavolisib。") == []
    assert len(_zh(fixture_library, "inavolisib三药方案。")) == 1


def test_verification_remarks_belong_in_source_notes(fixture_library):
    fixture_library.write("alpha", "en", BODY.replace("Third point", "This was not verified here"))
    problems = problems_of(fixture_library)
    assert (
        "docs/alpha.en.md: line 17: verification remark 'not verified' in the prose: move it to source_notes"
        in (problems)
    )
    assert len(_zh(fixture_library, "剂量本库未能核实。")) == 1


def test_source_notes_render_under_the_sources_and_must_name_a_source(fixture_library):
    fixture_library.write("alpha", "en", source_notes='{ref-b: "Read through a copy.", general: "One more."}')
    library = load_library(fixture_library.root)
    assert problems_of(fixture_library) == []
    html = document_html(library, "alpha", "en")
    assert "Notes on the sources" in html and "Read through a copy." in html and "One more." in html
    fixture_library.write("alpha", "en", source_notes='{nope: "x"}')
    assert "docs/alpha.en.md: source_notes: 'nope' is not one of this page's sources" in problems_of(
        fixture_library
    )


def test_a_reference_that_bundles_several_sources_is_flagged(fixture_library):
    path = fixture_library.root / "references.yaml"
    refs = yaml.safe_load(path.read_text(encoding="utf-8"))
    refs["ref-b"]["title"] = "Product label, US; product label, EU"
    path.write_text(yaml.safe_dump(refs, allow_unicode=True), encoding="utf-8")
    assert any(
        p.startswith("references.yaml: ref-b.title: names several sources")
        for p in problems_of(fixture_library)
    )


def test_citations_print_in_numeric_order_with_their_locator(fixture_library):
    fixture_library.write(
        "alpha", "en", BODY.replace("[ref:ref-a; ref:ref-b]", "[ref:ref-b, §4.3; ref:ref-a]")
    )
    assert problems_of(fixture_library) == []
    html = document_html(load_library(fixture_library.root), "alpha", "en")
    assert (
        '[<a class="cite" href="doc:references#ref-a">1</a>, <a class="cite" href="doc:references#ref-b">2</a> §4.3]'
        in html
    )
