"""sec20: a log's own words reached the room and `observe` as Textual markup.

The room's candidate cell was a `str` (DataTable reads a str cell as markup) and
observe's banner a joined `str` (a Static reads it as markup). A log's header names the
candidate and a forged record names its key, both before any signature is checked:
"[@click=app.quit]Bob[/] c0003" showed as "Bob c0003", another candidate's id, and a
click on it quit the proctor's room; a seal "signed with key [@click=app.quit]..." did
the same to `observe`. The proctor must read the log's words as written, brackets and all.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from helpdesk_tui.eventlog import EventLogWriter, Signer
from helpdesk_tui.eventlog.follow import LogFollower
from helpdesk_tui.eventlog.testing import build_log_bytes
from helpdesk_tui.sitting.room import Room
from helpdesk_tui.ui.observe.app import ObserveApp
from helpdesk_tui.ui.room.app import RoomApp

from ..review.logs import bound, bound_header, screen_text, simulated_events
from ..review.test_bidi_on_screen import terminal_bytes

CLAIM = "[@click=app.quit]Bob[/] [reverse]c0003[/reverse]"


async def test_the_room_shows_a_candidate_id_with_markup_as_written(tmp_path: Path) -> None:
    events = simulated_events("ideal")[:20]
    header = dataclasses.replace(bound_header(), candidate_id=CLAIM, session_id="a" * 32)
    (tmp_path / "seat-07").mkdir()
    writer = EventLogWriter.create(tmp_path / "seat-07" / "exam.jsonl", header, Signer.ephemeral())
    for event in events:
        writer.append(bound(writer, event))
    try:
        app = RoomApp(Room(tmp_path), title="T", poll_interval=None)
        async with app.run_test(size=(140, 30)) as pilot:
            await pilot.pause()
            assert CLAIM in screen_text(app)
            row = next(i for i, line in enumerate(screen_text(app).splitlines()) if "Bob" in line)
            await pilot.click(offset=(3, row))  # on "Bob": the markup's click would quit
            await pilot.pause()
            assert app.is_running
    finally:
        writer.close()


def forged_seal_key(path: Path) -> Path:
    """The ideal run's log with its seal's key field rewritten: the follower names the key
    it found before it checks the signature."""
    data = build_log_bytes(bound_header(), Signer.ephemeral(), simulated_events("ideal")[:20])
    *lines, seal_line = data.rstrip(b"\n").split(b"\n")
    seal = json.loads(seal_line)
    seal["data"]["key"] = "[@click=app.quit]SHA256:fine[/] [reverse]ok[/]"
    forged = json.dumps(seal, separators=(",", ":"), sort_keys=True).encode()
    path.write_bytes(b"\n".join([*lines, forged]) + b"\n")
    return path


async def test_observe_shows_a_fault_quoting_markup_as_written(tmp_path: Path) -> None:
    follower = LogFollower(forged_seal_key(tmp_path / "forged.jsonl"), recheck_every=0)
    app = ObserveApp(follower, None, poll_interval=None)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        row = next(i for i, line in enumerate(lines) if "BROKEN:" in line)
        assert "key [@click=app.quit]SHA256:fine[/] [reverse]ok[/]" in lines[row]
        await pilot.click(offset=(lines[row].index("SHA256"), row))
        await pilot.pause()
        assert app.is_running


async def test_the_room_shows_a_log_named_with_escapes_as_pictures(tmp_path: Path) -> None:
    """A log named "a ESC ] 0 ; PWNED BEL ESC [ 2 J LF b.jsonl" in the sitting's folder:
    the detail panel wrote its name, escapes and all, to the proctor's terminal."""
    name = "a\x1b]0;PWNED\x07\x1b[2J\nb.jsonl"
    header = dataclasses.replace(bound_header(), session_id="a" * 32)
    writer = EventLogWriter.create(tmp_path / name, header, Signer.ephemeral())
    for event in simulated_events("ideal")[:20]:
        writer.append(bound(writer, event))
    (tmp_path / "c\x1b[2Jd.jsonl").write_bytes(b"")  # no header: the name is the id
    try:
        app = RoomApp(Room(tmp_path), title="T", poll_interval=None)
        async with app.run_test(size=(140, 30)) as pilot:
            await pilot.pause()
            seen = ""
            for _row in range(2):  # each row's detail in turn
                written = terminal_bytes(app)
                assert "\x1b]0;PWNED" not in written
                assert "\x1b[2J" not in written and "\x07" not in written
                seen += screen_text(app)
                await pilot.press("down")
                await pilot.pause()
            assert "a␛]0;PWNED␇␛[2J␊b.jsonl" in seen
            assert "c␛[2Jd.jsonl" in seen
    finally:
        writer.close()
