"""parse_json's orjson fast path reads every line exactly as the strict decoder does.

The strict decoder (json with bounded numbers, no NaN, bounded nesting) is the
reference: for every line, the fast path must give the same value, with the same
types, or refuse it with the same message. The hostile cases are the ones the
two parsers treat differently on their own (long integers, long numbers, deep
nesting, lone surrogates, overflow); the fuzzed ones are real record lines with
bytes changed.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpdesk_tui.eventlog import records
from helpdesk_tui.eventlog.reader import parse_record
from helpdesk_tui.eventlog.records import MAX_INT_DIGITS, parse_json

RECORD = (
    b'{"data":{"conversation_id":"c-1","text":"Bonjour Tom, red\\u00e9marrez le PC"},'
    b'"prev":"' + b"ab" * 32 + b'","seq":12,"t":61.25,"type":"message_sent",'
    b'"wall":"2026-03-02T09:00:01.000Z"}'
)


def strict(line: bytes, monkeypatch: pytest.MonkeyPatch) -> object:
    """The strict decoder alone: the fast path switched off."""
    with monkeypatch.context() as patch:
        patch.setattr(records, "_fast_path_safe", lambda _line: False)
        return outcome(line)


def outcome(line: bytes) -> object:
    """The parsed value with every type spelled out, or the refusal's message."""
    try:
        value = parse_json(line)
    except ValueError as exc:
        return ("refused", str(exc))
    return typed(value)


def typed(value: object) -> list[object]:
    """The value as a flat list of tagged items, walked without recursion (a deep line
    must not overflow the comparison). 1 and 1.0, -0.0 and 0.0, True and 1 compare
    equal in Python; their tags do not."""
    flat: list[object] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            flat.append(("dict", list(item)))
            stack.extend(reversed(item.values()))
        elif isinstance(item, list):
            flat.append(("list", len(item)))
            stack.extend(reversed(item))
        elif isinstance(item, float):
            flat.append(("float", repr(item), math.copysign(1, item)))
        else:
            flat.append((type(item).__name__, item))
    return flat


HOSTILE = [
    b'{"seq":1234567890123456789}',  # 19 digits: orjson reads it, the log refuses it
    b'{"seq":12345678901234567890}',  # 20: an int to orjson
    b'{"seq":123456789012345678901}',  # 21: a float to orjson
    b'{"seq":-1234567890123456789}',
    b'{"seq":123456789012345678}',  # 18: allowed
    b'{"t":0.' + b"0" * 70 + b"1}",  # a number of over 64 characters
    b'{"t":1' + b"0" * 30 + b".5}",
    b'{"t":1e400}',
    b'{"t":-1e400}',
    b'{"t":1e-400}',
    b'{"t":NaN}',
    b'{"t":Infinity}',
    b'{"t":-Infinity}',
    b'{"t":-0.0}',
    b'{"t":1E5}',
    b'{"t":-0}',
    b'{"t":01}',
    b'{"a":1,"a":2}',  # duplicate keys: the last one, in both
    b'{"a":{"b":1},"a":"x"}',
    b'"\\ud800"',  # a lone surrogate escape: the log's ASCII form may hold one
    b'{"text":"a\\udc00b"}',
    b'"\\ud83d\\ude00"',
    b'"\xed\xa0\x80"',
    b'"\xff"',
    b'"\x01"',
    b"\xef\xbb\xbf{}",
    b" {} ",
    b"{}x",
    b"",
    b"[" * 200 + b"]" * 200,
    b"[" * 600 + b"]" * 600,
    b"[" * 1000 + b"]" * 1000,  # orjson's limit is 1024, Python's recursion less
    b"[" * 1030 + b"]" * 1030,
    b'{"a":' * 900 + b"1" + b"}" * 900,
    b'"\\u0000"',
    b'{"text":"' + b"9" * 40 + b'"}',  # a long digit run in a string: strict path, same value
    b"[1,2,]",
    b"tru",
    RECORD,
]


@pytest.mark.parametrize("line", HOSTILE, ids=range(len(HOSTILE)))
def test_the_fast_path_reads_a_hostile_line_as_the_strict_decoder_does(
    line: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert outcome(line) == strict(line, monkeypatch)


def test_the_refusals_name_what_is_wrong() -> None:
    """The messages a hostile log gets (from the strict decoder, as before orjson)."""
    with pytest.raises(ValueError, match=f"19 digits \\(at most {MAX_INT_DIGITS}\\)"):
        parse_json(b'{"seq":1234567890123456789}')
    with pytest.raises(ValueError, match="at most 64"):
        parse_json(b'{"t":0.' + b"0" * 70 + b"1}")
    with pytest.raises(ValueError, match="out of range"):
        parse_json(b'{"t":1e400}')
    with pytest.raises(ValueError, match="NaN is not a JSON number"):
        parse_json(b'{"t":NaN}')
    with pytest.raises(ValueError, match="nested too deeply"):
        parse_json(b"[" * 100_000 + b"]" * 100_000)
    with pytest.raises(ValueError, match="not UTF-8"):
        parse_json(b'"\xff"')


def test_a_record_line_takes_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not a vacuous comparison: an ordinary record is read by orjson."""
    calls: list[bytes] = []
    real = records._orjson_loads()
    monkeypatch.setattr(records, "_fast_loads", lambda b: calls.append(b) or real(b))
    assert parse_record(RECORD)["seq"] == 12
    assert calls == [RECORD]


def test_a_lone_surrogate_record_still_parses() -> None:
    """canonical_json writes a lone surrogate a terminal produced as an escape; orjson
    refuses it, and the strict decoder reads it as the writer meant."""
    line = records.canonical_json({"text": "a\udc00b"})
    assert parse_json(line) == {"text": "a\udc00b"}


JSONISH = st.sampled_from(list(b'{}[]",:.-+eE0123456789 \\tnurfalsNIy\x00\xff\xed'))


@settings(max_examples=600, deadline=None)
@given(
    at=st.integers(0, len(RECORD) - 1),
    cut=st.integers(0, 6),
    insert=st.lists(JSONISH, max_size=8),
)
def test_a_mangled_record_reads_the_same_either_way(at: int, cut: int, insert: list[int]) -> None:
    line = RECORD[:at] + bytes(insert) + RECORD[at + cut :]
    with pytest.MonkeyPatch.context() as patch:
        assert outcome(line) == strict(line, patch)


@settings(max_examples=400, deadline=None)
@given(
    value=st.recursive(
        st.none()
        | st.booleans()
        | st.integers(-(10**20), 10**20)
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(max_size=12),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_any_canonical_value_reads_the_same_either_way(value: object) -> None:
    line = records.canonical_json(value)
    with pytest.MonkeyPatch.context() as patch:
        assert outcome(line) == strict(line, patch)


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (b"", "the line is empty"),
        (b"   ", "the line is empty"),
        (b"\0\0{}", "expecting value at character 1 of the line"),
        (b'{"seq": 1,}', "at character 11 of the line"),
    ],
)
def test_a_decoding_error_names_the_place_in_the_line_not_a_line_1(line: bytes, said: str) -> None:
    # qa-sitting8: "line 6: it is not JSON (Expecting value: line 1 column 1 (char 0))".
    with pytest.raises(ValueError) as caught:
        parse_json(line)
    assert said in str(caught.value) and "line 1 column" not in str(caught.value)
