"""Self-check of the fifth held-out set, written by its blind writer.

Runs nothing of the language layer (it imports the standard library and, for the
keys and act vocabulary, tests/language/test_corpus_format.py), so it can be run
by anyone without seeing what the layer answers. It checks each line's format
against the corpus format, counts the positives per act, the negated
instructions and the messages with no act per language and persona section, and,
with --against-others, lists the messages of *this* set whose text (case- and
space-insensitive) is also a message of another set. It never prints another
set's messages: only this set's colliding texts, so the writer stays blind.

    python tests/language/heldout5/check_set.py
    python tests/language/heldout5/check_set.py --against-others
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).parent
# The keys and the act vocabulary of a line come from the corpus format test (it
# imports pytest and the standard library, nothing of the layer), so the two checks
# cannot drift apart.
sys.path.insert(0, str(HERE.parent))
from test_corpus_format import KEYS, LANGUAGES  # noqa: E402
from test_corpus_format import VOCABULARY as ACTS  # noqa: E402

VOCABULARY = sorted(ACTS)
MIN_MESSAGES, MIN_POSITIVES, MIN_NEGATED, MIN_NO_ACT = 350, 25, 35, 35
# Persona sections as written (1-based line ranges); the format allows no extra key,
# so the README and this table carry the persona of each line.
PERSONAS = {
    "nl": {
        "night ward": (1, 77),
        "handover": (78, 148),
        "script": (149, 219),
        "flemish": (220, 292),
        "autocorrect": (293, 363),
    },
    "fr": {
        "outage": (1, 73),
        "regional": (74, 147),
        "voice": (148, 215),
        "night ward": (216, 284),
        "handover": (285, 361),
    },
    "en": {
        "regional": (1, 77),
        "indian": (78, 153),
        "outage": (154, 224),
        "voice": (225, 293),
        "script": (294, 364),
    },
}


def load(path: Path) -> list[dict]:
    """Every line of a jsonl file, parsed; a bad line stops the check with its number."""
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as error:
            sys.exit(f"{path}:{number}: not JSON: {error}")
    return records


def format_errors(lang: str, records: list[dict]) -> list[str]:
    """The lines that break the corpus format, each named by file and line."""
    errors = []
    for number, record in enumerate(records, 1):
        where = f"{lang}.jsonl:{number}"
        if not isinstance(record, dict) or not {"text", "acts", "negated"} <= record.keys() <= KEYS:
            errors.append(f"{where}: keys")
            continue
        acts = record["acts"]
        if not isinstance(record["text"], str) or not record["text"].strip():
            errors.append(f"{where}: empty text")
        if (
            not isinstance(acts, list)
            or not set(acts) <= set(VOCABULARY)
            or len(set(acts)) != len(acts)
        ):
            errors.append(f"{where}: acts {acts!r}")
        if not isinstance(record["negated"], bool):
            errors.append(f"{where}: negated is not a boolean")
    texts = [key(record["text"]) for record in records]
    errors += [
        f"{lang}.jsonl: listed twice: {text!r}" for text, n in Counter(texts).items() if n > 1
    ]
    return errors


def key(text: str) -> str:
    """The form two texts are compared in: case and runs of white space ignored."""
    return " ".join(text.lower().split())


def report(lang: str, records: list[dict]) -> list[str]:
    """Print the counts of one language; return the minimums it misses."""
    positives = Counter(act for record in records for act in record["acts"])
    negated = sum(record["negated"] for record in records)
    no_act = sum(not record["acts"] for record in records)
    multi = sum(len(record["acts"]) > 1 for record in records)
    print(
        f"{lang}: {len(records)} messages, {negated} negated, {no_act} with no act, {multi} with 2+ acts"
    )
    print("   " + "  ".join(f"{act} {positives[act]}" for act in VOCABULARY))
    for persona, (first, last) in PERSONAS[lang].items():
        section = records[first - 1 : last]
        print(
            f"   {persona:<11} lines {first}-{last} ({last - first + 1}),"
            f" {sum(record['negated'] for record in section)} negated"
        )
    missing = (
        [f"{lang}: {len(records)} messages < {MIN_MESSAGES}"] if len(records) < MIN_MESSAGES else []
    )
    missing += [
        f"{lang}: {act} {positives[act]} < {MIN_POSITIVES}"
        for act in VOCABULARY
        if positives[act] < MIN_POSITIVES
    ]
    if negated < MIN_NEGATED:
        missing.append(f"{lang}: negated {negated} < {MIN_NEGATED}")
    if no_act < MIN_NO_ACT:
        missing.append(f"{lang}: no act {no_act} < {MIN_NO_ACT}")
    if not contiguous(PERSONAS[lang], len(records)):
        missing.append(f"{lang}: persona table does not cover lines 1-{len(records)} in order")
    return missing


def contiguous(sections: dict[str, tuple[int, int]], total: int) -> bool:
    """Whether the persona sections follow one another from line 1 to the last line."""
    expected_first = 1
    for first, last in sections.values():
        if first != expected_first or last < first:
            return False
        expected_first = last + 1
    return expected_first == total + 1


def collisions(lang: str, records: list[dict]) -> list[str]:
    """This set's texts that are also a text of another set (only this set's side is returned)."""
    others = set()
    for path in sorted(HERE.parent.glob(f"*/{lang}.jsonl")):
        if path.parent != HERE:
            others |= {key(record["text"]) for record in load(path)}
    return [record["text"] for record in records if key(record["text"]) in others]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--against-others", action="store_true", help="list this set's texts found in another set"
    )
    args = parser.parse_args()
    problems = []
    for lang in LANGUAGES:
        records = load(HERE / f"{lang}.jsonl")
        problems += format_errors(lang, records)
        problems += report(lang, records)
        if args.against_others:
            for text in collisions(lang, records):
                problems.append(f"{lang}: also in another set: {text!r}")
    for problem in problems:
        print("PROBLEM", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
