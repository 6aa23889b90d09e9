"""The tamper suite: every kind of change, at the first, a middle and the last place.

Each case changes a sealed log the way a forger (or a damaged disk) would and
checks that `verify` names the record that was changed, with the right kind.
The base log: header, 32 events, a checkpoint after every 5 events, a seal:

    line 1 header | 2-6 events | 7 checkpoint | ... | 37 checkpoint | 38-39 events | 40 seal

The forgeries only a witness can show (truncation after a checkpoint, seal
removal, re-signing with a leaked session key, a fork shown to two assessors)
are in test_witness.py; laundering an unsigned tail through `resume` is in
tests/runtime/test_resume_integrity.py; hostile bytes for every command that
reads a log are in tests/commands/test_bad_log_fuzz.py.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from helpdesk_tui.eventlog import CheckpointPolicy, PublicKey, Signer
from helpdesk_tui.eventlog.records import CHECKPOINT, SEAL, sha256_hex
from helpdesk_tui.eventlog.testing import (
    build_log_bytes,
    chain_signers,
    other_session,
    sample_events,
    sample_header,
)
from helpdesk_tui.eventlog.verifier import FaultKind, VerifyResult, verify_bytes

from .kit import (
    enc,
    fake_event,
    flip_in_value,
    join,
    numbers_of,
    pick,
    rec,
    relink,
    renumber,
    resign,
    split,
    with_seq,
)

POLICY = CheckpointPolicy(records=5, seconds=3600)
WHERE = ("first", "middle", "last")


@dataclass(frozen=True)
class Ctx:
    lines: list[bytes]
    other: list[bytes]
    signer: Signer
    other_signer: Signer
    chain: dict[str, Signer]
    """The log's chain keys by fingerprint: what a forger who copied them would hold."""

    def leaked(self, line: bytes) -> Signer:
        """The chain key that signed this checkpoint or seal."""
        return self.chain[rec(line)["data"]["key"]]

    def key_due_at(self, number: int) -> str:
        """The fingerprint of the chain key a signed record at line `number` must carry."""
        fingerprint = ""
        for line in self.lines[: number - 1]:
            if rec(line)["type"] == CHECKPOINT:
                fingerprint = self.chain_fingerprint(rec(line)["data"]["next_key"])
        return fingerprint or self.chain_fingerprint(rec(self.lines[0])["data"]["chain_key"])

    def chain_fingerprint(self, public_b64: str) -> str:
        return PublicKey.from_raw(base64.b64decode(public_b64)).fingerprint

    def events(self, where: str) -> int:
        return pick(numbers_of(self.lines, "event"), where)

    def checkpoints(self, where: str) -> int:
        return pick(numbers_of(self.lines, CHECKPOINT), where)

    def signed(self, where: str) -> int:
        """First checkpoint, a middle checkpoint, the seal."""
        return len(self.lines) if where == "last" else self.checkpoints(where)


_AUTO = -1


@dataclass(frozen=True)
class Bad:
    """The record verify must name; its seq is the line's original seq unless given."""

    line: int
    kind: FaultKind
    given_seq: int | None = _AUTO

    @property
    def seq(self) -> int | None:
        return self.line - 1 if self.given_seq == _AUTO else self.given_seq


@dataclass(frozen=True)
class Unsealed:
    records: int
    signed: int
    torn_line: int | None = None


Case = Callable[[Ctx, str], tuple[bytes, Bad | Unsealed]]


@pytest.fixture(scope="module")
def ctx(signer: Signer, other_signer: Signer) -> Ctx:
    events = sample_events(32, seed=7)
    base = build_log_bytes(sample_header(), signer, events, POLICY)
    other_header = other_session(sample_header(), "f" * 32)
    other = build_log_bytes(other_header, signer, events, POLICY)
    chain = chain_signers(sample_header(), signer)
    return Ctx(split(base), split(other), signer, other_signer, chain)


def test_the_base_log_is_laid_out_as_the_cases_assume(ctx: Ctx, pubkey: PublicKey) -> None:
    assert numbers_of(ctx.lines, CHECKPOINT) == [7, 13, 19, 25, 31, 37]
    assert numbers_of(ctx.lines, SEAL) == [40]
    assert verify_bytes(join(ctx.lines), pubkey).status == "ok"


# --- the cases -----------------------------------------------------------------


def data_byte_flipped(c: Ctx, where: str) -> tuple[bytes, Bad]:
    at = c.events(where)
    lines = list(c.lines)
    lines[at - 1] = flip_in_value(lines[at - 1], "wall", offset=3)
    return join(lines), Bad(at, FaultKind.BROKEN_LINK)


