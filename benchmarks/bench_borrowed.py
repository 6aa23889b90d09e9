"""Benchmark: how much of each message is an article's or the customer's words in order (2.15).

    python benchmarks/bench_borrowed.py --dir DIR [--scenario S ...] [--policy P ...] [--show P]

Reads the logs `bench_reassess.py play` pickled to DIR and prints, per policy, how the sentences
of what the candidate told a customer score on `integrity.kb_borrowed` and
`integrity.customer_borrowed` (the share of a sentence's content words found in order in one
stretch of an article, or of what the customer had said before): how many sentences were
measured (`BORROWED_MIN_WORDS` content words or more) and how many reach each share. The
threshold `BORROWED_SHARE_ALIGNED` is chosen between the competent banks' column and the
cheaters'. A third table: every question of two parts or more in the candidate's own words, by
the share of its frame in runs put to other customers (`ASSEMBLED_SHARE`). `--show P` prints P's sentences at or above the lowest share shown, for reading.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import defaultdict
from pathlib import Path

from bench_evidence import bundled

from helpdesk_tui import paths
from helpdesk_tui.assess import integrity, substance
from helpdesk_tui.assess.cases import build_cases
from helpdesk_tui.assess.context import Context
from helpdesk_tui.assess.evidence import EvidenceGatherer
from helpdesk_tui.assess.wording import acts, sentences, words
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.simulate.policies import POLICIES

SHARES = (0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1.0)


def context_of(events: list, scenario) -> Context:
    """The assessment's context for a pickled log, built as `EvidenceGatherer.result` does."""
    gatherer = EvidenceGatherer(scenario).feed_all(enumerate(events, start=1))
    state = gatherer.state
    lang = state.language if state.language in ("nl", "fr", "en") else "en"
    cases = build_cases(state, gatherer.tracker, scenario)
    return Context(state, gatherer.tracker, scenario, lang, cases, gatherer.tracker.finish(),
                   state.now, text_lang=lang)  # fmt: skip


def echoed(case, sentence: str, action) -> bool:
    """The clause holds a run of `ECHO_RUN_WORDS` of what the customer had said or written."""
    size = integrity.ECHO_RUN_WORDS
    mine = integrity._runs(words(sentence), size)
    return any(not mine.isdisjoint(integrity._runs(words(t), size))
               for t in integrity.customer_wrote(case, action))  # fmt: skip


def scores(ctx: Context) -> list[tuple[str, float, float, str]]:
    """(seq:case, kb share, customer share, sentence) for every measured sentence said that the
    exact runs (`KB_RUN_WORDS` of an article, `ECHO_RUN_WORDS` of the customer) did not catch:
    what the aligned share adds."""
    out = []
    for case in ctx.cases:
        for action in case.said():
            for sentence in integrity.clauses(action.text or ""):
                if integrity.kb_copies(ctx, sentence) or echoed(case, sentence, action):
                    continue
                kb = integrity.kb_borrowed(ctx, sentence)
                theirs = integrity.customer_borrowed(ctx, case, sentence, action)[0]
                if len(integrity._content_code(ctx, sentence)) >= integrity.BORROWED_MIN_WORDS:
                    out.append((f"#{action.seq} {case.customer_id}", kb, theirs, sentence))
    return out


def assembled_shares(ctx: Context) -> list[tuple[str, float, str]]:
    """(who, share, sentence) for every question of two parts or more in the candidate's own
    words: the share of its frame in runs put to other customers (`substance._assembled`)."""
    names = substance._names(ctx)
    runs = substance._frame_runs(ctx)
    out = []
    for action, text, who in integrity._own_words(ctx):
        stems = substance._customer_stems(ctx, who, action.seq)
        for sentence in sentences(text):
            if "question" not in acts(sentence, ctx.text_lang):
                continue
            parts = [i for i in integrity.list_items(sentence)
                     if len(substance._frame(" ".join(i), names, stems)) >= 3]  # fmt: skip
            frame = substance._bare(substance._frame(sentence, names, stems))
            if len(parts) < 2 or not frame:
                continue
            size = substance.ASSEMBLED_RUN
            others = {r for r in integrity._runs(frame, size) if runs.get(r, frozenset()) - {who}}
            share = len(integrity._covered(frame, others, size)) / len(frame)
            out.append((who, share, sentence))
    return out


def row(name: str, values: list[float]) -> str:
    counts = " ".join(f"{sum(v >= s for v in values):>6}" for s in SHARES)
    return f"{name:<26} {len(values):>6} {counts}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policy", action="append", choices=list(POLICIES))
    parser.add_argument("--scenario", action="append")
    parser.add_argument("--dir", type=Path, required=True)
    parser.add_argument("--show", action="append", default=[])
    parser.add_argument("--show-from", type=float, default=0.7)
    args = parser.parse_args(argv)
    policies = args.policy or [p for p in POLICIES if p != "idle"]
    kb: dict[str, list[float]] = defaultdict(list)
    theirs: dict[str, list[float]] = defaultdict(list)
    questions: dict[str, list[float]] = defaultdict(list)
    shown: list[str] = []
    for name in args.scenario or bundled():
        scenario = load_scenario(paths.scenarios_dir() / name)
        for policy in policies:
            path = args.dir / f"{name}.{policy}.pickle"
            if not path.is_file():
                continue
            ctx = context_of(pickle.loads(path.read_bytes()), scenario)
            for who, share, sentence in assembled_shares(ctx):
                questions[policy].append(share)
                if policy in args.show and share >= args.show_from:
                    shown.append(f"{name[:12]} {policy} {who} assembled={share:.2f} {sentence}")
            for where, k, t, sentence in scores(ctx):
                kb[policy].append(k)
                theirs[policy].append(t)
                if policy in args.show and max(k, t) >= args.show_from:
                    shown.append(f"{name[:12]} {policy} {where} kb={k:.2f} cust={t:.2f} {sentence}")
    head = f"{'policy':<26} {'sent.':>6} " + " ".join(f"{'>=' + str(s):>6}" for s in SHARES)
    tables = (
        ("article (kb_borrowed), clauses", kb),
        ("customer (customer_borrowed), clauses", theirs),
        ("questions of two parts or more (substance._assembled's share)", questions),
    )
    for title, table in tables:
        print(f"\n{title}\n{head}")
        for policy in policies:
            if table.get(policy):
                print(row(policy, table[policy]))
    print("\n".join(shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
