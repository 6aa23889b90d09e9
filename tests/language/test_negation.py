"""Every negated instruction shows under `Analysis.negated`, with its words (issue 12).

The sentences are written by hand for this test, one per negation form the issue
lists (ne ... pas/plus/jamais, niet, geen, nooit, not, never, don't, n't, no longer),
and none is taken from the labelled corpus. Each case names the words that must be
listed as negated: the expected words come from reading the sentence, not from the
layer.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.language import analyse

NEGATED = [
    # (language, message, a word that must be inside a listed negated phrase)
    ("en", "Please do not reboot the server.", "reboot"),
    ("en", "Never type your PIN into that window.", "type"),
    ("en", "Don't unplug the docking station yet.", "unplug"),
    ("en", "dont delete the old profile", "delete"),
    ("en", "You shouldn't reinstall Teams for this.", "reinstall"),
    ("en", "There's no need to reset your password.", "reset"),
    ("en", "Please no longer use the old VPN client.", "use"),
    ("en", "Open Outlook without clicking the link in that mail.", "clicking"),
    ("en", "I would not restart it right now.", "restart"),
    ("fr", "Ne redémarrez pas le poste maintenant.", "redémarrez"),
    ("fr", "N'utilisez plus l'ancien mot de passe.", "utilisez"),
    ("fr", "Ne cliquez jamais sur ce lien.", "cliquez"),
    ("fr", "Surtout, n'éteignez pas la borne.", "éteignez"),
    ("fr", "Vous n'avez pas besoin de réinstaller Teams.", "réinstaller"),
    ("fr", "Fermez la session sans supprimer le profil.", "supprimer"),
    ("fr", "faut pas débrancher le scanner", "débrancher"),
    ("nl", "Start de pc nu niet opnieuw op.", "Start"),
    ("nl", "Klik nooit op die link in de mail.", "Klik"),
    ("nl", "U hoeft geen nieuw wachtwoord te kiezen.", "kiezen"),
    ("nl", "Gebruik het oude paswoord niet meer.", "Gebruik"),
    ("nl", "Trek de stekker er niet uit.", "Trek"),
    ("nl", "Sluit de laptop af zonder de updates te annuleren.", "annuleren"),
]


@pytest.mark.parametrize(("lang", "text", "word"), NEGATED, ids=[t for _, t, _ in NEGATED])
def test_a_negated_instruction_is_listed_with_its_words(lang: str, text: str, word: str) -> None:
    analysis = analyse(text, lang)
    assert any(word in phrase for phrase in analysis.negated), (
        analysis.negated,
        analysis.explain(),
    )


ONLY_NEGATED = [t for t in NEGATED if t[1].split()[0].lower() not in ("open", "fermez", "sluit")]


@pytest.mark.parametrize(
    ("lang", "text", "word"), ONLY_NEGATED, ids=[t for _, t, _ in ONLY_NEGATED]
)
def test_a_message_whose_only_instruction_is_negated_carries_no_instruction(
    lang: str, text: str, word: str
) -> None:
    assert "instruction" not in analyse(text, lang).acts


@pytest.mark.parametrize(
    ("lang", "text", "given", "not_given"),
    [
        ("en", "Don't restart it, just close Teams and open it again.", "close", "restart"),
        ("fr", "Ne débranchez rien, redémarrez juste l'imprimante.", "redémarrez", "débranchez"),
        ("nl", "Zet de laptop niet uit, maar herstart Teams.", "herstart", "Zet"),
    ],
)
def test_the_given_step_is_an_instruction_and_the_negated_one_is_listed(
    lang: str, text: str, given: str, not_given: str
) -> None:
    analysis = analyse(text, lang)
    assert "instruction" in analysis.acts
    assert any(not_given in phrase for phrase in analysis.negated)
    assert not any(given in phrase for phrase in analysis.negated)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Don't hesitate to call us back if it happens again."),
        ("en", "No problem, restart the laptop and try again."),
        ("fr", "N'hésitez pas à nous rappeler."),
        ("fr", "Ne quittez pas, je regarde."),
        ("nl", "Aarzel niet om terug te bellen."),
        ("nl", "Geen probleem, herstart de laptop maar."),
    ],
)
def test_a_pseudo_negation_lists_nothing(lang: str, text: str) -> None:
    assert analyse(text, lang).negated == ()


def test_no_longer_negates_what_follows_in_english() -> None:
    analysis = analyse("You no longer need to approve those prompts.", "en")
    assert any("approve" in phrase for phrase in analysis.negated)
