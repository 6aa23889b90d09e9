"""Steps said in words, read as the customer reads them (rules 2.4, branch evid13).

The wordings below were written from the standard and docs/assessment.md before the code ran, and
none is the fifth phrase bank's own sentence (simulate/phrases_e): COM-1 "asks whether the
customer needs anything else" is the closing question, an offer of more help; a sentence that
asks about the problem, or a restatement that asks the customer to complete or correct it, is
something else even when it shares the closing question's words ("nog iets", "anything",
"autre chose"). COM-4 "paraphrases what the customer says to state the problem clearly": a
restatement that ends by inviting the customer to add something is one, and the customer
confirms it ("Yes, exactly.", the built-in line) instead of repeating their facts.
"""

from __future__ import annotations

import pytest
from simulate.kit import PRINTER, make_scenario

from helpdesk_tui.customers.dialogue import (
    Context,
    acts_in_turn,
    asks_closing,
    respond,
    restates_in_turn,
)

from .test_restate_in_context import CONFIRMS, SAID

ANNA = make_scenario().customer("anna")

CLOSING_PATTERNS = {
    # the bundled scenarios' closing-question steps (their authors' patterns)
    "en": ("anything else", "something else", "anything more"),
    "nl": ("nog iets", "nog een vraag", "nog andere vragen", "kan ik nog"),
    "fr": ("autre chose", "encore vous aider", "d'autres questions"),
}

INVITING_RESTATEMENTS = {
    "en": [
        "Your laptop has not reached the office wifi since this morning's Windows update, and "
        "the client presentation is at eleven. Did I leave anything out, or did I miss anything?",
        "Right: since the Windows update your laptop can't connect to the office wifi, and you "
        "present to a client at eleven; is that correct, or is there something you want to add?",
    ],
    "nl": [
        "Sinds de update van vanmorgen maakt uw laptop geen verbinding meer met de wifi op "
        "kantoor, en om elf uur hebt u een presentatie bij een klant. Heb ik iets gemist?",
        "Uw laptop geraakt sinds de Windows-update niet meer op de kantoorwifi en de presentatie "
        "is om elf uur; klopt dat, of wilt u er nog iets aan toevoegen?",
    ],
    "fr": [
        "Depuis la mise à jour de ce matin, votre portable ne se connecte plus au wifi du bureau, "
        "et vous avez une présentation à onze heures. Ai-je oublié quelque chose ?",
        "Votre portable n'accède plus au wifi du bureau depuis la mise à jour Windows, "
        "présentation client à onze heures ; c'est exact, ou vous voulez ajouter quelque chose ?",
    ],
}


def customer(lang: str) -> Context:
    return Context(customer=ANNA, language=lang, customer_said=SAID[lang])


# ---------------------------------------------------------------------- COM-4: the invitation


@pytest.mark.parametrize(
    ("lang", "text"), [(lang, t) for lang, texts in INVITING_RESTATEMENTS.items() for t in texts]
)
def test_a_restatement_that_invites_additions_is_a_restatement(lang: str, text: str) -> None:
    assert restates_in_turn(text, lang, SAID[lang]) is not None


@pytest.mark.parametrize(
    ("lang", "text"), [(lang, t) for lang, texts in INVITING_RESTATEMENTS.items() for t in texts]
)
def test_the_customer_confirms_it_and_does_not_take_it_for_the_closing_question(
    lang: str, text: str
) -> None:
    reply = respond(PRINTER, text, customer(lang))
    assert (reply.text, reply.intent) == (CONFIRMS[lang], "restate")


@pytest.mark.parametrize(
    ("lang", "text"), [(lang, t) for lang, texts in INVITING_RESTATEMENTS.items() for t in texts]
)
def test_its_invitation_is_not_the_closing_question(lang: str, text: str) -> None:
    assert not asks_closing(text, lang, CLOSING_PATTERNS[lang], True, SAID[lang])


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # no restatement before it: at the end of a call, this is the closing question
        ("en", "Is there anything else you would like to add?"),
        ("nl", "Wilt u nog iets toevoegen?"),
    ],
)
def test_an_invitation_without_a_restatement_still_closes(lang: str, text: str) -> None:
    assert asks_closing(text, lang, CLOSING_PATTERNS[lang], True, SAID[lang])


def test_a_restatement_of_a_told_fact_is_confirmed_not_answered_as_i_said() -> None:
    """The fact `model` was told; giving it back to be completed asks nothing again."""
    told = ("Hi, the printer next to my desk only prints empty pages.",
            "It's the HP LaserJet 4250 with the sticker PRN-2-14.")  # fmt: skip
    text = (
        "Let me note it: the printer model by your desk, the HP LaserJet 4250 with sticker "
        "PRN-2-14, prints only empty pages. Anything I have forgotten?"
    )
    ctx = Context(customer=ANNA, language="en", revealed={"model"}, customer_said=told)
    reply = respond(PRINTER, text, ctx)
    assert (reply.text, reply.intent) == ("Yes, exactly.", "restate")


# ---------------------------------------------------------------------- COM-1: the closing step

