"""Tools to take a log apart and put it back changed, as a forger would."""

from __future__ import annotations

import json
from typing import Any

from helpdesk_tui.eventlog.chain import signed_line
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.eventlog.records import LOG_RECORD_TYPES, canonical_json, sha256_hex


def split(data: bytes) -> list[bytes]:
    """Complete lines of a log whose last line ends with a newline."""
    assert data.endswith(b"\n")
    return data.split(b"\n")[:-1]


def join(lines: list[bytes]) -> bytes:
    return b"\n".join(lines) + b"\n"


def rec(line: bytes) -> dict[str, Any]:
    return json.loads(line)


def enc(record: dict[str, Any]) -> bytes:
    return canonical_json(record)


def types(lines: list[bytes]) -> list[str]:
    return [rec(line)["type"] for line in lines]


def numbers_of(lines: list[bytes], wanted: str) -> list[int]:
    """1-based line numbers of events ("event") or of a log record type."""
    found = []
    for number, rtype in enumerate(types(lines), 1):
        is_event = rtype not in LOG_RECORD_TYPES
        if (wanted == "event" and is_event) or rtype == wanted:
            found.append(number)
    return found


def pick(numbers: list[int], where: str) -> int:
    return {"first": numbers[0], "middle": numbers[len(numbers) // 2], "last": numbers[-1]}[where]


def with_seq(line: bytes, seq: int) -> bytes:
    return enc({**rec(line), "seq": seq})


def renumber(lines: list[bytes], start: int, delta: int) -> list[bytes]:
    """Shift the seq of every line from index `start` on (hashes left as they were)."""
    return lines[:start] + [with_seq(line, rec(line)["seq"] + delta) for line in lines[start:]]


def relink(lines: list[bytes], start: int) -> list[bytes]:
    """Recompute prev from index `start` on: what anyone can do without the key."""
    out = list(lines)
    for index in range(max(start, 1), len(out)):
        out[index] = enc({**rec(out[index]), "prev": sha256_hex(out[index - 1])})
    return out


def flip_in_value(line: bytes, field: str, offset: int = 1) -> bytes:
    """Change one character inside the string value of `"field":"...`, keeping valid JSON."""
    marker = f'"{field}":"'.encode()
    start = line.index(marker) + len(marker) + offset
    old = line[start : start + 1]
    new = b"b" if old != b"b" else b"c"
    if old.isdigit():
        new = b"1" if old != b"1" else b"2"
    return line[:start] + new + line[start + 1 :]


def resign(line: bytes, signer: Signer, change_key: bool = True, **changes: Any) -> bytes:
    """Re-sign a checkpoint or seal (optionally changed) with `signer`."""
    record = rec(line)
    data = {k: v for k, v in record["data"].items() if k != "sig"}
    data.update(changes.pop("data", {}))
    if change_key:
        data["key"] = signer.fingerprint
    record.update(changes)
    return signed_line(
        record["seq"], record["t"], record["wall"], record["type"], data, record["prev"], signer
    )


def fake_event(
    seq: int, prev: str, text: str = "I fixed it (inserted later)", t: float = 5.0
) -> bytes:
    record = {
        "seq": seq,
        "t": t,
        "wall": "2025-03-03T09:00:05.000Z",
        "type": "note_added",
        "data": {"ticket_id": "T-100", "text": text},
        "prev": prev,
    }
    return enc(record)
