"""A whole practice run of the bundled default scenario, through the pilot, on a driven clock.

A scripted candidate works the way the scenario's answer key says: answers
every chat and call (a canned greeting), registers a ticket from it with the
right category, impact and urgency, looks the article up in the KB, and
resolves or transfers; e-mail and queue tickets are classified, answered and
resolved or transferred the same way. The clock jumps from one due event to the next until
time is up. Then the log (written by the real writer, as `practice` does) must
verify as intact and sealed, and every incident must have been handled.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from helpdesk_tui.commands import practice
from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.core.state import TicketStatus
from helpdesk_tui.eventlog.verifier import verify_log
from helpdesk_tui.scenario.model import Incident
from helpdesk_tui.ui.app import ExamApp
from helpdesk_tui.ui.screens.end import EndScreen
from helpdesk_tui.ui.screens.pickers import CannedPicker

from .conftest import SIZE
from .pilot import choose, fill, form, keys, until

STEP_S = (1.0, 30.0)
"""The clock jumps to the simulation's next due time, within these bounds."""


class Candidate:
    """Plays the answer key through the keyboard."""

    def __init__(self, pilot: Pilot[Any], run: practice.PracticeRun) -> None:
        self.pilot = pilot
        self.app: ExamApp = pilot.app  # type: ignore[assignment]
        self.run = run
        self.scenario = self.app.controller.scenario
        self.done: set[str] = set()
        self.refused: list[str] = []
        original = self.app.main.notify

        def notify(message: str, **kwargs: Any) -> None:
            if kwargs.get("severity") in ("warning", "error"):
                self.refused.append(message)
            original(message, **kwargs)

        self.app.main.notify = notify  # type: ignore[method-assign]

    @property
    def state(self) -> Any:
        return self.app.controller.state

    async def play(self) -> None:
        while not self.state.ended:
            due = self.app.controller.session.stimuli.next_due(self.state)
            gap = (due if due is not None else self.state.duration_s) - self.app.controller.now()
            seq = self.state.last_seq
            self.app.advance(min(max(gap, STEP_S[0]), STEP_S[1]))
            if self.state.last_seq == seq:
                continue  # nothing was logged: nothing new to react to
            await self.pilot.pause()
            if self.state.ended:
                break
            for conv in list(self.state.conversations.values()):
                if conv.is_live and conv.incident_id and conv.id not in self.done:
                    await self.handle_conversation(
                        conv.id, self.scenario.incident(conv.incident_id)
                    )
            for ticket in list(self.state.tickets.values()):
                waiting = ticket.is_active and ticket.id not in self.done
                if ticket.incident_id and waiting and not ticket.conversation_ids:
                    await self.handle_ticket(ticket.id, self.scenario.incident(ticket.incident_id))

    async def handle_conversation(self, conv_id: str, incident: Incident) -> None:
        self.done.add(conv_id)
        main = self.app.main
        main.conversations.show(self.app.controller, conv_id, self.app.controller.now())
        await keys(self.pilot, "f4", "f8")  # a canned greeting, sent
        await until(self.pilot, lambda: isinstance(self.app.screen, CannedPicker))
        await keys(self.pilot, "enter")
        await until(self.pilot, lambda: self.app.screen is self.app.main)
        await keys(self.pilot, "enter")
        await self.pilot.pause()
        await keys(self.pilot, "ctrl+n")
        await until(self.pilot, lambda: form_open(self.app))
        await fill(self.pilot, "title", incident.title)
        await self.classify(incident)
        await keys(self.pilot, "ctrl+s")
        await self.pilot.pause()
        ticket_id = self.app.main.ticket_id
        assert ticket_id is not None and conv_id in self.state.tickets[ticket_id].conversation_ids
        self.done.add(ticket_id)
        await self.solve(ticket_id, incident)

    async def handle_ticket(self, ticket_id: str, incident: Incident) -> None:
        self.done.add(ticket_id)
        self.app.main.queue.select(ticket_id)
        await keys(self.pilot, "f2")
        await self.pilot.pause()
        assert self.app.main.ticket_id == ticket_id
        await keys(self.pilot, "e")
        await until(self.pilot, lambda: form_open(self.app))
        await self.classify(incident)
        await keys(self.pilot, "ctrl+s")
        await self.pilot.pause()
        if form_open(self.app):  # nothing to change: the queue had it right already
            await keys(self.pilot, "escape")
            await until(self.pilot, lambda: not form_open(self.app))
        await keys(self.pilot, "r")
        await until(self.pilot, lambda: form_open(self.app))
        await fill(self.pilot, "text", "Thank you, we are looking into it.")
        await keys(self.pilot, "ctrl+s")
        await until(self.pilot, lambda: not form_open(self.app))
        await self.solve(ticket_id, incident)

    async def classify(self, incident: Incident) -> None:
        answer = incident.answer
        await choose(self.pilot, "category", answer.category)
        await choose(self.pilot, "impact", answer.impact)
        await choose(self.pilot, "urgency", answer.urgency)

    async def open_article(self, article_id: str) -> None:
        title = self.scenario.article(article_id).title
        await keys(self.pilot, "slash")  # the search box (F5 goes to an open article)
        self.app.main.kb.query_input.value = " ".join(title.split()[:3])
        await keys(self.pilot, "enter")
        await self.pilot.pause()
        results = self.app.main.kb._results
        assert article_id in results, (article_id, results)
        await keys(self.pilot, *["down"] * results.index(article_id), "enter")
        kb = self.app.main.kb
        await until(
            self.pilot,
            lambda: kb.article_open and kb.article is not None and kb.article.id == article_id,
        )

    async def solve(self, ticket_id: str, incident: Incident) -> None:
        answer = incident.answer
        if answer.kb_article:
            await self.open_article(answer.kb_article)
        self.app.main.queue.select(ticket_id)
        await keys(self.pilot, "f2")
        await self.pilot.pause()
        if answer.transfer_group:
            await keys(self.pilot, "t")
            await until(self.pilot, lambda: form_open(self.app))
            await choose(self.pilot, "group", answer.transfer_group)
            await fill(self.pilot, "reason", "Needs the second line: " + incident.title)
        else:
            await keys(self.pilot, "s")
            await until(self.pilot, lambda: form_open(self.app))
            await fill(self.pilot, "solution", answer.solution)
        await keys(self.pilot, "ctrl+s")
        await self.pilot.pause()
        assert not form_open(self.app), form(self.app).query_one("#form-error").render()


