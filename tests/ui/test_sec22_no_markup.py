"""sec22: no text from outside is ever read as markup, anywhere.

A "[" typed into the queue search crashed the exam unsealed (pty21 escaped that one title);
a scenario's customer named `Marc [a="b` did the same through the reply box's placeholder
(found here), and `[@click=app.quit]x[/]` in a log made a link that ended the room (sec20).
Our apps now read no markup at all (`ui.edges.read_no_markup`): these tests type markup and
control characters into every box the candidate has, load a scenario whose names, subjects
and KB titles carry markup, and show a log carrying them to the review, `observe` and the
room. Each expects the text shown as written and the app still running; the strings are
Textual's own markup syntax (its docs), not taken from the code under test.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from rich.text import Text
from textual import events
from textual.content import Content
from textual.widgets import Input, Static

from helpdesk_tui.core.events import Event
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.ui.edges import TEXTUAL_MARKUP
from helpdesk_tui.ui.review.app import ReviewApp
from helpdesk_tui.ui.review.session import open_review

from .conftest import MINI, SIZE, Rig, make_rig, screen_text
from .review.logs import simulated_events, write_log
from .test_viewers_languages import observing

TYPED = (
    "[",
    "[/]",
    "[b]x",
    "[link=file:///etc/passwd]x[/link]",
    "[@click=app.quit]x[/]",
    '[a="b',
    "{}",
    "{reason}",
    "%s",
)
"""Markup a candidate can type (Textual's syntax: tags, closing tags, links, click actions,
a tag the parser refuses) and format placeholders (the notices are `str.format`ed)."""


def has_action(content: Content) -> bool:
    """A click action or a link in the content's styles."""
    return any(
        "@click" in getattr(span.style, "meta", {}) or "link" in str(span.style)
        for span in content.spans
    )


def test_textual_would_have_read_these_as_markup() -> None:
    """The premise: Textual's own parser makes styles, links and actions of them (or fails)."""
    made = TEXTUAL_MARKUP("[@click=app.quit]x[/]")
    assert made.plain == "x" and made.spans
    with pytest.raises(Exception, match="markup"):
        TEXTUAL_MARKUP('[a="b')


@pytest.mark.parametrize("text", TYPED)
def test_our_apps_read_a_str_as_it_is(text: str) -> None:
    shown = Content.from_markup(text)
    assert shown.plain == text and not has_action(shown)
    assert Static(text).visual.plain == text  # type: ignore[attr-defined]


def test_a_datatable_str_cell_is_plain() -> None:
    from textual.widgets import _data_table

    cell = _data_table.default_cell_formatter("[@click=app.quit]x[/] [b]y")
    assert cell.plain == "[@click=app.quit]x[/] [b]y"
    assert not cell.spans


