"""The verifier's quick event check agrees with `check_event_data` on anything JSON can give.

`parsed_event_data_ok` is only a shortcut: True must mean `check_event_data`
passes, and for data that came from JSON (plain by construction) False must
mean it refuses, except for `session_started`, which always takes the full check.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpdesk_tui.core.events import (
    EVENT_SPECS,
    EventFormatError,
    check_event_data,
    parsed_event_data_ok,
)
from helpdesk_tui.eventlog.records import canonical_json, parse_json

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**9), 10**9)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)


def _passes(event_type: str, data: object) -> bool:
    try:
        check_event_data(event_type, data)
    except EventFormatError:
        return False
    return True


@st.composite
def event_data(draw: st.DrawFn) -> tuple[str, object]:
    """An event type and data near its spec: fields kept, dropped, retyped or added."""
    event_type = draw(st.sampled_from([*EVENT_SPECS, "no_such_event"]))
    spec = EVENT_SPECS.get(event_type)
    fields = {**spec.required, **spec.optional} if spec else {}
    data: dict[str, object] = {}
    for name in fields:
        if draw(st.booleans()) or (spec and name in spec.required and draw(st.integers(0, 9)) > 0):
            data[name] = draw(JSON_VALUES)
    if draw(st.integers(0, 9)) == 0:
        data[draw(st.text(max_size=5))] = draw(JSON_VALUES)
    if draw(st.integers(0, 19)) == 0:
        return event_type, draw(JSON_VALUES)  # not an object at all
    return event_type, parse_json(canonical_json(data))  # as the verifier sees it


@settings(max_examples=3000, deadline=None)
@given(event_data())
def test_the_quick_check_agrees_with_the_full_one(case: tuple[str, object]) -> None:
    event_type, data = case
    quick = parsed_event_data_ok(event_type, data)
    if quick:
        assert _passes(event_type, data)
    elif event_type != "session_started":
        assert not _passes(event_type, data)


@pytest.mark.parametrize(
    ("event_type", "data", "quick", "full"),
    [
        ("focus_moved", {"area": "queue"}, True, True),
        ("focus_moved", {"area": "queue", "extra": 1}, False, False),
        ("focus_moved", {}, False, False),
        ("focus_moved", {"area": True}, False, False),  # a bool is not text
        ("no_such_event", {}, False, False),
        ("focus_moved", ["area"], False, False),
    ],
)
def test_the_quick_check_on_known_cases(
    event_type: str, data: object, quick: bool, full: bool
) -> None:
    assert parsed_event_data_ok(event_type, data) is quick
    assert _passes(event_type, data) is full
