"""Type check with mypy ([tool.mypy] in pyproject.toml: strict everywhere) and keep the ratchet honest.

1. `mypy` with the project's configuration must pass. Modules in the ratchet list (the override
   with `ignore_errors = true`) may still fail strict mode; every other module is strict.
2. The same check WITHOUT the ratchet list: a listed module that now passes strict mode must be
   deleted from the list, so the list can only shrink. A listed module that does not exist fails too.

Usage: .venv/bin/python scripts/check_types.py   (run by ./test.sh; a few seconds, cached after)
"""

from __future__ import annotations

import re
import sys
import tempfile
import tomllib
from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parents[1]


def _ini_value(value: object) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _config_without_ratchet(config: dict[str, object]) -> tuple[str, list[str]]:
    """mypy.ini text of the project's configuration minus the ratchet override; the ratchet list."""
    lines = ["[mypy]"] + [f"{k} = {_ini_value(v)}" for k, v in config.items() if k != "overrides"]
    ratchet: list[str] = []
    for override in config.get("overrides", []):  # type: ignore[attr-defined]
        modules = override["module"] if isinstance(override["module"], list) else [override["module"]]
        if override.get("ignore_errors"):
            ratchet.extend(modules)
            continue
        for module in modules:
            lines.append(f"[mypy-{module}]")
            lines += [f"{k} = {_ini_value(v)}" for k, v in override.items() if k != "module"]
    return "\n".join(lines) + "\n", ratchet


def _module_of(path: str) -> str:
    dotted = path.removesuffix(".py").replace("/", ".").replace("\\", ".")
    return dotted.removesuffix(".__init__")


def main() -> int:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    out, err, status = api.run([])
    if status != 0:
        sys.stdout.write(out + err)
        print("mypy: fix the errors above (strict mode), or, for a module not yours, ask before listing it")
        return 1
    ini, ratchet = _config_without_ratchet(config)
    with tempfile.TemporaryDirectory() as tmp:
        config_file = Path(tmp) / "mypy.ini"
        config_file.write_text(ini, encoding="utf-8")
        # Its own cache: sharing one with the run above would invalidate it on every switch.
        cache = str(ROOT / ".mypy_cache" / "ratchet")
        strict_out, _, _ = api.run(["--config-file", str(config_file), "--cache-dir", cache])
    failing = {_module_of(m) for m in re.findall(r"^(\S+\.py):\d+: error:", strict_out, flags=re.MULTILINE)}
    stale = []
    for module in ratchet:
        path = ROOT / (module.replace(".", "/") + ".py")
        if not path.exists() and not (ROOT / module.replace(".", "/") / "__init__.py").exists():
            stale.append(f"{module}: no such module")
        elif module not in failing:
            stale.append(f"{module}: passes strict mode now")
    if stale:
        print("mypy ratchet: delete these from the list in pyproject.toml (it only shrinks):")
        print("\n".join(f"  {line}" for line in stale))
        return 1
    print(f"mypy: strict, {len(ratchet)} modules still on the ratchet list")
    return 0


if __name__ == "__main__":
    sys.exit(main())
