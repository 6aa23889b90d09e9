"""Layer 1.2: the rules added after the first held-out set, each on sentences written here.

Every sentence below was written for this file (none is a message of the tuning
corpus or of either held-out set); the expected reading comes from the act
definitions of issue 12 and the held-out label guide (tests/language/heldout/README.md),
not from running the layer.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.language import analyse, find
from helpdesk_tui.language.lexicon import lexicon
from helpdesk_tui.language.spelling import correction


def acts(text: str, lang: str) -> set[str]:
    return set(analyse(text, lang).acts)


# ---------------------------------------------------------------- typos (spelling.py)


@pytest.mark.parametrize(
    ("text", "lang", "act"),
    [
        ("Plaese restatr the router", "en", "instruction"),  # swapped letters
        ("apologies for the dealy", "en", "apology"),
        ("een momentje aub, ik ben zo terug", "nl", "hold"),
        ("Waarme kan ik u vandaag helpen?", "nl", "offer_help"),
        ("un instnt, je regarde", "fr", "hold"),
    ],
)
def test_a_typo_of_a_lexicon_word_reads_as_that_word(text: str, lang: str, act: str) -> None:
    assert act in acts(text, lang)


def test_a_typo_is_never_read_as_another_real_word() -> None:
    """ "reconnecter" is French: it stays itself, however close to "déconnecter"."""
    assert correction("reconnecter", "fr") is None
    assert correction("aanmelden", "nl") is None
    assert correction("restart", "en") is None  # a lexicon word is not corrected at all


def test_short_words_and_names_are_left_alone() -> None:
    assert correction("hlp", "en") is None  # under four letters
    assert correction("okonkwo", "en") is None  # nothing one edit away
    assert correction("restrat", "en") == "restart"


def test_the_nearest_by_insertions_wins_and_the_token_keeps_its_text() -> None:
    assert correction("helo", "en") in (None, "hello")  # "helo" is itself a lexicon word
    token = analyse("plz restrat it", "en").tokens[1]
    assert token.text == "restrat" and token.norm == "restrat" and token.lemma == "restart"


# ---------------------------------------------------------------- phrase matching


def test_a_phrase_matches_every_spelling_of_its_synonym_group() -> None:
    """nl synonyms: efkes = even; the hold phrase "wacht even" also hears "wacht efkes"."""
    assert "efkes" in lexicon("nl").synonyms or "even" in lexicon("nl").synonyms
    assert "hold" in acts("Wacht efkes, ik zoek het op.", "nl")


def test_unless_next_tries_the_next_phrase() -> None:
    """ "Sorry" followed by "again" is cancelled, but "sorry again for" is its own phrase."""
    assert "apology" in acts("Sorry again for the confusion with the licence.", "en")


def test_unless_sentence_cancels_a_greeting_that_says_goodbye() -> None:
    assert "greeting" not in acts("Salut, tot morgen!", "nl")
    assert "greeting" in acts("Salut Jana, ik heb uw vraag gelezen.", "nl")
    assert "greeting" not in acts("Merci d'avoir appelé, à bientôt.", "fr")


def test_an_unless_entry_of_several_words_counts() -> None:
    """fr.hold.instant: "toutes les" cancels "quelques minutes" (a frequency, not a wait)."""
    assert "hold" not in acts("L'écran se fige toutes les quelques minutes depuis hier.", "fr")
    assert "hold" in acts("Je reviens dans quelques minutes.", "fr")


def test_an_instruction_verb_the_lemmatiser_misses_still_counts() -> None:
    """simplemma lemmatises "wissen" as "wisse"; the infinitive is in the verb list."""
    assert "instruction" in acts("Gelieve uw cookies te wissen.", "nl")


def test_a_phrase_that_carries_its_own_negation_is_not_negated() -> None:
    assert "empathy" in acts("Dat is echt niet leuk, zo vlak voor uw vakantie.", "nl")
    assert "empathy" in acts("Ce n'est vraiment pas agréable, je comprends.", "fr")
    assert "empathy" not in acts("I don't understand what you mean.", "en")


def test_a_rule_yields_to_an_act_in_its_sentence() -> None:
    """fr.progress.maintenant yields to restate: "Je vérifie que je vous suis bien" restates.
    (Until 2.1 the progress rules also yielded to hold; since 2.2 "Ik kijk het even na, één
    ogenblikje" is both, as four of the seven writers label it.)"""
    text = "Je vérifie que je vous suis bien : votre imprimante ne marche plus."
    assert "progress" not in acts(text, "fr")
    assert "restate" in acts(text, "fr")
    assert {"hold", "progress"} <= acts("Ik kijk het even na, één ogenblikje.", "nl")
    assert "progress" in acts("Ik kijk uw mailbox nu na.", "nl")


def test_a_signoff_closes_a_letter_but_not_a_bare_line() -> None:
    assert "closing" in acts("The scanner has been replaced. Kind regards, Omar", "en")
    assert "closing" in acts("Uw badge is opnieuw actief. Met vriendelijke groeten, Liesbeth", "nl")
    assert "closing" in acts("Votre accès est rétabli. Bien à vous, Karim", "fr")
    assert "closing" not in acts("Kind regards", "en")


# ---------------------------------------------------------------- question forms


def test_a_dutch_verb_first_sentence_that_tells_is_no_question() -> None:
    assert "question" not in acts("Zet de laptop even uit.", "nl")
    assert "question" in acts("Ziet u een rood lampje op de router", "nl")  # -t form: asks


def test_a_main_clause_after_a_subordinate_one_is_no_question() -> None:
    assert "question" not in acts("Zodra u inlogt, verschijnt er een melding.", "nl")
    assert "question" in acts("Zodra u inlogt, verschijnt er een melding?", "nl")


def test_a_tag_question_asks_about_its_whole_statement() -> None:
    assert "check" in acts("It's printing again now, isn't it?", "en")


def test_a_tag_after_an_instruction_insists_and_asks_nothing() -> None:
    analysis = analyse("Niet op die rode knop drukken, hè.", "nl")
    assert "question" not in analysis.acts and analysis.negated


def test_a_reflexive_french_inversion_asks() -> None:
    assert "question" in acts("Vous rappelez-vous le texte du message", "fr")
    assert "question" not in acts("Rappelez-vous de fermer la session.", "fr")


# ---------------------------------------------------------------- negation


@pytest.mark.parametrize(
    ("text", "lang", "pattern"),
    [
        ("Gelieve de printer nog niet uit te zetten.", "nl", "uitzetten"),
        ("N'éteignez pas encore l'ordinateur.", "fr", "éteindre"),
        ("Geef die code aan niemand door.", "nl", "doorgeven"),
        ("Ne donnez ce code à personne.", "fr", "donner"),
        ("Open dat bestand niet meer.", "nl", "openen"),
    ],
)
def test_new_triggers_negate_the_step(text: str, lang: str, pattern: str) -> None:
    analysis = analyse(text, lang)
    assert "instruction" not in analysis.acts and analysis.negated, analysis.matches
    hit = find(pattern, analysis)
    assert hit is None or hit.negated


def test_dutch_dat_ends_a_negation_only_as_the_conjunction() -> None:
    """ "..., dat u ..." opens a new clause; "dat bestand" is still the negated step's object."""
    tokens = analyse("Start niet opnieuw op, dat u het weet.", "nl").tokens
    assert not any(t.negated for t in tokens if t.norm == "weet")


# ---------------------------------------------------------------- lexicon classes


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Nous l'avons relancée ce matin.", "fr"),
        ("Votre boîte est maintenant débloquée.", "fr"),
        ("Het is doorgegeven aan de netwerkploeg.", "nl"),
        ("Uw account is nu ontgrendeld.", "nl"),
        ("Your mailbox has now been enlarged.", "en"),
        ("I'm checking the licence server now.", "en"),
        ("Je vérifie les droits sur le dossier.", "fr"),
        ("I can see that the sync failed last night.", "en"),
    ],
)
def test_past_passive_and_present_news_are_progress(text: str, lang: str) -> None:
    assert "progress" in acts(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Have you got your ticket number there?", "en"),
        ("Hebt u uw klantnummer bij?", "nl"),
        ("Vous avez votre numéro de dossier ?", "fr"),
        ("Hoe spelt u uw familienaam?", "nl"),
    ],
)
def test_asking_for_a_case_reference_or_a_spelling_identifies(text: str, lang: str) -> None:
    assert "identify" in acts(text, lang)
    assert "question" not in acts(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Could you repeat the error code?", "en"),
        ("Kunt u die foutcode nog eens herhalen?", "nl"),
        ("Pourriez-vous répéter le code d'erreur ?", "fr"),
    ],
)
def test_asking_to_say_something_again_is_a_question_not_a_step(text: str, lang: str) -> None:
    found = acts(text, lang)
    assert "question" in found and "instruction" not in found


def test_asking_to_let_one_know_is_no_step() -> None:
    assert "instruction" not in acts("Kunt u laten weten welk merk de muis is?", "nl")


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Mevrouw Claes, uw pc staat klaar.", "nl"), ("Madame Lefèvre, votre PC est prêt.", "fr")],
)
def test_addressing_the_customer_by_title_greets(text: str, lang: str) -> None:
    assert "greeting" in acts(text, lang)


# ---------------------------------------------------------------- unless_next and wildcards


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a greeting followed by a question word still greets (1.2 lost it: the rule's
        # unless_next, meant for "ici que", applied to "bonjour, que" as well)
        ("Bonjour, que puis-je faire pour vous ?", {"greeting", "offer_help"}),
        ("Bonsoir, qu'est-ce qui ne va pas ?", {"greeting", "offer_help"}),
        # "ici *" introduces someone, not the "que" its wildcard would take
        ("Ici Sandrine, du support informatique.", {"greeting"}),
    ],
)
def test_french_greetings_and_unless_next(text: str, expected: set[str]) -> None:
    assert expected <= acts(text, "fr")


def test_a_wildcard_that_takes_an_unless_next_word_does_not_match() -> None:
    assert "greeting" not in acts("Je constate ici que la session est expirée.", "fr")
