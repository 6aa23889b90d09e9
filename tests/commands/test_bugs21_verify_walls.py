"""sec19 left: `verify` did not compare walls. The exam server's wall clock may be stepped
(NTP, `date -s`), so a wall that goes back inside a log, or one in year 9999, must not fail
a log whose exam time runs on; but an assessor must be told, in their language, where it
happened (a re-signed log with every wall an hour back verified with no word)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import pytest

from helpdesk_tui.cli import main
from helpdesk_tui.core.events import Event
from helpdesk_tui.eventlog import Signer, generate_keypair, load_private_key
from helpdesk_tui.eventlog.testing import sample_events, sample_header, write_log

NOTE_WORDS = {  # a word of each language's note that the clean log's output lacks
    "en": ("went back", "later than this computer's clock"),
    "nl": ("terug", "later dan de klok van deze computer"),
    "fr": ("recul", "plus tard que l'horloge de cet ordinateur"),
}


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Signer]:
    directory = tmp_path_factory.mktemp("centre") / "keys"
    generate_keypair(directory)
    return directory / "exam-centre.pub", load_private_key(directory / "exam-centre.key")


def walls_moved(events: list[Event], at: int, wall: str) -> list[Event]:
    """The events with the wall of event `at` replaced (the exam time left as it was)."""
    return [dataclasses.replace(e, wall_time=wall) if i == at else e for i, e in enumerate(events)]


def log_with(path: Path, signer: Signer, at: int | None, wall: str, **options: str | None) -> Path:
    """Ten events, signed by the centre, event `at`'s wall replaced (None: as written)."""
    events = sample_events(10, seed=2)
    moved = events if at is None else walls_moved(events, at, wall)
    return write_log(path, sample_header(), signer, moved, **options)  # type: ignore[arg-type]


def run(capsys: pytest.CaptureFixture[str], log: Path, pub: Path, lang: str) -> tuple[int, str]:
    code = main(["verify", str(log), "--pubkey", str(pub), "--lang", lang])
    out = capsys.readouterr().out
    assert "Traceback" not in out
    return code, out


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_a_wall_stepped_back_is_a_note_naming_its_line(
    tmp_path: Path, centre: tuple[Path, Signer], capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    pub, signer = centre
    code_clean, out_clean = run(
        capsys, log_with(tmp_path / "clean.jsonl", signer, None, ""), pub, lang
    )
    back_wall = "2025-03-03T08:00:00.000Z"  # an hour before the session started
    code, out = run(capsys, log_with(tmp_path / "stepped.jsonl", signer, 5, back_wall), pub, lang)
    assert code == code_clean == 0  # a note, not a fault
    back = NOTE_WORDS[lang][0]
    assert back not in out_clean
    note = next(line for line in out.splitlines() if back in line)
    assert "2025-03-03T08:00:00.000Z" in note and "7" in note  # event 5 is line 7 (header, +1)


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_a_wall_in_year_9999_is_a_note(
    tmp_path: Path, centre: tuple[Path, Signer], capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    pub, signer = centre
    log = log_with(tmp_path / "far.jsonl", signer, 9, "9999-12-31T23:59:59.000Z", seal=None)
    code, out = run(capsys, log, pub, lang)
    assert code == 3 and "FAILED" not in out  # unsealed (no seal written), not a fault
    assert NOTE_WORDS[lang][1] in out and "9999-12-31T23:59:59.000Z" in out


def test_walls_that_only_move_on_give_no_note() -> None:
    """Fed as the verifier's loop feeds them: a wall that sorts before the last, or is
    written otherwise, is read as a time; 09:00 UTC written +01:00 is no step back."""
    from helpdesk_tui.commands.verify import wall_notes
    from helpdesk_tui.eventlog.verifier import Summary

    summary = Summary()
    walls = ["2026-12-05T09:00:00.000Z", "2026-12-05T09:00:00.000Z", "2026-12-05T09:00:00.400Z",
             "2026-12-05T10:00:00+01:00", "2026-12-05T09:00:01Z", "2026-12-05T09:30:00.000Z"]  # fmt: skip
    last = walls[0]
    for line, wall in enumerate(walls[1:], 2):
        if wall < last or len(wall) != len(last):
            summary.walls.see(line, line - 1, last, wall)
        last = wall
    summary.ended, summary.ended_line = last, len(walls)
    assert wall_notes(summary, datetime(2026, 12, 5, 12, tzinfo=UTC)) == []
    summary.walls.see(7, 6, "2026-12-05T09:30:00.000Z", "2026-12-05T09:29:58.000Z")
    summary.walls.see(8, 7, "2026-12-05T09:29:58.000Z", "2026-12-05T09:00:00.000Z")
    assert summary.walls.steps_back == 2 and summary.walls.first_back is not None
    assert summary.walls.first_back.line == 7
    summary.ended, summary.ended_line = "2026-12-05T09:00:00.000Z", 8
    assert summary.walls.latest(summary.ended, 8) == ("2026-12-05T09:30:00.000Z", 6)
