"""`bonemet score sins|mirels` through the real dispatcher: exit codes, JSON keys, text, problems."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples" / "scores").glob("*.json"))


def _run(capsysbinary, *args: str) -> tuple[int, str, str]:
    code = main(["score", *args])
    captured = capsysbinary.readouterr()
    return code, captured.out.decode("utf-8"), captured.err.decode("utf-8")


def test_there_is_an_example_of_each_score():
    names = {p.stem.split("-")[0] for p in EXAMPLES}
    assert {"sins", "mirels"} <= names


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
@pytest.mark.parametrize("fmt", ["json", "text"])
def test_examples_score(capsysbinary, example, fmt):
    code, out, err = _run(capsysbinary, example.stem.split("-")[0], str(example), "--format", fmt)
    assert (code, err) == (0, "")
    if fmt == "json":
        result = json.loads(out)
        assert {"total", "items"} <= set(result)
        assert "category" in result or {"risk_band", "action"} <= set(result)
    else:
        assert len(out.strip().splitlines()) == 3


def test_sins_json_from_stdin(capsysbinary, monkeypatch, tmp_path):
    path = tmp_path / "s.json"
    path.write_text(
        json.dumps(
            {
                "location": "mobile",
                "pain": "none",
                "lesion": "blastic",
                "alignment": "normal",
                "collapse": "none",
                "posterolateral": "none",
            }
        ),
        encoding="utf-8",
    )
    code, out, _ = _run(capsysbinary, "sins", str(path))
    assert code == 0
    assert json.loads(out)["total"] == 2 and json.loads(out)["category"] == "stable"


def test_bad_input_exit_2_names_fields(capsysbinary, tmp_path):
    path = tmp_path / "m.json"
    path.write_text('{"site": "arm", "pain": "mild", "lesion": "lytic"}', encoding="utf-8")
    code, out, err = _run(capsysbinary, "mirels", str(path), "--lang", "en")
    assert code == 2 and out == ""
    assert [line.split(":")[0] for line in err.strip().splitlines()] == ["site", "size"]


@pytest.mark.parametrize("content", ["", "{", '{"a": 1, "a": 2}', "[1]"])
def test_malformed_input_exit_2(capsysbinary, tmp_path, content):
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = _run(capsysbinary, "sins", str(path))
    assert code == 2 and out == "" and "Traceback" not in err


def test_missing_file_exit_2(capsysbinary, tmp_path):
    code, _, err = _run(capsysbinary, "sins", str(tmp_path / "nope.json"))
    assert code == 2 and err.startswith("input:")
