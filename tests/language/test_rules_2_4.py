"""Layer 2.4: the classes a ninth writer (heldout7) showed the layer missing, each with near
misses.

Every sentence below was written for this file in the forms of those misses (none is a
message of a labelled set). The expected readings come from issue 12's definitions and the
label rulings in docs/language.md: a question that only asks who or where the customer is, or
for their data, is `identify`; one that only asks whether it works now is `check`; a
restating question is `restate`; the operator's own doing is `progress`; closing the ticket is
the `closing`; "noted" only acknowledges. The rules are tested alone (`rules_analysis`): the
act model is trained data, so its reading is tested only where the gate is hard (negation).
"""

from __future__ import annotations

import pytest

from helpdesk_tui.language import analyse
from helpdesk_tui.language.analyse import rules_analysis


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Which site are you ringing from, Hull or York?"),
        ("en", "What's your contract number, please?"),
        ("en", "work email? 📧"),
        ("fr", "Vous êtes à quel étage, le troisième ?"),
        ("fr", "Quel est le numéro de contrat de votre société ?"),
        ("fr", "Vous appelez de quelle agence ?"),
        ("nl", "Op welke locatie werkt u, Gent of Brugge?"),
        ("nl", "Wat is het contractnummer van uw firma?"),
        ("nl", "Wie is de key user bij jullie?"),
    ],
)
def test_asking_the_callers_site_or_organisations_data_is_identify(lang: str, text: str) -> None:
    got = rules_analysis(text, lang).acts
    assert "identify" in got and "question" not in got, got


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Which floor is the scanner on?"),
        ("fr", "La photocopieuse est à quel étage ?"),
        ("fr", "Merci pour votre mail, voyez-vous l'icône rouge ?"),
    ],
)
def test_where_a_device_stands_is_still_a_question(lang: str, text: str) -> None:
    got = rules_analysis(text, lang).acts
    assert "question" in got and "identify" not in got, got


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Is the badge being read this time?"),
        ("fr", "Le scanner a-t-il repris ?"),
        ("fr", "la musique revient ? 🎵"),
        ("fr", "Et cette fois, la borne reconnaît la carte ?"),
    ],
)
def test_asking_whether_it_works_this_time_is_a_check(lang: str, text: str) -> None:
    got = rules_analysis(text, lang).acts
    assert "check" in got and "question" not in got, got


@pytest.mark.parametrize(
    ("lang", "text", "acts"),
    [
        ("en", "Could you switch the router off and on again?", {"instruction"}),
        ("nl", "Kunt u de app verwijderen en opnieuw installeren?", {"instruction"}),
    ],
)
def test_again_in_a_step_is_no_check(lang: str, text: str, acts: set[str]) -> None:
    assert rules_analysis(text, lang).acts == acts


@pytest.mark.parametrize(
    "text",
    [
        "heb de licentie net opnieuw toegekend",
        "ja, zie het staan",
        "Dag Ines, ben er",
    ],
)
def test_a_dutch_statement_with_ik_dropped_asks_nothing(text: str) -> None:
    assert "question" not in rules_analysis(text, "nl").acts


@pytest.mark.parametrize(
    "text", ["Heb je de laptop al herstart?", "Zie je het icoontje?", "Ben je op kantoor?"]
)
def test_the_same_verbs_with_a_subject_still_ask(text: str) -> None:
    assert "question" in rules_analysis(text, "nl").acts


def test_a_french_imperative_with_nous_is_no_inversion() -> None:
    got = rules_analysis("Bonne soirée, et rappelle-nous si ça recommence.", "fr").acts
    assert "question" not in got and "closing" in got, got
    assert "question" in rules_analysis("Avons-nous votre bon numéro ?", "fr").acts


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "You're telling me the badge reader beeps but the door stays shut."),
        ("en", "ok so the scanner only fails on the colour setting?"),
        ("en", "If I've got it, the old laptop syncs but the new one doesn't?"),
        ("fr", "Vous nous signalez donc que les étiquettes sortent blanches."),
        ("fr", "ok donc la borne ne lit plus les cartes, c'est ça ?"),
        ("fr", "Si je récapitule : le robot s'arrête à chaque commande urgente."),
        ("nl", "U meldt dus dat de kassa's geen bonnen meer printen."),
        ("nl", "ok dus de scanner werkt enkel in zwart-wit?"),
    ],
)
def test_the_customers_words_reported_back_are_restate(lang: str, text: str) -> None:
    got = rules_analysis(text, lang).acts
    assert "restate" in got and "question" not in got, got


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "ok so I've reset it, can you try again"),
        ("en", "Okay so that's all sorted on our side."),
    ],
)
def test_ok_so_before_the_operators_own_news_is_no_restate(lang: str, text: str) -> None:
    assert "restate" not in rules_analysis(text, lang).acts


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "I'll close the ticket then. Cheers!"),
        ("en", "closing the ticket now, have a good one"),
        ("nl", "Ik sluit het ticket af. Nog een fijne avond!"),
    ],
)
def test_closing_the_ticket_is_the_closing_not_progress(lang: str, text: str) -> None:
    got = rules_analysis(text, lang).acts
    assert "closing" in got and "progress" not in got, got


