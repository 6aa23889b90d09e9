"""Layer 2.2: the prohibitions a seventh writer (heldout5) showed the layer missing, read as
classes, each with near misses.

Every sentence below was written for this file in the forms of those misses (none is a
message of a labelled set). The expected reading comes from issue 12's definitions: a
message whose only instructions are negated carries no `instruction` and lists them under
`negated`; the near misses say the same words told as a step stay an instruction.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.language import analyse

PROHIBITED = [
    # a quoted button name inside a prohibition: the quote ends no clause, so "Retry" is the
    # name of what not to click, not an instruction of its own
    ("en", 'Stop pressing "Send", it duplicates the mail.', "pressing"),
    ("en", "Stop clicking “Retry” please, it creates duplicates.", "clicking"),
    ("fr", "Arrêtez d'appuyer sur « Envoyer », ça duplique le mail.", "appuyer"),
    ("nl", 'Stop met klikken op "Verzenden", dat maakt dubbele mails.', "klikken"),
    # a negative adverbial alone in its clause negates the next clause of its sentence
    ("en", "Under no circumstances, reset the router yourself.", "reset"),
    ("en", "On no account, unplug the pump.", "unplug"),
    ("fr", "Sous aucun prétexte, ne débranchez la borne.", "débranchez"),
    ("fr", "En aucun cas, ne réinitialisez le routeur vous-même.", "réinitialisez"),
    ("nl", "In geen geval, reset de router zelf.", "reset"),
    ("nl", "Onder geen beding, trek de stekker uit.", "trek"),
    # "never mind" + a step
    ("en", "Never mind reinstalling it, I've done it remotely.", "reinstalling"),
    # "leave ... alone" with a noun between
    ("en", "Leave the old router alone, stop resetting it.", "resetting"),
    # "nog geen" before an imperative's object negates, like "nog niet" since 1.2
    ("nl", "Verwijder nog geen bestanden, de back-up loopt.", "Verwijder"),
]


@pytest.mark.parametrize(("lang", "text", "word"), PROHIBITED)
def test_a_prohibition_of_the_seventh_writer_is_no_instruction(
    lang: str, text: str, word: str
) -> None:
    got = analyse(text, lang)
    assert "instruction" not in got.acts
    assert any(word in phrase for phrase in got.negated), got.negated


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Leave the old router alone."),
        ("fr", "Laissez l'ancienne borne tranquille."),
        ("nl", "Laat de oude router met rust."),
    ],
)
def test_leave_it_alone_with_a_noun_between_is_a_prohibition(lang: str, text: str) -> None:
    got = analyse(text, lang)
    assert "instruction" not in got.acts
    assert got.negated


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", 'Click "Retry" once more.'),
        ("fr", "Cliquez sur « Réessayer » une dernière fois."),
        ("nl", 'Klik nog eens op "Opnieuw proberen".'),
        ("en", "Never mind, restart it."),
        ("en", "Never mind that, just restart the router."),
        ("en", "In any case, restart the router."),
        ("fr", "En tout cas, redémarrez la borne."),
        ("nl", "In elk geval, herstart de router."),
        ("en", "Leave the router on and restart the PC."),
        ("nl", "Laat de router aan staan en herstart de pc."),
    ],
)
def test_the_near_misses_stay_instructions(lang: str, text: str) -> None:
    got = analyse(text, lang)
    assert "instruction" in got.acts, got.explain()
    assert not got.negated


def test_a_fronted_negation_reaches_one_clause_only() -> None:
    """The next clause is negated, the one after it is told again."""
    got = analyse("Under no circumstances, unplug the pump, but restart the monitor.", "en")
    assert "instruction" in got.acts
    assert any("unplug" in phrase for phrase in got.negated)
    assert not any("restart" in phrase for phrase in got.negated)


# ---------------------------------------------------------------- progress: the state of things


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Hi Sam, I'm taking over your ticket from Priya."),
        ("en", "The VPN is back now, try again."),
        ("en", "The mail server is down for the whole building, the team is on it."),
        ("en", "Your order is awaiting approval from your manager."),
        ("en", "Your ticket is logged, the reference is INC0099."),
        ("fr", "Bonjour Paul, je reprends votre ticket, Léa a fini son service."),
        ("fr", "Le réseau est revenu dans tout le bâtiment."),
        ("fr", "Votre demande est en attente de validation par votre chef."),
        ("fr", "La messagerie est en panne pour tout le site, les équipes sont dessus."),
        ("nl", "Dag Els, ik neem je ticket over van Tom."),
        ("nl", "De printers staan weer online."),
        ("nl", "Uw aanvraag wacht op goedkeuring van uw diensthoofd."),
        ("nl", "Er is een storing bekend op de mailserver, we werken aan een oplossing."),
    ],
)
def test_news_on_the_state_of_things_is_progress(lang: str, text: str) -> None:
    from helpdesk_tui.language.analyse import rules_analysis

    assert "progress" in rules_analysis(text, lang).acts


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "What's your ticket number?"),
        ("en", "I'll be right back, one moment."),
        ("en", "Is the VPN back?"),
        ("en", "OK, noted that."),
        ("fr", "Quel est votre numéro de ticket ?"),
        ("fr", "C'est noté."),
        ("fr", "C'est revenu ?"),
        ("nl", "Wat is uw ticketnummer?"),
        ("nl", "Werkt het weer?"),
        ("nl", "Oké, ik noteer het."),
    ],
)
def test_near_misses_of_the_state_of_things_are_no_progress(lang: str, text: str) -> None:
    from helpdesk_tui.language.analyse import rules_analysis

    assert "progress" not in rules_analysis(text, lang).acts
