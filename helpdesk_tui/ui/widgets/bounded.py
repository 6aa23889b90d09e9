"""Text fields with a length limit, a counter near it, and pastes cut to fit.

Every text a candidate types into the exam ends up in the log, and some of it
is searched or analysed on every change. A field without a limit let 200 KB
of paste freeze the exam for minutes and put the whole text in the log. Each
field here has a limit (`LIMITS`, by what the text is for); typing stops at
it, a paste or an insert is cut to the room left (Textual's own `max_length`
refuses a paste that does not fit entirely), and from `COUNTER_FROM` of the
limit on the field's border shows "used/limit".
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, TextArea
from textual.widgets.text_area import EditResult, Location

LIMITS: dict[str, int] = {
    "chat": 2000,
    "reply": 4000,
    "note": 4000,
    "solution": 4000,
    "description": 4000,
    "reason": 1000,
    "title": 200,
    "search": 200,
    "short": 200,
}
"""Characters per kind of field. A chat message is shorter than a ticket reply."""
TAKEN_KEYS = ("f6", "f7")
"""Keys `TextArea` binds that the exam uses everywhere (the previous and next chat)."""
COUNTER_FROM = 0.8
"""The counter shows from this share of the limit on."""


def counter_text(used: int, limit: int) -> str:
    """ "3,512/4,000" once near the limit, else nothing."""
    return f"{used:,}/{limit:,}" if used >= limit * COUNTER_FROM else ""


def _printable(text: str, *, lines: bool) -> str:
    """Drop control characters a paste can carry (keep tabs, and newlines where allowed)."""
    keep = "\t\n" if lines else "\t"
    if text.isprintable():
        return text
    return "".join(ch for ch in text if ch.isprintable() or ch in keep)


class BoundedInput(Input):
    """A one-line `Input` of at most `limit` characters; a paste is cut to fit."""

    def __init__(self, *args: Any, limit: int, **kwargs: Any) -> None:
        super().__init__(*args, max_length=limit, **kwargs)
        self.limit = limit

    def replace(self, text: str, start: int, end: int) -> None:
        """Typing, paste and inserts come here: cut the text to the room left."""
        text = _printable(text.splitlines()[0] if "\n" in text else text, lines=False)
        start, end = sorted((max(0, start), min(len(self.value), end)))
        room = self.limit - (len(self.value) - (end - start))
        super().replace(text[: max(room, 0)], start, end)

    def watch_value(self, value: str) -> None:
        shown = counter_text(len(value), self.limit)
        if self.border_subtitle != shown:
            self.border_subtitle = shown


class BoundedTextArea(TextArea):
    """A multi-line `TextArea` of at most `limit` characters; a paste is cut to fit."""

    def __init__(self, text: str = "", *, limit: int, **kwargs: Any) -> None:
        self.limit = limit
        super().__init__(text[:limit], **kwargs)
        for key in TAKEN_KEYS:  # TextArea's select-line / select-all: our F6 / F7 switch chats
            self._bindings.key_to_bindings.pop(key, None)

    def load_text(self, text: str) -> None:
        """Setting `text` from code is bounded too."""
        super().load_text(text[: self.limit])

    def _room(self, start: Location, end: Location) -> int:
        replaced = len(self.get_text_range(*sorted((start, end))))
        return self.limit - (len(self.text) - replaced)

    def _replace_via_keyboard(
        self, insert: str, start: Location, end: Location
    ) -> EditResult | None:
        insert = _printable(insert, lines=True)[: max(self._room(start, end), 0)]
        if not insert and start == end:
            return None
        return super()._replace_via_keyboard(insert, start, end)

    def insert(
        self,
        text: str,
        location: Location | None = None,
        *,
        maintain_selection_offset: bool = True,
    ) -> EditResult:
        """Inserts (a KB passage, a canned reply) are cut to the room left too."""
        at = self.cursor_location if location is None else location
        text = text[: max(self._room(at, at), 0)]
        return super().insert(text, location, maintain_selection_offset=maintain_selection_offset)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Keep the counter in step (the event still bubbles to the form or pane)."""
        shown = counter_text(len(self.text), self.limit)
        if self.border_subtitle != shown:
            self.border_subtitle = shown


__all__ = ["COUNTER_FROM", "LIMITS", "BoundedInput", "BoundedTextArea", "counter_text"]
