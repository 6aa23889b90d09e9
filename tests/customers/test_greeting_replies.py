"""A customer's courtesy replies in a conversation that moved on (the lead, 2026-12-04).

fr-val-de-lesse-garde: Isabelle answered the candidate's greeting "Bonjour." 16 s later,
after the candidate's next message and after her own scripted one, though her first message
already said "Bonjour". What a person does, and what the task asks: a reply the conversation
has moved past is not said (never answer an old message after a newer one from the
candidate), and a customer who already greeted does not greet back with a bare greeting.

The kit's chat (Anna's printer) opens at 60 s with her first message and writes her second
20 s later (at 80 s); each is typed at five characters a second.
"""

from __future__ import annotations

import dataclasses

import pytest
from simulate.kit import PRINTER, Driver, make_scenario

from helpdesk_tui.scenario.model import Message

CHAT = "C-printer"

WORDS = {
    # language: (her first message with a greeting, the same without, her second message,
    #            the candidate's greeting, the candidate's question, her bare greeting)
    "en": (
        "Hello, the printer next to my desk only prints empty pages.",
        "The printer next to my desk only prints empty pages.",
        "I need to print the invoices before noon!",
        "Good morning Anna, service desk here. How can I help you?",
        "Which printer is it?",
        "Hello.",
    ),
    "nl": (
        "Hallo, de printer naast mijn bureau drukt alleen lege bladen af.",
        "De printer naast mijn bureau drukt alleen lege bladen af.",
        "Ik moet de facturen voor de middag afdrukken!",
        "Goedemorgen Anna, servicedesk. Waarmee kan ik u helpen?",
        "Welke printer is het?",
        "Hallo.",
    ),
    "fr": (
        "Bonjour, l'imprimante à côté de mon bureau ne sort que des pages blanches.",
        "L'imprimante à côté de mon bureau ne sort que des pages blanches.",
        "Je dois imprimer les factures avant midi !",
        "Bonjour Anna, service d'assistance. Comment puis-je vous aider ?",
        "Quelle imprimante est-ce ?",
        "Bonjour.",
    ),
}


def driver(language: str, greets: bool) -> Driver:
    first, plain, second, *_ = WORDS[language]
    messages = (Message(0.0, first if greets else plain), Message(20.0, second))
    printer = dataclasses.replace(PRINTER, messages=messages)
    return Driver(make_scenario(language=language, incidents=(printer,)))


@pytest.mark.parametrize("language", sorted(WORDS))
def test_a_customer_who_greeted_does_not_greet_back(language: str) -> None:
    d = driver(language, greets=True)
    d.say(75, CHAT, WORDS[language][3])  # after her first message, before her second
    d.at(200)
    assert WORDS[language][5] not in d.customer_lines(CHAT)


@pytest.mark.parametrize("language", sorted(WORDS))
def test_a_customer_who_did_not_greet_greets_back(language: str) -> None:
    """The control: the greeting is answered when it is the customer's first."""
    d = driver(language, greets=False)
    d.say(75, CHAT, WORDS[language][3])
    d.at(200)
    assert WORDS[language][5] in d.customer_lines(CHAT)


@pytest.mark.parametrize("language", sorted(WORDS))
def test_a_greeting_reply_the_conversation_moved_past_is_not_said(language: str) -> None:
    """Greeted at 79 s (she is quiet), she types her second message from 80 s (to about
    88 s); the candidate asks at 85 s, while she types (as the lead did), so before she
    could answer the greeting: no "Hello." after the question."""
    d = driver(language, greets=False)
    d.say(79, CHAT, WORDS[language][3])
    asked = d.send(85, CHAT, WORDS[language][4])
    d.at(300)
    later = [
        e.data["text"]
        for e in d.of_type("customer_message", conversation_id=CHAT)
        if e.exam_time > asked.exam_time
    ]
    assert later, "she answers the question"
    assert WORDS[language][5] not in later
