"""Benchmark: the CPU of analysing the 100,000-record bench log's distinct messages.

    python benchmarks/bench_matcher.py [--repeat 5] [--messages 3000] [--profile N]

The texts are the pool bench_report.py draws the log's chat messages from (`message_pool`
of the bench scenario's language, 3,000 distinct texts; the log adds the ideal policy's
few). Each round clears the analysis cache and analyses every text once (`analyse`: the
rules' reading and the act model), timed by `time.process_time`; the language is warmed
first (lexicon, lemma tables, act model) and the rule matcher's memos are emptied before each
round (a report's process builds them as it reads), so a round is the matching alone (the
lemmatiser's answers stay warm after the first). Prints every
round and the best, and the share of `rules_analysis` (`--profile N`: the N costliest
functions of one round under cProfile, for the shape only). Branch perf24; see
benchmarks/README.md, "The rule matcher (branch perf24)".
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_report import message_pool  # noqa: E402 - the log's own pool of texts

from helpdesk_tui.language.analyse import analyse, rules_analysis  # noqa: E402
from helpdesk_tui.language.lexicon import lexicon  # noqa: E402

LANG = "en"
"""bench_report's five-hour scenario is English (bench_simulate.write_scenario)."""


def cold(lang: str) -> None:
    """Forget the analyses and the rule matcher's memos (perf24's, when the tree has them):
    a report's process reads each distinct text once, with memos it builds as it goes."""
    analyse.cache_clear()  # type: ignore[attr-defined]
    lex = lexicon(lang)
    for memo in ("word_rules", "phrase_nexts"):
        getattr(lex, memo, {}).clear()


def one_round(texts: list[str], lang: str, read=analyse) -> float:
    """The CPU of `read` (analyse, or rules_analysis alone) over the texts, from cold memos."""
    cold(lang)
    began = time.process_time()
    for text in texts:
        read(text, lang)
    return time.process_time() - began


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--messages", type=int, default=3000)
    parser.add_argument("--lang", default=LANG)
    parser.add_argument("--profile", type=int, default=0)
    args = parser.parse_args(argv)
    texts = message_pool(args.lang, args.messages)
    analyse("Warm up the lexicon, please.", args.lang)
    rounds = [one_round(texts, args.lang) for _ in range(args.repeat)]
    rules = [one_round(texts, args.lang, rules_analysis) for _ in range(args.repeat)]
    print(f"{len(texts)} texts ({args.lang}), analyse, CPU s a round: "
          + ", ".join(f"{r:.3f}" for r in rounds) + f"; best {min(rounds):.3f}")  # fmt: skip
    print("rules_analysis alone, CPU s a round: "
          + ", ".join(f"{r:.3f}" for r in rules) + f"; best {min(rules):.3f}")  # fmt: skip
    if args.profile:
        cold(args.lang)
        profiler = cProfile.Profile(time.process_time)
        profiler.runcall(lambda: [analyse(t, args.lang) for t in texts])
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
