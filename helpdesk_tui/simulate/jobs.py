"""What a scripted candidate keeps per incident: its style, the steps, and the job.

A `Style` switches behaviour on or off (the ideal candidate has everything
on); a `Step` is one thing to do; a `Job` is one incident being worked on,
with its plan and what happened in its conversation so far.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from helpdesk_tui.core.state import ExamState, Ticket
from helpdesk_tui.scenario.model import Incident

Command = tuple[str, dict[str, Any]]
Said = tuple[str, str | None]
"""A message's text and the canned reply it came from, if any."""


@dataclass(frozen=True, slots=True)
class Style:
    """How a scripted candidate works; the ideal one has everything on."""

    name: str
    ask_questions: bool = True
    """Identification, hidden facts, "does it work?", the closing question (COM-2)."""
    paraphrase: bool = True
    empathy: bool = True
    plain_words: bool = True
    """No glossary jargon to novices (COM-5)."""
    jargon: bool = False
    """Drops a glossary term into explanations, to anyone."""
    wait_for_customer: bool = True
    """Never writes while the customer types or speaks (COM-3)."""
    reply_timeout_s: float = 60.0
    """How long to wait for an answer before carrying on anyway."""
    by_priority: bool = True
    one_at_a_time: bool = False
    sla_updates: bool = True
    """Progress updates before the SLA's update target runs out (SOL-6)."""
    answer_waiting: bool = True
    """Answers follow-ups and news requests while waiting on the second line."""
    relay: bool = True
    """Relays a second line's question to the customer (SOL-5)."""
    use_canned: bool = True
    correct_fields: bool = True
    """Corrects a queue ticket's category, impact and urgency to the answer key's."""
    pick_right_article: bool = True
    search_while_listening: bool = True
    """Types the caller's first words into the KB search while they speak (SIM-1, SIM-3)."""
    speed: float = 1.0
    """Multiplies the time every action takes."""
    pickup_s: float = 0.0
    """Time before the candidate picks up a new incident."""


@dataclass(slots=True)
class Step:
    """One thing to do for an incident.

    `kind` is "say" (a message; `make` gives text and canned id), "do" (a
    command; `make` gives type and data) or "wait" (`make` says whether the
    wait is over). `make` returning None skips the step.
    """

    label: str
    kind: str
    make: Callable[[ExamState, Job], Any]
    written: bool = False
    """A say that goes out as a ticket reply once the conversation is over."""
    patterns: tuple[str, ...] = ()
    """A procedure step's patterns: skip the say when an earlier message already had one."""
    needs_reply: bool = False
    """A do that waits for the customer's answer to the last message."""
    conv: str | None = None
    """The conversation a say goes to, when it is not the incident's own."""
    cost: float = 3.0


@dataclass(slots=True)
class Job:
    """One incident as the scripted candidate works on it."""

    incident: Incident
    arrival: float
    rank: int
    conv_id: str | None = None
    ticket_id: str | None = None
    steps: list[Step] = field(default_factory=list)
    index: int = 0
    extra: list[Step] = field(default_factory=list)
    """Steps pushed in by what happens (a news request), done before the plan's next one."""
    said: Counter[str] = field(default_factory=Counter)
    replies: Counter[str] = field(default_factory=Counter)
    last_said: dict[str, float] = field(default_factory=dict)
    greeted: set[str] = field(default_factory=set)
    """Conversations whose customer greeted in their own words ("Bonjour, je n'arrive plus
    ..."): they do not greet back, so the candidate's greeting awaits no answer."""
    holding: Counter[str] = field(default_factory=Counter)
    """Holding answers sent in a row, per conversation."""
    revealed: set[str] = field(default_factory=set)
    second_line: list[tuple[float, str, bool, str]] = field(default_factory=list)
    """(time, text, question, group) of each second-line reply on the ticket."""
    transferred_at: float | None = None
    relayed_at: float | None = None
    started: bool = False

    def pending(self) -> list[Step]:
        """The steps that may go next: the first pushed-in one, then the plan's next."""
        found = self.extra[:1]
        if self.index < len(self.steps):
            found.append(self.steps[self.index])
        return found

    def advance(self, step: Step) -> None:
        if self.extra and self.extra[0] is step:
            self.extra.pop(0)
        elif self.index < len(self.steps) and self.steps[self.index] is step:
            self.index += 1

    @property
    def finished(self) -> bool:
        return self.index >= len(self.steps) and not self.extra

    def waiting(self, state: ExamState) -> bool:
        """The plan's next step waits for something (the second line) that has not happened."""
        if self.index >= len(self.steps):
            return False
        step = self.steps[self.index]
        return step.kind == "wait" and not step.make(state, self)

    def ticket(self, state: ExamState) -> Ticket | None:
        return state.tickets.get(self.ticket_id) if self.ticket_id else None
