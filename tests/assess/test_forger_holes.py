"""Rules 2.11 (branch evid21): a ticket closed as resolved when no solution had reached its customer.

The blind `forger` cheater (branch evid20) resolved and closed every ticket as soon as it had
asked whether it worked, solved or not, with a note of a few words ("Karen: boardroom laptops
sorted, kb-wifi-..."), and every one counted as documenting the case. The expected verdicts come
from the standard (../shared/standard/competencies.md) and docs/assessment.md, not the code:
DATA-4 "closes a ticket", with the ticket events "complete and correct against the scenario's
answer key": a resolution documents the case when it states what was done and how it ended,
true to the log. A ticket closed as resolved where nothing of a solution was ever given to the
customer (no word of the answer key told, no transfer, no "it works" from them) records a fix
that was never given: a wrong resolution, however it is worded, short or long.

Scripted exams on three bundled scenarios, one per language (the stores printer whose cutter
jammed: the key's fitting option is the second till, the others replacing it or the cutter).
The wordings are none of the phrase banks' and not forger's.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.assess.model import EvidenceItem

from .kit import Step
from .test_rules_2_7 import (
    EXAMS,
    OPTIONS,
    evidence_of,
    exam,
    first_name,
    incident,
    opened,
    say,
)

TICKET = "T-1001"

NOTHING_TOLD = {  # the candidate's messages: a hold and a check, nothing of a solution
    "en": ("Bear with me a moment, I'm looking at it.", "Could you try printing again now?"),
    "fr": ("Un petit instant, je regarde cela.", "Pouvez-vous réessayer d'imprimer maintenant ?"),
    "nl": ("Een ogenblikje, ik bekijk het even.", "Kunt u nu nog eens proberen af te drukken?"),
}
UNSOLVED_NOTES = [  # resolutions of a case where nothing was given: one short, one long
    ("en", "{n}: till printer fixed, kb-stores-printer"),
    ("en", "Printer at the stores counter repaired after a paper jam; tested with a note, works."),
    ("fr", "{n} : imprimante réparée, voir kb"),
    ("fr", "Imprimante de la caisse remise en état après le bourrage ; test d'impression réussi."),
    ("nl", "{n}: bonprinter hersteld, kb"),
    ("nl", "Bonprinter van de kassa na de papierstoring hersteld; testbon afgedrukt, werkt weer."),
]
SOLVED_NOTES = {  # resolutions after the fitting option was told: one short, one long
    "en": ("{n}: on till 2 for now.",
           "Cutter broken after a jam; told {n} to issue at till 2 meanwhile, replacement asked."),
    "fr": ("{n} : sur la caisse 2 pour l'instant.",
           "Massicot cassé après un bourrage ; {n} passe par la caisse 2 en attendant."),
    "nl": ("{n}: voorlopig op kassa 2.",
           "Snijmes stuk na een papierstoring; {n} verkoopt intussen op kassa 2."),
}  # fmt: skip
WORKS = {  # the customer's own "it works" (as the simulated customer says it)
    "en": "Yes, it works now. Thank you!",
    "fr": "Oui, ça marche maintenant. Merci !",
    "nl": "Ja, het werkt nu. Bedankt!",
}


def closed_with(lang: str, told: list[str], note: str, extra: list[Step] = ()) -> EvidenceItem:
    """The printer chat: a ticket registered with the key's fields, the messages `told`, then
    resolved and closed with `note` (the customer's first name put in)."""
    upset = EXAMS[lang][1]
    case = incident(lang, upset)
    answer = case.answer
    steps: list[Step] = [
        *opened(lang, upset, 10),
        (30, "ticket_created", {"ticket_id": TICKET, "customer_id": case.customer,
                                "conversation_id": f"c-{upset}", "title": case.title,
                                "description": case.messages[0].text,
                                "category": answer.category, "impact": answer.impact,
                                "urgency": answer.urgency}),
    ]  # fmt: skip
    steps += [say(upset, 60 + 20 * k, text) for k, text in enumerate(told)]
    steps += list(extra)
    name = first_name(lang, upset)
    steps += [
        (300, "ticket_resolved", {"ticket_id": TICKET, "kb_article": answer.kb_article,
                                  "solution": note.format(n=name)}),
        (301, "ticket_closed", {"ticket_id": TICKET}),
    ]  # fmt: skip
    found = [i for i in evidence_of(lang, steps).for_competency("DATA-4") if i.subject == TICKET]
    assert len(found) == 1, [i.summary for i in found]
    return found[0]


@pytest.mark.parametrize(("lang", "note"), UNSOLVED_NOTES)
def test_a_ticket_closed_when_nothing_of_a_solution_was_given_is_not_documented(
    lang: str, note: str
) -> None:
    item = closed_with(lang, list(NOTHING_TOLD[lang]), note)
    assert item.favourable is False, item.summary


@pytest.mark.parametrize(("lang", "note"), UNSOLVED_NOTES)
def test_closing_at_once_without_a_word_to_the_customer_is_not_documented(
    lang: str, note: str
) -> None:
    assert closed_with(lang, [], note).favourable is False


@pytest.mark.parametrize(("lang", "option"), OPTIONS)
@pytest.mark.parametrize("which", [0, 1])
def test_a_ticket_closed_after_the_solution_was_told_is_documented(
    lang: str, option: str, which: int
) -> None:
    item = closed_with(lang, [NOTHING_TOLD[lang][0], option], SOLVED_NOTES[lang][which])
    assert item.favourable is True, item.summary


@pytest.mark.parametrize("lang", ["en", "fr", "nl"])
def test_a_solution_told_after_the_resolution_does_not_make_it_true(lang: str) -> None:
    option = next(text for code, text in OPTIONS if code == lang)
    late = say(EXAMS[lang][1], 310, option)
    item = closed_with(lang, list(NOTHING_TOLD[lang]), SOLVED_NOTES[lang][1], extra=[late])
    assert item.favourable is False


@pytest.mark.parametrize("lang", ["en", "fr", "nl"])
def test_a_transferred_ticket_closed_later_is_not_read_so(lang: str) -> None:
    """Passing the case to a group is something done for it: whether that group was the right
    one is DATA-3's question, whether the customer got the answer SOL-7's."""
    group = exam(lang).groups[0].id
    moved = (200, "ticket_transferred", {"ticket_id": TICKET, "group": group,
                                         "reason": "Needs the group's look."})  # fmt: skip
    note = next(text for code, text in UNSOLVED_NOTES[1::2] if code == lang)
    item = closed_with(lang, list(NOTHING_TOLD[lang]), note, extra=[moved])
    assert item.favourable is True, item.summary


@pytest.mark.parametrize("lang", ["en", "fr", "nl"])
def test_the_customer_saying_it_works_is_the_outcome(lang: str) -> None:
    """A fix the key does not word ("I reset the print queue from here") that the customer
    confirms works: the resolution is true to the log."""
    conv = f"c-{EXAMS[lang][1]}"
    confirmed = (150, "customer_message", {"conversation_id": conv, "text": WORKS[lang]})
    note = next(text for code, text in UNSOLVED_NOTES[1::2] if code == lang)
    item = closed_with(lang, list(NOTHING_TOLD[lang]), note, extra=[confirmed])
    assert item.favourable is True, item.summary


OTHER_WORKS = [  # (2.13, bugs16) "it works" in a scenario author's words, hand-written
    ("en", "Let me try... it connects! And I can see the shared folder again. Great, thanks."),
    ("en", "Oh, that's it, it's working again. Cheers!"),
    ("fr", "Attendez... ça y est, ça refonctionne ! Merci beaucoup."),
    ("fr", "Parfait, l'imprimante fonctionne de nouveau."),
    ("nl", "Momentje... ja, het werkt terug! Merci."),
    ("nl", "Ja hoor, het is gelukt, bedankt."),
    ("nl", "Oké, dat werkt. Maar die lezer van mij moet wel vervangen worden, hè."),
    ("en", "That works, thanks!"),
]
NOT_WORKING = [  # the customer saying it does not work, in words other than the built-in line
    ("en", "No, it still doesn't work."),
    ("en", "Tried it, it is not working."),
    ("fr", "Toujours pas, ça ne fonctionne pas."),
    ("fr", "Non, ça ne marche toujours pas."),
    ("nl", "Het lukt nog altijd niet."),
    ("nl", "Nee, het werkt nog steeds niet."),
    # nl-verhaeghe-dinsdag's customers, describing the problem or wishing (forger measured)
    ("nl", "Ja, ja, een ticket. Als het maar opgelost raakt."),
    ("nl", "Op mijn pc staat dat het afdrukken gelukt is. De chauffeurs vertrekken om elf uur."),
    ("en", "The screen says that the upload worked, but nothing arrived."),
    ("fr", "Je veux juste que ça marche avant midi."),
]


def confirmed_by(lang: str, text: str) -> EvidenceItem:
    conv = f"c-{EXAMS[lang][1]}"
    said = (150, "customer_message", {"conversation_id": conv, "text": text})
    note = next(text for code, text in UNSOLVED_NOTES[1::2] if code == lang)
    return closed_with(lang, list(NOTHING_TOLD[lang]), note, extra=[said])


@pytest.mark.parametrize(("lang", "text"), OTHER_WORKS)
def test_the_customer_saying_it_works_in_other_words_is_the_outcome(lang: str, text: str) -> None:
    """(Rules 2.13) Before, only the simulated customer's own line counted, word for word: a
    dialogue rule's reply ("Let me try... it connects!", en-northwind-monday's Raj) did not."""
    item = confirmed_by(lang, text)
    assert item.favourable is True, item.summary


@pytest.mark.parametrize(("lang", "text"), NOT_WORKING)
def test_the_customer_saying_it_does_not_work_is_no_outcome(lang: str, text: str) -> None:
    assert confirmed_by(lang, text).favourable is False


@pytest.mark.parametrize("lang", ["en", "fr", "nl"])
def test_it_works_said_before_the_candidate_spoke_describes_the_problem(lang: str) -> None:
    """What the customer says before the candidate wrote anything describes the problem (the
    other tills' printers "work fine"); it confirms no fix."""
    conv = f"c-{EXAMS[lang][1]}"
    early = (20, "customer_message", {"conversation_id": conv, "text": WORKS[lang]})
    note = next(text for code, text in UNSOLVED_NOTES[1::2] if code == lang)
    assert closed_with(lang, list(NOTHING_TOLD[lang]), note, extra=[early]).favourable is False


GREETED_ONLY = {"en": "Good morning, service desk, how can I help?",
                "fr": "Bonjour, service d'assistance, que puis-je faire pour vous ?",
                "nl": "Goedemorgen, servicedesk, waarmee kan ik helpen?"}  # fmt: skip
DESCRIBED = {  # the customer describing the problem with a word of "it works"
    "en": "It worked on Thursday. I'm working from home today.",
    "fr": "Ça marchait encore hier. Aujourd'hui je travaille de chez moi.",
    "nl": "Gisteren werkte het nog. Vandaag werk ik thuis.",
}


@pytest.mark.parametrize("lang", ["en", "fr", "nl"])
def test_it_works_words_in_answer_to_a_greeting_confirm_no_fix(lang: str) -> None:
    """(2.13) A confirmation answers a message that asked whether it works or put something to
    the customer; in answer to a greeting their words describe the problem (forger measured:
    "Wayne Crossley, Planned Works.", "It worked on Thursday.")."""
    conv = f"c-{EXAMS[lang][1]}"
    said = (150, "customer_message", {"conversation_id": conv, "text": DESCRIBED[lang]})
    note = next(text for code, text in UNSOLVED_NOTES[1::2] if code == lang)
    item = closed_with(lang, [GREETED_ONLY[lang]], note, extra=[said])
    assert item.favourable is False, item.summary
