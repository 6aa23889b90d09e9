"""The SLA engine: deadlines, time left and ok / warning / breached per ticket.

Helpdesks (Zammad, osTicket, Freshdesk, JSM) keep three targets per priority:
the first response, the interval between updates, and the resolution. The
clock stops while the ticket waits on the customer or a third party. Every
figure here is a pure function of the ticket's history and an exam time, so
the live queue, the replay and the report always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from helpdesk_tui.core.sla_labels import Labels, merge_labels, sla_label

if TYPE_CHECKING:
    from helpdesk_tui.core.state import Ticket


class SlaState(StrEnum):
    OK = "ok"
    WARNING = "warning"
    BREACHED = "breached"
    MET = "met"


class Target(StrEnum):
    FIRST_RESPONSE = "first_response"
    UPDATE = "update"
    RESOLUTION = "resolution"


@dataclass(frozen=True, slots=True)
class PriorityTargets:
    """Targets for one priority, in exam seconds."""

    name: str
    first_response_s: float
    update_s: float
    resolution_s: float
    warning_at: float

    def seconds(self, target: Target) -> float:
        return {
            Target.FIRST_RESPONSE: self.first_response_s,
            Target.UPDATE: self.update_s,
            Target.RESOLUTION: self.resolution_s,
        }[target]


@dataclass(frozen=True, slots=True)
class SlaProfile:
    """An impact x urgency matrix and the targets of each priority.

    `levels` are ordered from most to least severe (e.g. high, medium, low);
    priorities sort by their name (P1 before P2).
    """

    id: str
    name: str
    levels: tuple[str, ...]
    matrix: dict[str, dict[str, str]]
    priorities: dict[str, PriorityTargets]
    pausing_states: frozenset[str]
    labels: Labels = field(default_factory=dict)
    """Level and priority labels per language and use (core/sla_labels.py); the
    scenario's own are already merged in."""

    def label(self, use: str, key: str | None, language: str) -> str:
        """How a level (use "impact" or "urgency") or a priority id reads in `language`."""
        if key is None:
            return "–"
        targets = self.priorities.get(key) if use == "priority" else None
        name = targets.name if targets is not None else None
        found = sla_label(self.labels, use, key, language, name)
        return found or name or key

    def has_label(self, use: str, key: str, language: str) -> bool:
        """A label exists (own or built-in): the key will not show as written."""
        targets = self.priorities.get(key) if use == "priority" else None
        return sla_label(self.labels, use, key, language, targets and targets.name) is not None

    def priority_for(self, impact: str | None, urgency: str | None) -> str | None:
        if impact is None or urgency is None:
            return None
        return self.matrix.get(impact, {}).get(urgency)

    def lowest_priority(self) -> str:
        return sorted(self.priorities)[-1]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON, so the session_started event can carry the profile."""
        return {
            "id": self.id,
            "name": self.name,
            "levels": list(self.levels),
            "matrix": {k: dict(v) for k, v in self.matrix.items()},
            "priorities": {
                p: {
                    "name": t.name,
                    "first_response_s": t.first_response_s,
                    "update_s": t.update_s,
                    "resolution_s": t.resolution_s,
                    "warning_at": t.warning_at,
                }
                for p, t in self.priorities.items()
            },
            "pausing_states": sorted(self.pausing_states),
            **({"labels": to_plain(self.labels)} if self.labels else {}),
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> SlaProfile:
        return cls(
            id=raw["id"],
            name=raw["name"],
            levels=tuple(raw["levels"]),
            matrix={k: dict(v) for k, v in raw["matrix"].items()},
            priorities={p: PriorityTargets(**t) for p, t in raw["priorities"].items()},
            pausing_states=frozenset(raw["pausing_states"]),
            labels=to_plain(raw.get("labels") or {}),
        )


def to_plain(labels: Labels) -> dict[str, dict[str, dict[str, str]]]:
    """Labels as plain nested dicts (JSON for the session_started event)."""
    return merge_labels({}, labels)


@dataclass(frozen=True, slots=True)
class TargetStatus:
    """Where one target stands at one exam time."""

    target: Target
    deadline: float | None
    time_left: float | None
    state: SlaState
    met_at: float | None = None


@dataclass(frozen=True, slots=True)
class TicketSla:
    """All three targets of a ticket, and the worst of them for the queue."""

    first_response: TargetStatus
    update: TargetStatus
    resolution: TargetStatus
    paused: bool
    breaches: tuple[Target, ...] = field(default=())

    @property
    def targets(self) -> tuple[TargetStatus, ...]:
        return (self.first_response, self.update, self.resolution)

    @property
    def worst(self) -> SlaState:
        states = {t.state for t in self.targets}
        for s in (SlaState.BREACHED, SlaState.WARNING, SlaState.OK):
            if s in states:
                return s
        return SlaState.MET

    @property
    def next_deadline_left(self) -> float | None:
        """Time left to the nearest running deadline: what the queue sorts on.

        Targets already met do not count. When every running target is
        breached, the most overdue; None when nothing runs (a resolved ticket).
        """
        running = [t for t in self.targets if t.time_left is not None and t.met_at is None]
        lefts = [t.time_left for t in running if t.state in (SlaState.OK, SlaState.WARNING)]
        if lefts:
            return min(lefts)
        overdue = [t.time_left for t in running]
        return min(overdue) if overdue else None


def paused_seconds(ticket: Ticket, start: float, end: float) -> float:
    """Seconds of [start, end] during which the ticket's SLA clock was paused."""
    total = 0.0
    for p_start, p_end in ticket.pauses:
        stop = end if p_end is None else min(p_end, end)
        begin = max(p_start, start)
        if stop > begin:
            total += stop - begin
    return total


