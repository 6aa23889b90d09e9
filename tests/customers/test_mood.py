"""Customer mood: the score behind the label, and every trigger that moves it."""

from __future__ import annotations

import dataclasses

import pytest
from simulate.kit import Driver, make_scenario

from helpdesk_tui.customers import mood
from helpdesk_tui.scenario.model import Mood, TechnicalLevel

CHAT = "C-printer"  # Anna: novice, calm, patience 180 s; the chat opens at 60 s
CALL = "C-crm"  # Marc: angry, patience 90 s; the call starts at 300 s


def moods(d: Driver, customer: str) -> list[tuple[str, str]]:
    return [
        (e.data["mood"], e.data["cause"]) for e in d.of_type("mood_changed", customer_id=customer)
    ]


@pytest.mark.parametrize(
    ("score", "label"),
    [
        (0.0, "calm"),
        (0.99, "calm"),
        (1.0, "irritated"),
        (1.99, "irritated"),
        (2.0, "angry"),
        (3.0, "angry"),
    ],
)
def test_labels(score: float, label: str) -> None:
    assert mood.label_for(score) == label


def test_only_a_change_of_label_is_reported() -> None:
    book = mood.MoodBook()
    book.start("c", "calm")
    assert book.nudge("c", 0.4, "small") is None
    change = book.nudge("c", 0.4, "again")
    assert change is not None and (change.mood, change.cause) == ("irritated", "again")


def test_the_score_stays_between_its_bounds() -> None:
    book = mood.MoodBook()
    book.start("c", "angry")
    book.nudge("c", 10, "x")
    assert book.score("c") == mood.MAX_SCORE
    book.nudge("c", -10, "y")
    assert book.score("c") == mood.MIN_SCORE


def test_waiting_past_patience_makes_angrier() -> None:
    d = Driver()
    d.at(60 + 11.2 + 180 - 0.1)
    assert moods(d, "anna") == []
    d.at(60 + 11.2 + 180)
    assert moods(d, "anna") == [("irritated", "waited 180 s without an answer")]


def test_an_answer_in_time_stops_the_patience_clock() -> None:
    d = Driver()
    d.send(100, CHAT, "Good morning, how can I help?")
    d.at(250)
    assert moods(d, "anna") == []


def test_interrupting_makes_angrier() -> None:
    d = Driver()
    d.send(65, CHAT, "Hello?")  # Anna is still typing her first message
    assert moods(d, "anna") == [("irritated", "interrupted")]


def test_jargon_to_a_novice_makes_angrier_and_confuses() -> None:
    d = Driver()
    d.say(75, CHAT, "Please flush your DNS.")
    d.say(76, CHAT, "And check the DNS again.")
    assert moods(d, "anna") == [("irritated", "jargon (DNS)"), ("angry", "jargon (DNS)")]
    d.at(120)
    assert PRINTER_FALLBACK in d.customer_lines(CHAT)


PRINTER_FALLBACK = "Sorry, I don't quite follow. Can you say that differently?"


def test_jargon_to_an_expert_is_fine() -> None:
    scenario = make_scenario()
    expert = dataclasses.replace(scenario.customer("anna"), technical_level=TechnicalLevel.EXPERT)
    d = Driver(dataclasses.replace(scenario, customers=(expert, *scenario.customers[1:])))
    d.send(75, CHAT, "Please flush your DNS.")
    assert moods(d, "anna") == [] and d.of_type("evidence_flagged", flag="jargon") == []


def test_empathy_calms_once_per_customer_message() -> None:
    d = Driver()
    d.say(306, CALL, "I can imagine, I apologise.")
    assert moods(d, "marc") == [("irritated", "empathy")]
    d.say(330, CALL, "I can imagine, I apologise.")  # Marc has spoken since: it counts again
    assert moods(d, "marc") == [("irritated", "empathy"), ("calm", "empathy")]


def test_empathy_twice_without_a_customer_word_counts_once() -> None:
    d = Driver()
    d.say(305, CALL, "I can imagine.")
    d.say(305.5, CALL, "I do apologise.")  # Marc has not spoken since
    assert d.sim.mood_score("marc") == pytest.approx(mood.START_SCORE["angry"] + mood.EMPATHY)


def test_a_progress_update_calms() -> None:
    d = Driver()
    d.say(306, CALL, "I am checking, I'll keep you informed.")
    assert d.sim.mood_score("marc") == pytest.approx(mood.START_SCORE["angry"] + mood.PROGRESS)


