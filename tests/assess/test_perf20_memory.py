"""What the assessment lets go of before its peak, and the caches that share what they keep.

perf20 (the padded 200,000-record review, 363 -> ~285 MB): the log's bytes are held by a
`LogBytes` alone and let go of before the measurements (a late signature failure reads the
file again and refuses one that changed), the verifier's line hashes are dropped, and two
caches keep one object for many keys. Each cache is checked against the answer worked out
without it, so a stale or shared-by-mistake answer fails here.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from helpdesk_tui.assess import evidence, prime
from helpdesk_tui.assess.cases import Case
from helpdesk_tui.assess.integrity import _clause_sets
from helpdesk_tui.assess.pipeline import LogBytes, Refused, assess_log
from helpdesk_tui.core.state import Conversation, Message

from .test_prime import CALDER, _bad_seal_signature, workers  # noqa: F401 (a fixture)


def test_log_bytes_let_go_of_are_read_again_only_if_the_file_holds_them(tmp_path: Path) -> None:
    log = tmp_path / "a.jsonl"
    log.write_bytes(b'{"a": 1}\n')
    held = LogBytes(log, log.read_bytes())
    held.release()
    assert held.data is None
    assert held.bytes() == b'{"a": 1}\n'
    assert held.sha256 == hashlib.sha256(b'{"a": 1}\n').hexdigest()
    log.write_bytes(b'{"a": 2}\n')  # the same size: only the hash tells
    with pytest.raises(Refused, match="changed while it was being assessed"):
        held.bytes()
    assert held.sha256 == hashlib.sha256(b'{"a": 1}\n').hexdigest(), "the first bytes' hash"


@CALDER
def test_a_long_log_lets_go_of_its_bytes_before_the_measurements(
    sim_logs: dict[tuple[str, str], Path],
    workers: list[prime.Primer],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The measurements after the worker's analyses are the peak: no byte of the log is held
    then, neither by the pipeline nor by the worker's `Primer`."""
    log = sim_logs[("en-calder-valley-exam", "ideal")]
    held = LogBytes(log, log.read_bytes())
    seen: list[tuple[Any, Any]] = []
    real = evidence.data_items

    def data_items(ctx: Any) -> Any:
        seen.append((held.data, workers[0].data))
        return real(ctx)

    monkeypatch.setattr(evidence, "data_items", data_items)
    assessed = assess_log(log, None, data=held)
    assert seen == [(None, None)]
    assert assessed.provenance.log_sha256 == hashlib.sha256(log.read_bytes()).hexdigest()
    assert assessed.provenance.verified


@CALDER
def test_a_late_signature_failure_reads_the_log_again_and_refuses_a_changed_one(
    sim_logs: dict[tuple[str, str], Path],
    workers: list[prime.Primer],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """A deferred signature that does not check assesses the log again from its bytes, read
    again once let go of: the same file is refused in the verifier's words; a file replaced
    meanwhile (by the good log, which would verify) is refused as changed, not reported."""
    good = sim_logs[("en-calder-valley-exam", "ideal")]
    bad = _bad_seal_signature(good, tmp_path / "bad.jsonl")
    with pytest.raises(Refused, match="signature does not match"):
        assess_log(bad, None, data=LogBytes(bad, bad.read_bytes()))
    real = prime.Primer.finish

    def finish(self: prime.Primer) -> None:
        real(self)
        bad.write_bytes(good.read_bytes())  # after the bytes were let go of

    monkeypatch.setattr(prime.Primer, "finish", finish)
    with pytest.raises(Refused, match="changed while it was being assessed"):
        assess_log(bad, None, data=LogBytes(bad, bad.read_bytes()))


def _case(messages: dict[str, list[tuple[str, int]]]) -> Case:
    """A case whose conversations hold these (author, seq) messages, text "<author><seq>"."""
    conversations = []
    for conv_id, said in messages.items():
        conv = Conversation(conv_id, "chat", "cust", 0.0)
        conv.messages = [Message(author, f"{author}{seq}", float(seq), seq) for author, seq in said]
        conversations.append(conv)
    return Case("c1", "case", None, "cust", 0.0, 0, conversations=conversations)


def test_what_the_customer_said_before_is_the_same_as_read_afresh_at_every_seq() -> None:
    """Two conversations whose messages interleave (the list is not in seq order): the tuple
    kept per count of earlier messages is, at every seq, the one read from the messages."""
    case = _case(
        {
            "a": [("customer", 2), ("candidate", 3), ("customer", 7), ("customer", 11)],
            "b": [("customer", 5), ("candidate", 6), ("customer", 9)],
        }
    )
    said = [
        (m.seq, m.text) for c in case.conversations for m in c.messages if m.author == "customer"
    ]
    for seq in [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 6, 3, 10]:  # again, out of order
        assert case.customer_said_before(seq) == tuple(t for at, t in said if at < seq), seq
    assert case.customer_said_before(8) == ("customer2", "customer7", "customer5")
    assert case.customer_said_before(6) is case.customer_said_before(7), "one tuple, shared"


def test_the_aligned_clauses_share_only_the_empty_sets() -> None:
    empty = _clause_sets((), [])
    assert empty == (frozenset(), frozenset()) and empty is _clause_sets([], ())
    kb, theirs = _clause_sets(["a", "b"], ())
    assert kb == {"a", "b"} and theirs == frozenset()
    assert _clause_sets((), ["c"]) == (frozenset(), frozenset({"c"}))