OTHER_ACTS = {
    "en": [
        # a clarifying question that shares the closing words
        "Could I ask you something else about the printer: when did it start?",
        "One thing more, is there anything else on the screen, what does it say?",
    ],
    "nl": [
        "Ik wil nog iets weten over de printer: sinds wanneer doet hij dat?",
        "Nog een vraag over het scherm: welke melding ziet u precies?",
    ],
    "fr": [
        "Je voudrais savoir autre chose sur l'imprimante : depuis quand est-ce arrivé ?",
        "Encore une question : quel message voyez-vous exactement à l'écran ?",
    ],
}

CLOSING_QUESTIONS = {
    "en": ["Is there anything else I can help you with today?", "Anything else I can do for you?"],
    "nl": [
        "Kan ik u verder nog ergens mee helpen?",
        "Is er nog iets anders dat ik voor u kan doen?",
    ],
    "fr": ["Puis-je encore vous aider ?", "Y a-t-il autre chose que je puisse faire pour vous ?"],
}


@pytest.mark.parametrize(
    ("lang", "text"), [(lang, t) for lang, texts in OTHER_ACTS.items() for t in texts]
)
def test_a_clarifying_question_in_the_closing_words_is_not_the_closing_step(
    lang: str, text: str
) -> None:
    assert not asks_closing(text, lang, CLOSING_PATTERNS[lang], True, SAID[lang])


@pytest.mark.parametrize(
    ("lang", "text"), [(lang, t) for lang, texts in CLOSING_QUESTIONS.items() for t in texts]
)
def test_the_closing_question_is_the_closing_step(lang: str, text: str) -> None:
    assert asks_closing(text, lang, CLOSING_PATTERNS[lang], True, SAID[lang])
    assert asks_closing(text, lang, (), True, SAID[lang])  # by its act alone too


# ---------------------------------------------------------------------- a greeting that thanks

THANKING_OPENINGS = {
    "en": [
        "Hello Anna, nice to hear from you. How can I help?",
        "Anna, thanks for your patience so far, I can see this is stressful for you.",
    ],
    "nl": [
        "Goedemorgen Anna, fijn dat u belt. Waarmee kan ik u helpen?",
        "Dag Anna, bedankt dat u ons contacteert. Wat kan ik voor u doen?",
    ],
    "fr": [
        "Bonjour Anna, merci de nous contacter. Que puis-je faire pour vous ?",
        "Bonjour Madame, merci pour votre appel. En quoi puis-je vous aider ?",
    ],
}


@pytest.mark.parametrize(
    ("lang", "text"), [(lang, t) for lang, texts in THANKING_OPENINGS.items() for t in texts]
)
def test_a_greeting_or_empathy_that_thanks_is_not_the_closing_question(
    lang: str, text: str
) -> None:
    """Before anything was proposed, the customer greets back or acknowledges, not "No, that's
    all. Thank you!", and the closing step is not shown."""
    reply = respond(PRINTER, text, Context(customer=ANNA, language=lang))
    assert reply.intent != "closing" and reply.kind != "closing"
    assert "closing" not in acts_in_turn(text, lang, proposed=False)
    assert not asks_closing(text, lang, (), False, ())


def test_a_thanks_after_the_fix_may_still_close() -> None:
    """Once something was proposed the rule does not apply: the act reads as the layer reads it."""
    text = "Thank you for your patience, is there anything else I can do for you?"
    assert "closing" in acts_in_turn(text, "en", proposed=True)


# ---------------------------------------------------------------------- identification, briefly

FEW_WORDS_IDENTIFY = {
    # COM-1 / SOL-1 "identifies the customer": asking who they are, however briefly
    "en": ["Your surname and team, please.", "Who is on the line, please?"],
    "nl": ["Uw naam en afdeling, alstublieft.", "Wie spreek ik aan de lijn?"],
    "fr": ["Votre nom et service, svp.", "Qui ai-je au bout du fil ?"],
}


@pytest.mark.parametrize(
    ("lang", "text"), [(lang, t) for lang, texts in FEW_WORDS_IDENTIFY.items() for t in texts]
)
def test_identification_in_few_words_is_answered_with_the_customers_name(
    lang: str, text: str
) -> None:
    reply = respond(PRINTER, text, Context(customer=ANNA, language=lang))
    assert reply.intent == "identify" and ANNA.name in reply.text


# ---------------------------------------------------------------------- "can you confirm?"

CONFIRM_TAGS = {
    "en": "Since the Windows update your laptop no longer gets on the office wifi, and the "
    "presentation is at eleven. Can you confirm?",
    "nl": "Sinds de update van vanmorgen maakt uw laptop geen verbinding meer met de wifi op "
    "kantoor en om elf uur is de presentatie. Kunt u dat bevestigen?",
    "fr": "Depuis la mise à jour de Windows ce matin, votre portable ne se connecte plus au "
    "wifi du bureau, présentation à onze heures. Vous confirmez ?",
}


@pytest.mark.parametrize(("lang", "text"), list(CONFIRM_TAGS.items()))
def test_a_restatement_asking_to_confirm_is_one(lang: str, text: str) -> None:
    assert restates_in_turn(text, lang, SAID[lang]) is not None
