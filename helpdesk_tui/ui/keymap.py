"""Every key of the exam UI, declared once: id, keys, action, footer text, help text.

Widgets and screens take their bindings from here (`bindings(owner)`), the
F1 help screen lists this table, and `docs/candidate-guide.md` describes it,
so the footer, the help and the guide cannot disagree. Descriptions are
msgids, translated when the bindings are built (when a screen is made), so
the language can be chosen after import. Ids allow a keymap to remap keys.

Letter keys act only where no text box has focus (an input consumes them);
F-keys and ctrl-keys work everywhere, also while typing in a chat.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual.binding import Binding, BindingsMap

from helpdesk_tui.i18n import N_, _


@dataclass(frozen=True, slots=True)
class Key:
    id: str
    keys: str
    action: str
    description: str
    help: str
    owner: str
    show: bool = True
    group: str | None = None
    key_display: str | None = None
    priority: bool = False
    """Works on every screen, modal dialogs included (the proctor key, the practice pause)."""
    waits: bool = False
    """A letter that changes the exam without asking first (Take): it acts only when no
    other printable key follows within a moment, so that the first letter of a word
    typed into the wrong pane does nothing (`ui/typing_guard.py`)."""


SECTIONS: dict[str, str] = {
    "app": N_("Anywhere"),
    "main": N_("Main screen"),
    "queue": N_("Ticket queue"),
    "conversations": N_("Conversations"),
    "composer": N_("Reply box (chats and calls)"),
    "kb": N_("Knowledge base"),
    "form": N_("Forms"),
    "picker": N_("Canned replies and macros"),
    "confirm": N_("Questions"),
    "notice": N_("Notices"),  # the end of the session, a disk fault
    "help": N_("This list"),
    "exam": N_("Exam"),
    "practice": N_("Practice (instructor)"),
}
"""An owner "exam.hand_in" is a dialog of the section "exam": listed under it in the
help, and left out where "exam" is (a practice session)."""

ESC = N_("Esc")
ENTER = N_("Enter")
HOME = N_("Home")
END = N_("End")
"""The names on those keys: French keyboards print Début and Fin, Dutch ones Home and End."""
_AREAS = N_("Areas")
_CHATS = N_("Chats")

KEYS: tuple[Key, ...] = (
    # --- app ------------------------------------------------------------------
    Key(
        "quit",
        "ctrl+q",
        "app.request_quit",
        N_("Quit"),
        N_("End the practice session (asks first)."),
        "app",
    ),
    # --- main screen: F- and ctrl-keys work also while typing ------------------
    Key("help", "f1", "app.help", N_("Keys"), N_("Show every key and what it does."), "main"),
    Key(
        "area.queue",
        "f2,1",
        "focus_area('queue')",
        N_("Queue"),
        N_("Go to the ticket queue."),
        "main",
        group=_AREAS,
    ),
    Key(
        "area.ticket",
        "f3,2",
        "focus_area('ticket')",
        N_("Ticket"),
        N_("Go to the selected ticket."),
        "main",
        group=_AREAS,
    ),
    Key(
        "area.conversation",
        "f4,3",
        "focus_area('conversation')",
        N_("Chats"),
        N_("Go to the conversations (the reply box)."),
        "main",
        group=_AREAS,
    ),
    Key(
        "area.kb",
        "f5,4",
        "focus_area('kb')",
        N_("KB"),
        N_("Go to the knowledge base: the open article (again: the search box)."),
        "main",
        group=_AREAS,
    ),
    Key(
        "kb.search",
        "slash",
        "focus_area('kb_search')",
        N_("KB search"),
        N_("Go to the knowledge-base search box, also from an open article."),
        "main",
        show=False,
    ),
    # --- ticket work (letters: not while typing) ------------------------------
    Key(
        "ticket.new",
        "n,ctrl+n",
        "new_ticket",
        N_("New"),
        N_("Create a ticket; from a conversation it is filled in and linked."),
        "main",
    ),
    Key(
        "ticket.edit",
        "e",
        "edit_ticket",
        N_("Edit"),
        N_("Change title, description, category, impact and urgency."),
        "main",
    ),
    Key(
        "ticket.take",
        "a",
        "take_ticket",
        N_("Take"),
        N_("Take a new ticket in hand (it becomes open)."),
        "main",
        waits=True,
    ),
    Key(
        "ticket.resume",
        "a",
        "resume_ticket",
        N_("Take back"),
        N_("Take an awaiting, on-hold or forwarded ticket back in hand (open again)."),
        "main",
        waits=True,
    ),
    Key(
        "ticket.reply",
        "r",
        "reply_ticket",
        N_("Reply"),
        N_("Write a public reply to the customer on the ticket."),
        "main",
    ),
    Key(
        "ticket.note",
        "i",
        "note_ticket",
        N_("Note"),
        N_("Add an internal note to the ticket."),
        "main",
    ),
    Key(
        "ticket.link",
        "l",
        "link_conversation",
        N_("Link chat"),
        N_("Link the conversation in view to the selected ticket."),
        "main",
        waits=True,
    ),
    Key(
        "ticket.transfer",
        "t",
        "transfer_ticket",
        N_("Transfer"),
        N_("Transfer the ticket to another group, with a reason."),
        "main",
    ),
    Key(
        "ticket.pending",
        "w",
        "pending_ticket",
        N_("Pending"),
        N_("Set the ticket waiting on the customer or a third party."),
        "main",
    ),
    Key(
        "ticket.resolve",
        "s",
        "resolve_ticket",
        N_("Solve"),
        N_("Resolve the ticket with a solution or a KB article."),
        "main",
    ),
    Key(
        "ticket.macro",
        "p",
        "macro",
        N_("Macro"),
        N_(
            "A prepared public reply that also sets the ticket's status "
            "(e.g. ask for details and wait on the customer); you read and edit it first."
        ),
        "main",
    ),
    Key("ticket.close", "c", "close_ticket", N_("Close"), N_("Close a resolved ticket."), "main"),
    Key(
        "ticket.reopen", "u", "reopen_ticket", N_("Reopen"), N_("Reopen a resolved ticket."), "main"
    ),
    Key(
        "conversation.previous",
        "f6",
        "switch_conversation(-1)",
        N_("Previous chat"),
        N_("Show the previous conversation."),
        "main",
        group=_CHATS,
    ),
    Key(
        "conversation.next",
        "f7",
        "switch_conversation(1)",
        N_("Next chat"),
        N_("Show the next conversation."),
        "main",
        group=_CHATS,
    ),
    Key(
        "conversation.canned",
        "f8",
        "canned_reply",
        N_("Canned"),
        N_("Pick a canned reply for the conversation in view."),
        "main",
    ),
    Key(
        "kb.insert_link",
        "ctrl+l",
        "insert_kb('link')",
        N_("Insert KB link"),
        N_(
            "Put a link to the open KB article into the chat reply; the article is linked to that chat's ticket."
        ),
        "main",
    ),
    Key(
        "kb.insert_passage",
        "ctrl+o",
        "insert_kb('passage')",
        N_("Insert passage"),
        N_(
            "Put the passage in view of the open KB article into the reply (numbered steps stay numbered)."
        ),
        "main",
    ),
    # --- queue ----------------------------------------------------------------
    Key(
        "queue.sort",
        "o",
        "screen.cycle_sort",
        N_("Sort"),
        N_("Change the queue's order (SLA urgency first)."),
        "queue",
    ),
    Key(
        "queue.filter",
        "f",
        "screen.cycle_filter",
        N_("Filter"),
        N_("Change which tickets the queue shows."),
        "queue",
    ),
    Key(
        "queue.mine",
        "m",
        "toggle_filter('mine')",
        N_("Mine"),
        N_("Show only the tickets you worked on (again: back to the last filter)."),
        "queue",
    ),
    Key(
        "queue.updated",
        "v",
        "toggle_filter('updated')",
        N_("Updated"),
        N_("Show only the tickets with something new you have not seen (marked ●)."),
        "queue",
    ),
    Key(
        "queue.search",
        "ctrl+f",
        "search_queue",
        N_("Find ticket"),
        N_(
            "Search the queue as you type, in ticket ids, titles and customers; "
            "Enter or Down back to the list, Esc clears."
        ),
        "main",
    ),
    Key(
        "queue.first",
        "home",
        "scroll_top",
        N_("First"),
        N_("Move to the first ticket of the queue."),
        "queue",
        show=False,
    ),
    Key(
        "queue.last",
        "end",
        "scroll_bottom",
        N_("Last"),
        N_("Move to the last ticket of the queue."),
        "queue",
        show=False,
    ),
    Key(
        "queue.open",
        "enter",
        "select_cursor",
        N_("Open"),
        N_("Read the selected ticket."),
        "queue",
        show=False,
    ),
    # --- conversations --------------------------------------------------------
    Key(
        "conversation.close",
        "x",
        "screen.close_conversation",
        N_("End chat"),
        N_("Close the chat, or hang up the call."),
        "conversations",
        waits=True,
    ),
    Key(
        "conversation.leave",
        "escape",
        "leave_reply",
        N_("Leave reply"),
        N_("From the reply box to the list of conversations, so letter keys act again."),
        "conversations",
        show=False,
    ),
    # --- the reply box of a chat or call (ui/widgets/conversations.Composer) ----
    Key(
        "composer.send",
        "enter",
        "send",
        N_("Send"),
        N_("Send the text in the box, exactly as it is now (a call: say it)."),
        "composer",
    ),
    Key(
        "composer.newline",
        "shift+enter,ctrl+j",
        "newline",
        N_("New line"),
        N_("Start a new line in the reply without sending it."),
        "composer",
        key_display=N_("Shift+Enter / Ctrl+J"),
    ),
    # --- knowledge base -------------------------------------------------------
    Key(
        "kb.results",
        "down",
        "results",
        N_("Results"),
        N_("From the search box down into the results (Enter opens one)."),
        "kb",
        show=False,
        key_display=N_("Down"),
    ),
    Key(
        "kb.back",
        "escape",
        "back",
        N_("Results"),
        N_("Back from the article to the search results."),
        "kb",
    ),
    Key(
        "kb.passage_previous",
        "left_square_bracket",
        "passage(-1)",
        N_("Prev passage"),
        N_("Mark the previous passage of the article."),
        "kb",
        key_display="[",
    ),
    Key(
        "kb.passage_next",
        "right_square_bracket",
        "passage(1)",
        N_("Next passage"),
        N_("Mark the next passage of the article."),
        "kb",
        key_display="]",
    ),
    # --- forms ----------------------------------------------------------------
    Key("form.save", "ctrl+s", "save", N_("Save"), N_("Check and save the form."), "form"),
    Key(
        "form.help",
        "f1",
        "app.help",
        N_("Keys"),
        N_("Show every key; Esc comes back to the form as it was."),
        "form",
    ),
    Key(
        "form.cancel",
        "escape",
        "cancel",
        N_("Cancel"),
        N_("Close the form without saving (the cancel is logged)."),
        "form",
        key_display=N_("Esc"),  # as on its button and in the guide, not Textual's "esc"
    ),
    Key(
        "form.next_field",
        "tab",
        "app.focus_next",
        N_("Next field"),
        N_("Move to the next field (Shift+Tab: the one before)."),
        "form_fields",
        key_display=N_("Tab"),
    ),
    Key(
        "form.insert_link",
        "ctrl+l",
        "insert_kb('link')",
        N_("KB link"),
        N_("Insert a link to the open KB article."),
        "form_text",
    ),
    Key(
        "form.insert_passage",
        "ctrl+o",
        "insert_kb('passage')",
        N_("KB passage"),
        N_("Insert the marked passage of the open KB article."),
        "form_text",
    ),
    # --- a form box's drop-down list (`ChoiceList`): its own keys, not the form's; on the
    # list itself, so its Enter is the one shown, not OptionList's hidden one ----------
    Key(
        "choice.pick",
        "enter",
        "screen.pick",
        N_("Choose"),
        N_("Take the highlighted value and close the list (↑/↓ move, a letter jumps)."),
        "form_choice",
        key_display=N_("Enter"),
    ),
    Key(
        "choice.pick_save",
        "ctrl+s",
        "screen.pick_then('save')",
        N_("Choose and save"),
        N_("Take the highlighted value and save the form."),
        "form_choice",
    ),
    Key(
        "choice.close",
        "escape",
        "screen.leave",
        N_("Close the list"),
        N_("Close the list; the box keeps its value and the form stays open."),
        "form_choice",
        key_display=N_("Esc"),
    ),
    Key(
        "help.close",
        "escape,f1,q",
        "close",
        N_("Close the list"),  # not "Close": that is a ticket's, "Clôturer" in French
        N_("Close this list of keys (also F1 or q)."),
        "help",
        key_display=N_("Esc"),
    ),
    # --- the canned-reply and macro picker: Ctrl+S inserts (it saves nothing) ---------
    Key(
        "picker.insert",
        "ctrl+s",
        "save",
        N_("Insert"),
        N_(
            "Put the highlighted reply into the text to read and edit before it is sent "
            "(Enter does the same)."
        ),
        "picker",
    ),
    Key(
        "picker.cancel",
        "escape",
        "cancel",
        N_("Cancel"),
        N_("Close the list; nothing is inserted (the cancel is logged)."),
        "picker",
        key_display=N_("Esc"),
    ),
    # --- a yes/no question (closing a ticket, a reply naming another customer, quitting) --
    Key(
        "confirm.yes",
        "y,j,o,Y,J,O",  # capitals too: Caps Lock (qa-play9)
        "answer(True)",
        N_("Yes"),
        N_("Answer yes: do it (also j or o, for ja and oui)."),
        "confirm",
        key_display=N_("y"),  # as on the Yes button: j in Dutch, o in French
    ),
    Key(
        "confirm.no",
        "n,N,escape",
        "answer(False)",
        N_("No"),
        N_("Answer no: go back, nothing changes."),
        "confirm",
        key_display=N_("n / Esc"),
    ),
    Key(
        "confirm.enter",
        "enter",
        "press_focused",
        N_("Highlighted button"),
        N_(
            "Press the highlighted button: No until you move to Yes (Tab), so one Enter "
            "pressed by habit changes nothing."
        ),
        "confirm",
        key_display=ENTER,
    ),
    # --- exam only (ui/lockdown.py): no quit, suspend or palette; these are the ways out --------
    Key(
        "exam.hand_in",
        "f10",
        "app.hand_in",
        N_("Hand in"),
        N_("Hand in your exam (asks twice); nothing can be changed afterwards."),
        "exam",
        priority=True,
    ),
    Key(
        "exam.proctor",
        "f12",
        "app.proctor",
        N_("Proctor"),
        N_("For the proctor: the proctor code ends or pauses the exam."),
        "exam",
        priority=True,
    ),
    # --- the exam's dialogs, each with these keys in its own footer ------------------------------
    Key(
        "hand_in.continue",
        "y,j,o,Y,J,O",  # capitals too: Caps Lock, or "Y" as the guide writes it (qa-play9)
        "step(1)",
        N_("Continue"),
        N_("Hand in, first question: go on to the last one (also j or o)."),
        "exam.hand_in",
        key_display=N_("y"),
    ),
    Key(
        "hand_in.confirm",
        "h,H",
        "step(2)",
        N_("Hand in for good"),
        N_("Hand in, last question: the exam ends now and its log is sealed."),
        "exam.hand_in",
        key_display=N_("h"),  # not "h, H": the capital is for Caps Lock
    ),
    Key(
        "hand_in.back",
        "escape,n,N",
        "back",
        N_("Back to the exam"),
        N_("Do not hand in: back to the exam, nothing changes."),
        "exam.hand_in",
        key_display=N_("Esc"),
    ),
    Key(
        "proctor.check",
        "enter",
        "submit",
        N_("Check the code"),
        N_("For the proctor: check the code typed (F12 opens its box)."),
        "exam.proctor_code.box",  # the code box's own Enter, shown (Textual's is hidden)
        key_display=N_("Enter"),
    ),
    Key(
        "proctor.code_back",
        "escape",
        "cancel",
        N_("Back"),
        N_("Close the proctor's code box."),
        "exam.proctor_code",
        key_display=N_("Esc"),
    ),
    *(
        Key(
            f"proctor.{choice}",
            f"{letter},{letter.upper()}",  # Shift or Caps Lock chooses the same
            f"choose('{choice}')",
            label,
            help,
            "exam.proctor_menu",
            key_display=letter.upper(),
        )
        for choice, letter, label, help in (
            (
                "end",
                "e",
                N_("End exam"),
                N_("Proctor: end the exam now (sealed: stopped by the proctor)."),
            ),
            ("pause", "p", N_("Pause"), N_("Proctor: pause the exam clock.")),
            ("resume", "r", N_("Resume"), N_("Proctor: resume the exam clock.")),
            (
                "suspend",
                "s",
                N_("Stop, resume later"),
                N_("Proctor: stop the program; the exam can be resumed later."),
            ),
            ("close", "c", N_("Close program"), N_("Proctor: close the program.")),
        )
    ),
    Key(
        "proctor.menu_back",
        "escape",
        "choose('')",
        N_("Close the menu"),
        N_("Close the proctor's menu (back to the exam, if it still runs)."),
        "exam.proctor_menu",
        key_display=N_("Esc"),
    ),
    Key(
        "notice.leave",
        "enter,escape,q",
        "leave",
        N_("Leave"),
        N_("At the end of a session: leave the program (everything is in the log)."),
        "notice.end",
        key_display=N_("Enter"),
    ),
    Key(
        "notice.retry",
        "enter,r",
        "retry",
        N_("Try again"),
        N_("The log cannot be written: try writing it again now (it is tried every 3 s)."),
        "notice.disk",
        key_display=N_("Enter"),
    ),
    # --- practice only (ui/practice_controls.py) -------------------------------------------------
    Key(
        "practice.pause",
        "f9",
        "app.toggle_pause",
        N_("Pause"),
        N_("Pause or continue the practice clock (and every SLA clock)."),
        "practice",
        priority=True,
    ),
    Key(
        "practice.continue",
        "f9",
        "app.toggle_pause",
        N_("Continue"),
        N_("While paused: continue the practice clock (and every SLA clock)."),
        "practice.paused",
    ),
    Key(
        "practice.speed",
        "ctrl+t",
        "app.cycle_speed",
        N_("Speed"),
        N_("Run the practice clock at x1, x2 or x4."),
        "practice",
    ),
    Key(
        "practice.hint",
        "ctrl+g",
        "app.hint",
        N_("Hint"),
        N_("A hint from the answer key for the selected ticket (logged)."),
        "practice",
    ),
    Key(
        "practice.restart",
        "ctrl+r",
        "app.restart",
        N_("Restart"),
        N_("End this session (its log is sealed) and start afresh (asks first)."),
        "practice",
    ),
)


def keys_for(owner: str, *, locked: bool = False) -> list[Key]:
    """The keys one screen or widget declares; a locked exam has no quit key and no
    practice controls (nor their dialogs), a practice session no exam keys."""
    if section_of(owner) == ("practice" if locked else "exam"):
        return []
    return [k for k in KEYS if k.owner == owner and not (locked and k.id == "quit")]


def section_of(owner: str) -> str:
    """The section of `SECTIONS` an owner's keys are listed under ("exam.hand_in": "exam")."""
    return owner.split(".")[0]


