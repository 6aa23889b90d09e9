"""The closed, versioned set of events that make up an exam.

Every change to the exam is one of these events. The event log stores them,
the reducer folds them into state, and reports read them back. Keeping the set
closed (an unknown type or a missing field is refused) is what lets an
assessor trust that a log means the same thing to every tool that reads it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

SCHEMA_VERSION = 3
"""Bump when an event type gains a required field or changes meaning.

2: `notice_shown` carries the notice's `msgid` and `values` instead of its English
`text` (core/notices.py); a schema-1 log keeps `text` and is still read.
3: `session_started` and `session_resumed` may carry `ui_language`, the language the
candidate's screens spoke (so `resume` comes back in it); a log of schema 1 or 2 has none."""

UI_LANGUAGE_SINCE_SCHEMA = 3
"""The event schema from which `session_started` and `session_resumed` may carry `ui_language`."""

UI_LANGUAGES = ("en", "nl", "fr")
"""The languages a candidate's screens speak (`helpdesk_tui.i18n.LANGUAGES`; a test keeps the
two equal): the closed set of `ui_language`."""


CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""What no text of a log or a scenario may hold: C0 but tab, line feed and return, DEL, C1.
A terminal obeys them (ESC ] 0 retitles it, ESC [ 2 J clears it), and the exam shows and logs
texts as they are; the log's readers and the scenario check refuse them."""

END_REASONS = ("completed", "time-up", "proctor-stopped", "handed-in", "interrupted")
"""Why a session ended: the closed set of `session_ended` reasons."""


class EventKind(StrEnum):
    """Who caused an event: the simulation, the candidate or the system."""

    STIMULUS = "stimulus"
    COMMAND = "command"
    SYSTEM = "system"


@dataclass(frozen=True, slots=True)
class EventSpec:
    """The fields an event type must and may carry, with their JSON types."""

    kind: EventKind
    required: dict[str, type | tuple[type, ...]]
    optional: dict[str, type | tuple[type, ...]] = field(default_factory=dict)


_S, _C, _Y = EventKind.STIMULUS, EventKind.COMMAND, EventKind.SYSTEM
_NUM = (int, float)
_OPT_STR = (str, type(None))

