"""Dump every reading of every labelled message, to compare two trees' language layers.

    python benchmarks/readings_same.py --out FILE [--all-languages]
    python benchmarks/readings_same.py --compare FILE_A FILE_B

Reads every `*.jsonl` under tests/language (the corpus, heldout*, dev2, exam1/2, context*,
agreement...), takes every "text" in it (a labelled message, or a turn of a context set:
the customer's too) and writes `analyse(text, lang)` in the file's language (with
`--all-languages`, in all three: more of the rules' paths are tried on a text written in
another language) as one JSON line: the acts, the negated excerpts, every match (kind, rule,
span, words, negated), the matches ruled out, and the tokens (norm, lemma, negated).

Made for branch perf24 (the rule matcher): run it with main's tree on PYTHONPATH and with
this one, then `--compare`; the gate is zero differences. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

LANGUAGE_SETS = Path(__file__).resolve().parents[1] / "tests" / "language"
LANGS = ("en", "fr", "nl")


def texts_in(value: object) -> Iterator[str]:
    """Every string under a "text" key, anywhere in a JSON value, in document order."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            text = item.get("text")
            if isinstance(text, str):
                yield text
            pending.extend(reversed([v for k, v in item.items() if k != "text"]))
        elif isinstance(item, list):
            pending.extend(reversed(item))


def labelled(root: Path) -> Iterator[tuple[str, str, str]]:
    """(set file, its language, text) for every text of every labelled set, sorted by file."""
    for path in sorted(root.rglob("*.jsonl")):
        lang = path.stem
        if lang not in LANGS:
            continue
        name = str(path.relative_to(root))
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                for text in texts_in(json.loads(line)):
                    yield name, lang, text


def reading(analysis) -> dict:
    """What an analysis says, as plain JSON."""
    return {
        "acts": sorted(analysis.acts),
        "negated": list(analysis.negated),
        "matches": [
            [m.kind, m.rule, list(m.span), list(m.words), m.negated, m.overruled]
            for m in analysis.matches
        ],
        "explain": analysis.explain(),
        "ruled_out": [[m.kind, m.rule, list(m.span), list(m.words)] for m in analysis.ruled_out],
        "tokens": [[t.norm, t.lemma, t.negated] for t in analysis.tokens],
    }


def dump(out: Path, all_languages: bool) -> int:
    from helpdesk_tui.language.analyse import analyse

    count = 0
    digest = hashlib.sha256()
    with out.open("w", encoding="utf-8") as file:
        for name, lang, text in labelled(LANGUAGE_SETS):
            for reading_lang in LANGS if all_languages else (lang,):
                line = json.dumps(
                    [name, reading_lang, text, reading(analyse(text, reading_lang))],
                    ensure_ascii=False,
                )
                file.write(line + "\n")
                digest.update(line.encode() + b"\n")
                count += 1
    print(f"{count} readings written to {out}; sha256 {digest.hexdigest()}")
    return count


def compare(a: Path, b: Path, most: int = 20) -> int:
    """The number of lines that differ (printed, the first `most`); 0: the same readings."""
    left = a.read_text(encoding="utf-8").splitlines()
    right = b.read_text(encoding="utf-8").splitlines()
    if len(left) != len(right):
        print(f"{a} has {len(left)} readings, {b} has {len(right)}")
    differ = [(x, y) for x, y in zip(left, right, strict=False) if x != y]
    for x, y in differ[:most]:
        print(f"- {x}\n+ {y}")
    total = len(differ) + abs(len(left) - len(right))
    print(f"{len(left)} readings compared: {total} differ")
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--all-languages", action="store_true")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"))
    args = parser.parse_args(argv)
    if args.compare:
        return 1 if compare(*args.compare) else 0
    if args.out is None:
        parser.error("give --out FILE or --compare A B")
    dump(args.out, args.all_languages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
