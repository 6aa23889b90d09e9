"""What the scripted "competent" operators got wrong that a competent operator does not
(branch e-worded2's findings, docs/known-issues.md; fixed on branch sim-policy9):

1. a restatement that lists the customer's words copies them back (an echo, COM-4) and,
   when the customer named the way out ("Counter five's free today"), tells the answer
   before the article was opened (SOL-2);
2. a pattern that opens with a verb put into a noun slot ("Pourriez-vous me préciser
   changer votre mot de passe ?", read as a request to change it);
3. a customer named "Dr Philippe Lhoest" greeted "Bonjour Dr".

The expected texts are written here from what an operator would say, not read from the
policies' code.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from pathlib import Path

import pytest
from bundled_kit import on_scenario_runs

import helpdesk_tui
from helpdesk_tui.customers import dialogue
from helpdesk_tui.customers.evidence_flags import restated_facts
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.simulate.jobs import Style
from helpdesk_tui.simulate.runner import RunResult, run_headless
from helpdesk_tui.simulate.texts import Texts
from simulate.kit import make_scenario

pytestmark = pytest.mark.timeout(900)

CALDER = "en-calder-valley-exam"
LESSE = "fr-val-de-lesse-garde"
ECHO_RUN = 6
"""The assessment's echo: a run of six of the customer's words (docs/assessment.md)."""
BANKS = Path(helpdesk_tui.__file__).parent / "simulate"


def restate_forms(policy: str) -> tuple[re.Pattern[str], ...]:
    """What a policy's restatements look like: the ideal's one sentence, or its phrase bank's
    restate templates (read straight from the TOML) with `{summary}` any text. A template may
    open with `{summary}` ("{summary}, have I got that right?"), so the whole message is
    matched, not only how it opens. Its first letter matches in either case: the policy
    capitalises a message that opens with a lower-case template ("ok so in short, ..." is sent
    as "Ok so in short, ...")."""
    if policy == "ideal":
        return (re.compile(re.escape("So, if I understand you correctly:") + ".+"),)
    folder = {
        "worded": "phrases", "worded-b": "phrases_b", "worded-c": "phrases_c",
        "worded-d": "phrases_d", "worded-e": "phrases_e", "worded-f": "phrases_f",
        "worded-g": "phrases_g", "worded-h": "phrases_h", "worded-i": "phrases_i",
        "worded-j": "phrases_j", "worded-k": "phrases_k", "worded-l": "phrases_l",
        "worded-m": "phrases_m", "worded-n": "phrases_n", "worded-o": "phrases_o",
        "worded-p": "phrases_p",
    }[policy]  # fmt: skip
    bank = tomllib.loads((BANKS / folder / "en.toml").read_text(encoding="utf-8"))
    return tuple(
        re.compile(_either_case(".+".join(re.escape(p) for p in t.split("{summary}"))), re.DOTALL)
        for t in bank["restate"]
    )


def _either_case(pattern: str) -> str:
    """The pattern with its first letter matched in upper or lower case."""
    if pattern[:1].isalpha():
        return f"[{pattern[0].lower()}{pattern[0].upper()}]{pattern[1:]}"
    return pattern


def conversation(run: RunResult, incident_id: str) -> list[tuple[str, str]]:
    """(author, text) of one incident's conversation, in order."""
    conv = f"C-{incident_id}"
    return [
        ("customer" if e.type == "customer_message" else "candidate", e.data["text"])
        for e in run.events
        if e.type in ("customer_message", "message_sent") and e.data.get("conversation_id") == conv
    ]


def restatements(run: RunResult, incident_id: str, policy: str) -> list[tuple[str, list[str]]]:
    """Each restatement of the incident with what the customer had said before it."""
    found, said = [], []
    forms = restate_forms(policy)
    for author, text in conversation(run, incident_id):
        if author == "customer":
            said.append(text)
        elif any(form.fullmatch(text) for form in forms):
            found.append((text, list(said)))
    return found


