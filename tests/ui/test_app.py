"""The app as a whole: areas and focus, keys and help, quitting, the end, the layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widget import Widget
from textual.widgets import DataTable

from helpdesk_tui.ui import keymap
from helpdesk_tui.ui.screens.confirm import ConfirmQuit
from helpdesk_tui.ui.screens.end import EndScreen
from helpdesk_tui.ui.screens.help import HelpScreen, help_keys
from helpdesk_tui.ui.typing_guard import WAIT_S
from helpdesk_tui.ui.widgets.keybar import KeyBar
from helpdesk_tui.ui.widgets.queue import TicketQueue
from helpdesk_tui.ui.widgets.ticket_detail import TicketDetail

from .conftest import SIZE, Rig, screen_text
from .pilot import at, count_rendered_cells


async def test_the_exam_starts_in_the_queue_and_marks_it(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.focused is app.main.queue and app.main.area == "queue"
        assert app.main.query_one("#queue-area").border_title.startswith("▶ ")
        assert rig.logged("focus_moved") == []  # where the state starts: nothing to log


async def test_single_keys_move_between_the_four_areas(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        for key, area in (("f3", "ticket"), ("f4", "conversation"), ("f5", "kb"), ("f2", "queue")):
            await pilot.press(key)
            assert app.main.area == area
        await pilot.press("2")
        assert app.main.area == "ticket"
        await pilot.press("4")
        assert app.main.area == "kb" and app.focused is app.main.kb.query_input
        logged = [(e.data["area"], e.data.get("target")) for e in rig.logged("focus_moved")]
        assert logged == [
            ("ticket", "T-1001"),
            ("conversation", "C-anna-lockout"),
            ("kb", None),
            ("queue", None),
            ("ticket", "T-1001"),
            ("kb", None),
        ]


async def test_the_mouse_moves_focus_too(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click("#kb-query")
        assert app.main.area == "kb"
        assert rig.last("focus_moved") == {"area": "kb"}


async def test_clicking_a_queue_row_shows_that_ticket(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 250)  # two tickets
        queue = app.main.queue
        other = next(t for t in ("T-1001", "T-1002") if t != app.main.ticket_id)
        row = queue.get_row_index(other)
        await pilot.click("#queue", offset=(3, 1 + row))  # below the header row
        await pilot.pause()
        assert queue.selected_id == other
        assert app.main.ticket_id == other
        assert app.main.query_one(TicketDetail).ticket_id == other


async def test_letter_keys_type_in_a_text_box(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", "s", "1")
        assert app.main.kb.query_input.value == "s1"
        assert not isinstance(app.screen, type(None)) and app.screen is app.main
        bindings = app.screen.active_bindings
        assert "s" not in bindings and "f2" in bindings and "f1" in bindings


async def test_f1_lists_every_key(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert str(app.screen.query_one("#help-title").render()) == "Keys"
        for phrase in ("Transfer", "F2, 1", "Ctrl+L", "Esc"):
            assert phrase in text
        await pilot.press("escape")
        assert app.screen is app.main


def test_help_covers_the_whole_keymap() -> None:
    practice = help_keys()
    locked = help_keys(locked=True)
    for key in keymap.KEYS:  # each key in the help of the mode it works in
        column = locked if keymap.section_of(key.owner) == "exam" else practice
        assert keymap.display_keys(key) in column, key.id
    assert "Ctrl+Q" not in locked


def test_every_binding_has_an_id_and_a_description() -> None:
    for owner in ("app", "main", "queue", "conversations", "kb", "form", "form_text"):
        for binding in keymap.bindings(owner):
            assert binding.id and binding.description and binding.tooltip
    ids = [key.id for key in keymap.KEYS]
    assert len(ids) == len(set(ids))


async def test_quit_asks_and_ends_the_session(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmQuit)
        await pilot.press("n")
        await pilot.pause()
        assert rig.last("form_cancelled") == {"form": "quit"}
        assert not rig.state.ended
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
    assert app.return_value == "completed"
    assert rig.last("session_ended") == {"reason": "completed"}


@pytest.mark.parametrize("yes", ["j", "o"])  # ja, oui: what the Dutch and French texts say
async def test_quit_understands_yes_in_dutch_and_french(rig: Rig, yes: str) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q", yes)
        await pilot.pause()
    assert app.return_value == "completed"


async def test_locked_mode_has_no_quit_and_no_palette(rig: Rig) -> None:
    app = rig.app(locked=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q", "ctrl+p", "ctrl+c")
        await pilot.pause()
        assert app.screen is app.main
        assert "ctrl+q" not in app.screen.active_bindings
        assert not app.ENABLE_COMMAND_PALETTE
        await app.action_quit()
        await pilot.pause()
        assert app.is_running and not rig.state.ended


async def test_time_up_shows_the_end_and_leaves(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, rig.state.duration_s + 5)
        await pilot.pause()
        assert isinstance(app.screen, EndScreen)
        assert "Time is up" in screen_text(app)
        assert rig.last("session_ended") == {"reason": "time-up"}
        assert rig.logged("session_ended")[-1].exam_time == rig.state.duration_s
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_value == "time-up"


@pytest.mark.parametrize("size", [(120, 40), (100, 30)])
async def test_all_four_areas_fit(rig: Rig, size: tuple[int, int]) -> None:
    app = rig.app()
    async with app.run_test(size=size) as pilot:
        await at(pilot, 130)
        for area in ("#queue-area", "#ticket-area", "#conversation-area", "#kb-area"):
            region = app.main.query_one(area).region
            assert region.width >= 30 and region.height >= 12, (area, region)
        text = screen_text(app)
        for word in ("SLA left", "Practice time", "Time left", "Write to Anna"):  # a practice
            assert word in text
        assert "F1 Keys" in text or text.rstrip().endswith("F1 more keys")  # help is one key away
        header = next(line for line in text.splitlines() if "SLA left" in line)
        for label in ("ID", "Pri", "Title", "Customer", "Status"):
            assert f" {label} " in header, (label, header)
        # (bugs17) the group column goes before the title falls under 20: whole, never cut
        assert " Group" not in header and " Gro" not in header, header


async def test_the_queue_updates_by_difference(rig: Rig, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_clear(self: DataTable, columns: bool = False) -> None:
        raise AssertionError("the queue must not be cleared and refilled")

    monkeypatch.setattr(DataTable, "clear", no_clear)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 250)  # the e-mail ticket has arrived
        queue = app.main.queue
        assert queue.row_count == 2
        before = queue.updates
        await at(pilot, 250.5)  # the same second on screen: nothing to write
        assert queue.updates == before
        await at(pilot, 251.5)
        assert queue.updates - before == 2  # one SLA cell per ticket
        sla = [str(queue.get_cell(t, "sla")) for t in ("T-1001", "T-1002")]
        assert all(cell.strip() for cell in sla)


async def test_sort_and_filter_keys(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 250)
        await pilot.press("o")
        assert "sorted by priority" in app.main.query_one("#queue-area").border_title
        await at(pilot, 250 + WAIT_S)  # "o" then "f" at once is a word typed (typing_guard)
        await pilot.press("f", "f")
        assert "showing at risk" in app.main.query_one("#queue-area").border_title
        await pilot.press("f", "f", "f", "f", "f")
        assert "showing not closed" in app.main.query_one("#queue-area").border_title
        assert app.main.queue.row_count == 2


def test_the_candidate_guide_lists_every_key() -> None:
    guide = (Path(__file__).parents[2] / "docs" / "candidate-guide.md").read_text("utf-8")
    for key in keymap.KEYS:
        shown = keymap.display_keys(key)
        assert f"`{shown}`" in guide or any(f"`{part}`" in guide for part in shown.split(" / ")), (
            key.id
        )


async def test_a_tick_renders_again_only_the_cells_that_changed(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered = count_rendered_cells(monkeypatch)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 250)
        queue = app.main.queue
        sla_column = [c.value for c in queue.columns].index("sla")
        before = [str(queue.get_cell(t, "sla")) for t in ("T-1001", "T-1002")]
        rendered.clear()
        retexted = queue.retexted
        await at(pilot, 251.5)
        after = [str(queue.get_cell(t, "sla")) for t in ("T-1001", "T-1002")]
        assert after != before
        # The two clocks changed in characters only: put into their painted lines, no
        # cell rendered (p-tick12); else those two cells alone would be.
        assert rendered == [] and queue.retexted - retexted == 2, (rendered, sla_column)
        text = screen_text(app)
        assert all(cell.strip() in text for cell in after)


async def test_moving_between_areas_leaves_the_queue_unstyled(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The queue looks the same focused or not, so focus moves skip its restyle."""
    restyled: list[str] = []
    monkeypatch.setattr(TicketQueue, "update_node_styles", lambda self, **kw: restyled.append("q"))
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        queue = app.main.queue
        assert queue.has_focus
        await pilot.press("f4")
        assert not queue.has_focus and app.main.area == "conversation"
        await pilot.press("f2")
        assert queue.has_focus and app.main.area == "queue"
    assert restyled == []