def checkpoint_data_byte_flipped(c: Ctx, where: str) -> tuple[bytes, Bad]:
    at = c.checkpoints(where)
    lines = list(c.lines)
    lines[at - 1] = flip_in_value(lines[at - 1], "head", offset=5)
    return join(lines), Bad(at, FaultKind.BAD_SIGNATURE)


def hash_byte_flipped(c: Ctx, where: str) -> tuple[bytes, Bad]:
    at = {"first": c.events("first"), "middle": c.events("middle"), "last": len(c.lines)}[where]
    lines = list(c.lines)
    lines[at - 1] = flip_in_value(lines[at - 1], "prev", offset=10)
    return join(lines), Bad(at, FaultKind.BROKEN_LINK)


def signature_byte_flipped(c: Ctx, where: str) -> tuple[bytes, Bad]:
    at = c.signed(where)
    lines = list(c.lines)
    lines[at - 1] = flip_in_value(lines[at - 1], "sig", offset=20)
    return join(lines), Bad(at, FaultKind.BAD_SIGNATURE)


def header_signature_flipped(c: Ctx, where: str) -> tuple[bytes, Bad]:
    offset = {"first": 0, "middle": 40, "last": 85}[where]
    lines = list(c.lines)
    lines[0] = flip_in_value(lines[0], "sig", offset=offset)
    return join(lines), Bad(1, FaultKind.HEADER_EDITED)


def event_deleted(c: Ctx, where: str) -> tuple[bytes, Bad]:
    at = c.events(where)
    lines = c.lines[: at - 1] + c.lines[at:]
    return join(lines), Bad(at, FaultKind.MISSING_SEQ, at)


def checkpoint_deleted(c: Ctx, where: str) -> tuple[bytes, Bad]:
    at = c.checkpoints(where)
    lines = c.lines[: at - 1] + c.lines[at:]
    return join(lines), Bad(at, FaultKind.MISSING_SEQ, at)


def deleted_and_renumbered(c: Ctx, where: str) -> tuple[bytes, Bad]:
    at = c.events(where)
    lines = renumber(c.lines[: at - 1] + c.lines[at:], at - 1, -1)
    return join(lines), Bad(at, FaultKind.BROKEN_LINK)


def inserted(c: Ctx, where: str) -> tuple[bytes, Bad]:
    at = c.events(where)
    new = fake_event(at - 1, sha256_hex(c.lines[at - 2]), t=rec(c.lines[at - 2])["t"])
    lines = c.lines[: at - 1] + [new] + c.lines[at - 1 :]
    return join(lines), Bad(at, FaultKind.INSERTED)


def inserted_and_renumbered(c: Ctx, where: str) -> tuple[bytes, Bad]:
    at = c.events(where)
    new = fake_event(at - 1, sha256_hex(c.lines[at - 2]), t=rec(c.lines[at - 2])["t"])
    lines = c.lines[: at - 1] + [new] + renumber(c.lines[at - 1 :], 0, +1)
    return join(lines), Bad(at, FaultKind.INSERTED)


def inserted_with_a_made_up_prev(c: Ctx, where: str) -> tuple[bytes, Bad]:
    at = c.events(where)
    new = fake_event(at - 1, "ab" * 32, t=rec(c.lines[at - 2])["t"])
    lines = c.lines[: at - 1] + [new] + renumber(c.lines[at - 1 :], 0, +1)
    return join(lines), Bad(at, FaultKind.INSERTED)


def neighbours_swapped(c: Ctx, where: str) -> tuple[bytes, Bad]:
    at = c.events(where)  # last: the last event swaps with the seal
    lines = list(c.lines)
    lines[at - 1], lines[at] = lines[at], lines[at - 1]
    return join(lines), Bad(at, FaultKind.REORDERED_SEQ, at)


def duplicated(c: Ctx, where: str) -> tuple[bytes, Bad]:
    at = c.events(where)
    lines = c.lines[:at] + [c.lines[at - 1]] + c.lines[at:]
    return join(lines), Bad(at + 1, FaultKind.DUPLICATED_SEQ, at - 1)


def tail_cut_with_seal(c: Ctx, where: str) -> tuple[bytes, Unsealed]:
    keep = {"first": 8, "middle": c.checkpoints("middle"), "last": len(c.lines) - 1}[where]
    lines = c.lines[:keep]
    last_signed = max([1, *[n for n in numbers_of(lines, CHECKPOINT)]])
    return join(lines), Unsealed(records=keep, signed=last_signed)


def tail_cut_seal_kept(c: Ctx, where: str) -> tuple[bytes, Bad]:
    cut = {"first": 1, "middle": 3, "last": 20}[where]
    seal_at = len(c.lines)
    lines = c.lines[: seal_at - 1 - cut] + [c.lines[-1]]
    return join(lines), Bad(len(lines), FaultKind.MISSING_SEQ, seal_at - 1)


