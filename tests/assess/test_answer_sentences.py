"""Which sentences of a message tell the customer the answer (assess/solutions.py).

A sentence that only asks tells nothing, whether it ends in "?" or is a question by
its form (French inversion, Dutch verb-first) typed without one; a request to do
something is telling even as a question.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.assess.solutions import all_match


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Remarquez-vous quelque chose de particulier concernant le mot de passe"),
        ("fr", "Avez-vous changé votre mot de passe ce matin"),
        ("nl", "Hebt u uw wachtwoord vanochtend gewijzigd"),
        ("en", "Have you changed your password since Friday?"),
    ],
)
def test_a_question_without_a_request_gives_no_answer(lang: str, text: str) -> None:
    assert not all_match(("mot de passe",) if lang == "fr" else ("wachtwoord",) if lang == "nl"
                         else ("password",), text, lang)  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text", "keyword"),
    [
        ("fr", "Changez votre mot de passe tout de suite.", "mot de passe"),
        ("fr", "Pouvez-vous changer votre mot de passe, s'il vous plaît ?", "mot de passe"),
        ("nl", "Wijzig nu meteen uw wachtwoord.", "wachtwoord"),
        ("en", "Could you change your password for me?", "password"),
    ],
)
def test_a_telling_sentence_or_a_request_gives_the_answer(
    lang: str, text: str, keyword: str
) -> None:
    assert all_match((keyword,), text, lang)