def test_rules_nudge_the_mood_and_win_over_built_in_empathy() -> None:
    d = Driver()
    d.say(306, CALL, "Sorry, I understand.")  # rule "empathy" (calmer), not also built-in empathy
    assert d.sim.mood_score("marc") == pytest.approx(1.5)
    d.say(330, CALL, "Have you tried to restart?")  # rule "restart" (angrier)
    assert moods(d, "marc")[-1] == ("angry", "rule restart")


def test_the_customer_sees_no_number_only_words() -> None:
    d = Driver()
    d.say(306, CALL, "Anything else?")
    d.at(312)
    assert d.customer_lines(CALL)[-1] == "No. Just make sure it's sorted."


def test_starting_moods_come_from_the_log() -> None:
    d = Driver()
    assert d.sim.mood_score("marc") == mood.START_SCORE[Mood.ANGRY.value]
    assert d.sim.mood_score("anna") == mood.START_SCORE[Mood.CALM.value]


# --------------------------------------------------------------------------- rules 2.3 (evid12)


@pytest.mark.parametrize(
    ("text", "lang", "act"),
    [
        ("Sorry you had to wait, Tom.", "en", "apology"),
        ("I'm sorry you're stuck with this, Tom.", "en", "empathy"),
        ("Sorry dat ge moest wachten, Els.", "nl", "apology"),
        ("Sorry dat u hiermee zit, Els.", "nl", "empathy"),
        ("Désolée pour l'attente, Madame Dubois.", "fr", "apology"),
        ("Je suis désolée que vous soyez bloquée avec ça.", "fr", "empathy"),
    ],
)
def test_an_apology_calms_the_customer_and_is_what_com6_credits(
    text: str, lang: str, act: str
) -> None:
    """The customer's mood calms on an apology (EMPATHY); COM-6 reads the same acts
    (`calming_in`), so a candidate who calmed the customer with one is credited. (Layer 2.8:
    sympathy with the customer's situation, "sorry that you're stuck with this", is `empathy`
    by the label guide, not `apology`; it calms the same.)"""
    assert mood.empathy_in(text, lang)
    assert act in mood.calming_in(text, lang)


def test_what_calms_is_one_set_for_the_mood_and_for_com6() -> None:
    assert mood.CALMING_ACTS == mood.EMPATHY_ACTS | mood.PROGRESS_ACTS
    assert mood.calming_in("The weather is nice today.", "en") == frozenset()


# --------------------------------------------------------------------------- rules 2.13 (bugs16)

GREETING_NO_EMPATHY = (
    "Morning Marc, Morag here on the IT desk. Tell me what's going on and we'll get it sorted."
)
"""worded-h's northwind greeting (docs/known-issues.md, "The eighth blind bank's misses"), to
Marc: a greeting and an offer of help. Read whole, the layer gives it `empathy`; neither of its
sentences carries any, which is what a person reads there too."""


def test_a_greeting_that_offers_help_does_not_calm_as_empathy() -> None:
    """Issue 12: the customer and COM-6 "can never disagree about what a message said". COM-6
    reads the candidate's own sentences; the mood read the message whole and calmed Marc on
    the greeting above, where COM-6 found nothing that calmed him (the plan, seeing him calm,
    then sent no empathy of its own)."""
    d = Driver()
    d.say(306, CALL, GREETING_NO_EMPATHY)
    assert "empathy" not in [cause for _, cause in moods(d, "marc")]
    assert d.sim.mood_score("marc") == pytest.approx(mood.START_SCORE["angry"])


@pytest.mark.parametrize(
    "text",
    [
        GREETING_NO_EMPATHY,
        "Good morning Marc. A demo in half an hour with the CRM down, that must be stressful.",
        "Hello Marc. That must be awful with a client waiting.",
        "Good morning. Let me pull up the CRM status page.",
        "The weather is nice today. It really is.",
    ],
)
def test_the_mood_calms_on_what_com6_reads_in_the_sentences(text: str) -> None:
    """One reading (rules 2.13): the customer's mood moves on empathy exactly when a sentence of
    the message carries it, sentence by sentence as COM-6 reads the candidate's own sentences
    (`measure_com._calmed_personally`, `integrity.empathy_to_the_calm`)."""
    d = Driver()
    d.say(306, CALL, text)
    calmed = "empathy" in [cause for _, cause in moods(d, "marc")]
    sentences = [s for s in text.split(". ") if s]
    assert calmed == any(mood.calming_in(s, "en") & mood.EMPATHY_ACTS for s in sentences)
