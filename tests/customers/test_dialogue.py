"""Matching the candidate's words and choosing the customer's reply (customers.dialogue)."""

from __future__ import annotations

import dataclasses

import pytest
from simulate.kit import CRM, PRINTER, make_scenario

from helpdesk_tui.core.state import Conversation, Message
from helpdesk_tui.customers.dialogue import (
    Context,
    asks_instead_of_closing,
    expects_answer,
    first_match,
    jargon_in,
    matches,
    mentioned,
    respond,
)
from helpdesk_tui.scenario.model import Mood, TechnicalLevel

ANNA = make_scenario().customer("anna")


def ctx(**changes: object) -> Context:
    base = Context(customer=ANNA, language="en")
    return dataclasses.replace(base, **changes)


# --------------------------------------------------------------------------- matching


@pytest.mark.parametrize(
    "text",
    ["The printer is broken", "PRINTERS", "the prnter", "PRINTER's tray", "the pritner", "printre"],
)
def test_a_pattern_matches_word_starts_with_one_typo(text: str) -> None:
    assert matches("printer", text, "en")


@pytest.mark.parametrize("text", ["print it", "a reprinter", "the prntr", "blueprinter"])
def test_a_pattern_does_not_match_elsewhere(text: str) -> None:
    assert not matches("printer", text, "en")


def test_short_words_allow_no_typo() -> None:
    assert matches("dns", "the DNS server", "en")
    assert not matches("dns", "the dsn server", "en")


def test_multi_word_patterns_match_consecutive_words() -> None:
    assert matches("since when", "Since WHEN does it fail?", "en")
    assert not matches("since when", "since it fails, when do you print?", "en")


def test_accents_on_either_side() -> None:
    assert matches("reseau", "le réseau est lent", "fr")
    assert matches("réseau", "le reseau est lent", "fr")


def test_a_negated_pattern_is_not_heard_but_is_mentioned() -> None:
    """Issue 12: "Do not restart it" does not give "restart" as the solution."""
    assert not matches("restart", "Do not restart it", "en")
    assert mentioned("restart", "Do not restart it", "en")
    assert matches("kabel", "niet opnieuw opstarten, wel de kabel uittrekken", "nl")
    assert not matches("opstarten", "niet opnieuw opstarten, wel de kabel uittrekken", "nl")


def test_first_match_keeps_the_pattern_order() -> None:
    assert first_match(["toner", "printer"], "the printer toner", "en") == "toner"
    assert first_match(["fax"], "the printer", "en") is None


def test_jargon_in_lists_glossary_terms_in_glossary_order() -> None:
    glossary = {"DNS": "address book", "VPN": "secure connection", "cache": "stored copies"}
    assert jargon_in("Clear the cache and check the vpn", glossary, "en") == ["VPN", "cache"]
    assert jargon_in("It is not the DNS", glossary, "en") == ["DNS"]


# --------------------------------------------------------------------------- replies


def test_a_question_for_a_hidden_fact_reveals_it() -> None:
    reply = respond(PRINTER, "Which printer is it?", ctx())
    assert reply.reveals == ("model",)
    assert "LaserJet" in reply.text


def test_several_facts_in_one_message_answer_together() -> None:
    reply = respond(PRINTER, "Which printer, and since when?", ctx())
    assert reply.reveals == ("model", "since")


def test_rules_come_after_new_facts_and_before_old_ones() -> None:
    text = "Which printer? Remove the tape."
    assert respond(PRINTER, text, ctx()).reveals == ("model",)
    reply = respond(PRINTER, text, ctx(revealed={"model"}))
    assert reply.rule_id == "thanks" and reply.reveals == ()


def test_a_fact_asked_again_is_repeated() -> None:
    reply = respond(PRINTER, "Which printer was it again?", ctx(revealed={"model"}))
    assert reply.text.startswith("As I said:") and reply.reveals == ()


def test_facts_first_answers_a_relayed_question_before_the_rules() -> None:
    text = "Our team asks: which version? Sorry for the wait."
    assert respond(CRM, text, ctx(revealed={"version"})).rule_id == "empathy"
    assert "7.2" in respond(CRM, text, ctx(revealed={"version"}), facts_first=True).text


def test_jargon_to_a_novice_confuses_the_customer() -> None:
    reply = respond(PRINTER, "Which printer? Check the DNS.", ctx(), jargon=["DNS"])
    assert reply.text == PRINTER.fallback
    assert reply.confused_by == ("DNS",) and reply.reveals == ()


def test_without_a_fallback_the_confused_line_names_the_word() -> None:
    incident = dataclasses.replace(PRINTER, fallback=None)
    assert '"DNS"' in respond(incident, "Check the DNS", ctx(), jargon=["DNS"]).text


@pytest.mark.parametrize(
    ("text", "intent", "kind"),
    [
        ("Could I have your full name?", "identify", "reply"),
        ("Is there anything else I can do?", "closing", "closing"),
        ("Good morning!", "greeting", "reply"),
        ("One moment please, I'm looking into it.", "ack", "ack"),
        ("Blah blah.", "fallback", "reply"),
    ],
)
def test_built_in_intents(text: str, intent: str, kind: str) -> None:
    reply = respond(PRINTER, text, ctx())
    assert (reply.intent, reply.kind) == (intent, kind)


