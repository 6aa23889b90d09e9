"""Rules 2.27 (branch evid45): a ticket parked without cause is not "still running".

The test desk's printer chat (Anna, "the printer only prints empty pages"), registered as
T-1001 and set pending after what the operator wrote. The operator's words below were written
by hand, in nl, fr and en, before `assess/parking.py` had any pattern, and are none of the
phrase banks' or the cheaters'. The expected readings come from docs/assessment.md (SOL-3: the
clock stops while pending, for the time the desk waits on someone) and from what an ITIL
service desk calls pending: waiting on the customer for something asked of them (a serial
number, a screenshot, the outcome of a try), or on a third party that has the ticket. Not from
the code:

- Honest: a question (with or without "?"), a request (in the chat, or in a reply on the
  ticket), "try this and tell me", "I would need ..." since the customer last wrote. SOL-3 is
  read on its targets as before: never against because of the pending.
- Without cause: pending after only an empathy line, after "we're on it", after the closing
  question, after nothing at all, or again after the customer answered with nothing new asked.
  SOL-3 is against, and its item says when: "pending on the customer at 0:03:00 without a
  question to them".
- On a third party: honest while a group has the ticket (transferred, not sent back); without
  cause when no group ever had it, or after the group sent it back as not theirs.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any

import pytest

from helpdesk_tui.assess.evidence import gather_evidence
from helpdesk_tui.assess.model import EvidenceItem
from helpdesk_tui.scenario.model import Scenario

from .kit import Step, load_test_scenario, play

OPENING = {
    "en": "Hi, the printer only prints empty pages.",
    "nl": "Hallo, de printer drukt alleen lege bladzijden af.",
    "fr": "Bonjour, l'imprimante n'imprime que des pages blanches.",
}
HONEST = {  # asked of the customer, what the ticket then waits for
    "serial": {
        "en": "Could you send me the serial number? It is on a white sticker under the printer.",
        "nl": "Kunt u mij het serienummer bezorgen? Het staat op een wit etiket onder de printer.",
        "fr": "Pourriez-vous me communiquer le numéro de série ? Il se trouve sur l'étiquette "
        "sous l'imprimante.",
    },
    "screenshot": {
        "en": "Please take a screenshot of the print queue and send it to me.",
        "nl": "Neem een schermafdruk van de afdrukwachtrij en stuur die naar mij door.",
        "fr": "Faites une capture d'écran de la file d'impression et envoyez-la-moi.",
    },
    "try_and_tell": {
        "en": "Can you switch the printer off and on once and tell me whether the pages are "
        "still blank.",
        "nl": "Wilt u de printer eens uit- en aanzetten en mij laten weten of de bladzijden nog "
        "leeg zijn.",
        "fr": "Pouvez-vous éteindre et rallumer l'imprimante et me dire si les pages sont "
        "toujours blanches.",
    },
    "no_question_mark": {
        "en": "When you are back at the printer, what does its little display say exactly",
        "nl": "Welke melding ziet u precies op het schermpje van de printer als u er terug bent",
        "fr": "Quel message voyez-vous exactement sur le petit écran de l'imprimante",
    },
    "need": {
        "en": "I would need the serial number of the printer to order the part.",
        "nl": "Ik heb het serienummer van de printer nodig om het onderdeel te bestellen.",
        "fr": "J'aurais besoin du numéro de série de l'imprimante pour commander la pièce.",
    },
}
GAMING = {  # nothing asked: the ticket waits on no one
    "empathy": {
        "en": "I'm sorry about this, I understand how annoying blank pages are.",
        "nl": "Sorry hiervoor, ik begrijp hoe vervelend lege bladzijden zijn.",
        "fr": "Désolé, je comprends à quel point ces pages blanches sont agaçantes.",
    },
    "on_it": {
        "en": "Thanks for reporting it, we're on it.",
        "nl": "Bedankt voor de melding, we zijn ermee bezig.",
        "fr": "Merci pour le signalement, nous nous en occupons.",
    },
    "closing": {
        "en": "Is there anything else I can do for you?",
        "nl": "Kan ik nog iets anders voor u doen?",
        "fr": "Puis-je faire autre chose pour vous ?",
    },
}
ANSWER = {
    "en": "It's CNB1234567, on the sticker as you said.",
    "nl": "Het is CNB1234567, op het etiket zoals u zei.",
    "fr": "C'est CNB1234567, sur l'étiquette comme vous disiez.",
}
LANGS = ("en", "nl", "fr")
CONV = "chat-1"
TICKET = "T-1001"


@cache
def desk(lang: str) -> Scenario:
    """The test desk, its exam in `lang` (the language its messages are read in)."""
    return dataclasses.replace(load_test_scenario(), language=lang)


def registered(lang: str) -> list[Step]:
    """Anna's chat, greeted, and her ticket registered from it (T-1001)."""
    return [
        (60, "chat_opened", {"conversation_id": CONV, "customer_id": "anna",
                             "incident_id": "printer-blank", "subject": "Printer"}),
        (65, "customer_message", {"conversation_id": CONV, "text": OPENING[lang]}),
        (100, "ticket_created", {"ticket_id": TICKET, "customer_id": "anna",
                                 "conversation_id": CONV, "title": "Printer prints blank pages",
                                 "description": OPENING[lang], "category": "printing",
                                 "impact": "low", "urgency": "medium"}),
    ]  # fmt: skip


def said(at: float, text: str, reply: bool = False) -> Step:
    """The operator's words: in the chat, or (`reply`) as a reply on the ticket."""
    if reply:
        return (at, "ticket_reply_added", {"ticket_id": TICKET, "text": text})
    return (at, "message_sent", {"conversation_id": CONV, "text": text})