def _deadline(ticket: Ticket, since: float, budget: float, now: float) -> float:
    """The deadline for `budget` seconds of running clock counted from `since`.

    Pauses up to `now` push it out by their length; a pause still running at
    `now` pushes it out by the time paused so far (so a paused ticket's time
    left stands still).
    """
    deadline = since + budget
    # Pauses may start before the deadline and extend it into later pauses:
    # walk them in order, extending as we go. A pause that starts exactly at
    # the deadline still counts: the target was not breached yet (breached
    # means later than the deadline), so its time left must stand still.
    for p_start, p_end in ticket.pauses:
        if p_start > deadline or p_start > now:
            continue
        stop = now if p_end is None else min(p_end, now)
        begin = max(p_start, since)
        if stop > begin:
            deadline += stop - begin
    return deadline


def _status(
    target: Target,
    deadline: float,
    met_at: float | None,
    now: float,
    budget: float,
    warning_at: float,
    breached_before: bool,
) -> TargetStatus:
    if met_at is not None and met_at <= now:
        state = SlaState.BREACHED if (breached_before or met_at > deadline) else SlaState.MET
        return TargetStatus(target, deadline, deadline - met_at, state, met_at)
    left = deadline - now
    return TargetStatus(
        target, deadline, left, _running_state(left, budget, warning_at, breached_before)
    )


def _running_state(
    left: float, budget: float, warning_at: float, breached_before: bool
) -> SlaState:
    """A target not met yet, `left` seconds before its deadline (negative: after)."""
    if breached_before or left < 0:
        return SlaState.BREACHED
    if budget > 0 and (budget - left) >= warning_at * budget:
        return SlaState.WARNING
    return SlaState.OK


def _until(met_at: float | None, now: float) -> float:
    """A met target's deadline stops moving when it was met."""
    return now if met_at is None or met_at > now else met_at


def _fixed(ticket: Ticket, target: Target, met_at: float | None, now: float) -> float | None:
    """The deadline a met target was held to, once the reducer fixed it."""
    if met_at is None or met_at > now:
        return None
    return ticket.sla_met_deadlines.get(target)


