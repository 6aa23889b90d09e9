"""Helpers for scenario tests: the valid fixture scenario, and a tiny TOML writer.

Most error tests start from the valid fixture as a dict, break one field, and
write it back with `toml_dumps`, so each test states its one mistake.
"""

from __future__ import annotations

import json
import math
import tomllib
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid"
SLA_DIR = FIXTURES / "sla_profiles"


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    if isinstance(value, dict):
        inner = ", ".join(f"{_key(k)} = {_scalar(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _key(key: str) -> str:
    bare = key and all(c.isascii() and (c.isalnum() or c in "-_") for c in key)
    return key if bare else json.dumps(key, ensure_ascii=False)


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def toml_dumps(data: dict[str, Any], prefix: str = "") -> str:
    """Write a dict as TOML: scalars, then [tables], then [[arrays of tables]]."""
    lines: list[str] = []
    nested: list[tuple[str, Any]] = []
    for key, value in data.items():
        if isinstance(value, dict) or _is_table_array(value):
            nested.append((key, value))
        else:
            lines.append(f"{_key(key)} = {_scalar(value)}")
    out = "\n".join(lines) + ("\n" if lines else "")
    for key, value in nested:
        name = f"{prefix}.{_key(key)}" if prefix else _key(key)
        if isinstance(value, dict):
            out += f"\n[{name}]\n" + toml_dumps(value, name)
        else:
            for item in value:
                out += f"\n[[{name}]]\n" + toml_dumps(item, name)
    return out


def valid_data() -> dict[str, Any]:
    """The valid fixture scenario as a fresh dict."""
    return tomllib.loads((VALID / "scenario.toml").read_text(encoding="utf-8"))


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the `occurrence`th line containing `needle`."""
    found = [i for i, line in enumerate(text.split("\n"), start=1) if needle in line]
    return found[occurrence - 1]
