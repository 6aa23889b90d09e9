"""The loaded model: exam seconds everywhere, look-ups, and what the answer key holds."""

from __future__ import annotations

import dataclasses

import pytest

from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import Channel, Mood, MoodNudge, Scenario, TechnicalLevel
from scenario.kit import SLA_DIR, VALID


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return load_scenario(VALID, SLA_DIR)


def test_metadata(scenario: Scenario) -> None:
    assert (scenario.id, scenario.language, scenario.default) == ("test-valid", "en", True)
    assert scenario.duration_s == 1800
    assert scenario.scenario_file == VALID / "scenario.toml"
    assert scenario.glossary["VPN"] == "the secure connection to the office network"
    assert scenario.canned_reply("greeting").text.endswith("{agent}.")
    assert [a.id for a in scenario.kb] == [
        "kb-password-reset",
        "kb-printer-blank-pages",
        "kb-printer-replace-toner",
        "kb-vpn-reset",
    ]
    assert scenario.source_files[:2] == (VALID / "scenario.toml", SLA_DIR / "standard.toml")
    assert len(scenario.source_files) == 6


def test_times_are_exam_seconds(scenario: Scenario) -> None:
    chat = scenario.incident("printer-blank")
    assert chat.at_s == 60
    assert [m.after_s for m in chat.messages] == [0, 20]
    assert chat.follow_up is not None and chat.follow_up.after_s == 180
    assert chat.news_request is not None and chat.news_request.after_s == 360
    assert scenario.customer("marc").patience_s == 90
    call = scenario.incident("vpn-down")
    assert call.second_line is not None and call.second_line.delay_s == 240
    queue = scenario.incident("locked-account")
    assert (queue.at_s, queue.age_s) == (0, 720)


def test_enums_and_details(scenario: Scenario) -> None:
    anna = scenario.customer("anna")
    assert anna.technical_level is TechnicalLevel.NOVICE and anna.mood is Mood.CALM
    assert anna.department == "Finance" and scenario.customer("marc").department is None
    chat = scenario.incident("printer-blank")
    assert chat.channel is Channel.CHAT and chat.is_conversation
    assert chat.facts[0].key is True and chat.facts[0].ask == ("which printer", "model")
    assert chat.rules[0].mood is MoodNudge.CALMER
    queue = scenario.incident("locked-account")
    assert not queue.is_conversation
    assert (queue.ticket_category, queue.ticket_impact, queue.ticket_urgency) == (
        "network",
        "low",
        "low",
    )
    assert (queue.subject, queue.body) == ("Locked out", "I typed my password wrong three times.")


def test_answer_key(scenario: Scenario) -> None:
    chat = scenario.incident("printer-blank").answer
    assert (chat.category, chat.impact, chat.urgency) == ("printing", "low", "medium")
    assert chat.kb_article == "kb-printer-blank-pages"
    assert chat.solution_keywords == ("tape", "toner")
    assert chat.alternatives[0].kb_article == "kb-printer-replace-toner"
    assert chat.fitting_option is None
    call = scenario.incident("vpn-down").answer
    assert call.transfer_group == "network" and call.solution_keywords == ()
    assert call.fitting_option is not None and call.fitting_option.id == "workaround"


def test_procedures(scenario: Scenario) -> None:
    steps = scenario.procedure_for("printing").steps
    assert [s.id for s in steps] == ["greet", "ticket", "solve"]
    assert steps[0].patterns == ("good morning", "hello") and steps[0].events == ()
    assert steps[2].events == ("ticket_resolved", "ticket_transferred")


def test_lookups(scenario: Scenario) -> None:
    assert scenario.group("apps").name == "Application support"
    assert scenario.category("network").procedure == "contact"
    assert scenario.article("kb-vpn-reset").title == "Reset the VPN client"
    with pytest.raises(KeyError, match="scenario 'test-valid' has no customer 'nobody'"):
        scenario.customer("nobody")
    assert len(scenario.competencies_covered()) == 22


def test_the_model_is_frozen(scenario: Scenario) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        scenario.id = "other"  # type: ignore[misc]