def test_identification_uses_the_customer_record() -> None:
    assert respond(PRINTER, "What is your name?", ctx()).text == "I'm Anna Peeters, from Finance."


def test_does_it_work_depends_on_the_solution_given() -> None:
    assert "still" in respond(PRINTER, "Does it work now?", ctx()).text
    assert respond(PRINTER, "Does it work now?", ctx(solution_given=True)).text.startswith("Yes")


def test_built_in_lines_follow_the_mood() -> None:
    calm = respond(PRINTER, "Anything else?", ctx()).text
    angry = respond(PRINTER, "Anything else?", ctx(mood=Mood.ANGRY.value)).text
    assert calm != angry


def test_built_in_lines_speak_the_scenario_language() -> None:
    reply = respond(dataclasses.replace(PRINTER, fallback=None), "Blabla", ctx(language="nl"))
    assert reply.text.startswith("Sorry, ik begrijp")


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("script", "My printer is broken.", True),
        ("follow_up", "Hello?", True),
        ("reply", "Okay, I'll wait.", False),
        ("reply", "How long will it take?", True),
        ("ack", "Okay?", False),
        ("closing", "No, that's all?", False),
    ],
)
def test_expects_answer(kind: str, text: str, expected: bool) -> None:
    assert expects_answer(kind, text) is expected


def test_kit_customers_are_what_the_tests_assume() -> None:
    assert ANNA.technical_level == TechnicalLevel.NOVICE


# ---------------------------------------------------------------------- layer 2.6


@pytest.mark.parametrize(
    ("lang", "text", "instead"),
    [
        ("en", "Do you know anything more about the error message?", True),
        ("fr", "Savez-vous autre chose concernant le message d'erreur ?", True),
        ("nl", "Weet u nog iets meer over de foutmelding?", True),
        ("en", "Is there anything more I can do for you?", False),
        ("fr", "Puis-je faire autre chose pour vous ?", False),
        ("nl", "Kan ik nog iets anders voor u doen?", False),
    ],
)
def test_a_clarifying_question_is_not_the_closing_question(
    lang: str, text: str, instead: bool
) -> None:
    """Issue 12: `question` asks about the problem; the "anything else?" move is `closing`."""
    assert asks_instead_of_closing(text, lang) is instead


def test_the_scripted_candidate_still_asks_its_closing_question_after_such_a_question() -> None:
    """A closing step's words in an earlier clarifying question do not count as the closing
    question already said (simulate/scripted.py), as the assessment reads them."""
    from helpdesk_tui.simulate.scripted import _already_said

    conv = Conversation("c-1", "chat", "anna", 0.0)
    conv.messages.append(
        Message("candidate", "Do you know anything more about the printer?", 10.0, 5)
    )
    patterns = ("anything else", "anything more")
    assert not _already_said(conv, patterns, "en", closing=True)
    assert _already_said(conv, patterns, "en")  # any other step: the words were said
    conv.messages.append(Message("candidate", "Anything more I can do for you?", 20.0, 9))
    assert _already_said(conv, patterns, "en", closing=True)


# ------------------------------------------- a check before anything was proposed (bugs10)

# Issue 12's acts: `check` "asks whether it works now"; `question` "a clarifying question
# about the problem". Before a solution or step, "still" asks about the problem.
STILL_BEFORE = [
    ("Do you still see your own calendar in Outlook?", "en"),
    ("Do you still see the error?", "en"),
    ("Ziet u nog steeds de foutmelding?", "nl"),
    ("Voyez-vous toujours le message d'erreur ?", "fr"),
]


@pytest.mark.parametrize(("text", "lang"), STILL_BEFORE)
def test_a_still_question_before_any_step_is_a_clarifying_question(text: str, lang: str) -> None:
    from helpdesk_tui.customers.dialogue import acts_in_turn
    from helpdesk_tui.customers.evidence_flags import clarifying_question

    assert "question" in acts_in_turn(text, lang, proposed=False)
    assert "check" not in acts_in_turn(text, lang, proposed=False)
    assert clarifying_question(text, lang, proposed=False)
    # After a step it asks whether it works now: a check (the layer's own reading).
    assert "check" in acts_in_turn(text, lang, proposed=True)


@pytest.mark.parametrize(("text", "lang"), STILL_BEFORE)
def test_the_customer_answers_it_about_the_problem_not_a_failed_fix(text: str, lang: str) -> None:
    """qa-play9: the customer answered "No, it still doesn't work." to a question asked
    before anything was tried; they now say the problem is as before."""
    reply = respond(PRINTER, text, ctx(language=lang))
    expected = {
        "en": "It's still the same as before.",
        "nl": "Het is nog precies hetzelfde als eerst.",
        "fr": "C'est toujours pareil qu'avant.",
    }
    assert (reply.text, reply.intent) == (expected[lang], "question")
    after = respond(PRINTER, text, ctx(language=lang, step_given=True))
    assert after.intent == "check" and after.text != expected[lang]


def test_a_step_in_the_same_message_makes_it_a_check() -> None:
    from helpdesk_tui.customers.evidence_flags import clarifying_question

    text = "Please restart the laptop. Do you still see the error?"
    assert not clarifying_question(text, "en", proposed=False)
    assert respond(PRINTER, text, ctx()).intent == "check"
