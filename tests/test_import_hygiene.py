"""The pure packages never import textual (nor the UI that does).

Each package is imported in a fresh interpreter, every module of it found by
`pkgutil.walk_packages`, and `sys.modules` is read afterwards: a module that
imports textual, even indirectly, fails the test. New modules are found as
the packages fill up, with nothing to change here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
PURE = ("core", "language", "customers", "scenario", "kb", "eventlog", "assess")
FORBIDDEN = ("textual", "helpdesk_tui.ui")

PROBE = """
import importlib, json, pkgutil, sys

name, forbidden, extra = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3:]
for module in extra:
    importlib.import_module(module)
package = importlib.import_module(name)
imported = [name]

def broken(failed):
    raise ImportError(f"cannot import {failed} while walking {name}")

for info in pkgutil.walk_packages(package.__path__, name + ".", onerror=broken):
    importlib.import_module(info.name)
    imported.append(info.name)
found = sorted(
    m for m in sys.modules if any(m == f or m.startswith(f + ".") for f in forbidden)
)
print(json.dumps({"imported": imported, "forbidden": found}))
"""


def probe(package: str, *extra: str) -> dict[str, Any]:
    """Import `package` and all its modules in a fresh interpreter; what got loaded."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, package, json.dumps(FORBIDDEN), *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def modules_on_disk(package: str) -> set[str]:
    base = ROOT / "helpdesk_tui" / package
    names = set()
    for path in base.rglob("*.py"):
        parts = list(path.relative_to(base).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.add(".".join(["helpdesk_tui", package, *parts]))
    return names


@pytest.mark.parametrize("package", PURE)
def test_a_pure_package_never_imports_textual(package: str) -> None:
    name = f"helpdesk_tui.{package}"
    result = probe(name)
    assert result["forbidden"] == [], f"{name} pulls in {result['forbidden']}"
    # Every module was really imported, including any added since this test was written.
    assert set(result["imported"]) == modules_on_disk(package)


def test_the_probe_finds_the_core_modules() -> None:
    imported = set(probe("helpdesk_tui.core")["imported"])
    for module in ("clock", "events", "reducer", "session", "sla", "state"):
        assert f"helpdesk_tui.core.{module}" in imported


def test_the_probe_would_catch_textual() -> None:
    """The check is live: a package that dragged textual in would be caught."""
    result = probe("helpdesk_tui.core", "textual.app")
    assert "textual" in result["forbidden"]
    assert "textual.app" in result["forbidden"]
