"""dispatcher (branch evid44), written blind: what it does, checked against the published
documents (docs/assessment.md 3b, docs/candidate-guide.md, sla_profiles/standard.toml), not
against its code.

The checks every blind cheater shares (plays every bundled scenario, deterministic, never reads
the answer key, with the peeker below to show that check can fail) are in
test_gaming_blind_cheaters.py.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict

import pytest

from helpdesk_tui import paths
from helpdesk_tui.simulate.gaming_dispatcher import DispatcherPolicy
from helpdesk_tui.simulate.runner import RunResult
from simulate.cheater_kit import played_blind

NORTHWIND = paths.scenarios_dir() / "en-northwind-monday"
CALDER = paths.scenarios_dir() / "en-calder-valley-exam"


class Peeker(DispatcherPolicy):
    """A dispatcher that takes its category from the answer key (what the blind one must not)."""

    def _category(self, state: object, text: str) -> str:
        return self.scenario.incidents[0].answer.category


@pytest.fixture(scope="module")
def northwind() -> RunResult:
    return played_blind(DispatcherPolicy, NORTHWIND)


def least_severe_level() -> str:
    """The profile's last level, read from the file itself (its levels run most severe first)."""
    profile = tomllib.loads((paths.sla_profiles_dir() / "standard.toml").read_text("utf-8"))
    return profile["levels"][-1]


def test_every_ticket_it_touches_ends_at_the_least_severe_level(northwind: RunResult) -> None:
    """Its re-prioritising: whatever the customer said, impact and urgency are set to the
    lowest level, on tickets it made and on queue tickets it took."""
    low = least_severe_level()
    touched = [
        e.data
        for e in northwind.events
        if e.type == "ticket_created"
        or (e.type == "ticket_updated" and "impact" in e.data["changes"])
    ]
    assert touched
    for data in touched:
        fields = data.get("changes", data)
        assert (fields["impact"], fields["urgency"]) == (low, low)


def test_it_parks_tickets_without_asking_anything() -> None:
    """Pending on the customer, while no message of its own asked the customer a question (on
    Calder: on Northwind every top article names a group, so every ticket is escalated)."""
    calder = played_blind(DispatcherPolicy, CALDER)
    pending = [e for e in calder.events if e.type == "ticket_pending"]
    assert any(e.data["waiting_on"] == "customer" for e in pending)
    relayed = [e.data["text"] for e in calder.events if e.type == "second_line_reply"]
    asked = [
        e.data["text"]
        for e in calder.events
        if e.type in ("message_sent", "ticket_reply_added")
        and "?" in e.data["text"]
        and not any(r in e.data["text"] for r in relayed)
        and not re.search(r"anything else|something else|else I can", e.data["text"])
    ]
    assert asked == []


def test_no_text_of_four_words_goes_to_three_customers(northwind: RunResult) -> None:
    """The published template guard (docs/assessment.md 3b): the same normalised text of four
    words or more to three customers or more."""
    to: dict[str, set[str]] = defaultdict(set)
    customer_of = {c.id: c.customer_id for c in northwind.state.conversations.values()}
    customer_of |= {t.id: t.customer_id for t in northwind.state.tickets.values()}
    for e in northwind.events:
        if e.type == "message_sent":
            who = customer_of[e.data["conversation_id"]]
        elif e.type == "ticket_reply_added":
            who = customer_of[e.data["ticket_id"]]
        else:
            continue
        words = re.findall(r"\w+", e.data["text"].lower())
        if len(words) >= 4:
            to[" ".join(words)].add(who)
    assert max(len(v) for v in to.values()) < 3


def test_every_second_line_reply_reaches_the_customer_word_for_word(northwind: RunResult) -> None:
    replies = [e.data["text"] for e in northwind.events if e.type == "second_line_reply"]
    told = " ".join(
        e.data["text"] for e in northwind.events if e.type in ("message_sent", "ticket_reply_added")
    )
    assert replies
    assert all(r in told for r in replies)
