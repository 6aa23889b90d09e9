"""The blind writer's self-check of a held-out set, written once for every set.

A held-out set (tests/language/heldout4/, heldout5/, heldout6/) is written by someone
who must never see what the language layer answers on it, so this check runs nothing
of the layer: it imports the standard library and, for the keys and act vocabulary,
tests/language/test_corpus_format.py (pytest and the standard library), so the two
format checks cannot drift apart. Each set keeps only its own table (persona line
ranges and minimums) in its folder's ``check_set.py``, which calls :func:`main`:

    python tests/language/heldout6/check_set.py
    python tests/language/heldout6/check_set.py --against-others

It checks each line's format, counts the positives per act, the negated instructions
and the messages with no act per language and persona section, checks the minimums
and the persona table, and with ``--against-others`` lists the messages of *this* set
whose text (case- and space-insensitive) is also a message of another set. It never
prints another set's messages: only this set's colliding texts, so the writer stays
blind to the other sets too.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tests.language.test_corpus_format import KEYS, LANGUAGES
from tests.language.test_corpus_format import VOCABULARY as ACTS

VOCABULARY = sorted(ACTS)
LANGUAGE_DIR = Path(__file__).parent

Sections = dict[str, tuple[int, int]]


@dataclass(frozen=True)
class SetTable:
    """What one set promises: where each persona's lines are and the minimum counts.

    The line format allows no key beyond text/acts/negated/note, so the persona of a
    line is carried by this table (1-based, inclusive line ranges per language).
    ``min_messages`` 0 means the set promised no size (the fourth set); with
    ``contiguous`` False the table need only end at the file's last line (the fourth
    set's weaker promise), otherwise its sections must cover every line in order.
    """

    folder: Path
    personas: dict[str, Sections]
    min_messages: int
    min_positives: int
    min_negated: int
    min_no_act: int
    contiguous: bool = True


def load(path: Path) -> list[dict]:
    """Every line of a jsonl file, parsed; a bad line stops the check with its number."""
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as error:
            sys.exit(f"{path}:{number}: not JSON: {error}")
    return records


def key(text: str) -> str:
    """The form two texts are compared in: case and runs of white space ignored."""
    return " ".join(text.lower().split())


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


def covers(sections: Sections, total: int, contiguous: bool) -> bool:
    """Whether the persona table fits a file of ``total`` lines (see SetTable)."""
    if not contiguous:
        return not sections or max(last for _, last in sections.values()) == total
    expected_first = 1
    for first, last in sections.values():
        if first != expected_first or last < first:
            return False
        expected_first = last + 1
    return expected_first == total + 1


def report(table: SetTable, lang: str, records: list[dict], out=print) -> list[str]:
    """Print the counts of one language; return the minimums and promises it misses."""
    positives = Counter(act for record in records for act in record["acts"])
    negated = sum(record["negated"] for record in records)
    no_act = sum(not record["acts"] for record in records)
    multi = sum(len(record["acts"]) > 1 for record in records)
    out(
        f"{lang}: {len(records)} messages, {negated} negated, {no_act} with no act, {multi} with 2+ acts"
    )
    out("   " + "  ".join(f"{act} {positives[act]}" for act in VOCABULARY))
    sections = table.personas[lang]
    for persona, (first, last) in sections.items():
        section = records[first - 1 : last]
        out(
            f"   {persona:<11} lines {first}-{last} ({last - first + 1}),"
            f" {sum(record['negated'] for record in section)} negated,"
            f" {sum(not record['acts'] for record in section)} with no act"
        )
    missing = []
    if len(records) < table.min_messages:
        missing.append(f"{lang}: {len(records)} messages < {table.min_messages}")
    missing += [
        f"{lang}: {act} {positives[act]} < {table.min_positives}"
        for act in VOCABULARY
        if positives[act] < table.min_positives
    ]
    if negated < table.min_negated:
        missing.append(f"{lang}: negated {negated} < {table.min_negated}")
    if no_act < table.min_no_act:
        missing.append(f"{lang}: no act {no_act} < {table.min_no_act}")
    if not covers(sections, len(records), table.contiguous):
        missing.append(f"{lang}: persona table does not cover lines 1-{len(records)}")
    return missing


EXAM_SETS = frozenset({"exam1", "exam2"})
"""The exam sets: the phrase banks' and scripted candidates' own sentences, labelled for
training (tests/language/exam1/README.md). Their stock lines ("Que puis-je faire pour
vous ?") are the banks', labelled after every held-out set was written, so no held-out
set is compared with them (an exam set's own check lists what it shares, for whoever
trains on it)."""


CONVERSATION_PREFIX = "context"
"""Sets of whole conversations are the folders named so (context1, context2, context_sample:
one conversation a line, the operator turns labelled at their place; benchmarks/
bench_language_context.py's `CONTEXT_SETS`), not of single messages: no line holds a `text`,
and a stock operator turn ("Werkt het nu?") said in a conversation copies no set."""


WRITTEN_BESIDE = frozenset({frozenset({"heldout13", "heldout14"})})
"""Sets written at the same time by two writers blind to each other: they are not compared with
each other. heldout13 and heldout14 share 16 short stock lines ("Got it.", "Hang on a sec.",
"C'est à quel sujet ?"): a writer's stock line is not a copy of another's message."""


def compared_files(folder: Path, lang: str) -> list[Path]:
    """The other sets' files of one language that the set in ``folder`` is compared with:
    every other set for an exam set, every other set but the exam sets for the others (never
    a set of conversations)."""
    return [
        path
        for path in sorted(LANGUAGE_DIR.glob(f"*/{lang}.jsonl"))
        if path.parent.resolve() != folder.resolve()
        and not path.parent.name.startswith(CONVERSATION_PREFIX)
        and (folder.name in EXAM_SETS or path.parent.name not in EXAM_SETS)
        and frozenset({folder.name, path.parent.name}) not in WRITTEN_BESIDE
    ]


def collisions(table: SetTable, lang: str, records: list[dict]) -> list[str]:
    """This set's texts that are also a text of another set (only this set's side)."""
    others: set[str] = set()
    for path in compared_files(table.folder, lang):
        others |= texts_of(path)
    return [record["text"] for record in records if key(record["text"]) in others]


_TEXTS: dict[tuple[Path, int, int], frozenset[str]] = {}


def texts_of(path: Path) -> frozenset[str]:
    """The keys of a set file's texts, read once per process while the file is unchanged
    (its size and time of change are in the key): the suite compares each set with some
    twenty files, four times a set (three languages and the self-check), in each worker."""
    status = path.stat()
    found = _TEXTS.get(marker := (path.resolve(), status.st_mtime_ns, status.st_size))
    if found is None:
        found = _TEXTS[marker] = frozenset(key(record["text"]) for record in load(path))
    return found


def problems(table: SetTable, against_others: bool = False, out=print) -> list[str]:
    """Everything the set fails to promise, in all three languages (empty when sound)."""
    found = []
    for lang in LANGUAGES:
        records = load(table.folder / f"{lang}.jsonl")
        found += format_errors(lang, records)
        found += report(table, lang, records, out)
        if against_others:
            found += [
                f"{lang}: also in another set: {text!r}"
                for text in collisions(table, lang, records)
            ]
    return found


def main(table: SetTable, description: str) -> int:
    """The command line of a set's check_set.py: print the counts, then each problem."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--against-others", action="store_true", help="list this set's texts found in another set"
    )
    args = parser.parse_args()
    found = problems(table, args.against_others)
    for problem in found:
        print("PROBLEM", problem)
    return 1 if found else 0
