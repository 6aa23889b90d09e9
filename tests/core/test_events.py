"""The closed, versioned set of events and its plain-JSON form."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from helpdesk_tui.core.events import (
    EVENT_SPECS,
    SCHEMA_VERSION,
    Event,
    EventFormatError,
    EventKind,
    make_event,
)

from .kit import WALL, ev

_SAMPLES: dict[type, Any] = {
    str: 'text with ünïcode and "quotes"',
    int: 7,
    float: 12.25,
    bool: True,
    dict: {"nested": [1, 2.5, "three", None, {"deep": False}]},
    list: ["a", 1, 0.5, None],
    type(None): None,
}


def sample_data(event_type: str, optional: bool) -> dict[str, Any]:
    """Data of the right JSON types for every required (and optional) field."""
    spec = EVENT_SPECS[event_type]
    fields = dict(spec.required)
    if optional:
        fields.update(spec.optional)
    data = {}
    for name, kind in fields.items():
        first = kind[0] if isinstance(kind, tuple) else kind
        data[name] = _SAMPLES[first]
    if "schema_version" in data:
        data["schema_version"] = SCHEMA_VERSION
    return data


ALL_TYPES = sorted(EVENT_SPECS)


def test_the_set_holds_the_events_the_exam_needs() -> None:
    kinds = {name: spec.kind for name, spec in EVENT_SPECS.items()}
    stimuli = {
        "customer_message",
        "call_started",
        "call_ended",
        "chat_opened",
        "email_received",
        "second_line_reply",
    }
    commands = {
        "ticket_created",
        "ticket_updated",
        "ticket_transferred",
        "ticket_pending",
        "ticket_resolved",
        "ticket_closed",
        "ticket_reply_added",
        "note_added",
        "message_sent",
        "kb_searched",
        "kb_article_opened",
        "focus_moved",
    }
    system = {"session_started", "session_paused", "session_resumed", "session_ended"}
    assert {kinds[n] for n in stimuli} == {EventKind.STIMULUS}
    assert {kinds[n] for n in commands} == {EventKind.COMMAND}
    assert {kinds[n] for n in system} == {EventKind.SYSTEM}


@pytest.mark.parametrize("optional", [False, True], ids=["required", "all-fields"])
@pytest.mark.parametrize("event_type", ALL_TYPES)
def test_every_event_type_round_trips_through_plain_json(event_type: str, optional: bool) -> None:
    event = make_event(event_type, sample_data(event_type, optional), 93.125, WALL)
    text = json.dumps(event.to_dict(), allow_nan=False)
    back = Event.from_dict(json.loads(text))
    assert back == event
    assert back.to_dict() == event.to_dict()
    assert back.kind == EVENT_SPECS[event_type].kind


def test_the_json_form_carries_type_exam_time_wall_time_and_data() -> None:
    event = ev("note_added", 61.5, ticket_id="T-1", text="called back")
    assert event.to_dict() == {
        "type": "note_added",
        "t": 61.5,
        "wall": WALL,
        "data": {"ticket_id": "T-1", "text": "called back"},
    }


def test_an_integer_exam_time_reads_back_as_seconds() -> None:
    event = Event.from_dict({"type": "focus_moved", "t": 5, "wall": WALL, "data": {"area": "kb"}})
    assert event.exam_time == 5.0
    assert isinstance(event.exam_time, float)


def test_the_event_keeps_its_own_copy_of_the_data() -> None:
    results = ["KB-001"]
    data = {"query": "printer", "results": results}
    event = make_event("kb_searched", data, 1.0, WALL)
    results.append("KB-999")
    data["query"] = "changed"
    assert event.data == {"query": "printer", "results": ["KB-001"]}


@pytest.mark.parametrize(
    ("event_type", "data", "message"),
    [
        ("ticket_teleported", {}, "unknown event type"),
        ("note_added", {"ticket_id": "T-1"}, "needs the field 'text'"),
        ("note_added", {"ticket_id": 1, "text": "x"}, "'ticket_id' must be str"),
        ("note_added", {"ticket_id": "T-1", "text": "x", "mood": "calm"}, "has no field 'mood'"),
        ("customer_typing", {"conversation_id": "c", "duration_s": True}, "must be int or float"),
        ("message_sent", {"conversation_id": "c", "text": "x", "interrupted": 1}, "must be bool"),
        ("note_added", ["T-1", "x"], "must be a JSON object"),
        ("kb_searched", {"query": "q", "results": [float("nan")]}, "JSON cannot carry"),
        ("speed_changed", {"speed": math.inf}, "JSON cannot carry"),
        ("kb_searched", {"query": "q", "results": [("a", "b")]}, "tuple"),
        ("ticket_updated", {"ticket_id": "T", "changes": {1: "x"}}, "not text"),
        ("kb_searched", {"query": "q", "results": [{"a", "b"}]}, "set"),
    ],
)
def test_malformed_data_is_refused(event_type: str, data: Any, message: str) -> None:
    with pytest.raises(EventFormatError, match=message):
        make_event(event_type, data, 1.0, WALL)


@pytest.mark.parametrize("exam_time", [-0.5, math.nan, math.inf, True, "3"])
def test_an_exam_time_must_be_finite_seconds_from_the_start(exam_time: Any) -> None:
    with pytest.raises(EventFormatError, match="exam time"):
        make_event("focus_moved", {"area": "kb"}, exam_time, WALL)


def test_the_wall_time_must_be_text() -> None:
    with pytest.raises(EventFormatError, match="wall time"):
        make_event("focus_moved", {"area": "kb"}, 1.0, 1700000000)  # type: ignore[arg-type]


def test_a_log_from_a_newer_schema_is_refused() -> None:
    data = sample_data("session_started", optional=True)
    make_event("session_started", data, 0.0, WALL)  # this version reads
    data["schema_version"] = SCHEMA_VERSION + 1
    with pytest.raises(EventFormatError, match="schema version"):
        make_event("session_started", data, 0.0, WALL)
    data["schema_version"] = 0
    with pytest.raises(EventFormatError, match="schema version"):
        make_event("session_started", data, 0.0, WALL)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (["not", "an", "object"], "JSON object"),
        ({"t": 1, "wall": WALL, "data": {}}, "no 'type'"),
        ({"type": "focus_moved", "wall": WALL, "data": {}}, "no 't'"),
        ({"type": "focus_moved", "t": 1, "data": {}}, "no 'wall'"),
        ({"type": "focus_moved", "t": 1, "wall": WALL}, "no 'data'"),
        ({"type": "focus_moved", "t": "1", "wall": WALL, "data": {"area": "kb"}}, "'t'"),
        ({"type": "focus_moved", "t": False, "wall": WALL, "data": {"area": "kb"}}, "'t'"),
        ({"type": "focus_moved", "t": 1, "wall": None, "data": {"area": "kb"}}, "'wall'"),
        ({"type": "focus_moved", "t": 1, "wall": WALL, "data": {}}, "needs the field 'area'"),
    ],
)
def test_a_malformed_record_is_refused_on_reading(raw: Any, message: str) -> None:
    with pytest.raises(EventFormatError, match=message):
        Event.from_dict(raw)


def test_events_are_immutable() -> None:
    event = ev("focus_moved", 1.0, area="kb")
    with pytest.raises(AttributeError):
        event.exam_time = 2.0  # type: ignore[misc]