EVENT_SPECS: dict[str, EventSpec] = {
    # --- system -------------------------------------------------------------
    "session_started": EventSpec(
        _Y,
        {
            "scenario_id": str,
            "scenario_title": str,
            "language": str,
            "duration_s": _NUM,
            "mode": str,
            "sla_profile": dict,
            "groups": list,
            "customers": list,
            "categories": list,
        },
        {
            "candidate_id": str,
            "schema_version": int,
            "kb_articles": list,
            "session_id": str,
            "ui_language": str,
        },
    ),
    "session_paused": EventSpec(_Y, {"reason": str}),
    "session_resumed": EventSpec(_Y, {"reason": str}, {"downtime_s": _NUM, "ui_language": str}),
    "session_ended": EventSpec(_Y, {"reason": str}),
    "speed_changed": EventSpec(_Y, {"speed": _NUM}),
    "disk_fault": EventSpec(_Y, {"message": str}, {"recovered_after_s": _NUM}),
    # `count` (since sec15): the attempts this record stands for, absent 1 (a held key writes
    # at most one record a second per key: `core.blocked.BlockedKeys`)
    "lockdown_key_blocked": EventSpec(_Y, {"key": str}, {"count": int}),
    # schema 1: `text` (English); schema 2: `msgid` and `values` (the reducer checks which)
    "notice_shown": EventSpec(
        _Y,
        {"ref_seq": int},
        {
            "text": str,
            "msgid": str,
            "values": dict,
            "ticket_id": str,
            "conversation_id": str,
        },
    ),
    # --- stimuli from the simulation ----------------------------------------
    # `ticket_id`: the ticket the customer got in touch about (a chase), linked at once
    "chat_opened": EventSpec(
        _S,
        {"conversation_id": str, "customer_id": str},
        {"subject": str, "incident_id": str, "ticket_id": str},
    ),
    "call_started": EventSpec(
        _S,
        {"conversation_id": str, "customer_id": str},
        {"subject": str, "incident_id": str, "ticket_id": str},
    ),
    "call_ended": EventSpec(_S, {"conversation_id": str, "by": str}),
    "customer_typing": EventSpec(_S, {"conversation_id": str, "duration_s": _NUM}),
    "customer_message": EventSpec(
        _S,
        {"conversation_id": str, "text": str},
        {"duration_s": _NUM, "rule_id": str, "reveals": list, "kind": str},
    ),
    "email_received": EventSpec(
        _S,
        {"ticket_id": str, "customer_id": str, "title": str, "description": str},
        {"incident_id": str, "created_at": _NUM},
    ),
    "ticket_preloaded": EventSpec(
        _S,
        {
            "ticket_id": str,
            "customer_id": str,
            "title": str,
            "description": str,
            "created_at": _NUM,
        },
        {
            "incident_id": str,
            "category": str,
            "impact": str,
            "urgency": str,
            "status": str,
            "group": str,
        },
    ),
    "customer_email": EventSpec(_S, {"ticket_id": str, "text": str}, {"kind": str}),
    "second_line_reply": EventSpec(
        _S, {"ticket_id": str, "group": str, "text": str}, {"question": bool}
    ),
    "mood_changed": EventSpec(_S, {"customer_id": str, "mood": str, "cause": str}, {"score": _NUM}),
    "evidence_flagged": EventSpec(
        _S,
        {"flag": str, "competency": str, "reason": str},
        {"conversation_id": str, "ref_seq": int, "details": dict},
    ),
    # --- candidate commands -------------------------------------------------
    "ticket_created": EventSpec(
        _C,
        {"ticket_id": str, "title": str, "customer_id": str},
        {
            "description": str,
            "category": str,
            "impact": str,
            "urgency": str,
            "conversation_id": str,
        },
    ),
    "ticket_updated": EventSpec(
        _C,
        {"ticket_id": str, "changes": dict},
        {"priority_override": _OPT_STR, "override_reason": str},
    ),
    "ticket_opened": EventSpec(_C, {"ticket_id": str}),
    "ticket_transferred": EventSpec(_C, {"ticket_id": str, "group": str, "reason": str}),
    "ticket_pending": EventSpec(_C, {"ticket_id": str, "waiting_on": str}, {"reason": str}),
    "ticket_resolved": EventSpec(_C, {"ticket_id": str, "solution": str}, {"kb_article": str}),
    "ticket_reopened": EventSpec(_C, {"ticket_id": str}, {"reason": str}),
    "ticket_closed": EventSpec(_C, {"ticket_id": str}),
    "ticket_linked": EventSpec(_C, {"ticket_id": str}, {"conversation_id": str, "kb_article": str}),
    "ticket_reply_added": EventSpec(_C, {"ticket_id": str, "text": str}, {"macro_id": str}),
    "note_added": EventSpec(_C, {"ticket_id": str, "text": str}),
    "message_sent": EventSpec(
        _C, {"conversation_id": str, "text": str}, {"canned_id": str, "interrupted": bool}
    ),
    "conversation_closed": EventSpec(_C, {"conversation_id": str}),
    "kb_searched": EventSpec(_C, {"query": str, "results": list}),
    "kb_article_opened": EventSpec(_C, {"article_id": str}),
    "focus_moved": EventSpec(_C, {"area": str}, {"target": str}),
    "form_cancelled": EventSpec(_C, {"form": str}, {"target": str}),
    "hint_requested": EventSpec(_C, {"ticket_id": str}, {"hint": str}),
}


class EventFormatError(ValueError):
    """A record that is not a well-formed event of the closed set."""


@dataclass(frozen=True, slots=True)
class Event:
    """One thing that happened, at an exam time and a UTC wall time.

    `exam_time` is seconds since the exam started on the (pausable) exam clock;
    `wall_time` is ISO 8601 UTC and is for people, never for ordering.
    """

    type: str
    data: dict[str, Any]
    exam_time: float
    wall_time: str

    @property
    def kind(self) -> EventKind:
        return EVENT_SPECS[self.type].kind

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "t": self.exam_time, "wall": self.wall_time, "data": self.data}

    @classmethod
    def from_dict(cls, raw: Any) -> Event:
        if not isinstance(raw, dict):
            raise EventFormatError("an event must be a JSON object")
        for key in ("type", "t", "wall", "data"):
            if key not in raw:
                raise EventFormatError(f"the event has no '{key}' field")
        t = raw["t"]
        if isinstance(t, bool) or not isinstance(t, (int, float)):
            raise EventFormatError("'t' (exam time) must be a number of seconds")
        if not isinstance(raw["wall"], str):
            raise EventFormatError("'wall' must be an ISO 8601 UTC time string")
        return make_event(raw["type"], raw["data"], float(t), raw["wall"])


