"""Rules 2.7 (branch evid16): empathy said to everyone, an option chosen blind, facts told after
the answer.

Scripted exams on three bundled scenarios, one per language; each case is the scenario's own
(the stores printer whose cutter jammed, with a queue waiting: its customer starts irritated,
the four chats before it start calm). The wordings are none of the phrase banks' and not the
`savvy` cheater's. The expected verdicts come from the standard's text
(../shared/standard/competencies.md) and docs/assessment.md 3b:

- COM-6 "calms the customer": empathy is an answer to this customer's mood. The same empathy
  said to every customer, calm ones too, is a formula said whatever the mood: it calms no one
  in particular, so it is not credited. Empathy said to the upset customer is.
- SOL-8 "gives the one that fits the urgency and impact": the fitting option chosen before the
  customer told what tells the options apart (what the screen says, what was tried, whether
  another till exists) was not chosen for this case: to judge, not credited.
- COM-2 "asks clarifying questions to get to the core of the problem": facts that come out
  before the answer; what the customer tells in reply to the answer was not asked for.
"""

from __future__ import annotations

from functools import cache

import pytest

from helpdesk_tui import paths
from helpdesk_tui.assess.evidence import gather_evidence
from helpdesk_tui.assess.model import Evidence, EvidenceItem
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import Incident, Scenario

from .kit import Step, play

EXAMS = {  # language: (scenario, the upset customer's printer chat, four calm customers' chats)
    "en": ("en-calder-valley-exam", "lisa-stores-printer",
           ("joanne-ceo-calendar", "aisha-camera-black", "pauline-locked-out",
            "gemma-office-offline")),
    "fr": ("fr-haute-meuse-examen", "nathalie-caisse-boutique",
           ("sylvie-agenda-partage", "aicha-camera-noire", "marietherese-session-verrouillee",
            "pascal-agence-hors-ligne")),
    "nl": ("nl-lindeveld-examen", "els-zwembad-bonprinter",
           ("hilde-agenda-burgemeester", "sarah-camera-zwart", "ria-aanmelding-geblokkeerd",
            "jan-filiaal-offline")),
}  # fmt: skip

FORMULAS = [  # one empathy sentence, the customer's name put in, said to every customer
    ("en", "{n}, I totally understand how annoying this must be for you."),
    ("en", "Sorry to hear about that {n}, I know how stressful it can be."),
    ("fr", "{n}, je comprends tout à fait à quel point c'est agaçant."),
    ("fr", "Navré d'entendre cela {n}, je sais combien c'est stressant."),
    ("nl", "{n}, ik begrijp helemaal hoe vervelend dit voor u moet zijn."),
    ("nl", "Wat naar om te horen {n}, ik weet hoe stresserend dat kan zijn."),
]
ANSWERING = [  # empathy for the customer who is upset, the others get none
    ("en", "With the whole queue waiting on you, {n}, I understand this is stressful."),
    ("en", "I can imagine how frustrating that is with people waiting, {n}."),
    (
        "fr",
        "Des clients qui attendent et l'imprimante bloquée, {n} : je comprends que ce soit tendu.",
    ),
    ("fr", "J'imagine bien que c'est frustrant avec du monde qui attend, {n}."),
    ("nl", "Een wachtrij en een printer die vastzit, {n}: ik begrijp dat de druk hoog is."),
    ("nl", "Ik kan me voorstellen dat dat frustrerend is met mensen die wachten, {n}."),
]
PLAIN = {  # what the calm customers get from a candidate who answers each mood
    "en": "Good morning {n}, what can I do for you?",
    "fr": "Bonjour {n}, que puis-je faire pour vous ?",
    "nl": "Goedemorgen {n}, waarmee kan ik u helpen?",
}
OPTIONS = [  # the fitting option (the second till), in two wordings per language
    ("en", "For now, please carry on issuing at till 2 on the trade counter."),
    ("en", "Meanwhile use the second till by the yard gate, it prints the same notes."),
    ("fr", "En attendant, continuez les locations à la caisse 2 du comptoir bandagisterie."),
    ("fr", "Passez à la caisse 2 pour le moment, elle imprime les mêmes tickets."),
    ("nl", "Verkoop voorlopig verder op kassa 2 aan de ingang van de sporthal."),
    ("nl", "Ga intussen naar kassa 2, die drukt dezelfde bonnen af."),
]
ASK = {  # one question about the screen, what was tried and another till
    "en": "What does the screen say, what have you tried, and is there another till nearby?",
    "fr": "Quel message voyez-vous, qu'avez-vous déjà essayé, et y a-t-il une autre caisse ?",
    "nl": "Welke melding ziet u, wat heeft u al geprobeerd, en is er een andere kassa?",
}


@cache
def exam(lang: str) -> Scenario:
    return load_scenario(paths.scenarios_dir() / EXAMS[lang][0])


def incident(lang: str, incident_id: str) -> Incident:
    return next(i for i in exam(lang).incidents if i.id == incident_id)


def first_name(lang: str, incident_id: str) -> str:
    who = incident(lang, incident_id).customer
    return next(c.name for c in exam(lang).customers if c.id == who).split()[0]


