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

from dataclasses import dataclass
from typing import Any

from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.widgets import Input, TextArea
from textual.widgets.text_area import EditResult, Location

from helpdesk_tui.ui.widgets.focus_styles import FocusStyled, KeptTheme

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
NEW_LINE_KEYS = ("shift+enter", "ctrl+j")
"""The new-line keys of every multi-line box (`keymap`'s `composer.newline`)."""
COUNTER_FROM = 0.8
"""The counter shows from this share of the limit on."""


def counter_text(used: int, limit: int) -> str:
    """ "3,512/4,000" once near the limit, else nothing."""
    return f"{used:,}/{limit:,}" if used >= limit * COUNTER_FROM else ""


def show_counter(widget: Any, used: int) -> None:
    """The counter on the field's bottom border; a compact field (no border, as in
    the forms) gets a bottom border while the counter shows (`-near-limit`)."""
    shown = counter_text(used, widget.limit)
    if widget.border_subtitle != shown:
        widget.border_subtitle = shown
        widget.set_class(bool(shown), "-near-limit")


def _printable(text: str, *, lines: bool) -> str:
    """Drop control characters a paste can carry (keep tabs, and newlines where allowed).

    A terminal sends a pasted line break as CR (xterm, tmux): a line break too, not a
    control character to drop (before qa-sitting10 "een" CR "twee" became "eentwee")."""
    keep = "\t\n" if lines else "\t"
    if text.isprintable():
        return text
    if lines and "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch.isprintable() or ch in keep)


FIRST_READ = 1024
"""Characters of a paste `_printable_prefix` reads first (doubled until the room is full)."""


def _printable_prefix(text: str, room: int, *, lines: bool) -> str:
    """`_printable(text, lines=lines)[:room]`, reading only as much of `text` as it takes.

    A 1 MB paste into a box with room for 4,000 characters was filtered whole before it
    was cut (0.13 s of the exam's frame, suite-time18). Filtering keeps or drops each
    character on its own, and a CR LF read as one line break is the same line break when
    only its CR is in the part read, so the part's first `room` kept characters are the
    whole text's: the part read doubles until more than `room` are kept, or it is all."""
    if room <= 0:
        return ""
    size = max(room, FIRST_READ)
    while True:
        kept = _printable(text[:size], lines=lines)
        if len(kept) > room or size >= len(text):
            return kept[:room]
        size *= 2


_NEAR_LIMIT_CSS = """
&.-near-limit { border-subtitle-color: $text-warning; }
&.-textual-compact.-near-limit {
    border: none !important;
    border-bottom: hkey $warning !important;
}
"""


class BoundedInput(FocusStyled, Input):
    """A one-line `Input` of at most `limit` characters; a paste is cut to fit."""

    DEFAULT_CSS = (
        "BoundedInput {"
        + _NEAR_LIMIT_CSS
        + "&.-textual-compact.-near-limit { height: 2 !important; } }"
    )

    def __init__(self, value: str | None = None, *args: Any, limit: int, **kwargs: Any) -> None:
        self.limit = limit
        super().__init__(value[:limit] if value else value, *args, max_length=limit, **kwargs)

    def _on_paste(self, event: events.Paste) -> None:
        """A pasted text's lines become one line (Textual keeps only the first)."""
        event.stop()
        event.prevent_default()
        if event.text:
            start, end = sorted(self.selection)
            self.replace(" ".join(event.text[: self.limit * 4].splitlines()), start, end)

    def replace(self, text: str, start: int, end: int) -> None:
        """Typing, paste and inserts come here: cut the text to the room left."""
        text = _printable(" ".join(text.splitlines()), lines=False)
        start, end = sorted((max(0, start), min(len(self.value), end)))
        room = self.limit - (len(self.value) - (end - start))
        super().replace(text[: max(room, 0)], start, end)

    def watch_value(self, value: str) -> None:
        show_counter(self, len(value))


