"""The review's opening folds a verified log once (sec16), and keeps what it must only.

Before sec16 `open_review` folded the events twice (the evidence, then the replay), kept
every parsed record of the log until the events were made of them, split the whole log
into a list of lines before verifying it, and took a snapshot every 1,000 events however
long the log: a padded 200,000-record log took 11-15 s of CPU and 437 MB to open
(benchmarks/README.md, "Red team (branch sec16)"). The figures are the benchmark's; these
tests hold the shapes that give them, each against what a fold of its own says.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import helpdesk_tui.assess.replay as replay_module
from helpdesk_tui.assess.pipeline import verified_events
from helpdesk_tui.assess.replay import MAX_SNAPSHOTS, Replay, every_for
from helpdesk_tui.core.reducer import reduce
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.eventlog.reader import SplitLines, split_lines
from helpdesk_tui.eventlog.verifier import verify_bytes
from helpdesk_tui.ui.review.session import open_review

from .logs import simulated_events, write_log


@pytest.fixture(scope="module")
def ideal_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("one-fold")
    return write_log(folder / "ideal.jsonl", simulated_events("ideal"))


def test_the_review_does_not_fold_a_verified_log_a_second_time(
    ideal_log: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The replay's own fold is not called: its snapshots come from the evidence's fold."""

    def second_fold(*_args: object) -> None:
        raise AssertionError("the replay folded the log a second time")

    monkeypatch.setattr(replay_module.Replay, "_fold_all", second_fold)
    session = open_review(ideal_log, "An Peeters", out=tmp_path / "v.json")
    assert len(session.replay) > 100


def test_the_snapshots_taken_on_the_evidences_fold_give_every_moment(
    ideal_log: Path, tmp_path: Path
) -> None:
    """Each moment equals a fresh `reduce` of the same prefix (not the replay's own fold)."""
    session = open_review(ideal_log, "An Peeters", out=tmp_path / "v.json")
    replay = session.replay
    entries = list(zip(replay.seqs, replay.events, strict=True))
    assert replay.refused == {}
    for index in range(0, len(entries) + 1, 37):
        assert replay.state_after(index) == reduce(entries[:index]), index
    assert replay.state_after(len(entries)) == reduce(entries)


def test_a_long_log_keeps_at_most_max_snapshots() -> None:
    """Every 1,000 events up to 50,000, then fewer snapshots farther apart."""
    assert every_for(0) == every_for(50_000) == 1000
    assert every_for(200_000) == 4000
    for events in (1, 999, 1000, 50_001, 123_457, 200_000, 10**6):
        assert -(-events // every_for(events)) <= MAX_SNAPSHOTS, events


def test_a_replay_of_a_long_log_without_every_spaces_its_snapshots() -> None:
    events = simulated_events("ideal")
    entries = [(i + 1, e) for i, e in enumerate(events)]
    assert Replay(entries).every == 1000  # a short log: as before
    assert Replay(entries, every=7).snapshots == len(entries) // 7 + 1


def test_the_verifier_keeps_the_events_a_second_parse_would_make(ideal_log: Path) -> None:
    data = ideal_log.read_bytes()
    kept = verify_bytes(data, None, keep_events=True)
    assert kept.status == "ok" and kept.records is None
    header, events = verified_events(data)
    assert kept.header == header
    assert kept.events == events
    names = {id(event.type) for _seq, event in kept.events if event.type == "focus_moved"}
    assert len(names) <= 1  # one string per event type, not one per line


def test_lines_cut_as_taken_are_the_lines_of_the_log(ideal_log: Path) -> None:
    """`SplitLines` against `split_lines` (the list it no longer makes): the same lines,
    the same look-ahead, a second `body` going on where the first stopped, the torn tail."""
    data = ideal_log.read_bytes() + b'{"torn'
    lines, torn, _good = split_lines(data)
    source = SplitLines(data)
    assert source.torn == torn
    assert source.next_line() == lines[0]
    assert source.peek_line(2) == lines[1]
    body = source.body()
    first = [next(body) for _ in range(5)]
    assert first == lines[1:6] and source.lines_taken == 6
    assert source.peek_line(7) == lines[6]
    assert source.peek_line(3) == lines[2]  # not the look-ahead: still the line
    assert list(source.body()) == lines[6:]
    assert source.lines_taken == len(lines) and source.next_line() is None
    assert SplitLines(b"").next_line() is None and SplitLines(b"").torn is None
    assert SplitLines(b"x").torn is not None and SplitLines(b"x").next_line() is None


def test_a_forged_log_still_refused_on_the_one_fold(tmp_path: Path) -> None:
    """A log signed by a key of its own whose events the exam could not have written is
    still read the tolerant way (its replay folds, listing what it refuses)."""
    events = simulated_events("ideal")
    events[40], events[41] = events[41], events[40]
    log = write_log(tmp_path / "swapped.jsonl", events, Signer.ephemeral())
    session = open_review(log, "An Peeters", out=tmp_path / "v.json", unverified=True)
    assert len(session.replay) >= len(events) - 2
