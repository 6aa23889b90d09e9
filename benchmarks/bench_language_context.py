"""The language layer on whole conversations: operator messages read in context, as the exam reads them.

    python benchmarks/bench_language_context.py [--set context1|context2|context_sample] [--lang nl|fr|en]
                                                [--alone] [--reader customer|evidence]
                                                [--misses ACT LANG]

A context set (tests/language/context1/{nl,fr,en}.jsonl) holds one conversation a line:
`{"id", "persona", "channel", "turns": [{"by": "customer"|"operator", "text", "acts",
"negated"}]}`, the operator turns labelled at their place in it. `replay` walks each
conversation and reads each operator turn as the exam reads it there, with the exam's own
functions and arguments, the context worked out from the layer's reading of the turns before
it (never from the labels):

- the place (rules 2.8, `customers.in_context.place_after`; a set's conversation is its case):
  `proposed`, a step or the operator's own fix (`in_context.proposes`: an instruction or
  progress) in the operator's earlier turns; `customer_said`, every customer turn before it;
  `spoke_before`, the operator wrote before. The customer also counts a solution of the
  scenario's answer key told: a set has no answer key, and a solution told is an
  instruction, so `proposes` sees it too.

Two readers, because the exam has two (`--reader`); since rules 2.8 both read the acts in
turn (`check`, `question`, `restate`, `closing`) by one function, `in_context.read_at`:

- **customer** (the default, what the simulated customer answers, `dialogue._built_in`):
  `read_at(text, lang, place).acts`.
- **evidence** (what the assessment credits): COM-2's question, COM-4's restatement, the
  closing step and the check step (`integrity.IN_TURN`) as `read_at` reads them, every other
  act as a procedure step reads it (`assess.wording.acts`: the message alone, quotes taken
  off).

`--alone` scores the same operator turns one by one with `analyse()`, as bench_language.py
scores single messages. The figures are bench_language.py's (`tally`, `Scores`): per act
precision, recall, F1 and support, act-language pairs at F1 >= 0.90 (of 36), macro-F1 (the
mean of the 36 F1s) and negated instructions counted as given. Each table ends with how many
operator turns the two readers read differently, per act. `--misses ACT LANG` prints the
turns misread for one act in one language, each with the customer turn before it. `--compare`
prints the three readings' F1 side by side, per act the turns context reads otherwise than the
message alone (fixed: now as labelled; broken: now against the label), and each reading's pairs,
macro-F1 and negated given.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_language import Scores, tally  # noqa: E402

from helpdesk_tui.assess.integrity import IN_TURN  # noqa: E402
from helpdesk_tui.assess.wording import acts as evidence_acts  # noqa: E402
from helpdesk_tui.customers.in_context import (  # noqa: E402
    Place,
    calming_at,
    finding_at,
    place_after,
    read_at,
    steps_at,
)
from helpdesk_tui.customers.mood import CALMING_ACTS  # noqa: E402
from helpdesk_tui.language import ACTS, LANGUAGES, analyse  # noqa: E402

LANGUAGE_DIR = ROOT / "tests" / "language"
CONTEXT_SETS = {
    "context1": LANGUAGE_DIR / "context1",
    "context2": LANGUAGE_DIR / "context2",
    "context3": LANGUAGE_DIR / "context3",
    "context4": LANGUAGE_DIR / "context4",
    "context_sample": LANGUAGE_DIR / "context_sample",
}
READERS = ("customer", "evidence")
TARGET = 0.90


@dataclass(frozen=True, slots=True)
class Turn:
    """One operator turn of a conversation, its labels and the exam's readings of it."""

    conversation: str
    place: int  # the turn's index in the conversation
    text: str
    acts: tuple[str, ...]  # the labels
    negated: bool
    before: str | None  # the customer turn just before it (None: the operator spoke first)
    proposed: bool  # a step was proposed in the operator's earlier turns (the layer's reading)
    said: int  # how many customer turns came before it
    alone: frozenset[str]  # analyse(): the message alone
    negated_found: tuple[str, ...]  # the layer's negated phrases (context changes none)
    customer: frozenset[str]
    evidence: frozenset[str]
    news: bool  # SOL-6's progress act (`measure_sol._has_news`): alone, or a finding at its place
    calming: frozenset[str]  # what the mood and COM-6 calm on (`in_context.calming_at`)

    def reading(self, reader: str) -> frozenset[str]:
        return {"alone": self.alone, "customer": self.customer, "evidence": self.evidence}[reader]


@dataclass(frozen=True, slots=True)
class Read:
    """A turn as `bench_language.tally` takes a message's reading."""

    acts: frozenset[str]
    negated: tuple[str, ...]
    why: str

    def explain(self) -> str:
        return self.why


def conversations(lang: str, folder: Path) -> list[dict]:
    path = folder / f"{lang}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def customer_reading(text: str, lang: str, place: Place) -> frozenset[str]:
    """The acts the simulated customer reads in an operator message at its place
    (`dialogue._built_in`: the one reading in context, `in_context.read_at`)."""
    return read_at(text, lang, place).acts


