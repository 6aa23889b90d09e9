"""Rules 2.12 (branch evid22): updates whose wait ended untold, frame questions, word lists.

Scripted exams on three bundled scenarios, one per language. The wordings are none of the
phrase banks' and not the cheaters'. The expected verdicts come from the standard's text
(../shared/standard/competencies.md) and docs/assessment.md, not from the code:

- SOL-6 "keeps the customer informed of the progress": "<group> has it, you hear from me in
  ten minutes" is feedback on a handling. When the group answered and the ticket was closed
  without the customer hearing what came of it, or the group sent the ticket back as not
  theirs and it went nowhere else, the customer was told of progress that either never
  reached them or never happened: that speaks against. The same updates followed by the
  group's answer told in the candidate's words are credited.
- SIM-2 and COM-3 (2.10: credited on contacts that took their case up): a question that is
  one frame with the customer's own word put in ("what does the screen of the {printer}
  say?") and goes to several customers asks about no one's case, however the slot is filled.
  A question in words of one's own for this customer is not a frame.
- The same: a question that is the intake form in one sentence, five things or more asked at
  once ("what happens, since when, which message, what you tried, and who else?"), asks
  everything of everyone and nothing about this customer's problem; a fact told in reply to it
  was not drawn by the candidate's listening. A question that asks one or two things is.
- COM-6 "calms the customer": a "restatement" that lists the customer's words with nothing
  said between them ("printer, red light, nothing prints, lads queuing. Is that right?")
  shows no understanding; a customer whose restatement rule it set off was not calmed by
  the candidate's doing. A restatement said in sentences is.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.assess.evidence import gather_evidence
from helpdesk_tui.assess.model import Evidence, EvidenceItem

from .kit import Step, play
from .test_rules_2_7 import EXAMS, exam, first_name, incident, one, opened, say
from .test_rules_2_10 import after_fact

TICKET = "T-1001"

# ---------------------------------------------------------------------- SOL-6

PHISHING = {  # language: (the fake-page incident, its key's group, a group it is not for)
    "en": ("natalie-fake-page", "security", "desktop"),
    "fr": ("julie-fausse-page", "securite", "proximite"),
    "nl": ("eline-valse-pagina", "beveiliging", "werkplek"),
}
UPDATES = {  # the candidate's updates while the group works: who has it, when they hear next
    "en": ("{n}, I've passed this to {g}; you'll hear from me again within 4 minutes.",
           "Still with {g}, {n}: I'll be back to you within 4 minutes at the latest."),
    "fr": ("{n}, j'ai confié votre dossier à {g} ; je reviens vers vous dans 4 minutes.",
           "C'est toujours chez {g}, {n} : je vous redonne des nouvelles dans 4 minutes."),
    "nl": ("{n}, ik heb dit aan {g} bezorgd; binnen 4 minuten hoort u opnieuw van mij.",
           "Het ligt nog bij {g}, {n}: binnen 4 minuten laat ik weer iets weten."),
}  # fmt: skip
FIRST = {  # the first answer, before the transfer
    "en": "Thank you {n}, I'm logging this straight away.",
    "fr": "Merci {n}, j'enregistre cela tout de suite.",
    "nl": "Dank u {n}, ik registreer dit meteen.",
}
OUTCOME = {  # the group's answer, told in the candidate's words
    "en": "Good news, {n}: all your sessions were revoked and your MFA reset, nothing was "
    "downloaded. Please sign in again with your new password.",
    "fr": "Bonne nouvelle, {n} : toutes vos sessions sont révoquées et votre MFA renouvelé, rien "
    "n'a été téléchargé. Reconnectez-vous avec votre nouveau mot de passe.",
    "nl": "Goed nieuws, {n}: al uw sessies zijn ingetrokken en uw MFA vernieuwd, er werd niets "
    "gedownload. Meld u opnieuw aan met uw nieuwe wachtwoord.",
}
BOUNCE = {
    "en": "This is not for our team: please check the ticket and transfer it to the right group.",
    "fr": "Ce n'est pas pour notre équipe : vérifiez le ticket et transférez-le au bon groupe.",
    "nl": "Dit is niet voor ons team: controleer het ticket en stuur het naar de juiste groep.",
}


def group_name(lang: str, group: str) -> str:
    return next(g.name for g in exam(lang).groups if g.id == group)


def transferred(lang: str, group: str, reply: str, after: list[Step], again: str = "") -> Evidence:
    """The fake-page chat: a ticket registered, a first answer, transferred to `group`, two
    updates naming it, the group's `reply` at 300 s, then `after`, then the ticket resolved and closed."""
    case_id, _, _ = PHISHING[lang]
    case = incident(lang, case_id)
    n, g = first_name(lang, case_id), group_name(lang, group)
    steps: list[Step] = [
        *opened(lang, case_id, 10),
        (30, "ticket_created", {"ticket_id": TICKET, "customer_id": case.customer,
                                "conversation_id": f"c-{case_id}", "title": case.title,
                                "description": case.messages[0].text,
                                "category": case.answer.category, "impact": case.answer.impact,
                                "urgency": case.answer.urgency}),
        say(case_id, 40, FIRST[lang].format(n=n)),
        (100, "ticket_transferred", {"ticket_id": TICKET, "group": group,
                                     "reason": "Password typed on a fake page."}),
        say(case_id, 110, UPDATES[lang][0].format(n=n, g=g)),
        say(case_id, 250, UPDATES[lang][1].format(n=n, g=g)),
        (300, "second_line_reply", {"ticket_id": TICKET, "group": group, "text": reply,
                                    "question": False}),
    ]  # fmt: skip
    if again:
        steps.append((325, "ticket_opened", {"ticket_id": TICKET}))
        steps.append((330, "ticket_transferred", {"ticket_id": TICKET, "group": again,
                                                  "reason": "Sent back: for security."}))  # fmt: skip
    steps += [(t, kind, {**data, "text": data["text"].format(n=n)}) if "text" in data
              else (t, kind, data) for t, kind, data in after]  # fmt: skip
    steps += [
        (400, "ticket_resolved", {"ticket_id": TICKET, "kb_article": case.answer.kb_article,
                                  "solution": "Sessions revoked by security, MFA reset."}),
        (401, "ticket_closed", {"ticket_id": TICKET}),
    ]  # fmt: skip
    return gather_evidence(play(exam(lang), steps, end_at=900), exam(lang))


