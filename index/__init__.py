"""Guideline library loading, validation, rendering and search (pure Python, no Qt).

Importing whoosh pulls in a network module we never use: whoosh.compat does `from urllib.request
import urlretrieve` (a Python 2 leftover; urllib.request brings http.client, ssl and email, about
20 ms). It sits on the start path of the app and of `bonemet search`, so whoosh.compat is imported
here first with a stand-in for urllib.request whose urlretrieve refuses (whoosh never calls it;
the app never goes online). The stand-in is removed from sys.modules right after, so any other
importer gets the real module. (whoosh.reading's `cached_property` also imports asyncio, about
18 ms; a lazy module does not help there, as `import` itself touches the module.)
"""

from __future__ import annotations

import sys
import types


def _urlretrieve(*args, **kwargs):
    """Stands in for urllib.request.urlretrieve in whoosh.compat: whoosh never calls it, and the app
    never goes online (tests/system/test_offline.py)."""
    raise OSError("BoneMet Guide works offline: nothing is downloaded")


def _import_whoosh_compat_leanly() -> None:
    if "whoosh.compat" in sys.modules:
        return
    stand_in = None
    if "urllib.request" not in sys.modules:
        stand_in = types.ModuleType("urllib.request")
        stand_in.urlretrieve = _urlretrieve
        sys.modules["urllib.request"] = stand_in
    try:
        import whoosh.compat  # noqa: F401
    finally:
        if stand_in is not None and sys.modules.get("urllib.request") is stand_in:
            del sys.modules["urllib.request"]  # anyone else importing it gets the real module


_import_whoosh_compat_leanly()
