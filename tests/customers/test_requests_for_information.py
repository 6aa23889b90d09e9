"""A request for information is not the candidate giving the answer (docs/known-issues.md,
evid13: "Could you have a look at the free counter and tell me what you find?" made SOL-2
say Kyle's article was opened "only after the answer").

docs/assessment.md: an answer counts in "a sentence that tells the customer"; asking the
customer to look and tell, or to tell more, gives them nothing to do. The customer reads it
the same way: they tell what they know (the scenario's fact), they do not go and try the fix
(the scenario's rule). Expected texts are the scenario's own.
"""

from __future__ import annotations

from functools import cache

import pytest

from helpdesk_tui import paths
from helpdesk_tui.assess.solutions import all_match
from helpdesk_tui.customers import dialogue
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import Scenario

CALDER = "en-calder-valley-exam"
KYLE = "kyle-card-reader"
OTHER_COUNTER = ("counter 5 | counter five | free counter",)
"""Kyle's option "other-counter" (scenario.toml: solution_keywords)."""

REQUESTS = [
    ("en", "Could you have a look at the free counter and tell me what you find?", "free counter"),
    ("en", "Tell me a little more about the free counter, please.", "free counter"),
    ("en", "Let me know what you see at the free counter.", "free counter"),
    ("en", "Can you describe the free counter for me?", "free counter"),
    ("nl", "Kijkt u eens naar de teller en zegt u me wat u ziet?", "teller"),
    ("nl", "Vertel me eens wat meer over de teller.", "teller"),
    ("nl", "Laat me weten wat u op de teller ziet, alstublieft.", "teller"),
    ("fr", "Regardez le compteur et dites-moi ce que vous voyez", "compteur"),
    ("fr", "Décrivez-moi le compteur, s'il vous plaît.", "compteur"),
    ("fr", "Pouvez-vous me dire ce que vous lisez sur le compteur ?", "compteur"),
]

STEPS = [
    ("en", "Go to the free counter and tell me if it works.", "free counter"),
    ("en", "Sign in at the free counter, please, and carry on there.", "free counter"),
    ("nl", "Gaat u naar de andere teller en zeg me of het lukt.", "teller"),
    ("nl", "Zet de teller op nul en laat me weten wat u ziet.", "teller"),
    ("fr", "Remettez le compteur à zéro et dites-moi ce que vous voyez.", "compteur"),
]
"""A clause that asks something else than looking or telling gives the step."""


CHECK_AND_TELL = [
    ("en", "Check the free counter and tell me what you find.", "free counter"),
    ("en", "Could you check the free counter and tell me what you see there?", "free counter"),
    ("nl", "Controleer de teller en zeg me wat u ziet.", "teller"),
    ("nl", "Kunt u de teller even nakijken en me vertellen wat u vindt?", "teller"),
    ("fr", "Vérifiez le compteur et dites-moi ce que vous voyez.", "compteur"),
    ("fr", "Pouvez-vous contrôler le compteur et me dire ce que vous y trouvez ?", "compteur"),
]
"""(evid16, cust13's leftover) Asked to check something and tell what they see or find, the
customer reports; they were given nothing to do but look."""

CHECK_AND_TRY = [
    ("en", "Check the free counter and tell me if it works.", "free counter"),
    ("nl", "Controleer de teller en zeg me of het werkt.", "teller"),
    ("fr", "Vérifiez le compteur et dites-moi si ça marche.", "compteur"),
]
"""Asked to check it and say whether it works, they try it: the step is given."""
REQUESTS += CHECK_AND_TELL
STEPS += CHECK_AND_TRY


@cache
def bundled(name: str) -> Scenario:
    return load_scenario(paths.scenarios_dir() / name)


@pytest.mark.parametrize(("lang", "text", "keyword"), REQUESTS)
def test_a_request_for_information_gives_no_answer(lang: str, text: str, keyword: str) -> None:
    assert not all_match((keyword,), text, lang)
    assert dialogue.told((keyword,), text, lang) is None


@pytest.mark.parametrize(("lang", "text", "keyword"), STEPS)
def test_a_step_beside_a_request_to_tell_still_gives_it(lang: str, text: str, keyword: str) -> None:
    assert all_match((keyword,), text, lang)
    assert dialogue.told((keyword,), text, lang) == keyword


@pytest.mark.parametrize("text", [t for lang, t, _ in REQUESTS if lang == "en"])
def test_kyle_hears_a_request_about_the_free_counter_as_a_question(text: str) -> None:
    scenario = bundled(CALDER)
    incident = scenario.incident(KYLE)
    assert not all_match(OTHER_COUNTER, text, "en")
    assert dialogue.told(dialogue.solution_patterns(incident), text, "en") is None
    fact = next(f for f in incident.facts if f.id == "free-counter")
    ctx = dialogue.Context(
        customer=scenario.customer(incident.customer), language="en", revealed={"free-counter"}
    )
    reply = dialogue.respond(incident, text, ctx)
    rule = next(r for r in incident.rules if r.id == "other-counter")
    assert reply.text != rule.reply  # he does not walk to counter five and sign in
    assert fact.answer in reply.text  # he tells again what he knows about it


def test_kyle_told_to_use_the_free_counter_tries_it() -> None:
    scenario = bundled(CALDER)
    incident = scenario.incident(KYLE)
    text = "Sign in to the payment system at the free counter and carry on there."
    ctx = dialogue.Context(
        customer=scenario.customer(incident.customer), language="en", revealed={"free-counter"}
    )
    rule = next(r for r in incident.rules if r.id == "other-counter")
    assert dialogue.respond(incident, text, ctx).text == rule.reply
    assert all_match(OTHER_COUNTER, text, "en")
