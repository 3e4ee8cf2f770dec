"""`bonemet index build` / `bonemet search` as functions, and the tokens behind the clinical spellings."""

from __future__ import annotations

import io
import json
import math
import sys
from pathlib import Path

import pytest

from index import bench
from index.analysis import fold, iter_terms
from index.cli import index_build, search, terminal_text
from index.snippets import make_snippet
from tests.index.conftest import FIXTURE_LIBRARY


def test_index_build_names_library_problems_and_still_builds(tmp_path, capsys):
    # the fixture library is deliberately minimal and fails content rules (e.g. no key points)
    assert index_build(str(tmp_path / "built"), library_root=FIXTURE_LIBRARY) == 0
    captured = capsys.readouterr()
    assert "problem(s) in the library" in captured.err and "18 documents" in captured.out
    assert (tmp_path / "built" / "stamp.json").exists()


def test_strict_index_build_refuses_an_invalid_library(tmp_path, capsys):
    assert index_build(str(tmp_path / "built"), library_root=FIXTURE_LIBRARY, strict=True) == 1
    assert "not building" in capsys.readouterr().err
    assert not (tmp_path / "built").exists()


def test_index_build_then_if_stale_skips(tmp_path, capsys):
    out = tmp_path / "built"
    assert index_build(str(out), library_root=FIXTURE_LIBRARY) == 0
    assert "18 documents" in capsys.readouterr().out
    assert index_build(str(out), if_stale=True, library_root=FIXTURE_LIBRARY) == 0
    assert "nothing to do" in capsys.readouterr().out


def test_search_json_lists_hits(tmp_path, capsys, fixture_index_dir):
    code = search(
        "安加维", "zh", 3, True, fixture_index_dir, tmp_path / "cache", library_root=FIXTURE_LIBRARY
    )
    assert code == 0
    rows = json.loads(capsys.readouterr().out)
    assert 0 < len(rows) <= 3
    assert set(rows[0]) == {"id", "lang", "title", "section", "anchor", "snippet", "score", "missing"}
    assert rows[0]["id"] == "denosumab" and rows[0]["lang"] == "zh"


def test_search_text_output_is_readable(tmp_path, capsys, fixture_index_dir):
    assert (
        search("dsdk", "zh", 5, False, fixture_index_dir, tmp_path / "cache", library_root=FIXTURE_LIBRARY)
        == 0
    )
    out = capsys.readouterr().out
    assert "also searched: 地舒单抗" in out
    assert "[zh] 地舒单抗" in out and "<b>" not in out


def test_bad_query_just_gives_no_hits(tmp_path, capsys, fixture_index_dir):
    assert (
        search('AND (" *', "en", 5, True, fixture_index_dir, tmp_path / "c", library_root=FIXTURE_LIBRARY)
        == 0
    )
    assert json.loads(capsys.readouterr().out) == []


def test_terminal_text_unescapes_and_marks():
    assert terminal_text("a <b>HER2</b> &lt;30", bold=False) == "a *HER2* <30"


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("HER-2 阳性", "her2"),
        ("HER2阳性", "her2"),
        ("ＨＥＲ２", "her2"),
        ("T‑DXd", "tdxd"),
        ("CDK4/6", "cdk46"),
        ("5.4 mg/kg", "5.4"),
        ("5.4 mg/kg", "mgkg"),
        ("25-OH", "25oh"),
        ("120mg", "120"),
        ("fractures", "fractur"),
    ],
)
def test_clinical_spellings_become_findable_terms(text, term):
    assert term in set(iter_terms(text, index_mode=True))


def test_chinese_is_indexed_as_bigrams_and_unigrams_and_queried_as_bigrams():
    assert list(iter_terms("骨转移", index_mode=True)) == ["骨转", "骨", "转移", "转", "移"]
    assert list(iter_terms("骨转移", index_mode=False)) == ["骨转", "转移"]
    assert list(iter_terms("每4周", index_mode=False)) == ["每", "4", "周"]


def test_stop_words_are_dropped():
    assert list(iter_terms("osteonecrosis of the jaw", index_mode=False)) == ["osteonecrosi", "jaw"]


def test_fold_keeps_one_character_per_character():
    for text in ["ＨＥＲ２－低表达", "İstanbul", "Straße", "ﬁ"]:
        assert len(fold(text)) == len(text)


def test_snippet_cuts_around_the_match_and_escapes_html():
    text = "前言" * 60 + "为预防低钙血症，建议补充钙 <500 mg>。" + "后记" * 60
    snippet = make_snippet(text, ["低钙血症"])
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "<b>低钙血症</b>" in snippet and "&lt;500 mg&gt;" in snippet
    assert len(snippet) < 140


def test_snippet_does_not_mark_a_neighbouring_word():
    assert "<b>" not in make_snippet("高钙血症患者除外", ["低钙血症"])
    assert make_snippet("zanubrutinib and ZA", ["za"]).count("<b>") == 1


def test_the_search_benchmark_starts_where_there_is_no_resource_module(monkeypatch):
    # `import resource` at the top of index/bench.py made `bonemet bench search` fail on Windows.
    def no_proc(*args, **kwargs):
        raise OSError("no /proc here")

    monkeypatch.setitem(sys.modules, "resource", None)  # what `import resource` meets on Windows
    monkeypatch.setattr(Path, "read_text", no_proc)
    assert math.isnan(bench.peak_rss_mb())


def test_search_output_redirected_to_a_gbk_file_does_not_stop(tmp_path, monkeypatch, fixture_index_dir):
    # Chinese Windows redirects print() output as GBK, which has no '›' (section separator) or 'µ'.
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="gbk"))
    assert (
        search(
            "地舒单抗", "zh", 5, False, fixture_index_dir, tmp_path / "cache", library_root=FIXTURE_LIBRARY
        )
        == 0
    )
    sys.stdout.flush()
    text = raw.getvalue().decode("gbk")
    assert "地舒单抗 ? " in text  # the '›' between title and section replaced, the Chinese readable
