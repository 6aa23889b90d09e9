"""Rules 2.23 (branch evid37): steps told inside a stock frame; resolutions of one frame.

Hand-written messages on the bundled exams in three languages. The labels are an assessor's,
from the standard's "in one's own words" and docs/assessment.md, not from the code:

- Each customer's steps (their article's words) put in the same sentence of the operator's
  ("{step} is what you'll spot on the screen, and once you pick it a fresh window pops up ...")
  tell no reading of anyone's situation: the sentence is a template filled with pasted words
  (the blind cheater `envoy`). It is no answer in the operator's own words.
- The same steps, each customer's inside a sentence written for them (different words around
  them, one stock courtesy phrase beside them), are the operator's telling.
- DATA-4: one resolution sentence filled with each customer's own words and the article's title
  ("Anna reported password / wrong / times. Talked them through '<title>' ...") documents no
  case; case notes that say what was done, in the customer's words too, document theirs.
"""

from __future__ import annotations

import re

import pytest

from helpdesk_tui.assess import substance
from helpdesk_tui.assess.context import Context
from helpdesk_tui.scenario.model import Scenario

from .test_lawyer_holes import resolved
from .test_rules_2_7 import exam, incident, opened, say
from .test_rules_2_15 import context

CUSTOMERS = {
    "en": ("lisa-stores-printer", "joanne-ceo-calendar", "aisha-camera-black",
           "pauline-locked-out"),
    "nl": ("hilde-agenda-burgemeester", "sarah-camera-zwart", "ria-aanmelding-geblokkeerd",
           "els-zwembad-bonprinter"),
    "fr": ("sylvie-agenda-partage", "aicha-camera-noire", "marietherese-session-verrouillee",
           "nathalie-caisse-boutique"),
}  # fmt: skip
"""Four chat customers per exam, each with an article in the answer key."""

ROTE = {  # one frame per kind of step, as `envoy` tells every step to every customer
    "en": "{a} is what you'll spot on the screen, and once you pick it a fresh window pops up, "
    "and once that's done, {b} is the part I sort out from here for you.",
    "nl": "{a} ziet u op het scherm staan, en als u dat aanklikt gaat er een nieuw venster open "
    "en zodra dat klaar is, {b} is het deel dat ik van hieruit voor u regel.",
    "fr": "{a} est ce que vous verrez à l'écran, et quand vous cliquez dessus une nouvelle "
    "fenêtre s'ouvre, et une fois que c'est fait, {b} est la partie que je règle d'ici pour vous.",
}
OWN = {  # the same steps, a sentence written for each customer, a stock courtesy beside it
    "en": (
        "Start with this one for me: {a}, and once that's sorted we can see whether {b} is "
        "even needed today.",
        "What usually does the trick in your situation is {a}; if the problem is still there "
        "afterwards, {b}, and ring me back.",
        "I'd like you to {a} now, because that clears most cases like yours, and failing that "
        "{b} will.",
        "Here's the plan while I stay on the chat with you: {a}, then {b}, then we'll check it "
        "together.",
    ),
    "nl": (
        "Begin hier even mee: {a}, en als dat gelukt is zien we of {b} vandaag nog nodig is.",
        "Wat in uw geval meestal helpt is {a}; blijft het probleem daarna, {b} en bel me terug.",
        "Ik zou u willen vragen om {a}, want dat lost de meeste gevallen zoals dit op, en anders "
        "helpt {b} wel.",
        "Zo pakken we het aan terwijl ik bij u in de chat blijf: {a}, dan {b}, en dan kijken we "
        "samen.",
    ),
    "fr": (
        "Commencez par ceci pour moi : {a}, et quand ce sera réglé on verra si {b} est encore "
        "utile aujourd'hui.",
        "Ce qui marche le plus souvent dans votre cas, c'est {a} ; si le souci persiste après, "
        "{b}, et rappelez-moi.",
        "J'aimerais que vous fassiez {a} maintenant, parce que ça règle la plupart des cas comme "
        "le vôtre, sinon {b} suffira.",
        "Voici le plan pendant que je reste avec vous sur le chat : {a}, puis {b}, puis on "
        "vérifie ensemble.",
    ),
}
COURTESY = {"en": "Let me know how it goes.", "nl": "Laat maar weten hoe het gaat.",
            "fr": "Dites-moi comment ça se passe."}  # fmt: skip


