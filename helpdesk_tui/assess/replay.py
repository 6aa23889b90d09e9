"""The exam as it was at any moment: the log folded once, with snapshots to start from.

The review TUI's scrubber must show any moment of a 5-hour, 100,000-record
log in well under 100 ms. Folding from the start every time costs about half
a second, so `Replay` folds the log once and keeps a snapshot of the state
every `every` events; a moment is the nearest snapshot before it, copied,
plus at most `every - 1` events folded forward with the same reducer as the
exam, the report and the live view.

Why a custom copy and not `copy.deepcopy`: at the end of a busy exam the
state holds a hundred thousand small objects (ticket history, chat messages,
KB look-ups). `deepcopy` copies every one of them, which alone takes longer
than the whole budget. The reducer never changes those objects once it made
them (it only appends them to lists), so a snapshot shares them and copies
only what the reducer does change in place: the state, its tickets,
conversations and customers, and their lists, dicts and sets.
`tests/assess/test_replay.py` checks every moment of real logs against a fresh
`reduce` of the same prefix, so a reducer that starts to change such an
object in place fails there, not in an assessor's review.

Pure: no Textual, no I/O.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterable
from typing import Any, TypeVar

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.reducer import Refused, apply
from helpdesk_tui.core.state import ExamState

DEFAULT_EVERY = 1000
"""Events between snapshots. At about 5 µs per event a moment is rebuilt from the
nearest snapshot in a few milliseconds; 100 snapshots of a 100,000-record log
share their leaves and take a few tens of MB (see benchmarks/README.md)."""

MAX_SNAPSHOTS = 50
"""Snapshots of a long log: more events between them instead of more of them. Their memory
grows with their number times the state's size, so with the square of the log: 200 of a
padded 200,000-record log held 96 MB of the review's 437 (sec16). 50 of them, 4,000 events
apart, rebuild a moment in some 10 ms (2,000 apart: 3.1 ms, README "Review scrubber")."""


def every_for(events: int) -> int:
    """Events between snapshots for a log of `events`: DEFAULT_EVERY, or more for a log
    so long that it would need over MAX_SNAPSHOTS."""
    return max(DEFAULT_EVERY, -(-events // MAX_SNAPSHOTS))


_R = TypeVar("_R")
_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _copy_record(record: _R) -> _R:
    """A new record whose lists, dicts and sets are new containers of the same items."""
    cls = type(record)
    new = cls.__new__(cls)
    for name in _field_names(cls):
        value = getattr(record, name)
        kind = type(value)
        if kind is list or kind is dict or kind is set:
            value = kind(value)
        object.__setattr__(new, name, value)
    return new


def copy_state(state: ExamState) -> ExamState:
    """A copy the reducer can fold on without changing `state` (see the module doc)."""
    new = _copy_record(state)
    new.tickets = {k: _copy_record(v) for k, v in state.tickets.items()}
    new.conversations = {k: _copy_record(v) for k, v in state.conversations.items()}
    new.customers = {k: _copy_record(v) for k, v in state.customers.items()}
    return new


class Snapshots:
    """The snapshots a `Replay` starts from, taken while someone else folds the events.

    The review's evidence folds the whole log with the same reducer (`EvidenceGatherer`);
    handed one of these, it calls `after` once per event it applied, and the replay is
    built on its snapshots instead of folding the log a second time (sec16: the second
    fold of a 200,000-record log was a sixth of the review's opening). Only a fold that
    applied every event, in order, may be used (`complete`)."""

    def __init__(self, every: int = DEFAULT_EVERY) -> None:
        """`every`: events between snapshots (`every_for` the number to be folded)."""
        if every < 1:
            raise ValueError("snapshots need every >= 1 events")
        self.every = every
        self.applied = 0
        self.states: list[ExamState] = []
        self.mark_lens: list[int] = []
        self.broken = False

    def start(self, state: ExamState) -> None:
        """The state before the first event (called once, before any `after`)."""
        self._take(state)

    def after(self, state: ExamState) -> None:
        """One more event applied to `state`."""
        self.applied += 1
        if self.applied % self.every == 0:
            self._take(state)

    def complete(self, events: int) -> bool:
        return not self.broken and bool(self.states) and self.applied == events

    def _take(self, state: ExamState) -> None:
        """Keep a copy of `state`, but for its session marks: the reducer only appends to
        them, so every snapshot shares the folding state's list and keeps its length (a
        copy each was the most of a 200,000-record log's review: a held key's records, 200
        snapshots of up to 200,000 marks, sec15)."""
        self.states.append(Replay._copy(state, 0))
        self.states[-1].session_marks = state.session_marks
        self.mark_lens.append(len(state.session_marks))


class Replay:
    """A log's events, folded once, and the state after any number of them.

    Positions are *indexes*: index i is the state after the first i events
    (0 = before the session started, `len(replay)` = the end of the log).
    Every state handed out is a fresh copy the caller may keep.

    An event the reducer refuses (only possible in a log that did not
    verify, reviewed with --unverified) is skipped and listed in `refused`,
    the same way at every moment, so the replay never stops part-way.
    """

    def __init__(
        self, entries: Iterable[Any], every: int | None = None, taken: Snapshots | None = None
    ) -> None:
        """`entries`: LoggedEvent (with .seq and .event) or (seq, event) pairs, in log order.
        `taken`: snapshots of these very events taken by a fold that applied every one of
        them (`Snapshots.complete`); then they are not folded again here. `every`: events
        between snapshots (`every_for` the log's length when not given)."""
        if every is not None and every < 1:
            raise ValueError("snapshots need every >= 1 events")
        self.seqs: list[int] = []
        self.events: list[Event] = []
        for entry in entries:
            seq, event = (entry.seq, entry.event) if hasattr(entry, "event") else entry
            self.seqs.append(seq)
            self.events.append(event)
        if taken is not None:
            every = taken.every
        self.every = every if every is not None else every_for(len(self.events))
        self.times: list[float] = [e.exam_time for e in self.events]
        self.refused: dict[int, str] = {}
        self._snapshots: list[ExamState] = []
        self._mark_lens: list[int] = []
        """How many session marks each snapshot has: they share the one list (below)."""
        if taken is not None and taken.complete(len(self.events)):
            self._snapshots, self._mark_lens = taken.states, taken.mark_lens
        else:
            self._fold_all()

    def __len__(self) -> int:
        return len(self.events)

    @property
    def snapshots(self) -> int:
        return len(self._snapshots)

    @property
    def end_time(self) -> float:
        """The exam time of the last event (0 for an empty log)."""
        return self.times[-1] if self.times else 0.0

    # ------------------------------------------------------------------ folding

    def _fold_all(self) -> None:
        state, taker = ExamState(), Snapshots(self.every)
        taker.start(state)
        for index in range(len(self.events)):
            self._apply(state, index)
            taker.after(state)
        self._snapshots, self._mark_lens = taker.states, taker.mark_lens

    @staticmethod
    def _copy(state: ExamState, marks: int) -> ExamState:
        """`copy_state` with the first `marks` session marks (not the whole list copied)."""
        shared = state.session_marks
        state.session_marks = []
        try:
            new = copy_state(state)
        finally:
            state.session_marks = shared
        new.session_marks = shared[:marks]
        return new

    def _apply(self, state: ExamState, index: int) -> None:
        seq = self.seqs[index]
        try:
            apply(state, self.events[index], seq)
        except Refused as exc:
            self.refused[seq] = exc.reason

    # ------------------------------------------------------------------ positions

    def index_at_time(self, exam_time: float) -> int:
        """How many events had happened at `exam_time` (those at exactly that time included)."""
        return bisect.bisect_right(self.times, exam_time)

    def index_of_seq(self, seq: int) -> int:
        """The index just after the record `seq` (or after the last event before it)."""
        return bisect.bisect_right(self.seqs, seq)

    def time_of_index(self, index: int) -> float:
        """The exam time of the last event folded at `index` (0 before any)."""
        return self.times[index - 1] if index > 0 else 0.0

    def seq_of_index(self, index: int) -> int | None:
        """The seq of the last event folded at `index`, or None at the very start."""
        return self.seqs[index - 1] if index > 0 else None

    def event_of_index(self, index: int) -> Event | None:
        return self.events[index - 1] if index > 0 else None

    # ------------------------------------------------------------------ states

    def state_after(self, index: int) -> ExamState:
        """The state after the first `index` events: nearest snapshot, copied, folded forward."""
        index = max(0, min(index, len(self.events)))
        base = index // self.every
        state = self._copy(self._snapshots[base], self._mark_lens[base])
        for i in range(base * self.every, index):
            self._apply_again(state, i)
        return state

    def _apply_again(self, state: ExamState, index: int) -> None:
        if self.seqs[index] in self.refused:
            return
        apply(state, self.events[index], self.seqs[index])

    def state_at(self, exam_time: float) -> ExamState:
        """The state at an exam time: every event up to it, with the clock (`now`) at it."""
        state = self.state_after(self.index_at_time(exam_time))
        state.now = max(state.now, exam_time)
        return state

    def state_at_seq(self, seq: int) -> ExamState:
        """The state just after the record `seq`."""
        return self.state_after(self.index_of_seq(seq))
