"""The forms' choice box: keys change it in place, Enter or a click opens its list."""

from __future__ import annotations

from textual.app import App, ComposeResult

from helpdesk_tui.ui.widgets.choice import ChoiceField, ChoiceList

LEVELS = [("low", "low"), ("medium", "medium"), ("high", "high")]


class Box(App[None]):
    CSS_PATH = "../../helpdesk_tui/ui/widgets/choice.tcss"

    def __init__(self, **options: object) -> None:
        super().__init__()
        self.options = options
        self.changes: list[str | None] = []

    def compose(self) -> ComposeResult:
        yield ChoiceField(LEVELS, prompt="Impact", id="impact", **self.options)  # type: ignore[arg-type]

    def on_choice_field_changed(self, event: ChoiceField.Changed) -> None:
        self.changes.append(event.value)

    @property
    def box(self) -> ChoiceField:
        return self.query_one(ChoiceField)


async def test_arrows_step_through_the_values_and_the_blank() -> None:
    app = Box()
    async with app.run_test() as pilot:
        app.box.focus()
        await pilot.press("down", "down", "up", "up", "up")
        assert app.changes == ["low", "medium", "low", None, "high"]
        assert "high" in str(app.box.render()) and not app.box.is_blank()


async def test_without_a_blank_the_arrows_wrap_round_the_values() -> None:
    app = Box(allow_blank=False, value="high")
    async with app.run_test() as pilot:
        app.box.focus()
        await pilot.press("down")
        assert app.box.value == "low"


async def test_a_letter_picks_the_next_value_starting_with_it() -> None:
    app = Box()
    async with app.run_test() as pilot:
        app.box.focus()
        await pilot.press("m")
        assert app.box.value == "medium"
        await pilot.press("x")  # nothing starts with x: unchanged
        assert app.box.value == "medium"
        assert "Impact" not in str(app.box.render())


async def test_enter_opens_the_list_below_the_box_and_escape_keeps_the_value() -> None:
    app = Box(value="medium")
    async with app.run_test() as pilot:
        app.box.focus()
        await pilot.press("enter")
        assert isinstance(app.screen, ChoiceList)
        listing = app.screen.query_one("OptionList")
        assert listing.highlighted == 2  # blank, low, medium
        assert listing.region.y > app.box.region.y
        await pilot.press("escape")
        assert app.screen is not None and not isinstance(app.screen, ChoiceList)
        assert app.box.value == "medium" and app.changes == []


async def test_picking_from_the_list_sets_the_value() -> None:
    app = Box()
    async with app.run_test() as pilot:
        await pilot.click("#impact")
        assert isinstance(app.screen, ChoiceList)
        await pilot.press("down", "down", "enter")
        assert app.box.value == "medium" and app.changes == ["medium"]
        await pilot.press("enter", "up", "up", "enter")  # back to the blank
        assert app.box.value is None and app.box.is_blank()


def test_a_value_that_is_not_offered_reads_as_blank() -> None:
    box = ChoiceField(LEVELS, value="urgent")
    assert box.is_blank()


async def test_two_enters_queued_on_the_list_choose_once_and_close_only_the_list() -> None:
    """The key fuzz's ScreenStackError: the second Enter, queued before the first was
    handled, dismissed the list again and popped the screen under it."""
    from textual import events

    app = Box()
    async with app.run_test() as pilot:
        app.box.focus()
        await pilot.press("enter")
        assert isinstance(app.screen, ChoiceList)
        under = app.screen_stack[-2]
        await pilot.press("down")  # from the blank to "low"
        for _ in range(3):
            app.post_message(events.Key("enter", "\r"))
        await pilot.pause()
        await pilot.pause()
        assert app._exception is None
        assert app.screen is under and len(app.screen_stack) == 1
        assert app.changes == ["low"]  # chosen once