async def test_the_ticket_area_lays_out_again_only_when_its_height_changes(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    laid_out: list[str | None] = []
    refresh = Widget.refresh  # (the head is a Static, the thread a LineView)

    def spy(self: Widget, *regions: object, layout: bool = False, **kw: object) -> Widget:
        if layout and self.id in ("ticket-head", "ticket-body"):
            laid_out.append(self.id)
        return refresh(self, *regions, layout=layout, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Widget, "refresh", spy)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 250)  # two tickets, their heads of one height
        detail = app.main.query_one(TicketDetail)
        await pilot.press("down")
        await pilot.pause()
        first = detail.ticket_id
        laid_out.clear()
        await pilot.press("up")
        await pilot.pause()
        assert detail.ticket_id != first
        assert "ticket-head" not in laid_out
        laid_out.clear()
        app.main.submit("note_added", {"ticket_id": detail.ticket_id, "text": "Called back."})
        await pilot.pause()
        assert set(laid_out) == {"ticket-body"}  # one history line more
        for part in ("#ticket-head", "#ticket-body"):
            static = app.main.query_one(part, Widget)
            width = static.content_region.width
            assert static.content_region.height == static.get_content_height(
                detail.size, detail.size, width
            )


@pytest.mark.parametrize("width", [80, 100, 120])
async def test_the_footer_cuts_between_keys_never_inside_one(rig: Rig, width: int) -> None:
    app = rig.app()
    async with app.run_test(size=(width, 30)) as pilot:
        await at(pilot, 70)
        bar = app.main.query_one(KeyBar)
        entries = [entry.plain for entry, _key in bar._entries]
        shown = [line.plain for line in bar._lines]
        assert all(len(line.rstrip()) <= width for line in shown)
        text = "".join(shown)
        listed = [entry for entry in entries if entry in text]  # whole entries, in order
        assert text.replace(" F1 more keys  ", "") == "".join(listed)
        assert (len(listed) < len(entries)) == text.endswith(" F1 more keys  ")
        assert text.count(" F1 ") == 1  # "F1 Keys" gives way to "F1 more keys", never both