def steps(lang: str, incident_id: str) -> tuple[str, str]:
    """Two pieces of the customer's article (its first two lines of eight words or more, their
    first eight words, punctuation and markup out): the steps a frame is filled with."""
    article_id = incident(lang, incident_id).answer.kb_article
    body = next(a.body for a in exam(lang).kb if a.id == article_id)
    lines = [re.sub(r"[^\w' -]+", " ", line).split() for line in body.splitlines()]
    found = [" ".join(w[:8]) for w in lines if len(w) >= 8]
    return found[0], found[1]


def told(lang: str, frames: tuple[str, ...], courtesy: bool = False) -> dict[str, list[bool]]:
    """Each customer's chat opens and gets their steps in their frame; per customer, what
    `told_by_rote` reads in each sentence of the message."""
    plan = []
    for n, incident_id in enumerate(CUSTOMERS[lang]):
        a, b = steps(lang, incident_id)
        text = frames[n].format(a=a, b=b) + (f" {COURTESY[lang]}" if courtesy else "")
        plan += [*opened(lang, incident_id, 10 + 60 * n), say(incident_id, 40 + 60 * n, text)]
    ctx: Context = context(plan, lang)
    found = {}
    for case in ctx.cases:
        if case.incident is not None and case.incident.id in CUSTOMERS[lang]:
            text = case.said()[-1].text or ""
            found[case.incident.id] = [
                substance.told_by_rote(ctx, case, s) for s in re.split(r"(?<=[.!?])\s+", text)
            ]
    return found


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_one_frame_around_every_customers_steps_is_told_by_rote(lang: str) -> None:
    found = told(lang, (ROTE[lang],) * 4)
    assert set(found) == set(CUSTOMERS[lang])
    assert all(read[0] for read in found.values()), found


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
@pytest.mark.parametrize("courtesy", [False, True])
def test_steps_in_a_sentence_written_for_each_customer_are_the_operators(
    lang: str, courtesy: bool
) -> None:
    found = told(lang, OWN[lang], courtesy)
    assert set(found) == set(CUSTOMERS[lang])
    assert not any(any(read) for read in found.values()), found


# ---------------------------------------------------------------------- DATA-4

ROTE_NOTES = {  # one resolution frame, filled with the customer's words and the article title
    "en": "{n} reported {w}. Talked them through '{t}' ({a}); confirmed.",
    "nl": "{n} meldde {w}. Samen '{t}' doorlopen ({a}); bevestigd.",
    "fr": "{n} a signalé {w}. Accompagné pas à pas avec '{t}' ({a}) ; confirmé.",
}
FILLS = (  # each test ticket's customer's own words and an article title of the test exam
    ("Anna", "password / wrong / times", "Unlock an account and reset a password",
     "kb-password-reset"),
    ("Bert", "send / mailbox / full", "Replace a toner cartridge", "-"),
    ("Anna", "printer / prints / empty", "Printer prints blank pages", "kb-printer-blank-pages"),
)  # fmt: skip
OWN_NOTES = {  # what was done for each case, the customer's words in it too
    "en": (
        "Anna typed her password wrong three times: unlocked her account and sent a reset link.",
        "Bert could not send, mailbox full: moved a year of old mail to the archive, sends again.",
        "Printer printed empty pages: sealing tape still on the new toner, pulled out, prints.",
    ),
    "nl": (
        "Anna typte haar password drie keer wrong: account ontgrendeld, resetlink verstuurd.",
        "Bert kon niet send, mailbox full: oude mails naar het archief, verzenden lukt weer.",
        "Printer gaf empty pages: beschermstrip zat nog op de toner, eruit getrokken, print weer.",
    ),
    "fr": (
        "Anna a tapé son password wrong trois fois : compte débloqué, lien de réinitialisation.",
        "Bert ne pouvait plus send, mailbox full : vieux messages archivés, l'envoi remarche.",
        "Printer sortait des empty pages : bande encore sur le toner, retirée, ça imprime.",
    ),
}
"""The test exam's customers write English: their words stay English in every language's note."""


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_one_resolution_frame_filled_with_the_customers_words_documents_none(
    scenario: Scenario, lang: str
) -> None:
    notes = tuple(ROTE_NOTES[lang].format(n=n, w=w, t=t, a=a) for n, w, t, a in FILLS)
    assert resolved(scenario, notes) == dict.fromkeys(("T-0001", "T-0002", "T-1001"), False)


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_case_notes_in_the_customers_words_still_document_their_cases(
    scenario: Scenario, lang: str
) -> None:
    assert resolved(scenario, OWN_NOTES[lang]) == dict.fromkeys(
        ("T-0001", "T-0002", "T-1001"), True
    )
