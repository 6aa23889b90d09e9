"""Rules 2.24 (branch evid40): a step the customer says they do not follow speaks against COM-5.

Scripted chats with three calm customers of a bundled exam per language (the director's shared
calendar, the black camera, the locked-out account). The candidate tells each a step; the
customer answers with their scenario's "I don't follow" line (the incident's fallback, else the
simulator's built-in one). The wordings are none of the phrase banks' and not the cheaters'.
The expected readings come from the standard's text (../shared/standard/competencies.md:
COM-5 "adapts word choice to the customer's level") and docs/assessment.md, not from the code:

- A candidate whose steps left two customers of three saying they did not follow did not fit
  their words to those customers, whatever jargon list they kept clear of: COM-5 speaks
  against, on the contacts where it happened.
- One customer of three lost once is an exchange gone wrong, not a way of telling: nothing.
- "I don't follow" after a check ("Is it working now?") or a word of sympathy is no step the
  customer could not follow: nothing.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.assess.model import Evidence

from .kit import Step
from .test_rules_2_7 import evidence_of, incident, opened, say
from .test_rules_2_17 import CALM

BUILT_IN = {  # the simulator's own line when nothing else fits (docs/simulation.md)
    "en": "Sorry, I don't quite follow. Can you say that differently?",
    "fr": "Désolé, je ne comprends pas bien. Pouvez-vous le dire autrement ?",
    "nl": "Sorry, ik begrijp het niet goed. Kunt u het anders zeggen?",
}
WRAPPED = {  # a step in words of no use to the customer, one per calm chat
    "en": (
        "Seeing what calendar does: simply follow this: open the shared calendar from the "
        "folder list; nothing can break.",
        "As camera asks: do follow this: check the privacy slider above the screen, one thing "
        "at a time.",
        "For blocked, which you mentioned: kindly follow this: reset the password in the "
        "admin console and; take your time.",
    ),
    "fr": (
        "Vu ce que fait agenda: il suffit de suivre ceci : ouvrez l'agenda partagé depuis la "
        "liste des dossiers; rien ne peut casser.",
        "Comme caméra le demande: pensez à suivre ceci : vérifiez le cache au-dessus de "
        "l'écran, une chose à la fois.",
        "Pour bloquée dont vous parliez: merci de suivre ceci : réinitialisez le mot de passe "
        "dans la console et; prenez votre temps.",
    ),
    "nl": (
        "Gezien wat agenda doet: volg gewoon dit: open de gedeelde agenda vanuit de "
        "mappenlijst; er kan niets stukgaan.",
        "Zoals camera vraagt: denk eraan dit te volgen: controleer het schuifje boven het "
        "scherm, één ding tegelijk.",
        "Voor geblokkeerd waar u het over had: gelieve dit te volgen: reset het wachtwoord in "
        "de beheerconsole en; neem uw tijd.",
    ),
}
CHECK = {"en": "Is it working now?", "fr": "Ça marche maintenant ?", "nl": "Werkt het nu?"}
SYMPATHY = {
    "en": "What a day you are having, nobody wants that.",
    "fr": "Quelle journée, on ne souhaite ça à personne.",
    "nl": "Wat een dag, dat wens je niemand toe.",
}


def lost_line(lang: str, case: str) -> str:
    """What this customer says when they do not follow: their incident's line, else built-in."""
    return incident(lang, case).fallback or BUILT_IN[lang]


def chats(lang: str, told: list[str | None], lost: int) -> Evidence:
    """The three calm chats; chat k is told `told[k]` (None: a plain greeting only), and the
    first `lost` customers answer it with their "I don't follow"."""
    steps: list[Step] = []
    for k, case in enumerate(CALM[lang]):
        at = 100 + 60 * k
        steps += opened(lang, case, at)
        steps.append(say(case, at + 10, {"en": "Hello.", "fr": "Bonjour.", "nl": "Hallo."}[lang]))
        text = told[k]
        if text is not None:
            steps.append(say(case, at + 20, text))
            if k < lost:
                steps.append(
                    (at + 30, "customer_message",
                     {"conversation_id": f"c-{case}", "text": lost_line(lang, case)})
                )  # fmt: skip
    return evidence_of(lang, steps)


def not_followed(evidence: Evidence) -> list[str]:
    return [i.subject for i in evidence.for_competency("COM-5") if i.kind == "not_followed"]


@pytest.mark.parametrize("lang", sorted(CALM))
def test_steps_two_customers_did_not_follow_speak_against_com5(lang: str) -> None:
    got = chats(lang, list(WRAPPED[lang]), lost=2)
    assert sorted(not_followed(got)) == sorted(CALM[lang][:2])
    assert all(
        i.favourable is False for i in got.for_competency("COM-5") if i.kind == "not_followed"
    )


@pytest.mark.parametrize("lang", sorted(CALM))
def test_one_customer_lost_once_is_an_accident(lang: str) -> None:
    assert not_followed(chats(lang, list(WRAPPED[lang]), lost=1)) == []


@pytest.mark.parametrize("lang", sorted(CALM))
@pytest.mark.parametrize("said", [CHECK, SYMPATHY])
def test_not_following_a_check_or_sympathy_is_no_step_lost(lang: str, said: dict[str, str]) -> None:
    assert not_followed(chats(lang, [said[lang]] * 3, lost=3)) == []
