"""Replies of bundled scenarios' customers that the third blind bank found wrong (branch
cust11; docs/known-issues.md, e-worded3): each expected reply is the scenario's text or a
built-in line the issue names, never the code's output."""

from __future__ import annotations

from functools import cache

import pytest

from helpdesk_tui import paths
from helpdesk_tui.customers import dialogue
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import Scenario


@cache
def bundled(name: str) -> Scenario:
    return load_scenario(paths.scenarios_dir() / name)


def answer(
    scenario_id: str, incident_id: str, text: str, revealed: tuple[str, ...] = (), **ctx: bool
) -> dialogue.Reply:
    scenario = bundled(scenario_id)
    incident = scenario.incident(incident_id)
    context = dialogue.Context(
        customer=scenario.customer(incident.customer),
        language=scenario.language,
        revealed=set(revealed),
        **ctx,  # type: ignore[arg-type]
    )
    return dialogue.respond(incident, text, context)


# ---------------------------------------------------------------- a check is no fact question

RIA = ("nl-lindeveld-examen", "ria-aanmelding-geblokkeerd")
"""Ria's fact `verlof` is asked by "hoeveel keer" and "geprobeerd"."""


@pytest.mark.parametrize(
    "check",
    [
        "Kunt ge het nog ne keer proberen en mij zeggen of het nu wel lukt?",  # worded-c
        "Wilt u het nu eens proberen? Werkt het?",  # the ideal's own check
    ],
)
def test_a_check_is_answered_as_a_check_not_as_my_facts_again(check: str) -> None:
    after_solution = answer(*RIA, check, ("verlof",), solution_given=True)
    assert after_solution.text == "Ja, het werkt nu. Bedankt!"
    after_a_step = answer(*RIA, check, ("verlof",), step_given=True)
    assert after_a_step.text == "Nee, het werkt nog steeds niet."


def test_a_question_about_the_fact_is_still_answered_again() -> None:
    reply = answer(*RIA, "Hoeveel keer hebt u het geprobeerd?", ("verlof",), step_given=True)
    assert reply.text.startswith("Zoals ik al zei: Ik ben drie weken met verlof geweest")


# ---------------------------------------------------------------- a fix passed on is no question

PASCAL = ("fr-haute-meuse-examen", "pascal-agence-hors-ligne")
FIX = (
    "Message du deuxième niveau : merci. Après la coupure de courant, la box de Proximus ne "
    "s'était pas reconnectée : nous avons relancé la box à distance et la connexion de "
    "l'agence est revenue. L'agence peut relancer le logiciel des affiliés. Vous pouvez "
    "résoudre le ticket."
)
"""Worded's relay of the second line's fix (the scenario's `final_reply`)."""


def test_a_fix_that_names_a_facts_topic_does_not_ask_it_again() -> None:
    every_fact = tuple(f.id for f in bundled(PASCAL[0]).incident(PASCAL[1]).facts)
    reply = answer(*PASCAL, FIX, every_fact, solution_given=True)
    assert not reply.text.startswith("Comme je l'ai dit"), reply.text
    assert reply.reveals == ()


def test_asking_about_the_topic_still_gets_it_again() -> None:
    asked = "Il y a eu une coupure de courant, c'est ça ?"
    reply = answer(*PASCAL, asked, ("courant",))
    assert reply.text.startswith("Comme je l'ai dit : Tôt ce matin, il y a eu une coupure")


# ---------------------------------------------------------------- identification is no lending

LENDING = {
    "fr": ("fr-haute-meuse-examen", "geraldine-wifi-invites", "mot-de-passe-donner"),
    "nl": ("nl-lindeveld-examen", "annelies-gastwifi", "wachtwoord-geven"),
    "en": ("en-calder-valley-exam", "sophie-guest-wifi", "my-password"),
}
"""The guest-wifi customers' rule against lending their own login to outsiders."""


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Vous savez me donner votre identifiant et votre département ?"),  # worded-c
        ("fr", "Pouvez-vous me communiquer votre identifiant ?"),
        ("nl", "Mag ik uw login en uw dienst?"),
        ("nl", "Kunt u mij uw login geven?"),
        ("en", "Can I have your login and department?"),
        ("en", "Could you give me your login and your department?"),
    ],
)
def test_an_identifying_question_does_not_set_off_the_lending_rule(
    language: str, text: str
) -> None:
    scenario_id, incident_id, _rule = LENDING[language]
    reply = answer(scenario_id, incident_id, text, ("identite", "identiteit", "identity"))
    assert reply.rule is None, reply.text
    customer = bundled(scenario_id).customer(bundled(scenario_id).incident(incident_id).customer)
    assert customer.name in reply.text  # she says who she is


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Vous pouvez leur donner votre identifiant."),
        ("fr", "Ils peuvent se connecter avec votre compte."),
        ("fr", "Mettez-les sur le wifi du personnel."),
        ("nl", "U kunt hun uw login geven."),
        ("nl", "Ze mogen uw login gebruiken."),
        ("nl", "Laat ze op de personeelswifi."),
        ("en", "You can give them your login."),
        ("en", "They can use your login."),
        ("en", "Just let them sign in with your own account."),
    ],
)
def test_lending_the_login_still_sets_it_off(language: str, text: str) -> None:
    scenario_id, incident_id, rule = LENDING[language]
    reply = answer(scenario_id, incident_id, text, ("identite", "identiteit", "identity"))
    assert reply.rule_id == rule, reply.text


# ------------------------------------------------------ "messagerie" is no question about a message

ERROR_MESSAGE_FACTS = [
    ("fr-val-de-lesse-garde", "usic-compte-verrouille"),
    ("fr-haute-meuse-examen", "nathalie-caisse-boutique"),
    ("fr-haute-meuse-examen", "laura-badge-imprimante"),
]
"""Incidents whose fact `message` is what the screen says (found by the lead, playing
fr-val-de-lesse-garde: "... enregistré (messagerie, wifi) ?" got Isabelle's error message
back, because a pattern word matches word starts and `message` starts "messagerie")."""


@pytest.mark.parametrize(("scenario_id", "incident_id"), ERROR_MESSAGE_FACTS)
def test_asking_about_the_mailbox_does_not_reveal_the_error_message(
    scenario_id: str, incident_id: str
) -> None:
    mailbox = answer(scenario_id, incident_id, "Votre messagerie fonctionne-t-elle normalement ?")
    assert "message" not in mailbox.reveals
    for asked in ("Quel message voyez-vous ?", "Que dit le message exactement ?"):
        assert "message" in answer(scenario_id, incident_id, asked).reveals, asked
