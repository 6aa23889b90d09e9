"""prompter (branch evid42), written blind: what it writes, checked against the published
measures (docs/simulation.md "Evidence flags", docs/assessment.md 3b), not against its code.

The checks every blind cheater shares (plays every bundled scenario, deterministic, never reads
the answer key, with the peeker below to show that check can fail) are in
test_gaming_blind_cheaters.py.
"""

from __future__ import annotations

import re

import pytest

from helpdesk_tui import paths
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.simulate import gaming_prompter_words as w
from helpdesk_tui.simulate.gaming_prompter import PrompterPolicy
from helpdesk_tui.simulate.runner import RunResult
from simulate.cheater_kit import played_blind

NORTHWIND = paths.scenarios_dir() / "en-northwind-monday"
HAUTE_MEUSE = paths.scenarios_dir() / "fr-haute-meuse-examen"


class Peeker(PrompterPolicy):
    """A prompter that takes its category from the answer key (what the blind one must not)."""

    def _fields(self, state: object, text: str) -> dict[str, str]:
        out = super()._fields(state, text)  # type: ignore[arg-type]
        out["category"] = self.scenario.incidents[0].answer.category
        return out


@pytest.fixture(scope="module")
def northwind() -> RunResult:
    return played_blind(PrompterPolicy, NORTHWIND)


def said_to_customers(result: RunResult) -> list[tuple[str, str]]:
    return [
        (e.data["conversation_id"], e.data["text"])
        for e in result.events
        if e.type == "message_sent"
    ]


def customer_words(result: RunResult, conv: str) -> list[str]:
    return [
        e.data["text"]
        for e in result.events
        if e.type == "customer_message" and e.data["conversation_id"] == conv
    ]


def runs(text: str, n: int) -> set[tuple[str, ...]]:
    words = [x.lower() for x in re.findall(r"[\w'’-]+", text)]
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.parametrize(
    ("text", "language", "back"),
    [
        # by hand: persons turned, runs of five, commas between (docs: echo = six in a row)
        (
            "My printer shows an error since this morning at nine",
            "en",
            "your printer shows an error, since this morning at nine",
        ),
        ("Ik heb mijn wachtwoord vergeten", "nl", "u hebt uw wachtwoord vergeten"),
        ("Je ne peux plus imprimer", "fr", "vous ne peux plus imprimer"),
    ],
)
def test_it_hands_the_customers_words_back_in_runs_of_five(
    text: str, language: str, back: str
) -> None:
    assert w.handed_back(text, language) == back


def test_its_hand_back_is_an_echo_once_the_commas_are_read_away(northwind: RunResult) -> None:
    """prompter meant its commas to keep it under the published echo guard (six of the
    customer's words in a row, docs/assessment.md 3b); read on words alone, as that guard reads
    them (the val-de-lesse report: "an echo, not a restatement"), its restatement still holds
    six in a row. Kept as written blind: the policy is not tuned after its score."""
    echoed = [
        text
        for conv, text in said_to_customers(northwind)
        if runs(text, 6) & set().union(*(runs(t, 6) for t in customer_words(northwind, conv)))
    ]
    assert any("?" in text for text in echoed)


def test_it_searches_only_with_the_customers_own_words(northwind: RunResult) -> None:
    """Every query word is a word the customer wrote (a message, or the ticket they sent)."""
    theirs = " ".join(
        e.data.get("text", "") + " " + e.data.get("subject", "") + " " + e.data.get("body", "")
        for e in northwind.events
        if e.kind.value == "stimulus"
    ).lower()
    theirs += " " + " ".join(t.title.lower() for t in northwind.state.tickets.values())
    queries = [e.data["query"] for e in northwind.events if e.type == "kb_searched"]
    assert queries
    for query in queries:
        for word in query.split():
            assert word in theirs, (word, query)


def test_it_tells_nothing_of_the_articles_but_their_titles(northwind: RunResult) -> None:
    """No message carries eight words of an article's body in a row (docs: stuffed reads eight)
    that the customer did not say first (a customer may quote the screen the article quotes):
    the step it offers is the customer's, the article is only named."""
    scenario = load_scenario(NORTHWIND)
    bodies = set().union(*(runs(a.body, 8) for a in scenario.kb))
    for conv, text in said_to_customers(northwind):
        theirs = set().union(*(runs(t, 8) for t in customer_words(northwind, conv)))
        assert not (runs(text, 8) - theirs) & bodies, text


def test_it_asks_the_customer_four_prompts_before_any_step(northwind: RunResult) -> None:
    """Screen word for word, tried, cause, last time: all asked (by their "?") before the step."""
    conv = said_to_customers(northwind)[0][0]
    mine = [t for c, t in said_to_customers(northwind) if c == conv]
    step = next(i for i, t in enumerate(mine) if "suggest" in t)
    assert sum(t.endswith("?") for t in mine[:step]) >= 4


def test_french_exam_speaks_french() -> None:
    result = played_blind(PrompterPolicy, HAUTE_MEUSE)
    first = said_to_customers(result)[0][1]
    assert first.startswith("Bonjour")
