"""Search over the guideline library (pure Python: whoosh; no Qt).

Importing whoosh pulls in modules we never use, a fifth of its import time, on the start path of
the app and of `bonemet search`:
- whoosh.compat does `from urllib.request import urlretrieve` (a Python 2 leftover; it brings
  http.client, ssl and email, about 20 ms). Its stand-in's urlretrieve refuses: whoosh never calls
  it, and the app never goes online.
- whoosh.reading takes `cached_property` from the package of that name, which imports asyncio
  (about 18 ms) to support coroutines whoosh does not have; its stand-in is the standard library's
  `functools.cached_property`, which does the same for whoosh's one plain method.
So those two whoosh modules are imported here first, with the stand-ins in sys.modules only while
they import: anyone importing urllib.request or cached_property later gets the real module.
"""

from __future__ import annotations

import functools
import sys
import types


def _urlretrieve(*args, **kwargs):
    raise OSError("BoneMet Guide works offline: nothing is downloaded")


def _import_whoosh_leanly() -> None:
    if "whoosh.reading" in sys.modules:
        return
    stand_ins = {
        "urllib.request": {"urlretrieve": _urlretrieve},
        "cached_property": {"cached_property": functools.cached_property},
    }
    added = {}
    for name, attributes in stand_ins.items():
        if name not in sys.modules:
            module = types.ModuleType(name, "stand-in while whoosh imports (see index/__init__.py)")
            module.__dict__.update(attributes)
            added[name] = sys.modules[name] = module
    try:
        import whoosh.compat  # noqa: F401
        import whoosh.reading  # noqa: F401
    finally:
        for name, module in added.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


_import_whoosh_leanly()