def pending(at: float, on: str = "customer") -> Step:
    return (at, "ticket_pending", {"ticket_id": TICKET, "waiting_on": on})


def sol3(lang: str, steps: list[Step]) -> EvidenceItem:
    """T-1001's SOL-3 item at the end of a 30-minute exam."""
    scenario = desk(lang)
    evidence = gather_evidence(play(scenario, registered(lang) + steps, end_at=1800), scenario)
    found = [i for i in evidence.for_competency("SOL-3") if i.subject == TICKET]
    assert len(found) == 1, [i.summary for i in found]
    return found[0]


def parked(item: EvidenceItem) -> Any:
    return item.figures["parked_without_cause"]


# ---------------------------------------------------------------------- honest pendings


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", sorted(HONEST))
def test_pending_after_asking_the_customer_is_honest(kind: str, lang: str) -> None:
    item = sol3(lang, [said(120, HONEST[kind][lang]), pending(180)])
    assert parked(item) == 0, item.summary
    assert item.favourable is not False  # the targets still running: to judge, as before


@pytest.mark.parametrize("lang", LANGS)
def test_a_request_sent_in_the_tickets_reply_is_asking_too(lang: str) -> None:
    item = sol3(lang, [said(120, HONEST["screenshot"][lang], reply=True), pending(180)])
    assert parked(item) == 0 and item.favourable is not False, item.summary


@pytest.mark.parametrize("lang", LANGS)
def test_asked_again_after_the_answer_and_parked_again_is_honest(lang: str) -> None:
    item = sol3(lang, [
        said(120, HONEST["serial"][lang]), pending(180),
        (300, "customer_message", {"conversation_id": CONV, "text": ANSWER[lang]}),
        said(330, HONEST["screenshot"][lang]), pending(360),
    ])  # fmt: skip
    assert parked(item) == 0 and item.favourable is not False, item.summary


def test_a_pending_resolved_in_time_stays_met() -> None:
    item = sol3("en", [
        said(120, HONEST["serial"]["en"]), pending(180),
        (300, "customer_message", {"conversation_id": CONV, "text": ANSWER["en"]}),
        said(330, "Thanks. Please pull the sealing tape out of the new toner and print again."),
        (400, "ticket_resolved", {"ticket_id": TICKET, "solution": "Removed the toner's tape."}),
    ])  # fmt: skip
    assert parked(item) == 0 and item.favourable is True, item.summary


# ---------------------------------------------------------------------- without cause


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", sorted(GAMING))
def test_pending_after_asking_nothing_speaks_against(kind: str, lang: str) -> None:
    item = sol3(lang, [said(120, GAMING[kind][lang]), pending(180)])
    assert item.favourable is False and parked(item) == 1
    assert "0:03:00" in item.summary


def test_the_item_tells_the_assessor_when_and_why() -> None:
    item = sol3("en", [said(120, GAMING["on_it"]["en"]), pending(642)])
    assert "pending on the customer at 0:10:42 without a question to them" in item.summary
    assert "clocks stopped without cause" in item.summary


def test_pending_with_nothing_said_at_all_speaks_against() -> None:
    item = sol3("en", [pending(180)])
    assert item.favourable is False and parked(item) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_parked_again_when_the_customer_writes_speaks_against(lang: str) -> None:
    item = sol3(lang, [
        said(120, HONEST["serial"][lang]), pending(180),  # honest
        (300, "customer_message", {"conversation_id": CONV, "text": ANSWER[lang]}),
        said(310, GAMING["on_it"][lang]), pending(320),  # the answer came, nothing new asked
    ])  # fmt: skip
    assert item.favourable is False and parked(item) == 1
    assert "0:05:20" in item.summary


def test_each_repark_is_counted() -> None:
    steps = [said(120, GAMING["empathy"]["en"]), pending(180)]
    for at in (300, 500, 700):
        steps += [(at, "customer_message", {"conversation_id": CONV, "text": "Any news?"}),
                  pending(at + 20)]  # fmt: skip
    item = sol3("en", steps)
    assert parked(item) == 4 and "and 3 more times" in item.summary


def test_a_question_asked_before_the_customer_last_wrote_does_not_count() -> None:
    item = sol3("en", [
        said(120, HONEST["serial"]["en"]),
        (150, "customer_message", {"conversation_id": CONV, "text": "Just a moment."}),
        pending(180),
    ])  # fmt: skip
    assert item.favourable is False and parked(item) == 1


# ---------------------------------------------------------------------- on a third party


def test_pending_on_a_group_that_has_the_ticket_is_honest() -> None:
    item = sol3("en", [
        said(120, GAMING["on_it"]["en"]),
        (130, "ticket_transferred", {"ticket_id": TICKET, "group": "network",
                                     "reason": "Printer on the network segment"}),
        pending(150, on="third_party"),
    ])  # fmt: skip
    assert parked(item) == 0 and item.favourable is not False, item.summary


def test_pending_on_a_third_party_no_group_had_speaks_against() -> None:
    item = sol3("en", [said(120, GAMING["on_it"]["en"]), pending(150, on="third_party")])
    assert item.favourable is False and "while no group had it" in item.summary


def test_pending_on_a_group_that_sent_it_back_speaks_against() -> None:
    item = sol3("en", [
        said(120, GAMING["on_it"]["en"]),
        (130, "ticket_transferred", {"ticket_id": TICKET, "group": "network",
                                     "reason": "Printer on the network segment"}),
        (400, "second_line_reply", {"ticket_id": TICKET, "group": "network",
                                    "text": "Not ours: printers are desktop support."}),
        pending(420, on="third_party"),
    ])  # fmt: skip
    assert item.favourable is False
    assert "after Network team had sent it back" in item.summary
