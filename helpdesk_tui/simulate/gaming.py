"""Scripted cheaters: candidates who try to harvest evidence without doing the job.

They exist to test the evidence rules (docs/assessment.md): a rule that a
mechanical trick satisfies measures the trick, not the competency. Each one
plays the exam end to end through `ExamSession.submit`, like any policy, and
reads only what a candidate's screen shows: the customers' messages and
names, the tickets, the knowledge base, the canned replies, the procedures
and the groups. **None of them ever reads the answer key** (the scenario's
incidents: facts, rules, solutions, options, second-line scripts); a test
checks that they run on a scenario whose incidents they cannot see.

- `shotgun` opens every KB article when each case arrives, answers every
  customer with the text of the top search hits (several solutions at
  once) and stuffs the resolution with KB text and key words.
- `macro` sends one message holding every phrase of every procedure to
  every customer, auto-replies a fixed sentence to whatever they write, and
  posts a periodic "quick update" on every open ticket.
- `parrot` repeats the customer's last message after "So if I understand you
  correctly", pastes stock empathy into every message, transfers calls to
  the first group, and forwards whatever the second line says (even "this
  is not for our team").

All three register a ticket for every chat and call, resolve and close
everything about two minutes after it arrived: the "busy" look of a
candidate who closes a lot of tickets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.state import ExamState, TicketStatus
from helpdesk_tui.customers import dialogue
from helpdesk_tui.kb.search import KbIndex
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.simulate.phrases import AGENT_NAME
from helpdesk_tui.simulate.policy import Action, Policy

Build = Callable[[ExamState], tuple[str, dict[str, Any]] | None]
"""Makes the command from the state when it is due (None: no longer applies)."""

REPLY_AFTER_S = 2.0
SOLVE_AFTER_S = 120.0
"""A gaming candidate "solves" every case this long after it arrived."""
CLOSE_AFTER_S = 10.0
UPDATE_EVERY_S = 240.0
"""How often the macro candidate posts its "quick update" on every open ticket."""
ACTION_COST_S = 1.0

STOCK: dict[str, dict[str, str]] = {
    "en": {
        "empathy": "I'm sorry for the inconvenience, I understand.",
        "echo": "So if I understand you correctly:",
        "auto": "Thank you for your message, we are working on it.",
        "update": "Quick update: we are still working on your request.",
        "solution": "Here is what you can do:",
        "resolution": "Solved.",
    },
    "nl": {
        "empathy": "Excuses voor het ongemak, ik begrijp het.",
        "echo": "Dus als ik u goed begrijp:",
        "auto": "Bedankt voor uw bericht, we zijn ermee bezig.",
        "update": "Korte update: we zijn nog met uw vraag bezig.",
        "solution": "Dit kunt u doen:",
        "resolution": "Opgelost.",
    },
    "fr": {
        "empathy": "Désolé pour le désagrément, je comprends.",
        "echo": "Donc si je vous comprends bien :",
        "auto": "Merci pour votre message, nous nous en occupons.",
        "update": "Petit point : nous travaillons toujours sur votre demande.",
        "solution": "Voici ce que vous pouvez faire :",
        "resolution": "Résolu.",
    },
}


@dataclass(slots=True)
class _Case:
    """One thing that reached the candidate, as the screen shows it."""

    customer_id: str
    arrival: float
    conv_id: str | None = None
    ticket_id: str | None = None
    customer_said: list[str] = field(default_factory=list)
    solved: bool = False


@dataclass(order=True, slots=True)
class _Pending:
    at: float
    order: int
    label: str = field(compare=False)
    build: Build = field(compare=False)


class GamingCandidate(Policy):
    """The shared mechanics of the cheaters; subclasses choose the words."""

    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        super().__init__(scenario, seed)
        self.language = scenario.language if scenario.language in STOCK else "en"
        self.stock = STOCK[self.language]
        self.kb = KbIndex(scenario.kb)
        self._kb_hits_kept: dict[tuple[str, int], list[str]] = {}
        self.cases: list[_Case] = []
        self.by_conv: dict[str, _Case] = {}
        self.by_ticket: dict[str, _Case] = {}
        self.pending: list[_Pending] = []
        self.free_at = 0.0
        self._order = 0

    # ------------------------------------------------------------------ what the screen shows

    def observe(self, event: Event, seq: int) -> None:
        d, t = event.data, event.exam_time
        if event.type in ("chat_opened", "call_started"):
            self._on_conversation(d["conversation_id"], d["customer_id"], t)
        elif event.type in ("email_received", "ticket_preloaded"):
            self._on_ticket(d["ticket_id"], d["customer_id"], d.get("description", ""), t)
        elif event.type == "customer_message" and d["conversation_id"] in self.by_conv:
            case = self.by_conv[d["conversation_id"]]
            case.customer_said.append(d["text"])
            if dialogue.expects_answer(d.get("kind", "script"), d["text"]) and not case.solved:
                self.later(t + REPLY_AFTER_S, "reply", self._say(case, self.reply_text))
        elif event.type == "second_line_reply":
            self.second_line(d["ticket_id"], d["text"], t)
        elif event.type == "ticket_created" and d.get("conversation_id") in self.by_conv:
            self.by_conv[d["conversation_id"]].ticket_id = d["ticket_id"]
            self.by_ticket[d["ticket_id"]] = self.by_conv[d["conversation_id"]]

    def _on_conversation(self, conv_id: str, customer_id: str, at: float) -> None:
        if conv_id in self.by_conv:
            return
        case = _Case(customer_id, at, conv_id=conv_id)
        self.cases.append(case)
        self.by_conv[conv_id] = case
        self.arrived(case, at)
        self.later(at + 1.0, "open", self._say(case, self.opening_text))
        self.later(at + 3.0, "register", self._create(case))
        self.later(at + SOLVE_AFTER_S, "solve", self._say(case, self.solution_text))
        self.later(at + SOLVE_AFTER_S + 1, "resolve", self._resolve(case))
        self.later(at + SOLVE_AFTER_S + CLOSE_AFTER_S, "hang up", self._close_conv(case))
        self.later(at + SOLVE_AFTER_S + CLOSE_AFTER_S + 1, "close", self._close(case))

    def _on_ticket(self, ticket_id: str, customer_id: str, text: str, at: float) -> None:
        if ticket_id in self.by_ticket:
            return
        case = _Case(customer_id, at, ticket_id=ticket_id, customer_said=[text])
        self.cases.append(case)
        self.by_ticket[ticket_id] = case
        self.arrived(case, at)
        self.later(at + 1.0, "open ticket", self._open(case))
        self.later(at + 2.0, "reply", self._say(case, self.opening_text))
        self.later(at + SOLVE_AFTER_S, "solve", self._say(case, self.solution_text))
        self.later(at + SOLVE_AFTER_S + 1, "resolve", self._resolve(case))
        self.later(at + SOLVE_AFTER_S + CLOSE_AFTER_S, "close", self._close(case))

    # ------------------------------------------------------------------ the tricks (overridden)

    def arrived(self, case: _Case, at: float) -> None:
        """A new case is on screen."""

    def opening_text(self, state: ExamState, case: _Case) -> str:
        return self.stock["auto"]

    def reply_text(self, state: ExamState, case: _Case) -> str:
        return self.stock["auto"]

    def solution_text(self, state: ExamState, case: _Case) -> str:
        return f"{self.stock['solution']} {self.kb_text(case, 1)}"

    def resolution_text(self, state: ExamState, case: _Case) -> str:
        return self.stock["resolution"]

    def second_line(self, ticket_id: str, text: str, at: float) -> None:
        """The second line answered on a ticket."""

    # ------------------------------------------------------------------ helpers the tricks use

    def kb_hits(self, case: _Case, limit: int) -> list[str]:
        """The article ids a search for the customer's first words finds.

        Kept per (words, limit): a case's first words do not change once said, and each
        reply, solution and resolution searches them again (shotgun: 569 searches of 86
        queries on an exam, half its run's CPU); the index does not change during a run."""
        words = " ".join(" ".join(case.customer_said[:1]).split()[:8])
        if not words:
            return []
        if (words, limit) not in self._kb_hits_kept:
            self._kb_hits_kept[(words, limit)] = [
                h.article_id for h in self.kb.search(words, limit=limit)
            ]
        return list(self._kb_hits_kept[(words, limit)])

    def kb_text(self, case: _Case, limit: int) -> str:
        """The first lines of the top hits' bodies, pasted one after another."""
        parts = []
        for article_id in self.kb_hits(case, limit):
            body = self.scenario.article(article_id).body
            lines = [ln.strip("#-* ").strip() for ln in body.splitlines()]
            text = " ".join(ln for ln in lines if ln)
            parts.append(" ".join(text.split()[:40]))
        return " ".join(parts)

    def name(self, state: ExamState, case: _Case) -> str:
        customer = state.customers.get(case.customer_id)
        return customer.name.split()[0] if customer is not None else ""

    def later(self, at: float, label: str, build: Build) -> None:
        self._order += 1
        self.pending.append(_Pending(at, self._order, label, build))
        self.pending.sort()

    # ------------------------------------------------------------------ commands

    def _say(self, case: _Case, words: Callable[[ExamState, _Case], str]) -> Build:
        def build(state: ExamState) -> tuple[str, dict[str, Any]] | None:
            conv = state.conversations.get(case.conv_id or "")
            if conv is not None and conv.is_live:
                return "message_sent", {"conversation_id": conv.id, "text": words(state, case)}
            ticket = state.tickets.get(case.ticket_id or "")
            if ticket is None or ticket.status == TicketStatus.CLOSED or conv is not None:
                return None
            return "ticket_reply_added", {"ticket_id": ticket.id, "text": words(state, case)}

        return build

    def _create(self, case: _Case) -> Build:
        def build(state: ExamState) -> tuple[str, dict[str, Any]] | None:
            if case.ticket_id is not None or case.conv_id not in state.conversations:
                return None
            said = " ".join(case.customer_said) or "Contact"
            levels = self.scenario.sla.levels
            middle = levels[len(levels) // 2]
            data = {
                "ticket_id": state.next_ticket_id(),
                "title": " ".join(said.split()[:8]),
                "customer_id": case.customer_id,
                "description": said[:600],
                "category": self._category(said),
                "impact": middle,
                "urgency": middle,
                "conversation_id": case.conv_id,
            }
            return "ticket_created", data

        return build

    def _category(self, text: str) -> str:
        """The category whose name shares most words with the customer's (ties: the first)."""
        said = set(dialogue.words(text))
        scored = [(len(said & set(dialogue.words(c.name))), -i, c.id)
                  for i, c in enumerate(self.scenario.categories)]  # fmt: skip
        return max(scored)[2]

    def _open(self, case: _Case) -> Build:
        def build(state: ExamState) -> tuple[str, dict[str, Any]] | None:
            ticket = state.tickets.get(case.ticket_id or "")
            if ticket is None or ticket.status != TicketStatus.NEW:
                return None
            return "ticket_opened", {"ticket_id": ticket.id}

        return build

    def _resolve(self, case: _Case) -> Build:
        def build(state: ExamState) -> tuple[str, dict[str, Any]] | None:
            ticket = state.tickets.get(case.ticket_id or "")
            if ticket is None or ticket.resolved_at is not None:
                return None
            if ticket.status in (TicketStatus.CLOSED, TicketStatus.TRANSFERRED):
                return None
            return "ticket_resolved", {
                "ticket_id": ticket.id,
                "solution": self.resolution_text(state, case),
            }

        return build

    def _close_conv(self, case: _Case) -> Build:
        def build(state: ExamState) -> tuple[str, dict[str, Any]] | None:
            conv = state.conversations.get(case.conv_id or "")
            if conv is None or not conv.is_live:
                return None
            return "conversation_closed", {"conversation_id": conv.id}

        return build

    def _close(self, case: _Case) -> Build:
        def build(state: ExamState) -> tuple[str, dict[str, Any]] | None:
            ticket = state.tickets.get(case.ticket_id or "")
            if ticket is None or ticket.status != TicketStatus.RESOLVED:
                return None
            return "ticket_closed", {"ticket_id": ticket.id}

        return build

    # ------------------------------------------------------------------ the runner's interface

    def next_action(self, state: ExamState, now: float) -> Action | None:
        """The earliest pending command that applies, built from the state as it is now.

        Nothing changes the state between now and a command's time but a
        stimulus, and after a stimulus the runner asks again: so building it
        now is building it on time. One that does not apply is dropped once its
        time has come, and kept (for after the next stimulus) before.
        """
        for item in list(self.pending):
            at = max(item.at, self.free_at, now)
            made = item.build(state)
            if made is None:
                if item.at <= now:
                    self.pending.remove(item)
                continue
            event_type, data = made
            return Action(round(at, 3), event_type, data, ACTION_COST_S, item.label, item)
        return None

    def done(self, action: Action, event: Event) -> None:
        self.free_at = action.at + action.cost
        self._forget(action)

    def refused(self, action: Action, reason: str) -> None:
        self.free_at = action.at + ACTION_COST_S
        self._forget(action)
        self.note(f"{action.label} was refused ({reason})")

    def _forget(self, action: Action) -> None:
        if action.origin in self.pending:
            self.pending.remove(action.origin)
        if action.label == "solve":
            case = self.by_conv.get(action.data.get("conversation_id", "")) or self.by_ticket.get(
                action.data.get("ticket_id", "")
            )
            if case is not None:
                case.solved = True


class ShotgunPolicy(GamingCandidate):
    name = "shotgun"
    description = "opens every KB article, answers with the top hits, stuffs resolutions"

    def arrived(self, case: _Case, at: float) -> None:
        for i, article in enumerate(self.scenario.kb):
            self.later(at + 0.1 * (i + 1), "open every article", _opener(article.id))

    def reply_text(self, state: ExamState, case: _Case) -> str:
        return f"{self.stock['solution']} {self.kb_text(case, 2)}"

    def solution_text(self, state: ExamState, case: _Case) -> str:
        return f"{self.stock['solution']} {self.kb_text(case, 3)}"

    def resolution_text(self, state: ExamState, case: _Case) -> str:
        titles = [self.scenario.article(a).title for a in self.kb_hits(case, 5)]
        tags = [t for a in self.kb_hits(case, 5) for t in self.scenario.article(a).tags]
        return " ".join([self.kb_text(case, 3), *titles, *tags])[:2000]


class MacroPolicy(GamingCandidate):
    name = "macro"
    description = "one message with every procedure phrase to everyone, fixed auto-reply, updates"

    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        super().__init__(scenario, seed)
        phrases = dict.fromkeys(
            p for proc in scenario.procedures for s in proc.steps for p in s.patterns
        )
        canned = [c.text.replace("{agent}", AGENT_NAME) for c in scenario.canned]
        self.macro = " ".join([*canned, *(f"{p}." for p in phrases), self.stock["empathy"]])
        self._updates_from = 0.0

    def opening_text(self, state: ExamState, case: _Case) -> str:
        return self.macro

    def solution_text(self, state: ExamState, case: _Case) -> str:
        return f"{self.macro} {self.stock['solution']} {self.kb_text(case, 1)}"

    def arrived(self, case: _Case, at: float) -> None:
        if not self._updates_from:
            self._updates_from = at
            self.later(at + UPDATE_EVERY_S, "quick update", self._updates(at + UPDATE_EVERY_S))

    def _updates(self, due: float) -> Build:
        """Every few minutes, the same "quick update" on every open ticket."""

        def build(state: ExamState) -> tuple[str, dict[str, Any]] | None:
            if state.now < due:
                return None
            for i, ticket in enumerate(state.tickets.values()):
                if ticket.is_active and ticket.resolved_at is None:
                    text = self.stock["update"]
                    self.later(state.now + 1.0 + i, "quick update", _reply(ticket.id, text))
            self.later(
                state.now + UPDATE_EVERY_S,
                "quick update",
                self._updates(state.now + UPDATE_EVERY_S),
            )
            return None

        return build


class ParrotPolicy(GamingCandidate):
    name = "parrot"
    description = "echoes the customer, stock empathy everywhere, forwards the second line"

    def opening_text(self, state: ExamState, case: _Case) -> str:
        return f"{self.stock['empathy']} {self._echo(case)}"

    def reply_text(self, state: ExamState, case: _Case) -> str:
        return f"{self.stock['empathy']} {self._echo(case)}"

    def solution_text(self, state: ExamState, case: _Case) -> str:
        return f"{self.stock['empathy']} {self.stock['solution']} {self.kb_text(case, 1)}"

    def _echo(self, case: _Case) -> str:
        last = " ".join(case.customer_said[-2:]) or ""
        return f"{self.stock['echo']} {last}".strip()

    def arrived(self, case: _Case, at: float) -> None:
        """Every call goes to the first group on the transfer form, whatever it is about."""
        if case.conv_id is not None and self.scenario.groups:
            self.later(at + 20.0, "transfer", _transfer(case, self.scenario.groups[0].id))

    def second_line(self, ticket_id: str, text: str, at: float) -> None:
        case = self.by_ticket.get(ticket_id)
        if case is not None:
            self.later(
                at + REPLY_AFTER_S, "forward", _reply(ticket_id, f"{self.stock['empathy']} {text}")
            )


def _opener(article_id: str) -> Build:
    def build(state: ExamState) -> tuple[str, dict[str, Any]] | None:
        return "kb_article_opened", {"article_id": article_id}

    return build


def _reply(ticket_id: str, text: str) -> Build:
    def build(state: ExamState) -> tuple[str, dict[str, Any]] | None:
        ticket = state.tickets.get(ticket_id)
        if ticket is None or ticket.status == TicketStatus.CLOSED:
            return None
        return "ticket_reply_added", {"ticket_id": ticket_id, "text": text}

    return build


def _transfer(case: _Case, group: str) -> Build:
    def build(state: ExamState) -> tuple[str, dict[str, Any]] | None:
        ticket = state.tickets.get(case.ticket_id or "")
        conv = state.conversations.get(case.conv_id or "")
        if conv is None or conv.channel != "call":
            return None
        if ticket is None or ticket.status in (TicketStatus.CLOSED, TicketStatus.RESOLVED):
            return None
        return "ticket_transferred", {
            "ticket_id": ticket.id,
            "group": group,
            "reason": "See ticket.",
        }

    return build
