"""Which labelled sets a held-out set is compared with, from one list (heldout_checks.py).

The test modules of heldout2 to heldout7 each listed the sets written before them by
hand (six tuples, each one longer than the last); they are derived from
`WRITTEN_IN_ORDER` now, so a new set is one line there."""

from __future__ import annotations

from tests.language.heldout_checks import WRITTEN_IN_ORDER, written_before
from tests.language.test_corpus_targets import BENCH_MODULE

SETS = BENCH_MODULE.SETS

BY_HAND = {
    "heldout2": ("corpus", "heldout"),
    "heldout3": ("corpus", "heldout", "heldout2"),
    "heldout4": ("corpus", "heldout", "heldout2", "heldout3", "dev2"),
    "heldout5": ("corpus", "heldout", "heldout2", "heldout3", "heldout4", "dev2"),
    "heldout6": ("corpus", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "dev2"),
    "heldout7": (
        "corpus", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "dev2",
    ),
}  # fmt: skip
"""What the test modules listed by hand before (git show b9747d0:tests/language/test_heldout7.py)."""


def test_every_set_of_the_benchmark_is_in_the_written_order_once() -> None:
    assert sorted(WRITTEN_IN_ORDER) == sorted(SETS)


def test_each_set_is_compared_with_the_sets_it_listed_by_hand() -> None:
    for name, listed in BY_HAND.items():
        assert set(written_before(SETS[name])) == {SETS[n] for n in listed}, name


def test_the_sets_written_before_the_rule_are_compared_with_none() -> None:
    assert written_before(SETS["heldout"]) == written_before(SETS["dev2"]) == ()
