"""Every source key of a rule row (a field its table's schema declares as Sources()) is a known reference."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from calculator._data import rule_table, rule_table_names
from calculator.rule_schemas import SCHEMAS
from calculator.shapes import check

CONTENT_DIR = Path(__file__).resolve().parents[2] / "guideline_content"


def _rule_sources() -> list[tuple[str, list[str]]]:
    """(table.path, source keys) of every rule row: the fields the table's schema declares as Sources()."""
    found: list[tuple[str, list[str]]] = []
    for name in rule_table_names():
        report = check(rule_table(name), SCHEMAS[name])
        found.extend((f"{name}.{path}", keys) for path, keys in report.sources)
    return found


RULE_SOURCES = _rule_sources()


def test_rule_rows_are_found():
    # The schemas mark the rule rows; this guards against a schema that stops marking them.
    tables = {label.split(".", 1)[0] for label, _ in RULE_SOURCES}
    assert {
        "agents",
        "hypercalcemia",
        "inputs",
        "monitoring",
        "mscc",
        "scores",
        "systemic",
        "thresholds",
        "units",
    } <= tables
    assert len(RULE_SOURCES) >= 116


@pytest.mark.parametrize(("label", "keys"), RULE_SOURCES, ids=[label for label, _ in RULE_SOURCES])
def test_rule_row_cites_known_references(label, keys):
    # That every rule row HAS a non-empty source is the schema's job (test_rule_schemas.py).
    known = rule_table("references")["references"]
    unknown = [key for key in keys if key not in known]
    assert not unknown, f"{label} cites unknown reference keys {unknown}"


def test_reference_keys_match_the_content_readme():
    readme = (CONTENT_DIR / "README.md").read_text(encoding="utf-8")
    readme_keys = set(re.findall(r"^\| \d+ \| `([a-z0-9-]+)` \|$", readme, flags=re.MULTILINE))
    assert readme_keys, "the content README lists the reference keys"
    assert set(rule_table("references")["references"]) == readme_keys


def test_reference_keys_exist_in_references_yaml_once_it_lands():
    yaml_file = CONTENT_DIR / "references.yaml"
    if not yaml_file.exists():
        pytest.skip("guideline_content/references.yaml not written yet")
    keys = set(
        re.findall(r"^([a-z0-9][a-z0-9-]*):", yaml_file.read_text(encoding="utf-8"), flags=re.MULTILINE)
    )
    cited = {key for _, keys in RULE_SOURCES for key in keys}
    assert cited <= keys, sorted(cited - keys)


def test_no_unverified_marker_in_rules():
    for name in rule_table_names():
        assert "[unverified]" not in str(rule_table(name)), name


def test_every_warning_link_names_a_known_warning():
    from calculator import text_for

    linked = [code for code in rule_table("warnings") if not code.startswith("_")]
    assert linked
    for code in linked:
        assert text_for(code)["en"] and text_for(code)["zh"], code
