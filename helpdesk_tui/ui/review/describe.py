"""One line per log record, for the timeline, the records list and the live event feed.

An assessor scrubbing through a log, or an observer watching one grow, reads
what each record *means* ("note on T-1003: ...") rather than its JSON. The
wording is a UI string (translated with `_()`); quoted text stays as the
candidate or customer wrote it. `subject_of` says which ticket, conversation
or article a record concerns, so a jump to it can bring that into view.
No Textual here: tested on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.notices import notice_phrase
from helpdesk_tui.core.sla import SlaProfile
from helpdesk_tui.core.state import TERMINAL_LARGE_ENOUGH, TERMINAL_TOO_SMALL
from helpdesk_tui.customers.causes import mood_cause
from helpdesk_tui.i18n import N_, _, fill, ngettext
from helpdesk_tui.printable import printable
from helpdesk_tui.ui.format import (
    clock,
    end_reason_label,
    form_label,
    level_label,
    localized,
    mood_label,
    one_line,
    pause_reason_label,
    priority_label,
)

TERMINAL_SIZE_LABELS = {
    TERMINAL_TOO_SMALL: N_("terminal smaller than 80 x 24 ({size}): the too-small notice"),
    TERMINAL_LARGE_ENOUGH: N_("terminal large enough again ({size})"),
}
"""The terminal's size as the exam logs it (`lockdown_key_blocked`, since bugs13)."""
PROCTOR_CODE_LABELS = {
    "proctor code: wrong": N_("wrong proctor code"),
    "proctor code: during the wait": N_(
        "proctor code typed during the wait after a wrong one (not checked)"
    ),
}
"""The proctor's code box as the exam logs it (`lockdown_key_blocked`; the code never)."""

QUOTE = 80
"""Characters of a quoted text kept in one line."""

LABELS: dict[str, str] = {
    "session_started": N_("session started: {title}"),
    "session_paused": N_("paused ({reason})"),
    "session_resumed": N_("resumed ({reason})"),
    "session_ended": N_("session ended: {reason}"),
    "speed_changed": N_("speed ×{speed}"),
    "disk_fault": N_("disk fault: {message}"),
    "lockdown_key_blocked": N_("blocked key {key}"),
    "chat_opened": N_("chat {conversation} opened by {customer}"),
    "call_started": N_("call {conversation} from {customer}"),
    "call_ended": N_("call {conversation} ended by {by}"),
    "customer_typing": N_("customer typing in {conversation}"),
    "customer_message": N_("customer in {conversation}: {text}"),
    "email_received": N_("e-mail {ticket}: {title}"),
    "ticket_preloaded": N_("in the queue {ticket}: {title}"),
    "second_line_reply": N_("{group} replied on {ticket}: {text}"),
    "customer_email": N_("the customer wrote on {ticket}: {text}"),
    "mood_changed": N_("{customer} is now {mood} ({cause})"),
    "evidence_flagged": N_("flag {competency}: {reason}"),
    "ticket_created": N_("created {ticket}: {title}"),
    "ticket_updated": N_("updated {ticket}: {changes}"),
    "ticket_opened": N_("took {ticket}"),
    "ticket_transferred": N_("transferred {ticket} to {group}: {reason}"),
    "ticket_pending": N_("{ticket} pending on {waiting_on}"),  # any other waiting_on
    "ticket_resolved": N_("resolved {ticket}: {solution}"),
    "ticket_reopened": N_("reopened {ticket}"),
    "ticket_closed": N_("closed {ticket}"),
    "ticket_linked": N_("linked {ticket} to {target}"),
    "ticket_reply_added": N_("reply on {ticket}: {text}"),
    "note_added": N_("note on {ticket}: {text}"),
    "message_sent": N_("candidate in {conversation}: {text}"),
    "conversation_closed": N_("closed {conversation}"),
    "kb_searched": N_("KB search “{query}”: {results}"),
    "kb_article_opened": N_("opened KB article {article}"),
    "focus_moved": N_("looked at {area} {target}"),
    "form_cancelled": N_("cancelled the {form} form"),
    "hint_requested": N_("hint on {ticket}"),
    "notice_shown": N_("shown: {text}"),
}


def results_count(n: int) -> str:
    """A search's results, counted in the UI language's plural ("1 résultat")."""
    return ngettext("{n} result", "{n} results", n).format(n=n)


BEGINS = N_("{conversation} begins")
"""A chat or call opening, when conversations are named by who and how."""
PENDING_LABELS: dict[str, str] = {
    "customer": N_("{ticket} pending on the customer"),
    "third_party": N_("{ticket} pending on a third party"),
}
"""Whole sentences, not "pending on {waiting_on}": French says "du client", which no
value filled into "en attente de {waiting_on}" can give."""


def _quote(text: Any) -> str:
    line = one_line(printable(str(text)))  # an invisible character as its code point (sec21)
    return line if len(line) <= QUOTE else line[: QUOTE - 1] + "…"


FIELD_NAMES: dict[str, str] = {
    "title": N_("title"),
    "description": N_("description"),
    "category": N_("category"),
    "impact": N_("impact"),
    "urgency": N_("urgency"),
    "priority": N_("priority"),
}
"""A ticket's fields as a change line names them."""


