"""bugs20 left: the room's French title wrapped its warning's id onto a second line at 120
columns ("‼ 2 séances utilisent l'identifiant du candidat" / "c0002"): the proctor reads
the warning for the id. The warning is kept whole on one line, in every language."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.eventlog import EventLogWriter, Signer
from helpdesk_tui.sitting.room import Room
from helpdesk_tui.ui.room.app import RoomApp

from ..review.logs import bound, bound_header, screen_text, simulated_events

TITLE = "Stad Lindeveld, examen helpdesk operator, voormiddag 5 december"


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
@pytest.mark.parametrize("width", [100, 120])
async def test_the_claim_warning_keeps_its_id_on_its_line(
    tmp_path: Path, lang: str, width: int
) -> None:
    events = simulated_events("ideal")
    folder = tmp_path / "am"
    writers = []
    first = dataclasses.replace(bound_header(), candidate_id="c0002", session_id="a" * 32)
    for name, header in (
        ("seat-07", first),
        ("seat-12", dataclasses.replace(first, session_id="b" * 32)),
    ):
        (folder / name).mkdir(parents=True)
        writer = EventLogWriter.create(folder / name / "exam.jsonl", header, Signer.ephemeral())
        for event in events[:30]:
            writer.append(bound(writer, event))
        writers.append(writer)
    i18n.set_language(lang)
    try:
        app = RoomApp(Room(folder), title=TITLE, poll_interval=None)
        async with app.run_test(size=(width, 40)) as pilot:
            await pilot.pause()
            lines = screen_text(app).splitlines()[:4]
    finally:
        i18n.set_language("en")
        for writer in writers:
            writer.close()
    warned = [line for line in lines if "‼" in line]
    assert warned and "c0002" in warned[0], lines
