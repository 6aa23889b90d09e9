"""Rules 2.10 (branch evid19): the rote competencies count on contacts that took up their case.

Scripted chats on three bundled scenarios, one per language (the stores printer whose cutter
jammed: its customer tells what the screen says, what was tried and that a second till exists
only when asked). The wordings are none of the phrase banks' and not the cheaters'. The
expected verdicts come from the standard's text (../shared/standard/competencies.md) and
docs/assessment.md 3b, not from the code:

- SIM-2 "communicates in writing with the customer while following the information on
  screen" and COM-3 "lets the customer finish explaining the problem": replies sent in time
  and never over the customer's typing show it only when the replies take the problem up. A
  chat answered quickly with words that could go to anyone ("Noted, one moment") and never
  asks about or answers this customer's problem is to judge, not credited.
- The same chat where the candidate asked, in their own words, about the problem and the
  customer told what the screen says (a fact of the case), or where the candidate told the
  case's solution in their own words, took the case up: the same replies are credited.
- A question put word for word to several customers (a battery), or asking who the customer
  is (the procedure's identification, asked of everyone), asks nothing about this case.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.assess.model import Evidence

from .kit import Step
from .test_rules_2_7 import OPTIONS, evidence_of, first_name, incident, one, opened, say

EXAMS = {  # language: (scenario, the printer chat, its screen fact, its identity fact, a calm chat)
    "en": ("en-calder-valley-exam", "lisa-stores-printer", "message", "identity",
           "joanne-ceo-calendar"),
    "fr": ("fr-haute-meuse-examen", "nathalie-caisse-boutique", "message", "identite",
           "sylvie-agenda-partage"),
    "nl": ("nl-lindeveld-examen", "els-zwembad-bonprinter", "melding", "identiteit",
           "hilde-agenda-burgemeester"),
}  # fmt: skip

ROTE = [  # replies that could go to anyone: nothing of the problem asked, given back or solved
    ("en", "Thanks {n}, noted. I'm looking into it for you.", "Okay, one moment please."),
    ("en", "Right {n}, got it, bear with me.", "Still with you, just a second."),
    ("fr", "Merci {n}, c'est noté, je regarde ça pour vous.", "D'accord, un instant s'il vous plaît."),
    ("fr", "Bien reçu {n}, je m'en occupe.", "Je suis toujours là, une petite seconde."),
    ("nl", "Dank u {n}, genoteerd, ik kijk het voor u na.", "Oké, een ogenblikje alstublieft."),
    ("nl", "Goed {n}, begrepen, even geduld.", "Ik ben er nog, heel even."),
]  # fmt: skip
ASKS = [  # a question of the candidate's own about the problem: the customer tells the screen
    ("en", "And what does it say on the screen of the stores system right now?"),
    ("en", "Is there an error message showing next to that red light?"),
    ("fr", "Et que dit l'écran de la caisse depuis que le papier s'est coincé ?"),
    ("fr", "Voyez-vous un message d'erreur à côté du voyant rouge ?"),
    ("nl", "En wat staat er op het scherm van de kassa sinds het papier vastzat?"),
    ("nl", "Ziet u een foutmelding naast dat rode lampje?"),
]
SOLVES = OPTIONS  # the case's solution (the second till) in the candidate's own words (2.7's)
IDENTIFY = {  # the procedure's identification: the customer tells who they are
    "en": "Could you give me your full name and your team, please?",
    "fr": "Pouvez-vous me donner votre nom et votre service, s'il vous plaît ?",
    "nl": "Mag ik uw naam en uw dienst, alstublieft?",
}


TAKEN_UP = {  # (2.25) the fact the customer told used afterwards, in the candidate's own words
    ("en", "message"): "Thanks, so the error came up after it jammed; let's sort that out.",
    ("fr", "message"): "Merci : ce qui est écrit là est venu juste après le bourrage d'avant, "
    "on s'en occupe.",
    ("nl", "melding"): "Dank u: die melding staat er dus sinds het papier daarvoor klem zat, dat "
    "lossen we op.",
    ("en", "old-laptop"): "Thanks, so it used to sit on the left, and that laptop went back "
    "yesterday.",
    ("en", "which-camera"): "Thanks, so no separate webcam, only the built-in one.",
    ("fr", "ancien-portable"): "Merci : il était donc à gauche sur l'ancien portable, que vous "
    "avez rendu hier.",
    ("fr", "quelle-camera"): "Merci, donc aucune webcam branchée à part, seulement celle du "
    "ThinkPad.",
    ("nl", "oude-laptop"): "Dank u, dus links op de oude laptop, en die hebt u gisteren "
    "ingeleverd.",
    ("nl", "welke-camera"): "Dank u, dus geen aparte webcam, enkel die van de ThinkPad.",
}
"""What a listening candidate writes after the customer told a fact: it is used (rules 2.25
asks for that before SIM-2's and COM-3's `+`: the fault that did not happen proves nothing)."""


def after_fact(lang: str, fact: str) -> str:
    """The candidate's reply to a fact told: it taken up where the test has a line for it."""
    return TAKEN_UP.get((lang, fact), {"en": "Thank you.", "fr": "Merci.", "nl": "Dank u."}[lang])


def conv(incident_id: str) -> str:
    return f"c-{incident_id}"


def tells(lang: str, incident_id: str, at: float, fact_id: str) -> Step:
    fact = next(f for f in incident(lang, incident_id).facts if f.id == fact_id)
    return (at, "customer_message", {"conversation_id": conv(incident_id), "text": fact.answer,
                                     "reveals": [fact_id]})  # fmt: skip


