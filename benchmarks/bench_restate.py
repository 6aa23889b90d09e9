"""Benchmark: the cost of reading a restatement in context (rules 2.3, branch evid12).

    python benchmarks/bench_restate.py [--rounds N]

`customers.dialogue.restates_in_turn` runs on every candidate message the customer answers
with a built-in line and on every message COM-4 reads. Times one call per message of the
test wordings (tests/customers/test_restate_in_context.py), caches cleared before each round
so every call analyses afresh, and prints the median and p99 per call in microseconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from customers.test_restate_in_context import NOT_RESTATEMENTS, RESTATEMENTS, SAID  # noqa: E402

from helpdesk_tui.customers import dialogue  # noqa: E402
from helpdesk_tui.language import analyse  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args(argv)
    cases = [(lang, t) for table in (RESTATEMENTS, NOT_RESTATEMENTS) for lang, ts in table.items()
             for t in ts]  # fmt: skip
    for lang, text in cases:  # warm the lexicons and lemma data
        dialogue.restates_in_turn(text, lang, SAID[lang])
    for name, call in (
        ("analyse (the layer alone)", lambda lang, text: analyse(text, lang)),
        ("restates_in_turn", lambda lang, text: dialogue.restates_in_turn(text, lang, SAID[lang])),
    ):
        times: list[float] = []
        for _ in range(args.rounds):
            for lang, text in cases:
                for cached in (analyse, dialogue._in_context, dialogue.acts_in):
                    clear = getattr(cached, "cache_clear", None)
                    if clear is not None:
                        clear()
                began = time.perf_counter()
                call(lang, text)
                times.append((time.perf_counter() - began) * 1e6)
        times.sort()
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        print(f"{name:<28} calls {len(times)}  median {statistics.median(times):.0f} us  "
              f"p99 {p99:.0f} us")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
