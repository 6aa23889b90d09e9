"""Branch l-model25 (layer 2.20): the forms second-language writers use for a restatement and a
check, held in the rules whatever the act model's weights say.

Stop 32's blind bank worded-o lost six of its nine items to two English slips of one writer:
"If I understood you correct, {summary}. Please confirm." (the adverb written as its adjective:
COM-4 refused on two exams) and "Please verify and write me if the problem is solved." (the
calque "write me if" for "let me know if": COM-1 and SOL-1 on two exams). The forms here are the
general ones behind those slips, in the three languages where they exist:

- an understanding, a purpose or a summary opener in a learner's form, leading the summary ("If I
  understand good, ...", "I repeat for be sure: ...", "To resume: ...", "Als ik goed verstaan heb,
  ...", "Om te resumeren: ...", "Si je comprends bien vous, ...", "Je répète pour être sûr : ...")
  restates (`firm`) and the model may not make it a check (`rules_out`); the same understanding
  may close the summary as its tag ("..., if I understood well?");
- a request to write or say whether it works ("write me if", "say me if", "give me a feedback
  if", "schrijf mij als", "zeggen mij of", "écrivez-moi si", "donnez-moi un retour si"), with a
  works-state or the problem still there, is a check (`firm`), beside the step it follows. The
  Dutch rule leaves "zeg mij als/of" (native, and read already) to the rules before it and names
  the error as "fout*" (a full word "foutmelding" in a lexicon becomes a word the typo tolerance
  corrects to: "foutmeldig" in a training line read otherwise), so the Dutch rules read every
  training line as 2.19's do (the retrained Dutch weights are what 2.19's rules train to).

Counter-examples: the same words with nothing restated or nothing asked about now: a summary of
the operator's own work ("To resume: I reset ..."), "I repeat: don't ...", a request to confirm
the understanding alone, "write me if you need anything", "if it comes back, write me", a third
party who will write. Each form is tested with hostile hand-made weights (every act on, every act
off), so it holds for any training, and with the shipped weights. Every sentence was written for
this file (none is a message of a labelled set or a phrase bank); the expected acts are what the
operator means, from issue 12's definitions. The labelled set of such forms is
tests/language/secondlang/ (test_secondlang.py).
"""

from __future__ import annotations

import pytest

from helpdesk_tui.language import analyse
from helpdesk_tui.language.analyse import rules_analysis
from tests.language.test_guards24 import EVERYTHING_OFF, EVERYTHING_ON, _decided