def printer_chat(lang: str, first: str, second: str, fact: str | None) -> list[Step]:
    """The printer chat: the customer's two messages, each answered within seconds; after
    the second answer the customer tells `fact` (None: says nothing more)."""
    case = EXAMS[lang][1]
    name = first_name(lang, case)
    steps = opened(lang, case, 60)
    steps.append(say(case, 70, first.format(n=name)))
    steps.append(
        (80, "customer_message", {"conversation_id": conv(case),
                                  "text": incident(lang, case).messages[1].text})
    )  # fmt: skip
    steps.append(say(case, 90, second.format(n=name)))
    if fact is not None:
        steps.append(tells(lang, case, 100, fact))
        steps.append(say(case, 110, after_fact(lang, fact)))
    return steps


def leans(evidence: Evidence, lang: str) -> dict[str, bool | None]:
    subject = conv(EXAMS[lang][1])
    return {cid: one(evidence, cid, subject).favourable for cid in ("SIM-2", "COM-3")}


@pytest.mark.parametrize(("lang", "first", "second"), ROTE)
def test_quick_replies_that_take_nothing_up_are_to_judge(
    lang: str, first: str, second: str
) -> None:
    got = evidence_of(lang, printer_chat(lang, first, second, None))
    assert leans(got, lang) == {"SIM-2": None, "COM-3": None}
    assert one(got, "SIM-2", conv(EXAMS[lang][1])).figures["engaged_with_case"] is False


@pytest.mark.parametrize(("lang", "ask"), ASKS)
def test_a_question_of_their_own_that_draws_a_fact_takes_the_case_up(lang: str, ask: str) -> None:
    first = next(r for r in ROTE if r[0] == lang)[1]
    steps = printer_chat(lang, first, ask, EXAMS[lang][2])
    assert leans(evidence_of(lang, steps), lang) == {"SIM-2": True, "COM-3": True}


@pytest.mark.parametrize(("lang", "solution"), SOLVES)
def test_the_solution_in_their_own_words_takes_the_case_up(lang: str, solution: str) -> None:
    """(2.25) The case is taken up, but the article's workaround told with nothing the customer
    said used shows the article was found, not that the customer was heard: to judge, for that
    reason only (not 2.10's)."""
    first = next(r for r in ROTE if r[0] == lang)[1]
    got = evidence_of(lang, printer_chat(lang, first, solution, None))
    assert leans(got, lang) == {"SIM-2": None, "COM-3": None}
    item = one(got, "COM-3", conv(EXAMS[lang][1]))
    assert item.figures["heard"] is False
    assert "engaged_with_case" not in item.figures


@pytest.mark.parametrize("lang", sorted(EXAMS))
def test_asking_who_the_customer_is_takes_nothing_up(lang: str) -> None:
    first = next(r for r in ROTE if r[0] == lang)[1]
    steps = printer_chat(lang, first, IDENTIFY[lang], EXAMS[lang][3])
    assert leans(evidence_of(lang, steps), lang) == {"SIM-2": None, "COM-3": None}


@pytest.mark.parametrize(("lang", "ask"), ASKS)
def test_the_same_question_put_to_another_customer_is_a_battery(lang: str, ask: str) -> None:
    first = next(r for r in ROTE if r[0] == lang)[1]
    steps = printer_chat(lang, first, ask, EXAMS[lang][2])
    other = EXAMS[lang][4]
    steps += opened(lang, other, 200)
    steps.append(say(other, 210, ask))
    assert leans(evidence_of(lang, steps), lang) == {"SIM-2": None, "COM-3": None}


@pytest.mark.parametrize(("lang", "ask"), ASKS)
def test_an_interruption_still_speaks_against(lang: str, ask: str) -> None:
    """A `-` stays whatever the contact took up: the rule turns only `+` to `?`."""
    case = EXAMS[lang][1]
    steps = printer_chat(lang, next(r for r in ROTE if r[0] == lang)[1], ask, None)
    steps.append((118, "customer_typing", {"conversation_id": conv(case), "duration_s": 30.0}))
    steps.append(say(case, 120, ask))
    got = one(evidence_of(lang, steps), "COM-3", conv(case))
    assert got.favourable is False


@pytest.mark.parametrize(("lang", "ask"), ASKS)
def test_the_customer_may_answer_an_earlier_question(lang: str, ask: str) -> None:
    """The fact comes after a later message that asks nothing of it: the question drew it."""
    case = EXAMS[lang][1]
    first = next(r for r in ROTE if r[0] == lang)[1]
    steps = printer_chat(lang, first, ask, None)
    steps.append(say(case, 95, next(r for r in ROTE if r[0] == lang)[2]))
    steps.append(tells(lang, case, 100, EXAMS[lang][2]))
    steps.append(say(case, 110, after_fact(lang, EXAMS[lang][2])))
    assert leans(evidence_of(lang, steps), lang) == {"SIM-2": True, "COM-3": True}


@pytest.mark.parametrize(("lang", "first", "second"), ROTE)
def test_a_fact_told_unasked_takes_nothing_up(lang: str, first: str, second: str) -> None:
    """The customer tells what the screen says after replies that asked nothing of it."""
    steps = printer_chat(lang, first, second, EXAMS[lang][2])
    assert leans(evidence_of(lang, steps), lang) == {"SIM-2": None, "COM-3": None}
