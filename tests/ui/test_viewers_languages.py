"""The viewers (`review`, `observe`, `room`) in every UI language at 100 x 30 (issue 14):
every key their footer shows is visible whole, and the notices the exam showed the
candidate are said in the viewer's language, not the English of the log.

A log is played headless (the ideal candidate) and given the notices the exam
would have logged (`notice_shown`: one after each chat, call and e-mail), in the
log format of this version (message id and values). The English fragments come
from the catalogue, as in `test_languages_small.py`.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.cli import main
from helpdesk_tui.core import notices
from helpdesk_tui.core.events import Event, make_event
from helpdesk_tui.eventlog import EventLogWriter, Signer
from helpdesk_tui.eventlog.follow import LogFollower
from helpdesk_tui.eventlog.testing import bound_to, build_log_bytes
from helpdesk_tui.sitting.room import Room
from helpdesk_tui.ui.observe.app import ObserveApp
from helpdesk_tui.ui.review.app import ReviewApp
from helpdesk_tui.ui.review.session import open_review
from helpdesk_tui.ui.room.app import RoomApp

from .review.logs import (
    WALL_START,
    bound_header,
    feed_words,
    screen_text,
    simulated_events,
    write_log,
)
from .test_languages_small import _as_words, english_fragments

SIZE = (100, 30)


def with_notices(events: list[Event]) -> list[Event]:
    """The events, each chat, call and e-mail followed by the notice the exam showed."""
    names = {c["id"]: c["name"] for c in events[0].data["customers"]}
    out: list[Event] = []
    for event in events:
        out.append(event)
        d = event.data
        if event.type == "email_received":
            values = {
                "ticket": d["ticket_id"],
                "name": names[d["customer_id"]],
                "title": d["title"],
            }
            msgid, extra = notices.NEW_EMAIL, {"ticket_id": d["ticket_id"]}
        elif event.type in ("chat_opened", "call_started"):
            values = {"name": names[d["customer_id"]]}
            msgid = notices.CALLING if event.type == "call_started" else notices.NEW_CHAT
            extra = {"conversation_id": d["conversation_id"]}
        else:
            continue
        data = {"ref_seq": len(out), "msgid": msgid, "values": values, **extra}
        out.append(make_event("notice_shown", data, event.exam_time, event.wall_time))
    return out


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return with_notices(simulated_events("ideal"))


def live_log(path: Path, events: list[Event], until: int) -> Path:
    header = bound_header()
    writer = EventLogWriter.create(path, header, Signer.ephemeral())
    for event in bound_to(
        header, events[:until]
    ):  # the run's own candidate and session: not this header's
        writer.append(event)
    writer.close()
    return path


def observing(folder: Path, events: list[Event], until: int) -> ObserveApp:
    """`observe` on a live log of the first `until` events, its clock at the last of them."""
    log = live_log(folder / "live.jsonl", events, until)
    now = WALL_START + timedelta(seconds=events[until - 1].exam_time)
    return ObserveApp(
        LogFollower(log, recheck_every=0), None, poll_interval=None, wall_clock=lambda: now
    )


def first_notice(events: list[Event]) -> int:
    """Index of the first notice of a chat (the feed then shows it among its last lines)."""
    return next(
        i
        for i, e in enumerate(events)
        if e.type == "notice_shown" and e.data["msgid"] == notices.NEW_CHAT
    )


def the_notice_in(language: str, event: Event) -> str:
    """What the notice says in `language`, from the catalogue (not from the viewers)."""
    return i18n.gettext_in(language, event.data["msgid"]).format(**event.data["values"])


def english_left(text: str, language: str) -> list[str]:
    return [f for f in english_fragments(language) if f in text and _as_words(f, text)]


def footer_problems(app: Any) -> list[str]:
    """Each key the screen's footer shows, as "key description", must be on its last lines
    whole; and no "more keys" marker (at 100 columns a viewer shows all its keys)."""
    by_action: dict[str, list[Any]] = {}
    for active in app.screen.active_bindings.values():
        if active.binding.show:
            by_action.setdefault(active.binding.action, []).append(active.binding)
    bottom = "  ".join(screen_text(app).splitlines()[-3:]) + " "
    labels = {
        action: [f" {app.get_key_display(b)} {b.description} " for b in keys]
        for action, keys in by_action.items()
    }  # an action with two keys (q and ^Q) shows one of them
    missing = [v[0] for v in labels.values() if not any(label in bottom for label in v)]
    more = [i18n._("more keys")] if i18n._("more keys") in bottom else []
    return missing + more


@pytest.mark.parametrize("language", ["nl", "fr"], indirect=True)
async def test_review_says_the_notices_in_the_assessors_language(
    tmp_path: Path, events: list[Event], language: str
) -> None:
    log = write_log(tmp_path / "exam.jsonl", events)
    session = open_review(log, "An Peeters")
    index = next(i for i, e in enumerate(session.replay.events) if e.type == "notice_shown")
    notice = session.replay.events[index]
    app = ReviewApp(session, ui_language=language)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g", *f"#{session.replay.seqs[index]}", "enter", "4")
        await pilot.pause()
        text = screen_text(app)
        assert the_notice_in(language, notice) in text
        assert english_left(text, language) == []


@pytest.mark.parametrize("language", ["nl", "fr"], indirect=True)
async def test_observe_says_the_notices_in_the_proctors_language(
    tmp_path: Path, events: list[Event], language: str
) -> None:
    until = first_notice(events) + 1
    app = observing(tmp_path, events, until)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        feed = feed_words(app.screen)  # the feed wraps to its area
        assert the_notice_in(language, events[until - 1]) in feed
        for text in (screen_text(app), feed):
            assert english_left(text, language) == []


LANGUAGES = ["en", "nl", "fr"]


@pytest.mark.parametrize("language", LANGUAGES, indirect=True)
async def test_every_key_of_the_reviews_footer_is_visible_at_100x30(
    tmp_path: Path, events: list[Event], language: str
) -> None:
    log = write_log(tmp_path / "exam.jsonl", events)
    app = ReviewApp(open_review(log, "An Peeters"), ui_language=language)
    async with app.run_test(size=SIZE) as pilot:
        for tab in ("1", "2", "3", "4"):  # what the footer shows changes with the focus
            await pilot.press(tab)
            await pilot.pause()
            assert footer_problems(app) == [], tab


@pytest.mark.parametrize("language", LANGUAGES, indirect=True)
async def test_every_key_of_observes_footer_is_visible_at_100x30(
    tmp_path: Path, events: list[Event], language: str
) -> None:
    app = observing(tmp_path, events, 200)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert footer_problems(app) == []


@pytest.mark.parametrize("language", LANGUAGES, indirect=True)
async def test_every_key_of_the_rooms_footer_is_visible_at_100x30(
    tmp_path: Path, events: list[Event], language: str
) -> None:
    folder = tmp_path / "am"
    for candidate in ("c0001", "c0002"):
        path = folder / candidate / "exam.jsonl"
        path.parent.mkdir(parents=True)
        header = dataclasses.replace(
            bound_header(), candidate_id=candidate, session_id=candidate.ljust(32, "0")
        )
        writer = EventLogWriter.create(path, header, Signer.ephemeral())
        for event in events[:150]:
            writer.append(event)
        writer.close()
    now = WALL_START + timedelta(seconds=events[149].exam_time)
    app = RoomApp(Room(folder), title="am", poll_interval=None, wall_clock=lambda: now)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert footer_problems(app) == []
        await pilot.press("enter")  # the observer opened from the room
        await pilot.pause()
        assert footer_problems(app) == []


def schema_1(events: list[Event]) -> list[Event]:
    """The same exam as a version before event schema 2 logged it: notices as English text."""
    out = []
    for event in events:
        data = dict(event.data)
        if event.type == "session_started":
            data["schema_version"] = 1
        if event.type == "notice_shown":
            data["text"] = data.pop("msgid").format(**data.pop("values"))
        out.append(make_event(event.type, data, event.exam_time, event.wall_time))
    return out


@pytest.mark.parametrize("language", ["fr"], indirect=True)
async def test_a_schema_1_log_still_verifies_reports_and_shows_its_notices_translated(
    tmp_path: Path, events: list[Event], language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    old = schema_1(events)
    log = tmp_path / "exam.jsonl"
    log.write_bytes(
        build_log_bytes(
            dataclasses.replace(bound_header(), event_schema=1),
            Signer.ephemeral(),
            old,
            seal="time-up",
        )
    )
    assert main(["verify", str(log)]) == 0
    assert main(["report", str(log), "--json", str(tmp_path / "report.json")]) == 0
    session = open_review(log, "An Peeters")
    index = next(i for i, e in enumerate(session.replay.events) if e.type == "notice_shown")
    assert "text" in session.replay.events[index].data
    app = ReviewApp(session, ui_language=language)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g", *f"#{session.replay.seqs[index]}", "enter", "4")
        await pilot.pause()
        text = screen_text(app)
        assert the_notice_in(language, events[index]) in text
        assert english_left(text, language) == []