_NAMED = {"escape": ESC, "enter": ENTER, "home": HOME, "end": END}
"""Keys the footer names as the help and the buttons do ("Échap", "Entrée"), not as
Textual does ("esc", "⏎"), when their entry gives no name of its own."""


def footer_key_name(key: Key) -> str | None:
    named = key.key_display or _NAMED.get(key.keys.split(",")[0])
    return _(named) if named else None  # never _(""): gettext gives the catalogue's header


def bindings(owner: str, *, locked: bool = False) -> list[Binding]:
    """Textual bindings for an owner, described in the current language."""
    groups: dict[str, Binding.Group] = {}
    result: list[Binding] = []
    for key in keys_for(owner, locked=locked):
        group = None
        if key.group is not None:
            group = groups.setdefault(key.group, Binding.Group(_(key.group)))
        result.append(
            Binding(
                key.keys,
                key.action,
                _(key.description),
                show=key.show,
                key_display=footer_key_name(key),
                tooltip=_(key.help),
                id=key.id,
                priority=key.priority,
                group=group,
            )
        )
    return result


def install(node: object, *owners: str, locked: bool = False, first: bool = False) -> None:
    """Add an owner's bindings to a widget, screen or app (after its __init__); `first`
    puts them before a key's inherited binding (a form's shown Tab before the hidden
    one every Textual screen has), so the footer shows them."""
    extra = BindingsMap([b for owner in owners for b in bindings(owner, locked=locked)])
    maps = [extra, node._bindings] if first else [node._bindings, extra]  # type: ignore[attr-defined]
    node._bindings = BindingsMap.merge(maps)  # type: ignore[attr-defined]


