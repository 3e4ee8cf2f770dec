"""The content version is taken from an index stamp while the content files are the ones it was
hashed from (size and modification time of each, as Python checks a .pyc), and hashed otherwise
(issue 14: hashing the content cost every start about 8 ms)."""

from __future__ import annotations

import json

import pytest

import guideline_content
from index.folder import STAMP_FILE, read_stamp
from index.store import bundled_content_version


@pytest.fixture
def fresh_version(monkeypatch):
    """This process has not settled the content version yet; hashing is counted."""
    monkeypatch.setattr(guideline_content, "_version", None)
    hashed = []
    real = guideline_content.fingerprinted_version
    monkeypatch.setattr(guideline_content, "fingerprinted_version", lambda: hashed.append(1) or real())
    return hashed


def _stamp_copy(source, target, **changes):
    target.mkdir()
    stamp = {**read_stamp(source), **changes}
    (target / STAMP_FILE).write_text(json.dumps(stamp), encoding="utf-8")
    return stamp


def test_a_build_of_the_bundled_content_records_its_fingerprint(real_index_dir):
    stamp = read_stamp(real_index_dir)
    assert stamp["content_files"] == guideline_content.content_fingerprint()
    assert "EDITION" in stamp["content_files"] and len(stamp["content_files"]) >= 70


def test_a_matching_fingerprint_gives_the_stamps_version_without_hashing(real_index_dir, fresh_version):
    version = bundled_content_version((real_index_dir,))
    assert version == read_stamp(real_index_dir)["content_version"]
    assert fresh_version == []  # nothing hashed
    assert guideline_content.content_version() == version and fresh_version == []


def test_a_changed_file_means_hashing(real_index_dir, tmp_path, fresh_version):
    stamp = read_stamp(real_index_dir)
    fingerprint = dict(stamp["content_files"])
    size, mtime = fingerprint["EDITION"]
    fingerprint["EDITION"] = [size, mtime + 1]  # edited since the build, same size
    folder = tmp_path / "older"
    _stamp_copy(real_index_dir, folder, content_files=fingerprint, content_version="2020-01-01+00000000")
    version = bundled_content_version((folder,))
    assert fresh_version == [1]
    assert version == stamp["content_version"] != "2020-01-01+00000000"  # the hash, not the stamp


def test_a_stamp_without_a_fingerprint_means_hashing(real_index_dir, tmp_path, fresh_version):
    folder = tmp_path / "fixture"
    stamp = _stamp_copy(real_index_dir, folder)
    del stamp["content_files"]
    (folder / STAMP_FILE).write_text(json.dumps(stamp), encoding="utf-8")
    assert bundled_content_version((tmp_path / "missing", folder)) == stamp["content_version"]
    assert fresh_version == [1]


def test_other_libraries_get_no_fingerprint(fixture_index_dir):
    assert "content_files" not in read_stamp(fixture_index_dir)


def test_the_frozen_app_takes_its_shipped_stamps_version_as_it_is(
    real_index_dir, tmp_path, fresh_version, monkeypatch
):
    # Unzipping an install changes the files' times, never their bytes: no hashing at each start.
    stamp = read_stamp(real_index_dir)
    fingerprint = {
        name: [size, mtime + 2_000_000_000] for name, (size, mtime) in stamp["content_files"].items()
    }
    shipped = tmp_path / "shipped"
    _stamp_copy(real_index_dir, shipped, content_files=fingerprint)
    monkeypatch.setattr("sys.frozen", True, raising=False)
    assert bundled_content_version((shipped, tmp_path / "cache")) == stamp["content_version"]
    assert fresh_version == []
    assert guideline_content.content_version() == stamp["content_version"] and fresh_version == []