def progress(evidence: Evidence) -> EvidenceItem:
    found = [
        i for i in evidence.for_competency("SOL-6")
        if i.subject == TICKET and "updates" in i.figures and "chased" not in i.figures
    ]  # fmt: skip
    assert len(found) == 1, [i.summary for i in found]
    return found[0]


def answer_of(lang: str) -> str:
    return incident(lang, PHISHING[lang][0]).second_line.reply


@pytest.mark.parametrize("lang", sorted(PHISHING))
def test_updates_then_the_groups_answer_told_are_credited(lang: str) -> None:
    case_id, group, _ = PHISHING[lang]
    told = [say(case_id, 320, OUTCOME[lang])]
    item = progress(transferred(lang, group, answer_of(lang), told))
    assert item.favourable is True, item.summary
    assert item.figures["wait_ended"] is None


@pytest.mark.parametrize("lang", sorted(PHISHING))
def test_updates_then_closed_without_the_groups_answer_speak_against(lang: str) -> None:
    _, group, _ = PHISHING[lang]
    item = progress(transferred(lang, group, answer_of(lang), []))
    assert item.favourable is False, item.summary
    assert item.figures["wait_ended"] == "untold"


@pytest.mark.parametrize("lang", sorted(PHISHING))
def test_updates_about_a_group_that_sent_it_back_speak_against(lang: str) -> None:
    """The bounce passed on word for word, then closed: no group ever had the case."""
    case_id, _, wrong = PHISHING[lang]
    passed = [say(case_id, 320, BOUNCE[lang])]
    item = progress(transferred(lang, wrong, BOUNCE[lang], passed))
    assert item.favourable is False, item.summary
    assert item.figures["wait_ended"] == "bounced"


@pytest.mark.parametrize("lang", sorted(PHISHING))
def test_a_bounce_sent_on_to_the_right_group_is_not_read_so(lang: str) -> None:
    _, right, wrong = PHISHING[lang]
    item = progress(transferred(lang, wrong, BOUNCE[lang], [], again=right))
    assert item.figures["wait_ended"] is None, item.summary


# ---------------------------------------------------------------------- SIM-2, COM-3

