"""The tolerant reader: everything in order, a torn tail reported, damage named."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.eventlog import CheckpointPolicy, LogReadError, Signer, read_log
from helpdesk_tui.eventlog.testing import build_log_bytes, sample_events, sample_header


@pytest.fixture
def sealed(tmp_path: Path, signer: Signer) -> Path:
    path = tmp_path / "s.jsonl"
    path.write_bytes(
        build_log_bytes(
            sample_header(), signer, sample_events(9, seed=1), CheckpointPolicy(records=4)
        )
    )
    return path


def test_read_log_gives_events_with_their_seq_checkpoints_and_seal(sealed: Path) -> None:
    contents = read_log(sealed)
    assert contents.events == sample_events(9, seed=1)
    assert [(e.seq, e.line) for e in contents.entries][:5] == [
        (1, 2),
        (2, 3),
        (3, 4),
        (4, 5),
        (6, 7),
    ]
    assert [(c.seq, c.records) for c in contents.checkpoints] == [(5, 5), (10, 10)]
    assert contents.seal is not None and contents.seal.reason == "completed"
    assert contents.sealed and contents.last_seq == 12 and contents.torn is None
    assert contents.header.scenario_id == "en-demo"


def test_a_torn_last_line_is_reported_not_an_error(sealed: Path) -> None:
    whole = sealed.read_bytes()
    sealed.write_bytes(whole[:-30])
    contents = read_log(sealed)
    assert contents.torn is not None and contents.torn.line == 13
    assert contents.torn.offset == contents.good_length == whole[:-30].rfind(b"\n") + 1
    assert not contents.sealed and contents.last_seq == 11


def test_a_damaged_line_in_the_middle_is_named(sealed: Path) -> None:
    lines = sealed.read_bytes().split(b"\n")
    lines[4] = b"{not json"
    sealed.write_bytes(b"\n".join(lines))
    with pytest.raises(LogReadError, match="line 5 cannot be read: it is not JSON"):
        read_log(sealed)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "no complete record"),
        (b'{"seq": 1}\n', "line 1 cannot be read: it is not a record"),
        (None, "does not exist"),
        ("dir", "is a folder"),
    ],
)
def test_files_that_are_not_logs_are_refused_with_a_reason(
    tmp_path: Path, content: bytes | str | None, message: str
) -> None:
    path = tmp_path / "x.jsonl"
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(LogReadError, match=message):
        read_log(path)


def test_a_log_without_its_header_is_refused(sealed: Path) -> None:
    sealed.write_bytes(b"\n".join(sealed.read_bytes().split(b"\n")[1:]))
    with pytest.raises(LogReadError, match="header is missing"):
        read_log(sealed)
