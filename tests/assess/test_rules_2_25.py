"""Rules 2.25 (branch evid41): proof, not the absence of faults (SIM-2, COM-3).

The stores printer chat of a bundled exam per language (2.10's): the candidate asks a question
of their own about the problem, the customer tells what the screen says and that the paper had
jammed before, and the candidate answers it within seconds, never over the customer. What the
candidate writes next decides. The wordings are none of the phrase banks' and not the
cheaters'. The expected readings come from the standard's text (../shared/standard/
competencies.md: COM-3 "lets the customer finish explaining the problem", SIM-2
"communicates in writing with the customer while following the information on screen"; the
assessment is a direct observation in which each competency is *proven*) and from how an
assessor credits listening, not from the code:

- A candidate who used what the customer told them (in a question, a step or a restatement
  after it was said), in whatever words, showed they heard: credited.
- A candidate who only thanked them, or put one of the customer's words in a frame, or listed
  the customer's words back, showed nothing heard: no evidence against and none for, to judge,
  and the competency is not favourable on that alone.
- An interruption still speaks against (2.10's test).
"""

from __future__ import annotations

import pytest

from helpdesk_tui.assess.model import Evidence, EvidenceStatus

from .test_rules_2_7 import evidence_of, say
from .test_rules_2_10 import ASKS, EXAMS, ROTE, TAKEN_UP, conv, leans, printer_chat, tells

OTHER_WORDS = {  # the same fact used in other words than TAKEN_UP's
    "en": "Right, so it jammed first and then threw that error at you.",
    "fr": "D'accord, c'était donc coincé avant que ce message soit écrit.",
    "nl": "Oké, het papier liep dus daarvoor vast en nu staat die fout er.",
}
ONE_WORD = {  # a frame with one of the customer's words in it: nothing of what they said heard
    "en": "For jammed, which you mentioned: follow this, one thing at a time.",
    "fr": "Pour écrit dont vous parliez : suivez ceci, une chose à la fois.",
    "nl": "Voor daarvoor waar u het over had: volg dit, één ding tegelijk.",
}
LISTED = {  # the customer's words listed back with nothing said between them (2.12's list)
    "en": "So: error, jammed, cutter and paper, right?",
    "fr": "Donc : écrit, avant, massicot et papier, c'est ça ?",
    "nl": "Dus: staat, daarvoor, snijmes en papier, klopt dat?",
}
THANKS = {"en": "Thank you.", "fr": "Merci.", "nl": "Dank u."}


def told_then(lang: str, reply: str) -> Evidence:
    """The printer chat taken up by a question of the candidate's own; the customer tells what
    the screen says; the candidate answers `reply`."""
    case, fact = EXAMS[lang][1], EXAMS[lang][2]
    ask = next(a for a in ASKS if a[0] == lang)[1]
    steps = printer_chat(lang, next(r for r in ROTE if r[0] == lang)[1], ask, None)
    steps.append(tells(lang, case, 100, fact))
    steps.append(say(case, 110, reply))
    return evidence_of(lang, steps)


def taken_up(lang: str) -> str:
    return TAKEN_UP[(lang, EXAMS[lang][2])]


@pytest.mark.parametrize("lang", sorted(EXAMS))
@pytest.mark.parametrize("said", ["taken_up", "other_words"])
def test_a_fact_used_after_it_was_told_proves_listening(lang: str, said: str) -> None:
    reply = taken_up(lang) if said == "taken_up" else OTHER_WORDS[lang]
    got = told_then(lang, reply)
    assert leans(got, lang) == {"SIM-2": True, "COM-3": True}
    assert got.status("COM-3") is EvidenceStatus.FAVOURABLE


@pytest.mark.parametrize("lang", sorted(EXAMS))
@pytest.mark.parametrize("said", [THANKS, ONE_WORD, LISTED], ids=["thanks", "one-word", "listed"])
def test_nothing_heard_is_no_evidence_either_way(lang: str, said: dict[str, str]) -> None:
    got = told_then(lang, said[lang])
    assert leans(got, lang) == {"SIM-2": None, "COM-3": None}
    for cid in ("SIM-2", "COM-3"):
        item = next(i for i in got.for_competency(cid) if i.subject == conv(EXAMS[lang][1]))
        assert item.figures["heard"] is False
        assert got.status(cid) is not EvidenceStatus.FAVOURABLE


@pytest.mark.parametrize("lang", sorted(EXAMS))
def test_the_report_says_why_in_the_assessors_language(lang: str) -> None:
    got = told_then(lang, THANKS[lang])
    item = next(i for i in got.for_competency("COM-3") if i.subject == conv(EXAMS[lang][1]))
    said = {"en": "nothing against it, nothing for it", "fr": "rien contre, rien pour",
            "nl": "niets ertegen, niets ervoor"}[lang]  # fmt: skip
    assert said in item.summary
