"""Every rule row in calculator/rules cites its source, and every source key is a known reference."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from calculator._data import rule_table, rule_table_names

CONTENT_DIR = Path(__file__).resolve().parents[2] / "guideline_content"


def _rule_rows() -> list[tuple[str, dict]]:
    """(label, row) for every row that carries a clinical number or decision."""
    rows: list[tuple[str, dict]] = []
    agents = rule_table("agents")
    for agent in agents["agents"]:
        rows.append((f"agents.{agent['agent']}", agent))
        rows.extend((f"agents.{agent['agent']}.band[{b['label']}]", b) for b in agent["bands"])
    rows.extend((f"agents.rules.{r['code']}", r) for r in agents["rules"])
    rows.extend(
        (f"thresholds.{key}", row) for key, row in rule_table("thresholds").items() if not key.startswith("_")
    )
    systemic = rule_table("systemic")
    rows.extend((f"systemic.options.{code}", row) for code, row in systemic["options"].items())
    rows.extend((f"systemic.category_rules[{i}]", row) for i, row in enumerate(systemic["category_rules"]))
    rows.extend(
        (f"systemic.{key}", systemic[key]) for key in ("pdl1_cps_min", "pembrolizumab_min_dfi_months")
    )
    hypercalcemia = rule_table("hypercalcemia")
    rows.append(("hypercalcemia.grading", hypercalcemia["grading"]))
    rows.extend((f"hypercalcemia.steps.{step['code']}", step) for step in hypercalcemia["steps"])
    rows.extend((f"monitoring[{i}]", row) for i, row in enumerate(rule_table("monitoring")["rows"]))
    rows.extend((f"units.{lab}", row) for lab, row in rule_table("units")["labs"].items())
    rows.extend(
        (f"inputs.{f['path']}", f) for f in rule_table("inputs")["fields"] if "min" in f and "source" in f
    )
    scores = rule_table("scores")
    for name in ("sins", "mirels"):
        rows.append((f"scores.{name}", scores[name]))
    mscc = rule_table("mscc")
    rows.extend((f"mscc.findings.{row['code']}", row) for row in mscc["findings"])
    rows.extend((f"mscc.steps.{row['code']}", row) for row in mscc["steps"])
    rows.extend((f"mscc.radiotherapy.{row['code']}", row) for row in mscc["radiotherapy"])
    return rows


RULE_ROWS = _rule_rows()


@pytest.mark.parametrize(("label", "row"), RULE_ROWS, ids=[label for label, _ in RULE_ROWS])
def test_rule_row_has_a_source(label, row):
    assert isinstance(row.get("source"), list) and row["source"], f"{label} has no source"
    known = rule_table("references")["references"]
    unknown = [key for key in row["source"] if key not in known]
    assert not unknown, f"{label} cites unknown reference keys {unknown}"


def test_all_tables_are_checked():
    assert set(rule_table_names()) == {
        "agents",
        "hypercalcemia",
        "inputs",
        "messages",
        "monitoring",
        "mscc",
        "note",
        "references",
        "scores",
        "systemic",
        "texts",
        "thresholds",
        "units",
        "warnings",
        "working",
    }


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
    cited = {key for _, row in RULE_ROWS for key in row["source"]}
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