def ticket_sla(ticket: Ticket, profile: SlaProfile, now: float) -> TicketSla:
    """Every SLA figure of one ticket at exam time `now`."""
    priority = ticket.priority or profile.lowest_priority()
    targets = profile.priorities[priority]
    paused = ticket.is_paused_at(now)
    warn = targets.warning_at

    fr_deadline = _fixed(ticket, Target.FIRST_RESPONSE, ticket.first_response_at, now)
    if fr_deadline is None:
        fr_deadline = _deadline(
            ticket,
            ticket.created_at,
            targets.first_response_s,
            _until(ticket.first_response_at, now),
        )
    first = _status(
        Target.FIRST_RESPONSE,
        fr_deadline,
        ticket.first_response_at,
        now,
        targets.first_response_s,
        warn,
        Target.FIRST_RESPONSE in ticket.sla_breached,
    )

    res_deadline = _fixed(ticket, Target.RESOLUTION, ticket.resolved_at, now)
    if res_deadline is None:
        res_deadline = _deadline(
            ticket, ticket.created_at, targets.resolution_s, _until(ticket.resolved_at, now)
        )
    resolution = _status(
        Target.RESOLUTION,
        res_deadline,
        ticket.resolved_at,
        now,
        targets.resolution_s,
        warn,
        Target.RESOLUTION in ticket.sla_breached,
    )

    update = _update_status(ticket, targets, now, warn)
    breaches = tuple(t.target for t in (first, update, resolution) if t.state == SlaState.BREACHED)
    return TicketSla(first, update, resolution, paused, breaches)


def _update_status(
    ticket: Ticket, targets: PriorityTargets, now: float, warn: float
) -> TargetStatus:
    """The next-update target: runs from the last public response while open.

    It only runs once a first response was given and until the ticket is
    resolved. A missed window is remembered in `ticket.sla_breached`, so the
    target stays breached after later updates (breaching is final).
    """
    ever_breached = Target.UPDATE in ticket.sla_breached
    if ticket.last_response_at is None or ticket.resolved_at is not None:
        state = SlaState.BREACHED if ever_breached else SlaState.OK
        if ticket.resolved_at is not None and not ever_breached:
            state = SlaState.MET
        return TargetStatus(Target.UPDATE, None, None, state)
    deadline = _deadline(ticket, ticket.last_response_at, targets.update_s, now)
    status = _status(Target.UPDATE, deadline, None, now, targets.update_s, warn, ever_breached)
    return status


@dataclass(frozen=True)
class UpdateWindow:
    """One stretch the next-update target ran: from a public response to the next
    response or the resolution (`closed_at`), or to `now` when still running."""

    start: float
    deadline: float
    closed_at: float | None
    state: SlaState


def update_windows(ticket: Ticket, profile: SlaProfile, now: float) -> list[UpdateWindow]:
    """Every update deadline of a ticket up to `now`, and whether it was met.

    The same rule as the live target (`_update_status`): a window runs from each
    public response while the ticket is not resolved, is due `update_s` of running
    clock later (pauses push it out, `_deadline`), and is met by the next public
    response or the resolution by then. The priority is the ticket's at `now`.
    """
    priority = ticket.priority or profile.lowest_priority()
    budget = profile.priorities[priority].update_s
    starts = sorted({t for t in ticket.responses if t <= now})
    windows = []
    for index, start in enumerate(starts):
        if ticket.resolved_at is not None and start >= ticket.resolved_at:
            break  # resolved: no update is due any more
        closed_at = starts[index + 1] if index + 1 < len(starts) else None
        deadline = _deadline(ticket, start, budget, now if closed_at is None else closed_at)
        if closed_at is not None:
            state = SlaState.MET if closed_at <= deadline else SlaState.BREACHED
        else:
            state = SlaState.BREACHED if now > deadline else SlaState.OK
        windows.append(UpdateWindow(start, deadline, closed_at, state))
    return windows