def evidence_reading(text: str, lang: str, place: Place) -> frozenset[str]:
    """The acts the assessment credits in an operator message at its place: COM-2's question,
    COM-4's restatement, the closing step's closing question and the check step
    (`integrity.IN_TURN`), all by `in_context.read_at`, and a procedure step's act
    (`wording.acts`, quotes taken off) for the others."""
    reading = read_at(text, lang, place)
    in_turn = IN_TURN | {"restate", "closing"}
    return steps_at(text, lang, evidence_acts(text, lang), reading.acts, in_turn)


def replay_conversation(record: dict, lang: str) -> list[Turn]:
    """Each operator turn of one conversation read at its place, as the exam reads it."""
    turns: list[Turn] = []
    said: list[str] = []
    earlier: list[str] = []
    before: str | None = None
    for place, turn in enumerate(record["turns"]):
        text = turn["text"]
        if turn["by"] == "customer":
            said.append(text)
            before = text
            continue
        at = place_after(earlier, tuple(said), lang)
        proposed = at.proposed
        alone = analyse(text, lang)
        turns.append(
            Turn(
                conversation=record["id"],
                place=place,
                text=text,
                acts=tuple(turn["acts"]),
                negated=bool(turn["negated"]),
                before=before,
                proposed=proposed,
                said=len(said),
                alone=alone.acts,
                negated_found=tuple(alone.negated),
                customer=customer_reading(text, lang, at),
                evidence=evidence_reading(text, lang, at),
                news="progress" in evidence_acts(text, lang) or finding_at(text, lang, at),
                calming=calming_at(text, lang, at),
            )
        )
        earlier.append(text)
    return turns


@cache
def replay(lang: str, folder: Path) -> tuple[Turn, ...]:
    """Every operator turn of a context set in one language, read as the exam reads it (once
    per process: the tests share it)."""
    return tuple(
        t for record in conversations(lang, folder) for t in replay_conversation(record, lang)
    )


def scores(turns: Sequence[Turn], reader: str) -> Scores:
    """bench_language's figures for the turns as one reader reads them."""
    s = Scores()
    for t in turns:
        got = t.reading(reader)
        why = f"[{t.conversation}#{t.place} proposed={t.proposed}] {reader}: {sorted(got)}"
        tally(s, {"text": t.text, "acts": t.acts, "negated": t.negated},
              Read(got, t.negated_found, why))  # fmt: skip
    return s


def support(turns: Sequence[Turn], act: str) -> int:
    return sum(act in t.acts for t in turns)


def summary(per_lang: dict[str, Scores]) -> tuple[int, int, float]:
    """Pairs at F1 >= 0.90, pairs in all, macro-F1 (the mean F1 of the act-language pairs)."""
    f1 = [s.f1(act)[2] for s in per_lang.values() for act in ACTS]
    return sum(f >= TARGET for f in f1), len(f1), sum(f1) / len(f1)


def disagreements(turns: Sequence[Turn]) -> dict[str, int]:
    """Per act, the operator turns the customer and the evidence read differently: a procedure
    step's acts and COM-2/COM-4's, and (ctx-read3) `progress` as SOL-6's news reads it too."""
    differ = {act: sum((act in t.customer) != (act in t.evidence) for t in turns) for act in ACTS}
    differ["progress"] += sum(
        ("progress" in t.customer) != t.news
        and ("progress" in t.customer) == ("progress" in t.evidence)
        for t in turns
    )
    return differ


def mood_disagreements(turns: Sequence[Turn]) -> dict[str, int]:
    """Per calming act, the turns the customer's reply (`read_at`, the message whole) and the
    mood (`calming_at`, sentence by sentence since rules 2.13, and a finding) read differently."""
    return {
        act: sum((act in t.customer) != (act in t.calming) for t in turns)
        for act in sorted(CALMING_ACTS)
    }


def print_differences(turns: Sequence[Turn]) -> None:
    differ = {act: n for act, n in disagreements(turns).items() if n}
    print(f"  customer and evidence read differently: {differ or 'no turn'}")
    mood = {act: n for act, n in mood_disagreements(turns).items() if n}
    print(f"  customer's reply and mood read calming differently: {mood or 'no turn'}")


def table(lang: str, folder: Path, reader: str) -> Scores:
    turns = replay(lang, folder)
    s = scores(turns, reader)
    convs = len({t.conversation for t in turns})
    print(
        f"== {lang} ({folder.name}, {reader}): {convs} conversations, {len(turns)} operator turns"
    )
    print(f"  {'act':<12} {'P':>6} {'R':>6} {'F1':>6} {'supp':>5}  (tp/fp/fn)")
    for act in ACTS:
        p, r, f = s.f1(act)
        mark = "" if f >= TARGET else "  < 0.90"
        print(
            f"  {act:<12} {p:6.3f} {r:6.3f} {f:6.3f} {support(turns, act):>5}"
            f"  ({s.tp[act]}/{s.fp[act]}/{s.fn[act]}){mark}"
        )
    negated = sum(t.negated for t in turns)
    print(f"  negated instructions counted as given: {len(s.negated_given)} (of {negated} negated)")
    for text in s.negated_given:
        print(f"    {text}")
    print_differences(turns)
    return s


