"""Rules 2.14, third round (branch ctx-read3): who a message addresses is no thing of theirs.

A finding told (`in_context.tells_a_finding`) names something the customer named. The customer's
own name, said to them ("Kyle, honestly, that would drive anyone up the wall."), is no such
thing: it is sympathy, and read as a finding it forked worded-h's calder run (Kyle answered
"Okay." and the run took another path, 22 -> 15 favourable). The labels are what an operator
means by each line, written for this test: the sympathy lines carry no `progress`, the line
that tells what the update did does, name or not.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.assess.wording import acts as evidence_acts
from helpdesk_tui.customers.dialogue import acts_in
from helpdesk_tui.customers.in_context import Place, calming_at, finding_at, read_at
from helpdesk_tui.customers.telling import unquoted

SAID = {
    "en": (
        "Hi, it's Kyle on counter three.",
        "The payment system can't find my card reader again!",
    ),
    "nl": ("Dag, met Kyle van balie drie.", "Het kassasysteem vindt mijn kaartlezer weer niet!"),
    "fr": (
        "Bonjour, c'est Kyle au guichet trois.",
        "Le logiciel de caisse ne trouve plus mon lecteur de carte !",
    ),
}
SYMPATHY = {
    "en": ["Kyle, honestly, that would drive anyone up the wall.",
           "That would drive anyone up the wall, Kyle."],
    "nl": ["Kyle, eerlijk, daar zou iedereen gek van worden.",
           "Daar zou iedereen gek van worden, Kyle."],
    "fr": ["Kyle, franchement, il y a de quoi devenir fou.", "Il y a de quoi devenir fou, Kyle."],
}  # fmt: skip
FINDING = {
    "en": "Kyle, the update last night removed the reader's driver.",
    "nl": "Kyle, de update van gisteravond heeft de driver van de kaartlezer verwijderd.",
    "fr": "Kyle, la mise à jour d'hier soir a supprimé le pilote du lecteur.",
}


def _at(lang: str) -> Place:
    return Place(False, SAID[lang], True)


@pytest.mark.parametrize(("lang", "text"), [(lg, t) for lg, ts in SYMPATHY.items() for t in ts])
def test_the_customer_named_is_no_finding(lang: str, text: str) -> None:
    assert "progress" not in read_at(text, lang, _at(lang)).acts


@pytest.mark.parametrize("lang", sorted(FINDING))
def test_a_finding_told_by_name_is_still_one(lang: str) -> None:
    assert "progress" in read_at(FINDING[lang], lang, _at(lang)).acts


# ------------------------------------------- the same word, not its first letters; no people

RUDI = (
    "Rudi, parkeerbeheer. Mijn toestel hangt. Ik kan geen enkele retributie meer uitschrijven.",
    "En er staan hier mensen te roepen dat ik toch niks kan doen. Leuk is anders.",
)
ELINE = (
    "Dag, Eline van het Sociaal Huis. Ik denk dat ik iets heel doms gedaan heb.",
    "Ik kreeg een sms dat mijn wachtwoord vandaag verliep, met een link. Ik heb erop geklikt.",
)
GOBERT = (
    "Bonjour, docteur Gobert, médecin-conseil.",
    "Outlook dit que ma boîte aux lettres est pleine et je ne peux plus envoyer de messages.",
)
NO_FINDING = [  # sympathy lines of the banks that forked runs (ctx-read3)
    ("nl", RUDI, "Rudi, da's stressy, zeker als er mensen op u wachten."),  # mensen: people
    ("nl", ELINE, "Eline, da's stressy, zeker als er mensen op u wachten."),  # wachten/wachtwoord
    ("fr", GOBERT, "Dr Gobert, c'est pas le fun pantoute."),  # two words of address
]
FINDING_TOLD = [
    ("nl", RUDI, "Uw toestel heeft gisteren een update gekregen die het vastzet."),
    ("nl", ELINE, "Uw wachtwoord is gisteren verlopen, daarom werkt de link niet meer."),
    ("fr", GOBERT, "Votre boîte aux lettres fait 50 Go, la limite de votre compte."),
]


@pytest.mark.parametrize(("lang", "said", "text"), NO_FINDING)
def test_people_a_shared_prefix_or_a_title_and_name_are_no_thing_of_theirs(
    lang: str, said: tuple[str, ...], text: str
) -> None:
    assert "progress" not in read_at(text, lang, Place(False, said, True)).acts


@pytest.mark.parametrize(("lang", "said", "text"), FINDING_TOLD)
def test_their_own_thing_told_is_a_finding(lang: str, said: tuple[str, ...], text: str) -> None:
    assert "progress" in read_at(text, lang, Place(False, said, True)).acts


# ------------------------------------------------------ every reader of progress, one reading


@pytest.mark.parametrize(
    ("lang", "said", "text"),
    NO_FINDING + FINDING_TOLD + [(lg, SAID[lg], FINDING[lg]) for lg in sorted(FINDING)],
)
def test_the_mood_and_sol6_read_a_finding_as_the_reply_does(
    lang: str, said: tuple[str, ...], text: str
) -> None:
    place = Place(False, said, True)
    reply = "progress" in read_at(text, lang, place).acts
    assert ("progress" in calming_at(text, lang, place)) == reply
    news = "progress" in evidence_acts(text, lang) or finding_at(text, lang, place)  # SOL-6
    assert news == reply


def test_a_finding_said_first_calms_no_one() -> None:
    """Before the candidate spoke the customer has told nothing to find: no finding, no calm."""
    place = Place(False, SAID["en"], False)
    assert not finding_at(FINDING["en"], "en", place)
    assert "progress" not in calming_at(FINDING["en"], "en", place)


# ---------------------------------------------------- the evidence keeps a Flemish elision


@pytest.mark.parametrize(
    "text", ["Dan is 't lint op.", "Dan is 't de batterij van de sensor, niet de koelkast."]
)
def test_the_evidence_reads_t_as_the_customer_does(text: str) -> None:
    """`wording.acts` takes quotes off; the apostrophe of "'t" is none (it dropped `progress`
    the customer read in context3: three turns read differently)."""
    assert unquoted(text) == text
    assert set(evidence_acts(text, "nl")) == set(acts_in(text, "nl"))


def test_quotes_around_words_still_come_off() -> None:
    assert unquoted("Klik op 'Opslaan' en dan 'Sluiten'.") == "Klik op  Opslaan  en dan  Sluiten ."


# ------------------------------------------------ an article pasted; a question ending on a name

DORIS = (
    "Hello, this is Doris from reception. I hope I'm doing this right.",
    "My e-mails won't go out. They just stay in a folder called Outbox.",
    "I have to send the visitor passes for this afternoon's guests. Can you help me?",
)
PASTED = (  # the cheater `forger`'s wrong article, pasted to Doris (northwind)
    "Here is what to do, Doris: Reception prints vouchers in the visitor book app: *Visitors > "
    "Wi-Fi. The visitor connects to NW-Guest, the browser opens the welcome page,. A voucher "
    "works on 2 devices for 24 hours."
)


def test_an_article_pasted_is_no_finding() -> None:
    """An operator tells a finding in a sentence or two; three sentences of an article's lines
    that share "visitor" with the customer tell her nothing of her case."""
    place = Place(True, DORIS, True)
    assert "progress" not in read_at(PASTED, "en", place).acts
    assert "progress" not in calming_at(PASTED, "en", place)


LIAM = (
    "Morning! Liam O'Connor from the warehouse. I got a new phone and I can't sign in.",
    "It wants me to approve the sign-in in the Authenticator app, but the app on my phone is empty.",
)


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("What happens exactly with the phone, Liam?", True),  # a question word: it asks
        ("So the app on your phone is empty, Liam?", False),  # their words back, for a yes
    ],
)
def test_a_question_ending_on_the_name_is_read_by_its_asking_clause(text: str, asks: bool) -> None:
    acts = read_at(text, "en", Place(False, LIAM, True)).acts
    assert "restate" in acts
    assert ("question" in acts) == asks
