"""SINS and Mirels against the published tables (facts.md 7.3 and 7.4), every item and every cut-off.

The expected points and cut-offs are written out here from facts.md, not read from the rule data,
so a typo in ``rules/scores.json`` fails a test.
"""

from __future__ import annotations

import itertools

import pytest

from calculator.errors import ValidationError
from calculator.scores import render_score_text, score_mirels, score_sins, score_spec

# facts.md 7.4 (Fisher 2010): item -> {code: points}
SINS = {
    "location": {"junctional": 3, "mobile": 2, "semi_rigid": 1, "rigid": 0},
    "pain": {"mechanical": 3, "occasional_non_mechanical": 1, "none": 0},
    "lesion": {"lytic": 2, "mixed": 1, "blastic": 0},
    "alignment": {"subluxation_translation": 4, "de_novo_deformity": 2, "normal": 0},
    "collapse": {"over_50": 3, "under_50": 2, "none_over_50_involved": 1, "none": 0},
    "posterolateral": {"bilateral": 3, "unilateral": 1, "none": 0},
}
# facts.md 7.3 (Mirels 1989)
MIRELS = {
    "site": {"upper_limb": 1, "lower_limb": 2, "peritrochanteric": 3},
    "pain": {"mild": 1, "moderate": 2, "functional": 3},
    "lesion": {"blastic": 1, "mixed": 2, "lytic": 3},
    "size": {"under_one_third": 1, "one_to_two_thirds": 2, "over_two_thirds": 3},
}
SINS_ZERO = {key: min(choices, key=choices.get) for key, choices in SINS.items()}
MIRELS_LOW = {key: min(choices, key=choices.get) for key, choices in MIRELS.items()}


def sins_category(total: int) -> str:
    return "stable" if total <= 6 else "potentially_unstable" if total <= 12 else "unstable"


def mirels_action(total: int) -> tuple[str, str]:
    if total <= 7:
        return "observe", "<4%"
    if total == 8:
        return "judgement", "~15%"
    return "fixation", "33%–100%"


def _combinations(table: dict[str, dict[str, int]]):
    keys = list(table)
    for codes in itertools.product(*(table[k] for k in keys)):
        yield dict(zip(keys, codes, strict=True))


@pytest.mark.parametrize(
    ("item", "code", "points"), [(i, c, p) for i, cs in SINS.items() for c, p in cs.items()]
)
def test_each_sins_choice_scores_its_published_points(item, code, points):
    result = score_sins({**SINS_ZERO, item: code})
    assert result["items"][item] == points
    assert result["total"] == points


@pytest.mark.parametrize(
    ("item", "code", "points"), [(i, c, p) for i, cs in MIRELS.items() for c, p in cs.items()]
)
def test_each_mirels_choice_scores_its_published_points(item, code, points):
    result = score_mirels({**MIRELS_LOW, item: code})
    assert result["items"][item] == points
    assert result["total"] == 3 + points


def test_every_sins_combination_matches_the_table():
    seen = set()
    for inputs in _combinations(SINS):
        result = score_sins(inputs)
        total = sum(SINS[k][v] for k, v in inputs.items())
        assert (result["total"], result["category"]) == (total, sins_category(total)), inputs
        seen.add(total)
    assert seen == set(range(19))  # the score spans 0–18


def test_every_mirels_combination_matches_the_table():
    seen = set()
    for inputs in _combinations(MIRELS):
        result = score_mirels(inputs)
        total = sum(MIRELS[k][v] for k, v in inputs.items())
        assert (result["total"], result["action"], result["risk_band"]) == (total, *mirels_action(total))
        seen.add(total)
    assert seen == set(range(4, 13))  # the score spans 4–12


# explicit edges, readable on their own
@pytest.mark.parametrize(
    ("changes", "total", "category"),
    [
        ({}, 0, "stable"),
        ({"location": "junctional", "pain": "mechanical"}, 6, "stable"),
        ({"location": "junctional", "pain": "mechanical", "lesion": "mixed"}, 7, "potentially_unstable"),
        (
            {
                "alignment": "subluxation_translation",
                "collapse": "over_50",
                "posterolateral": "bilateral",
                "lesion": "lytic",
            },
            12,
            "potentially_unstable",
        ),
        (
            {
                "alignment": "subluxation_translation",
                "collapse": "over_50",
                "posterolateral": "bilateral",
                "lesion": "lytic",
                "pain": "occasional_non_mechanical",
            },
            13,
            "unstable",
        ),
        (
            {
                "location": "junctional",
                "pain": "mechanical",
                "lesion": "lytic",
                "alignment": "subluxation_translation",
                "collapse": "over_50",
                "posterolateral": "bilateral",
            },
            18,
            "unstable",
        ),
    ],
)
def test_sins_cut_off_edges(changes, total, category):
    result = score_sins({**SINS_ZERO, **changes})
    assert (result["total"], result["category"]) == (total, category)
    if category == "stable":  # facts.md 7.4 ties no action to 0-6
        assert result["action"]["en"].startswith("0–6: the SINS table gives no action")
    else:  # 7 and above: surgical consultation
        assert result["action"]["en"].endswith("surgical consultation is advised.")
        assert result["action"]["zh"].endswith("建议外科会诊。")
    assert result["source"] == ["sins-2010"]
    assert result["refs"] == ["radiotherapy-surgery#sins"]