def breached_targets_at(ticket: Ticket, profile: SlaProfile, now: float) -> set[Target]:
    """Targets breached by `now`; the reducer records them before a change of priority
    or a new update window, so a breach is never undone."""
    return _breached(ticket_sla(ticket, profile, now))


def met_deadlines_at(ticket: Ticket, profile: SlaProfile, now: float) -> dict[Target, float]:
    """The deadlines of the targets met by `now`; the reducer fixes them before a
    change of priority, so a later priority does not judge a response already given."""
    return _met_deadlines(ticket_sla(ticket, profile, now))


def settled_at(
    ticket: Ticket, profile: SlaProfile, now: float
) -> tuple[set[Target], dict[Target, float]]:
    """`breached_targets_at` and `met_deadlines_at` from one reading of the ticket: the
    reducer asks both at every public response (perf19: 18,000 of a padded 200,000-record
    log, each reading the ticket's pauses twice). A met deadline does not depend on what
    was breached (only a target's state does), so recording the breaches first, as the
    reducer does, changes neither."""
    sla = ticket_sla(ticket, profile, now)
    return _breached(sla), _met_deadlines(sla)


def _breached(sla: TicketSla) -> set[Target]:
    return {t.target for t in sla.targets if t.state == SlaState.BREACHED}


def _met_deadlines(sla: TicketSla) -> dict[Target, float]:
    return {
        t.target: t.deadline for t in sla.targets if t.met_at is not None and t.deadline is not None
    }


# --------------------------------------------------------------------------- plans


def sla_inputs(ticket: Ticket) -> tuple[object, ...]:
    """Everything `ticket_sla` reads from a ticket. While these (and the profile) stay
    the same, a `SlaPlan` made at one time gives the figures of every later time."""
    return (
        ticket.priority,
        ticket.created_at,
        ticket.first_response_at,
        ticket.resolved_at,
        ticket.last_response_at,
        tuple(ticket.pauses),
        frozenset(ticket.sla_breached),
        tuple(ticket.sla_met_deadlines.items()),
    )


_RANK = {SlaState.MET: 0, SlaState.OK: 1, SlaState.WARNING: 2, SlaState.BREACHED: 3}
_WORST = {rank: state for state, rank in _RANK.items()}
_RANK_OK, _RANK_WARNING, _RANK_BREACHED = (
    _RANK[SlaState.OK],
    _RANK[SlaState.WARNING],
    _RANK[SlaState.BREACHED],
)


@dataclass(frozen=True, slots=True)
class _Running:
    """A target whose clock runs: its deadline is fixed, or, while a pause that counts
    runs, moves with the clock (`base + (now - pause_begin)`, as `_deadline` adds it)."""

    target: Target
    base: float
    pause_begin: float | None
    budget: float
    warning_at: float
    breached_before: bool

    def status(self, now: float) -> TargetStatus:
        deadline = self.base if self.pause_begin is None else self.base + (now - self.pause_begin)
        left = deadline - now
        state = _running_state(left, self.budget, self.warning_at, self.breached_before)
        return TargetStatus(self.target, deadline, left, state)


