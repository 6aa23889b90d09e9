"""Rules 2.26 (branch evid43): the answer reaches the customer as something they can do.

Scripted calls on the three bundled exams' "mailbox full" caller (the Records Officer and his
two colleagues in fr and nl, who keep every message and will delete nothing): the knowledge
base's article for it is titled with its fix ("Mailbox full: use the Online Archive",
"Boîte aux lettres pleine : l'archive en ligne", "Mailbox vol: kan niet meer verzenden
(onlinearchief gebruiken)"). The wordings are none of the phrase banks' and not the cheaters'.
The expected readings come from the standard's text (../shared/standard/competencies.md: SOL-7
"answers the customer's question", SIM-1 "listens to or talks with the customer while following
the information on screen") and docs/assessment.md 3b, not from the code:

- Naming the article the operator has open, by its title, answers nothing: the caller hears a
  label of the screen, not what to do. SOL-7 is not credited (to judge); the same article named
  beside the fix told in the operator's words is the answer.
- A caller who says at once that they do not follow ("What exactly are you asking me to do?"),
  and is never told again, did not get the answer in the call: SIM-1's answer in the call speaks
  against (as an answer given only after the call does), and SOL-7 is to judge. Told again in
  words the caller takes in, the answer counts from there.
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

CALLS = {  # language: (exam, the mailbox-full call, its article)
    "en": ("en-calder-valley-exam", "trevor-mailbox-full", "kb-mailbox-full-archive"),
    "fr": ("fr-haute-meuse-examen", "gobert-boite-pleine", "kb-boite-pleine-archive"),
    "nl": ("nl-lindeveld-examen", "guido-mailbox-vol", "kb-mailbox-vol-onlinearchief"),
}
GREETING = {
    "en": "Service desk, good afternoon. Tell me what happens on your screen.",
    "fr": "Service d'assistance, bonjour. Dites-moi ce qui se passe à l'écran.",
    "nl": "Servicedesk, goeiemiddag. Vertel me wat er op uw scherm gebeurt.",
}
NAMED = {  # the article's title named, nothing of its steps ({title} is filled in)
    "en": "Right, I have {title} open here and I'm working through it.",
    "fr": "Bon, j'ai {title} ouvert ici et je le parcours.",
    "nl": "Goed, ik heb {title} hier open en ik loop het door.",
}
TOLD = {  # the fix told in the operator's own words
    "en": "Nothing has to go: on the left in Outlook there is your Online Archive, drag the "
    "folders of the old years into it and you can send again.",
    "fr": "Rien ne doit partir : à gauche dans Outlook il y a votre archive en ligne, faites-y "
    "glisser les dossiers des anciennes années et vous pourrez de nouveau envoyer.",
    "nl": "Er hoeft niets weg: links in Outlook staat uw onlinearchief, versleep de mappen van "
    "de oude jaren daarheen en dan kunt u weer verzenden.",
}
MUDDLED = {  # the fix in words of no use to the caller
    "en": "Seeing what Outlook does: kindly follow this: online archive per policy and; one "
    "thing at a time.",
    "fr": "Vu ce que fait Outlook : merci de suivre ceci : archive en ligne selon la règle "
    "et ; une chose à la fois.",
    "nl": "Gezien wat Outlook doet: gelieve dit te volgen: onlinearchief volgens beleid en; "
    "één ding tegelijk.",
}
CHECK = {"en": "Is it working now?", "fr": "Ça marche maintenant ?", "nl": "Werkt het nu?"}
YES = {"en": "Yes, it's working now.", "fr": "Oui, ça marche.", "nl": "Ja, het werkt nu."}
OK = {"en": "Right.", "fr": "D'accord.", "nl": "Goed."}


@cache
def exam(lang: str) -> Scenario:
    return load_scenario(paths.scenarios_dir() / CALLS[lang][0])


def incident(lang: str) -> Incident:
    return next(i for i in exam(lang).incidents if i.id == CALLS[lang][1])


def title(lang: str) -> str:
    return next(a.title for a in exam(lang).kb if a.id == CALLS[lang][2])


def call(lang: str, said: list[tuple[str, str]]) -> Evidence:
    """The call: the caller's first words, a search and the article opened while they speak,
    a greeting, then each (candidate's words, caller's reply) in turn, and a hang-up."""
    case = incident(lang)
    conv = "call-mail"
    steps: list[Step] = [
        (100, "call_started", {"conversation_id": conv, "customer_id": case.customer,
                               "incident_id": case.id, "subject": case.title}),
        (100, "customer_message", {"conversation_id": conv, "duration_s": 6.0,
                                   "text": case.messages[0].text}),
        (102, "kb_searched", {"query": "mailbox", "results": [CALLS[lang][2]]}),
        (103, "kb_article_opened", {"article_id": CALLS[lang][2]}),
        (110, "message_sent", {"conversation_id": conv, "text": GREETING[lang]}),
        (112, "customer_message", {"conversation_id": conv, "duration_s": 3.0,
                                   "text": case.messages[1].text}),
    ]  # fmt: skip
    at = 130
    for text, reply in said:
        steps.append((at, "message_sent", {"conversation_id": conv, "text": text}))
        steps.append(
            (at + 2, "customer_message",
             {"conversation_id": conv, "duration_s": 2.0, "text": reply})
        )  # fmt: skip
        at += 20
    steps.append((at, "conversation_closed", {"conversation_id": conv}))
    return gather_evidence(play(exam(lang), steps, end_at=at + 60), exam(lang))


def item(evidence: Evidence, cid: str, kind: str, lang: str) -> EvidenceItem:
    """The call's one item of this kind (SIM-1's are the call's, SOL-7's the case's)."""
    mine = {"call-mail", CALLS[lang][1]}
    found = [i for i in evidence.for_competency(cid) if i.kind == kind and i.subject in mine]
    assert len(found) == 1, [i.summary for i in found]
    return found[0]


