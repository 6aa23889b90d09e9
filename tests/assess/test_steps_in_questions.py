"""Rules 2.6 (branch evid15): a telling step's words inside a question that asks for something
else do not do the step (COM-1, SOL-1, and the scripted candidates' own bookkeeping).

The steps are the bundled scenarios' own: each `inform` step's label says the candidate *tells*
the customer something ("Tell the customer when they will hear from you", "Dire au client ...",
"De klant zeggen ..."), so a question asking the customer for a phone number or about the
problem, even one holding the step's words ("call you back", "au courant", "op de hoogte"), does
not do it; a statement with the same words does. Asking steps (identification: "Ask the
customer's name ...") are done by questions. The wordings are none of the phrase banks'.
"""

from __future__ import annotations

from functools import cache

import pytest

from helpdesk_tui import paths
from helpdesk_tui.assess.procedures import says, says_step, telling_acts
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import ProcedureStep

TELLING = {  # language: (scenario, procedure, step), a step whose label says "tell"
    "en": ("en-northwind-monday", "major-incident", "inform"),
    "fr": ("fr-haute-meuse-examen", "incident-securite", "informer"),
    "nl": ("nl-lindeveld-examen", "beveiligingsincident", "informeren"),
}
ASKING = {  # a step whose label says "ask"
    "en": ("en-northwind-monday", "major-incident", "identify"),
    "fr": ("fr-haute-meuse-examen", "incident-securite", "identification"),
    "nl": ("nl-lindeveld-examen", "beveiligingsincident", "identificeren"),
}
TELL_WORDS = {"en": "Tell", "fr": "Dire", "nl": "zeggen"}
ASK_WORDS = {"en": "Ask", "fr": "Demander", "nl": "vragen"}


@cache
def step_of(scenario: str, procedure: str, step_id: str) -> ProcedureStep:
    loaded = load_scenario(paths.scenarios_dir() / scenario)
    proc = next(p for p in loaded.procedures if p.id == procedure)
    return next(s for s in proc.steps if s.id == step_id)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Which number is best to call you back on?"),
        ("en", "Where can we get back to you: mobile or desk phone?"),
        ("fr", "Quel numéro faut-il pour vous tenir au courant ?"),
        ("fr", "Vos collègues sont-ils au courant ?"),
        ("nl", "Via welk nummer laat ik u weten hoe het verder gaat?"),
        ("nl", "Zijn uw collega's op de hoogte?"),
    ],
)
def test_a_telling_steps_words_in_a_question_do_not_do_it(lang: str, text: str) -> None:
    step = step_of(*TELLING[lang])
    assert TELL_WORDS[lang] in step.label.split()  # the expected verdict comes from here
    assert says(step.patterns, text, lang)  # the pattern is there ...
    assert not says_step(step.patterns, text, lang)  # ... but the step is not done


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "I'll call you back within the hour."),
        ("en", "We'll get back to you as soon as it's fixed."),
        ("fr", "Je vous tiens au courant."),
        ("fr", "Je reviens vers vous dès que c'est réglé."),
        ("nl", "Ik hou u op de hoogte."),
        ("nl", "Ik laat u weten wanneer het opgelost is."),
        ("en", "What's your extension? I'll call you back within the hour."),
    ],
)
def test_a_telling_steps_words_in_a_statement_do_it(lang: str, text: str) -> None:
    step = step_of(*TELLING[lang])
    assert telling_acts(step.patterns, lang)
    assert says_step(step.patterns, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Could you tell me your full name?"),
        ("en", "Which department are you in?"),
        ("fr", "Quel est votre nom, s'il vous plaît ?"),
        ("fr", "Pouvez-vous me donner votre nom et votre service ?"),
        ("nl", "Wat is uw naam?"),
        ("nl", "Van welke dienst bent u?"),
    ],
)
def test_an_asking_step_is_done_by_a_question(lang: str, text: str) -> None:
    step = step_of(*ASKING[lang])
    assert ASK_WORDS[lang] in step.label.split()
    assert not telling_acts(step.patterns, lang)
    assert says_step(step.patterns, text, lang) == says(step.patterns, text, lang)
    assert says_step(step.patterns, text, lang)