@pytest.mark.parametrize(
    ("changes", "total", "action"),
    [
        ({}, 4, "observe"),
        ({"site": "peritrochanteric", "pain": "functional"}, 8, "judgement"),
        ({"site": "peritrochanteric", "pain": "moderate"}, 7, "observe"),
        ({"site": "peritrochanteric", "pain": "functional", "lesion": "mixed"}, 9, "fixation"),
        (
            {"site": "peritrochanteric", "pain": "functional", "lesion": "lytic", "size": "over_two_thirds"},
            12,
            "fixation",
        ),
    ],
)
def test_mirels_cut_off_edges(changes, total, action):
    result = score_mirels({**MIRELS_LOW, **changes})
    assert (result["total"], result["action"]) == (total, action)


def test_mirels_humerus_note_and_notes_by_band():
    result = score_mirels(
        {
            "site": "upper_limb",
            "pain": "functional",
            "lesion": "lytic",
            "size": "under_one_third",
            "bone": "humerus",
        }
    )
    assert result["total"] == 8 and result["bone"] == "humerus"
    codes = [note["code"] for note in result["notes"]]
    assert codes[0] == "humerus"
    assert "83.6%" in result["notes"][0]["text"]["en"] and "79.5%" in result["notes"][0]["text"]["zh"]
    low = score_mirels(MIRELS_LOW)
    assert [note["code"] for note in low["notes"]] == ["size_definition"]
    assert "bone" not in low


@pytest.mark.parametrize(
    ("bone", "site"),
    [
        ("humerus", "lower_limb"),
        ("humerus", "peritrochanteric"),
        ("femur", "upper_limb"),
        ("other", "peritrochanteric"),
    ],
)
def test_mirels_bone_that_cannot_sit_at_the_site_is_refused(bone, site):
    with pytest.raises(ValidationError) as error:
        score_mirels({**MIRELS_LOW, "site": site, "bone": bone})
    assert [p.field for p in error.value.problems] == ["bone"]


@pytest.mark.parametrize(
    ("inputs", "fields"),
    [
        ([], [""]),
        ("sins", [""]),
        ({}, list(SINS)),
        ({**SINS_ZERO, "pain": "severe"}, ["pain"]),
        ({**SINS_ZERO, "pain": 3}, ["pain"]),
        ({**SINS_ZERO, "lesoin": "lytic"}, ["lesoin"]),
        ({**SINS_ZERO, "location": None}, ["location"]),
    ],
)
def test_sins_bad_input_names_the_field(inputs, fields):
    with pytest.raises(ValidationError) as error:
        score_sins(inputs)
    assert sorted(p.field for p in error.value.problems) == sorted(fields)
    assert all(p.message["en"] and p.message["zh"] for p in error.value.problems)


def test_unknown_field_is_suggested():
    with pytest.raises(ValidationError) as error:
        score_mirels({**MIRELS_LOW, "sise": "over_two_thirds"})
    assert "did you mean 'size'" in str(error.value)


def test_spec_lists_items_in_the_published_order():
    assert [item["key"] for item in score_spec("sins")] == list(SINS)
    assert [item["key"] for item in score_spec("mirels")] == list(MIRELS)
    for name, table in (("sins", SINS), ("mirels", MIRELS)):
        for item in score_spec(name):
            assert {c["code"]: c["points"] for c in item["choices"]} == table[item["key"]]
            assert all(c["label"]["zh"] and c["label"]["en"] for c in item["choices"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_chart_text_is_three_lines_with_total_category_and_source(lang):
    text = render_score_text(
        score_sins({**SINS_ZERO, "location": "junctional", "pain": "mechanical", "lesion": "mixed"}), lang
    )
    lines = text.strip().splitlines()
    assert len(lines) == 3
    assert ("7分（潜在不稳定）" if lang == "zh" else ": 7 (Potentially unstable)") in lines[0]
    assert "sins-2010" in lines[2]
    mirels = render_score_text(
        score_mirels({**MIRELS_LOW, "site": "peritrochanteric", "pain": "functional", "lesion": "mixed"}),
        lang,
    )
    assert len(mirels.strip().splitlines()) == 3
    assert ("9分" if lang == "zh" else ": 9 (") in mirels.splitlines()[0]