def check_event_data(event_type: str, data: Any) -> None:
    """Refuse an unknown type, a missing or mistyped field, or an unknown field."""
    spec = EVENT_SPECS.get(event_type)
    if spec is None:
        raise EventFormatError(f"unknown event type '{event_type}'")
    if not isinstance(data, dict):
        raise EventFormatError(f"'{event_type}' data must be a JSON object")
    _check_plain_json(event_type, "data", data)
    for name, kind in spec.required.items():
        if name not in data:
            raise EventFormatError(f"'{event_type}' needs the field '{name}'")
        _check_type(event_type, name, data[name], kind)
    for name, value in data.items():
        if name in spec.required:
            continue
        if name not in spec.optional:
            raise EventFormatError(f"'{event_type}' has no field '{name}'")
        _check_type(event_type, name, value, spec.optional[name])
    if event_type == "session_started":
        version = data.get("schema_version", SCHEMA_VERSION)
        if not 1 <= version <= SCHEMA_VERSION:
            raise EventFormatError(
                f"the log uses event schema version {version}; "
                f"this program reads versions 1 to {SCHEMA_VERSION}"
            )


def _field_kinds(spec: EventSpec) -> dict[str, tuple[type, ...]]:
    fields = {**spec.optional, **spec.required}  # a name in both is required
    return {name: k if isinstance(k, tuple) else (k,) for name, k in fields.items()}


_FIELD_KINDS = {name: _field_kinds(spec) for name, spec in EVENT_SPECS.items()}
_REQUIRED = {name: tuple(spec.required) for name, spec in EVENT_SPECS.items()}


def parsed_event_data_ok(event_type: str, data: Any) -> bool:
    """True when `check_event_data` passes data that came straight from `parse_json`.

    The verifier asks this of every record (a 100,000-record log: a fifth of its
    time went to the full check). JSON can only give plain JSON back (str, int,
    finite float, bool, null, lists, objects with text keys), so the walk over the
    values is left out, and each field's type is one `isinstance`. False means
    "ask `check_event_data`", which then names the fault in its own words; a
    `session_started` (one a log) always goes there, for its schema version.
    """
    kinds = _FIELD_KINDS.get(event_type)
    if kinds is None or type(data) is not dict or event_type == "session_started":
        return False
    for name in _REQUIRED[event_type]:
        if name not in data:
            return False
    for name, value in data.items():
        allowed = kinds.get(name)
        if allowed is None:
            return False
        if type(value) is bool:
            if bool not in allowed:
                return False
        elif not isinstance(value, allowed):
            return False
    return True


def _check_plain_json(event_type: str, where: str, value: Any) -> None:
    """Only what JSON can carry and give back equal: no tuples, sets, NaN or infinity."""
    if value is None or isinstance(value, (str, bool, int)):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise EventFormatError(f"'{event_type}' {where} is {value}, which JSON cannot carry")
        return
    if isinstance(value, list):
        for i, item in enumerate(value):
            _check_plain_json(event_type, f"{where}[{i}]", item)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise EventFormatError(f"'{event_type}' {where} has a key that is not text")
            _check_plain_json(event_type, f"{where}.{key}", item)
        return
    raise EventFormatError(
        f"'{event_type}' {where} is a {type(value).__name__}, which plain JSON cannot carry"
    )


def _copy_plain(value: Any) -> Any:
    """A deep copy of checked JSON data, so the caller cannot change a logged event."""
    if isinstance(value, dict):
        return {k: _copy_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy_plain(v) for v in value]
    return value


def _check_type(event_type: str, name: str, value: Any, kind: type | tuple[type, ...]) -> None:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if (isinstance(value, bool) and bool not in kinds) or not isinstance(value, kinds):
        names = " or ".join("null" if k is type(None) else k.__name__ for k in kinds)
        raise EventFormatError(f"'{event_type}' field '{name}' must be {names}")


def make_event(event_type: str, data: dict[str, Any], exam_time: float, wall_time: str) -> Event:
    """Build an event, checking it against the closed set."""
    check_event_data(event_type, data)
    if isinstance(exam_time, bool) or not isinstance(exam_time, (int, float)):
        raise EventFormatError("the exam time must be a number of seconds")
    if not math.isfinite(exam_time) or exam_time < 0:
        raise EventFormatError(f"the exam time must be a finite number >= 0, not {exam_time}")
    if not isinstance(wall_time, str):
        raise EventFormatError("the wall time must be an ISO 8601 UTC time string")
    return Event(event_type, _copy_plain(data), float(exam_time), wall_time)


def parse_wall(wall: object) -> datetime | None:
    """A record's `wall` as a UTC time to count with, or None when it is none.

    The exam writes `...Z`; a log from outside may hold anything, and one wall without a
    zone ("2026-12-05T16:58:07") beside an aware clock made `observe` and the room end
    with "can't subtract offset-naive and offset-aware datetimes" (sec19). A wall without
    a zone is read as UTC, as the reports already show it."""
    if not isinstance(wall, str):
        return None
    try:
        when = datetime.fromisoformat(wall.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when


def utc_now_iso() -> str:
    """The current UTC wall time, to the millisecond, for the `wall` field."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
