"""Each validator rule, tested on a fixture library with exactly one thing broken."""

from __future__ import annotations

from library.content import load_library
from library.validate import validate
from tests.content.conftest import BODY


def problems_of(fixture) -> list[str]:
    return [str(p) for p in validate(load_library(fixture.root))]


def test_fixture_library_is_valid(fixture_library):
    assert problems_of(fixture_library) == []


def test_missing_twin_is_named(fixture_library):
    (fixture_library.root / "docs" / "beta.zh.md").unlink()
    assert "docs/beta.zh.md: file: missing twin of docs/beta.en.md" in problems_of(fixture_library)


def test_unknown_reference_key_in_body_and_sources(fixture_library):
    fixture_library.write(
        "alpha", "en", BODY.replace("[ref:ref-a]", "[ref:nope-2000]"), sources="[ref-a, gone]"
    )
    problems = problems_of(fixture_library)
    assert "docs/alpha.en.md: sources: unknown reference key 'gone'" in problems
    assert "docs/alpha.en.md: line 16: citation of unknown reference key 'nope-2000'" in problems


def test_broken_link_document_and_anchor(fixture_library):
    fixture_library.write(
        "alpha", "en", BODY.replace("doc:alpha#dose", "doc:alpha#dosing").replace("doc:beta", "doc:gamma")
    )
    problems = problems_of(fixture_library)
    assert "docs/alpha.en.md: line 17: link to missing anchor 'dosing' in 'alpha'" in problems
    assert "docs/alpha.en.md: line 30: link to missing document 'gamma' (en)" in problems


def test_sources_list_matches_the_citations(fixture_library):
    fixture_library.write("beta", "en", BODY.replace("doc:alpha#dose", "doc:beta#dose"), sources="[ref-b]")
    problems = problems_of(fixture_library)
    assert "docs/beta.en.md: sources: 'ref-a' is cited in the body but not listed" in problems
    assert "docs/beta.en.md: sources: 'ref-b' is listed but never cited in the body" not in problems
    fixture_library.write("beta", "zh", "## Key points {#key-points}\n\n- a\n- b\n- c\n", sources="[ref-a]")
    assert "docs/beta.zh.md: sources: 'ref-a' is listed but never cited in the body" in problems_of(
        fixture_library
    )


def test_see_also_must_resolve(fixture_library):
    fixture_library.write("alpha", "zh", see_also="[beta, delta]")
    assert problems_of(fixture_library) == ["docs/alpha.zh.md: see_also: no document with id 'delta'"]


def test_heading_without_anchor(fixture_library):
    fixture_library.write("alpha", "en", BODY.replace("## Dose {#dose}", "## Dose"))
    problems = problems_of(fixture_library)
    assert "docs/alpha.en.md: line 19: heading 'Dose' has no {#anchor}" in problems
    # the twins no longer share their anchors either
    assert any("anchors: differ from the en twin: only zh ['dose']" in p for p in problems)


def test_front_matter_types_and_missing_keys(fixture_library):
    fixture_library.write("alpha", "en", status="reviewed", order="first", updated="26/11/2026", tags=None)
    problems = problems_of(fixture_library)
    assert "docs/alpha.en.md: status: is 'reviewed', expected draft or clinician-reviewed" in problems
    assert "docs/alpha.en.md: order: is 'first', expected an integer" in problems
    assert "docs/alpha.en.md: updated: is '26/11/2026', expected an ISO date like 2026-11-26" in problems
    assert "docs/alpha.en.md: tags: missing (expected a list of strings)" in problems


def test_id_and_lang_must_match_file_name(fixture_library):
    fixture_library.write("alpha", "en", id="alfa", lang="zh")
    problems = problems_of(fixture_library)
    assert "docs/alpha.en.md: id: is 'alfa' but the file name says 'alpha'" in problems
    assert "docs/alpha.en.md: lang: is 'zh' but the file name says 'en'" in problems


def test_body_must_open_with_three_to_six_key_points(fixture_library):
    fixture_library.write(
        "alpha", "en", BODY.replace("- Third point, see [the dose table](doc:alpha#dose).\n", "")
    )
    fixture_library.write("beta", "en", "Intro text.\n\n" + BODY)
    problems = problems_of(fixture_library)
    assert "docs/alpha.en.md: body: key points have 2 bullets, expected 3-6" in problems
    assert (
        "docs/beta.en.md: body: text before '## Key points' (the body must open with the key points)"
        in problems
    )


