"""How the session itself went: resumes, pauses, the proctor, blocked keys.

An assessor must be able to tell an interrupted exam from a smooth one. The
reducer keeps every pause, resume, end, disk fault and blocked key it folds
(`ExamState.session_marks`); this module reads them into one `SessionCourse`,
which the terminal, HTML and JSON reports and the review all show (one
mechanism, so they cannot disagree), and words it in the report's language.

A terminal made smaller than 80 x 24 pauses nothing (the exam goes on under the
notice); since branch bugs13 the exam logs when the notice came and went, as
`lockdown_key_blocked` records (`TOO_SMALL`, `LARGE_ENOUGH`), and it is here.

Pure: no Textual, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from helpdesk_tui.assess.texts import T, clock, duration, tr
from helpdesk_tui.core.events import parse_wall
from helpdesk_tui.core.state import TERMINAL_LARGE_ENOUGH as LARGE_ENOUGH
from helpdesk_tui.core.state import TERMINAL_TOO_SMALL as TOO_SMALL
from helpdesk_tui.core.state import ExamState, SessionMark

SHOWN = 5
"""Blocked keys and dropped terminal input listed one by one: the first few."""
WRONG_CODE = "proctor code: wrong"
EARLY_CODE = "proctor code: during the wait"
"""A code typed before the wait after a wrong one was over: not checked, but logged
(sec22; before, such tries left no trace: a candidate could type codes all through a
60 s wait unseen)."""
DROPPED_INPUT = frozenset({"invalid input bytes", "input flood", "terminal sequence"})
"""What the terminal driver refused (`ui.terminal`, `InputGuard`), logged once per kind."""
PROCTOR_SUSPEND = "interrupted: stopped by the proctor"
"""The proctor's S (stop the program, resumable): the pause `SessionRuntime.interrupt` logs."""


@dataclass(frozen=True, slots=True)
class Moment:
    """One record: its exam time, seq, UTC wall time and what it was (as logged)."""

    at: float
    seq: int
    wall: str
    what: str = ""
    count: int = 1
    """The attempts the record stands for (a held key, since sec15; before, one a record)."""


@dataclass(frozen=True, slots=True)
class Pause:
    """A pause and the resume that ended it (None: never resumed)."""

    reason: str
    """As logged: `proctor`, `instructor`, `interrupted: ...`."""
    start: Moment
    end: Moment | None

    @property
    def length_s(self) -> float | None:
        """Wall seconds from the pause to its resume (the exam clock stood still)."""
        return None if self.end is None else _wall_between(self.start.wall, self.end.wall)


@dataclass(frozen=True, slots=True)
class Resume:
    """The session continued from its log (`resume`, after a crash or a stop)."""

    moment: Moment
    downtime_s: float


@dataclass(frozen=True, slots=True)
class SessionCourse:
    resumes: tuple[Resume, ...] = ()
    pauses: tuple[Pause, ...] = ()
    wrong_codes: tuple[Moment, ...] = ()
    proctor_stop: Moment | None = None
    """The proctor ended the exam (sealed `proctor-stopped`)."""
    blocked: tuple[Moment, ...] = ()
    dropped: tuple[Moment, ...] = ()
    disk_faults: tuple[Moment, ...] = ()
    too_small: tuple[Pause, ...] = ()
    """The terminal below 80 x 24: from the notice to the size that ended it (the reason
    is the small size, "60 x 20"). Nothing paused meanwhile."""
    early_codes: tuple[Moment, ...] = ()
    """Proctor codes typed during the wait after a wrong one (not checked: `EARLY_CODE`)."""

    @property
    def smooth(self) -> bool:
        return not (
            self.resumes
            or self.pauses
            or self.wrong_codes
            or self.proctor_stop
            or self.blocked
            or self.dropped
            or self.disk_faults
            or self.too_small
            or self.early_codes
        )


def session_course(state: ExamState) -> SessionCourse:
    """The session's course from the reducer's marks (see the module doc)."""
    return course_of(state.session_marks)


