"""Run `bonemet` with every Python-level network entry point made to fail and recorded.

Usage: python netguard.py REPORT.json -- <bonemet arguments>
Writes {"attempts": [...], "modules": [...network modules that got imported...], "exit": code}.
"""

import json
import socket
import sys

attempts: list[str] = []


def _refuse(*args, **kwargs):
    attempts.append(repr(args)[:200])
    raise OSError("network access is disabled in this test")


for name in ("connect", "connect_ex", "sendto"):
    setattr(socket.socket, name, _refuse)
socket.create_connection = _refuse
socket.getaddrinfo = _refuse

report_path, argv = sys.argv[1], sys.argv[sys.argv.index("--") + 1 :]
code = 0
try:
    from desktop.cli import main

    code = main(argv)
except SystemExit as exit_:
    code = exit_.code if isinstance(exit_.code, int) else 1
finally:
    # urllib.request is not watched: whoosh.compat imports it for its Python 2/3 shims without ever
    # calling it; an actual connection attempt through it would still be caught by the socket patch.
    watched = ("PySide6.QtNetwork", "requests", "httpx", "aiohttp", "urllib3")
    with open(report_path, "w", encoding="utf-8") as out:
        json.dump(
            {"attempts": attempts, "modules": [m for m in watched if m in sys.modules], "exit": code}, out
        )
sys.exit(code)
