"""The hash chain in memory: turns events into the exact lines of the log.

Pure (no I/O), so the writer can write a line and only then commit the new
chain state: if the disk refuses the write, the chain has not moved and the
same append can be retried. Tests and the benchmark also use it to build
large logs without waiting for fsync.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from helpdesk_tui.core.events import Event, check_event_data
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.eventlog.records import (
    CHECKPOINT,
    FORMAT_VERSION,
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


SIGNED_AT_ONCE = frozenset({"session_ended"})
"""Events signed in the same write as themselves: the end of a session is never in an
unsigned tail, so `resume` can refuse one found there as not written by the session."""

KeySource = Callable[[], Signer]
"""Makes the next chain key (`Signer.generate`; tests pass a seeded one)."""


@dataclass(frozen=True, slots=True)
class Batch:
    """Lines to write in one go, and the chain state once they are on disk."""

    data: bytes
    state: ChainState
    seq: int
    """The seq of the first record in the batch (the event's, for an append)."""
    next_signer: Signer | None = None
    """Set when the batch holds a checkpoint: the chain key that signs from then on.
    The writer saves it to the resume file *before* writing the batch."""


def bind_signer(
    header: SessionHeader, signer: Signer, policy: CheckpointPolicy, chain_key: Signer
) -> SessionHeader:
    """Fill in the key, chain-key and policy fields of a header from the root signer."""
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
        chain_key=b64encode(chain_key.public_key.raw),
        format=FORMAT_VERSION,
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
    """Builds the next lines of one session's chain and signs checkpoints and the seal.

    `signer` is the current chain key (format 2): it signs the next checkpoint
    or the seal and nothing else. A checkpoint names the key after it; once the
    batch is on disk, `commit` moves to that key and drops this one, so a copy
    of the process taken later cannot re-sign what is already signed.
    """

    def __init__(
        self,
        header: SessionHeader,
        signer: Signer,
        policy: CheckpointPolicy,
        state: ChainState,
        key_source: KeySource = Signer.generate,
    ) -> None:
        self.header = header
        self.signer = signer
        self.policy = policy
        self.state = state
        self.key_source = key_source

    @classmethod
    def start(
        cls,
        header: SessionHeader,
        root: Signer,
        policy: CheckpointPolicy,
        key_source: KeySource = Signer.generate,
    ) -> tuple[ChainEncoder, bytes]:
        """A new chain and its header line, signed by `root` (commit nothing until written).

        ValueError when the header cannot be bound to `root`."""
        first = key_source()
        bound = bind_signer(header, root, policy, first)
        line = header_line(bound, root)
        state = ChainState(seq=0, head=sha256_hex(line), last_t=0.0, unsigned=0, signed_t=0.0)
        return cls(bound, first, policy, state, key_source), line + b"\n"

    def commit(self, batch: Batch) -> None:
        """The batch is on disk: move the chain on (and to the next key after a checkpoint)."""
        self.state = batch.state
        if batch.next_signer is not None:
            self.signer = batch.next_signer

    def event(self, event: Event) -> Batch:
        """The event's line, followed by a checkpoint when the policy says one is due.

        Exam time never goes back in a log (`verify` checks it): an event stamped
        before the last record (a clock restarted a little early) is written at
        the last record's time."""
        self._refuse_if_sealed()
        check_event_data(event.type, event.data)
        st = self.state
        seq = st.seq + 1
        t = max(event.exam_time, st.last_t)
        line = record_bytes(seq, t, event.wall_time, event.type, event.data, st.head)
        state = dataclasses.replace(
            st, seq=seq, head=sha256_hex(line), last_t=t, unsigned=st.unsigned + 1
        )
        data = line + b"\n"
        if event.type in SIGNED_AT_ONCE or self.policy.due(state.unsigned, t - state.signed_t):
            extra, state, following = self._checkpoint(state, t, event.wall_time)
            return Batch(data + extra, state, seq, following)
        return Batch(data, state, seq)

    def checkpoint(self, exam_time: float, wall_time: str) -> Batch | None:
        """A checkpoint over the head, or None when every record is already signed."""
        self._refuse_if_sealed()
        if self.state.unsigned == 0:
            return None
        data, state, following = self._checkpoint(self.state, exam_time, wall_time)
        return Batch(data, state, state.seq, following)

    def seal(self, reason: str, exam_time: float, wall_time: str) -> Batch:
        """The signed last record: count, head and why the session ended."""
        self._refuse_if_sealed()
        if reason not in SEAL_REASONS:
            raise ValueError(f"a seal reason is one of {', '.join(SEAL_REASONS)}, not {reason!r}")
        st = self.state
        seq = st.seq + 1
        t = max(exam_time, st.last_t)
        body = self._signed_body(seq, st.head) | {"reason": reason}
        line = signed_line(seq, t, wall_time, SEAL, body, st.head, self.signer)
        state = ChainState(seq, sha256_hex(line), t, 0, t, sealed=True)
        return Batch(line + b"\n", state, seq)

    def _checkpoint(
        self, st: ChainState, exam_time: float, wall: str
    ) -> tuple[bytes, ChainState, Signer]:
        seq = st.seq + 1
        t = max(exam_time, st.last_t)
        following = self.key_source()
        body = self._signed_body(seq, st.head) | {"next_key": b64encode(following.public_key.raw)}
        line = signed_line(seq, t, wall, CHECKPOINT, body, st.head, self.signer)
        return line + b"\n", ChainState(seq, sha256_hex(line), t, 0, t), following

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
