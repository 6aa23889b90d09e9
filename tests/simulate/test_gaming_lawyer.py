"""`lawyer`, the second cheater written blind from the published rules (its run without the
answer key is tested with the other cheaters' in test_gaming.py)."""

from __future__ import annotations

from collections import Counter

from helpdesk_tui.simulate.runner import run_headless
from simulate.kit import make_scenario


def test_lawyer_never_interrupts_and_waits_for_the_customer_to_finish() -> None:
    result = run_headless(make_scenario(), "lawyer")
    sent = Counter(
        e.data.get("interrupted", False) for e in result.events if e.type == "message_sent"
    )
    assert sent[False] > 5 and sent[True] == 0
    # Waiting is a look at the conversation once the customer is done, so the lawyer wakes
    # without a stimulus: every customer message before its goodbye gets an answer.
    looks = [e for e in result.events if e.type == "focus_moved"]
    assert looks


def test_lawyer_never_sends_one_text_to_three_customers() -> None:
    result = run_headless(make_scenario(), "lawyer")
    to_whom: dict[str, set[str]] = {}
    for e in result.events:
        if e.type == "message_sent":
            conv = result.state.conversations[e.data["conversation_id"]]
            to_whom.setdefault(e.data["text"], set()).add(conv.customer_id)
    assert to_whom and max(len(c) for c in to_whom.values()) < 3


def test_lawyer_restates_with_the_customers_words_and_asks_if_that_is_right() -> None:
    result = run_headless(make_scenario(), "lawyer")
    said = " ".join(e.data["text"].lower() for e in result.events if e.type == "customer_message")
    restated = [
        e.data["text"]
        for e in result.events
        if e.type == "message_sent" and e.data["text"].endswith("Is that right?")
    ]
    assert restated
    listed = restated[0].split(":", 1)[1].removesuffix("Is that right?")
    words = [w.strip(".,").lower() for w in listed.split() if w.strip(".,") != "and"]
    assert words and all(w in said for w in words)