def form_open(app: ExamApp) -> bool:
    from helpdesk_tui.ui.screens.form_base import FormScreen

    return isinstance(app.screen, FormScreen)


async def test_play_the_default_scenario_to_the_end(tmp_path: Path) -> None:
    args = argparse.Namespace(scenario=None, lang="en", logs=tmp_path, candidate="Robin")
    run = practice.prepare(
        args, clock=ManualClock(), app_options={"tick_interval": None, "handle_signals": False}
    )
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        candidate = Candidate(pilot, run)
        await candidate.play()
        await pilot.pause()
        assert isinstance(app.screen, EndScreen)
        await pilot.press("enter")
        await pilot.pause()
    practice.finish(run)
    assert app.return_value == "time-up"
    assert candidate.refused == []

    state = run.session.state
    scenario = app.controller.scenario
    handled = {t.incident_id: t for t in state.tickets.values() if t.incident_id}
    assert set(handled) == {i.id for i in scenario.incidents}
    for incident in scenario.incidents:
        ticket = handled[incident.id]
        expected = (
            TicketStatus.TRANSFERRED if incident.answer.transfer_group else TicketStatus.RESOLVED
        )
        assert ticket.status in (
            expected,
            TicketStatus.PENDING_THIRD_PARTY,
            TicketStatus.RESOLVED,
        ), (
            incident.id,
            ticket.status,
        )
        assert (ticket.impact, ticket.urgency) == (incident.answer.impact, incident.answer.urgency)

    result = verify_log(run.log_path, None, scenario.folder)
    assert result.status == "ok", result.fault
    assert result.summary.seal_reason == "time-up"
    assert result.summary.candidate_id == "Robin"
