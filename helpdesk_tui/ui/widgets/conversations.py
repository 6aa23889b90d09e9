"""Chats and calls: a list with unread counts, the transcript in view, and a reply box.

The list shows every conversation with its unread count and the time since
the customer last wrote. The transcript shows "typing..." while a chat
customer is still writing a multi-part message, and streams a call's current
utterance at speaking pace: the share of it that is shown is the share of its
`duration_s` that has passed on the exam clock (never a count of ticks). The
reply box keeps one draft per conversation. Sending is a `Send` message to
the screen; the draft is cleared only once the screen says it was logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from helpdesk_tui.core.state import Conversation
from helpdesk_tui.i18n import N_, _, current_language
from helpdesk_tui.ui import keymap
from helpdesk_tui.ui.controller import ExamController
from helpdesk_tui.ui.format import ago, clip, clock, labelled
from helpdesk_tui.ui.shown import append_shown
from helpdesk_tui.ui.widgets.bounded import LIMITS, EnterSends
from helpdesk_tui.ui.widgets.conversation_list import ConversationList
from helpdesk_tui.ui.widgets.line_view import Blocks, LineView

CURSOR = "▍"
LIST_ROOM = 21
"""The columns of an entry's line in the conversation list (24 wide in `conversations.tcss`
and the review's `panels.tcss`, less its border and scrollbar, and Textual's right margin)."""


def revealed(conv: Conversation, now: float) -> tuple[int, int] | None:
    """(message index, characters shown) of a call utterance still being spoken, else None."""
    if conv.channel != "call" or not conv.messages:
        return None
    for index in range(len(conv.messages) - 1, -1, -1):
        message = conv.messages[index]
        if message.author != "customer":
            continue
        duration = message.duration_s
        if duration <= 0 or now >= message.at + duration or not conv.is_live:
            return None
        share = max(0.0, (now - message.at) / duration)
        return index, int(len(message.text) * share)
    return None


def message_text(
    name: str, conv: Conversation, index: int, streaming: tuple[int, int] | None
) -> Text:
    """Message `index` of the conversation as the transcript shows it: time, who, words
    (a call's utterance being spoken cut at `streaming`'s characters)."""
    message = conv.messages[index]
    out = Text()
    out.append(clock(message.at) + " ", style="dim")
    if message.author == "customer":
        out.append(labelled(name), style="bold cyan")
    elif message.author == "candidate":
        out.append(labelled(_("You")), style="bold green")
    text = message.text
    if streaming is not None and streaming[0] == index:
        append_shown(out, text[: streaming[1]])
        out.append(CURSOR, style="blink")
    else:
        append_shown(out, text, style="dim" if message.author == "system" else "")
    return out


def no_messages() -> Text:
    return Text().append(_("No messages yet."), style="dim")


def transcript_blocks(
    controller: ExamController, conv: Conversation, now: float, same: int = 0
) -> Blocks:
    """The transcript as a `LineView` builds it: a block a message, built when painted.
    `same`: how many of the first messages are shown as they were (`Blocks.same`)."""
    name = controller.customer_name(conv.customer_id)
    streaming = revealed(conv, now)
    if not conv.messages:
        return Blocks((conv.id, current_language()), 1, lambda _index: no_messages())
    if streaming is not None:
        same = min(same, streaming[0])

    def build(index: int) -> Text:
        return message_text(name, conv, index, streaming)

    return Blocks((conv.id, current_language()), len(conv.messages), build, same)


def render_transcript(controller: ExamController, conv: Conversation, now: float) -> Text:
    """The conversation so far, with a call's current utterance cut at speaking pace."""
    blocks = transcript_blocks(controller, conv, now)
    return Text("\n").join(blocks.build(index) for index in range(blocks.count))


def status_line(controller: ExamController, conv: Conversation, now: float) -> str:
    """What the customer is doing: typing, speaking, gone."""
    name = controller.customer_name(conv.customer_id)
    if not conv.is_live:
        return _("The call has ended.") if conv.channel == "call" else _("The chat is closed.")
    if conv.is_busy_at(now):
        if conv.channel == "call":
            return _("{name} is speaking…").format(name=name)
        return _("{name} is typing…").format(name=name)
    return ""


