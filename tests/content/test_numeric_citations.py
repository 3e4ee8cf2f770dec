"""The rule that every figure sits in a cited paragraph, list item or table row."""

from __future__ import annotations

import pytest

from library.content import load_library
from library.numeric_citations import has_number, uncited_numeric_blocks
from library.validate import validate
from tests.content.conftest import BODY


@pytest.mark.parametrize(
    "text",
    ["Give 4 mg over 15 minutes", "每4周一次", "HR 0.82", "65–75% of patients", "CrCl <30 mL/min", "IHC 1+"],
)
def test_figures_count_as_numbers(text):
    assert has_number(text)


@pytest.mark.parametrize(
    "text",
    [
        "HER2-positive disease after CDK4/6 inhibitors",
        "ESR1 and PIK3CA mutations; gBRCA1/2",
        "T-DM1, T-DXd (DS-8201) and KEYNOTE-355",
        "see [dosing](doc:zoledronic-acid#renal-dosing) [ref:asco-2017-bma]",
        "the 2022 Chinese consensus",
        "1. an ordered list item",
        "second-line or 2nd-line therapy",
    ],
)
def test_names_links_years_and_ordinals_are_not_numbers(text):
    assert not has_number(text)


def test_uncited_paragraph_list_item_and_table_row_are_flagged():
    body = (
        "## Key points {#key-points}\n\n"
        "- Dose 120 mg.\n"
        "- Cited 4 mg [ref:a].\n\n"
        "A paragraph with 65% and\na second line.\n\n"
        "| band | dose |\n|---|---|\n| >60 | 4 mg [ref:a] |\n| 50-60 | 3.5 mg |\n"
    )
    flagged = [(b.kind, b.line) for b in uncited_numeric_blocks(body)]
    assert flagged == [("list item", 3), ("paragraph", 6), ("table row", 12)]


def test_a_citing_intro_paragraph_covers_its_table():
    body = "Doses by band [ref:a]:\n\n| band | dose |\n|---|---|\n| >60 | 4 mg |\n\nAfter the table.\n"
    assert uncited_numeric_blocks(body) == []


def test_validate_reports_the_uncited_number_with_its_line(fixture_library):
    fixture_library.write("alpha", "zh", BODY.replace("First point about", "About 70% of"))
    problems = [str(p) for p in validate(load_library(fixture_library.root))]
    assert problems == [
        "docs/alpha.zh.md: line 15: list item with a number but no [ref:...] citation: "
        "- About 70% of HER2 and CDK4/6 inhibitors."
    ]


def test_figures_in_the_summary_must_be_backed_by_a_cited_block(fixture_library):
    fixture_library.write("alpha", "en", summary='"Usually 120 mg; in renal failure 99 mg."')
    problems = [str(p) for p in validate(load_library(fixture_library.root))]
    # 120 mg is cited in the key points, 99 mg appears nowhere in the body
    assert problems == [
        "docs/alpha.en.md: summary: the figure '99' does not appear in any cited paragraph, item or row of the body"
    ]
