"""The restatement turns the customer's verbs to the second person (docs/known-issues.md,
cust12: "zoals u de cover altijd plaats", "vous vous appellez").

The expected forms are the grammar's, written here by hand for the verbs the bundled
scenarios' customers use (their facts and messages, what the scripted candidates restate),
never the code's output: Dutch "u" takes the stem + t (also at the end of a subordinate
clause, "zoals ik ... plaats" -> "zoals u ... plaatst"), French "vous" the -ez form of the
infinitive ("appeler" -> "appelez", "espérer" -> "espérez").
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from helpdesk_tui import paths
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.simulate.restate import turn_persons

NL_SECOND = {
    "heb": "hebt", "ben": "bent", "kan": "kunt", "wil": "wilt", "zal": "zult", "zie": "ziet",
    "krijg": "krijgt", "bewaar": "bewaart", "denk": "denkt", "doe": "doet", "hoop": "hoopt",
    "keur": "keurt", "stoor": "stoort", "tik": "tikt", "verbind": "verbindt",
    "vermoed": "vermoedt", "verwijder": "verwijdert", "schuif": "schuift", "bel": "belt",
    "typ": "typt",
}  # fmt: skip
"""First person -> "u", Dutch; forms that are verbs only (not "open", "plaats", "werk")."""

FR_FIRST = frozenset(
    [
        "ai",
        "suis",
        "peux",
        "dois",
        "vois",
        "crois",
        "croyais",
        "voudrais",
        "attendrai",
        "écris",
        "entends",
        "souvenais",
        "passais",
        "appelle",
        "espère",
        "appellez",
        "espèrez",
    ]
)
"""French first-person forms (and the two wrong turnings) that must not follow "vous"."""


@cache
def bundled_texts(language: str) -> tuple[str, ...]:
    """Every customer fact and message of the bundled scenarios in that language."""
    found: list[str] = []
    for folder in sorted(paths.scenarios_dir().iterdir()):
        if not (folder / "scenario.toml").is_file():
            continue
        scenario = load_scenario(folder)
        if scenario.language != language:
            continue
        for incident in scenario.incidents:
            found += [f.answer for f in incident.facts] + [m.text for m in incident.messages]
    return tuple(dict.fromkeys(found))


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?…])\s+", text) if s]


@pytest.mark.parametrize(
    ("language", "said", "turned"),
    [
        ("nl", "zoals ik de cover altijd plaats", "zoals u de cover altijd plaatst"),
        ("nl", "Als ik de muis naar boven schuif, gaat", "Als u de muis naar boven schuift, gaat"),
        (
            "nl",
            "een klein wit lampje als ik Teams open.",
            "een klein wit lampje als u Teams opent.",
        ),
        ("nl", "Als ik verbind, vraagt hij", "Als u verbindt, vraagt hij"),
        ("nl", "dat ik iets heel doms gedaan heb", "dat u iets heel doms gedaan hebt"),
        ("nl", "dat ik toch niks kan doen", "dat u toch niks kunt doen"),
        ("nl", "dat ik mails moest verwijderen", "dat u mails moest verwijderen"),
        ("fr", "Je m'appelle Josiane.", "vous vous appelez Josiane."),
        ("fr", "J'espère que ça marche.", "vous espérez que ça marche."),
        ("fr", "tous les bénéficiaires que je suis.", "tous les bénéficiaires que vous suivez."),
        ("fr", "depuis que je suis sorti du parking", "depuis que vous êtes sorti du parking"),
        ("fr", "Quand je me connecte, il demande", "Quand vous vous connectez, il demande"),
        ("fr", "Je vous appelle avec mon GSM privé", "vous nous appelez avec votre GSM privé"),
        ("fr", "J'écris depuis celui d'une collègue.", "vous écrivez depuis celui d'une collègue."),
        ("fr", "Je l'entends sonner.", "vous l'entendez sonner."),
        ("nl", "dus ik hoop dat het opgelost wordt", "dus u hoopt dat het opgelost wordt"),
        ("nl", "alsof ik het niet kan.", "alsof u het niet kunt."),
    ],
)
def test_the_verbs_of_the_bundled_customers_are_turned(
    language: str, said: str, turned: str
) -> None:
    assert turn_persons(said, language) == turned


def test_no_dutch_first_person_verb_is_left_in_a_bundled_restatement() -> None:
    left = []
    for text in bundled_texts("nl"):
        for sentence in _sentences(text):
            if not re.search(r"\bik\b", sentence, re.IGNORECASE):
                continue
            words = re.findall(r"[\w'-]+", turn_persons(sentence, "nl").casefold())
            left += [(sentence, w) for w in words if w in NL_SECOND]
    assert left == []


def test_no_french_first_person_verb_is_left_after_vous() -> None:
    left = []
    for text in bundled_texts("fr"):
        for sentence in _sentences(text):
            if not re.search(r"\b(je|j'|j’)", sentence, re.IGNORECASE):
                continue
            turned = turn_persons(sentence, "fr").casefold()
            after = re.findall(
                r"\bvous (?:(?:ne|n'|vous|l'|le|la|les|y|en|lui) )*([\w'-]+)", turned
            )
            left += [(sentence, w) for w in after if w in FR_FIRST]
    assert left == []


def test_no_english_first_person_verb_is_left_after_you() -> None:
    left = []
    for text in bundled_texts("en"):
        for sentence in _sentences(text):
            turned = turn_persons(sentence, "en").casefold()
            left += [(sentence, m) for m in re.findall(r"\byou (am|was|'m)\b", turned)]
    assert left == []
