"""Every library ref the calculator can emit resolves to a heading anchor in both languages.

The refs are collected from the rule data (every list under a key ending in ``refs``), so a ref
added to a rule table is checked without touching this test. A document that has not been
written yet is skipped (named in the skip reason); a written document missing the anchor fails.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from calculator._data import rule_table, rule_table_names

CONTENT_DIR = Path(__file__).resolve().parents[2] / "guideline_content"
DOCS_DIR = CONTENT_DIR / "docs"
REF = re.compile(r"^[a-z0-9-]+#[a-z0-9-]+$")


def _collect(node, found: set[str], under_refs: bool = False) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _collect(value, found, under_refs=str(key).endswith("refs"))
    elif isinstance(node, list):
        for item in node:
            _collect(item, found, under_refs)
    elif under_refs and isinstance(node, str):
        found.add(node)


def calculator_refs() -> list[str]:
    found: set[str] = set()
    for name in rule_table_names():
        _collect(rule_table(name), found)
    return sorted(found)


REFS = calculator_refs()


def _readme_anchor_table() -> dict[str, set[str]]:
    readme = (CONTENT_DIR / "README.md").read_text(encoding="utf-8")
    table: dict[str, set[str]] = {}
    for doc_id, anchors in re.findall(
        r"^\| ([a-z0-9-]+) \| ([a-z0-9, -]+|\(generated[^|]*) \|$", readme, re.MULTILINE
    ):
        names = set() if anchors.startswith("(") else {a.strip() for a in anchors.split(",")}
        table[doc_id] = names | {"key-points"}
    return table


def test_refs_are_well_formed():
    assert REFS
    bad = [ref for ref in REFS if not REF.match(ref)]
    assert not bad


@pytest.mark.parametrize("ref", REFS)
def test_ref_is_in_the_agreed_anchor_table(ref):
    doc_id, anchor = ref.split("#")
    table = _readme_anchor_table()
    assert doc_id in table, f"{doc_id} is not a topic in guideline_content/README.md"
    assert anchor in table[doc_id], f"{ref}: anchor not promised by guideline_content/README.md"


@pytest.mark.skipif(not any(DOCS_DIR.glob("*.md")), reason="guideline_content/docs has no documents yet")
@pytest.mark.parametrize("ref", REFS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_ref_resolves_to_a_heading_anchor(ref, lang):
    doc_id, anchor = ref.split("#")
    path = DOCS_DIR / f"{doc_id}.{lang}.md"
    if not path.exists():
        pytest.skip(f"{path.name} not written yet")
    text = path.read_text(encoding="utf-8")
    assert re.search(r"^#{2,3} .*\{#" + re.escape(anchor) + r"\}\s*$", text, re.MULTILINE), (
        f"{path.name} has no heading with {{#{anchor}}}"
    )
