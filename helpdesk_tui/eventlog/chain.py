"""The hash chain in memory: turns events into the exact lines of the log.

Pure (no I/O), so the writer can write a line and only then commit the new
chain state: if the disk refuses the write, the chain has not moved and the
same append can be retried. Tests and the benchmark also use it to build
large logs without waiting for fsync.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from helpdesk_tui.core.events import Event, check_event_data
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.eventlog.records import (
    CHECKPOINT,
    GENESIS_PREV,
    HEADER,
    KEY_EXAM_CENTRE,
    KEY_PER_SESSION,
    SEAL,
    SEAL_REASONS,
    CheckpointPolicy,
    SessionHeader,
    b64encode,
    record_bytes,
    sha256_hex,
    signing_message,
)


@dataclass(frozen=True, slots=True)
class ChainState:
    """Where the chain stands after its last record."""

    seq: int
    head: str
    last_t: float
    unsigned: int
    signed_t: float
    sealed: bool = False


@dataclass(frozen=True, slots=True)
class Batch:
    """Lines to write in one go, and the chain state once they are on disk."""

    data: bytes
    state: ChainState
    seq: int
    """The seq of the first record in the batch (the event's, for an append)."""


def bind_signer(header: SessionHeader, signer: Signer, policy: CheckpointPolicy) -> SessionHeader:
    """Fill in the key and policy fields of a header from the signer that will sign the log."""
    kind = KEY_PER_SESSION if signer.is_ephemeral else KEY_EXAM_CENTRE
    if header.key_fingerprint and header.key_fingerprint != signer.fingerprint:
        raise ValueError(
            f"the header names key {header.key_fingerprint} but the signer is {signer.fingerprint}"
        )
    public = b64encode(signer.public_key.raw) if signer.is_ephemeral else None
    bound = dataclasses.replace(
        header,
        key_fingerprint=signer.fingerprint,
        key_kind=kind,
        session_public_key=public,
        checkpoint_policy={"records": policy.records, "seconds": float(policy.seconds)},
    )
    bound.check()
    return bound


def signed_line(
    seq: int, t: float, wall: str, rtype: str, data: dict[str, Any], prev: str, signer: Signer
) -> bytes:
    """A record whose `data.sig` signs the whole record but the signature itself."""
    record = {"seq": seq, "t": float(t), "wall": wall, "type": rtype, "data": data, "prev": prev}
    signature = signer.sign(signing_message(record))
    return record_bytes(seq, t, wall, rtype, {**data, "sig": b64encode(signature)}, prev)


def header_line(header: SessionHeader, signer: Signer) -> bytes:
    """The first line: the bound header, signed at once so it is never unsigned."""
    return signed_line(0, 0.0, header.created, HEADER, header.to_data(), GENESIS_PREV, signer)


class ChainEncoder:
    """Builds the next lines of one session's chain and signs checkpoints and the seal."""

    def __init__(
        self, header: SessionHeader, signer: Signer, policy: CheckpointPolicy, state: ChainState
    ) -> None:
        self.header = header
        self.signer = signer
        self.policy = policy
        self.state = state

    @classmethod
    def start(
        cls, header: SessionHeader, signer: Signer, policy: CheckpointPolicy
    ) -> tuple[ChainEncoder, bytes]:
        """A new chain and its header line (commit nothing until the line is written)."""
        line = header_line(header, signer)
        state = ChainState(seq=0, head=sha256_hex(line), last_t=0.0, unsigned=0, signed_t=0.0)
        return cls(header, signer, policy, state), line + b"\n"

    def event(self, event: Event) -> Batch:
        """The event's line, followed by a checkpoint when the policy says one is due."""
        self._refuse_if_sealed()
        check_event_data(event.type, event.data)
        st = self.state
        seq = st.seq + 1
        line = record_bytes(seq, event.exam_time, event.wall_time, event.type, event.data, st.head)
        state = dataclasses.replace(
            st, seq=seq, head=sha256_hex(line), last_t=event.exam_time, unsigned=st.unsigned + 1
        )
        data = line + b"\n"
        if self.policy.due(state.unsigned, event.exam_time - state.signed_t):
            extra, state = self._checkpoint(state, event.exam_time, event.wall_time)
            data += extra
        return Batch(data, state, seq)

    def checkpoint(self, exam_time: float, wall_time: str) -> Batch | None:
        """A checkpoint over the head, or None when every record is already signed."""
        self._refuse_if_sealed()
        if self.state.unsigned == 0:
            return None
        data, state = self._checkpoint(self.state, exam_time, wall_time)
        return Batch(data, state, state.seq)

    def seal(self, reason: str, exam_time: float, wall_time: str) -> Batch:
        """The signed last record: count, head and why the session ended."""
        self._refuse_if_sealed()
        if reason not in SEAL_REASONS:
            raise ValueError(f"a seal reason is one of {', '.join(SEAL_REASONS)}, not {reason!r}")
        st = self.state
        seq = st.seq + 1
        body = self._signed_body(seq, st.head) | {"reason": reason}
        line = signed_line(seq, exam_time, wall_time, SEAL, body, st.head, self.signer)
        state = ChainState(seq, sha256_hex(line), exam_time, 0, exam_time, sealed=True)
        return Batch(line + b"\n", state, seq)

    def _checkpoint(self, st: ChainState, exam_time: float, wall: str) -> tuple[bytes, ChainState]:
        seq = st.seq + 1
        body = self._signed_body(seq, st.head)
        line = signed_line(seq, exam_time, wall, CHECKPOINT, body, st.head, self.signer)
        return line + b"\n", ChainState(seq, sha256_hex(line), exam_time, 0, exam_time)

    def _signed_body(self, seq: int, head: str) -> dict[str, Any]:
        """What a checkpoint and a seal state outright (their signature covers it all)."""
        return {
            "records": seq,
            "head": head,
            "session": self.header.session_id,
            "key": self.signer.fingerprint,
        }

    def _refuse_if_sealed(self) -> None:
        if self.state.sealed:
            raise ValueError("the log is sealed; nothing can be added after the seal")