def changed(turns: Sequence[Turn], act: str, reader: str = "customer") -> tuple[int, int]:
    """Turns whose `act` context reads otherwise than the message alone: (fixed, broken), those
    it reads as labelled and those it reads against the label."""
    moved = [t for t in turns if (act in t.alone) != (act in t.reading(reader))]
    fixed = sum((act in t.reading(reader)) == (act in t.acts) for t in moved)
    return fixed, len(moved) - fixed


def compare(langs: Sequence[str], folder: Path) -> None:
    """The message alone, the customer's reading and the evidence's, side by side: F1 per act,
    and the turns context reads otherwise than the message alone (fixed / broken)."""
    per: dict[str, dict[str, Scores]] = {r: {} for r in ("alone", *READERS)}
    for lang in langs:
        turns = replay(lang, folder)
        for reader in per:
            per[reader][lang] = scores(turns, reader)
        print(f"== {lang} ({folder.name}): {len(turns)} operator turns")
        print(
            f"  {'act':<12} {'supp':>4}  {'alone P/R/F1':>18}  {'in context P/R/F1':>18}"
            f"  {'evid F1':>7} {'delta':>6}  fixed/broken"
        )
        for act in ACTS:
            a, c = per["alone"][lang].f1(act), per["customer"][lang].f1(act)
            fixed, broken = changed(turns, act)
            print(
                f"  {act:<12} {support(turns, act):>4}  {a[0]:.2f} {a[1]:.2f} {a[2]:6.3f}"
                f"  {c[0]:.2f} {c[1]:.2f} {c[2]:6.3f}  {per['evidence'][lang].f1(act)[2]:7.3f}"
                f" {c[2] - a[2]:+6.3f}  {fixed}/{broken}"
            )
        print_differences(turns)
    for reader, by_lang in per.items():
        met, pairs, macro = summary(by_lang)
        negated = sum(len(s.negated_given) for s in by_lang.values())
        print(
            f"{reader:<9} pairs >= {TARGET}: {met}/{pairs}, macro-F1 {macro:.3f}, negated given {negated}"
        )


def floors(langs: Sequence[str], folder: Path, reader: str) -> None:
    """The measured F1s rounded down to 0.01 and the negated given, as a test's floor table."""
    print("FLOOR = {")
    for lang in langs:
        s = scores(replay(lang, folder), reader)
        cells = ", ".join(
            f'"{act}": {math.floor(round(s.f1(act)[2] * 100, 6)) / 100}' for act in ACTS
        )
        print(f'    "{lang}": {{{cells}}},')
    print("}")
    given = {lang: len(scores(replay(lang, folder), reader).negated_given) for lang in langs}
    print(f"NEGATED_GIVEN = {given}")
    differ = {lang: disagreements(replay(lang, folder)) for lang in langs}
    print(f"DISAGREE = {differ}")


def misses(act: str, lang: str, folder: Path, reader: str) -> None:
    """The turns misread for `act`, each with the customer turn before it."""
    for t in replay(lang, folder):
        got, want = act in t.reading(reader), act in t.acts
        if got == want:
            continue
        kind = "FP" if got else "FN"
        print(f"{kind} {t.conversation}#{t.place} proposed={t.proposed} said={t.said}")
        print(f"   customer: {t.before!r}")
        print(f"   operator: {t.text!r}")
        print(f"   labels {sorted(t.acts)}; {reader} {sorted(t.reading(reader))}; "
              f"alone {sorted(t.alone)}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=CONTEXT_SETS, default="context1")
    parser.add_argument("--lang", choices=LANGUAGES)
    parser.add_argument("--alone", action="store_true", help="each operator turn by itself")
    parser.add_argument("--reader", choices=READERS, default="customer")
    parser.add_argument("--misses", nargs=2, metavar=("ACT", "LANG"))
    parser.add_argument(
        "--compare", action="store_true", help="alone, customer and evidence F1 side by side"
    )
    parser.add_argument("--floors", action="store_true", help="print the F1 floors for a test")
    args = parser.parse_args()
    folder = CONTEXT_SETS[args.set]
    langs = [args.lang] if args.lang else list(LANGUAGES)
    if args.compare:
        compare(langs, folder)
        return 0
    if args.floors:
        floors(langs, folder, args.reader)
        return 0
    reader = "alone" if args.alone else args.reader
    if args.misses:
        act, lang = args.misses
        if act not in ACTS or lang not in LANGUAGES:
            parser.error(f"--misses ACT LANG: an act of {ACTS} and one of {LANGUAGES}")
        misses(act, lang, folder, reader)
        return 0
    started, cpu = time.perf_counter(), time.process_time()
    for lang in langs:
        replay(lang, folder)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    per_lang = {lang: table(lang, folder, reader) for lang in langs}
    met, pairs, macro = summary(per_lang)
    negated = sum(len(s.negated_given) for s in per_lang.values())
    print(
        f"{reader}: pairs >= {TARGET}: {met}/{pairs}, macro-F1 {macro:.3f}, negated given {negated}"
    )
    print(f"replay (both readers and alone, cold caches): wall {wall:.2f} s, CPU {cpu:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
