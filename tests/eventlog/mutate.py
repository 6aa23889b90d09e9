"""Hypothesis strategies that damage a log as a forger, a bad disk or a bad copy would.

`mutated(original, forger)` draws one to three mutations of a log's bytes: flip
a byte, drop, duplicate, swap or move lines, cut it anywhere, change a seq, put
a control character or a huge number in a record, edit the header, insert a
record signed with another key, relink the hashes from some line on (what anyone
can do without the key), add bytes after the end. Used by the verifier's fuzzer
(tests/eventlog/test_mutation_fuzz.py) and the report's (tests/assess/).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from helpdesk_tui.eventlog.chain import signed_line
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.eventlog.records import CHECKPOINT, canonical_json, sha256_hex

Lines = list[bytes]
Mutation = Callable[[st.DataObject, Lines, Signer], Lines]

HUGE = [10**30, -(10**30), 2**63, 1e308, -1e308, 5e-324, 10**18 - 1, -1]
CONTROLS = ["\x1b]0;owned\x07", "\x1b[2J", "\x00", "\x7f", "\x9b", "\u202e", "\r", "\x08"]


def _record(line: bytes) -> dict[str, Any] | None:
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _index(data: st.DataObject, lines: Lines, label: str) -> int:
    return data.draw(st.integers(0, max(len(lines) - 1, 0)), label=label)


def flip_byte(data: st.DataObject, lines: Lines, forger: Signer) -> Lines:
    index = _index(data, lines, "line")
    line = lines[index]
    if not line:
        return lines
    at = data.draw(st.integers(0, len(line) - 1), label="offset")
    value = data.draw(st.integers(0, 255).filter(lambda b: b != line[at]), label="byte")
    return lines[:index] + [line[:at] + bytes([value]) + line[at + 1 :]] + lines[index + 1 :]


def drop_line(data: st.DataObject, lines: Lines, forger: Signer) -> Lines:
    index = _index(data, lines, "dropped")
    return lines[:index] + lines[index + 1 :]


def duplicate_line(data: st.DataObject, lines: Lines, forger: Signer) -> Lines:
    index = _index(data, lines, "copied")
    at = data.draw(st.integers(0, len(lines)), label="to")
    return lines[:at] + [lines[index]] + lines[at:]


def swap_lines(data: st.DataObject, lines: Lines, forger: Signer) -> Lines:
    a, b = _index(data, lines, "a"), _index(data, lines, "b")
    out = list(lines)
    out[a], out[b] = out[b], out[a]
    return out


def move_line(data: st.DataObject, lines: Lines, forger: Signer) -> Lines:
    out = list(lines)
    line = out.pop(_index(data, out, "moved"))
    out.insert(data.draw(st.integers(0, len(out)), label="to"), line)
    return out


def edit_field(data: st.DataObject, lines: Lines, forger: Signer) -> Lines:
    """A seq, a time, a text or a number of one record set to another value, re-encoded."""
    where = data.draw(st.sampled_from(["seq", "t", "data", "header", "type"]), label="field")
    index = 0 if where == "header" else _index(data, lines, "line")
    record = _record(lines[index])
    if record is None:
        return lines
    if where == "seq":
        record["seq"] = data.draw(st.sampled_from([*HUGE, 0, record.get("seq", 0) + 1, "1"]))
    elif where == "t":
        record["t"] = data.draw(st.sampled_from([*HUGE, 0.0, 1e9, -0.0]))
    elif where == "type":
        record["type"] = data.draw(st.sampled_from(["log.header", "log.seal", "x", "", "note"]))
    elif isinstance(record.get("data"), dict) and record["data"]:
        fields = record["data"]
        key = data.draw(st.sampled_from(sorted(fields)), label="key")
        fields[key] = data.draw(
            st.one_of(
                st.sampled_from(HUGE),
                st.sampled_from(CONTROLS).map(lambda c: f"a{c}b"),
                st.sampled_from([None, [], {}, "", "x" * 20_000, [[[[[]]]]], True]),
            ),
            label="value",
        )
    try:
        new = canonical_json(record)
    except ValueError:
        return lines
    return lines[:index] + [new] + lines[index + 1 :]


def forge_signed(data: st.DataObject, lines: Lines, forger: Signer) -> Lines:
    """A checkpoint signed with another key, linked to the line before it, inserted."""
    at = data.draw(st.integers(1, max(len(lines), 1)), label="at")
    before = _record(lines[at - 1]) if lines else None
    if before is None or not isinstance(before.get("seq"), int):
        return lines
    prev = sha256_hex(lines[at - 1])
    session = before["data"].get("session_id") or before["data"].get("session") or "x"
    fields = {"head": prev, "key": forger.fingerprint, "records": before["seq"] + 1}
    fields |= {"session": session, "next_key": "A" * 43 + "="}
    line = signed_line(
        before["seq"] + 1, 1.0, "2025-03-03T09:00:01.000Z", CHECKPOINT, fields, prev, forger
    )
    return lines[:at] + [line] + lines[at:]


def relink(data: st.DataObject, lines: Lines, forger: Signer) -> Lines:
    """Every prev from some line on recomputed: the hash chain alone holds nothing."""
    start = data.draw(st.integers(1, max(len(lines) - 1, 1)), label="from")
    out = list(lines)
    for index in range(start, len(out)):
        record = _record(out[index])
        if record is None:
            continue
        record["prev"] = sha256_hex(out[index - 1])
        with contextlib.suppress(ValueError):
            out[index] = canonical_json(record)
    return out


def reformat(data: st.DataObject, lines: Lines, forger: Signer) -> Lines:
    """The same values in another spelling (spaces, unsorted keys, \\u escapes)."""
    index = _index(data, lines, "line")
    record = _record(lines[index])
    if record is None:
        return lines
    style = data.draw(st.sampled_from(["spaces", "unsorted", "unicode"]), label="style")
    if style == "spaces":
        new = json.dumps(record, sort_keys=True).encode()
    elif style == "unsorted":
        new = json.dumps(dict(reversed(record.items())), separators=(",", ":")).encode()
    else:
        new = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    return lines[:index] + [new] + lines[index + 1 :]


MUTATIONS: list[Mutation] = [
    flip_byte,
    drop_line,
    duplicate_line,
    swap_lines,
    move_line,
    edit_field,
    forge_signed,
    relink,
    reformat,
]


def mutated(data: st.DataObject, original: bytes, forger: Signer) -> bytes:
    """`original` after one to three mutations, then maybe cut or given a tail."""
    lines = original.split(b"\n")[:-1]
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        if not lines:
            break
        mutation = data.draw(st.sampled_from(MUTATIONS), label="mutation")
        lines = mutation(data, lines, forger)
    out = b"".join(line + b"\n" for line in lines)
    end = data.draw(st.sampled_from(["as is", "cut", "tail", "no newline"]), label="end")
    if end == "cut" and out:
        out = out[: data.draw(st.integers(0, len(out) - 1), label="cut at")]
    elif end == "tail":
        out += data.draw(st.sampled_from([b"\n", b"{", b"\x1b]0;x\x07", b" " * 3000, b"{}\n"]))
    elif end == "no newline":
        out = out.rstrip(b"\n")
    return out


def accepted_prefix(original: bytes, lines: int) -> bytes:
    """The first `lines` complete lines of `original`, with their newlines."""
    return b"".join(line + b"\n" for line in original.split(b"\n")[:lines])
