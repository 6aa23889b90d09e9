"""`mimic` (branch evid23): a fourth cheater written blind from the published documents.

What it claims to be, checked on the bundled scenarios: it plays every one of them without a
refused command; it never reads the answer key, a hidden fact, a dialogue rule, the glossary,
the canned replies or the procedures (the scenario it is given raises when those are touched,
and a scenario whose answer key, facts and rules are all changed gives it the same actions);
it is deterministic; and what it says back never holds a run of six of its customer's words,
the length the published echo check reads (docs/assessment.md, 3b).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpdesk_tui import paths
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import Answer, Fact, Scenario
from helpdesk_tui.simulate.gaming_mimic import MimicPolicy
from helpdesk_tui.simulate.runner import RunResult, run_headless
from simulate.test_gaming import ANSWER_KEY, ScreenOnly

NOT_USED = ("canned", "canned_reply", "procedures", "macros")
"""Screen-level data that mimic's strategy leaves alone (beside the answer key ScreenOnly
guards: the incidents with their facts, rules and answers, and the glossary)."""
FORBIDDEN = (*sorted(ANSWER_KEY), *NOT_USED)

SCENARIOS = sorted(p for p in paths.scenarios_dir().iterdir() if (p / "scenario.toml").is_file())
VERHAEGHE = paths.scenarios_dir() / "nl-verhaeghe-dinsdag"
NORTHWIND = paths.scenarios_dir() / "en-northwind-monday"
ECHO_RUN = 6
"""docs/assessment.md, 3b: "echo: a message holding a run of six words of what the customer said"."""


class Blind(ScreenOnly):
    """The scenario as mimic may see it: touching anything in FORBIDDEN fails."""

    def __getattr__(self, name: str) -> Any:
        if name in NOT_USED:
            raise AssertionError(f"mimic read scenario.{name}")
        return super().__getattr__(name)


def commands(result: RunResult) -> list[tuple[float, str, str]]:
    """Every command the candidate gave, with its time and data, in order."""
    return [
        (e.exam_time, e.type, repr(sorted(e.data.items())))
        for e in result.events
        if e.kind.value == "command"
    ]


def another_key(scenario: Scenario) -> Scenario:
    """The same scenario with every answer, hidden fact, dialogue rule and glossary term
    changed: what only the answer key holds, nothing a candidate's screen shows."""
    category = scenario.categories[-1].id
    group = scenario.groups[-1].id if scenario.groups else None
    article = scenario.kb[-1].id if scenario.kb else None
    answer = Answer(
        category=category,
        impact="low",
        urgency="low",
        solution="something else entirely",
        kb_article=article,
        solution_keywords=("zyzzyva",),
        transfer_group=group,
    )
    incidents = tuple(
        dataclasses.replace(
            incident,
            answer=answer,
            facts=tuple(Fact(f"{f.id}-x", ("zyzzyva",), "zyzzyva", f.key) for f in incident.facts),
            rules=(),
        )
        for incident in scenario.incidents
    )
    return dataclasses.replace(scenario, incidents=incidents, glossary={"zyzzyva": "a beetle"})


@pytest.fixture(scope="module")
def verhaeghe() -> RunResult:
    scenario = load_scenario(VERHAEGHE)
    return run_headless(scenario, MimicPolicy(Blind(scenario)))  # type: ignore[arg-type]


def assert_plays_blind(result: RunResult) -> None:
    """A cheater's blind run of a whole scenario: no command refused, the exam ended, and
    the cheater spoke to customers (one check for every blind cheater's test)."""
    assert result.refused == 0, result.notes
    assert result.state.ended
    said = {e.type for e in result.events if e.kind.value == "command"}
    assert said & {"message_sent", "ticket_reply_added"}


@pytest.mark.parametrize("folder", SCENARIOS, ids=lambda p: p.name)
def test_mimic_plays_every_bundled_scenario_blind(folder: Path) -> None:
    scenario = load_scenario(folder)
    assert_plays_blind(run_headless(scenario, MimicPolicy(Blind(scenario))))  # type: ignore[arg-type]


