"""A form's one-of-a-few box: impact, urgency, category, customer, group, article.

Textual's `Select` builds its drop-down list, five widgets a box, whenever a
form opens: half the time it took to open the ticket form (95 ms, of which
the four boxes took 48). A `ChoiceField` is one widget: ↑/↓ or a value's
first letter change it in place, and Enter, space or a click opens the list
(`ChoiceList`, a small screen over the form) only when it is wanted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from helpdesk_tui.ui import keymap
from helpdesk_tui.ui.frames import Paced
from helpdesk_tui.ui.widgets.keybar import KeyBar

ARROW = " ▼"
CANCELLED = "\0cancelled"
"""What `ChoiceList` returns when closed without a choice (a value may be any text)."""
KEY_LINES = 2
"""The list's key bar at the bottom (`ModalScreen > KeyBar`): a list opening below its box
goes up instead where it would reach it."""


class ChoiceField(Widget, can_focus=True):
    """One value out of `options` ((label, value) pairs), or none (the prompt).

    As with Textual's `Select`, "none" is one of the choices (`allow_blank`):
    it is how a form says "no article" or "no override".
    """

    BINDINGS = [
        Binding("enter,space", "open", show=False),
        Binding("down", "step(1)", show=False),
        Binding("up", "step(-1)", show=False),
    ]
    COMPONENT_CLASSES = {"choice--prompt"}
    _list: ChoiceList | None = None

    value: reactive[str | None] = reactive(None, init=False)

    @dataclass
    class Changed(Message):
        choice: ChoiceField
        value: str | None

        @property
        def control(self) -> ChoiceField:
            return self.choice

    def __init__(
        self,
        options: Iterable[tuple[str, str]],
        *,
        value: str | None = None,
        prompt: str = "",
        allow_blank: bool = True,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.prompt = prompt
        self.allow_blank = allow_blank
        self.options: list[tuple[str, str]] = []
        self.choices: list[tuple[str, str | None]] = []
        self.reset(value, options)

    def reset(self, value: str | None, options: Iterable[tuple[str, str]] | None = None) -> None:
        """Set the value (and the options) without a `Changed` message: a form used
        again refills its boxes and works out what follows from them itself."""
        if options is not None:
            self.options = list(options)
            self.choices = [(self.prompt, None)] if self.allow_blank else []
            self.choices += self.options
        self.set_reactive(ChoiceField.value, value if value in self.values else None)
        if self.is_mounted:
            self.refresh()

    @property
    def values(self) -> list[str | None]:
        return [value for _label, value in self.choices]

    def is_blank(self) -> bool:
        return self.value is None

    def validate_value(self, value: str | None) -> str | None:
        return value if value in self.values else None

    def watch_value(self, value: str | None) -> None:
        self.post_message(self.Changed(self, value))

    def render(self) -> Text:
        label = next((text for text, value in self.options if value == self.value), None)
        width = max(0, self.content_size.width - len(ARROW))
        shown = Text(label if label is not None else self.prompt, no_wrap=True, overflow="ellipsis")
        if label is None:
            shown.stylize(self.get_component_rich_style("choice--prompt"))
        shown.truncate(width, overflow="ellipsis", pad=True)
        return shown + Text(ARROW)

    # ------------------------------------------------------------------ changing it

    def action_step(self, delta: int) -> None:
        values = self.values
        if not self.options:
            return
        if self.value not in values:  # blank, and blank is not a choice
            self.value = values[0 if delta > 0 else -1]
        else:
            self.value = values[(values.index(self.value) + delta) % len(values)]

    def on_key(self, event: events.Key) -> None:
        """A letter picks the next value whose label starts with it."""
        char = event.character
        if not char or not char.isprintable() or char == " ":
            return
        labels = [label.casefold() for label, _value in self.options]
        values = [value for _label, value in self.options]
        start = values.index(self.value) + 1 if self.value in values else 0
        order = list(range(start, len(labels))) + list(range(start))
        match = next((i for i in order if labels[i].startswith(char.casefold())), None)
        if match is not None:
            event.stop()
            self.value = values[match]

    def action_open(self) -> None:
        if self.options:
            self._list = ChoiceList(self.choices, self.value, self.region)
            self.app.push_screen(self._list, self._chosen)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.focus()
        self.action_open()

    async def _chosen(self, chosen: str | None) -> None:
        if chosen is not None and chosen != CANCELLED:
            self.value = chosen or None  # "" is the blank choice
        listing, self._list = self._list, None
        if listing is not None and listing.then_action:  # the list is gone: the form acts
            await self.app.run_action(listing.then_action, self.screen)


class ChoiceList(Paced, ModalScreen[str]):
    """The list of a `ChoiceField`, just below it; Enter or a click picks, Escape leaves.

    Ctrl+S picks the highlighted value and then saves the form (`then_action`): before,
    the list swallowed it (bugs5's practice exam, docs/known-issues.md). Its key bar is
    its own (keymap owner "form_choice"): the form's, under it, offered Tab and "Esc
    Cancel", which did nothing or only closed the list (bugs20).
    """

    then_action = ""
    """What the form does once the list is gone (its action's name), if anything."""

    def __init__(
        self, options: list[tuple[str, str | None]], current: str | None, below: object
    ) -> None:
        super().__init__()
        self.options = options
        self.current = current
        self.below = below

    def compose(self) -> ComposeResult:
        listing = OptionList(*(Option(label, id=value or "") for label, value in self.options))
        keymap.install(listing, "form_choice", first=True)
        yield listing
        yield KeyBar(id="choice-keys")

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        region = self.below
        x, y, width = getattr(region, "x", 0), getattr(region, "y", 0), getattr(region, "width", 30)
        listing.styles.width = max(width, 12)
        height = min(len(self.options) + 2, 12)
        room = self.size.height - KEY_LINES - (y + 1)
        top = y + 1 if room >= height else max(0, y - height)
        listing.styles.offset = (x, top)
        values = [value for _label, value in self.options]
        listing.highlighted = values.index(self.current) if self.current in values else 0
        listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id if event.option.id is not None else CANCELLED)

    def on_click(self, event: events.Click) -> None:
        if event.widget is self:  # outside the list
            self.dismiss(CANCELLED)

    def action_leave(self) -> None:
        self.dismiss(CANCELLED)

    def action_pick(self) -> None:
        """Enter: the list's own selection (the focused list takes Enter first)."""
        self.query_one(OptionList).action_select()

    def action_pick_then(self, action: str) -> None:
        listing = self.query_one(OptionList)
        index = listing.highlighted
        self.then_action = action
        if index is None:
            self.dismiss(CANCELLED)
        else:
            self.dismiss(listing.get_option_at_index(index).id or "")
