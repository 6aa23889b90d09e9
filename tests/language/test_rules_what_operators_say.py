"""Branch l-rules17: what a real queue's operator says most (issue 12), each class with near misses.

A blind writer who wrote in a real queue's proportions showed three classes the layer missed:
news on the handling told as a plain finding ("Votre boîte est pleine.", "Sent it."), Dutch
instructions in every form (a modal and an infinitive after a long middle field, "Gelieve ... op
te laden", separable imperatives, "Zorg dat ...", infinitive steps), and the offer of a specific
service ("Shall I book it for you?"), read as a clarifying question.

Every sentence below was written for this file (none is a message of a labelled set); the
expected acts are what an operator means by it, from issue 12's definitions: `progress` is news
on the handling, `instruction` tells the customer to do something, `offer_help` offers help and is
no clarifying `question`. The near misses are what must not move: chit-chat, acknowledgements, a
condition ("if it has expired"), empathy, the customer's problem given back, a negated step, the
operator's own plan, a request to hold. The layer (rules and act model) is what the exam reads, so
the layer is tested; where the rules alone must already hold, both are.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.language import analyse
from helpdesk_tui.language.analyse import rules_analysis

FINDINGS = [
    ("en", "Your direct debit bounced on the 3rd, that's why the account is on hold."),
    ("en", "Done, the refund's on its way to your card."),
    ("en", "Sent it."),
    ("en", "You're booked on the 14:10 from Dover."),
    ("en", "That'll be it, the licence ran out on Friday."),
    pytest.param(
        "en",
        "There's a known issue with the gate readers this morning.",
        marks=pytest.mark.xfail(
            strict=True,
            reason="exam1 labels 'That's a known issue with the latest driver' no act; the act "
            "model trained on it overrules en.progress.finding here (measured, left)",
        ),
    ),
    ("fr", "Votre carte de parking a expiré samedi."),
    ("fr", "C'est fait, le badge est réactivé."),
    ("fr", "Le terminal de la caisse 2 est en panne depuis ce matin."),
    ("fr", "C'est pour ça que la synchronisation bloque."),
    ("nl", "Je abonnement is vorige week verlopen, daarom gaat de poort niet open."),
    ("nl", "Klaar, de nieuwe code staat in je mailbox."),
    ("nl", "De kassa van het zwembad staat offline."),
    ("nl", "Dan is 't de batterij van de lezer."),
]

NOT_FINDINGS = [
    ("en", "Lovely weather out there today."),
    ("en", "Okay."),
    ("en", "If your card has expired, the app shows a red banner."),
    ("en", "That must be really frustrating."),
    ("en", "So the gate won't open?"),
    ("fr", "Il fait super beau à Namur aujourd'hui."),
    ("fr", "D'accord, merci."),
    ("fr", "Si votre carte a expiré, l'application affiche un bandeau rouge."),
    ("nl", "Mooi weertje vandaag aan de kust."),
    ("nl", "Oké, top."),
    ("nl", "Als je kaart verlopen is, zie je een rode balk in de app."),
]


@pytest.mark.parametrize(("lang", "text"), FINDINGS)
def test_a_finding_told_is_progress(lang: str, text: str) -> None:
    assert "progress" in analyse(text, lang).acts, text


@pytest.mark.parametrize(("lang", "text"), NOT_FINDINGS)
def test_chit_chat_a_condition_or_an_acknowledgement_is_no_progress(lang: str, text: str) -> None:
    assert "progress" not in analyse(text, lang).acts, text


DUTCH_STEPS = [
    "U moet bij de slagboom eerst op de blauwe knop met het ticketje drukken.",
    "Je moet voor de wedstrijd je fan-ID nog koppelen in de app.",
    "Gelieve het formulier vóór vrijdag nog op te sturen.",
    "Gelieve uw identiteitskaart mee te brengen.",
    "Breng zeker je lidkaart mee.",
    "Zorg dat de laadkabel goed in de auto zit.",
    "Best dat u de app eerst even afsluit.",
    "Even op het tandwieltje rechtsboven klikken.",
]

NOT_DUTCH_STEPS = [
    "Oké, bedankt voor het wachten.",
    "Ik moet dat nog even nakijken bij mijn collega.",
    "Nog een fijne avond en tot morgen.",
    "De technieker zal morgen tussen 8 en 12 langskomen.",
]


@pytest.mark.parametrize("text", DUTCH_STEPS)
def test_a_dutch_step_in_every_form_is_an_instruction(text: str) -> None:
    for got in (rules_analysis(text, "nl"), analyse(text, "nl")):
        assert "instruction" in got.acts, (text, got.acts)


@pytest.mark.parametrize("text", NOT_DUTCH_STEPS)
def test_thanks_a_plan_or_a_goodbye_is_no_dutch_step(text: str) -> None:
    assert "instruction" not in analyse(text, "nl").acts, text


def test_a_negated_step_with_a_long_middle_field_is_negated_not_told() -> None:
    for got in (
        rules_analysis("U moet niet op de rode knop naast de slagboom drukken.", "nl"),
        analyse("U moet niet op de rode knop naast de slagboom drukken.", "nl"),
    ):
        assert "instruction" not in got.acts
        assert got.negated


def test_pensez_a_tells_a_step_whatever_its_verb() -> None:
    assert "instruction" in analyse("Pensez à prendre votre ticket de sortie.", "fr").acts
    assert "instruction" not in analyse("Je pense à autre chose.", "fr").acts


OFFERS = [
    ("en", "Shall I resend the booking confirmation?"),
    ("en", "Want me to cancel the second order?"),
    ("fr", "Voulez-vous que je vous renvoie le code par SMS ?"),
    ("fr", "Tu veux que j'annule la réservation ?"),
    ("nl", "Zal ik de factuur opnieuw doorsturen?"),
    ("nl", "Wil je dat ik de reservatie annuleer?"),
]


@pytest.mark.parametrize(("lang", "text"), OFFERS)
def test_an_offer_of_a_service_offers_help_and_asks_no_clarifying_question(
    lang: str, text: str
) -> None:
    got = analyse(text, lang)
    assert "offer_help" in got.acts, (text, got.acts)
    assert "question" not in got.acts, (text, got.acts)


@pytest.mark.parametrize(
    ("lang", "text", "act"),
    [
        ("nl", "Zal ik u even in de wacht zetten?", "hold"),
        ("en", "Shall I put you on hold for a minute?", "hold"),
    ],
)
def test_a_request_to_hold_is_no_offer(lang: str, text: str, act: str) -> None:
    got = analyse(text, lang)
    assert act in got.acts and "offer_help" not in got.acts, (text, got.acts)


def test_asking_where_to_send_something_is_no_offer() -> None:
    got = analyse("Which email address should I send the new card to?", "en")
    assert "offer_help" not in got.acts, got.acts
