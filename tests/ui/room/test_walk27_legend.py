"""walk27: at 80 x 24 (the smallest screen the exam supports) the room's legend under the
table was cut after its second line: in Dutch "Actief: sinds de laatste handeling" never
showed, so the proctor could not read what the last column means. The legend is whole at
80 columns in every language."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.eventlog import EventLogWriter, Signer
from helpdesk_tui.sitting.room import Room
from helpdesk_tui.ui.room.app import RoomApp

from ..review.logs import bound, bound_header, screen_text, simulated_events

LAST_ITEM = {
    # the legend's last item as the catalogue translates it (helpdesk_exam.po)
    "en": "Active: since the last action",
    "nl": "Actief: sinds de laatste handeling",
    "fr": "Actif : depuis la dernière action",
}


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
async def test_the_legend_is_whole_at_80_by_24(tmp_path: Path, lang: str) -> None:
    folder = tmp_path / "am"
    (folder / "c0001").mkdir(parents=True)
    writer = EventLogWriter.create(
        folder / "c0001" / "exam.jsonl", bound_header(), Signer.ephemeral()
    )
    try:
        for event in simulated_events("ideal")[:20]:
            writer.append(bound(writer, event))
        i18n.set_language(lang)
        app = RoomApp(Room(folder), title="am", poll_interval=None)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            lines = screen_text(app).splitlines()
    finally:
        i18n.set_language("en")
        writer.close()
    below_the_panel = lines[max(i for i, line in enumerate(lines) if "╰" in line) + 1 : -1]
    words = " ".join(" ".join(below_the_panel).split())
    assert words.endswith(LAST_ITEM[lang]), lines[-5:]