def test_french_keeps_closing_the_ticket_as_progress_for_the_first_corpus() -> None:
    """The exception (fr.toml, docs/language.md "Layer 2.4"): without it the first corpus's
    French progress falls under issue 12's 0.90; when this test fails, that reason is gone."""
    assert {"closing", "progress"} <= rules_analysis(
        "Je clôture le ticket. Bonne soirée !", "fr"
    ).acts


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Your badge is working again, I'll close the ticket. Bye!"),
        ("en", "The smartcard certificate had expired, that's what's causing it."),
        ("fr", "Votre lecteur refonctionne, je ferme le ticket. Au revoir !"),
        ("fr", "Le disque est plein, c'est pour ça que l'export bloque."),
        ("nl", "Uw badgelezer werkt terug, dan sluit ik het ticket. Tot ziens!"),
        ("nl", "De schijf zit vol, daar ligt het aan."),
    ],
)
def test_a_fix_or_a_cause_told_is_progress(lang: str, text: str) -> None:
    assert "progress" in rules_analysis(text, lang).acts


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Bear with me, I'll just ask the team lead."),
        ("en", "One sec, I need to check the licence pool."),
        ("en", "hold on, checking"),
        ("fr", "Un instant, je dois vérifier la configuration du robot."),
        ("nl", "Momentje, ik moet dat even navragen bij het magazijn."),
    ],
)
def test_what_the_operator_is_about_to_look_into_is_progress_beside_the_wait(
    lang: str, text: str
) -> None:
    got = rules_analysis(text, lang).acts
    assert {"progress", "hold"} <= got, got


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "I'll check if you can log in now?"),
        ("en", "If you need to check anything, ring me."),
        ("fr", "Si vous devez vérifier quelque chose, rappelez-moi."),
        ("nl", "Als u iets moet nakijken, bel me terug."),
    ],
)
def test_near_misses_of_looking_into_are_no_progress(lang: str, text: str) -> None:
    assert "progress" not in rules_analysis(text, lang).acts


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Right, I've written that down."),
        ("nl", "Oké, dat is genoteerd."),
        ("nl", "Top, ik heb het genoteerd."),
    ],
)
def test_noting_the_customers_words_only_acknowledges(lang: str, text: str) -> None:
    assert "progress" not in rules_analysis(text, lang).acts


def test_noting_on_the_ticket_is_still_news() -> None:
    assert "progress" in rules_analysis("Ik heb uw gsm-nummer genoteerd in het ticket.", "nl").acts


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("nl", "Installeer de patch nog niet, wacht tot maandag.", "installeer"),
        ("en", "Don't run the update yet, wait until tomorrow.", "run"),
        ("fr", "N'installez pas le correctif, attendez demain.", "installez"),
    ],
)
def test_a_wait_to_a_time_beside_a_negated_step_tells_no_step(
    lang: str, text: str, word: str
) -> None:
    for got in (analyse(text, lang), rules_analysis(text, lang)):
        assert "instruction" not in got.acts, got.matches
        assert any(word in phrase.lower() for phrase in got.negated), got.negated


def test_a_wait_to_a_time_alone_is_still_said() -> None:
    assert rules_analysis("Wacht tot morgen en herstart dan de pc.", "nl").acts & {
        "instruction",
        "hold",
    }


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Hi, Sam on the desk. What's happened?"),
        ("fr", "Bonjour, qu'est-ce qui cloche ?"),
        ("fr", "Quel incident souhaitez-vous signaler ?"),
        ("nl", "Goeiemiddag, hoe kunnen wij u vandaag ondersteunen?"),
    ],
)
def test_more_invitations_to_tell_the_problem_are_offer_help(lang: str, text: str) -> None:
    got = rules_analysis(text, lang).acts
    assert "offer_help" in got and "question" not in got, got


def test_what_happened_after_a_step_is_still_a_question() -> None:
    got = rules_analysis("What's happened since you restarted it?", "en").acts
    assert "question" in got and "offer_help" not in got, got


@pytest.mark.parametrize(
    "text",
    [
        "Wilt u de stekker van de scanner even uittrekken?",
        "Kunt u mij de laatste factuur van maart doorsturen?",
    ],
)
def test_a_dutch_request_with_a_longer_middle_field_is_an_instruction(text: str) -> None:
    got = rules_analysis(text, "nl").acts
    assert "instruction" in got and "question" not in got, got