def opened(lang: str, incident_id: str, at: float) -> list[Step]:
    """The customer's chat opens and they say their first message."""
    case = incident(lang, incident_id)
    conv = f"c-{incident_id}"
    return [
        (at, "chat_opened", {"conversation_id": conv, "customer_id": case.customer,
                             "incident_id": incident_id, "subject": case.title}),
        (at + 1, "customer_message", {"conversation_id": conv, "text": case.messages[0].text}),
    ]  # fmt: skip


def say(incident_id: str, at: float, text: str) -> Step:
    return (at, "message_sent", {"conversation_id": f"c-{incident_id}", "text": text})


def evidence_of(lang: str, steps: list[Step]) -> Evidence:
    return gather_evidence(play(exam(lang), steps, end_at=900), exam(lang))


def one(evidence: Evidence, cid: str, subject: str) -> EvidenceItem:
    found = [i for i in evidence.for_competency(cid) if i.subject == subject]
    assert len(found) == 1, [i.summary for i in found]
    return found[0]


# ---------------------------------------------------------------------- COM-6


def calmed_by(lang: str, to_upset: str, to_calm: str | None) -> EvidenceItem:
    """Four calm customers get `to_calm` (each by name); the upset one gets `to_upset` and
    calms down right after it."""
    _, upset, calm = EXAMS[lang]
    steps: list[Step] = []
    for k, case in enumerate(calm):
        steps += opened(lang, case, 10 + 10 * k)
        if to_calm is not None:
            steps.append(say(case, 100 + 10 * k, to_calm.format(n=first_name(lang, case))))
    steps += opened(lang, upset, 60)
    steps.append(say(upset, 200, to_upset.format(n=first_name(lang, upset))))
    who = incident(lang, upset).customer
    steps.append((205, "mood_changed", {"customer_id": who, "mood": "calm", "cause": "empathy"}))
    return one(evidence_of(lang, steps), "COM-6", who)


@pytest.mark.parametrize(("lang", "formula"), FORMULAS)
def test_empathy_said_to_every_customer_whatever_their_mood_is_not_credited(
    lang: str, formula: str
) -> None:
    item = calmed_by(lang, formula, to_calm=formula)
    assert item.favourable is False


@pytest.mark.parametrize(("lang", "formula"), FORMULAS)
def test_the_same_empathy_to_the_upset_customer_alone_is_credited(lang: str, formula: str) -> None:
    assert calmed_by(lang, formula, to_calm=PLAIN[lang]).favourable is True


@pytest.mark.parametrize(("lang", "line"), ANSWERING)
def test_empathy_that_answers_this_customers_mood_is_credited(lang: str, line: str) -> None:
    assert calmed_by(lang, line, to_calm=PLAIN[lang]).favourable is True
    assert calmed_by(lang, line, to_calm=None).favourable is True


# ---------------------------------------------------------------------- SOL-8 and COM-2


def printer_case(lang: str, option: str, facts_first: bool) -> Evidence:
    """The printer chat: the fitting option, with the key facts told before it or after it."""
    _, upset, _ = EXAMS[lang]
    case = incident(lang, upset)
    key = [f for f in case.facts if f.key]
    conv = f"c-{upset}"
    told = (" ".join(f.answer for f in key), [f.id for f in key])
    facts_at = 100 if facts_first else 130
    steps = [
        *opened(lang, upset, 10),
        say(upset, 90, ASK[lang]) if facts_first else say(upset, 120, ASK[lang]),
        (facts_at, "customer_message", {"conversation_id": conv, "text": told[0],
                                        "reveals": told[1]}),
        say(upset, 110, option),
    ]  # fmt: skip
    return evidence_of(lang, steps)


@pytest.mark.parametrize(("lang", "option"), OPTIONS)
def test_the_fitting_option_before_the_case_was_known_is_to_judge(lang: str, option: str) -> None:
    item = one(printer_case(lang, option, facts_first=False), "SOL-8", EXAMS[lang][1])
    assert item.figures["fits"] is True  # the option is the fitting one ...
    assert item.favourable is None  # ... chosen before anything told it apart
    assert item.figures["key_facts_not_out"]


@pytest.mark.parametrize(("lang", "option"), OPTIONS)
def test_the_fitting_option_once_the_facts_are_out_is_credited(lang: str, option: str) -> None:
    item = one(printer_case(lang, option, facts_first=True), "SOL-8", EXAMS[lang][1])
    assert item.favourable is True and item.figures["key_facts_not_out"] == []


@pytest.mark.parametrize(("lang", "option"), OPTIONS)
def test_facts_told_in_reply_to_the_answer_were_not_asked_for(lang: str, option: str) -> None:
    item = one(printer_case(lang, option, facts_first=False), "COM-2", EXAMS[lang][1])
    assert item.figures["facts_elicited"] == []
    asked = one(printer_case(lang, option, facts_first=True), "COM-2", EXAMS[lang][1])
    key = {f.id for f in incident(lang, EXAMS[lang][1]).facts if f.key}
    assert key <= set(asked.figures["facts_elicited"])
