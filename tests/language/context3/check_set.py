"""Self-check of the context3 set's format, and the README's tables.

Run: ``python tests/language/context3/check_set.py`` (exit status 1 on any problem).
Pure JSON: it reads the three files and nothing of the language layer. The rules are
context2's (``problems`` and ``counts`` of ``../context2/check_set.py``: keys, act names
from the docs' table, labelled operator turns, ids, 50 conversations, 320 operator turns and
20 negated turns per language, 5 to 25 operator turns per conversation, five personas); this
file applies them to this folder and prints the counts as the README's two tables.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location(
    "context2_check", HERE.parent / "context2" / "check_set.py"
)
_context2 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_context2)
LANGS = _context2.LANGS
ACTS = _context2.ACTS
problems = _context2.problems
counts = _context2.counts


def load(lang: str) -> list[dict]:
    """This set's conversations of one language, one JSON object per line."""
    lines = (HERE / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def tables(figures: dict[str, dict]) -> list[str]:
    """The README's tables: the totals per language, then the operator turns per act."""
    rows = [
        "| lang | conversations | operator turns | customer turns | negated | no act | chat / call |",
        "|---|---|---|---|---|---|---|",
    ]
    for lang, f in figures.items():
        ch = f["channels"]
        rows.append(
            f"| {lang} | {f['conversations']} | {f['operator']} | {f['customer']} | "
            f"{f['negated']} | {f['no_act']} | {ch.get('chat', 0)} / {ch.get('call', 0)} |"
        )
    rows += ["", "| act | " + " | ".join(figures) + " |", "|---|" + "---|" * len(figures)]
    rows += [
        f"| {a} | " + " | ".join(str(f["acts"][a]) for f in figures.values()) + " |" for a in ACTS
    ]
    return rows


def main() -> int:
    figures = {lang: counts(load(lang)) for lang in LANGS}
    bad = [line for lang in LANGS for line in problems(lang, load(lang))]
    ids = Counter(c.get("id") for lang in LANGS for c in load(lang))
    bad += [f"id {i!r} in several files" for i, n in ids.items() if n > 1]
    print("\n".join([*tables(figures), *(f"PROBLEM {line}" for line in bad)]))
    print(f"{len(bad)} problem(s)" if bad else "ok")
    return int(bool(bad))


if __name__ == "__main__":
    sys.exit(main())
