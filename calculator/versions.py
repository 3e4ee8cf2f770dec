"""The app version's single home, and the version of the rule tables an assessment was made with.

``desktop.__version__`` and the package metadata (pyproject's dynamic version) both read
``APP_VERSION``; ``rules_version()`` changes whenever any ``calculator/rules/*.json`` changes, so a
chart note says exactly which rules produced it.
"""

from __future__ import annotations

from functools import cache

APP_VERSION = "0.2.0"


@cache
def rules_version() -> str:
    """``r-`` and the first 8 hex digits of a SHA-256 over every rule table (name and bytes, in name order)."""
    # Imported here: every `bonemet` command and the app's launch import this module for
    # APP_VERSION, and importlib.resources alone costs them ~10 ms (issue 14).
    import hashlib
    from importlib.resources import files

    digest = hashlib.sha256()
    for path in sorted(files("calculator.rules").iterdir(), key=lambda p: p.name):
        if path.name.endswith(".json"):
            digest.update(path.name.encode("utf-8") + b"\0")
            # Line endings normalised: a Windows checkout must give the same version.
            digest.update(path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return "r-" + digest.hexdigest()[:8]