def fallback(lang: str) -> str:
    return incident(lang).fallback


# ---------------------------------------------------------------------- the title named


@pytest.mark.parametrize("lang", sorted(CALLS))
def test_naming_the_articles_title_is_no_answer(lang: str) -> None:
    got = call(lang, [(NAMED[lang].format(title=title(lang)), OK[lang])])
    assert item(got, "SOL-7", "answer", lang).favourable is None
    assert item(got, "SIM-1", "call_answer", lang).favourable is not True


@pytest.mark.parametrize("lang", sorted(CALLS))
def test_the_title_named_beside_the_fix_told_is_the_answer(lang: str) -> None:
    text = NAMED[lang].format(title=title(lang)) + " " + TOLD[lang]
    got = call(lang, [(text, YES[lang])])
    assert item(got, "SOL-7", "answer", lang).favourable is True
    assert item(got, "SIM-1", "call_answer", lang).favourable is True


# ---------------------------------------------------------------------- not followed


@pytest.mark.parametrize("lang", sorted(CALLS))
def test_an_answer_the_caller_did_not_follow_did_not_reach_them(lang: str) -> None:
    got = call(lang, [(MUDDLED[lang], fallback(lang)), (CHECK[lang], YES[lang])])
    assert item(got, "SIM-1", "call_answer", lang).favourable is False
    assert item(got, "SOL-7", "answer", lang).favourable is None


@pytest.mark.parametrize("lang", sorted(CALLS))
def test_told_again_in_words_the_caller_took_in_is_the_answer(lang: str) -> None:
    got = call(lang, [(MUDDLED[lang], fallback(lang)), (TOLD[lang], YES[lang])])
    assert item(got, "SIM-1", "call_answer", lang).favourable is True
    sol7 = item(got, "SOL-7", "answer", lang)
    assert sol7.favourable is True
    assert sol7.seqs and sol7.seqs[0] > min(item(got, "SIM-1", "call_answer", lang).seqs)


@pytest.mark.parametrize("lang", sorted(CALLS))
def test_the_fix_told_plainly_and_taken_in_is_the_answer(lang: str) -> None:
    got = call(lang, [(TOLD[lang], YES[lang])])
    assert item(got, "SIM-1", "call_answer", lang).favourable is True
    assert item(got, "SOL-7", "answer", lang).favourable is True