def _change(name: str, value: Any, profile: SlaProfile | None) -> str:
    """`impact=bas`: a changed field, a level in the UI's language (per use)."""
    shown = level_label(value, name, profile) if name in ("impact", "urgency") else value
    if name == "priority":
        shown = priority_label(value, profile)
    return f"{_(FIELD_NAMES[name]) if name in FIELD_NAMES else name}={shown}"


def _same(text: str) -> str:
    return text


def _fields(
    event: Event,
    name: Callable[[str], str],
    profile: SlaProfile | None = None,
    conversation: Callable[[str], str] = _same,
) -> dict[str, str]:
    """The values a label may use, every one a short single line."""
    d = event.data
    conv = conversation(str(d["conversation_id"])) if "conversation_id" in d else ""
    target = conv or d.get("kb_article") or ""
    looked_at = d.get("target", "")
    if event.type == "focus_moved" and d.get("area") == "conversation" and looked_at:
        looked_at = conversation(str(looked_at))
    changes = ", ".join(_change(k, v, profile) for k, v in (d.get("changes") or {}).items())
    if d.get("priority_override"):
        override = _change("priority", d["priority_override"], profile)
        changes = ", ".join(filter(None, [changes, override]))
    return {
        "title": _quote(d.get("title") or d.get("scenario_title") or ""),
        "reason": _quote(
            end_reason_label(str(d["reason"]))
            if event.type == "session_ended"
            else pause_reason_label(str(d.get("reason", "")))
            if event.type in ("session_paused", "session_resumed")
            else d.get("reason", "")
        ),
        "speed": str(d.get("speed", "")),
        "message": _quote(d.get("message", "")),
        "key": str(d.get("key", "")),
        "conversation": conv,
        "customer": name(str(d.get("customer_id", ""))),
        "by": str(d.get("by", "")),
        "text": _quote(
            localized(notice_phrase(d)) if event.type == "notice_shown" else d.get("text", "")
        ),
        "ticket": str(d.get("ticket_id", "")),
        "group": str(d.get("group", "")),
        "mood": mood_label(str(d.get("mood", ""))),
        "cause": mood_cause(str(d.get("cause", ""))),
        "competency": str(d.get("competency", "")),
        "changes": changes,
        "waiting_on": str(d.get("waiting_on", "")).replace("_", " "),
        "solution": _quote(d.get("solution", "")),
        "target": str(target) if event.type == "ticket_linked" else str(looked_at),
        "query": _quote(d.get("query", "")),
        "results": results_count(len(d.get("results", []))),
        "article": str(d.get("article_id", "")),
        "area": str(d.get("area", "")),
        "form": form_label(str(d.get("form", ""))),
    }


def describe(
    event: Event,
    customer_name: Callable[[str], str] | None = None,
    profile: SlaProfile | None = None,
    conversation_name: Callable[[str], str] | None = None,
) -> str:
    """What the event means, on one line, in the UI language (levels by `profile`'s labels).
    A conversation is named by its id (the assessor's evidence cites ids), or by
    `conversation_name` (observe: a proctor sees who and how, as the candidate does)."""
    label = LABELS.get(event.type)
    if label is None:
        return event.type
    if conversation_name is not None and event.type in ("chat_opened", "call_started"):
        label = BEGINS  # the name says who and how already
    if event.type == "ticket_pending":
        label = PENDING_LABELS.get(str(event.data.get("waiting_on")), label)
    if event.type == "lockdown_key_blocked":  # the terminal's size is no blocked key
        key = str(event.data.get("key", ""))
        for prefix, words in TERMINAL_SIZE_LABELS.items():
            if key.startswith(prefix):
                return one_line(fill(_(words), size=key.removeprefix(prefix)))
        if key in PROCTOR_CODE_LABELS:
            label = PROCTOR_CODE_LABELS[key]
    fields = _fields(event, customer_name or _same, profile, conversation_name or _same)
    line = one_line(fill(_(label), **fields))
    count = event.data.get("count") if event.type == "lockdown_key_blocked" else None
    return f"{line} \u00d7{count}" if isinstance(count, int) and count > 1 else line


def record_line(
    seq: int,
    event: Event,
    customer_name: Callable[[str], str] | None = None,
    profile: SlaProfile | None = None,
    conversation_name: Callable[[str], str] | None = None,
) -> str:
    """`0:12:30 #88 note on T-1003: ...`: the record's exam time, seq and meaning."""
    line = describe(event, customer_name, profile, conversation_name)
    return f"{clock(event.exam_time)} #{seq} {line}"


def subject_of(event: Event | None) -> tuple[str, str] | None:
    """("conversation" | "ticket" | "kb", id) the record concerns, or None."""
    if event is None:
        return None
    d = event.data
    if event.type == "focus_moved":
        area, target = d.get("area"), d.get("target")
        if target and area in ("conversation", "ticket"):
            return str(area), str(target)
        return None
    if "conversation_id" in d and not d.get("ticket_id"):
        return "conversation", str(d["conversation_id"])
    if "ticket_id" in d:
        return "ticket", str(d["ticket_id"])
    if event.type == "kb_article_opened":
        return "kb", str(d["article_id"])
    if event.type == "kb_searched":
        return "kb", ""
    return None
