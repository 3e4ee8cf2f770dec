"""The frozen build's lock (packaging/requirements-freeze.txt) covers what pyproject.toml asks for.

A dependency added to pyproject.toml but not to the lock would be missing from the frozen app (or
fail the hash-checked install); a range narrowed in pyproject.toml would not reach the build.
Regenerate with `bash scripts/lock_freeze.sh` (see CONTRIBUTING.md).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "packaging" / "requirements-freeze.txt"


def _locked() -> dict[str, tuple[str, list[str]]]:
    """name -> (pinned version, its sha256 hashes)."""
    pins: dict[str, tuple[str, list[str]]] = {}
    for entry in re.split(r"\n(?=[A-Za-z0-9])", LOCK.read_text(encoding="utf-8")):
        match = re.match(r"([A-Za-z0-9_.-]+)==([^ ;\\\n]+)", entry)
        if match:
            hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})", entry)
            pins[canonicalize_name(match.group(1))] = (match.group(2), hashes)
    return pins


def _wanted() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["freeze"]]


def test_every_runtime_and_freeze_dependency_is_locked_within_its_range():
    locked = _locked()
    problems = []
    for requirement in _wanted():
        name = canonicalize_name(requirement.name)
        if name not in locked:
            problems.append(f"{requirement.name} is not in the lock")
        elif not requirement.specifier.contains(locked[name][0], prereleases=True):
            problems.append(f"{requirement.name}=={locked[name][0]} is outside {requirement.specifier}")
    assert problems == [], "run `bash scripts/lock_freeze.sh`: " + "; ".join(problems)


def test_every_locked_package_is_pinned_with_hashes():
    locked = _locked()
    assert len(locked) >= 10
    assert [name for name, (_, hashes) in locked.items() if not hashes] == []
