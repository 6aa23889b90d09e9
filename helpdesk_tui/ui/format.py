"""How times and labels read on screen: pure functions, no Textual.

Kept apart from the widgets so the same wording is used in the queue, the
ticket view and the conversations, and so it is tested without an app.
"""

from __future__ import annotations

import math
import re

from helpdesk_tui.core.phrase import say
from helpdesk_tui.core.sla import SlaProfile
from helpdesk_tui.core.sla_labels import sla_label
from helpdesk_tui.core.state import TicketStatus
from helpdesk_tui.i18n import N_, _, current_language, fill

STATUS_LABELS: dict[str, str] = {
    TicketStatus.NEW.value: N_("new"),
    TicketStatus.OPEN.value: N_("open"),
    TicketStatus.PENDING_CUSTOMER.value: N_("awaiting"),
    TicketStatus.PENDING_THIRD_PARTY.value: N_("on hold"),
    TicketStatus.TRANSFERRED.value: N_("forwarded"),
    TicketStatus.RESOLVED.value: N_("resolved"),
    TicketStatus.CLOSED.value: N_("closed"),
}
"""One word per status, the same in the queue, the ticket area, a macro's list and a
refusal (qa-play9: the queue said "forwarded" and "on hold" where the ticket area beside
it said "transferred" and "pending 3rd party"). At most `QUEUE_STATUS_MAX` characters in
every language, so the queue's status column reads whole down to 80 x 24 ("wacht op
klant" was cut to "wacht o…"). "On hold" is the word Zendesk uses for waiting on a third
party ("pending" is the queue filter's word for both kinds of waiting); "awaiting" waits
on the customer."""
QUEUE_STATUS_MAX = 9

MOOD_LABELS: dict[str, str] = {
    "calm": N_("calm"),
    "irritated": N_("irritated"),
    "angry": N_("angry"),
}

END_REASON_LABELS: dict[str, str] = {
    "completed": N_("completed"),
    "time-up": N_("time up"),
    "proctor-stopped": N_("stopped by the proctor"),
    "handed-in": N_("handed in"),
    "interrupted": N_("interrupted"),
}

FORM_LABELS: dict[str, str] = {
    "ticket_create": N_("new ticket"),
    "ticket_edit": N_("edit ticket"),
    "reply": N_("public reply"),
    "note": N_("internal note"),
    "reopen": N_("reopen"),
    "transfer": N_("transfer"),
    "pending": N_("pending"),
    "resolve": N_("resolve"),
    "close": N_("close ticket"),
    "canned": N_("canned reply"),
    "macro": N_("macro"),
    "restart": N_("restart"),
    "quit": N_("quit"),
}
"""The names `form_cancelled` logs, as a person reads them."""


MODE_LABELS: dict[str, str] = {"practice": N_("Practice"), "exam": N_("Exam")}


def mode_label(mode: str) -> str:
    """A log's mode as the header bar names it, a label ("Entraînement", "Oefenen": not the
    verb in lower case, bugs21's walk); an unknown one as logged."""
    return _(MODE_LABELS[mode]) if mode in MODE_LABELS else mode


def end_reason_label(reason: str) -> str:
    return _(END_REASON_LABELS[reason]) if reason in END_REASON_LABELS else reason


PAUSE_REASON_LABELS: dict[str, str] = {
    "proctor": N_("the proctor's pause"),
    "instructor": N_("the instructor's pause"),
    "resumed by the proctor": N_("resumed by the proctor"),
    "continued by the instructor": N_("continued by the instructor"),
    "resumed after interruption": N_("resumed after interruption"),
    "resumed after interruption; the exam clock was paused during the outage": N_(
        "resumed after interruption; the exam clock was paused during the outage"
    ),
    "resumed after interruption; the outage counted as exam time (policy elapsed)": N_(
        "resumed after interruption; the outage counted as exam time (policy elapsed)"
    ),
    "stopped by the proctor": N_("stopped by the proctor"),
    "the browser tab was closed": N_("the browser tab was closed"),
    "the browser tab was closed after a time without a key": N_(
        "the browser tab was closed after a time without a key"
    ),
}
"""What the exam logs as a pause's or a resume's reason, as a person reads it (the walk,
bugs21: observe's Dutch feed said "gepauzeerd (interrupted: stopped by the proctor)")."""


def pause_reason_label(reason: str) -> str:
    """A pause's or a resume's reason in the UI language; "interrupted: X" with X worded
    too (a signal's name, SIGHUP, stays a name); anything else as logged."""
    if reason in PAUSE_REASON_LABELS:
        return _(PAUSE_REASON_LABELS[reason])
    if reason.startswith("interrupted: "):
        why = reason.removeprefix("interrupted: ")
        return _("interrupted: {why}").format(why=pause_reason_label(why))
    return reason


def form_label(form: str) -> str:
    return _(FORM_LABELS[form]) if form in FORM_LABELS else form.replace("_", " ")


def labelled(label: str) -> str:
    """A label and its colon, as the language writes them: "You: ", French "Vous\u00a0: "
    (a no-break space before the colon, so the colon never starts a line)."""
    return _("{label}: ").format(label=label)


