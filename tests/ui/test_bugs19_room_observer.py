"""The observer opened from the room says how to get back to the room (bugs19).

From the room, Enter opens one candidate's live view; Esc and q come back to the room.
Its key bar said "q Quit" ("Stoppen", "Quitter"), the observer's own words for ending the
program, and nothing of Esc, whose "Back" was an English string made once at import.
A proctor needs the bar to say that q (and Esc) go back to the room, in their language,
and pressing it to do so (the room still there, the exams going on).
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

import pytest

from helpdesk_tui.core.events import Event
from helpdesk_tui.eventlog import EventLogWriter, Signer
from helpdesk_tui.sitting.room import Room
from helpdesk_tui.ui.room.app import RoomApp
from helpdesk_tui.ui.room.screen import ObserveFromRoom, RoomScreen

from .review.logs import WALL_START, bound, bound_header, screen_text, simulated_events

BACK = {"en": "Back to the room", "nl": "Terug naar de zaal", "fr": "Retour à la salle"}
QUIT = {"en": "Quit", "nl": "Stoppen", "fr": "Quitter"}


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return simulated_events("ideal")


def _room(folder: Path, events: list[Event]) -> RoomApp:
    path = folder / "c0001" / "exam.jsonl"
    path.parent.mkdir(parents=True)
    header = dataclasses.replace(bound_header(), candidate_id="c0001", session_id="c" * 32)
    writer = EventLogWriter.create(path, header, Signer.ephemeral())
    for event in events[:150]:
        writer.append(bound(writer, event))
    writer.close()
    now = WALL_START + timedelta(seconds=events[149].exam_time)
    return RoomApp(Room(folder), title="am", poll_interval=None, wall_clock=lambda: now)


@pytest.mark.parametrize("language", ["en", "nl", "fr"], indirect=True)
@pytest.mark.parametrize("key", ["q", "escape"])
async def test_the_rooms_observer_says_and_does_back_to_the_room(
    tmp_path: Path, events: list[Event], language: str, key: str
) -> None:
    app = _room(tmp_path / "am", events)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ObserveFromRoom)
        bar = "\n".join(screen_text(app).splitlines()[-3:])
        assert BACK[language] in bar, bar
        assert f" {QUIT[language]} " not in f" {bar} ", bar
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, RoomScreen)