def spliced_from_another_session(c: Ctx, where: str) -> tuple[bytes, Bad]:
    at, kind = {
        "first": (c.checkpoints("first"), FaultKind.FOREIGN),
        "middle": (c.events("middle"), FaultKind.BROKEN_LINK),
        "last": (len(c.lines), FaultKind.FOREIGN),
    }[where]
    lines = list(c.lines)
    lines[at - 1] = c.other[at - 1]
    return join(lines), Bad(at, kind)


def resigned_with_another_key(c: Ctx, where: str) -> tuple[bytes, Bad]:
    at = c.signed(where)
    lines = list(c.lines)
    lines[at - 1] = resign(lines[at - 1], c.other_signer)
    return join(lines), Bad(at, FaultKind.WRONG_KEY)


def resigned_with_another_key_claiming_ours(c: Ctx, where: str) -> tuple[bytes, Bad]:
    at = c.signed(where)
    lines = list(c.lines)
    lines[at - 1] = resign(lines[at - 1], c.other_signer, change_key=False)
    return join(lines), Bad(at, FaultKind.BAD_SIGNATURE)


def checkpoint_moved(c: Ctx, where: str) -> tuple[bytes, Bad]:
    """A genuine checkpoint reused at another place, seq and prev fitted (CVE-2023-31439)."""
    at = c.events(where)
    moved = {**rec(c.lines[c.checkpoints("middle") - 1]), "seq": at - 1}
    moved["prev"] = sha256_hex(c.lines[at - 2])
    moved["t"] = max(moved["t"], rec(c.lines[at - 2])["t"])  # keep exam time moving forward
    lines = list(c.lines)
    lines[at - 1] = enc(moved)
    # format 2: a checkpoint from elsewhere is signed by another chain key than the one due here
    due_here = c.key_due_at(at)
    kind = FaultKind.BAD_SIGNATURE if moved["data"]["key"] == due_here else FaultKind.WRONG_KEY
    return join(lines), Bad(at, kind)


def chain_recomputed_after_edit(c: Ctx, where: str) -> tuple[bytes, Bad]:
    """Edit an event and recompute every later prev: the next signature gives it away."""
    at = c.events(where)
    lines = list(c.lines)
    lines[at - 1] = flip_in_value(lines[at - 1], "wall", offset=3)
    lines = relink(lines, at)
    next_signed = min(n for n in numbers_of(lines, CHECKPOINT) + [len(lines)] if n > at)
    return join(lines), Bad(next_signed, FaultKind.BAD_SIGNATURE)


def header_edited(c: Ctx, where: str) -> tuple[bytes, Bad]:
    field = {"first": "candidate_id", "middle": "scenario_sha256", "last": "software_version"}[
        where
    ]
    lines = list(c.lines)
    lines[0] = flip_in_value(lines[0], field, offset=2)
    return join(lines), Bad(1, FaultKind.HEADER_EDITED)


def header_missing(c: Ctx, where: str) -> tuple[bytes, Bad]:
    lines, seq = {
        "first": (c.lines[1:], 1),
        "middle": ([c.lines[1], *c.lines[1:]], 1),
        "last": ([b"", *c.lines[1:]], None),
    }[where]
    return join(lines), Bad(1, FaultKind.HEADER_MISSING, seq)


def forged_seal_wrong_count(c: Ctx, where: str) -> tuple[bytes, Bad]:
    """A seal signed with the right key but claiming the wrong number of records."""
    seal_line = c.lines[-1]
    if where == "last":  # cut 3 records, re-seal at the new end claiming the old count
        lines = c.lines[:-4]
        forged = resign(
            seal_line,
            c.chain[c.key_due_at(len(lines) + 1)],  # the key leaked at that point
            seq=len(lines),
            prev=sha256_hex(lines[-1]),
            data={"head": sha256_hex(lines[-1])},
        )
    else:
        lines = c.lines[:-1]
        delta = {"first": -1, "middle": +5}[where]
        forged = resign(
            seal_line,
            c.leaked(seal_line),
            change_key=False,
            data={"records": rec(seal_line)["seq"] + delta},
        )
    return join([*lines, forged]), Bad(len(lines) + 1, FaultKind.SEAL_COUNT)


def records_after_seal(c: Ctx, where: str) -> tuple[bytes, Bad]:
    seal = c.lines[-1]
    extra = {
        "first": c.lines[-2],
        "middle": fake_event(len(c.lines), sha256_hex(seal)),
        "last": with_seq(seal, len(c.lines)),
    }[where]
    return join([*c.lines, extra]), Bad(len(c.lines) + 1, FaultKind.AFTER_SEAL, rec(extra)["seq"])


