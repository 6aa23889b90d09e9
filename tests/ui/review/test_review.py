"""The review TUI with Pilot: scrubbing, jumps to evidence, verdicts saved bound and signed."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from textual import events

from helpdesk_tui.assess.pipeline import LogBytes
from helpdesk_tui.assess.verdicts import load_verdicts, save_verdicts, verdicts_for_log
from helpdesk_tui.core.reducer import reduce
from helpdesk_tui.eventlog import generate_keypair, load_public_key
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS
from helpdesk_tui.ui.review.app import ReviewApp
from helpdesk_tui.ui.review.dialogs import CommentDialog, ConfirmLeave, JumpDialog, KeysHelp
from helpdesk_tui.ui.review.screen import ReviewScreen
from helpdesk_tui.ui.review.session import ReviewError, ReviewSession, default_out, open_review

from .logs import SIZE, screen_text


def app_for(log: Path, **options: object) -> ReviewApp:
    return ReviewApp(open_review(log, "An Peeters", **options))  # type: ignore[arg-type]


def review(app: ReviewApp) -> ReviewScreen:
    assert isinstance(app.screen, ReviewScreen), app.screen
    return app.screen


def expected_state(session: ReviewSession, index: int) -> object:
    replay = session.replay
    return reduce(list(zip(replay.seqs[:index], replay.events[:index], strict=True)))


async def test_the_scrubber_steps_records_minutes_and_ends(naive_log: Path) -> None:
    app = app_for(naive_log)
    async with app.run_test(size=SIZE) as pilot:
        screen = review(app)
        replay = screen.replay
        assert screen.index == len(replay)  # it opens at the end of the log
        await pilot.press("home")
        assert screen.index == 1 and screen.seq == replay.seqs[0]
        assert screen.state.started and not screen.state.tickets
        await pilot.press("right", "right", "right")
        assert screen.index == 4
        await pilot.press("left")
        assert screen.index == 3
        assert screen.state == expected_state(app.session, 3)
        before = screen.moment
        await pilot.press("shift+right")
        assert screen.moment == before + 60
        assert screen.index == replay.index_at_time(before + 60)
        await pilot.press("shift+left", "shift+left")
        assert screen.moment == max(0.0, before - 60)
        await pilot.press("end")
        assert screen.index == len(replay)
        assert screen.state == expected_state(app.session, len(replay))


async def test_go_to_a_time_shows_the_queue_as_it_was(naive_log: Path) -> None:
    app = app_for(naive_log)
    async with app.run_test(size=SIZE) as pilot:
        screen = review(app)
        await pilot.press("g")
        assert isinstance(app.screen, JumpDialog)
        await pilot.press(*"0:10:00", "enter")
        assert screen.moment == 600.0
        index = screen.replay.index_at_time(600.0)
        state = expected_state(app.session, index)
        assert screen.state.tickets == state.tickets  # type: ignore[attr-defined]
        shown = {row.key.value for row in screen.queue.ordered_rows}
        assert shown == set(state.tickets)  # type: ignore[attr-defined]
        assert "00:10:00" in screen_text(app)
        await pilot.press("g", *"#40", "enter")
        assert screen.seq == 40
        await pilot.press("g", *"soon", "enter")
        assert isinstance(app.screen, JumpDialog)  # refused, says why, stays open
        assert "is not a time" in screen_text(app)
        await pilot.press("escape")
        assert app.screen is screen and screen.seq == 40


async def test_enter_on_an_evidence_record_jumps_there_and_shows_what_it_concerns(
    naive_log: Path,
) -> None:
    app = app_for(naive_log)
    evidence = app.session.assessed.evidence
    cid = next(c for c in COMPETENCY_IDS if any(i.seqs for i in evidence.for_competency(c)))
    items = evidence.for_competency(cid)
    first = next(i for i in items if i.seqs)
    async with app.run_test(size=SIZE) as pilot:
        screen = review(app)
        screen.competencies.highlighted = COMPETENCY_IDS.index(cid)
        await pilot.pause()
        assert screen.competency == cid and screen.evidence_list.competency == cid
        await pilot.press("enter")  # on to the evidence
        assert app.focused is screen.evidence_list
        await pilot.press("enter")  # the first item: its first record
        assert screen.seq == first.seqs[0]
        assert screen.state == expected_state(
            app.session, screen.replay.index_of_seq(first.seqs[0])
        )
        await pilot.press("down", "enter")  # the record under it
        assert screen.seq == first.seqs[0]


async def test_brackets_step_through_the_competencys_records(naive_log: Path) -> None:
    app = app_for(naive_log)
    evidence = app.session.assessed.evidence
    cid = max(
        COMPETENCY_IDS, key=lambda c: len({s for i in evidence.for_competency(c) for s in i.seqs})
    )
    seqs = sorted({s for i in evidence.for_competency(cid) for s in i.seqs})
    assert len(seqs) >= 3
    async with app.run_test(size=SIZE) as pilot:
        screen = review(app)
        screen.competencies.highlighted = COMPETENCY_IDS.index(cid)
        await pilot.press("home", "right_square_bracket")
        assert screen.seq == seqs[0]
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert screen.seq == seqs[2]
        await pilot.press("left_square_bracket")
        assert screen.seq == seqs[1]
        assert f"{cid} record 2/{len(seqs)}" in screen_text(app)
        await pilot.press("end", "right_square_bracket")
        assert screen.index == len(screen.replay)  # nothing after: stays, and says so


async def test_a_jump_to_a_conversation_record_shows_that_conversation(naive_log: Path) -> None:
    app = app_for(naive_log)
    replay = app.session.replay
    index = next(i for i, e in enumerate(replay.events) if e.type == "customer_message")
    conv = replay.events[index].data["conversation_id"]
    async with app.run_test(size=SIZE) as pilot:
        screen = review(app)
        screen.go_to_seq(replay.seqs[index])
        await pilot.pause()
        assert screen.tabs.active == "tab-conversation"
        assert screen.query_one("#rv-conversations").current_id == conv  # type: ignore[attr-defined]
        await pilot.press("4")
        assert screen.tabs.active == "tab-records"
        assert f"#{replay.seqs[index]}" in screen_text(app)


async def test_verdicts_are_saved_bound_to_the_log_and_signed(
    naive_log: Path, tmp_path: Path
) -> None:
    keys = tmp_path / "keys"
    generate_keypair(keys)
    app = app_for(naive_log, key=keys / "exam-centre.key")
    async with app.run_test(size=SIZE) as pilot:
        screen = review(app)
        await pilot.press("p", "down", "n", "down", "o", "down", "p", "u")
        await pilot.press("c")
        assert isinstance(app.screen, CommentDialog)
        await pilot.press(*"both calls", "ctrl+s")
        assert app.screen is screen and screen.dirty
        assert "● unsaved" in screen_text(app)
        await pilot.press("ctrl+s")
        assert not screen.dirty
    out = default_out(naive_log, "An Peeters")
    assert out.name == "exam.jsonl.verdicts.An-Peeters.json"
    saved = load_verdicts(out, load_public_key(keys / "exam-centre.pub"))
    assert saved.log_sha256 == hashlib.sha256(naive_log.read_bytes()).hexdigest()
    assert saved.assessor == "An Peeters" and saved.signed_by is not None
    assert [saved.verdict(c) for c in COMPETENCY_IDS[:4]] == [
        "proven",
        "not_proven",
        "not_observed",
        None,
    ]
    assert saved.items[COMPETENCY_IDS[3]].comment == "both calls"


async def test_leaving_with_unsaved_verdicts_asks_first(naive_log: Path) -> None:
    app = app_for(naive_log)
    async with app.run_test(size=SIZE) as pilot:
        screen = review(app)
        await pilot.press("p", "q")
        assert isinstance(app.screen, ConfirmLeave)
        await pilot.press("escape")
        assert app.screen is screen and screen.dirty and app.is_running
        await pilot.press("q", "s")
    out = default_out(naive_log, "An Peeters")
    assert json.loads(out.read_text())["verdicts"][COMPETENCY_IDS[0]]["verdict"] == "proven"
    assert "signature" not in json.loads(out.read_text())  # no --key: unsigned


async def test_leaving_without_saving_writes_nothing(naive_log: Path) -> None:
    app = app_for(naive_log)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "ctrl+q", "d")
        assert not app.is_running
    assert not default_out(naive_log, "An Peeters").exists()


async def test_an_own_sheet_is_continued(naive_log: Path) -> None:
    sheet = verdicts_for_log(naive_log, "An Peeters")
    sheet.set("COM-2", "not_proven", "no questions before the answer")
    save_verdicts(default_out(naive_log, "An Peeters"), sheet)
    app = app_for(naive_log)
    assert app.session.resumed
    async with app.run_test(size=SIZE) as pilot:
        screen = review(app)
        screen.competencies.highlighted = COMPETENCY_IDS.index("COM-2")
        await pilot.pause()
        assert "Comment: no questions before the" in screen_text(app)


def test_the_other_assessors_sheet_is_never_opened(naive_log: Path) -> None:
    theirs = naive_log.with_name("exam.jsonl.verdicts.Bo-Claes.json")
    theirs.write_text("{ this is Bo's file and must never be read")
    session = open_review(naive_log, "An Peeters")
    assert session.out != theirs and not session.resumed
    sheet = verdicts_for_log(naive_log, "Bo Claes")
    save_verdicts(theirs, sheet)
    with pytest.raises(ReviewError, match="assessor 'Bo Claes', not yours"):
        open_review(naive_log, "An Peeters", out=theirs)


def test_a_sheet_of_another_log_is_refused(naive_log: Path, tmp_path: Path) -> None:
    sheet = verdicts_for_log(naive_log, "An Peeters")
    sheet.log_sha256 = "0" * 64
    out = tmp_path / "mine.json"
    save_verdicts(out, sheet)
    with pytest.raises(ReviewError, match="bound to another log"):
        open_review(naive_log, "An Peeters", out=out)


def tampered(log: Path) -> Path:
    lines = log.read_bytes().split(b"\n")
    index = next(i for i, line in enumerate(lines) if b'"message_sent"' in line)
    lines[index] = lines[index].replace(b'"text":"', b'"text":"X', 1)
    log.write_bytes(b"\n".join(lines))
    return log


def test_a_tampered_log_is_refused(naive_log: Path) -> None:
    with pytest.raises(ReviewError, match="does not verify") as caught:
        open_review(tampered(naive_log), "An Peeters")
    assert caught.value.exit_code == 1


async def test_unverified_shows_a_red_banner_and_saves_nothing(naive_log: Path) -> None:
    app = app_for(tampered(naive_log), unverified=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = review(app)
        assert "UNVERIFIED" in screen_text(app) and "verdicts cannot be saved" in screen_text(app)
        await pilot.press("p", "ctrl+s")
        assert screen.verdicts.verdict(COMPETENCY_IDS[0]) is None and not screen.dirty
        assert "p n o Verdict" not in screen_text(app)
    assert not default_out(naive_log, "An Peeters").exists()


async def test_f1_lists_every_key(naive_log: Path) -> None:
    app = app_for(naive_log)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, KeysHelp)
        text = screen_text(app)
        for words in (
            "Mark the selected competency proven",
            "One minute of exam time back",
            "Go to an exam time",
        ):
            assert words in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)


def test_layout_snapshot(naive_log_master: Path, snap_compare: object) -> None:
    """The layout at a moment chosen by a jump to an evidence record."""
    session = open_review(
        naive_log_master, "An Peeters", out=naive_log_master.with_name("snap.json")
    )

    async def jump(pilot: object) -> None:
        screen = review(pilot.app)  # type: ignore[attr-defined]
        screen.competencies.highlighted = COMPETENCY_IDS.index("SIM-2")
        screen.go_to_time(600.0)
        await pilot.pause()  # type: ignore[attr-defined]

    assert snap_compare(ReviewApp(session), terminal_size=SIZE, run_before=jump)  # type: ignore[operator]


async def test_verdict_keys_queued_behind_arrows_land_on_the_competency_moved_to(
    naive_log: Path,
) -> None:
    """Keys that queued while the review was busy reach the app back to back (qa-play9):
    a verdict key is a priority binding (acts at once), while Down went to the focused
    list's own queue and moved it later, so "n ↓ n ↓ p" put all three on the first
    competency. Here the keys are posted together, as the driver does with one read."""
    app = app_for(naive_log)
    async with app.run_test(size=SIZE) as pilot:
        screen = review(app)
        await pilot.pause()
        for key in ("n", "down", "n", "down", "p"):
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause()
        got = [screen.verdicts.verdict(c) for c in COMPETENCY_IDS[:4]]
        assert got == ["not_proven", "not_proven", "proven", None]
        assert screen.competency == COMPETENCY_IDS[2]


def test_the_log_is_read_once(naive_log: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """sec-fuzz9: `review` read the log twice (the assessment, then `_same_bytes`)."""
    from helpdesk_tui.eventlog import reader

    opened: list[Path] = []
    real = reader.open_log_file

    def counting(path: Path):  # type: ignore[no-untyped-def]
        opened.append(Path(path))
        return real(path)

    monkeypatch.setattr(reader, "open_log_file", counting)
    session = open_review(naive_log, "An Peeters", out=naive_log.with_suffix(".v.json"))
    assert opened.count(naive_log) == 1, opened
    assert (
        session.assessed.provenance.log_sha256 == hashlib.sha256(naive_log.read_bytes()).hexdigest()
    )


@pytest.mark.parametrize("change", ["append", "replace"])
def test_a_log_changed_between_its_reading_and_the_review_is_refused(
    naive_log: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    """What is reviewed must be what is on disk: a write (or another file moved in its
    place) after the log was read, while it is measured and replayed, refuses the review."""
    from helpdesk_tui.ui.review import session as module

    real = module._replay

    def changing(log: Path, held: LogBytes, *events: object):  # type: ignore[no-untyped-def]
        if change == "append":
            with log.open("ab") as handle:
                handle.write(b"\n")
        else:  # the same bytes, another file: a swap keeps the size, not the inode
            other = log.with_name("other.jsonl")
            other.write_bytes(held.bytes())
            other.replace(log)
        return real(log, held, *events)

    monkeypatch.setattr(module, "_replay", changing)
    with pytest.raises(ReviewError, match="changed while it was being verified") as caught:
        open_review(naive_log, "An Peeters", out=naive_log.with_suffix(".v.json"))
    assert caught.value.exit_code == 1
