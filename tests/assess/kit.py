"""Scripted exams for the assessment tests: stimuli and candidate actions at set exam times.

A script is a list of steps `(t, event_type, data)`. `play` runs it through the
real `ExamSession` (so every step passes the reducer's checks, as in an exam)
and returns the logged events with their seq, ready for `gather_evidence`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.core.events import EVENT_SPECS, Event, EventKind
from helpdesk_tui.core.session import ExamSession, MemorySink
from helpdesk_tui.core.state import ExamState
from helpdesk_tui.eventlog.binding import folder_sha256
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.eventlog.testing import build_log_bytes, sample_header
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.scenario.session_setup import session_started_data

FIXTURES = Path(__file__).parent / "fixtures"
SCENARIO_DIR = FIXTURES / "scenario"
SLA_DIR = FIXTURES / "sla_profiles"
WALL = "2026-03-02T09:00:00.000Z"

Step = tuple[float, str, dict[str, Any]]


def load_test_scenario() -> Scenario:
    return load_scenario(SCENARIO_DIR, SLA_DIR)


class ScriptedStimuli:
    """The simulation's place in the session, played from a fixed list."""

    def __init__(self) -> None:
        self.queue: list[tuple[float, str, dict[str, Any]]] = []

    def opening(self, state: ExamState) -> list[tuple[str, dict[str, Any]]]:
        return []

    def next_due(self, state: ExamState) -> float | None:
        return self.queue[0][0] if self.queue else None

    def pop_due(self, state: ExamState, until: float) -> tuple[float, str, dict[str, Any]] | None:
        if self.queue and self.queue[0][0] <= until:
            return self.queue.pop(0)
        return None

    def observe(self, state: ExamState, event: Event) -> None:
        return None


def play(
    scenario: Scenario, steps: list[Step], end_at: float | None = None, candidate: str = "cand-1"
) -> list[tuple[int, Event]]:
    """Run the steps (sorted by time) through an ExamSession; the logged (seq, event) pairs."""
    clock = ManualClock()
    sink = MemorySink()
    stimuli = ScriptedStimuli()
    session = ExamSession(clock, sink, stimuli, wall_clock=lambda: WALL)
    session.start(session_started_data(scenario, "exam", candidate, session_id="s-test"))
    for t, event_type, data in sorted(steps, key=lambda s: s[0]):
        clock.advance(max(0.0, t - clock.now()))
        if EVENT_SPECS[event_type].kind is EventKind.COMMAND:
            session.submit(event_type, data)
        else:
            stimuli.queue.append((t, event_type, data))
            session.fire_due()
            assert not stimuli.queue, f"the session refused {event_type} at {t}"
    if end_at is not None:
        clock.advance(max(0.0, end_at - clock.now()))
        session.end("completed")
    return list(enumerate(sink.events, 1))


# ---------------------------------------------------------------------- the stimuli


def stimuli() -> list[Step]:
    """What the test scenario makes happen, whatever the candidate does."""
    return [
        (0, "ticket_preloaded", {
            "ticket_id": "T-0001", "customer_id": "anna", "title": "Locked out",
            "description": "I typed my password wrong three times.", "created_at": -120.0,
            "incident_id": "locked-account", "category": "network", "impact": "low",
            "urgency": "low",
        }),
        (60, "chat_opened", {"conversation_id": "chat-1", "customer_id": "anna",
                             "incident_id": "printer-blank", "subject": "Printer"}),
        (60, "customer_typing", {"conversation_id": "chat-1", "duration_s": 5.0}),
        (65, "customer_message", {"conversation_id": "chat-1",
                                  "text": "Hi, the printer only prints empty pages."}),
        (120, "email_received", {
            "ticket_id": "T-0002", "customer_id": "bert", "title": "Mailbox full",
            "description": "I cannot send mail, my mailbox is full.", "incident_id": "mailbox-full",
        }),
        (240, "call_started", {"conversation_id": "call-1", "customer_id": "marc",
                               "incident_id": "vpn-down", "subject": "VPN"}),
        (240, "customer_message", {"conversation_id": "call-1", "duration_s": 8.0,
                                   "text": "My VPN is down and my demo starts in 30 minutes!"}),
    ]  # fmt: skip


