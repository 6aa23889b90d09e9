"""Layer 2.5: the negation classes a tenth writer (heldout8) showed the layer missing, each
with near misses.

Every sentence below was written for this file in the forms of those misses (none is a
message of a labelled set). The expected readings come from issue 12's definition (a message
whose only instructions are negated carries no `instruction` and lists them under `negated`)
and the label rulings of the sets: "stop met X" / "wait with X" hold a step off (negated),
"Stop the service" and "Wait for the update to finish, then restart" tell. Both the rules alone
and the layer are tested: negation is a hard gate for the act model too.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.language import analyse
from helpdesk_tui.language.analyse import rules_analysis


def _negated(text: str, lang: str) -> None:
    for got in (rules_analysis(text, lang), analyse(text, lang)):
        assert "instruction" not in got.acts, (text, got.acts)
        assert got.negated, text


def _told(text: str, lang: str) -> None:
    for got in (rules_analysis(text, lang), analyse(text, lang)):
        assert "instruction" in got.acts, (text, got.acts)


@pytest.mark.parametrize(
    "text",
    [
        "Zet de router neet oet, dan valt alles weg.",
        "Doe mós dae printer neet aanzètte.",
        "Klik nit op die knop.",
        "Gebruik gein USB-stick.",
        "Sjtop mer mit opnieuw opstarten.",
        "Wach mer mit installeren tot ich 't zeg.",
        "Stop mee klikken op die link.",
    ],
)
def test_dutch_dialect_negators_and_stop_met(text: str) -> None:
    _negated(text, "nl")


@pytest.mark.parametrize(
    "text",
    [
        "Sjtop de service en start hem opnieuw.",
        "Klik op die knop, neet op de andere.",
        "Vergeet neet dien wachwoord te verandere.",
        "Wacht tot de update klaar is en herstart dan.",
    ],
)
def test_dutch_dialect_near_misses_still_tell(text: str) -> None:
    _told(text, "nl")


@pytest.mark.parametrize(
    "text",
    [
        "Arrêtez de cliquer sur le lien, vous allez bloquer votre session.",
        "Arrête de redémarrer, tu vas effacer ta session.",
        "Cessez de taper votre mot de passe, vous allez verrouiller le compte.",
        "Ne touchez pas au câble, vous risquez de débrancher le serveur.",
    ],
)
def test_french_prohibition_with_its_consequence(text: str) -> None:
    _negated(text, "fr")


@pytest.mark.parametrize(
    "text",
    [
        "Arrêtez l'ordinateur, puis rallumez-le.",
        "Vous allez redémarrer le poste maintenant.",
        "Cliquez sur Annuler, vous allez voir une fenêtre.",
    ],
)
def test_french_near_misses_still_tell(text: str) -> None:
    _told(text, "fr")


@pytest.mark.parametrize(
    "text",
    [
        "Stop with restarting the router.",
        "Please stop with typing your password.",
        "Wait with installing the driver, not yet.",
        "Wait still with the reboot, the copy is running.",
        "Please switch the printer not off.",
        "Pull the cable not out, the disk is busy.",
        "Change nothing in the settings.",
        "Touch nothing, I'll do it remotely.",
    ],
)
def test_learner_english_prohibitions(text: str) -> None:
    _negated(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "Stop the service.",
        "Stop the print job and restart the spooler.",
        "Wait for the update to finish, then restart.",
        "Plug it into the docking station not the monitor.",
        "Try chrome not edge.",
        "Make sure the cable is not loose.",
        "Check nothing is plugged into the USB port.",
        "Restart it, you'll see the login screen.",
    ],
)
def test_english_near_misses_still_tell(text: str) -> None:
    _told(text, "en")


def test_wait_with_me_is_no_postponement() -> None:
    got = rules_analysis("Wait with me on the line, please.", "en")
    assert not got.negated, got.negated


@pytest.mark.parametrize(
    "text",
    [
        "You don't have to reinstall the app yourself.",
        "You don't have to download anything, and install nothing.",
    ],
)
def test_no_need_is_no_instruction(text: str) -> None:
    _negated(text, "en")
