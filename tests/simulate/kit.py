"""A small scenario built in code, and helpers to drive a session by hand.

The scenario has one of everything the simulation reacts to: a chat with a
novice (facts, rules, a follow-up), an angry caller whose incident must be
transferred (options for SOL-8, a second line that asks a question, news
requests), an e-mail and a queue ticket logged with the wrong priority.
Tests change it with `dataclasses.replace` rather than build their own.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.core.events import Event
from helpdesk_tui.core.session import ExamSession, MemorySink
from helpdesk_tui.core.sla import PriorityTargets, SlaProfile
from helpdesk_tui.customers.simulation import Simulation
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS
from helpdesk_tui.scenario.model import (
    Answer,
    AnswerOption,
    CannedReply,
    Category,
    Channel,
    Customer,
    DialogueRule,
    Fact,
    FollowUp,
    Group,
    Incident,
    KbArticle,
    Message,
    Mood,
    MoodNudge,
    NewsRequest,
    Procedure,
    ProcedureStep,
    Scenario,
    SecondLine,
    TechnicalLevel,
)
from helpdesk_tui.scenario.session_setup import session_started_data

WALL = "2026-03-02T09:00:00.000Z"


def sla_profile() -> SlaProfile:
    """Like sla_profiles/standard.toml, in seconds."""
    targets = {
        "P1": (120, 300, 720),
        "P2": (180, 360, 1080),
        "P3": (300, 600, 1500),
        "P4": (480, 900, 2400),
    }
    return SlaProfile(
        id="standard",
        name="Standard",
        levels=("high", "medium", "low"),
        matrix={
            "high": {"high": "P1", "medium": "P2", "low": "P3"},
            "medium": {"high": "P2", "medium": "P3", "low": "P4"},
            "low": {"high": "P3", "medium": "P4", "low": "P4"},
        },
        priorities={p: PriorityTargets(p, *map(float, t), 0.75) for p, t in targets.items()},
        pausing_states=frozenset({"pending_customer", "pending_third_party"}),
    )


def _article(article_id: str, title: str, tags: tuple[str, ...], body: str) -> KbArticle:
    return KbArticle(
        article_id, title, tags, "en", f"# {title}\n\n{body}", Path(f"kb/{article_id}.md")
    )


def _steps(*specs: tuple[str, tuple[str, ...] | str]) -> tuple[ProcedureStep, ...]:
    steps = []
    for step_id, spec in specs:
        if isinstance(spec, str):
            steps.append(ProcedureStep(step_id, step_id, events=(spec,)))
        else:
            steps.append(ProcedureStep(step_id, step_id, patterns=spec))
    return tuple(steps)


CONTACT = Procedure(
    "contact",
    "Customer contact",
    _steps(
        ("greet", ("good morning", "hello", "service desk")),
        ("identify", ("your name", "which department", "full name")),
        ("ticket", "ticket_created"),
        ("kb", "kb_article_opened"),
        ("check", ("could you try", "try it now", "does it work")),
        ("closing", ("anything else",)),
        ("resolve", "ticket_resolved"),
        ("close", "ticket_closed"),
    ),
)
MAJOR = Procedure(
    "major",
    "Application down",
    _steps(
        ("greet", ("good morning", "hello", "service desk")),
        ("identify", ("your name", "which department", "full name")),
        ("ticket", "ticket_created"),
        ("kb", "kb_article_opened"),
        ("transfer", "ticket_transferred"),
        ("inform", ("keep you informed", "let you know")),
        ("follow-up", "note_added"),
        ("closing", ("anything else",)),
        ("resolve", "ticket_resolved"),
    ),
)
WRITTEN = Procedure(
    "written",
    "Written tickets",
    _steps(
        ("open", "ticket_opened"),
        ("classify", "ticket_updated"),
        ("kb", "kb_article_opened"),
        ("reply", "ticket_reply_added"),
        ("handle", "ticket_resolved"),
    ),
)

PRINTER = Incident(
    id="printer",
    title="Printer prints blank pages",
    customer="anna",
    channel=Channel.CHAT,
    at_s=60.0,
    competencies=(
        "SIM-2",
        "DATA-1",
        "DATA-4",
        "COM-1",
        "COM-2",
        "COM-3",
        "COM-4",
        "COM-5",
        "SOL-1",
    ),
    messages=(
        Message(0.0, "Hi, the printer next to my desk only prints empty pages."),
        Message(20.0, "I need to print the invoices before noon!"),
    ),
    facts=(
        Fact(
            "model",
            ("which printer", "what printer", "model"),
            "It's the HP LaserJet 4250 with the sticker PRN-2-14.",
            True,
        ),
        Fact(
            "since",
            ("since when", "when did"),
            "Since this morning, after someone changed the toner.",
            True,
        ),
    ),
    rules=(
        DialogueRule(
            "jargon", ("driver", "spooler"), "I don't understand those words.", MoodNudge.ANGRIER
        ),
        DialogueRule(
            "thanks", ("tape",), "Let me try... yes, it prints! Thank you.", MoodNudge.CALMER
        ),
    ),
    fallback="Sorry, I don't quite follow. Can you say that differently?",
    follow_up=FollowUp(120.0, "Hello? Is anyone there?"),
    answer=Answer(
        category="printing",
        impact="low",
        urgency="high",
        kb_article="kb-printer-blank",
        solution="Remove the sealing tape from the new toner cartridge. Then print a test page.",
        solution_keywords=("tape",),
    ),
)

CRM = Incident(
    id="crm",
    title="CRM down for Sales",
    customer="marc",
    channel=Channel.CALL,
    at_s=300.0,
    competencies=(
        "SIM-1",
        "SIM-3",
        "DATA-3",
        "DATA-5",
        "COM-6",
        "SOL-3",
        "SOL-4",
        "SOL-5",
        "SOL-6",
        "SOL-8",
    ),
    messages=(
        Message(0.0, "Marc Dubois, Sales. The CRM is down again, error 503 on every page."),
        Message(15.0, "I have a client demo in thirty minutes!"),
    ),
    facts=(
        Fact(
            "scope",
            ("anyone else", "colleagues", "how many"),
            "The whole sales floor, forty people.",
            True,
        ),
        Fact("version", ("version",), "The client says version 7.2 in the corner.", False),
    ),
    rules=(
        DialogueRule("empathy", ("sorry", "understand"), "Well. Thank you.", MoodNudge.CALMER),
        DialogueRule(
            "workaround",
            ("reports portal",),
            "The reports portal, yes, that will do for the demo.",
            MoodNudge.CALMER,
        ),
        DialogueRule(
            "restart", ("restart", "cache"), "Restart? It's the whole floor!", MoodNudge.ANGRIER
        ),
    ),
    news_request=NewsRequest(300.0, "Marc again. Any news on the CRM?"),
    second_line=SecondLine(
        "apps",
        240.0,
        "Application support: which CRM client version does the user run?",
        True,
        ("version",),
    ),
    answer=Answer(
        category="apps",
        impact="high",
        urgency="high",
        kb_article="kb-crm-down",
        transfer_group="apps",
        solution="Transfer to Application support and give the reports portal as a workaround.",
        solution_keywords=("reports portal",),
        options=(
            AnswerOption(
                "portal",
                "Use the read-only reports portal for the demo figures.",
                "kb-crm-down",
                ("reports portal",),
                True,
                "now",
            ),
            AnswerOption(
                "cache",
                "Clear the browser cache and sign in again.",
                "kb-crm-slow",
                ("cache",),
                False,
                "no",
            ),
        ),
    ),
)

VPN = Incident(
    id="vpn",
    title="VPN certificate invalid",
    customer="lena",
    channel=Channel.CHAT,
    at_s=90.0,
    competencies=("SIM-2", "COM-2"),
    messages=(Message(0.0, "Hi, my VPN says the certificate is invalid."),),
    facts=(
        Fact("since", ("since when",), "Since this morning, after the update.", True),
        Fact(
            "error",
            ("error", "exact message"),
            "It says: certificate invalid, contact your administrator.",
            True,
        ),
    ),
    rules=(
        DialogueRule(
            "thanks", ("reinstall",), "Reinstalled it, it connects. Thanks!", MoodNudge.CALMER
        ),
    ),
    answer=Answer(
        category="printing",
        impact="low",
        urgency="medium",
        kb_article="kb-vpn",
        solution="Reinstall the VPN certificate from the self-service portal.",
        solution_keywords=("reinstall",),
    ),
)

MAIL = Incident(
    id="mailbox",
    title="Shared mailbox missing",
    customer="ben",
    channel=Channel.EMAIL,
    at_s=200.0,
    competencies=("DATA-2", "SOL-2", "SOL-7"),
    subject="Shared mailbox gone from Outlook",
    body="Since this morning the Sales shared mailbox is gone from my Outlook.",
    answer=Answer(
        category="mail",
        impact="low",
        urgency="low",
        kb_article="kb-shared-mailbox",
        solution="Re-add the shared mailbox under Account settings, then restart Outlook.",
        solution_keywords=("account settings",),
    ),
)

WIFI = Incident(
    id="wifi",
    title="Meeting room Wi-Fi down",
    customer="sara",
    channel=Channel.QUEUE,
    at_s=0.0,
    age_s=60.0,
    competencies=("SOL-4", "DATA-2"),
    subject="Meeting room: no Wi-Fi",
    body="Nobody in meeting room 3 can connect to the staff Wi-Fi since this morning.",
    ticket_impact="low",
    ticket_urgency="low",
    answer=Answer(
        category="mail",
        impact="medium",
        urgency="high",
        kb_article="kb-wifi",
        solution="Forget the network and connect again to accept the new certificate.",
        solution_keywords=("forget",),
    ),
)


def make_scenario(**changes: Any) -> Scenario:
    """The kit scenario; keyword arguments replace its fields."""
    scenario = Scenario(
        folder=Path("/nonexistent/kit"),
        id="kit",
        title="Kit scenario",
        language="en",
        duration_s=1800.0,
        sla_profile="standard",
        sla=sla_profile(),
        groups=(Group("apps", "Application support"), Group("network", "Network team")),
        procedures=(CONTACT, MAJOR, WRITTEN),
        categories=(
            Category("printing", "Printing", "contact"),
            Category("apps", "Business applications", "major"),
            Category("mail", "E-mail", "written"),
        ),
        customers=(
            Customer(
                "anna",
                "Anna Peeters",
                "Accountant",
                TechnicalLevel.NOVICE,
                Mood.CALM,
                180.0,
                "Finance",
            ),
            Customer(
                "marc",
                "Marc Dubois",
                "Sales manager",
                TechnicalLevel.INTERMEDIATE,
                Mood.ANGRY,
                90.0,
                "Sales",
            ),
            Customer(
                "ben", "Ben Howard", "Analyst", TechnicalLevel.EXPERT, Mood.CALM, 600.0, "Finance"
            ),
            Customer(
                "sara",
                "Sara Janssens",
                "Office manager",
                TechnicalLevel.INTERMEDIATE,
                Mood.CALM,
                300.0,
            ),
            Customer(
                "lena",
                "Lena Maes",
                "Buyer",
                TechnicalLevel.INTERMEDIATE,
                Mood.IRRITATED,
                120.0,
                "Purchasing",
            ),
        ),
        incidents=(WIFI, PRINTER, VPN, MAIL, CRM),
        kb=(
            _article(
                "kb-printer-blank",
                "Printer prints blank pages",
                ("printer", "toner"),
                "Remove the sealing tape.",
            ),
            _article(
                "kb-crm-down",
                "CRM unavailable",
                ("crm", "outage"),
                "Use the reports portal; transfer.",
            ),
            _article("kb-crm-slow", "CRM slow", ("crm", "browser"), "Clear the cache."),
            _article(
                "kb-shared-mailbox", "Shared mailbox missing", ("outlook", "mailbox"), "Re-add it."
            ),
            _article("kb-vpn", "VPN certificate invalid", ("vpn", "certificate"), "Reinstall it."),
            _article(
                "kb-wifi",
                "Staff Wi-Fi will not connect",
                ("wifi", "certificate"),
                "Forget and reconnect.",
            ),
        ),
        canned=(
            CannedReply(
                "greeting",
                "Greeting",
                "Good morning, service desk, you're speaking with {agent}. How can I help?",
            ),
            CannedReply("closing", "Closing", "Is there anything else I can do for you?"),
        ),
        glossary={
            "DNS": "the network's address book",
            "toner": "the printer's ink powder",
            "VPN": "the secure connection",
        },
    )
    return dataclasses.replace(scenario, **changes) if changes else scenario


def all_competencies_named(scenario: Scenario) -> bool:
    return scenario.competencies_covered() >= set(COMPETENCY_IDS)


class Driver:
    """An exam session on a manual clock, driven by hand like a candidate would."""

    def __init__(self, scenario: Scenario | None = None) -> None:
        self.scenario = scenario or make_scenario()
        self.clock = ManualClock()
        self.sink = MemorySink()
        self.sim = Simulation(self.scenario)
        self.session = ExamSession(self.clock, self.sink, self.sim, wall_clock=lambda: WALL)
        self.session.start(session_started_data(self.scenario, "practice", "cand", "sess-1"))

    @property
    def state(self):  # noqa: ANN201 - the ExamState
        return self.session.state

    @property
    def events(self) -> list[Event]:
        return self.sink.events

    def at(self, t: float) -> ExamSession:
        """Move the clock to exam time `t` and fire what fell due."""
        if t > self.clock.source.value:
            self.clock.source.value = t
        self.session.fire_due()
        return self.session

    def send(self, t: float, conv: str, text: str) -> Event:
        """A candidate message at `t`; what it causes at once (flags, mood) is fired too."""
        event = self.at(t).submit("message_sent", {"conversation_id": conv, "text": text})
        self.session.fire_due()
        return event

    def say(self, t: float, conv: str, text: str) -> Event:
        """Like `send`, but the test means not to interrupt: the customer must be quiet."""
        self.at(t)
        assert not self.state.conversations[conv].is_busy_at(t), f"{conv} is busy at {t}"
        return self.send(t, conv, text)

    def submit(self, t: float, event_type: str, **data: Any) -> Event:
        event = self.at(t).submit(event_type, data)
        self.session.fire_due()
        return event

    def of_type(self, event_type: str, **where: Any) -> list[Event]:
        return [
            e for e in self.events
            if e.type == event_type and all(e.data.get(k) == v for k, v in where.items())
        ]  # fmt: skip

    def customer_lines(self, conv: str) -> list[str]:
        return [e.data["text"] for e in self.of_type("customer_message", conversation_id=conv)]