TARGET_LABELS = {
    "first_response": N_("first response"),
    "update": N_("update"),
    "resolution": N_("resolution"),
}
"""The SLA targets' names (a ticket's SLA lines, the practice feedback, `simulate`)."""


def target_label(target: str) -> str:
    return _(TARGET_LABELS[target]) if target in TARGET_LABELS else target


def status_label(status: str) -> str:
    return _(STATUS_LABELS[status]) if status in STATUS_LABELS else status


def queue_status_label(status: str) -> str:
    """A status as the queue's narrow column says it: the same word as everywhere."""
    return status_label(status)


def localized(text: str) -> str:
    """Text from the core (a refusal, a ticket's history line) in the UI's language."""
    return say(text, _, lambda status: status_label(status.value), fill)


def mood_label(mood: str) -> str:
    return _(MOOD_LABELS[mood]) if mood in MOOD_LABELS else mood


def level_label(level: str | None, use: str, profile: SlaProfile | None) -> str:
    """An impact or urgency level (`use`) in the UI's language: the scenario's or the
    profile's label, else the built-in one (French "impact bas", "urgence basse")."""
    if level is None:
        return "–"
    if profile is None:
        return sla_label({}, use, level, current_language()) or level
    return profile.label(use, level, current_language())


def priority_label(priority: str | None, profile: SlaProfile | None) -> str:
    """ "P1 Critical" / "P1 Kritiek" / "P1 Critique"; the bare id without a profile."""
    if priority is None:
        return "–"
    if profile is None or priority not in profile.priorities:
        return priority
    return f"{priority} {profile.label('priority', priority, current_language())}"


def clock(seconds: float) -> str:
    """An exam clock reading, HH:MM:SS (never negative)."""
    total = max(0, int(seconds))
    return f"{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}"


def span(seconds: float) -> str:
    """A short duration: M:SS under an hour, H:MM:SS above; '-' in front when overdue.

    Overdue time counts up from the deadline, so -0:01 shows one second late.
    """
    negative = seconds < 0
    total = math.ceil(seconds) if not negative else math.ceil(-seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    return "-" + text if negative else text


SECONDS_SHOWN_S = 600
"""SLA times and "ago" times show seconds only this close to the moment (10 minutes)."""
LATE_SECONDS_SHOWN_S = 3600
"""An overdue SLA time shows seconds for this long after its deadline, then minutes: its
"-H:MM:SS" would be wider than the queue's SLA column (`sla_left`)."""


def sla_left(seconds: float) -> str:
    """An SLA time left as the queue and the ticket show it: to the minute far from the
    deadline ("34 min", "2 h 05"), with seconds in its last ten minutes ("9:59") and
    once it is overdue ("-0:40", counting up: there every second counts), to the minute
    again once it is an hour late ("-1 h 05": "-1:05:00" is wider than the queue's SLA
    column, and a clock an hour late has made its point).

    Lead's decision (issue 15): a clock with seconds changes every second, and each
    change is a repaint of its cell; 40 tickets with seconds were a frame a second
    of the idle exam. Minutes are whole minutes left, as "M:SS" would show them: 34
    min for 34:59 (never more time than is left).
    """
    if seconds < 0:
        late = math.ceil(-seconds)
        return span(seconds) if late < LATE_SECONDS_SHOWN_S else "-" + _to_the_minute(late)
    total = math.ceil(seconds)
    if total <= SECONDS_SHOWN_S:
        return span(seconds)
    return _to_the_minute(total)


def ago(seconds: float) -> str:
    """Time since a customer last wrote, to the minute: "<1 min", "12 min", "1 h 05".

    As a helpdesk's ticket list says it ("3 minutes ago"): how long a customer
    has waited matters by the minute, and each conversation's entry with seconds
    was a repaint a second per open chat (a third of the idle exam's CPU, issue 15).
    """
    total = max(0, int(seconds))
    if total < 60:
        return _("<1 min")
    return _to_the_minute(total)


def _to_the_minute(total: int) -> str:
    """Whole minutes of `total` seconds: "34 min", "2 h 05"."""
    hours, minutes = divmod(total // 60, 60)
    if hours:
        return _("{hours} h {minutes}").format(hours=hours, minutes=f"{minutes:02d}")
    return _("{minutes} min").format(minutes=minutes)


def since(seconds: float) -> str:
    """Time elapsed since something (floored): 0:45, 12:03, 1:02:03."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


_SPACES = re.compile(r"[^\S\u00a0\u202f]+")


def one_line(text: str) -> str:
    """Collapse whitespace: what goes into a one-line input or a table cell. A no-break
    space stays (French puts one before a colon: "Humeur de Raj\u00a0: irritée")."""
    return _SPACES.sub(" ", text).strip(" \t\n\r\f\v")


def clip(text: str, width: int) -> str:
    """Cut text to `width` characters, marking the cut with an ellipsis."""
    if len(text) <= width:
        return text
    return text[: max(0, width - 1)] + "…"
