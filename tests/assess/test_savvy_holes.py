"""Holes the blind `savvy` cheater found (branch evid14), closed with other cheaters' wordings.

Expected verdicts come from the competency text and docs/assessment.md, not from the code:
COM-6 "calms the customer" credits calming "from the candidate's own words to them ... in a
sentence not pasted to several customers"; a stock sentence is one that "reached three
customers or more". Putting each customer's name into the stock sentence does not make it
their own words: the sentence is the same, only the address changed.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.scenario.model import Scenario

from .test_evidence import one, run
from .test_in_context import com6_after

NAMED_STOCK = (
    "{n}, I'm so sorry, I completely understand how annoying this is.",
    "I really apologise for the trouble {n}, I know how frustrating that must feel.",
)
"""Two cheaters' wordings (not savvy's): one stock sentence, the customer's name put in."""


def named_to_all_three(pattern: str) -> tuple[str, list]:
    """The pattern to Anna (chat), Bert (his e-mail) and Marc (the call), each by name."""
    return pattern.format(n="Anna"), [
        (150, "ticket_reply_added", {"ticket_id": "T-0002", "text": pattern.format(n="Bert")}),
        (250, "message_sent", {"conversation_id": "call-1", "text": pattern.format(n="Marc")}),
    ]


@pytest.mark.xfail(
    strict=True,
    reason="left open (evid14, measured again on evid16): one named formula to three customers "
    "reads as three sentences. Reading the name away in the stock check costs the worded banks "
    "COM-6 (their short named reactions to upset customers, evid15); rules 2.7 refuses the "
    "formula instead by whom it goes to (empathy to three calm, never-upset customers or more: "
    "tests/assess/test_rules_2_7.py), and here Bert and Marc are two customers",
)
@pytest.mark.parametrize("pattern", NAMED_STOCK)
def test_stock_empathy_with_each_customers_name_put_in_is_still_stock(
    scenario: Scenario, pattern: str
) -> None:
    to_anna, others = named_to_all_three(pattern)
    item = one(com6_after(scenario, to_anna, *others), "COM-6", "mood", "anna")
    assert item.favourable is False


@pytest.mark.parametrize("pattern", NAMED_STOCK)
def test_the_same_sentence_by_name_to_two_customers_is_still_their_own(
    scenario: Scenario, pattern: str
) -> None:
    to_anna, others = named_to_all_three(pattern)
    item = one(com6_after(scenario, to_anna, others[0]), "COM-6", "mood", "anna")
    assert item.favourable is True


# ---------------------------------------------------------------------- DATA-4
# docs/assessment.md 3b: DATA-4 earns credit for "resolved and closed with a resolution that
# documents the case"; text pasted from articles "documents nothing about this case". One
# article pasted, or the article with the customer's own words in front, documents the article
# and repeats the ticket: nothing of what was done. Own words around the article do.

ARTICLE = "Unlock the account in the directory and send the user a reset link."
PASTED_RESOLUTIONS = (
    f"Done. {ARTICLE}",
    f"I typed my password wrong three times. Fix: {ARTICLE}",
)
"""Two cheaters' resolutions (not savvy's): the article alone; the customer's words, then it."""


def closed_with(scenario: Scenario, solution: str) -> bool | None:
    """Anna's ticket resolved with `solution`, after she was told the key's answer (since 2.11 a
    ticket closed before anything of a solution reached its customer is not documented)."""
    evidence = run(scenario, [
        (5, "ticket_opened", {"ticket_id": "T-0001"}),
        (20, "ticket_reply_added", {"ticket_id": "T-0001",
                                    "text": "Anna, your account is unlocked; use the reset link."}),
        (26, "ticket_resolved", {"ticket_id": "T-0001", "kb_article": "kb-password-reset",
                                 "solution": solution}),
        (27, "ticket_closed", {"ticket_id": "T-0001"}),
    ])  # fmt: skip
    return one(evidence, "DATA-4", "ticket_closed", "T-0001").favourable


@pytest.mark.parametrize("solution", PASTED_RESOLUTIONS)
def test_a_resolution_that_is_the_article_pasted_documents_nothing(
    scenario: Scenario, solution: str
) -> None:
    assert closed_with(scenario, solution) is False


def test_own_words_around_the_article_document_the_case(scenario: Scenario) -> None:
    solution = f"Anna had mistyped it after her holiday and was locked out. {ARTICLE}"
    assert closed_with(scenario, solution) is True
