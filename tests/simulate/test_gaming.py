"""The gaming candidates play without the answer key: they cannot even reach it."""

from __future__ import annotations

from typing import Any

import pytest

from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.simulate.gaming import MacroPolicy, ParrotPolicy, ShotgunPolicy
from helpdesk_tui.simulate.gaming_lawyer import LawyerPolicy
from helpdesk_tui.simulate.runner import run_headless
from simulate.kit import make_scenario

ANSWER_KEY = frozenset({"incidents", "incident", "competencies_covered", "glossary"})
"""What the candidate's screen never shows: the incidents (facts, rules, answers, scripts)."""


class ScreenOnly:
    """The scenario as the candidate sees it; touching the answer key fails the test."""

    def __init__(self, scenario: Scenario) -> None:
        self._scenario = scenario

    def __getattr__(self, name: str) -> Any:
        if name in ANSWER_KEY:
            raise AssertionError(f"a gaming policy read scenario.{name}")
        return getattr(self._scenario, name)


@pytest.mark.parametrize("policy", [ShotgunPolicy, MacroPolicy, ParrotPolicy, LawyerPolicy])
def test_a_gaming_policy_plays_a_whole_exam_without_the_answer_key(policy: type) -> None:
    scenario = make_scenario()
    player = policy(ScreenOnly(scenario))
    result = run_headless(scenario, player)
    commands = [e for e in result.events if e.kind.value == "command"]
    assert result.state.ended and len(commands) > 20
    assert result.refused == 0


def test_shotgun_opens_every_article_for_every_case() -> None:
    scenario = make_scenario()
    result = run_headless(scenario, "shotgun")
    opened = [e.data["article_id"] for e in result.events if e.type == "kb_article_opened"]
    arrivals = [e for e in result.events if e.type in (
        "chat_opened", "call_started", "email_received", "ticket_preloaded")]  # fmt: skip
    assert len(opened) == len(scenario.kb) * len(arrivals)


def test_macro_sends_one_text_to_every_customer() -> None:
    result = run_headless(make_scenario(), "macro")
    firsts = {}
    for e in result.events:
        if e.type == "message_sent":
            firsts.setdefault(e.data["conversation_id"], e.data["text"])
    assert len(firsts) >= 3 and len(set(firsts.values())) == 1


def test_parrot_repeats_the_customer() -> None:
    result = run_headless(make_scenario(), "parrot")
    said = [e.data["text"] for e in result.events if e.type == "customer_message"]
    echoed = [e.data["text"] for e in result.events if e.type == "message_sent"]
    assert any(s in e for s in said for e in echoed)


def test_the_command_line_offers_every_policy() -> None:
    from helpdesk_tui.commands.simulate import POLICY_NAMES
    from helpdesk_tui.simulate.policies import POLICIES

    assert tuple(POLICIES) == POLICY_NAMES