def display_keys(key: Key) -> str:
    """How the help screen and the guide write a key: F2 / 1, Ctrl+L, [; the names of
    keys in the current language, as the buttons and the footer write them (Échap)."""
    if key.key_display:
        return _(key.key_display)
    return ", ".join(written_key(one) for one in key.keys.split(","))


def written_key(one: str) -> str:
    """One Textual key as the help and the guide write it: ctrl+s is Ctrl+S, f1 F1,
    escape Esc (Échap in French)."""
    names = {"slash": "/", "escape": _(ESC), "enter": _(ENTER), "home": _(HOME), "end": _(END)}
    *modifiers, name = one.split("+")
    if name in names:
        name = names[name]
    elif len(name) == 1 or re.fullmatch(r"f\d{1,2}", name):
        name = name.upper() if modifiers or len(name) > 1 else name
    else:
        name = name.capitalize()
    return "+".join([*(m.capitalize() for m in modifiers), name])


def footer_written(key: str) -> str | None:
    """How a key bar writes a key that has no name of its own (`Binding.key_display`):
    a Ctrl or Shift chord and an F-key as the help writes them ("Ctrl+S", "F1"), where
    Textual writes "^s" and "f1" (bugs19: footers said ^S where the help and the
    dialogs said Ctrl+S); None for the rest, which Textual's own display keeps (↑, ⇥)."""
    if "+" in key or re.fullmatch(r"f\d{1,2}", key):
        return written_key(key)
    return None


WAITING: frozenset[str] = frozenset(key.id for key in KEYS if key.waits)
"""The ids of the letters that wait for the next key before they act (`Key.waits`)."""


def first_key(key_id: str) -> str:
    """How the help writes the first key of a key's entry ("F4" of "F4, 3"), for a
    sentence that names it (the typing guard's notice)."""
    key = next(k for k in KEYS if k.id == key_id)
    if key.key_display:
        return _(key.key_display)
    first = key.keys.split(",")[0]
    return display_keys(Key(key.id, first, key.action, key.description, key.help, key.owner))


def description(key_id: str) -> str:
    """A key's short description (its msgid: "Proctor"), for a sentence that names it."""
    return next(k.description for k in KEYS if k.id == key_id)
