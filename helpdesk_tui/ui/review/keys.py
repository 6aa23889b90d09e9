"""Every key of the review and observe apps, declared once: id, keys, action, footer, help.

The same table gives the bindings (built when a screen is made, so they
speak the language chosen at start), the footer and the F1 help, as the
candidate's `ui.keymap` does; it reuses that module's `Key` record and its
way of writing keys. The scrubber and verdict keys are *priority* bindings:
they act whichever panel has focus (a focused list would otherwise take the
arrows and letters for itself). Neither app has a text box on its main
screen, so no typing is lost to them; dialogs are screens of their own.
"""

from __future__ import annotations

import dataclasses

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingsMap

from helpdesk_tui.i18n import N_, _
from helpdesk_tui.ui.keymap import Key, display_keys, footer_key_name

_RECORD = N_("Record")
_MINUTE = N_("Minute")
_VERDICT = N_("Verdict")
_EVIDENCE = N_("Evidence")
_VIEW = N_("View")

SECTIONS: dict[str, str] = {
    "review": N_("Review: the scrubber, the evidence and your verdicts"),
    "review_lists": N_("Review: in the lists"),
    "observe": N_("Observe: the live view"),
    "room": N_("Room: every candidate of the sitting"),
    "room_observe": N_("Room: observing one candidate"),
    "comment": N_("Comment"),
    "jump": N_("Go to a moment"),
    "leave": N_("Leaving with unsaved verdicts"),
    "keys_help": N_("This list"),
}