def test_blind_scenario_refuses_the_answer_key() -> None:
    scenario = load_scenario(VERHAEGHE)
    for name in FORBIDDEN:
        with pytest.raises(AssertionError):
            getattr(Blind(scenario), name)


def test_mimic_works_the_whole_job(verhaeghe: RunResult) -> None:
    types = {e.type for e in verhaeghe.events}
    wanted = {"message_sent", "ticket_created", "kb_searched", "kb_article_opened"}
    assert wanted | {"ticket_linked", "ticket_resolved", "ticket_closed"} <= types


def test_mimic_is_deterministic() -> None:
    scenario = load_scenario(NORTHWIND)
    first = commands(run_headless(scenario, MimicPolicy(scenario)))
    assert first == commands(run_headless(scenario, MimicPolicy(scenario)))


def test_another_answer_key_gives_the_same_actions() -> None:
    """The customers play the real scenario; mimic is handed one whose key says otherwise."""
    scenario = load_scenario(NORTHWIND)
    changed = another_key(scenario)
    assert changed.incidents[0].answer != scenario.incidents[0].answer
    real = commands(run_headless(scenario, MimicPolicy(scenario)))
    assert real == commands(run_headless(scenario, MimicPolicy(changed)))


def test_the_changed_key_would_catch_a_policy_that_reads_it() -> None:
    """The test above can fail: a mimic that takes its category from the key acts otherwise."""

    class Peeker(MimicPolicy):
        def _category(self, texts: list[str], article: str | None, state: Any) -> str | None:
            return self.scenario.incidents[0].answer.category

    scenario = load_scenario(NORTHWIND)
    real = commands(run_headless(scenario, Peeker(scenario)))
    assert real != commands(run_headless(scenario, Peeker(another_key(scenario))))


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower())


def _longest_shared_run(
    message: str, heard: list[str], split: Callable[[str], list[str]] = _words
) -> int:
    """The longest run of the message's words (as `split` cuts them) that also stands in a
    row in what was heard."""
    words = split(message)
    heard_words = [split(h) for h in heard]
    longest = 0
    for n in range(1, ECHO_RUN + 1):
        grams = {tuple(w[i : i + n]) for w in heard_words for i in range(len(w) - n + 1)}
        if not any(tuple(words[i : i + n]) in grams for i in range(len(words) - n + 1)):
            break
        longest = n
    return longest


def test_the_run_measure_sees_an_echo() -> None:
    heard = ["My printer on the third floor prints nothing since this morning."]
    assert _longest_shared_run("So the printer on the third floor prints nothing?", heard) == 6
    assert _longest_shared_run("So printer, third floor, nothing printed?", heard) == 2


def test_what_mimic_says_back_holds_no_echo(verhaeghe: RunResult) -> None:
    heard: dict[str, list[str]] = {}
    too_long = []
    for e in verhaeghe.events:
        if e.type == "customer_message":
            heard.setdefault(e.data["conversation_id"], []).append(e.data["text"])
        elif e.type == "message_sent":
            said = heard.get(e.data["conversation_id"], [])
            if _longest_shared_run(e.data["text"], said) >= ECHO_RUN:
                too_long.append(e.data["text"])
    assert not too_long


def test_no_two_customers_get_the_same_open_question(verhaeghe: RunResult) -> None:
    """The question mimic asks after its greeting (its second message), with the customer's
    own words and name read away, is never the same for two customers: not a battery."""
    frames: dict[str, set[str]] = {}
    for conv in verhaeghe.state.conversations.values():
        theirs = {w for m in conv.messages if m.author == "customer" for w in _words(m.text)}
        theirs |= set(_words(verhaeghe.state.customers[conv.customer_id].name))
        mine = [m.text for m in conv.messages if m.author == "candidate"]
        if len(mine) < 2 or "?" not in mine[1]:
            continue
        question = mine[1].split("?")[0]
        frame = " ".join("_" if w in theirs else w for w in _words(question))
        frames.setdefault(frame, set()).add(conv.customer_id)
    assert len(frames) >= 3
    assert all(len(who) == 1 for who in frames.values()), frames