def list_entry(
    controller: ExamController, conv: Conversation, now: float
) -> tuple[str, int, bool, str]:
    """What a conversation's entry says: name, unread count, live, and its second line
    (channel, time since they wrote, typing). Compared before any text is built: the
    list is refreshed on every tick, and most ticks change no entry."""
    name = clip(controller.customer_name(conv.customer_id), 16)
    call = conv.channel == "call"
    detail = _("call") if call else _("chat")
    if not conv.is_live:
        detail += " · " + _("ended")
    elif conv.is_busy_at(now):  # in words: a bare "…" read as text cut short
        detail += " · " + (_("speaking…") if call else _("typing…"))
    elif conv.last_customer_at is not None:  # a bare 0:45 read as an unlabelled timer
        when = ago(now - conv.last_customer_at)
        said = detail + " · " + _("{time} ago").format(time=when)
        # "oproep · 12 min geleden" wrapped to a third line: then the time alone, with its unit
        detail = said if cell_len(" " + said) <= LIST_ROOM else detail + " · " + when
    return name, conv.unread(), conv.is_live, detail


def entry_text(entry: tuple[str, int, bool, str]) -> Text:
    """Two lines per conversation: who and unread; channel, time since they wrote, typing."""
    name, unread, live, detail = entry
    out = Text(no_wrap=True, overflow="ellipsis")
    out.append(name, style="bold" if live else "dim")
    if unread:
        out.append(f" ({unread})", style="bold yellow")
    out.append("\n")
    out.append(" " + detail, style="dim")
    return out


def list_prompt(controller: ExamController, conv: Conversation, now: float) -> Text:
    """A conversation's entry in the list (`list_entry`, as text)."""
    return entry_text(list_entry(controller, conv, now))


def recipient_line(controller: ExamController, conv: Conversation) -> Text:
    """Whom the reply box writes to: the customer and the ticket(s). Once the call or
    chat is over the box takes no text, so the line says it ended instead of "To ..."."""
    name = controller.customer_name(conv.customer_id)
    out = Text(no_wrap=True, overflow="ellipsis")
    if conv.is_live:
        out.append(_("To") + " ", style="dim")
    out.append(name, style="bold")
    if not conv.is_live:
        out.append(" · ")
        out.append(_("ended"), style="dim")
    out.append(" · ")  # the channel is in the pane's title just above: room for the ticket
    if conv.ticket_ids:
        out.append(_("ticket {ids}").format(ids=", ".join(conv.ticket_ids)), style="bold")
    else:
        out.append(_("no ticket yet"), style="dim")
    return out


SPEAKS = {
    "en": N_("speaks English"),
    "nl": N_("speaks Dutch"),
    "fr": N_("speaks French"),
}
"""The customers' language (the scenario's), said in the UI's language."""


def speaks(controller: ExamController) -> str | None:
    """The language the customers read, when the UI speaks another: customers read the
    scenario's language, and an English customer written to in French only said they
    did not understand (bugs7). Shown in the conversation's title, above the reply box
    (the recipient line below has no room left at 100 columns: the ticket comes first)."""
    language = controller.state.language
    if language == current_language() or language not in SPEAKS:
        return None
    return _(SPEAKS[language])


class Transcript(VerticalScroll):
    """The conversation's messages, following its end while it is there.

    "At the end" was judged only when a message came: a reply box grown to five
    lines by a KB passage shrank the transcript, which kept its place, so the next
    message was judged "not at the end" and the newest were hidden below its edge
    (qa-play9, Dutch exam at 100 x 30). Now a scroll by the candidate decides
    whether it follows, and a change of height keeps a following transcript at
    its end."""

    following = True

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self.following = new_value >= self.max_scroll_y - 1

    def on_resize(self, event: events.Resize) -> None:
        if self.following:
            self.call_after_refresh(self.scroll_end, animate=False)

    def follow(self) -> None:
        """To the end, and follow it (a conversation put in view)."""
        self.following = True
        self.call_after_refresh(self.scroll_end, animate=False)


