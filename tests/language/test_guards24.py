"""Branch l-model24 (layer 2.19): two more guards in the rules that hold whatever the act model's
weights say, so the model trained on every writer cannot read them otherwise:

- an opener that invites the customer to correct the operator, leading a restatement ("Corrigeer
  me als ik mis ben: ...", "Reprenez-moi si je me trompe : ...", "Correct me if I'm wrong, ...")
  keeps `restate` (`firm`) and the model may not add a `question` (it asks nothing new: the
  labelled sets read "Correct me if I am wrong, the headset mic is not working only in Teams." as
  `restate` alone); l-model23's 22-writer weights read verhaeghe worded-j's "Zeg me gerust als het
  niet klopt: ...; ...; ..." as a question. The error is named in the opener ("als ik mis ben",
  "si je me trompe", "if I'm wrong"), so a correction asked about a name ("Correct me if I spell
  your name wrong, is it ...?") is none; Dutch "als het niet klopt" also says "if it does not
  work", so it counts only before a colon;
- an English tag asking whether it works, inside a French or Dutch message ("All good de votre
  côté ?", "Ça marche now ?", "Is het oké now?"): Belgian operators write them, and in a sentence
  that asks they are the `check` they are (`firm`); the same words in a statement ("All good, je
  vous rappelle") check nothing. "Alles good?" stays what "alles goed?" is in the labelled sets
  (a greeting: "Ah, dag Sofie, alles goed met u?"): the English spelling changes no reading;
- and, found tracing haute-meuse worded-n under the 24-writer weights: asking whether the customer
  can get back to work ("Vous pouvez reprendre votre travail normalement ?") is a `check` (`firm`;
  those weights read it as no act, 2.18's as a question).

Each guard is tested with hostile hand-made weights (every act on, every act off), so it holds
for any training, and with the shipped weights. Every sentence was written for this file from the
writer's own knowledge of the languages (none is a message of a labelled set or a phrase bank);
the expected acts are what the operator means, from issue 12's definitions.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.language import ACTS, analyse
from helpdesk_tui.language.acts_model import Linear, decide
from helpdesk_tui.language.analyse import rules_analysis
from helpdesk_tui.language.features import features

EVERYTHING_ON = {act: Linear(10.0, {}) for act in ACTS}
"""Weights that give every act to every message."""
EVERYTHING_OFF = {act: Linear(-10.0, {}) for act in ACTS}
"""Weights that take every act the rules gave away."""


def _decided(text: str, lang: str, weights: dict[str, Linear]) -> list[str]:
    rules = rules_analysis(text, lang)
    return decide(weights, rules, features(rules))


CORRECT_ME = [
    ("nl", "Corrigeer me als ik mis ben: de kassa in het filiaal start niet op sinds de update."),
    ("nl", "Zeg me gerust als het niet klopt: u ziet de gedeelde map niet meer sinds maandag."),
    ("nl", "Verbeter me als ik me vergis, de badge werkt aan de zijdeur, niet aan de hoofdingang."),
    ("nl", "Laat me weten als het niet klopt: de scanner valt om de tien minuten weg."),
    ("fr", "Reprenez-moi si je me trompe : depuis lundi, l'imprimante du deuxième n'imprime plus."),
    ("fr", "Dites-moi si j'ai mal compris : votre badge ne passe plus au parking depuis ce matin."),
    ("fr", "Corrige-moi si je me trompe, ta session se ferme toute seule après dix minutes."),
    ("en", "Correct me if I'm wrong, the laptop stopped charging after you moved desks."),
    ("en", "Stop me if I've got this wrong: the scanner drops its connection every ten minutes."),
    ("en", "Tell me if I got anything wrong: the till freezes whenever you scan a voucher."),
]


@pytest.mark.parametrize(("lang", "text"), CORRECT_ME)
def test_an_invitation_to_correct_keeps_restate_against_the_model(lang: str, text: str) -> None:
    assert "restate" in _decided(text, lang, EVERYTHING_OFF)
    assert "restate" in analyse(text, lang).acts


@pytest.mark.parametrize(("lang", "text"), CORRECT_ME)
def test_an_invitation_to_correct_asks_nothing_new(lang: str, text: str) -> None:
    assert "question" not in _decided(text, lang, EVERYTHING_ON)
    assert "question" not in analyse(text, lang).acts


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # "als het niet klopt" = "if it does not work": a check, nothing restated
        ("nl", "Zeg me als het niet klopt, dan kom ik langs."),
        # the correction is about how a name is written: it asks (identify), restates nothing
        ("nl", "Corrigeer me als ik de naam verkeerd schrijf: is het Verhaege of Verhaeghe?"),
        ("fr", "Reprenez-moi si je dis une bêtise en néerlandais, je fais de mon mieux."),
        ("en", "Stop me if you need a break, we can finish this tomorrow."),
        ("en", "Tell me if it goes wrong again and I'll come by."),
    ],
)
def test_an_invitation_that_restates_nothing_is_not_kept(lang: str, text: str) -> None:
    assert "restate" not in _decided(text, lang, EVERYTHING_OFF)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Corrigeer me als ik mis ben: de printer drukt niets af. Welke foutcode ziet u?"),
        ("en", "Correct me if I'm wrong, the dock is new. Which monitor do you plug in first?"),
    ],
)
def test_a_question_of_its_own_beside_the_restatement_stays(lang: str, text: str) -> None:
    """The bar binds only the model: where the rules read a question of their own (a second
    sentence), no question is ruled out and the message keeps it."""
    rules = rules_analysis(text, lang)
    assert "question" in rules.acts
    assert "question" not in {m.kind for m in rules.ruled_out}
    assert {"restate", "question"} <= analyse(text, lang).acts


TAG_CHECKS = [
    ("fr", "All good de votre côté ?"),
    ("fr", "Ça marche now ?"),
    ("fr", "Everything ok pour vous ?"),
    ("fr", "J'ai relancé le service, c'est ok now ?"),
    ("nl", "Is het oké now?"),
    ("nl", "All good bij u?"),
    ("nl", "Werkt het now?"),
    ("nl", "Ik heb de kabel vervangen, everything ok aan uw kant?"),
]


@pytest.mark.parametrize(("lang", "text"), TAG_CHECKS)
def test_an_english_tag_that_asks_whether_it_works_is_a_check(lang: str, text: str) -> None:
    assert "check" in _decided(text, lang, EVERYTHING_OFF)
    assert "check" in analyse(text, lang).acts


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "All good, je vous rappelle demain."),
        ("fr", "C'est ok now, je clôture le ticket."),
        ("nl", "All good, ik bel u straks terug."),
        ("nl", "Het is oké now, ik sluit het ticket."),
    ],
)
def test_the_same_words_in_a_statement_check_nothing(lang: str, text: str) -> None:
    """Told, not asked: the rules give no check and the guard keeps none from the model."""
    assert "check" not in rules_analysis(text, lang).acts
    assert "check" not in _decided(text, lang, EVERYTHING_OFF)


@pytest.mark.parametrize(
    "text",
    [
        "Vous pouvez reprendre votre travail normalement ?",
        "Tu peux reprendre ton travail, là ?",
        "Est-ce que vous pouvez travailler normalement maintenant ?",
    ],
)
def test_asking_whether_work_can_resume_is_a_check(text: str) -> None:
    """Whether the customer can get back to work asks whether it works now: a check."""
    assert "check" in _decided(text, "fr", EVERYTHING_OFF)
    assert "check" in analyse(text, "fr").acts


@pytest.mark.parametrize(
    "text",
    [
        "Quand pourrez-vous reprendre votre travail ?",
        "Vous ne pouvez plus reprendre votre travail ?",
        "Je vous laisse reprendre votre travail, bonne journée.",
    ],
)
def test_a_date_the_problem_or_a_farewell_about_work_is_no_check(text: str) -> None:
    """A time asked, the problem asked, a farewell: no check from this guard."""
    assert "check" not in _decided(text, "fr", EVERYTHING_OFF)


def test_alles_good_stays_the_greeting_alles_goed_is() -> None:
    assert rules_analysis("Alles good?", "nl").acts == rules_analysis("Alles goed?", "nl").acts