KEYS: tuple[Key, ...] = (
    # --- review: scrubber -----------------------------------------------------
    Key(
        "scrub.back",
        "left",
        "step(-1)",
        N_("◀ record"),
        N_("One record back."),
        "review",
        group=_RECORD,
        key_display="←",
    ),
    Key(
        "scrub.forward",
        "right",
        "step(1)",
        N_("record ▶"),
        N_("One record forward."),
        "review",
        group=_RECORD,
        key_display="→",
    ),
    Key(
        "scrub.minute_back",
        "shift+left",
        "minutes(-1)",
        N_("◀ minute"),
        N_("One minute of exam time back."),
        "review",
        group=_MINUTE,
        key_display="⇧←",
    ),
    Key(
        "scrub.minute_forward",
        "shift+right",
        "minutes(1)",
        N_("minute ▶"),
        N_("One minute of exam time forward."),
        "review",
        group=_MINUTE,
        key_display="⇧→",
    ),
    Key(
        "scrub.start",
        "home",
        "start",
        N_("To the start"),
        N_("The start of the exam."),
        "review",
        show=False,
    ),
    Key(
        "scrub.end",
        "end",
        "end",
        N_("To the end"),
        N_("The end of the log."),
        "review",
        show=False,
    ),
    Key(
        "scrub.jump",
        "g",
        "jump",
        N_("Go to"),
        N_("Go to an exam time (h:mm:ss) or a record (#seq)."),
        "review",
    ),
    Key(
        "evidence.previous",
        "left_square_bracket",
        "evidence(-1)",
        N_("◀ evidence"),
        N_("The previous record of the selected competency's evidence."),
        "review",
        group=_EVIDENCE,
        key_display="[",
    ),
    Key(
        "evidence.next",
        "right_square_bracket",
        "evidence(1)",
        N_("evidence ▶"),
        N_("The next record of the selected competency's evidence."),
        "review",
        group=_EVIDENCE,
        key_display="]",
    ),
    # --- review: verdicts -----------------------------------------------------
    Key(
        "verdict.proven",
        "p",
        "verdict('proven')",
        N_("proven"),
        N_("Mark the selected competency proven."),
        "review",
        group=_VERDICT,
    ),
    Key(
        "verdict.not_proven",
        "n",
        "verdict('not_proven')",
        N_("not proven"),
        N_("Mark the selected competency not proven."),
        "review",
        group=_VERDICT,
    ),
    Key(
        "verdict.not_observed",
        "o",
        "verdict('not_observed')",
        N_("not observed"),
        N_("Mark the selected competency not observed."),
        "review",
        group=_VERDICT,
    ),
    Key(
        "verdict.clear",
        "u",
        "verdict(None)",
        N_("undecided"),
        N_("Take the verdict back: undecided again."),
        "review",
        show=False,
    ),
    Key(
        "verdict.comment",
        "c",
        "comment",
        N_("Comment"),
        N_("Write the comment on the selected competency's verdict."),
        "review",
    ),
    Key(
        "verdict.save",
        "ctrl+s",
        "save",
        N_("Save"),
        N_("Save your verdicts (signed when you gave --key)."),
        "review",
    ),
    # --- review: views --------------------------------------------------------
    Key(
        "view.conversation",
        "1",
        "tab('conversation')",
        N_("Chats"),
        N_("Show the conversations at the moment."),
        "review",
        group=_VIEW,
        show=False,
    ),
    Key(
        "view.ticket",
        "2",
        "tab('ticket')",
        N_("Ticket"),
        N_("Show the ticket selected in the queue at the moment."),
        "review",
        group=_VIEW,
        show=False,
    ),
    Key(
        "view.kb",
        "3",
        "tab('kb')",
        N_("KB"),
        N_("Show the knowledge-base look-ups up to the moment."),
        "review",
        group=_VIEW,
        show=False,
    ),
    Key(
        "view.records",
        "4",
        "tab('records')",
        N_("Records"),
        N_("Show the log records around the moment."),
        "review",
        group=_VIEW,
        show=False,
    ),
    Key("help", "f1", "help", N_("Keys"), N_("Show every key and what it does."), "review"),
    Key(
        "leave",
        "q,ctrl+q",
        "leave",
        N_("Quit"),
        N_("Leave the review (asks first when verdicts are unsaved)."),
        "review",
    ),
    # --- review: lists (the focused widget's own keys) ------------------------
    Key(
        "list.move",
        "up,down",
        "",
        N_("Move"),
        N_("Choose a competency, an evidence record, a ticket or a conversation."),
        "review_lists",
        key_display="↑ ↓",
    ),
    Key(
        "list.jump",
        "enter",
        "",
        N_("Jump"),
        N_("In the evidence: go to that record (an item: to its first record)."),
        "review_lists",
        key_display="Enter",
    ),
    Key(
        "list.focus",
        "tab,shift+tab",
        "",
        N_("Next panel"),
        N_("Move between the queue, the views, the competencies and the evidence."),
        "review_lists",
        key_display="Tab",
    ),
    # --- observe --------------------------------------------------------------
    Key(
        "observe.follow",
        "f",
        "follow",
        N_("Follow"),
        N_(
            "Follow what the candidate is looking at (on at start; choosing yourself turns it off)."
        ),
        "observe",
    ),
    Key(
        "observe.closed",
        "a",
        "show_closed",
        N_("All tickets"),
        N_("Show the closed tickets in the queue too (again: only those not closed)."),
        "observe",
    ),
    Key(
        "observe.help", "f1", "help", N_("Keys"), N_("Show every key and what it does."), "observe"
    ),
    Key(
        "observe.leave",
        "q,ctrl+q",
        "leave",
        N_("Quit"),
        N_("Stop observing (the exam goes on)."),
        "observe",
    ),
    # --- observe, opened from the room: q and Esc come back to the room ------
    Key(
        "room_observe.follow",
        "f",
        "follow",
        N_("Follow"),
        N_(
            "Follow what the candidate is looking at (on at start; choosing yourself turns it off)."
        ),
        "room_observe",
    ),
    Key(
        "room_observe.closed",
        "a",
        "show_closed",
        N_("All tickets"),
        N_("Show the closed tickets in the queue too (again: only those not closed)."),
        "room_observe",
    ),
    Key(
        "room_observe.help",
        "f1",
        "help",
        N_("Keys"),
        N_("Show every key and what it does."),
        "room_observe",
    ),
    Key(
        "room_observe.back",
        "escape,q,ctrl+q",
        "leave",
        N_("Back to the room"),
        N_("Stop observing this candidate and come back to the room (the exam goes on)."),
        "room_observe",
        key_display="Esc",
    ),
    # --- room ---------------------------------------------------------------
    Key(
        "room.open",
        "enter",
        "open",
        N_("Observe"),
        N_("Observe the selected candidate live (Esc comes back to the room)."),
        "room",
        key_display="Enter",
    ),
    Key(
        "room.sort",
        "s",
        "sort(1)",
        N_("Sort"),
        N_("Sort by the next column (the header says which)."),
        "room",
    ),
    Key(
        "room.sort_back",
        "S",
        "sort(-1)",
        N_("Sort back"),
        N_("Sort by the previous column."),
        "room",
        show=False,
    ),
    Key(
        "room.reverse",
        "r",
        "reverse",
        N_("Reverse"),
        N_("Reverse the order of the sort."),
        "room",
    ),
    Key("room.help", "f1", "help", N_("Keys"), N_("Show every key and what it does."), "room"),
    Key(
        "room.leave",
        "q,ctrl+q",
        "leave",
        N_("Quit"),
        N_("Stop watching the room (the exams go on)."),
        "room",
    ),
    # --- dialogs --------------------------------------------------------------
    Key(
        "comment.keep",
        "ctrl+s",
        "keep",
        N_("Keep"),
        N_("Keep the comment (saved with the verdicts on Ctrl+S)."),
        "comment",
    ),
    Key(
        "comment.cancel",
        "escape",
        "cancel",
        N_("Cancel"),
        N_("Close without changing the comment."),
        "comment",
    ),
    Key(
        "jump.go",
        "enter",
        "go",
        N_("Go"),
        N_("Go to the time or record typed."),
        "jump",
        key_display="Enter",
    ),
    Key("jump.cancel", "escape", "cancel", N_("Cancel"), N_("Stay where you are."), "jump"),
    Key(
        "leave.save",
        "s,ctrl+s",
        "answer('save')",
        N_("Save and leave"),
        N_("Save the verdicts, then leave."),
        "leave",
    ),
    Key(
        "leave.discard",
        "d",
        "answer('discard')",
        N_("Leave without saving"),
        N_("Leave; the changes since the last save are lost."),
        "leave",
    ),
    Key("leave.stay", "escape", "answer(None)", N_("Stay"), N_("Go back to the review."), "leave"),
    Key(
        "keys_help.close",
        "escape,f1,q",
        "close",
        N_("Close the list"),
        N_("Close this list of keys."),
        "keys_help",
        key_display="Esc",
    ),
)