def course_of(marks: list[SessionMark]) -> SessionCourse:
    resumes: list[Resume] = []
    pauses: list[Pause] = []
    wrong: list[Moment] = []
    early: list[Moment] = []
    blocked: list[Moment] = []
    dropped: list[Moment] = []
    faults: list[Moment] = []
    stop: Moment | None = None
    open_pause: tuple[str, Moment] | None = None
    small: list[Pause] = []
    open_small: tuple[str, Moment] | None = None
    for mark in marks:
        moment = Moment(mark.at, mark.seq, mark.wall, mark.detail, mark.count)
        if mark.type == "session_paused":
            open_pause = (mark.detail, moment)
        elif mark.type == "session_resumed":
            if open_pause is not None:
                pauses.append(Pause(open_pause[0], open_pause[1], moment))
                open_pause = None
            if mark.downtime_s is not None:
                resumes.append(Resume(moment, mark.downtime_s))
        elif mark.type == "session_ended":
            if mark.detail == "proctor-stopped":
                stop = moment
        elif mark.type == "disk_fault":
            faults.append(moment)
        elif mark.detail == WRONG_CODE:
            wrong.append(moment)
        elif mark.detail == EARLY_CODE:
            early.append(moment)
        elif mark.detail.startswith(TOO_SMALL):
            if open_small is None:
                open_small = (mark.detail.removeprefix(TOO_SMALL), moment)
        elif mark.detail.startswith(LARGE_ENOUGH):
            if open_small is not None:
                small.append(Pause(open_small[0], open_small[1], moment))
                open_small = None
        elif mark.detail in DROPPED_INPUT:
            dropped.append(moment)
        else:
            blocked.append(moment)
    if open_pause is not None:
        pauses.append(Pause(open_pause[0], open_pause[1], None))
    if open_small is not None:
        small.append(Pause(open_small[0], open_small[1], None))
    return SessionCourse(
        tuple(resumes),
        tuple(pauses),
        tuple(wrong),
        stop,
        tuple(blocked),
        tuple(dropped),
        tuple(faults),
        tuple(small),
        tuple(early),
    )


# --------------------------------------------------------------------------- words


def course_lines(course: SessionCourse, lang: str) -> list[tuple[str, tuple[int, ...]]]:
    """The "Session" part in `lang`: one line per fact, with the records behind it."""
    if course.smooth:
        return [(tr(lang, "session.smooth"), ())]
    lines: list[tuple[str, tuple[int, ...]]] = []
    for resume in course.resumes:
        m = resume.moment
        text = tr(
            lang,
            "session.resumed",
            at=clock(m.at),
            down=duration(resume.downtime_s, lang),
            wall=_hm(m.wall),
        )
        lines.append((text, (m.seq,)))
    for pause in course.pauses:
        lines.append(_pause_line(pause, lang))
    lines += _times_line("session.wrong_codes", course.wrong_codes, lang)
    lines += _times_line("session.early_codes", course.early_codes, lang)
    if course.proctor_stop is not None:
        m = course.proctor_stop
        lines.append((tr(lang, "session.proctor_stop", at=clock(m.at), wall=_hm(m.wall)), (m.seq,)))
    for key, moments in (("session.blocked", course.blocked), ("session.dropped", course.dropped)):
        if moments:
            n = attempts(moments)
            shown = moments[:SHOWN]
            first = ", ".join(f"{clock(m.at)} {_what(m.what, lang)}{_times(m)}" for m in shown)
            seqs = tuple(m.seq for m in moments)
            more = _more(first, n - attempts(shown), lang)
            lines.append((tr(lang, key, n=n, first=more), seqs))
    lines += _times_line("session.disk_faults", course.disk_faults, lang)
    lines += [_too_small_line(span, lang) for span in course.too_small]
    return lines


def _too_small_line(span: Pause, lang: str) -> tuple[str, tuple[int, ...]]:
    """The terminal below 80 x 24, in exam time: the exam clock ran on under the notice."""
    start, end = span.start, span.end
    if end is None:
        text = tr(lang, "session.too_small_open", size=span.reason, at=clock(start.at))
        return text, (start.seq,)
    length = duration(max(0.0, end.at - start.at), lang)
    text = tr(lang, "session.too_small", size=span.reason, at=clock(start.at), length=length)
    return text, (start.seq, end.seq)