PRINTER = {  # language: (the printer chat, its screen fact, a calm chat)
    lang: (EXAMS[lang][1], {"en": "message", "fr": "message", "nl": "melding"}[lang],
           EXAMS[lang][2][0])
    for lang in EXAMS
}  # fmt: skip
FRAMES = [  # one question frame, the slot filled with a word each customer said
    ("en", "What does it say on the screen of the {w} right now?", "printer", "laptop"),
    ("en", "Right, and what's on the screen of your {w} at this moment?", "printer", "calendar"),
    ("fr", "Que dit l'écran de la {w} en ce moment ?", "caisse", "portable"),
    ("fr", "Et quel message voit-on sur l'écran de votre {w} là ?", "imprimante", "agenda"),
    ("nl", "Wat staat er nu op het scherm van de {w}?", "bonprinter", "laptop"),
    ("nl", "Welke melding ziet u nu op uw {w}?", "bonprinter", "agenda"),
]
OTHER = {  # a question of the candidate's own for the calm customer: no frame shared
    "en": "Which calendars can you still open in Outlook on the new machine?",
    "fr": "Quels agendas arrivez-vous encore à ouvrir dans Outlook sur le nouveau portable ?",
    "nl": "Welke agenda's kunt u in Outlook op de nieuwe laptop nog openen?",
}
ROTE = {
    "en": "Thanks {n}, noted. I'm looking into it for you.",
    "fr": "Merci {n}, c'est noté, je regarde ça pour vous.",
    "nl": "Dank u {n}, genoteerd, ik kijk het voor u na.",
}


def asked(lang: str, to_printer: str, to_calm: str) -> dict[str, bool | None]:
    """The printer chat answered with a rote reply then `to_printer`; the customer tells
    what the screen says; the calm chat gets `to_calm`. SIM-2's and COM-3's lean there."""
    case, fact, calm = PRINTER[lang]
    n = first_name(lang, case)
    steps = opened(lang, case, 60)
    steps += [
        say(case, 70, ROTE[lang].format(n=n)),
        (80, "customer_message", {"conversation_id": f"c-{case}",
                                  "text": incident(lang, case).messages[1].text}),
        say(case, 90, to_printer),
    ]  # fmt: skip
    told = next(f for f in incident(lang, case).facts if f.id == fact)
    steps.append((100, "customer_message", {"conversation_id": f"c-{case}", "text": told.answer,
                                            "reveals": [fact]}))  # fmt: skip
    steps.append(say(case, 110, after_fact(lang, fact)))
    steps += opened(lang, calm, 200)
    steps.append(say(calm, 210, to_calm))
    got = gather_evidence(play(exam(lang), steps, end_at=900), exam(lang))
    return {cid: one(got, cid, f"c-{case}").favourable for cid in ("SIM-2", "COM-3")}


@pytest.mark.parametrize(("lang", "frame", "mine", "theirs"), FRAMES)
def test_one_frame_with_each_customers_word_is_a_battery(
    lang: str, frame: str, mine: str, theirs: str
) -> None:
    got = asked(lang, frame.format(w=mine), frame.format(w=theirs))
    assert got == {"SIM-2": None, "COM-3": None}


@pytest.mark.parametrize(("lang", "frame", "mine", "theirs"), FRAMES)
def test_the_same_question_with_another_question_elsewhere_is_credited(
    lang: str, frame: str, mine: str, theirs: str
) -> None:
    got = asked(lang, frame.format(w=mine), OTHER[lang])
    assert got == {"SIM-2": True, "COM-3": True}


CHECKLISTS = [  # the intake form in one sentence: everything asked of everyone
    (
        "en",
        "Please tell me what happens, since when, what it says on the screen, what you tried "
        "and who else has it?",
    ),
    (
        "en",
        "So: what do you see, from when, which message on the screen, anything tried, any "
        "colleagues too?",
    ),
    (
        "fr",
        "Dites-moi ce qui se passe, depuis quand, ce que dit l'écran, ce que vous avez tenté "
        "et qui d'autre est touché ?",
    ),
    (
        "fr",
        "Alors : que voyez-vous, depuis quand, quel message à l'écran, un essai, des "
        "collègues aussi ?",
    ),
    (
        "nl",
        "Vertel me wat er gebeurt, sinds wanneer, wat er op het scherm staat, wat u probeerde "
        "en wie het nog heeft?",
    ),
    (
        "nl",
        "Dus: wat ziet u, vanaf wanneer, welke melding op het scherm, al iets geprobeerd, "
        "collega's ook?",
    ),
]
TWO_THINGS = {  # a question about the problem that asks two things
    "en": "What does it say on the screen, and since when has the light been red?",
    "fr": "Que dit l'écran, et depuis quand le voyant est-il rouge ?",
    "nl": "Wat staat er op het scherm, en sinds wanneer brandt het lampje rood?",
}


