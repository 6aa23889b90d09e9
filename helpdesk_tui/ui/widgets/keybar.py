"""The footer: the keys that apply now, each with its description, on one line.

It shows what Textual's `Footer` shows (the screen's active bindings, those
that `check_action` hides left out, disabled ones dimmed, grouped bindings
under one label), but draws them as one line of text in one widget. The
stock footer rebuilds a widget per key on every focus change, which costs a
full layout each time; this one only repaints, so moving between areas stays
quick. A click on a key presses it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget):
    """One line of keys and what they do; clicking a key presses it."""

    COMPONENT_CLASSES = {"keybar--key", "keybar--description", "keybar--disabled"}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._text = Text()
        self._hits: list[tuple[int, int, str]] = []
        self._ends: list[int] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.call_after_refresh(self._bindings_changed, self.screen)

    def _bindings_changed(self, screen: Screen[Any]) -> None:
        if screen is not self.screen:
            return
        text, hits, ends = self._build()
        if text != self._text:
            self._text, self._hits, self._ends = text, hits, ends
            self.refresh()

    def _build(self) -> tuple[Text, list[tuple[int, int, str]], list[int]]:
        """The line, the (start, end, key) of every key on it, and where each entry
        (a key and its description, or a group of keys and theirs) ends."""
        by_action: dict[str, list[Any]] = defaultdict(list)
        active_bindings = self.screen.active_bindings.values()
        # Keys that work everywhere (the exam's Proctor, the practice Pause) first, so a
        # narrow terminal never cuts them off.
        for active in sorted(active_bindings, key=lambda a: not a.binding.priority):
            if active.binding.show:
                by_action[active.binding.action].append(active)
        key_style = self.get_component_rich_style("keybar--key", partial=True)
        text_style = self.get_component_rich_style("keybar--description", partial=True)
        off_style = self.get_component_rich_style("keybar--disabled", partial=True)
        line = Text(no_wrap=True, overflow="ellipsis")
        hits: list[tuple[int, int, str]] = []
        ends: list[int] = []
        group: Any = None
        for bindings in by_action.values():
            first = bindings[0]
            binding = first.binding
            if group is not None and binding.group != group:
                line.append(group.description + "  ", style=text_style)
                ends.append(len(line))
                group = None
            display = self.app.get_key_display(binding)
            start = len(line)
            line.append(f" {display} ", style=key_style if first.enabled else off_style)
            hits.append((start, len(line), binding.key))
            if binding.group is not None:
                group = binding.group
                continue
            line.append(
                binding.description + "  ", style=text_style if first.enabled else off_style
            )
            ends.append(len(line))
        if group is not None:
            line.append(group.description + "  ", style=text_style)
            ends.append(len(line))
        return line, hits, ends

    def render(self) -> Text:
        """As many whole entries as fit: never a key without what it does."""
        width = self.content_size.width
        if len(self._text) <= width:
            return self._text
        fitting = [end for end in self._ends if end <= width + 2]  # its trailing gap may go
        return self._text[: fitting[-1]] if fitting else self._text

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._hits:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
