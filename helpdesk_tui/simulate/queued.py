"""A scripted candidate that plans commands into a queue and submits them one at a time.

Shared by `prompter` and `dispatcher`: a command is built only when it is due (a ticket's id is
known once it is made, a conversation may have ended meanwhile), written while its customer is
still typing or speaking waits for them, and its cost keeps the candidate busy. What to queue is
each policy's `_plan`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.state import ExamState, Ticket, TicketStatus
from helpdesk_tui.kb.search import KbHit, KbIndex
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.simulate.policy import Action, Policy

Build = Callable[[ExamState], "tuple[str, dict[str, Any]] | None"]
"""A queued command, built when it is due (a ticket id is known only once it is made)."""

SCREEN_S = 3.0
"""How long a command without text keeps the candidate busy."""


@dataclass(slots=True)
class Step:
    """One queued command: what builds it and which conversation's customer it speaks to."""

    build: Build
    conv: str | None = None


class QueuedPolicy(Policy):
    """Submits `self.queue` in order; `_plan` fills it when it runs empty."""

    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        super().__init__(scenario, seed)
        self.queue: list[Step] = []
        self.free_at = 0.0

    def _plan(self, state: ExamState, now: float) -> None:
        """Queue what comes next (nothing: wait for the next stimulus)."""

    def next_action(self, state: ExamState, now: float) -> Action | None:
        for _ in range(50):
            if not self.queue:
                self._plan(state, now)
            if not self.queue:
                return None
            step = self.queue[0]
            built = step.build(state)
            if built is None or (step.conv and not self._live(state, step.conv)):
                self.queue.pop(0)
                continue
            kind, data = built
            at = max(now, self.free_at)
            if kind == "message_sent" and step.conv:
                at = max(at, state.conversations[step.conv].busy_until)
            cost = 2.0 + len(data.get("text", "")) / 12 if "text" in data else SCREEN_S
            return Action(at, kind, data, cost=cost, origin=step)
        return None

    def done(self, action: Action, event: Event) -> None:
        self._drop(action)
        self.free_at = event.exam_time + action.cost

    def refused(self, action: Action, reason: str) -> None:
        self._drop(action)
        self.note(f"refused {action.type}: {reason}")

    def _drop(self, action: Action) -> None:
        if self.queue and self.queue[0] is action.origin:
            self.queue.pop(0)

    def _queue_look_up(
        self, index: KbIndex, query: str, ticket: Callable[[], str | None]
    ) -> KbHit | None:
        """Queue the search, the top hit opened and linked to the case's ticket (once it is
        made: `ticket` is asked when the link is due); the top hit, or None when nothing is
        found."""
        hits = index.search(query, limit=10)
        if not hits:
            return None
        top, ids = hits[0], [h.article_id for h in hits]
        self.queue.append(Step(lambda s: ("kb_searched", {"query": query, "results": ids})))
        self.queue.append(Step(lambda s: ("kb_article_opened", {"article_id": top.article_id})))

        def link(s: ExamState) -> tuple[str, dict[str, Any]] | None:
            tid = ticket()
            if tid is None:
                return None
            return "ticket_linked", {"ticket_id": tid, "kb_article": top.article_id}

        self.queue.append(Step(link))
        return top

    @staticmethod
    def _live(state: ExamState, conv_id: str) -> bool:
        conv = state.conversations.get(conv_id)
        return conv is not None and conv.is_live


def written_waiting(state: ExamState, skip: Collection[str | None]) -> Ticket | None:
    """The written ticket (e-mail or queue, no conversation) still new or open that the queue's
    order puts first (priority, then arrival), leaving out the tickets in `skip`."""
    waiting = [
        t
        for t in state.tickets.values()
        if t.id not in skip
        and t.status in (TicketStatus.NEW, TicketStatus.OPEN)
        and not t.conversation_ids
    ]
    return min(waiting, key=lambda t: (t.priority or "~", t.created_at, t.id), default=None)
