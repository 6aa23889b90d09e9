"""Rules 2.8 (branch ctx-read1): the one reading in context (`customers.in_context.read_at`),
on the classes of misses l-ctxbench found on context1 (benchmarks/README.md, "The layer in
context"). Each class: the set's turn that showed it, then two wordings of this branch's own per
language. Expected acts come from the label guide (docs/language.md, "Dialogue acts"): `check`
"asks whether it works now", `question` "asks a clarifying question about the problem",
`restate` "restates the customer's problem", `closing` "ends the contact", `greeting` "opens
the contact or salutes the customer".
"""

from __future__ import annotations

import pytest

from helpdesk_tui.customers.in_context import Place, place_after, read_at

AFTER_A_STEP = Place(proposed=True, customer_said=("ok done that",), spoke_before=True)
FIRST = Place()

# ----------------------------------------------------------- a yes/no question about the symptom

SYMPTOM_CHECKS = [
    ("en", "Is it still dropping?"),  # context1 en-005, after "ok done that"
    ("en", "Still freezing?"),
    ("en", "Did the page load?"),
    ("fr", "Vous avez l'image ?"),  # the kind of turn l-ctxbench listed, after "il s'allume"
    ("fr", "Toujours rien ?"),
    ("fr", "Il démarre ?"),
    ("nl", "Valt het nog weg?"),
    ("nl", "Nog steeds zwart?"),
    ("nl", "Start hij op?"),
]


@pytest.mark.parametrize(("lang", "text"), SYMPTOM_CHECKS)
def test_a_yes_no_question_about_the_symptom_after_a_step_is_a_check(lang: str, text: str) -> None:
    acts = read_at(text, lang, AFTER_A_STEP).acts
    assert "check" in acts and "question" not in acts


@pytest.mark.parametrize(("lang", "text"), SYMPTOM_CHECKS)
def test_the_same_question_before_any_step_asks_about_the_problem(lang: str, text: str) -> None:
    acts = read_at(text, lang, FIRST).acts
    assert "question" in acts and "check" not in acts


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Which printer is it?"),
        ("fr", "Quelle imprimante ?"),
        ("nl", "Welke printer is het?"),
    ],
)
def test_a_question_word_after_a_step_still_asks_about_the_problem(lang: str, text: str) -> None:
    assert read_at(text, lang, AFTER_A_STEP).acts == {"question"}


# ------------------------------------------------------------------- the operator's own fix


@pytest.mark.parametrize(
    ("lang", "fix", "check"),
    [
        ("en", "Update: it's fixed.", "Do you still see the error?"),  # l-ctxbench's example
        ("en", "I've reset your password.", "Do you still see the error?"),
        ("en", "I cleared the print queue on our side.", "Do you still see the error?"),
        (
            "fr",
            "J'ai réinitialisé votre mot de passe.",
            "Voyez-vous toujours le message d'erreur ?",
        ),
        ("fr", "C'est réparé de notre côté.", "Voyez-vous toujours le message d'erreur ?"),
        ("nl", "Ik heb uw paswoord gereset.", "Ziet u de foutmelding nog steeds?"),
        ("nl", "Het is opgelost aan onze kant.", "Ziet u de foutmelding nog steeds?"),
    ],
)
def test_a_fix_reported_by_the_operator_is_proposed(lang: str, fix: str, check: str) -> None:
    place = place_after([fix], ("it shows an error",), lang)
    assert place.proposed
    assert "check" in read_at(check, lang, place).acts


# ------------------------------------------------------------------- short restatements


@pytest.mark.parametrize(
    ("lang", "said", "text"),
    [
        ("nl", "Ik bel voor de derde keer! Mijn mails komen niet toe!", "Uw mails komen niet toe."),
        ("nl", "mijn gsm laadt niet meer op", "Uw gsm laadt niet op."),
        ("nl", "de tv geeft geen beeld meer", "Geen beeld op uw tv."),
        ("en", "my VPN keeps dropping", "Your VPN keeps dropping."),
        ("en", "outlook isn't syncing my calendar", "Your calendar won't sync."),
        ("fr", "mon pc ne démarre plus", "Votre PC ne démarre plus."),
        ("fr", "la box clignote en rouge", "Votre box clignote en rouge."),
    ],
)
def test_a_short_restatement_gives_the_problem_back(lang: str, said: str, text: str) -> None:
    place = Place(False, (said,), True)
    assert "restate" in read_at(text, lang, place).acts
    assert "restate" not in read_at(text, lang, Place(False, (), True)).acts  # nothing said yet


@pytest.mark.parametrize(
    ("lang", "said", "text"),
    [
        ("en", "my VPN keeps dropping", "Is your VPN client up to date?"),
        ("nl", "mijn gsm laadt niet meer op", "Welke lader gebruikt u voor uw gsm?"),
        ("fr", "mon pc ne démarre plus", "Redémarrez votre PC."),
    ],
)
def test_a_short_message_that_asks_or_tells_is_no_restatement(
    lang: str, said: str, text: str
) -> None:
    assert "restate" not in read_at(text, lang, Place(True, (said,), True)).acts


# -------------------------------------------------------------- a greeting word taking leave


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Dag!"),  # context1, the end of nl chats
        ("nl", "Dag Marie!"),
        ("nl", "Daag!"),
        ("fr", "Salut !"),
        ("fr", "Salut Paul !"),
        ("en", "Bye, Tom!"),
        ("en", "Cheers!"),
    ],
)
def test_a_greeting_word_at_the_end_closes(lang: str, text: str) -> None:
    acts = read_at(text, lang, AFTER_A_STEP).acts
    assert "closing" in acts and "greeting" not in acts


@pytest.mark.parametrize(("lang", "text"), [("nl", "Dag Marie!"), ("fr", "Salut Paul !")])
def test_the_same_word_opening_the_contact_greets(lang: str, text: str) -> None:
    assert read_at(text, lang, FIRST).acts == {"greeting"}
