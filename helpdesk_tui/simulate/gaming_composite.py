"""`composite`: the cheaters' tricks added up, one customer at a time (branch evid46).

Each of the seventeen scripted cheaters stays at or under the cap of 3 favourable of 22, but
each earns its few items by its own trick (docs/known-issues.md, benchmarks/README.md): the
dispatcher's SOL-3 and DATA-4 by parking and relaying, herald's SOL-2, SOL-5 and SOL-6 by its
screen work and relays, envoy's and lawyer's SIM-1, COM-6 and SOL-2 by their search and
frames, savvy's COM-2 and SOL-6 by its batteries and updates. A real candidate who games would
combine them. This policy does not copy a trick: it runs the cheaters themselves, side by side,
and gives each one its own customers.

- **Who gets which customer.** A customer who calls or chats is handed, in order of arrival,
  to the next of `LIVE` (the tricks that earned their items in conversation); a customer who
  only writes (an e-mail, a queue ticket) goes to `WRITTEN` (the dispatcher, whose items came
  from tickets). A customer keeps their cheater for the whole exam: a second contact by the
  same customer goes to the one who had the first.
- **What each cheater sees.** Only its own customers' conversations and tickets (a shallow
  copy of the state with the others filtered out), and only the events about them; the events
  about no one in particular (the session, the clock) reach all; a search or an opened article
  goes to the cheater who did it. So no cheater speaks to, or moves, another's case.
- **One candidate.** The earliest action any cheater proposes is submitted, never before the
  last one's cost has run out, and `done` or `refused` goes back to its author. The runner
  already asks again after every stimulus, so an action not taken is proposed again.

What it costs: the items are read across every case of a competency, so each trick's cases
stand beside the other tricks' (see benchmarks/README.md, "The tricks added up (branch
evid46)").
"""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Any

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.state import ExamState
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.simulate.policy import Action, Policy

LIVE: tuple[str, ...] = ("envoy", "lawyer", "savvy", "herald")
"""The cheaters whose items came from conversations (SIM-1, COM-2, COM-6, SOL-2, SOL-5,
SOL-6), handed the calling and chatting customers in turn."""
WRITTEN = "dispatcher"
"""The cheater whose items came from tickets (SOL-3 parked, DATA-4 relayed), handed the
customers who only write."""
SHARED_EVENTS = frozenset({"kb_searched", "kb_article_opened"})
"""Candidate commands about no customer: they belong to whoever proposed them."""


class CompositePolicy(Policy):
    """Runs several cheaters at once, each on its own customers (see the module's docstring)."""

    name = "composite"
    description = "the cheaters' tricks combined, each customer to the trick for their channel"

    def __init__(
        self,
        scenario: Scenario,
        seed: int = 0,
        live: tuple[str, ...] = LIVE,
        written: str = WRITTEN,
    ) -> None:
        super().__init__(scenario, seed)
        from helpdesk_tui.simulate.policies import POLICIES  # policies imports this module

        names = (*dict.fromkeys((*live, written)),)
        self.subs: dict[str, Policy] = {n: POLICIES[n](scenario, seed) for n in names}
        self.live = live
        self.written = written
        self.owner: dict[str, str] = {}
        """Customer id -> the cheater who has that customer."""
        self.conv_customer: dict[str, str] = {}
        self.ticket_customer: dict[str, str] = {}
        self.turn = 0
        self.free_at = 0.0
        self.last_by: str | None = None
        self.proposed: dict[int, tuple[str, Action]] = {}
        """id(the submitted action) -> (its author, the author's own action)."""

    # who owns what -------------------------------------------------------------------

    def _assign(self, customer_id: str, live: bool) -> str:
        if customer_id not in self.owner:
            if live:
                self.owner[customer_id] = self.live[self.turn % len(self.live)]
                self.turn += 1
            else:
                self.owner[customer_id] = self.written
        return self.owner[customer_id]

    def _customer_of(self, data: dict[str, Any]) -> str | None:
        if "customer_id" in data:
            return str(data["customer_id"])
        conv = data.get("conversation_id")
        if conv is not None and conv in self.conv_customer:
            return self.conv_customer[conv]
        ticket = data.get("ticket_id")
        if ticket is not None and ticket in self.ticket_customer:
            return self.ticket_customer[ticket]
        return None

    def observe(self, event: Event, seq: int) -> None:
        data = event.data
        customer = self._customer_of(data)
        if customer is not None:
            if data.get("conversation_id") is not None:
                self.conv_customer.setdefault(data["conversation_id"], customer)
            if data.get("ticket_id") is not None:
                self.ticket_customer.setdefault(data["ticket_id"], customer)
            live = (
                event.type in ("call_started", "chat_opened")
                or data.get("conversation_id") is not None
            )
            self.subs[self._assign(customer, live)].observe(event, seq)
        elif event.type in SHARED_EVENTS and self.last_by is not None:
            self.subs[self.last_by].observe(event, seq)
        else:
            for sub in self.subs.values():
                sub.observe(event, seq)

    def _view(self, state: ExamState, name: str) -> ExamState:
        """The state with only `name`'s customers' conversations and tickets."""
        view = copy.copy(state)
        view.conversations = {
            k: c for k, c in state.conversations.items() if self.owner.get(c.customer_id) == name
        }
        view.tickets = {
            k: t for k, t in state.tickets.items() if self.owner.get(t.customer_id) == name
        }
        return view

    # one candidate -------------------------------------------------------------------

    def next_action(self, state: ExamState, now: float) -> Action | None:
        for conv in state.conversations.values():
            self._assign(conv.customer_id, live=True)
        for ticket in state.tickets.values():
            self._assign(ticket.customer_id, live=bool(ticket.conversation_ids))
        best: tuple[str, Action] | None = None
        for name, sub in self.subs.items():
            action = sub.next_action(self._view(state, name), now)
            if action is not None and (best is None or action.at < best[1].at):
                best = (name, action)
        if best is None:
            return None
        name, action = best
        mine = replace(action, at=max(action.at, now, self.free_at))
        self.proposed = {id(mine): (name, action)}
        self.last_by = name
        return mine

    def done(self, action: Action, event: Event) -> None:
        name, original = self.proposed.pop(id(action))
        self.free_at = event.exam_time + action.cost
        self.subs[name].done(original, event)

    def refused(self, action: Action, reason: str) -> None:
        name, original = self.proposed.pop(id(action))
        self.subs[name].refused(original, reason)
        self.note(f"{name}: refused {action.type}: {reason}")
