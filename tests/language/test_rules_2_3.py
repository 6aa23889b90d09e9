"""Layer 2.3: the classes an eighth writer (heldout6) showed the layer missing, each with near
misses.

Every sentence below was written for this file in the forms of those misses (none is a
message of a labelled set). The expected readings come from issue 12's definitions and the
lead's label ruling (2026-12-04): `question` is a clarifying question about the problem; a
question that only asks who the customer is is `identify`, one that only asks whether it
works now is `check`, a restating question is `restate` (+ `question` only when it asks
something new); a message whose only instructions are negated carries no `instruction`.
The rules are tested alone (`rules_analysis`) where the class is the rules'; the act model
is trained data, so its reading is tested only where the gate is hard (negation).
"""

from __future__ import annotations

import pytest

from helpdesk_tui.language import analyse
from helpdesk_tui.language.analyse import rules_analysis

NEGATED = [
    # code-mixing: the other language's negation in a Brussels candidate's sentence
    ("nl", "Ne reboot plus de modem, dat lost niks op.", "reboot"),
    ("nl", "Surtout pas afsluiten tijdens de installatie.", "afsluiten"),
    ("nl", "Pas besoin van opnieuw op te starten, ik regel het.", "opnieuw"),
    ("nl", "Pas encore de kabel uittrekken, eerst de back-up.", "uittrekken"),
    ("fr", "Geen nouvelle carte commander, on en a en stock.", "commander"),
    # a negated "do" before a colon heads a list of what not to do
    ("nl", "Wat u niet moet doen: 1. de stekker uittrekken; 2. de klep openen.", "uittrekken"),
    (
        "fr",
        "Trois choses à ne pas faire : 1. débrancher la borne ; 2. ouvrir le capot.",
        "débrancher",
    ),
    ("en", "Two things not to do: 1. unplug the dock; 2. close the lid.", "unplug"),
    # waiting for the operator's word beside a negated step is part of the postponement
    ("en", "Don't install the patch yet, wait for my signal.", "install"),
    ("nl", "Nog niet herstarten, wacht tot ik het zeg.", "herstarten"),
    ("fr", "Ne relancez pas encore l'installation, attendez mon feu vert.", "relancez"),
    # a longer object between "leave" and "alone"
    ("en", "Leave that big old shared mailbox alone: deleting it breaks the rules.", "mailbox"),
    (
        "nl",
        "Laat die oude gedeelde printerwachtrij maar met rust: ze wordt morgen gewist.",
        "printerwachtrij",
    ),
    # "that" as a demonstrative keeps the negation's scope
    ("en", "Please don't press that reset button again.", "press"),
]


