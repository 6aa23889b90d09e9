"""The stems a message shares with the customer's, found by look-ups (perf25), are the ones
every pair compared finds: the rule written out here as it stood before (rules 2.8)."""

from __future__ import annotations

import random

from helpdesk_tui.customers import dialogue
from helpdesk_tui.customers.content_words import CONTENT_MIN_LENGTH, STEM_LENGTH


def pairwise(mine: set[str], theirs: set[str]) -> set[str]:
    """Every pair: the same stem, or the shorter a whole word of 4 letters (at least 4,
    under 5) that starts the longer."""

    def same(a: str, b: str) -> bool:
        if a == b:
            return True
        shorter, longer = sorted((a, b), key=len)
        return 4 <= len(shorter) < 5 and longer.startswith(shorter)

    return {m for m in mine if any(same(m, t) for t in theirs)}


def test_the_lengths_are_the_ones_the_rule_was_written_for() -> None:
    assert (CONTENT_MIN_LENGTH, STEM_LENGTH) == (4, 5)


def test_hand_made_stems() -> None:
    theirs = {"sync", "print", "toner", "vpn", "came", "wachtw"}
    mine = {
        "synci",
        "sync",
        "prin",
        "print",
        "tone",
        "camer",
        "cam",
        "vp",
        "wach",
        "wachtw",
        "mail",
    }
    expected = {"synci", "sync", "prin", "print", "tone", "camer", "wach", "wachtw"}
    assert pairwise(mine, theirs) == expected
    assert dialogue._shared_stems(mine, theirs) == expected


def test_random_stems_over_a_small_alphabet() -> None:
    rng = random.Random(25)
    for _ in range(3000):

        def stems(n: int) -> set[str]:
            return {"".join(rng.choice("abé") for _ in range(rng.randint(1, 7))) for _ in range(n)}

        mine, theirs = stems(rng.randint(0, 12)), stems(rng.randint(0, 12))
        assert dialogue._shared_stems(mine, theirs) == pairwise(mine, theirs), (mine, theirs)