LEARNERS_RESTATEMENTS = [
    ("en", "If I understood you correct, the badge reader at the side door beeps red since the weekend."),
    ("en", "If I understand good, your laptop loses the wifi every time you close the lid."),
    ("en", "If I understood well, the invoices print on the wrong tray since Monday."),
    ("en", "I repeat for be sure: the new monitor shows no picture over the dock."),
    ("en", "To resume: Excel closes alone when you open the budget file."),
    ("nl", "Als ik goed verstaan heb, valt de wifi weg telkens u de laptop dichtklapt."),
    ("nl", "Als ik u goed verstaan heb, drukt de printer alles af op de verkeerde lade."),
    ("nl", "Laat mij zien of ik goed begrepen heb: de badgelezer aan de zijdeur piept rood sinds het weekend."),
    ("nl", "Ik herhaal voor zeker te zijn: het nieuwe scherm geeft geen beeld via het dock."),
    ("nl", "Om te resumeren: Excel sluit vanzelf als u het budgetbestand opent."),
    ("fr", "Si je comprends bien vous, le lecteur de badge de la porte latérale bipe rouge depuis le week-end."),
    ("fr", "Si je compris bien, le wifi tombe chaque fois que vous fermez le portable."),
    ("fr", "Je répète pour être sûre : le nouvel écran n'affiche rien via le dock."),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text"), LEARNERS_RESTATEMENTS)
def test_a_learners_opener_keeps_restate_against_the_model(lang: str, text: str) -> None:
    assert "restate" in _decided(text, lang, EVERYTHING_OFF)
    assert "restate" in analyse(text, lang).acts


@pytest.mark.parametrize(("lang", "text"), LEARNERS_RESTATEMENTS)
def test_a_learners_restatement_is_not_made_a_check(lang: str, text: str) -> None:
    assert "check" not in _decided(text, lang, EVERYTHING_ON)
    assert "check" not in analyse(text, lang).acts


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Your headset cuts out only in Teams calls, if I understood well?"),
        ("en", "The scanner beeps but nothing arrives in the stock list, if I understand correct?"),
        ("nl", "Uw headset valt uit in Teams, als ik goed verstaan heb?"),
    ],
)
def test_the_understanding_as_the_summarys_tag_restates(lang: str, text: str) -> None:
    assert "restate" in _decided(text, lang, EVERYTHING_OFF)
    assert "restate" in analyse(text, lang).acts


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the operator's own work summed up: news, nothing of the customer's restated
        ("en", "To resume: I reset your password and unlocked the account."),
        ("nl", "Om te resumeren: ik heb uw wachtwoord gereset."),
        # "I repeat" before a prohibition restates nothing
        ("en", "I repeat: please don't unplug the dock."),
        # a request to confirm the understanding alone, and asking to repeat
        ("en", "Tell me if I understood well."),
        ("nl", "Zeg mij als ik goed verstaan heb."),
        ("en", "Sorry, I did not understand you good, can you say again?"),
        ("nl", "Sorry, ik heb u niet goed verstaan, kan u dat herhalen?"),
        # "pour être sûr que ..." is a purpose, not an announced summary
        ("fr", "Je répète pour être sûr que vous m'entendez, vous m'entendez ?"),
    ],
)
def test_the_same_words_restating_nothing_are_not_kept(lang: str, text: str) -> None:
    assert "restate" not in _decided(text, lang, EVERYTHING_OFF)


WRITE_ME_CHECKS = [
    ("en", "Please check the cable and write me if the screen works now.", True),
    ("en", "Please verify and write me if everything is ok now.", True),
    ("en", "Say me if the error is gone.", False),
    ("en", "Give me a feedback if the printing is ok now.", False),
    ("nl", "Herstart de pc en schrijf mij als het werkt.", True),
    ("nl", "Schrijf mij als de foutmelding nog komt.", False),
    ("nl", "Kan u nog eens proberen en zeggen mij of de fout is er nog?", True),
    ("fr", "Redémarrez la borne et écrivez-moi si elle fonctionne.", True),
    ("fr", "Donnez-moi un retour si l'impression marche maintenant.", False),
]


@pytest.mark.parametrize(("lang", "text", "step"), WRITE_ME_CHECKS)
def test_write_me_if_it_works_is_a_check(lang: str, text: str, step: bool) -> None:
    """A check asked with a learner's verb of telling; the step before it stays an instruction."""
    assert "check" in _decided(text, lang, EVERYTHING_OFF)
    acts = analyse(text, lang).acts
    assert "check" in acts
    assert ("instruction" in acts) is step


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # an open offer to write again, nothing asked about now
        ("en", "If the problem comes back, write me."),
        ("en", "Write me if you need anything else."),
        ("nl", "Als het probleem terugkomt, schrijf mij."),
        ("nl", "Schrijf mij als u nog vragen heeft."),
        ("fr", "Si le problème revient, écrivez-moi."),
        ("fr", "Écrivez-moi si vous avez besoin d'autre chose."),
        # someone else, or the operator, will write: news
        ("en", "They will write me if the part is fixed."),
        ("nl", "Ik schrijf u als het opgelost is."),
        ("fr", "Je vous écris si c'est réglé."),
        # the condition is the operator's understanding, not a works-state
        ("en", "Write me if I understood good."),
        ("fr", "Écrivez-moi si j'ai bien compris."),
    ],
)
def test_write_me_with_nothing_asked_about_now_is_no_check(lang: str, text: str) -> None:
    assert "check" not in rules_analysis(text, lang).acts
    assert "check" not in _decided(text, lang, EVERYTHING_OFF)
