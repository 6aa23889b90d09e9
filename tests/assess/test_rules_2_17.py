"""Rules 2.17 (branch evid26): the rote four need the case taken up on a share of the contacts.

Scripted chats on three bundled scenarios, one per language: the stores printer of 2.10's tests
(its customer tells what the screen says when asked) and three calm customers' chats (the
director's shared calendar, the black camera, the locked-out account). Every chat is answered
within seconds and never over the customer, so each shows the form SIM-2 and COM-3 measure.
The wordings are none of the phrase banks' and not the cheaters'. The expected verdicts come
from the standard's text (../shared/standard/competencies.md) and docs/assessment.md 3b, not
from the code:

- SIM-2 "communicates in writing with the customer while following the information on screen"
  and COM-3 "lets the customer finish explaining the problem" are ways of working. A candidate
  who asked about one customer's problem and answered the other three with words that could go
  to anyone ("Noted, one moment") showed them on one case in four: whether that is their way of
  working is for the assessor to judge, not credited.
- The same candidate who also asked two of the calm customers about their own problem, in their
  own words, took up three cases in four: the replies in time are credited.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.assess.model import Evidence, EvidenceStatus

from .kit import Step
from .test_rules_2_7 import evidence_of, first_name, opened, say
from .test_rules_2_10 import ASKS, EXAMS, ROTE, after_fact, conv, leans, printer_chat, tells

CALM = {  # language: three calm customers' chats of the exam
    "en": ("joanne-ceo-calendar", "aisha-camera-black", "pauline-locked-out"),
    "fr": ("sylvie-agenda-partage", "aicha-camera-noire", "marietherese-session-verrouillee"),
    "nl": ("hilde-agenda-burgemeester", "sarah-camera-zwart", "ria-aanmelding-geblokkeerd"),
}
OWN_QUESTIONS = {  # language: a question of the candidate's own about each of two calm cases
    "en": (
        ("And on your old laptop, where exactly did his calendar sit?", "old-laptop"),
        ("Is it the laptop's built-in camera, or a webcam you plug in?", "which-camera"),
    ),
    "fr": (
        ("Et sur l'ancien portable, son agenda s'affichait où exactement ?", "ancien-portable"),
        ("C'est la caméra intégrée au portable, ou une webcam branchée à part ?", "quelle-camera"),
    ),
    "nl": (
        ("En op de oude laptop, waar stond zijn agenda toen precies?", "oude-laptop"),
        ("Gaat het om de ingebouwde camera van de laptop of om een losse webcam?", "welke-camera"),
    ),
}


def calm_chat(lang: str, case: str, at: float, second: str, fact: str | None) -> list[Step]:
    """A calm customer's chat: a stock reply within seconds, then `second`; the customer
    tells `fact` after it (None: says nothing more)."""
    rote = next(r for r in ROTE if r[0] == lang)
    steps = opened(lang, case, at)
    steps.append(say(case, at + 10, rote[1].format(n=first_name(lang, case))))
    steps.append(say(case, at + 20, second))
    if fact is not None:
        steps.append(tells(lang, case, at + 30, fact))
        steps.append(say(case, at + 40, after_fact(lang, fact)))
    return steps


def exam_of(lang: str, ask: str, asked_calm: int) -> Evidence:
    """The printer chat taken up by `ask`; of the three calm chats, the first `asked_calm` are
    asked about their own problem (`OWN_QUESTIONS`), the rest answered by rote only."""
    first, second = next(r for r in ROTE if r[0] == lang)[1:]
    steps = printer_chat(lang, first, ask, EXAMS[lang][2])
    for k, case in enumerate(CALM[lang]):
        at = 200 + 60 * k
        if k < asked_calm:
            question, fact = OWN_QUESTIONS[lang][k]
            steps += calm_chat(lang, case, at, question, fact)
        else:
            steps += calm_chat(lang, case, at, second, None)
    return evidence_of(lang, steps)


@pytest.mark.parametrize(("lang", "ask"), ASKS)
def test_one_case_taken_up_in_four_is_to_judge(lang: str, ask: str) -> None:
    got = exam_of(lang, ask, asked_calm=0)
    assert leans(got, lang) == {"SIM-2": None, "COM-3": None}
    printer = next(i for i in got.for_competency("COM-3") if i.subject == conv(EXAMS[lang][1]))
    assert printer.figures["engaged_with_case"] is True
    assert (printer.figures["engaged_contacts"], printer.figures["contacts"]) == (1, 4)
    assert got.status("COM-3") is not EvidenceStatus.FAVOURABLE


@pytest.mark.parametrize(("lang", "ask"), ASKS)
def test_three_cases_taken_up_in_four_are_credited(lang: str, ask: str) -> None:
    got = exam_of(lang, ask, asked_calm=2)
    assert leans(got, lang) == {"SIM-2": True, "COM-3": True}
    for case in CALM[lang][:2]:
        item = next(i for i in got.for_competency("COM-3") if i.subject == conv(case))
        assert item.favourable is True, item.summary
    assert got.status("COM-3") is EvidenceStatus.FAVOURABLE


def test_the_item_says_how_many_contacts_took_up_their_case() -> None:
    """What the assessor reads: the share, with the contacts counted, in their language."""
    for lang, ask in (("en", ASKS[0][1]), ("fr", ASKS[2][1]), ("nl", ASKS[4][1])):
        got = exam_of(lang, ask, asked_calm=0)
        printer = next(i for i in got.for_competency("SIM-2") if i.subject == conv(EXAMS[lang][1]))
        assert "1" in printer.summary and "4" in printer.summary, printer.summary
        said = {"en": "1 of the 4 contacts", "fr": "1 des 4 contacts", "nl": "1 van de 4 contacten"}
        assert said[lang] in printer.summary, printer.summary