def test_empty_section(fixture_library):
    fixture_library.write_twins("alpha", BODY + "\n## Empty {#empty}\n\n")
    problems = problems_of(fixture_library)
    assert "docs/alpha.en.md: line 32: section 'Empty' is empty" in problems


def test_unreadable_front_matter_is_a_problem_not_a_crash(fixture_library):
    (fixture_library.root / "docs" / "alpha.en.md").write_text(
        "## Key points {#key-points}\n", encoding="utf-8"
    )
    problems = problems_of(fixture_library)
    assert problems[0].startswith("docs/alpha.en.md: front matter: the file must start with a '---' line")


def test_references_and_synonyms_shape(fixture_library):
    (fixture_library.root / "references.yaml").write_text(
        "ref-a:\n  title: T\n  journal: J\n  year: 2010\n  colour: red\nref-b:\n  title: L\n  year: soon\n",
        encoding="utf-8",
    )
    (fixture_library.root / "synonyms.yaml").write_text("- [ZA, zoledronic acid]\n- [za]\n", encoding="utf-8")
    problems = problems_of(fixture_library)
    assert "references.yaml: ref-a.colour: unknown field" in problems
    assert "references.yaml: ref-b.journal: needs a journal or an issuer" in problems
    assert "references.yaml: ref-b.year: has the wrong type ('soon')" in problems
    assert "synonyms.yaml: group 2: must be a list of at least two terms" in problems


def test_setext_heading_is_reported_on_the_body(fixture_library):
    fixture_library.write("alpha", "en", BODY + "\nAnother title\n=============\n\nText.\n")
    problems = problems_of(fixture_library)
    assert problems[0] == (
        "docs/alpha.en.md: body: found 3 heading lines but 4 rendered headings; "
        "write headings as '## Title {#anchor}'"
    )


def test_links_into_the_references_page(fixture_library):
    fixture_library.write_twins(
        "references", body="## Key points {#key-points}\n\n- a\n- b\n- c\n", order=9, sources="[]"
    )
    fixture_library.write(
        "alpha", "en", BODY + "\nSee [the trial](doc:references#ref-a) and [this](doc:references#ref-z).\n"
    )
    problems = problems_of(fixture_library)
    assert problems == ["docs/alpha.en.md: line 32: link to missing anchor 'ref-z' in 'references'"]


def test_two_documents_cannot_share_a_contents_position(fixture_library):
    fixture_library.write_twins("beta", body=BODY.replace("doc:alpha#dose", "doc:beta#dose"), order=1)
    problems = problems_of(fixture_library)
    assert "docs/beta.en.md: order: 1 is also the order of 'alpha'" in problems
    assert "docs/beta.zh.md: order: 1 is also the order of 'alpha'" in problems


def test_an_unknown_key_that_is_listed_is_not_called_unlisted(fixture_library):
    # An unknown key is reported as unknown (in sources and at the citation), not also as unlisted.
    body = BODY.replace("[ref:ref-a]", "[ref:gone]")
    fixture_library.write("alpha", "en", body, sources="[ref-a, ref-b, gone]")
    problems = [p for p in problems_of(fixture_library) if p.startswith("docs/alpha.en.md")]
    assert "docs/alpha.en.md: sources: unknown reference key 'gone'" in problems
    assert "docs/alpha.en.md: line 16: citation of unknown reference key 'gone'" in problems
    assert not any("'gone' is cited in the body but not listed" in p for p in problems)


def test_links_to_the_scorers(fixture_library):
    fixture_library.write(
        "alpha", "en", BODY + "\n[Open in the scorer](scores:sins) and [this](scores:sofa).\n"
    )
    problems = problems_of(fixture_library)
    assert problems == ["docs/alpha.en.md: line 32: link 'scores:sofa': no such scorer (known: sins, mirels)"]


def test_the_scorer_links_are_the_engines_scores():
    from calculator.scores import SCORES
    from library.ids import SCORE_LINKS

    assert set(SCORE_LINKS) == set(SCORES)


def test_raw_html_and_images_are_rejected_and_render_as_text(fixture_library):
    from library.markup import to_html

    fixture_library.write(
        "alpha", "en", BODY + '\nSee <img src="file:///dev/zero"> and ![x](file:///etc/passwd).\n'
    )
    problems = problems_of(fixture_library)
    assert any("alpha.en.md" in p and "raw HTML is not allowed" in p for p in problems)
    assert any("alpha.en.md" in p and "images are not supported" in p for p in problems)
    html = to_html('<img src="file:///dev/zero"> ![x](file:///etc/passwd)')
    assert "<img" not in html and "&lt;img" in html