class BoundedTextArea(KeptTheme, TextArea):
    """A multi-line `TextArea` of at most `limit` characters; a paste is cut to fit."""

    DEFAULT_CSS = "BoundedTextArea {" + _NEAR_LIMIT_CSS + "}"

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
        insert = _printable_prefix(insert, self._room(start, end), lines=True)
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

    async def _on_key(self, event: events.Key) -> None:
        """The composer's new-line keys make a new line here too (sec12: in a form's box,
        where Enter makes it, Ctrl+J and Shift+Enter were dropped without a trace).
        `EnterSends` takes them first; Textual then calls `TextArea._on_key` itself."""
        if event.key in NEW_LINE_KEYS and not self.read_only:
            event.stop()
            event.prevent_default()
            self._replace_via_keyboard("\n", *self.selection)

    def on_mount(self) -> None:
        show_counter(self, len(self.text))

    def _refresh_scrollbars(self) -> None:
        """Textual's, judged against the height the box is about to have: a box of
        `height: auto` that grows a line (the chat's reply box, 3 to 7) first showed a
        scroll bar, its text one line taller than the box still was, and hid it again
        once the layout had made the box taller: two layouts for one line, and the
        scroll bar repainted for nothing (issue 14). While the text fits the box's
        `max-height` it takes no scroll bar; past it, the box scrolls as before."""
        styles = self.styles
        height, most = styles.height, styles.max_height
        shown = self._container_size
        if height is None or not height.is_auto or most is None or not most.is_cells or not shown:
            super()._refresh_scrollbars()
            return
        room = int(most.value) - (styles.gutter.height if styles.box_sizing == "border-box" else 0)
        lines = self.virtual_size.height
        if lines <= shown.height or lines > room:
            super()._refresh_scrollbars()
            return
        self._container_size = Size(shown.width, lines)  # as it will be after the layout
        try:
            super()._refresh_scrollbars()
        finally:
            self._container_size = shown

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Keep the counter in step (the event still bubbles to the form or pane)."""
        show_counter(self, len(self.text))


class EnterSends(BoundedTextArea):
    """A multi-line box where Enter sends and Shift+Enter or Ctrl+J starts a new line.

    Enter is handled here, in the order the box's keys arrive, not as a key
    binding: the app runs a binding only after the key has bubbled back up to
    it, by which time the keys typed after Enter are already in the box (two
    lines typed fast were sent twice, each with both lines). `clear_on_send`
    empties the box in the same step, so the text sent is exactly the text
    that was there when Enter was pressed.
    """

    @dataclass
    class Submitted(Message):
        """Enter was pressed; `text` is what the box held at that moment."""

        box: EnterSends
        text: str

    def __init__(
        self, text: str = "", *, limit: int, clear_on_send: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(text, limit=limit, soft_wrap=True, **kwargs)
        self.clear_on_send = clear_on_send
        from helpdesk_tui.ui import keymap  # the keymap imports nothing of ours back

        keymap.install(self, "composer")

    @property
    def value(self) -> str:
        return self.text

    @value.setter
    def value(self, text: str) -> None:
        self.text = text
        self.move_cursor(self.document.end)

    async def _on_key(self, event: events.Key) -> None:
        """Enter and the new-line keys are taken here (Textual then calls
        `TextArea._on_key` for every other key itself)."""
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.action_send()
        elif event.key in NEW_LINE_KEYS:
            event.stop()
            event.prevent_default()
            self.action_newline()

    def action_send(self) -> None:
        """Take the text now (and empty the box if asked), then say what was taken."""
        text = self.text
        if self.clear_on_send:
            if not text.strip():
                return
            self.load_text("")
        self.post_message(self.Submitted(self, text))

    def action_newline(self) -> None:
        self._replace_via_keyboard("\n", *self.selection)


__all__ = [
    "EnterSends",
    "COUNTER_FROM",
    "LIMITS",
    "BoundedInput",
    "BoundedTextArea",
    "counter_text",
]