@dataclass(frozen=True, slots=True)
class SlaPlan:
    """A ticket's SLA from `since` on, for as long as its `sla_inputs` do not change.

    The queue shows 300 tickets' clocks every second; `ticket_sla` walks each
    ticket's pauses and targets again each time (two thirds of the queue's
    tick). A plan does that walk once: targets met or stopped are kept as they
    are, running ones keep the numbers their deadline is made of, so a later
    time costs a subtraction per running target. `plan.at(now)` equals
    `ticket_sla(ticket, profile, now)` for every `now >= since`
    (tests/core/test_sla_plan.py checks it on played scenarios).
    """

    since: float
    paused: bool
    parts: tuple[TargetStatus | _Running, TargetStatus | _Running, TargetStatus | _Running]
    _running: tuple[_Running, ...] = field(init=False, repr=False, compare=False)
    _fixed: tuple[float | None, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        running = tuple(part for part in self.parts if isinstance(part, _Running))
        fixed = [part for part in self.parts if isinstance(part, TargetStatus)]
        lefts = [t.time_left for t in fixed if t.time_left is not None and t.met_at is None]
        rank = max((_RANK[t.state] for t in fixed), default=0)
        object.__setattr__(self, "_running", running)
        object.__setattr__(self, "_fixed", (min(lefts) if lefts else None, rank))

    @property
    def running(self) -> bool:
        """Whether any figure changes with the clock."""
        return bool(self._running)

    def glance(self, now: float) -> tuple[float | None, SlaState]:
        """What a queue row shows, without the figures of each target: the time left to
        the nearest deadline not met (negative: overdue; None: none runs) and the worst
        state (`TicketSla.worst`). About a tenth of `at`'s cost."""
        left, rank = self._fixed
        for run in self._running:
            deadline = run.base if run.pause_begin is None else run.base + (now - run.pause_begin)
            mine = deadline - now
            if left is None or mine < left:
                left = mine
            # `_running_state`, inline: a queue asks 300 plans a tick
            if run.breached_before or mine < 0:
                mine_rank = _RANK_BREACHED
            elif run.budget > 0 and (run.budget - mine) >= run.warning_at * run.budget:
                mine_rank = _RANK_WARNING
            else:
                mine_rank = _RANK_OK
            if mine_rank > rank:
                rank = mine_rank
        return left, _WORST[rank]

    def at(self, now: float) -> TicketSla:
        if now < self.since:
            raise ValueError(f"a plan made at {self.since} says nothing of {now}")
        first, update, resolution = (
            part.status(now) if isinstance(part, _Running) else part for part in self.parts
        )
        breaches = tuple(
            t.target for t in (first, update, resolution) if t.state == SlaState.BREACHED
        )
        return TicketSla(first, update, resolution, self.paused, breaches)


def sla_plan(ticket: Ticket, profile: SlaProfile, now: float) -> SlaPlan | None:
    """The ticket's plan from `now` on; None when something of the ticket lies after
    `now` (a pause or a met time: a moment replayed before a change), where only
    `ticket_sla` is right."""
    later = [t for t in (ticket.first_response_at, ticket.resolved_at) if t is not None]
    later += [p for pause in ticket.pauses for p in pause if p is not None]
    if any(t > now for t in later):
        return None
    if any(end is None for _start, end in ticket.pauses[:-1]):
        return None  # an open pause before another: not a state the reducer makes
    targets = profile.priorities[ticket.priority or profile.lowest_priority()]
    exact = ticket_sla(ticket, profile, now)
    first: TargetStatus | _Running = exact.first_response
    if ticket.first_response_at is None:
        first = _running(ticket, Target.FIRST_RESPONSE, ticket.created_at, targets, now)
    resolution: TargetStatus | _Running = exact.resolution
    if ticket.resolved_at is None:
        resolution = _running(ticket, Target.RESOLUTION, ticket.created_at, targets, now)
    update: TargetStatus | _Running = exact.update
    if ticket.last_response_at is not None and ticket.resolved_at is None:
        update = _running(ticket, Target.UPDATE, ticket.last_response_at, targets, now)
    return SlaPlan(now, exact.paused, (first, update, resolution))


def _running(
    ticket: Ticket, target: Target, since: float, targets: PriorityTargets, now: float
) -> _Running:
    """`_deadline`'s walk, split into what is fixed and the pause still running."""
    budget = targets.seconds(target)
    deadline = since + budget
    pause_begin: float | None = None
    for p_start, p_end in ticket.pauses:
        if p_start > deadline or p_start > now:
            continue
        begin = max(p_start, since)
        if p_end is None:
            pause_begin = begin  # counts from here on, whatever `now` is
            continue
        stop = min(p_end, now)
        if stop > begin:
            deadline += stop - begin
    return _Running(
        target, deadline, pause_begin, budget, targets.warning_at, target in ticket.sla_breached
    )
