"""Every rule table fits its declared schema (calculator/rule_schemas.py): known keys only, the
declared types, a source on every rule row. A misspelt key must fail here, not turn into the
engine's default (``band.get("min_inclusive", True)``)."""

from __future__ import annotations

import copy

import pytest

from calculator._data import rule_table, rule_table_names
from calculator.rule_schemas import SCHEMAS
from calculator.shapes import check


def test_every_table_has_a_schema_and_every_schema_a_table():
    assert set(rule_table_names()) == set(SCHEMAS), (
        "declare each table in calculator/rule_schemas.py SCHEMAS (and drop the entries of removed tables)"
    )


@pytest.mark.parametrize("name", rule_table_names())
def test_table_fits_its_schema(name):
    problems = check(rule_table(name), SCHEMAS[name]).problems
    assert not problems, f"calculator/rules/{name}.json:\n" + "\n".join(problems)


def _zoledronic_band(agents: dict, label: str) -> dict:
    agent = next(a for a in agents["agents"] if a["agent"] == "zoledronic_acid")
    return next(b for b in agent["bands"] if b["label"] == label)


def _agents_problems(edit) -> list[str]:
    agents = copy.deepcopy(rule_table("agents"))
    edit(agents)
    return check(agents, SCHEMAS["agents"]).problems


def test_a_misspelt_inclusive_flag_is_rejected_with_a_suggestion():
    def misspell(agents):
        band = _zoledronic_band(agents, ">60")
        band["min_inclusiv"] = band.pop("min_inclusive")

    problems = _agents_problems(misspell)
    assert "agents[1].bands[0].min_inclusiv: unknown key; did you mean 'min_inclusive'?" in problems
    assert "agents[1].bands[0]: min is 60 but min_inclusive is missing (say true or false)" in problems


def test_a_bound_without_its_inclusive_flag_is_rejected():
    problems = _agents_problems(lambda agents: _zoledronic_band(agents, "50–60").pop("max_inclusive"))
    assert problems == ["agents[1].bands[1]: max is 60 but max_inclusive is missing (say true or false)"]


def test_a_rule_row_without_source_or_with_an_empty_one_is_rejected():
    def drop_sources(agents):
        _zoledronic_band(agents, "<30").pop("source")
        agents["rules"][0]["source"] = []

    problems = _agents_problems(drop_sources)
    assert "agents[1].bands[4].source: missing (expected a non-empty list of reference keys)" in problems
    assert "rules[0].source: has 0 items, expected at least 1" in problems


def test_wrong_types_are_named():
    def break_types(agents):
        _zoledronic_band(agents, ">60")["dose_mg"] = "4 mg"
        _zoledronic_band(agents, "50–60")["min_inclusive"] = 1
        agents["agents"][0]["route"] = "sc"

    problems = _agents_problems(break_types)
    assert "agents[1].bands[0].dose_mg: is text '4 mg', expected a finite number" in problems
    assert "agents[1].bands[1].min_inclusive: is a number 1, expected true or false" in problems
    assert "agents[0].route: is 'sc', expected one of 'SC', 'IV', 'PO'" in problems


def test_comment_keys_hold_text_and_unknown_top_level_keys_fail():
    thresholds = copy.deepcopy(rule_table("thresholds"))
    thresholds["hypocalcaemia"]["_why"] = 2.1
    thresholds["hypocalcemia_limit"] = {"below_mmol_l": 2.1}
    problems = check(thresholds, SCHEMAS["thresholds"]).problems
    assert "hypocalcaemia._why: a comment key (starting with '_') must hold text" in problems
    assert any(
        p.startswith("hypocalcemia_limit: unknown key; did you mean 'hypocalcaemia'") for p in problems
    )


def test_an_input_field_with_a_misspelt_key_fails():
    inputs = copy.deepcopy(rule_table("inputs"))
    inputs["fields"][0]["maximum"] = inputs["fields"][0].pop("max")
    problems = check(inputs, SCHEMAS["inputs"]).problems
    assert "fields[0].maximum: unknown key; did you mean 'max'?" in problems
    assert "fields[0]: a number field gives both min and max, or neither" in problems