@pytest.mark.parametrize(("lang", "text", "word"), NEGATED)
def test_a_negated_step_of_the_eighth_writers_forms_is_no_instruction(
    lang: str, text: str, word: str
) -> None:
    got = analyse(text, lang)
    assert "instruction" not in got.acts, got.matches
    assert any(word in phrase for phrase in got.negated), got.negated


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # near misses: the same words told as a step stay an instruction
        ("en", "Wait for my signal, then restart the dock."),
        ("nl", "Doe dit: trek de stekker uit."),
        ("fr", "Voici quoi faire : débranchez la borne."),
        ("nl", "Gebruik de usb-c-poort, niet de gewone."),
        ("en", "Don't worry that you broke it, restart the laptop."),
    ],
)
def test_the_same_words_told_as_a_step_stay_an_instruction(lang: str, text: str) -> None:
    assert "instruction" in rules_analysis(text, lang).acts


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "So your laptop won't charge at work but does at home, is that right?"),
        ("nl", "Dus de scanner stuurt niets meer door naar uw mailbox, klopt dat?"),
        ("fr", "Donc votre badge ne marche plus à l'entrée du parking, c'est ça ?"),
    ],
)
def test_a_restatement_asked_by_a_tag_is_restate_not_question(lang: str, text: str) -> None:
    got = rules_analysis(text, lang)
    assert "restate" in got.acts
    assert "question" not in got.acts


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "So your laptop won't charge at work, is that right? Which charger do you use?"),
        ("fr", "Donc votre badge ne marche plus, c'est ça ? Depuis quand exactement ?"),
    ],
)
def test_a_restatement_followed_by_a_new_question_keeps_question(lang: str, text: str) -> None:
    got = rules_analysis(text, lang)
    assert {"restate", "question"} <= got.acts


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "How lovely to hear from you again"),
        ("nl", "Wat fijn om u weer te horen"),
        ("en", "The code only works once, which is why the portal asks for a new one"),
        ("nl", "Ik zou die link niet openen, hoe echt hij er ook uitziet."),
        ("fr", "Ça, c'est le genre de panne qu'on voit le lundi."),
        ("en", "and the printer on the third floor is fine"),
    ],
)
def test_a_question_word_that_asks_nothing_is_no_question(lang: str, text: str) -> None:
    assert "question" not in rules_analysis(text, lang).acts


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "How long has it been doing that"),
        ("en", "Hi Tom, when did it start"),
        ("nl", "Hoe lang duurt het opstarten"),
        ("en", "How lovely, and which version do you run?"),
    ],
)
def test_a_question_word_that_asks_is_still_a_question(lang: str, text: str) -> None:
    assert "question" in rules_analysis(text, lang).acts


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Does it work now, or do you still get the error?"),
        ("nl", "Werkt het nu, of krijgt u nog de foutmelding?"),
    ],
)
def test_a_yes_no_question_in_a_checking_sentence_is_the_check(lang: str, text: str) -> None:
    got = rules_analysis(text, lang)
    assert "check" in got.acts
    assert "question" not in got.acts


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Een ogenblik, ik raadpleeg de handleiding van dat toestel."),
        ("nl", "Ik open nu het menu Printers op uw scherm."),
        ("fr", "Patientez une minute, j'ouvre la procédure."),
        ("fr", "Je vais demander à mon collègue du réseau."),
        ("en", "I'm going to restart the print service now."),
        ("en", "I open the printer menu on your screen now."),
    ],
)
def test_the_operator_saying_what_they_do_is_progress(lang: str, text: str) -> None:
    assert "progress" in rules_analysis(text, lang).acts


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Sorry, I gave you the wrong link."),
        ("nl", "Als ik op de knop klik, gebeurt er niets."),
        ("fr", "Si je redémarre le serveur, tout le monde est coupé."),
        ("en", "If I restart the server, everyone is cut off."),
        ("nl", "Ik ga ervan uit dat het de kabel is."),
    ],
)
def test_near_misses_of_the_operators_doing_are_no_progress(lang: str, text: str) -> None:
    assert "progress" not in rules_analysis(text, lang).acts


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("Gebruik de nieuwe link in de mail.", "instruction"),
        ("Open Teams in de browser aub", "instruction"),
        ("Gelieve de kabel van het scherm stevig aan te drukken.", "instruction"),
    ],
)
def test_dutch_imperatives_the_lemmatiser_reads_as_nouns(text: str, act: str) -> None:
    assert act in rules_analysis(text, "nl").acts


def test_a_dutch_infinitive_as_subject_is_no_step() -> None:
    assert "instruction" not in rules_analysis("Verwijderen zou ook de agenda wissen.", "nl").acts


@pytest.mark.parametrize(
    ("text", "step"),
    [
        ("Klik op Start, dan kiest u Instellingen.", True),
        ("Dan klikt u op OK.", True),
        ("De code vervalt na een uur, en dan raakt u niet meer binnen.", False),
    ],
)
def test_dutch_then_you_is_a_step_only_in_a_sequence(text: str, step: bool) -> None:
    assert ("instruction" in rules_analysis(text, "nl").acts) is step