async def paste(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """A bracketed paste into the focused box (the way a 10,000-character line comes)."""
    pilot.app.screen.focused.post_message(events.Paste(text))
    await pilot.pause()


@pytest.mark.parametrize("typed", TYPED)
async def test_markup_typed_into_every_box_is_shown_and_logged_as_typed(
    rig: Rig, typed: str
) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f", *typed)  # the queue search
        await pilot.pause()
        assert app.is_running and typed in screen_text(app)  # its box, the queue's title
        await pilot.press("escape", "f5", *typed, "enter")  # the KB search
        await pilot.pause()
        assert app.is_running and app.screen.query_one("#kb-query", Input).value == typed
        assert rig.last("kb_searched")["query"] == typed
        app.advance(70)  # Anna's chat has opened
        await pilot.pause()
        await pilot.press("f4", *typed, "enter")  # a chat reply
        await pilot.pause()
        assert app.is_running and typed in screen_text(app)
        assert rig.last("message_sent")["text"] == typed
        await pilot.press("f2", "enter", "i", *typed, "ctrl+s")  # a note on the ticket
        await pilot.pause()
        assert app.is_running
        assert rig.last("note_added")["text"] == typed
        await pilot.press("n", *typed)  # a new ticket's title, then Save with it unfinished
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running and typed in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running


@pytest.mark.parametrize("pasted", ["\x1b[2J\x1b]0;PWNED\x07", "[b]" + "x" * 10_000])
async def test_control_characters_and_a_long_line_pasted_leave_the_exam_running(
    rig: Rig, pasted: str
) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await paste(pilot, pasted)
        app.advance(70)
        await pilot.pause()
        await pilot.press("f4")
        await paste(pilot, pasted)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        shown = screen_text(app)
        assert "\x1b" not in shown and "\x07" not in shown
        if pasted.startswith("[b]"):
            assert "[b]xxxx" in shown


HOSTILE = {
    '"Anna Peeters"': '"Anna [b]Peeters[/b] [@click=app.quit]A1[/]"',
    '"Marc Dubois"': '"Marc [i]Dubois[/i] [a=\\"b"',
    '"Printer on floor 2 offline"': '"Printer [u]S1[/u] offline"',
    '"Network team"': '"Network [b]G1[/b]"',
    '"Accounts and access"': '"Accounts [a=\\"b C1"',
    'title = "Greeting"': 'title = "Greet [b]N1[/b]"',
    '"Hi, I am locked out of my account."': '"Hi [b]X1[/b] locked [a=\\"b"',
    'title = "Mini desk"': 'title = "Mini [@click=app.quit]D1[/] desk"',
}
"""A scenario file's names, subjects, group, category, canned title, message and title
with markup (a hostile or careless author)."""


@pytest.fixture
def hostile(tmp_path: Path) -> Rig:
    folder = tmp_path / "mini-desk"
    shutil.copytree(MINI, folder)
    toml = (folder / "scenario.toml").read_text(encoding="utf-8")
    for plain, marked in HOSTILE.items():
        assert plain in toml
        toml = toml.replace(plain, marked)
    (folder / "scenario.toml").write_text(toml, encoding="utf-8")
    kb = folder / "kb" / "kb-lockout.md"
    kb.write_text(
        kb.read_text(encoding="utf-8").replace(
            "title: Account locked out", 'title: Account [@click=app.quit]K1[/] [a="b'
        ),
        encoding="utf-8",
    )
    return make_rig(load_scenario(folder))


async def test_a_scenario_with_markup_is_shown_as_written(hostile: Rig) -> None:
    app = hostile.app()
    async with app.run_test(size=SIZE) as pilot:
        app.advance(130)  # the queue ticket, Anna's chat and Marc's call are in
        await pilot.pause()
        shown = screen_text(app)
        for text in (
            "Printer [u]S1[/u] offline",
            "Anna [b]Peeters[/b]",
            'Hi [b]X1[/b] locked [a="b',
        ):
            assert text in shown
        assert "Mini [@click=app.quit]D1[/] desk" in shown
        await pilot.press("f7")  # Marc's call: his name in the reply box's placeholder
        await pilot.pause()
        assert app.is_running and 'Speak to Marc [i]Dubois[/i] [a="b' in screen_text(app)
        await pilot.press("f5", *"account", "enter")
        await pilot.pause()
        assert app.is_running and "Account [@click=app.quit]K1[/]" in screen_text(app)
        for key in ("t", "n", "p", "f8", "r", "s"):  # the forms and pickers on the ticket
            await pilot.press("f2", "enter", key)
            await pilot.pause()
            assert app.is_running, key
            await pilot.press("escape")
        await pilot.pause()
        assert app.is_running


def marked(events: list[Event]) -> list[Event]:
    """A simulated exam's log with markup put into every message, title and subject and
    every customer's name (a hand-made log may hold anything the format allows)."""

    def bent(event: Event) -> Event:
        data = dict(event.data)
        for key in ("text", "title", "subject"):
            if isinstance(data.get(key), str):
                data[key] = f'[@click=app.quit]{data[key]}[/] [a="b'
        if event.type == "session_started":
            data["customers"] = [
                {**c, "name": f"[b]{c['name']}[/b]"} if isinstance(c, dict) and "name" in c else c
                for c in data["customers"]
            ]
        return dataclasses.replace(event, data=data)

    return [bent(e) for e in events]


async def test_the_review_and_observe_show_a_log_with_markup_as_written(tmp_path: Path) -> None:
    events = marked(simulated_events("naive"))
    review = ReviewApp(open_review(write_log(tmp_path / "exam.jsonl", events), "An Peeters"))  # type: ignore[arg-type]
    async with review.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert review.is_running
        assert "[@click=app.quit]" in screen_text(review)
    until = next(i for i, e in enumerate(events) if e.type == "customer_message") + 1
    watch = observing(tmp_path, events, until)
    async with watch.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert watch.is_running
        assert "[@click=app.quit]" in screen_text(watch)


async def test_a_refusal_quoting_markup_is_a_plain_notice(rig: Rig) -> None:
    """ "Not accepted: {reason}" is `str.format`ed, then notified: no markup in it is read."""
    app = rig.app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.screen.notify('Not accepted: [a="b [@click=app.quit]x[/]')
        await pilot.pause()
        assert app.is_running
        assert "[@click=app.quit]x[/]" in screen_text(app)


async def placed(pilot, widget: Static, tries: int = 50) -> None:  # type: ignore[no-untyped-def]
    """Wait until the widget is laid out and on top at its third cell, where the click
    aims. The lead's quiet CI run saw this click log nothing under load (`keys == []`, the
    app running), and the product logs every click that reaches the text (`NoWayOut.
    _broker_event`): a miss is the click's. Textual's `Pilot.click` reads the widget's
    region when called, and lands at the screen's (0, 0) while that region is still
    empty; its `pause` judges idleness by CPU time, which a loaded machine can fake."""
    for _ in range(tries):
        region = widget.region
        if region.width > 2 and pilot.app.get_widget_at(region.x + 2, region.y)[0] is widget:
            return
        await pilot.pause()
    raise AssertionError(f"{widget!r} never laid out: {widget.region}")


async def test_a_click_on_text_carrying_an_action_runs_nothing_and_is_logged(rig: Rig) -> None:
    """No str makes an action any more; a Rich `Text` made from markup somewhere still
    could (Textual runs a style's `@click` meta): the click is refused and logged."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        trap = Static(Text.from_markup("[@click=app.quit]QUIT HERE[/]"), id="trap")
        # Into the work grid, docked on top: a widget mounted on the exam's main screen itself
        # after its first layout is never laid out (its region stays empty: in one process,
        # `-n 0`, every time; under xdist when the first layout came before the mount), even
        # with the screen's layout asked for; inside a pane it is (the lead, stop 34).
        trap.styles.dock = "top"
        await app.screen.query_one("#work").mount(trap)
        await placed(pilot, trap)
        landed = await pilot.click(trap, offset=(2, 0))  # on the "I" of "QUIT": the action's span
        assert landed, f"the click missed the text: {trap.region}"
        await pilot.pause()
        assert app.is_running
        rig.controller.flush_blocked(everything=True)
        keys = [e.data["key"] for e in rig.logged("lockdown_key_blocked")]
        assert any(k.startswith("action ") and "app.quit" in k for k in keys), keys


async def test_markup_typed_as_a_proctor_code_is_a_wrong_try_and_never_logged(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The proctor's box, the last box the candidate has: each try is logged (those
    during the wait too, sec22), the text typed never."""
    from tests.runtime.kit import exam_run, logged, make_keys

    keys = make_keys(tmp_path_factory.mktemp("centre") / "keys")
    run = exam_run(tmp_path, keys, monotonic=lambda: 1000.0)  # the wait never runs out
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        for typed in ("[@click=app.quit]x[/]", '[a="b'):
            await pilot.press("f12", *typed, "enter")
            await pilot.pause()
            assert app.is_running and "Wait" in screen_text(app)
            await pilot.press("escape")
    assert logged(run, "lockdown_key_blocked") == [
        {"key": "proctor code: wrong"},
        {"key": "proctor code: during the wait"},
    ]
    text = run.log_path.read_text(encoding="utf-8")
    assert "app.quit" not in text and '[a=\\"b' not in text
