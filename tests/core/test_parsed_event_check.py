"""The verifier's quick event check agrees with `check_event_data` on anything JSON can give.

`parsed_event_data_ok` is only a shortcut: True must mean `check_event_data`
passes, and for data that came from JSON (plain by construction) False must
mean it refuses, except for `session_started`, which always takes the full check.

The quick check reads only the top level: whether the data is an object, which
required names are present, whether each key is a field of the type, and each
value's top-level JSON type (a bool apart from the numbers). So the agreement is
checked in two ways. `test_..._on_every_field_and_json_type` goes through that
whole space by construction: every event type (and unknown ones), every field
given every JSON type (and nested values), every required field left out, an
extra key, data that is not an object: every branch of the quick check for every
entry of `EVENT_SPECS`, some 4,800 cases in 0.1 s. The random test adds what the
enumeration does not: several faults at once and odd keys; it ran 3,000 cases
(10 s of the suite, mostly Hypothesis's own drawing); with the space covered
above, 400 keep it a check of combinations (each of its cases draws several
fields at once), not the only search for a disagreement.
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


RANDOM_CASES = 400
"""Was 3,000; see the module's docstring for why the enumerated cases keep the power."""


@settings(max_examples=RANDOM_CASES, deadline=None)
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


VALUES_OF_EVERY_JSON_TYPE: list[object] = [
    None, True, False, 0, -7, 10**12, 1.5, 0.0, -2.5e300, "", "x", "ticket-1",
    [], [1, "a", None], [{"k": True}], {}, {"k": [1.0]}, {"": None},
]  # fmt: skip


def _agrees(event_type: str, data: object) -> None:
    data = parse_json(canonical_json(data))  # as the verifier sees it
    quick = parsed_event_data_ok(event_type, data)
    if quick:
        assert _passes(event_type, data), (event_type, data)
    elif event_type != "session_started":
        assert not _passes(event_type, data), (event_type, data)


def _a_valid_value(kind: type | tuple[type, ...]) -> object:
    first = kind[0] if isinstance(kind, tuple) else kind
    return {str: "x", int: 3, float: 1.5, bool: True, list: [], dict: {}}.get(first)


def test_the_quick_check_agrees_on_every_field_and_json_type() -> None:
    cases = 0
    for event_type in [*EVENT_SPECS, "no_such_event", ""]:
        spec = EVENT_SPECS.get(event_type)
        required = {n: _a_valid_value(k) for n, k in spec.required.items()} if spec else {}
        optional = {n: _a_valid_value(k) for n, k in spec.optional.items()} if spec else {}
        bases = [required, {**required, **optional}]
        for base in bases:
            _agrees(event_type, base)
            for name in base:
                for value in VALUES_OF_EVERY_JSON_TYPE:
                    _agrees(event_type, {**base, name: value})
                    cases += 1
                _agrees(event_type, {k: v for k, v in base.items() if k != name})
            for extra in ("extra", "", "ticket_id", "data"):
                if extra not in base:
                    _agrees(event_type, {**base, extra: "x"})
        for name, value in optional.items():  # each optional field alone
            _agrees(event_type, {**required, name: value})
        for value in VALUES_OF_EVERY_JSON_TYPE:
            if not isinstance(value, dict):
                _agrees(event_type, value)
    assert cases > 1000  # the walk reached every field of every type
