"""Branch l-model26 (layer 2.21): restatements asked back, and statements with "?" that ask who
the caller is or offer more help.

The convention (docs/language.md, "Restatements asked back"), counted in the labelled sets
before the rules were written: a statement that says the customer's problem back and is asked
only by its "?" or a bare tag is `restate`, not `question` (335 such messages labelled `restate`
alone, 52 with `question` too, mostly where a second clause asks something new); a statement
asked back that says something the customer did not (an assumption, a possible cause, an
alternative, a new detail) is a `question`.

Every sentence here was written for this file (none is a message of a labelled set or a phrase
bank); the expected acts are what the operator means, from issue 12's definitions and that
convention. A restatement asked back holds against hostile hand-made weights (every act on: no
question is added beside it), and with the shipped weights.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.language import analyse
from helpdesk_tui.language.analyse import rules_analysis
from tests.language.test_guards24 import EVERYTHING_OFF, EVERYTHING_ON, _decided

ASKED_BACK = [
    ("en", "The scanner on the second floor never sends the file to your mailbox?"),
    ("en", "Your timesheet shows nothing for the Tuesday you worked, correct?"),
    ("en", "You rang the desk twice and nobody picked up the phone?"),
    ("en", "You want to know why the portal shows your leave as pending?"),
    ("nl", "U hebt twee keer gebeld en telkens werd de lijn verbroken?"),
    ("nl", "De scanner op de tweede verdieping stuurt nooit iets naar uw mailbox?"),
    ("nl", "Uw urenblad toont de dinsdag niet die u gewerkt hebt, juist?"),
    ("nl", "U schrijft dat de badgelezer aan de achterdeur rood piept?"),
    ("fr", "Vous avez appelé deux fois et chaque fois la ligne a coupé ?"),
    ("fr", "Le scanner du deuxième étage n'envoie jamais rien dans votre boîte ?"),
    ("fr", "Vous écrivez que le lecteur de badge de la porte arrière bipe en rouge ?"),
    ("fr", "Votre relevé d'heures ne montre rien pour le mardi travaillé, oui ?"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text"), ASKED_BACK)
def test_a_problem_asked_back_is_a_restatement(lang: str, text: str) -> None:
    rules = rules_analysis(text, lang)
    assert rules.acts == {"restate"}
    assert any(m.rule == f"{lang}.restate.asked" for m in rules.matches)
    assert analyse(text, lang).acts == {"restate"}


@pytest.mark.parametrize(("lang", "text"), ASKED_BACK)
def test_the_model_adds_no_question_beside_it(lang: str, text: str) -> None:
    assert "question" not in _decided(text, lang, EVERYTHING_ON)


@pytest.mark.parametrize(("lang", "text"), ASKED_BACK[:3])
def test_where_the_model_refuses_the_restatement_the_mark_asks(lang: str, text: str) -> None:
    assert _decided(text, lang, EVERYTHING_OFF) == ["question"]


ASKS_SOMETHING_NEW = [
    # an assumption or a possible cause to confirm
    ("en", "You didn't unplug the dock before the update, did you?"),
    ("en", "You haven't changed your password recently?"),
    ("en", "You're on the office wifi, right?"),
    ("nl", "U hebt de kabel toch niet uitgetrokken voor de update?"),
    ("fr", "Vous n'avez pas changé de mot de passe récemment ?"),
    # an alternative, a new detail
    ("en", "You have the paper form or the one in the app?"),
    ("nl", "U gebruikt de app of de website?"),
    ("fr", "Vous êtes sur le portable ou sur le fixe ?"),
    ("en", "You see a printer icon at the top?"),
    # the problem said back and a second, new question joined on
    ("en", "The screen stays black after the logo, and does it beep when you start it?"),
    ("nl", "Het scherm blijft zwart na het logo, en hoort u een piep bij het opstarten?"),
    # a question word that asks
    ("fr", "Vous ne recevez plus rien depuis quand exactement ?"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text"), ASKS_SOMETHING_NEW)
def test_a_statement_that_asks_something_new_stays_a_question(lang: str, text: str) -> None:
    rules = rules_analysis(text, lang)
    assert not any(m.rule.endswith(".restate.asked") for m in rules.matches)
    assert "question" in analyse(text, lang).acts


CALLER_ASKED = [
    ("en", "You are the daughter of Mr Peeters?", "identify"),
    ("en", "It is for you or for your husband?", "identify"),
    ("en", "You are calling for yourself?", "identify"),
    ("nl", "U bent de zoon van mevrouw Claes?", "identify"),
    ("nl", "U bent de werkgever van de student?", "identify"),
    ("fr", "Vous êtes la fille de monsieur Dumont ?", "identify"),
    ("fr", "C'est pour vous ou pour votre mari ?", "identify"),
    ("en", "You have another question about the refund?", "offer_help"),
    ("nl", "U hebt nog vragen over de terugbetaling?", "offer_help"),
    ("fr", "Vous avez d'autres questions sur le remboursement ?", "offer_help"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "act"), CALLER_ASKED)
def test_who_the_caller_is_or_more_help_asked_as_a_statement(
    lang: str, text: str, act: str
) -> None:
    rules = rules_analysis(text, lang)
    assert act in rules.acts
    assert "question" not in rules.acts
    assert analyse(text, lang).acts == {act}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # told, not asked: no "?", so no identification asked
        ("en", "You are the daughter of Mr Peeters, so I can tell you the file is complete."),
        ("nl", "U bent de zoon van mevrouw Claes, dus ik mag u het dossier tonen."),
    ],
)
def test_who_the_caller_is_told_asks_for_nothing(lang: str, text: str) -> None:
    assert "identify" not in rules_analysis(text, lang).acts