def ideal_steps() -> list[Step]:
    """A candidate who does everything the answer key and the procedures ask."""
    return stimuli() + [
        # the queued ticket: take it, fix the classification, look it up, solve it
        (5, "ticket_opened", {"ticket_id": "T-0001"}),
        (10, "ticket_updated", {"ticket_id": "T-0001",
                                "changes": {"category": "accounts", "urgency": "high"}}),
        (15, "kb_searched", {"query": "account locked", "results": ["kb-password-reset"]}),
        (18, "kb_article_opened", {"article_id": "kb-password-reset"}),
        (25, "ticket_reply_added", {"ticket_id": "T-0001",
                                    "text": "Hello Anna, I unlocked your account and sent a reset link."}),
        (26, "ticket_resolved", {"ticket_id": "T-0001", "kb_article": "kb-password-reset",
                                 "solution": "Unlocked the account, sent a reset link."}),
        (27, "ticket_closed", {"ticket_id": "T-0001"}),
        # the chat with a novice: greet, identify, ask, register, look up, paraphrase, solve
        (70, "message_sent", {"conversation_id": "chat-1", "canned_id": "greeting",
                              "text": "Good morning, service desk, you're speaking with Sam."}),
        (75, "message_sent", {"conversation_id": "chat-1",
                              "text": "May I have your name and which department you work in?"}),
        (80, "customer_message", {"conversation_id": "chat-1", "text": "Anna Peeters, Finance."}),
        (90, "message_sent", {"conversation_id": "chat-1", "text": "Which printer model is it?"}),
        (95, "customer_message", {"conversation_id": "chat-1", "reveals": ["model"],
                                  "text": "It is the HP LaserJet 4250 next to my desk."}),
        (100, "ticket_created", {"ticket_id": "T-1001", "customer_id": "anna",
                                 "conversation_id": "chat-1", "title": "Printer prints blank pages",
                                 "description": "HP LaserJet 4250 prints empty pages.",
                                 "category": "printing", "impact": "low", "urgency": "medium"}),
        (105, "kb_searched", {"query": "blank pages", "results": ["kb-printer-blank-pages"]}),
        (107, "kb_article_opened", {"article_id": "kb-printer-blank-pages"}),
        (110, "message_sent", {"conversation_id": "chat-1",
                               "text": "So your HP LaserJet 4250 prints empty pages. Please pull "
                                       "the sealing tape out of the new toner and try again."}),
        (120, "customer_message", {"conversation_id": "chat-1", "text": "It prints! Thank you."}),
        (122, "ticket_resolved", {"ticket_id": "T-1001", "kb_article": "kb-printer-blank-pages",
                                  "solution": "Removed the sealing tape from the toner."}),
        (125, "message_sent", {"conversation_id": "chat-1", "canned_id": "closing",
                               "text": "Is there anything else I can do for you?"}),
        (131, "ticket_closed", {"ticket_id": "T-1001"}),
        (132, "conversation_closed", {"conversation_id": "chat-1"}),
        # the e-mail
        (150, "ticket_opened", {"ticket_id": "T-0002"}),
        (155, "ticket_updated", {"ticket_id": "T-0002",
                                 "changes": {"category": "accounts", "impact": "low", "urgency": "low"}}),
        (158, "ticket_reply_added", {"ticket_id": "T-0002",
                                     "text": "Hello Bert, archive your old mail to free space."}),
        (160, "ticket_resolved", {"ticket_id": "T-0002",
                                  "solution": "Archive old mail to free space."}),
        (161, "ticket_closed", {"ticket_id": "T-0002"}),
        # the angry call: look up while listening, greet, register, workaround, transfer
        (244, "kb_searched", {"query": "vpn", "results": ["kb-vpn-reset"]}),
        (250, "message_sent", {"conversation_id": "call-1",
                               "text": "Good morning, service desk. Your name, and which department? "
                                       "And since when does the VPN fail?"}),
        (252, "customer_message", {"conversation_id": "call-1", "duration_s": 3.0,
                                   "text": "Marc Dubois, Sales."}),
        (256, "ticket_created", {"ticket_id": "T-1002", "customer_id": "marc",
                                 "conversation_id": "call-1", "title": "VPN down",
                                 "description": "VPN does not connect; demo in 30 minutes.",
                                 "category": "network", "impact": "medium", "urgency": "high"}),
        (258, "kb_article_opened", {"article_id": "kb-vpn-reset"}),
        (262, "message_sent", {"conversation_id": "call-1",
                               "text": "For the demo, use your mobile hotspot now. I pass the VPN "
                                       "to the network team, they will call you."}),
        (264, "mood_changed", {"customer_id": "marc", "mood": "irritated", "cause": "rule"}),
        (266, "ticket_transferred", {"ticket_id": "T-1002", "group": "network",
                                     "reason": "VPN client fails; needs the network team."}),
        (268, "message_sent", {"conversation_id": "call-1", "text": "Anything else I can do?"}),
        (270, "mood_changed", {"customer_id": "marc", "mood": "calm", "cause": "rule"}),
        (280, "call_ended", {"conversation_id": "call-1", "by": "customer"}),
        (400, "ticket_reply_added", {"ticket_id": "T-1002",
                                     "text": "Marc, an update: the network team is working on your "
                                             "VPN. I'll get back to you within 10 minutes."}),
        (500, "second_line_reply", {"ticket_id": "T-1002", "group": "network", "question": True,
                                    "text": "Which VPN client version does the user run?"}),
        (520, "ticket_reply_added", {"ticket_id": "T-1002",
                                     "text": "Marc, which VPN client version do you run?"}),
        (540, "note_added", {"ticket_id": "T-1002", "text": "Asked Marc for his VPN client version."}),
    ]  # fmt: skip


def idle_steps() -> list[Step]:
    """A candidate who never touches the keyboard; the angry customer stays angry."""
    return stimuli() + [
        (400, "mood_changed", {"customer_id": "anna", "mood": "irritated", "cause": "waiting"}),
        (600, "mood_changed", {"customer_id": "anna", "mood": "angry", "cause": "waiting"}),
    ]  # fmt: skip


def signed_log(
    path: Path,
    events: list[tuple[int, Event]],
    signer: Signer | None = None,
    scenario_sha256: str | None = None,
    seal: str | None = "completed",
) -> Path:
    """The scripted exam as a signed log bound to the test scenario (as the writer makes it)."""
    signer = signer or Signer.ephemeral()
    header = sample_header(
        candidate_id="cand-1",
        mode="practice" if signer.is_ephemeral else "exam",
        scenario_id="test-assess",
        scenario_sha256=scenario_sha256 or folder_sha256(SCENARIO_DIR),
    )
    path.write_bytes(build_log_bytes(header, signer, [e for _, e in events], seal=seal))
    return path
