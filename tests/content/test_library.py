"""The bundled library itself: valid, complete in both languages, and checkable from the command line."""

from __future__ import annotations

from desktop.cli import main
from library.content import LANGS
from library.validate import validate

REQUIRED_TOPICS = {
    "bone-metastasis-overview",
    "treatment-strategy",
    "hr-positive-her2-negative",
    "her2-positive",
    "triple-negative",
    "her2-low",
    "visceral-crisis",
    "bone-agents-overview",
    "denosumab",
    "zoledronic-acid",
    "other-bisphosphonates",
    "denosumab-vs-bisphosphonates",
    "interval-and-duration",
    "osteonecrosis-of-the-jaw",
    "calcium-vitamin-d",
    "kidney-function",
    "monitoring",
    "other-adverse-effects",
    "hypercalcaemia",
    "radiotherapy-surgery",
    "spinal-cord-compression",
    "bone-pain",
    "glossary",
    "about",
    "references",
}


def test_bundled_library_has_no_problems(real_library):
    problems = [str(p) for p in validate(real_library)]
    assert problems == []


def test_every_document_exists_in_both_languages(real_library):
    library = real_library
    for doc_id in library.ids():
        assert all(library.get(doc_id, lang) for lang in LANGS), doc_id


def test_every_topic_of_the_issue_is_present(real_library):
    assert real_library.ids() >= REQUIRED_TOPICS


def test_nothing_claims_a_clinical_review(real_library):
    assert {d.status for d in real_library.documents.values()} == {"draft"}


def test_references_yaml_has_one_entry_per_facts_reference(real_library):
    """Every reference of facts.md (1-76) has its entry; addendum references (77+) are added as cited."""
    numbers = sorted(r.facts_ref for r in real_library.references.values() if r.facts_ref is not None)
    assert set(range(1, 77)) <= set(numbers)
    assert len(numbers) == len(set(numbers))


def test_library_check_prints_counts_and_version(capsys):
    from guideline_content import content_version

    assert main(["library", "check"]) == 0
    out = capsys.readouterr().out
    for label in ("documents:", "sections:", "references:", "synonym groups:"):
        assert label in out
    assert f"content version: {content_version()}" in out


def test_library_check_names_file_and_field_and_fails(tmp_path, capsys):
    from library.cli import library_check as check_main

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "lonely.en.md").write_text("no front matter\n", encoding="utf-8")
    assert check_main(tmp_path) == 1
    out = capsys.readouterr().out
    assert "docs/lonely.en.md: front matter: the file must start with a '---' line" in out
    assert "references.yaml: file: missing" in out


def test_every_bundled_page_renders_without_leftover_markup(real_library):
    from library.render import document_html

    library = real_library
    for doc_id, lang in library.documents:
        html = document_html(library, doc_id, lang)
        assert "[ref:" not in html and "{#" not in html, (doc_id, lang)
        assert "草稿：尚待临床专家审核" in html if lang == "zh" else "Draft: awaiting clinical review" in html


def test_section_text_is_plain(real_library):
    for document in real_library.documents.values():
        for section in document.sections:
            assert not any(mark in section.text for mark in ("[ref:", "{#", "](doc:", "|---", "**")), (
                document.id,
                document.lang,
                section.anchor,
            )