PRIORITY = frozenset(
    {
        "scrub.back", "scrub.forward", "scrub.minute_back", "scrub.minute_forward",
        "scrub.start", "scrub.end", "scrub.jump", "evidence.previous", "evidence.next",
        "verdict.proven", "verdict.not_proven", "verdict.not_observed", "verdict.clear",
        "verdict.comment", "verdict.save", "view.conversation", "view.ticket", "view.kb",
        "view.records", "leave", "observe.follow", "observe.leave", "room.leave", "room.help",
        "room.open", "jump.go", "room_observe.follow", "room_observe.back",
    }
)  # fmt: skip
"""Keys that act whatever has focus (see the module doc)."""


def keys_for(owner: str) -> list[Key]:
    return [k for k in KEYS if k.owner == owner]


def bindings(owner: str) -> list[Binding]:
    """Textual bindings for one owner, described in the current language."""
    groups: dict[str, Binding.Group] = {}
    result = []
    for key in keys_for(owner):
        if not key.action:
            continue  # documented only: the focused widget's own key
        group = None
        if key.group is not None:
            group = groups.setdefault(key.group, Binding.Group(_(key.group)))
        result.append(
            Binding(
                key.keys,
                key.action,
                _(key.description),
                show=key.show,
                key_display=footer_key_name(key),  # Entrée, Fin: as the help says them
                priority=key.id in PRIORITY,
                tooltip=_(key.help),
                id=key.id,
                group=group,
            )
        )
    return result


def first_key_of(owner: str, action: str) -> str:
    """How the help writes the first key of an owner's action, for a sentence that names
    it ("a shows them")."""
    key = next(k for k in keys_for(owner) if k.action == action)
    return display_keys(dataclasses.replace(key, keys=key.keys.split(",")[0]))


def install(node: object, owner: str) -> None:
    """Add an owner's bindings to a screen or app (after its __init__)."""
    extra = BindingsMap(bindings(owner))
    node._bindings = BindingsMap.merge([node._bindings, extra])  # type: ignore[attr-defined]


def help_table(owners: tuple[str, ...]) -> Group:
    """The keys of these owners: per section a title and a table of keys and what each does."""
    parts: list[RenderableType] = []
    for owner in owners:
        parts.append(Text(_(SECTIONS[owner]), style="bold underline"))
        table = Table(box=None, show_header=False, expand=True, padding=(0, 1))
        table.add_column(no_wrap=True, style="bold", min_width=8)
        table.add_column(ratio=1)
        for key in keys_for(owner):
            what = _("{action}: {detail}").format(action=_(key.description), detail=_(key.help))
            table.add_row(display_keys(key), what)
        parts.extend([table, Text("")])
    return Group(*parts)