def _times_line(
    key: str, moments: tuple[Moment, ...], lang: str
) -> list[tuple[str, tuple[int, ...]]]:
    """ "2 wrong proctor codes, at 0:00:40, 0:00:45": the count and the first few times."""
    if not moments:
        return []
    n, shown = attempts(moments), moments[:SHOWN]
    times = _more(", ".join(clock(m.at) + _times(m) for m in shown), n - attempts(shown), lang)
    return [(tr(lang, key, n=n, times=times), tuple(m.seq for m in moments))]


def attempts(moments: tuple[Moment, ...]) -> int:
    """How many attempts the records stand for: one each in an old log, `count` in a new."""
    return sum(m.count for m in moments)


def _pause_line(pause: Pause, lang: str) -> tuple[str, tuple[int, ...]]:
    start, end = pause.start, pause.end
    if pause.reason == "proctor":
        who = tr(lang, "session.by_proctor")
    elif pause.reason == "instructor":
        who = tr(lang, "session.by_instructor")
    elif pause.reason == PROCTOR_SUSPEND:
        who = tr(lang, "session.proctor_suspend")
    else:
        why = pause.reason.removeprefix("interrupted: ")
        who = tr(lang, "session.interrupted", why=why)
    if end is None:
        text = tr(lang, "session.pause_open", who=who, at=clock(start.at), start=_hm(start.wall))
        return text, (start.seq,)
    text = tr(
        lang,
        "session.pause",
        who=who,
        at=clock(start.at),
        start=_hm(start.wall),
        end=_hm(end.wall),
        length=duration(pause.length_s or 0.0, lang),
    )
    return text, (start.seq, end.seq)


def _what(logged: str, lang: str) -> str:
    """A blocked key or dropped input as logged, in words where the report has them."""
    key = f"session.what.{logged}"
    return tr(lang, key) if key in T else logged


def _more(shown: str, rest: int, lang: str) -> str:
    """The first few, and how many more attempts the records not shown stand for."""
    return shown if rest <= 0 else shown + ", " + tr(lang, "session.more", n=rest)


def _times(m: Moment) -> str:
    """A held key's record: " ×30" after it (the attempts it stands for)."""
    return f" \u00d7{m.count}" if m.count > 1 else ""


def _hm(wall: str) -> str:
    """A UTC wall time as people read it: 2026-03-02 09:14:05 UTC ("" when unreadable)."""
    try:
        when = datetime.fromisoformat(wall.replace("Z", "+00:00"))
    except ValueError:
        return wall
    return when.strftime("%Y-%m-%d %H:%M:%S UTC")


def _wall_between(a: str, b: str) -> float | None:
    first, second = parse_wall(a), parse_wall(b)
    if first is None or second is None:
        return None
    return max(0.0, (second - first).total_seconds())


def course_json(course: SessionCourse) -> dict[str, Any]:
    """The JSON report's `course`: machine keys, logged values, every record."""

    def moment(m: Moment) -> dict[str, Any]:
        kept = {"at": m.at, "seq": m.seq, "wall": m.wall, "what": m.what}
        return kept | {"count": m.count} if m.count > 1 else kept

    return {
        "smooth": course.smooth,
        "resumes": [{**moment(r.moment), "downtime_s": r.downtime_s} for r in course.resumes],
        "pauses": [
            {
                "reason": p.reason,
                "from": moment(p.start),
                "to": moment(p.end) if p.end is not None else None,
                "length_s": p.length_s,
            }
            for p in course.pauses
        ],
        "wrong_proctor_codes": [moment(m) for m in course.wrong_codes],
        "proctor_codes_during_wait": [moment(m) for m in course.early_codes],
        "proctor_stop": moment(course.proctor_stop) if course.proctor_stop else None,
        "blocked_keys": {
            "count": attempts(course.blocked),
            "records": [moment(m) for m in course.blocked],
        },
        "dropped_input": {
            "count": attempts(course.dropped),
            "records": [moment(m) for m in course.dropped],
        },
        "disk_faults": [moment(m) for m in course.disk_faults],
        "terminal_too_small": [
            {
                "size": p.reason,
                "from": moment(p.start),
                "to": moment(p.end) if p.end is not None else None,
            }
            for p in course.too_small
        ],
    }