@pytest.mark.parametrize(("lang", "form"), CHECKLISTS)
def test_a_checklist_in_one_sentence_takes_nothing_up(lang: str, form: str) -> None:
    """The customer tells what the screen says in reply to the form: it was not asked about
    their problem; the calm customer gets a question of the candidate's own."""
    assert asked(lang, form, OTHER[lang]) == {"SIM-2": None, "COM-3": None}


@pytest.mark.parametrize("lang", sorted(TWO_THINGS))
def test_a_question_that_asks_two_things_takes_the_case_up(lang: str) -> None:
    assert asked(lang, TWO_THINGS[lang], OTHER[lang]) == {"SIM-2": True, "COM-3": True}


# ---------------------------------------------------------------------- COM-6

LISTS = [  # the customer's words listed, then the restatement rule's confirmation question
    (
        "en",
        "If I understand you right, {n}: printer, red light, nothing prints, lads queuing, "
        "jobs. Is that right?",
    ),
    ("en", "So, {n}, to sum up: issue notes, red light, stores, queue and jobs. Am I right?"),
    (
        "fr",
        "Si je comprends bien, {n} : imprimante, caisse, voyant rouge, plus de tickets, "
        "clients, location. C'est bien ça ?",
    ),
    ("fr", "Pour résumer, {n} : tickets, béquilles, fauteuil, clients et dame. C'est bien ça ?"),
    (
        "nl",
        "Als ik het goed begrijp, {n}: bonprinter, rood lampje, geen tickets, schoolzwemmers, "
        "poortje. Klopt dat?",
    ),
    ("nl", "Heb ik het goed, {n}: kassa, tickets, klassen, middagbaan en poortje. Klopt dat?"),
]
SENTENCES = [  # the same restatement said in sentences of the candidate's own
    (
        "en",
        "If I understand you right, {n}, the issue-note printer in the stores shows a red "
        "light and prints nothing, and twelve of your lads are waiting for their materials. "
        "Is that right?",
    ),
    (
        "fr",
        "Si je comprends bien, {n}, l'imprimante de la caisse clignote en rouge et plus aucun "
        "ticket ne sort, alors que des clients attendent pour louer du matériel. C'est bien ça ?",
    ),
    (
        "nl",
        "Als ik het goed begrijp, {n}, brandt er een rood lampje op de bonprinter van het "
        "zwembad en komen er geen tickets meer uit, terwijl de schoolzwemmers staan te wachten. "
        "Klopt dat?",
    ),
]
RESTATE_RULE = {"en": "restate", "fr": "reformulation", "nl": "herformulering"}


def calmed_by_restating(lang: str, text: str) -> EvidenceItem:
    """The upset printer customer gets `text` and calms on their restatement rule."""
    upset = EXAMS[lang][1]
    who = incident(lang, upset).customer
    steps = opened(lang, upset, 60)
    steps.append((65, "mood_changed", {"customer_id": who, "mood": "irritated", "cause": "start"}))
    steps.append(say(upset, 200, text.format(n=first_name(lang, upset))))
    steps.append((205, "mood_changed", {"customer_id": who, "mood": "calm",
                                        "cause": f"rule {RESTATE_RULE[lang]}"}))  # fmt: skip
    return one(gather_evidence(play(exam(lang), steps, end_at=900), exam(lang)), "COM-6", who)


@pytest.mark.parametrize(("lang", "text"), LISTS)
def test_a_customer_calmed_by_a_word_list_was_not_calmed_by_the_candidate(
    lang: str, text: str
) -> None:
    item = calmed_by_restating(lang, text)
    assert item.favourable is False, item.summary


@pytest.mark.parametrize(("lang", "text"), SENTENCES)
def test_a_customer_calmed_by_a_restatement_in_sentences_is_credited(lang: str, text: str) -> None:
    item = calmed_by_restating(lang, text)
    assert item.favourable is True, item.summary
