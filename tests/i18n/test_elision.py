"""French elision before a value: "Nouveau message d'Isabelle", never "de Isabelle".

Found in a French practice exam at 100 x 30 (docs/known-issues.md, branch bugs4).
The expected French is written out by hand from French grammar, not from the code.
"""

from __future__ import annotations

import re

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.core import notices
from helpdesk_tui.core.phrase import Phrase
from helpdesk_tui.i18n import catalog
from helpdesk_tui.i18n.elision import fill, vowel_sound


@pytest.fixture(autouse=True)
def english_after() -> object:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Isabelle Marchal", "Nouveau message d'Isabelle Marchal"),
        ("Émile Dupont", "Nouveau message d'Émile Dupont"),
        ("Anna Peeters", "Nouveau message d'Anna Peeters"),
        ("Océane", "Nouveau message d'Océane"),
        ("Yves Martin", "Nouveau message d'Yves Martin"),
        ("Hélène Roy", "Nouveau message d'Hélène Roy"),  # h muet
        ("Hugo Lenoir", "Nouveau message d'Hugo Lenoir"),  # h muet
        ("Hugues Lenoir", "Nouveau message de Hugues Lenoir"),  # h aspiré
        ("Yannick Leroy", "Nouveau message de Yannick Leroy"),  # y before a vowel
        ("Tom Jacobs", "Nouveau message de Tom Jacobs"),
        ("Brigitte", "Nouveau message de Brigitte"),
        ("8 clients", "Nouveau message de 8 clients"),
        ("", "Nouveau message de "),
    ],
)
def test_de_elides_before_a_vowel_sound(name: str, expected: str) -> None:
    assert fill("Nouveau message de {name}", {"name": name}, "fr") == expected


def test_the_other_short_words_elide_and_keep_their_case() -> None:
    values = {"x": "Outlook", "y": "imprimante"}
    assert fill("le {x} et la {y}", values, "fr") == "l'Outlook et l'imprimante"
    assert fill("De {x}, que {y}", values, "fr") == "D'Outlook, qu'imprimante"
    assert fill("je {x} ne {y}", values, "fr") == "j'Outlook n'imprimante"


def test_only_the_word_right_before_a_value_changes() -> None:
    """A value is shown as written (a name, a title), and words that merely end in
    "de" ("monde", "code") are not words to elide."""
    values = {"t": "de Isabelle", "c": "A12"}
    assert fill("titre {t}", values, "fr") == "titre de Isabelle"
    assert fill("code {c}", values, "fr") == "code A12"
    assert fill("monde {c}", values, "fr") == "monde A12"


def test_other_languages_are_filled_as_written() -> None:
    """Dutch "de" is an article: "de {group}" stays as it is."""
    assert fill("Bericht van de {g}", {"g": "IT-afdeling"}, "nl") == "Bericht van de IT-afdeling"
    assert fill("New message from {name}", {"name": "Isabelle"}, "en") == (
        "New message from Isabelle"
    )


def test_vowel_sound() -> None:
    assert [vowel_sound(w) for w in ("Anna", "été", "Hôtel", "huit", "yaourt", "Ys", "Zoé")] == [
        True,
        True,
        True,
        False,
        False,
        True,
        False,
    ]


@pytest.mark.parametrize(
    ("msgid", "values", "expected"),
    [
        (notices.NEW_MESSAGE, {"name": "Isabelle Marchal"}, "Nouveau message d'Isabelle Marchal"),
        (notices.NEW_CHAT, {"name": "Étienne"}, "Nouveau chat d'Étienne"),
        (
            notices.NEW_EMAIL,
            {"ticket": "T-1", "name": "Hélène", "title": "VPN"},
            "Nouvel e-mail T-1 d'Hélène\u00a0: VPN",  # a no-break space before the colon
        ),
        (notices.NEW_CHAT, {"name": "Tom"}, "Nouveau chat de Tom"),
    ],
)
def test_the_notices_elide_in_french(msgid: str, values: dict[str, str], expected: str) -> None:
    """The notices as the exam shows them (the controller's `Arrival.text`) and as the
    review and observe say a logged one (`Phrase` through `ui.format.localized`)."""
    from helpdesk_tui.ui.controller import Arrival
    from helpdesk_tui.ui.format import localized

    i18n.set_language("fr")
    arrival = Arrival(1, msgid, dict(values))
    assert arrival.text() == expected
    assert localized(Phrase(msgid, **values)) == expected


ELIDABLE = re.compile(r"(?<![\w'’-])(de|le|la|que|je|ne|me|te|se) \{(\w+)\}", re.IGNORECASE)
FILLED_WITH_ELISION = {
    notices.NEW_CHAT,
    notices.NEW_EMAIL,
    notices.NEW_MESSAGE,
    "call {conversation} from {customer}",  # ui/review/describe.py, through `fill`
    "{ticket} pending on {waiting_on}",  # the same (only a waiting_on it has no words for)
    "{customer} is now {mood} ({cause})",  # the same: "Humeur d'Isabelle : irritée"
}
"""French templates with a short word before a value, each filled by `i18n.fill`."""
NEVER_A_WORD = {
    "The scenario '{id}' of {path} is not bundled with this program; give its folder with "
    "--scenario DIR (the folder holding scenario.toml, exactly as the session started with "
    "it).": "a path",
    "The scenario in {path} cannot be used: {problems}{more}. Run `helpdesk-exam scenario "
    "validate {path}` to see every problem.": "a path",
    "{field} '{value}' is not one of {levels}": "a list of level ids",
    "{kept} differs from {other}: kept as it was": "a path",  # sitting merge (bugs17)
    "{kept} differs from {other}: kept as it was, the other copy not taken": "a path",
}
"""Templates whose value is never a word French elides before (a path, a list of ids)."""


def test_every_french_template_with_a_word_before_a_value_is_handled() -> None:
    """A new French template with "de {x}" (or le, la, que...) must be filled through
    `i18n.fill`, or be listed here with the reason its value never elides."""
    entries = catalog.parse_po(catalog.po_path("fr").read_text("utf-8"))
    found = {
        e.msgid
        for e in entries
        if e.msgid and any(ELIDABLE.search(text) for text in (e.msgstr, *e.forms))
    }
    found -= {e.msgid for e in entries if e.msgid_plural}  # counts: "de {total}" is a number
    found -= scenario_problems()  # `Problem.said` fills them through `i18n.fill` (bugs24)
    assert found - FILLED_WITH_ELISION - set(NEVER_A_WORD) == set()


def scenario_problems() -> set[str]:
    """The scenario checker's templates (`catalog.SCENARIO_SOURCES`): every one is said
    through `scenario.errors.said`, which fills it with `i18n.fill`."""
    places = catalog.extract()
    sources = tuple(f"helpdesk_tui/{source}" for source in catalog.SCENARIO_SOURCES)
    return {msgid for msgid, where in places.items() if any(w.startswith(sources) for w in where)}


def test_a_scenario_problem_elides_in_french() -> None:
    """ "les champs de un scénario" is "les champs d'un scénario" once filled."""
    from helpdesk_tui.scenario.errors import said

    i18n.set_language("fr")
    what = Phrase("a scenario")
    text = said(
        Phrase(
            "unknown field '{key}' is ignored{close} — the fields of {what} are: {known}",
            key="duraton",
            close="",
            what=what,
            known="id",
        )
    )
    assert "les champs d'un scénario sont\u00a0: id" in text
