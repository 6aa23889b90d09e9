"""Self-check of the context4 set's format, its sizes, its overlap with the other sets, and the
README's tables.

Run: ``python tests/language/context4/check_set.py`` (exit status 1 on any problem).
Pure JSON and text: it reads the three files (and, for the overlap, the text of the other sets'
JSONL files) and nothing of the language layer. The format rules are context2's (``problems``
and ``counts`` of ``../context2/check_set.py``); this set's task raises the sizes to 50
conversations and 420 operator turns per language, and asks that no operator turn's text equal a
line of another set, so a figure on this set is never a figure on text the layer was tuned on.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
LANGUAGE_DIR = HERE.parent


def _sibling_check(name: str) -> ModuleType:
    """Another set's ``check_set.py`` as a module: its rules are reused, not copied."""
    spec = importlib.util.spec_from_file_location(
        f"{name}_check", LANGUAGE_DIR / name / "check_set.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_context2 = _sibling_check("context2")
tables = _sibling_check("context3").tables
"""The README's two tables, printed as context3's are."""
LANGS = _context2.LANGS
ACTS = _context2.ACTS
counts = _context2.counts
MIN_CONVERSATIONS = 50
MIN_OPERATOR_TURNS = 420
WRITTEN_BEFORE = (
    "agreement",
    "context1",
    "context2",
    "context3",
    "context_sample",
    "corpus",
    "dev2",
    "exam1",
    "exam2",
    "heldout",
    *(f"heldout{n}" for n in range(2, 16)),
)
"""The folders of tests/language holding JSONL when this set was written (main 88d46dd): the
overlap is checked against them only, so a set written later that happens to share a stock
line with this one does not make this set's check fail (its own check is its writer's)."""


def load(lang: str) -> list[dict]:
    """This set's conversations of one language, one JSON object per line."""
    lines = (HERE / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def problems(lang: str, conversations: list[dict]) -> list[str]:
    """Context2's format problems, plus this task's sizes, as readable sentences."""
    out = list(_context2.problems(lang, conversations))
    figures = counts(conversations)
    if figures["conversations"] < MIN_CONVERSATIONS:
        out.append(f"{lang}: {figures['conversations']} conversations < {MIN_CONVERSATIONS}")
    if figures["operator"] < MIN_OPERATOR_TURNS:
        out.append(f"{lang}: {figures['operator']} operator turns < {MIN_OPERATOR_TURNS}")
    return out


def _norm(text: str) -> str:
    """Case, Unicode form and spacing do not make a line new."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _texts(value: object) -> Iterator[str]:
    """Every ``text`` or ``message`` string inside one JSON record, however nested."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str) and key in ("text", "message"):
                yield item
            else:
                yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def other_lines() -> set[str]:
    """The normalised text lines of every JSONL file of the sets written before this one."""
    seen: set[str] = set()
    for path in sorted(LANGUAGE_DIR.rglob("*.jsonl")):
        if path.relative_to(LANGUAGE_DIR).parts[0] not in WRITTEN_BEFORE:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                seen.update(_norm(t) for t in _texts(json.loads(line)))
            except json.JSONDecodeError:
                continue
    return seen


def overlaps(others: set[str]) -> list[str]:
    """This set's operator turns whose text equals another set's line (only ours is printed)."""
    return [
        f"{c['id']}: operator text {t['text']!r} is another set's line"
        for lang in LANGS
        for c in load(lang)
        for t in c["turns"]
        if t.get("by") == "operator" and _norm(t["text"]) in others
    ]


def shared_ids() -> list[str]:
    """Ids used in more than one of the three files."""
    ids = Counter(c.get("id") for lang in LANGS for c in load(lang))
    return [f"id {i!r} in several files" for i, n in ids.items() if n > 1]


def readme_problems() -> list[str]:
    """What the README lacks: the labels commit's hash, or a row of the tables printed here."""
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    out = [] if re.search(r"Labels commit: `[0-9a-f]{40}`", readme) else ["no labels commit"]
    figures = {lang: counts(load(lang)) for lang in LANGS}
    return out + [f"README lacks {row!r}" for row in tables(figures) if row not in readme]


def main() -> int:
    figures = {lang: counts(load(lang)) for lang in LANGS}
    bad = [line for lang in LANGS for line in problems(lang, load(lang))]
    bad += shared_ids() + overlaps(other_lines())
    print("\n".join([*tables(figures), *(f"PROBLEM {line}" for line in bad)]))
    print(f"{len(bad)} problem(s)" if bad else "ok")
    return int(bool(bad))


if __name__ == "__main__":
    sys.exit(main())
