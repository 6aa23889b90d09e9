"""Fuzz: a signed, sealed log damaged at random never makes `verify` raise, hang or say "intact".

The rule is docs/eventlog-format.md's, not the verifier's: a log is one exact
byte form (canonical lines, each ending in a newline, the last included, nothing
after the seal). So after any mutation:

- "ok" (intact and sealed) only for the original bytes themselves;
- "unsealed" (intact as far as it goes) only if the records its signatures cover
  are the original's first records, byte for byte (records after the last
  signature are only hash-chained: anyone can rewrite them, as the format says);
- never an exception, and within a time bound;
- the streamed reader (`verify_log`, a line at a time) and the in-memory one
  (`verify_bytes`) give the same verdict, fault, summary and line hashes (and
  the same torn tail, except after a fault: the stream stops reading there).

A deep run: `FUZZ_EXAMPLES=3000 pytest tests/eventlog/test_mutation_fuzz.py`.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpdesk_tui.eventlog import CheckpointPolicy, Signer
from helpdesk_tui.eventlog.records import canonical_json
from helpdesk_tui.eventlog.testing import build_log_bytes, sample_events, sample_header
from helpdesk_tui.eventlog.verifier import FaultKind, VerifyResult, verify_bytes, verify_log
from tests.fuzzing import Practice, fuzz_settings

from .mutate import accepted_prefix, mutated

FUZZ = fuzz_settings(150)
BOUND_S = 2.0
"""Per verification of a 60-record log (about 5 ms quiet): generous for a loaded machine."""


@pytest.fixture(scope="module")
def practice() -> Practice:
    """A practice log (its own per-session key), sealed, a checkpoint every 7 records."""
    header = sample_header(mode="practice")
    events = sample_events(50, seed=11)
    return Practice(
        build_log_bytes(header, Signer.ephemeral(), events, CheckpointPolicy(records=7))
    )


@pytest.fixture(scope="module")
def forger() -> Signer:
    return Signer.ephemeral()


def check(original: bytes, changed: bytes, path: Path) -> VerifyResult:
    path.write_bytes(changed)
    started = time.perf_counter()
    streamed = verify_log(path, None)
    in_memory = verify_bytes(changed, None, name=str(path))
    assert time.perf_counter() - started < 2 * BOUND_S
    assert (streamed.status, streamed.fault) == (in_memory.status, in_memory.fault)
    if streamed.status != "bad":  # a streamed log stops at its fault, before any torn tail
        assert streamed.torn == in_memory.torn
    assert list(streamed.line_hashes) == list(in_memory.line_hashes)
    assert streamed.summary == in_memory.summary
    if streamed.status == "ok":
        assert changed == original
    elif streamed.status == "unsealed":
        signed = accepted_prefix(original, streamed.signed_records)
        assert changed.startswith(signed)
        assert streamed.fault is None
    else:
        assert streamed.fault is not None and streamed.fault.message
    return streamed


def test_the_untouched_practice_log_is_intact(practice: Practice, tmp_path: Path) -> None:
    original = bytes(practice)
    assert check(original, original, tmp_path / "log.jsonl").status == "ok"


@FUZZ
@given(data=st.data())
def test_a_mutated_log_is_never_intact_and_never_raises(
    practice: Practice, forger: Signer, tmp_path: Path, data: st.DataObject
) -> None:
    original = bytes(practice)
    changed = mutated(data, original, forger)
    result = check(original, changed, tmp_path / "log.jsonl")
    if changed != original:
        assert result.status != "ok"


def _with_data(line: bytes, **changes: object) -> bytes:
    record = json.loads(line)
    record["data"] |= changes
    return canonical_json(record)


@pytest.mark.parametrize("sig", [1e308, 5, None, ["x"], {"a": 1}, True])
def test_a_signature_that_is_not_a_string_is_a_bad_signature_not_a_traceback(
    practice: Practice, tmp_path: Path, sig: object
) -> None:
    # Found by the fuzzer: a header whose sig was 1e308 raised AttributeError
    # ('float' object has no attribute 'encode') out of verify, report and review.
    lines = bytes(practice).split(b"\n")
    header = _with_data(lines[0], sig=sig)
    result = check(bytes(practice), b"\n".join([header, *lines[1:]]), tmp_path / "h.jsonl")
    assert result.fault is not None and result.fault.kind == FaultKind.HEADER_EDITED
    assert result.fault.line == 1 and "does not match its signature" in result.fault.message
    checkpoint = next(i for i, line in enumerate(lines) if b'"log.checkpoint"' in line)
    lines[checkpoint] = _with_data(lines[checkpoint], sig=sig)
    result = check(bytes(practice), b"\n".join(lines), tmp_path / "c.jsonl")
    assert result.fault is not None and result.fault.kind == FaultKind.BAD_SIGNATURE
    assert result.fault.line == checkpoint + 1
