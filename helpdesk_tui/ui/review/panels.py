"""Read-only panels of an exam state: conversations, KB look-ups, records around a moment.

The review scrubber and the live observer show what the candidate's screen
showed, but nothing in them can send a message or change a ticket: these
panels have no input at all. The conversation text comes from the candidate
UI's own render functions (through `StateReader`), so the assessor reads the
transcript exactly as the candidate did, a call's utterance cut at speaking
pace included.

Long exams hold thousands of messages and look-ups; the panels show the
latest `SHOWN` up to the moment (the scrubber shows any moment, so anything
older is one jump away), which keeps a redraw well inside the scrubber's
100 ms.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from helpdesk_tui.assess.replay import Replay
from helpdesk_tui.core.state import Conversation, ExamState
from helpdesk_tui.i18n import _, ngettext
from helpdesk_tui.ui.format import clock
from helpdesk_tui.ui.review.describe import record_line
from helpdesk_tui.ui.review.readonly import StateReader
from helpdesk_tui.ui.widgets.conversations import list_prompt, render_transcript, status_line

SHOWN = 60
"""Messages of a transcript, and KB look-ups, shown up to the moment: a few screens'
worth (a panel's redraw lays out every line it holds, wrapped)."""


def _recent(conv: Conversation, shown: int = SHOWN) -> Conversation:
    """The conversation with only its latest messages (what a redraw can afford)."""
    if len(conv.messages) <= shown:
        return conv
    return dataclasses.replace(conv, messages=conv.messages[-shown:])


class ConversationsView(Horizontal):
    """Every chat and call at the moment, and one transcript; no reply box."""

    can_focus = False

    @dataclass
    class Chosen(Message):
        """The viewer put another conversation in view."""

        conversation_id: str

    def __init__(self, *, show_ids: bool = True, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.show_ids = show_ids
        """The assessor sees a conversation's id (the evidence cites it); the proctor
        does not (a scenario's ids, like C-tom-lockout, hint at the diagnosis)."""
        self.current_id: str | None = None
        self._listed: dict[str, Text] = {}
        self._shown: tuple[object, ...] | None = None

    def compose(self) -> ComposeResult:
        yield OptionList(id="ro-conv-list")
        with Vertical(id="ro-conv-main"):
            yield Static("", id="ro-conv-title")
            with VerticalScroll(id="ro-conv-scroll"):
                yield Static(_("No conversation yet."), id="ro-conv-transcript")
            yield Static("", id="ro-conv-status")

    @property
    def options(self) -> OptionList:
        return self.query_one("#ro-conv-list", OptionList)

    def show_state(self, reader: StateReader, now: float, prefer: str | None = None) -> None:
        """The list by difference, then the conversation `prefer`red, kept, or the latest.

        The list's own highlight messages are held back meanwhile: only a
        viewer moving through the list posts `Chosen`.
        """
        conversations = reader.state.conversations
        with self.options.prevent(OptionList.OptionHighlighted):
            self._sync_list(reader, now)
            if prefer in conversations:
                self.current_id = prefer
            elif self.current_id not in conversations:
                self.current_id = next(reversed(conversations), None) if conversations else None
            self._highlight()
        self._show_current(reader, now)

    def _sync_list(self, reader: StateReader, now: float) -> None:
        options = self.options
        state = reader.state
        for gone in [cid for cid in self._listed if cid not in state.conversations]:
            options.remove_option(gone)
            del self._listed[gone]
        for conv in state.conversations.values():
            prompt = list_prompt(reader.as_controller(), conv, now)
            old = self._listed.get(conv.id)
            if old is None:
                options.add_option(Option(prompt, id=conv.id))
            elif old != prompt:
                options.replace_option_prompt(conv.id, prompt)
            self._listed[conv.id] = prompt

    def _highlight(self) -> None:
        if self.current_id is None:
            return
        try:
            index = self.options.get_option_index(self.current_id)
        except OptionDoesNotExist:
            return
        if self.options.highlighted != index:
            self.options.highlighted = index

    def _show_current(self, reader: StateReader, now: float) -> None:
        conv = reader.conversation(self.current_id)
        if conv is None:
            self._update(None, Text(_("No conversation yet."), style="dim"), "")
            return
        controller = reader.as_controller()
        title = Text(no_wrap=True, overflow="ellipsis")
        kind = _("call") if conv.channel == "call" else _("chat")
        title.append(f"{reader.customer_name(conv.customer_id)} · {kind}", style="bold")
        if conv.subject:
            title.append(f" · {conv.subject}")
        if self.show_ids:
            title.append(f" · {conv.id}", style="dim")
        if len(conv.messages) > SHOWN:
            total = len(conv.messages)
            latest = ngettext(  # the plural of the total: "des 8 messages" whatever SHOWN is
                "the latest {n} of {total} message", "the latest {n} of {total} messages", total
            ).format(n=SHOWN, total=total)
            title.append(f" · {latest}", style="dim")
        transcript = render_transcript(controller, _recent(conv), now)
        self._update(title, transcript, status_line(controller, conv, now))

    def _update(self, title: Text | None, transcript: Text, status: str) -> None:
        key = (self.current_id, title, transcript, status)
        if key == self._shown:
            return
        self._shown = key
        self.query_one("#ro-conv-title", Static).update(title or "")
        self.query_one("#ro-conv-transcript", Static).update(transcript)
        self.query_one("#ro-conv-status", Static).update(status)
        scroller = self.query_one("#ro-conv-scroll", VerticalScroll)
        scroller.call_after_refresh(scroller.scroll_end, animate=False)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id and event.option.id != self.current_id:
            self.post_message(self.Chosen(event.option.id))


def lookup_lines(reader: StateReader, limit: int = SHOWN) -> Text:
    """The KB searches and opened articles up to the moment, the latest last."""
    lookups = reader.state.kb_lookups
    out = Text()
    if not lookups:
        out.append(_("No KB look-ups yet."), style="dim")
        return out
    if len(lookups) > limit:
        earlier = len(lookups) - limit
        line = ngettext("… {n} earlier look-up", "… {n} earlier look-ups", earlier)
        out.append(line.format(n=earlier) + "\n", style="dim")
    for index, lookup in enumerate(lookups[-limit:]):
        if index:
            out.append("\n")
        out.append(f"{clock(lookup.at)} #{lookup.seq} ", style="dim")
        if lookup.query is not None:
            out.append(_("search") + " ", style="bold")
            out.append(f"“{lookup.query}”")
            found = ", ".join(lookup.results) if lookup.results else _("no results")
            out.append(f" → {found}", style="dim")
        else:
            article = reader.article(lookup.article_id)
            out.append(_("opened") + " ", style="bold cyan")
            out.append(lookup.article_id or "")
            if article is not None:
                out.append(f" · {article.title}", style="dim")
    return out


class KbLookupsView(VerticalScroll):
    """What the candidate searched for and opened in the knowledge base, in order."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._shown: Text | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="ro-kb-body")

    def show_state(self, reader: StateReader) -> None:
        text = lookup_lines(reader)
        if text == self._shown:
            return
        self._shown = text
        self.query_one("#ro-kb-body", Static).update(text)
        self.call_after_refresh(self.scroll_end, animate=False)


def records_window(replay: Replay, index: int, state: ExamState, before: int = 14) -> Text:
    """The records around position `index`, the last one folded marked ▶ (what happened next dim)."""
    reader = StateReader(state)
    out = Text()
    start = max(0, index - before)
    stop = min(len(replay), index + before)
    if index == 0:
        out.append("▶ " + _("before the first record") + "\n", style="bold reverse")
    for i in range(start, stop):
        event, seq = replay.events[i], replay.seqs[i]
        line = record_line(seq, event, reader.customer_name, state.sla_profile)
        if i == index - 1:
            out.append("▶ " + line + "\n", style="bold reverse")
        elif i < index:
            out.append("  " + line + "\n")
        else:
            out.append("  " + line + "\n", style="dim")
        if seq in replay.refused:
            why = _("refused by the reducer: {why}").format(why=replay.refused[seq])
            out.append(f"    {why}\n", style="bold red")
    out.no_wrap = True
    out.overflow = "ellipsis"
    return out


class RecordsView(VerticalScroll):
    """The log records just before and after the moment, one line each."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._lines = -1

    def compose(self) -> ComposeResult:
        yield Static("", id="ro-records-body")

    def show(self, text: Text) -> None:
        """Lines are not wrapped, so the screen is laid out again only when their number changes."""
        lines = text.plain.count("\n")
        self.query_one("#ro-records-body", Static).update(text, layout=lines != self._lines)
        self._lines = lines