def runs_of(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    return {words[i : i + ECHO_RUN] for i in range(len(words) - ECHO_RUN + 1)}


POLICIES = (
    "ideal", "worded", "worded-b", "worded-c", "worded-d", "worded-e", "worded-f", "worded-g",
    "worded-h", "worded-i", "worded-j", "worded-k", "worded-l", "worded-m", "worded-n",
    "worded-o", "worded-p",
)  # fmt: skip


@pytest.mark.parametrize(("scenario_id", "policy"), on_scenario_runs((CALDER, p) for p in POLICIES))
def test_a_restatement_is_no_copy_of_the_customers_words(
    bundled_runs: dict[tuple[str, str], RunResult], scenario_id: str, policy: str
) -> None:
    """Trevor said "there's something called Online Archive"; the restatement listed
    "there's, something, called, Online, Archive": six of his words in a row."""
    run = bundled_runs[(scenario_id, policy)]
    found = restatements(run, "trevor-mailbox-full", policy)
    assert found, conversation(run, "trevor-mailbox-full")
    for text, said in found:
        theirs = set().union(*(runs_of(dialogue.words(s)) for s in said))
        assert not runs_of(dialogue.words(text)) & theirs, text


@pytest.mark.parametrize(("scenario_id", "policy"), on_scenario_runs((CALDER, p) for p in POLICIES))
def test_a_restatement_restates_the_problem_not_the_way_out(
    bundled_runs: dict[tuple[str, str], RunResult],
    bundled_scenarios: dict[str, Scenario],
    scenario_id: str,
    policy: str,
) -> None:
    """Kyle's free counter is the workaround: "counter five" is told with the solution,
    after the article, not slipped into the restatement. The restatement still restates
    his key facts (two of a fact's content words or more: the assessment's rule)."""
    run = bundled_runs[(scenario_id, policy)]
    incident = next(
        i for i in bundled_scenarios[scenario_id].incidents if i.id == "kyle-card-reader"
    )
    keys = {f.id: f.answer for f in incident.facts if f.key}
    found = restatements(run, incident.id, policy)
    assert found, conversation(run, incident.id)
    for text, _ in found:
        assert not re.search(r"counter\W+(5|five)|free counter", text, re.IGNORECASE), text
        assert restated_facts(text, keys, "en"), text


@pytest.mark.parametrize(
    ("language", "pattern", "question"),
    [
        ("fr", "changer votre mot de passe", "Avez-vous dû changer votre mot de passe ?"),
        ("fr", "saisi un code", "Avez-vous saisi un code ?"),
        ("en", "change your password", "Did you change your password?"),
        ("en", "typed a code", "Have you typed a code?"),
        ("en", "need a phone", "Did you need a phone?"),
        # a place, not a noun (cust12): was "Could you tell me more about the on your phone?"
        ("en", "on your phone", "Could you tell me what you see on your phone?"),
    ],
)
def test_a_pattern_that_opens_with_a_verb_is_asked_as_a_verb(
    language: str, pattern: str, question: str
) -> None:
    texts = Texts(make_scenario(language=language), Style("ideal"))
    assert texts.question(pattern) == question


@pytest.mark.parametrize(("scenario_id", "policy"), on_scenario_runs((LESSE, p) for p in POLICIES))
def test_no_verb_goes_into_a_noun_slot(
    bundled_runs: dict[tuple[str, str], RunResult], scenario_id: str, policy: str
) -> None:
    """The security procedure's step "changer votre mot de passe" was asked as "Pouvez-vous
    m'en dire plus sur changer ..." (ideal) and "Pourriez-vous me préciser changer ..."
    (worded-b, read as an instruction: the answer before the article)."""
    said = [text for author, text in conversation(bundled_runs[(scenario_id, policy)],
                                                  "hameconnage-rh") if author == "candidate"]  # fmt: skip
    asked = [t for t in said if "changer votre mot de passe" in t]
    assert asked, said
    for text in asked:
        assert not re.search(r"\b(sur|préciser|de|concernant|à propos de)\s+changer\b", text), text


def test_a_customer_with_a_title_is_addressed_by_title_and_surname() -> None:
    """Marc (angry: greeted by name, then empathy by name) as "Dr Marc Dubois"."""
    scenario = make_scenario()
    customers = tuple(
        dataclasses.replace(c, name="Dr Marc Dubois") if c.id == "marc" else c
        for c in scenario.customers
    )
    scenario = dataclasses.replace(scenario, customers=customers)
    for policy in POLICIES:
        run = run_headless(scenario, policy)
        said = [e.data["text"] for e in run.events if e.type == "message_sent"]
        assert not [t for t in said if re.search(r"\bDr\b(?! Dubois)", t)], policy
        assert [t for t in said if "Dr Dubois" in t], policy