class Composer(EnterSends):
    """The reply box of a chat or call: Enter sends (and empties the box at once)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("", limit=LIMITS["chat"], clear_on_send=True, **kwargs)


class ConversationPane(Horizontal):
    """The conversations area: list, transcript, status line and reply box."""

    @dataclass
    class Switched(Message):
        """The candidate put another conversation in view."""

        conversation_id: str

    @dataclass
    class Send(Message):
        conversation_id: str
        text: str
        canned_id: str | None

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        keymap.install(self, "conversations")
        self._recipient: Text | None = None
        self.current_id: str | None = None
        self._listed: dict[str, tuple[str, int, bool, str]] = {}
        self._drafts: dict[str, str] = {}
        self._canned: dict[str, tuple[str, str]] = {}
        self._said: int | None = None
        """The messages of the conversation in view when its transcript was shown last, and
        the one being spoken then (`transcript_blocks`' `same`), or None: shown anew."""
        self._status = ""

    def compose(self) -> ComposeResult:
        yield ConversationList(id="conv-list")
        with Vertical(id="conv-main"):
            yield Static("", id="conv-title")
            with Transcript(id="conv-scroll"):
                yield LineView(
                    Blocks("none", 1, lambda _index: Text(_("No conversation yet."))),
                    id="conv-transcript",
                )
            yield Static("", id="conv-status")
            yield Static("", id="conv-to")
            composer = Composer(id="conv-input", disabled=True)
            composer.placeholder = _("No conversation in view")
            yield composer

    @property
    def input(self) -> Composer:
        return self.query_one("#conv-input", Composer)

    @property
    def conversation_list(self) -> ConversationList:
        return self.query_one("#conv-list", ConversationList)

    # ------------------------------------------------------------------ refresh

    def refresh_from(
        self, controller: ExamController, now: float, changed: set[str] | None = None
    ) -> None:
        """Update the list by difference, then the conversation in view."""
        options = self.conversation_list
        for conv in controller.state.conversations.values():
            entry = list_entry(controller, conv, now)
            old = self._listed.get(conv.id)
            if old is None:
                options.add_option(Option(entry_text(entry), id=conv.id))
            elif old != entry:
                options.set_prompt(conv.id, entry_text(entry))
            self._listed[conv.id] = entry
        if self.current_id is None and self._listed:
            # the one the candidate last read or wrote in (after `resume` too: the first
            # of the list put another customer's conversation under their next message)
            convs = controller.state.conversations

            def seen(c: str) -> tuple[float, float]:
                conv = convs.get(c)
                if conv is None:
                    return (-1.0, -1.0)
                return (conv.last_seen_at, conv.last_candidate_at or -1.0)

            self.show(controller, max(self._listed, key=seen), now)
        else:
            self._refresh_current(controller, now)

    def _refresh_current(self, controller: ExamController, now: float) -> None:
        conv = controller.conversation(self.current_id)
        if conv is None:
            return
        blocks = transcript_blocks(controller, conv, now, self._said or 0)
        streaming = revealed(conv, now)
        self._said = len(conv.messages) if streaming is None else streaming[0]
        scroller = self.query_one("#conv-scroll", Transcript)
        at_end = scroller.following or scroller.scroll_y >= scroller.max_scroll_y - 1
        if self.query_one("#conv-transcript", LineView).show(blocks) and at_end:
            scroller.call_after_refresh(scroller.scroll_end, animate=False)
        status = status_line(controller, conv, now)
        if status != self._status:
            self._status = status
            self.query_one("#conv-status", Static).update(status, layout=False)
        reply = self.input
        if reply.disabled == conv.is_live:
            reply.disabled = not conv.is_live
            reply.placeholder = self._placeholder(controller, conv)
        recipient = recipient_line(controller, conv)
        if recipient != self._recipient:
            self._recipient = recipient
            self.query_one("#conv-to", Static).update(recipient, layout=False)

    @staticmethod
    def _placeholder(controller: ExamController, conv: Conversation) -> str:
        """What the empty box says: whom it speaks to, or that nothing can be sent any more.
        Its keys (Enter sends, Shift+Enter a new line) are in the footer below it."""
        name = controller.customer_name(conv.customer_id)
        if not conv.is_live:
            return _("The call has ended.") if conv.channel == "call" else _("The chat is closed.")
        if conv.channel == "call":
            return _("Speak to {name}").format(name=name)
        return _("Write to {name}").format(name=name)

    def show(self, controller: ExamController, conversation_id: str, now: float) -> None:
        """Put a conversation in view (keeping the draft of the one left)."""
        conv = controller.conversation(conversation_id)
        if conv is None:
            return
        reply = self.input
        if self.current_id is not None:
            self._drafts[self.current_id] = reply.value
        self.current_id = conversation_id
        self._said = None
        self._status = "\0"
        name = controller.customer_name(conv.customer_id)
        kind = _("call") if conv.channel == "call" else _("chat")
        title = Text(no_wrap=True, overflow="ellipsis")
        title.append(f"{name} · {kind}", style="bold")
        language = speaks(controller)
        if language is not None:
            title.append(f" · {language}", style="bold yellow")
        if conv.subject:
            title.append(f" · {conv.subject}")
        if conv.ticket_ids:
            title.append(" · " + ", ".join(conv.ticket_ids), style="dim")
        self.query_one("#conv-title", Static).update(title, layout=False)
        self.query_one("#conv-scroll", Transcript).follow()  # a conversation opens at its end
        reply.value = self._drafts.get(conversation_id, "")
        reply.placeholder = self._placeholder(controller, conv)
        index = self._index_of(conversation_id)
        if index is not None and self.conversation_list.highlighted != index:
            self.conversation_list.highlighted = index
        self._refresh_current(controller, now)

    def step(self, delta: int) -> str | None:
        """The conversation `delta` places from the one in view (wrapping), or None."""
        ids = list(self._listed)
        if not ids:
            return None
        if self.current_id not in ids:
            return ids[0]
        return ids[(ids.index(self.current_id) + delta) % len(ids)]

    # ------------------------------------------------------------------ drafting

    def insert_text(self, text: str, canned_id: str | None = None) -> bool:
        """Put text into the reply box at the cursor; False when no reply box is open."""
        reply = self.input
        if self.current_id is None or reply.disabled:
            return False
        row, column = reply.cursor_location
        before = reply.document.get_line(row)[:column]
        gap = " " if before and not before[-1].isspace() else ""
        reply.insert(gap + text)
        if canned_id is not None:
            self._canned[self.current_id] = (canned_id, text)
        return True

    def restore(self, conversation_id: str, text: str) -> None:
        """A send that was not logged: its text goes back in front of the draft."""
        if conversation_id != self.current_id:
            self._drafts[conversation_id] = text + self._drafts.get(conversation_id, "")
            return
        self.input.value = text + self.input.value

    def sent(self, conversation_id: str) -> None:
        """A restored message was logged after all (a disk-fault retry): clear its draft."""
        self._drafts.pop(conversation_id, None)
        self._canned.pop(conversation_id, None)
        if conversation_id == self.current_id:
            self.input.value = ""

    # ------------------------------------------------------------------ events

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave_reply":
            return self.input.has_focus
        return True

    def action_leave_reply(self) -> None:
        self.conversation_list.focus()

    def on_enter_sends_submitted(self, event: EnterSends.Submitted) -> None:
        event.stop()
        if self.current_id is None:
            self.input.value = event.text
            return
        canned = self._canned.pop(self.current_id, None)
        canned_id = canned[0] if canned and canned[1] in event.text else None
        self.post_message(self.Send(self.current_id, event.text, canned_id))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id and event.option.id != self.current_id:
            self.post_message(self.Switched(event.option.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a conversation: go and write in it."""
        event.stop()
        if event.option.id and event.option.id != self.current_id:
            self.post_message(self.Switched(event.option.id))
        self.input.focus()

    def _index_of(self, conversation_id: str) -> int | None:
        try:
            return self.conversation_list.get_option_index(conversation_id)
        except OptionDoesNotExist:
            return None