def torn_last_line(c: Ctx, where: str) -> tuple[bytes, Unsealed]:
    keep = {"first": 1, "middle": c.events("middle") - 1, "last": len(c.lines) - 1}[where]
    torn = c.lines[keep][: len(c.lines[keep]) // 2]
    signed = max([1, *numbers_of(c.lines[:keep], CHECKPOINT)])
    return join(c.lines[:keep]) + torn, Unsealed(records=keep, signed=signed, torn_line=keep + 1)


def time_reversed(c: Ctx, where: str) -> tuple[bytes, Bad]:
    """An event moved back in exam time (an edit, or a record written by something else)."""
    at = c.events(where)
    lines = list(c.lines)
    earlier = {**rec(lines[at - 1]), "t": rec(lines[at - 2])["t"] - 0.5}
    lines[at - 1] = enc(earlier)
    return join(lines), Bad(at, FaultKind.TIME_BACKWARDS)


def leaked_key_resigns_before_its_checkpoint(c: Ctx, where: str) -> tuple[bytes, Bad]:
    """Forward security: the key of a later checkpoint, leaked, re-signs an earlier one after
    an edit; that checkpoint's own key is gone, so the key chain names it."""
    target = c.checkpoints(where)
    later = c.lines[-1]  # the seal's key: the last one, as a key taken at the end
    lines = list(c.lines)
    lines[target - 2] = flip_in_value(lines[target - 2], "wall", offset=3)
    lines = relink(lines, target - 2)
    lines[target - 1] = resign(lines[target - 1], c.leaked(later))
    return join(lines), Bad(target, FaultKind.WRONG_KEY)


CASES: dict[str, Case] = {
    f.__name__: f
    for f in (
        data_byte_flipped,
        checkpoint_data_byte_flipped,
        hash_byte_flipped,
        signature_byte_flipped,
        header_signature_flipped,
        event_deleted,
        checkpoint_deleted,
        deleted_and_renumbered,
        inserted,
        inserted_and_renumbered,
        inserted_with_a_made_up_prev,
        neighbours_swapped,
        duplicated,
        tail_cut_with_seal,
        tail_cut_seal_kept,
        spliced_from_another_session,
        resigned_with_another_key,
        resigned_with_another_key_claiming_ours,
        checkpoint_moved,
        chain_recomputed_after_edit,
        header_edited,
        header_missing,
        forged_seal_wrong_count,
        records_after_seal,
        torn_last_line,
        time_reversed,
        leaked_key_resigns_before_its_checkpoint,
    )
}


def _check(result: VerifyResult, expected: Bad | Unsealed) -> None:
    if isinstance(expected, Unsealed):
        assert result.status == "unsealed", result.fault
        assert result.summary.records == expected.records
        assert result.signed_records == expected.signed
        assert result.unsigned_records == expected.records - expected.signed
        assert (result.torn.line if result.torn else None) == expected.torn_line
        return
    assert result.status == "bad"
    assert result.fault is not None
    got = (result.fault.line, result.fault.kind)
    assert got == (expected.line, expected.kind), result.fault.message
    assert result.fault.seq == expected.seq, result.fault.message
    assert f"line {expected.line}" in result.fault.message


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("case", list(CASES))
def test_tampering_is_detected_and_the_record_named(
    ctx: Ctx, pubkey: PublicKey, case: str, where: str
) -> None:
    data, expected = CASES[case](ctx, where)
    assert data != join(ctx.lines)
    _check(verify_bytes(data, pubkey), expected)


def test_the_suite_covers_at_least_fifteen_kinds_of_fault() -> None:
    assert len(CASES) >= 15


@pytest.mark.parametrize("where", WHERE)
def test_a_different_scenario_is_named_at_the_header(
    ctx: Ctx, pubkey: PublicKey, where: str
) -> None:
    wrong = {"first": "00" * 32, "middle": "5c" * 31 + "5d", "last": "ff" * 32}[where]
    result = verify_bytes(join(ctx.lines), pubkey, scenario_sha256=wrong)
    _check(result, Bad(1, FaultKind.SCENARIO_DIFFERS))
    assert verify_bytes(join(ctx.lines), pubkey, scenario_sha256="5c" * 32).status == "ok"


def test_verifying_with_another_centres_key_names_the_header(
    ctx: Ctx, other_signer: Signer
) -> None:
    result = verify_bytes(join(ctx.lines), other_signer.public_key)
    _check(result, Bad(1, FaultKind.WRONG_KEY))
