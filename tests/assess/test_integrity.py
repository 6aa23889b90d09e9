"""The rules that ask whether the job was done: each one made to fire, and made not to.

Scripted exams on the assessment's test scenario (three customers: Anna in
chat-1 and on queue ticket T-0001, Bert on e-mail T-0002, Marc in call-1).
Every expectation is worked out by hand from the steps below, not from the
code under test.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from helpdesk_tui.assess.model import Evidence, EvidenceItem
from helpdesk_tui.assess.rules import RULES_VERSION, rules_hash
from helpdesk_tui.language import layer_hash
from helpdesk_tui.scenario.model import Scenario

from .test_evidence import items_of, one, run

TEMPLATE = "Hello there, thank you for contacting the service desk today. How can I help you?"
GREET_CALLER = (250, "message_sent", {"conversation_id": "call-1", "text": "Good morning Marc."})
CREATE_CALL_TICKET = (256, "ticket_created", {
    "ticket_id": "T-1002", "customer_id": "marc", "conversation_id": "call-1",
    "title": "VPN down", "description": "VPN down", "category": "network",
    "impact": "medium", "urgency": "high",
})  # fmt: skip


def to_all_three(text: str, canned: str | None = None) -> list:
    """The same text to Anna (chat), Bert (his e-mail) and Marc (the call)."""
    extra = {"canned_id": canned} if canned else {}
    return [
        (70, "message_sent", {"conversation_id": "chat-1", "text": text, **extra}),
        (150, "ticket_reply_added", {"ticket_id": "T-0002", "text": text}),
        (250, "message_sent", {"conversation_id": "call-1", "text": text, **extra}),
    ]


def greet_step(evidence: Evidence) -> dict:
    item = one(evidence, "COM-1", "contact_steps", "printer-blank")
    return next(s for s in item.figures["steps"] if s["id"] == "greet")


# ---------------------------------------------------------------------- template


def test_the_same_greeting_to_three_customers_is_a_template_and_no_greeting(
    scenario: Scenario,
) -> None:
    evidence = run(scenario, to_all_three(TEMPLATE))
    assert greet_step(evidence)["seq"] is None


def test_the_same_text_to_two_customers_is_no_template(scenario: Scenario) -> None:
    evidence = run(scenario, to_all_three(TEMPLATE)[:2])
    assert greet_step(evidence)["seq"] is not None


def test_a_canned_greeting_to_everyone_stays_allowed(scenario: Scenario) -> None:
    canned = "Good morning, service desk, you're speaking with Sam."
    evidence = run(scenario, to_all_three(canned, canned="greeting"))
    assert greet_step(evidence)["seq"] is not None


def test_a_greeting_by_name_in_other_words_counts(scenario: Scenario) -> None:
    evidence = run(
        scenario, [(70, "message_sent", {"conversation_id": "chat-1", "text": "Hi Anna"})]
    )
    assert greet_step(evidence)["seq"] is not None


# ---------------------------------------------------------------------- scattershot


def opens(*pairs: tuple[float, str]) -> list:
    return [(t, "kb_article_opened", {"article_id": a}) for t, a in pairs]


ALL_FOUR = (
    "kb-password-reset",
    "kb-printer-blank-pages",
    "kb-printer-replace-toner",
    "kb-vpn-reset",
)


def test_opening_most_of_the_kb_at_once_is_scattershot_and_not_credited(
    scenario: Scenario,
) -> None:
    evidence = run(scenario, opens(*((100 + i, a) for i, a in enumerate(ALL_FOUR))))
    burst = one(evidence, "SOL-2", "scattershot")
    assert burst.favourable is False and len(burst.seqs) == 4
    kb = one(evidence, "SOL-2", "kb_before_answer", "printer-blank")
    assert kb.figures["opened_seq"] is None and kb.favourable is False


def test_a_few_articles_read_one_at_a_time_are_no_scattershot(scenario: Scenario) -> None:
    answer = (
        200,
        "message_sent",
        {"conversation_id": "chat-1", "text": "Pull the tape off the toner"},
    )
    steps = opens((100, ALL_FOUR[0]), (140, ALL_FOUR[1]), (180, ALL_FOUR[2]))
    # (2.9) with the answer after them: before an answer never given is no "before".
    evidence = run(scenario, [*steps, answer])
    assert items_of(evidence, "SOL-2", "scattershot") == []
    kb = one(evidence, "SOL-2", "kb_before_answer", "printer-blank")
    assert kb.figures["opened_seq"] is not None and kb.favourable is True


# ---------------------------------------------------------------------- echo


ANNA_FACT = [
    (90, "message_sent", {"conversation_id": "chat-1", "text": "Which printer model is it?"}),
    (95, "customer_message", {"conversation_id": "chat-1", "reveals": ["model"],
                              "text": "It is the HP LaserJet 4250 next to my desk."}),
]  # fmt: skip


def com4(evidence: Evidence) -> EvidenceItem:
    return one(evidence, "COM-4", "paraphrase", "printer-blank")


def test_copying_the_customer_back_is_an_echo(scenario: Scenario) -> None:
    copy = "So if I understand you correctly, it is the HP LaserJet 4250 next to my desk."
    evidence = run(scenario, [*ANNA_FACT, (100, "message_sent", {"conversation_id": "chat-1",
                                                                 "text": copy})])  # fmt: skip
    item = com4(evidence)
    assert item.figures.get("echo") is True and item.favourable is False


def test_restating_the_values_in_own_words_is_no_echo(scenario: Scenario) -> None:
    own = "So your LaserJet 4250 only gives blank sheets, right?"
    evidence = run(scenario, [*ANNA_FACT, (100, "message_sent", {"conversation_id": "chat-1",
                                                                 "text": own})])  # fmt: skip
    item = com4(evidence)
    assert "echo" not in item.figures and item.favourable is True
    assert item.figures["restated"] == ["model"]


OPENERS_2_7 = [
    "Let me read back what I've noted:",
    "If I understood you correctly,",
    "Let me just check I've understood:",
]
"""Restatement openers layer 2.7 reads (the third phrase bank's): the gaming side of them."""


@pytest.mark.parametrize("opener", OPENERS_2_7)
def test_a_read_back_opener_before_the_customers_own_words_is_an_echo(
    scenario: Scenario, opener: str
) -> None:
    """The `parrot` move with another opener: the customer's message pasted after it."""
    copy = f"{opener} it is the HP LaserJet 4250 next to my desk."
    evidence = run(scenario, [*ANNA_FACT, (100, "message_sent", {"conversation_id": "chat-1",
                                                                 "text": copy})])  # fmt: skip
    item = com4(evidence)
    assert item.figures.get("echo") is True and item.favourable is False


@pytest.mark.parametrize("opener", OPENERS_2_7)
def test_a_read_back_opener_alone_restates_nothing(scenario: Scenario, opener: str) -> None:
    evidence = run(scenario, [*ANNA_FACT, (100, "message_sent", {"conversation_id": "chat-1",
                                                                 "text": opener})])  # fmt: skip
    assert com4(evidence).favourable is False


@pytest.mark.parametrize("opener", OPENERS_2_7)
def test_a_read_back_opener_before_own_words_restates(scenario: Scenario, opener: str) -> None:
    own = f"{opener} your LaserJet 4250 only gives blank sheets."
    evidence = run(scenario, [*ANNA_FACT, (100, "message_sent", {"conversation_id": "chat-1",
                                                                 "text": own})])  # fmt: skip
    item = com4(evidence)
    assert item.favourable is True
    assert item.figures["restated"] == ["model"]


def test_a_restatement_wrapped_around_a_template_is_judged_a_template(
    scenario: Scenario,
) -> None:
    """A stock restatement sent to three customers, and to Anna first with words of her own
    around it: the assessment names it a template (it used to stop `report` with a KeyError,
    found by branch sim-policy9)."""
    stock = "So if I understand you correctly, the device you work with does not do what it should."
    wrapped = f"Thanks Anna. {stock} Let me look into it."
    steps = [
        (70, "message_sent", {"conversation_id": "chat-1", "text": wrapped}),
        (80, "message_sent", {"conversation_id": "chat-1", "text": stock}),
        *to_all_three(stock)[1:],
    ]
    item = com4(run(scenario, steps))
    assert item.figures.get("template") is True and item.favourable is False
    assert "3" in item.summary


# ---------------------------------------------------------------------- wrong recipient


def test_a_message_naming_another_customers_ticket_is_for_someone_else(
    scenario: Scenario,
) -> None:
    wrong = "Your ticket T-0002 is being handled, we will keep you posted."
    evidence = run(scenario, [(70, "message_sent", {"conversation_id": "chat-1", "text": wrong})])
    for cid in ("DATA-2", "COM-1"):
        item = one(evidence, cid, "wrong_recipient")
        assert item.favourable is False and item.figures["other_case"] == "mailbox-full"
        assert item.subject == "printer-blank"


def test_a_message_naming_the_customers_own_ticket_is_fine(scenario: Scenario) -> None:
    right = "Hi Anna, your ticket T-0001 is being handled, we will keep you posted."
    evidence = run(scenario, [(70, "message_sent", {"conversation_id": "chat-1", "text": right})])
    assert items_of(evidence, "DATA-2", "wrong_recipient") == []
    assert items_of(evidence, "COM-1", "wrong_recipient") == []


def test_the_same_words_sent_to_two_customers_are_wrong_only_where_they_name_the_other(
    scenario: Scenario,
) -> None:
    """perf19: `wrong_recipients` reads a text sent again once; what it names is still
    judged per case (T-0002 is mailbox-full's ticket, wrong in printer-blank's chat)."""
    text = "Your ticket T-0002 is being handled, we will keep you posted."
    evidence = run(scenario, [
        (70, "message_sent", {"conversation_id": "chat-1", "text": text}),
        (150, "ticket_reply_added", {"ticket_id": "T-0002", "text": text}),
    ])  # fmt: skip
    for cid in ("DATA-2", "COM-1"):
        assert [i.subject for i in items_of(evidence, cid, "wrong_recipient")] == ["printer-blank"]


def test_another_customers_first_name_only_counts_where_it_addresses_them(
    scenario: Scenario,
) -> None:
    addressed = run(scenario, [(70, "message_sent", {"conversation_id": "chat-1",
                                                     "text": "Hi Marc, please restart."})])  # fmt: skip
    mentioned = run(scenario, [(70, "message_sent", {"conversation_id": "chat-1",
                                                     "text": "Could you ask your colleague Marc?"})])  # fmt: skip
    assert len(items_of(addressed, "COM-1", "wrong_recipient")) == 1
    assert items_of(mentioned, "COM-1", "wrong_recipient") == []


@pytest.mark.parametrize(
    "text",
    [
        "Anna, hello, Marc here from the service desk.",  # her own name first: she is addressed
        "Hello Anna, this is Marc, how can I help?",
        "Marc speaking, how can I help you today?",  # the layer's greeting: an introduction
    ],
)
def test_the_operators_own_name_is_no_other_customer_addressed(
    scenario: Scenario, text: str
) -> None:
    """An operator who shares a first name with another case's customer introduces
    themselves: a sixth bank's "Nathalie, bonjour, Didier à l'appareil." cost DATA-2 and
    COM-1 on fr-haute-meuse, where a customer is called Didier (e-worded6)."""
    evidence = run(scenario, [(70, "message_sent", {"conversation_id": "chat-1", "text": text})])
    assert items_of(evidence, "COM-1", "wrong_recipient") == []
    assert items_of(evidence, "DATA-2", "wrong_recipient") == []


def test_a_hyphenated_name_holding_another_customers_first_name_is_not_them(
    scenario: Scenario,
) -> None:
    """ "Jean-Marc" is someone else than the other case's Marc: names match whole."""
    hyphenated = run(scenario, [(70, "message_sent", {"conversation_id": "chat-1",
                                                      "text": "Hi Jean-Marc, please restart."})])  # fmt: skip
    assert items_of(hyphenated, "COM-1", "wrong_recipient") == []


# ---------------------------------------------------------------------- the answer


def test_the_resolution_field_alone_is_not_the_answer(scenario: Scenario) -> None:
    evidence = run(scenario, [
        (150, "ticket_opened", {"ticket_id": "T-0002"}),
        (160, "ticket_resolved", {"ticket_id": "T-0002", "solution": "Archive old mail."}),
    ])  # fmt: skip
    assert one(evidence, "SOL-7", "answer", "mailbox-full").favourable is False


def test_the_answer_in_a_reply_to_the_customer_counts(scenario: Scenario) -> None:
    evidence = run(scenario, [
        (150, "ticket_reply_added", {"ticket_id": "T-0002", "text": "Please archive old mail."}),
    ])  # fmt: skip
    assert one(evidence, "SOL-7", "answer", "mailbox-full").favourable is True


def test_a_negated_answer_is_no_answer(scenario: Scenario) -> None:
    evidence = run(scenario, [
        (150, "ticket_reply_added", {"ticket_id": "T-0002", "text": "Do not archive anything."}),
    ])  # fmt: skip
    assert one(evidence, "SOL-7", "answer", "mailbox-full").favourable is False


def test_several_options_at_once_are_to_judge(scenario: Scenario) -> None:
    both = "Use a hotspot now, or reinstall the VPN client."
    evidence = run(scenario, [(262, "message_sent", {"conversation_id": "call-1", "text": both})])
    item = one(evidence, "SOL-8", "solution_option", "vpn-down")
    assert item.favourable is None and item.figures["why"] == "several"


def test_a_question_holding_the_wrong_options_words_chooses_nothing(scenario: Scenario) -> None:
    asked = "Did you already reinstall the VPN client?"
    evidence = run(scenario, [(262, "message_sent", {"conversation_id": "call-1", "text": asked})])
    assert one(evidence, "SOL-8", "solution_option", "vpn-down").figures["chosen"] is None


# ---------------------------------------------------------------------- SOL-5, SOL-6


def test_forwarding_a_bounce_after_a_wrong_transfer_is_not_follow_up(scenario: Scenario) -> None:
    evidence = run(scenario, [
        CREATE_CALL_TICKET,
        (266, "ticket_transferred", {"ticket_id": "T-1002", "group": "apps", "reason": "VPN"}),
        (400, "second_line_reply", {"ticket_id": "T-1002", "group": "apps",
                                    "text": "This is not for our team."}),
        (410, "ticket_reply_added", {"ticket_id": "T-1002",
                                     "text": "Application support says: this is not for our team."}),
        (420, "note_added", {"ticket_id": "T-1002", "text": "Bounced."}),
    ])  # fmt: skip
    item = one(evidence, "SOL-5", "follow_up", "T-1002")
    assert item.favourable is False and item.figures["bounced"] is True


def test_a_quick_update_without_news_is_no_progress_update(scenario: Scenario) -> None:
    news = "Update: the network team is working on your VPN, I'll call you within 10 minutes."
    steps = [
        GREET_CALLER,
        CREATE_CALL_TICKET,
        (266, "ticket_transferred", {"ticket_id": "T-1002", "group": "network", "reason": "VPN"}),
    ]
    plain = run(
        scenario,
        [
            *steps,
            (
                300,
                "ticket_reply_added",
                {
                    "ticket_id": "T-1002",
                    "text": "Quick update: we are still working on your request.",
                },
            ),
        ],
    )
    with_news = run(scenario, [*steps, (300, "ticket_reply_added", {
        "ticket_id": "T-1002", "text": news})])  # fmt: skip
    assert one(plain, "SOL-6", "progress_updates").figures["updates"] == 0
    assert one(with_news, "SOL-6", "progress_updates").figures["updates"] == 1


def test_a_reply_on_the_wrong_ticket_is_not_that_tickets_update(scenario: Scenario) -> None:
    evidence = run(scenario, [
        GREET_CALLER,
        CREATE_CALL_TICKET,
        (266, "ticket_transferred", {"ticket_id": "T-1002", "group": "network", "reason": "VPN"}),
        (300, "ticket_reply_added", {"ticket_id": "T-1002", "text": (
            "Bert, an update on T-0002: the network team is on it, back to you in 10 minutes.")}),
    ])  # fmt: skip
    assert one(evidence, "SOL-6", "progress_updates").figures["updates"] == 0
    assert one(evidence, "DATA-2", "wrong_recipient").favourable is False


# ---------------------------------------------------------------------- DATA-4, versions


def test_a_resolution_pasted_from_several_articles_documents_nothing(scenario: Scenario) -> None:
    pasted = " ".join(a.body for a in scenario.kb[:3])
    evidence = run(scenario, [
        (150, "ticket_opened", {"ticket_id": "T-0002"}),
        (160, "ticket_resolved", {"ticket_id": "T-0002", "solution": pasted[:2000]}),
        (161, "ticket_closed", {"ticket_id": "T-0002"}),
    ])  # fmt: skip
    assert one(evidence, "DATA-4", "ticket_closed", "T-0002").favourable is False


def test_the_evidence_names_the_rules_and_the_language_layer(ideal: Evidence) -> None:
    assert ideal.rules["version"] == RULES_VERSION
    assert ideal.rules["hash"] == rules_hash() and len(rules_hash()) == 64
    assert ideal.rules["layer_hash"] == layer_hash()


# ---------------------------------------------------------------------- COM-5 both ways, SIM-1


def test_an_expert_told_in_words_for_beginners_is_talked_down_to(scenario: Scenario) -> None:
    childish = "The DNS is the internet's address book; it may be slow today."
    # (2.10) the plain reply takes the case up (its answer, "archive", in the candidate's own
    # words): a reply that takes nothing up would be to judge, whatever its words
    plain = "It looks like a DNS problem; archive the old mail and I'll flush the resolver cache."
    talked_down = run(scenario, [(150, "ticket_reply_added", {"ticket_id": "T-0002",
                                                               "text": childish})])  # fmt: skip
    as_expert = run(scenario, [(150, "ticket_reply_added", {"ticket_id": "T-0002",
                                                            "text": plain})])  # fmt: skip
    item = one(talked_down, "COM-5", "childish", "mailbox-full")
    assert item.favourable is False and item.figures["terms"] == ["DNS"]
    assert one(as_expert, "COM-5", "childish", "mailbox-full").favourable is True


def test_a_transfer_during_a_call_is_the_calls_answer(scenario: Scenario) -> None:
    evidence = run(scenario, [
        (244, "kb_searched", {"query": "vpn", "results": ["kb-vpn-reset"]}),
        CREATE_CALL_TICKET,
        (266, "ticket_transferred", {"ticket_id": "T-1002", "group": "network", "reason": "VPN"}),
    ])  # fmt: skip
    item = one(evidence, "SIM-1", "call_answer", "call-1")
    assert item.favourable is True and item.figures["answered"] is True


# ---------------------------------------------------------------------- answer keys


def _with_mailbox_key(scenario: Scenario, **changes: object) -> Scenario:
    incidents = tuple(
        replace(i, answer=replace(i.answer, **changes)) if i.id == "mailbox-full" else i
        for i in scenario.incidents
    )
    return replace(scenario, incidents=incidents)


def _told_bert(scenario: Scenario, text: str) -> bool | None:
    evidence = run(scenario, [(150, "ticket_reply_added", {"ticket_id": "T-0002", "text": text})])
    return one(evidence, "SOL-7", "answer", "mailbox-full").favourable


def test_a_keyword_with_alternatives_accepts_any_of_them(scenario: Scenario) -> None:
    keyed = _with_mailbox_key(scenario, solution_keywords=("archive | clean up",))
    assert _told_bert(keyed, "Please clean up your old mail.") is True
    assert _told_bert(scenario, "Please clean up your old mail.") is False
    evidence = run(
        keyed,
        [
            (
                150,
                "ticket_reply_added",
                {"ticket_id": "T-0002", "text": "Please clean up your old mail."},
            )
        ],
    )
    explained = one(evidence, "SOL-7", "answer", "mailbox-full").figures["explain"]
    assert explained and "clean" in explained[0] and "pattern:clean up" in explained[0]


def test_an_excluded_word_makes_it_another_answer(scenario: Scenario) -> None:
    keyed = _with_mailbox_key(scenario, solution_exclude=("delete",))
    assert _told_bert(keyed, "Please archive your old mail.") is True
    assert _told_bert(keyed, "Please archive your old mail and delete the rest.") is False


# ---------------------------------------------------------------------- procedures


def _contact_steps(scenario: Scenario, **changes: object) -> Scenario:
    procedures = tuple(
        replace(p, steps=tuple(
            replace(s, **changes) if s.id == "kb" else s for s in p.steps))
        for p in scenario.procedures
    )  # fmt: skip
    return replace(scenario, procedures=procedures)


def _sol1(scenario: Scenario) -> EvidenceItem:
    evidence = run(
        scenario, [(70, "message_sent", {"conversation_id": "chat-1", "text": "Hi Anna"})]
    )
    return one(evidence, "SOL-1", "procedure_steps", "printer-blank")


def test_an_optional_step_not_done_is_not_missing(scenario: Scenario) -> None:
    assert "kb" in _sol1(scenario).figures["missing"]
    assert "kb" not in _sol1(_contact_steps(scenario, optional=True)).figures["missing"]


def test_a_step_for_other_channels_is_not_asked_of_a_chat(scenario: Scenario) -> None:
    steps = _sol1(_contact_steps(scenario, channels=("call",))).figures["steps"]
    assert "kb" not in [s["id"] for s in steps]


# ---------------------------------------------------------------------- closing step (layer 2.6)


def _close_step(scenario: Scenario, text: str) -> dict:
    evidence = run(scenario, [(70, "message_sent", {"conversation_id": "chat-1", "text": text})])
    item = one(evidence, "SOL-1", "procedure_steps", "printer-blank")
    return next(s for s in item.figures["steps"] if s["id"] == "close")


def test_a_closing_steps_words_in_a_clarifying_question_are_no_closing(
    scenario: Scenario,
) -> None:
    """The fixture's closing step is the pattern "anything else"; asking what else the
    customer saw (a `question`, docs/language.md "What 2.6 added") uses those words but does
    not close the contact."""
    for text in (
        "Did you notice anything else about the printer?",
        "Can you tell me anything else about the blank pages?",
    ):
        assert _close_step(scenario, text)["seq"] is None, text


def test_the_closing_question_still_counts(scenario: Scenario) -> None:
    for text in ("Anything else I can help you with?", "Is there anything else I can do?"):
        assert _close_step(scenario, text)["seq"] is not None, text
