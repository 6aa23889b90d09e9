"""Load and check an SLA profile (`sla_profiles/*.toml`, see docs/sla-profile-format.md).

A profile maps impact x urgency to a priority and gives each priority its
first-response, update and resolution targets. The SLA engine trusts it
completely (every matrix cell names a defined priority, every level has a full
row), so everything is checked here, once, with messages an author can act on.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from helpdesk_tui.core.phrase import Phrase
from helpdesk_tui.core.sla import PriorityTargets, SlaProfile
from helpdesk_tui.core.sla_labels import LABEL_LANGUAGES, LABEL_USES, MAX_LABEL
from helpdesk_tui.core.state import TicketStatus
from helpdesk_tui.scenario._check import (
    At,
    Checker,
    choices_text,
    did_you_mean,
    one_of,
    parse_toml,
    read_text,
)
from helpdesk_tui.scenario.errors import Problem, ScenarioInvalid
from helpdesk_tui.scenario.files import SLA_PROFILE_MAX_BYTES

TICKET_STATUSES: tuple[str, ...] = tuple(status.value for status in TicketStatus)
"""What `pausing_states` may name: the statuses the reducer gives tickets."""
DEFAULT_WARNING_AT = 0.75
DEFAULT_PAUSING_STATES: tuple[str, ...] = ("pending_customer", "pending_third_party")
MIN_LEVELS = 3

_PROFILE_ID = re.compile(r"[a-z0-9-]+")
_TOP_KEYS = (
    "format",
    "id",
    "name",
    "levels",
    "warning_at",
    "pausing_states",
    "matrix",
    "priorities",
    "labels",
)
_PRIORITY_KEYS = (
    "name",
    "first_response_minutes",
    "update_minutes",
    "resolution_minutes",
    "warning_at",
)


def load_sla_profile(path: Path) -> SlaProfile:
    """The profile in `path`; raises ScenarioInvalid with every problem when it has errors."""
    profile, problems = check_sla_profile(path)
    if profile is None:
        raise ScenarioInvalid(problems)
    return profile


def check_sla_profile(path: Path) -> tuple[SlaProfile | None, list[Problem]]:
    """The profile (None when it has errors) and every problem found, warnings included."""
    checker = Checker(path)
    text = read_text(path, checker, Phrase("SLA profile (TOML)"), SLA_PROFILE_MAX_BYTES)
    if text is None:
        return None, checker.problems
    checker.text = text
    raw = parse_toml(text, checker)
    if raw is None:
        return None, checker.problems
    profile = _build(checker, raw, path)
    return (None if checker.has_errors else profile), checker.problems


def _build(chk: Checker, raw: dict[str, Any], path: Path) -> SlaProfile | None:
    top = At()
    chk.unknown_keys(raw, top, _TOP_KEYS, Phrase("an SLA profile"))
    check_format(chk, raw)
    profile_id = chk.string(
        raw,
        top,
        "id",
        pattern=_PROFILE_ID,
        pattern_text=Phrase('lower-case letters, digits and "-"'),
    )
    if profile_id is not None and profile_id != path.stem:
        chk.warning(
            top.key("id"),
            Phrase(
                "'{profile}' differs from the file name '{file}' — scenarios name a profile by "
                "its file name; call the file {profile}.toml or the id '{stem}'",
                profile=profile_id,
                file=path.name,
                stem=path.stem,
            ),
        )
    name = chk.string(raw, top, "name")
    levels = _levels(chk, raw)
    warning_at = chk.number(raw, top, "warning_at", required=False, positive=True, maximum=1)
    warning_at = DEFAULT_WARNING_AT if warning_at is None else warning_at
    pausing = _pausing_states(chk, raw)
    priorities = _priorities(chk, raw, warning_at)
    matrix = _matrix(chk, raw, levels, priorities)
    labels = check_labels(chk, raw, "labels", levels, priorities)
    if (
        profile_id is None
        or name is None
        or levels is None
        or pausing is None
        or priorities is None
        or matrix is None
    ):
        return None
    return SlaProfile(profile_id, name, levels, matrix, priorities, pausing, labels)


def check_format(chk: Checker, raw: dict[str, Any]) -> None:
    """`format = 1`: the only version of the file formats that exists."""
    value = raw.get("format")
    if value is None:
        chk.error(At().key("format"), Phrase("missing — add format = 1 as the first line"))
    elif isinstance(value, bool) or value != 1:
        chk.error(
            At().key("format"),
            Phrase("is {value} — must be 1, the only version of this format", value=repr(value)),
        )


def _levels(chk: Checker, raw: dict[str, Any]) -> tuple[str, ...] | None:
    at = At().key("levels")
    levels = chk.strings(raw, At(), "levels")
    if levels is None:
        return None
    if len(set(levels)) != len(levels):
        chk.error(
            at,
            Phrase(
                "{levels} repeats a level — each level must appear once", levels=str(list(levels))
            ),
        )
        return None
    if len(levels) < MIN_LEVELS:
        chk.error(
            at,
            Phrase(
                "has {count} levels — must have at least {least}, most severe first, "
                'e.g. levels = ["high", "medium", "low"]',
                count=len(levels),
                least=MIN_LEVELS,
            ),
        )
        return None
    return levels


def _pausing_states(chk: Checker, raw: dict[str, Any]) -> frozenset[str] | None:
    if "pausing_states" not in raw:
        return frozenset(DEFAULT_PAUSING_STATES)
    value = raw["pausing_states"]
    at = At().key("pausing_states")
    if isinstance(value, list) and not value:
        return frozenset()  # a profile whose clock never pauses
    states = chk.strings(raw, At(), "pausing_states")
    if states is None:
        return None
    bad = [s for s in states if s not in TICKET_STATUSES]
    for state in bad:
        chk.error(
            at,
            Phrase(
                "'{state}' is not a ticket status — must be among: {known}",
                state=state,
                known=", ".join(TICKET_STATUSES),
            ),
        )
    return None if bad else frozenset(states)


def _priorities(
    chk: Checker, raw: dict[str, Any], default_warning_at: float
) -> dict[str, PriorityTargets] | None:
    table = chk.table(raw, At(), "priorities")
    if table is None:
        return None
    at = At().key("priorities")
    if not table:
        chk.error(
            at,
            Phrase(
                'has no priorities — add at least one, e.g. [priorities.P1] with name = "Critical"'
            ),
        )
        return None
    found: dict[str, PriorityTargets] = {}
    ok = True
    for key in table:
        targets = _priority(chk, table, at, key, default_warning_at)
        if targets is None:
            ok = False
        else:
            found[key] = targets
    _check_priority_order(chk, at, list(table))
    return found if ok else None


def _priority(
    chk: Checker, table: dict[str, Any], at: At, key: str, default_warning_at: float
) -> PriorityTargets | None:
    row = chk.table(table, at, key)
    if row is None:
        return None
    where = at.key(key)
    chk.unknown_keys(row, where, _PRIORITY_KEYS, Phrase("a priority"))
    name = chk.string(row, where, "name")
    first = chk.number(row, where, "first_response_minutes", positive=True)
    update = chk.number(row, where, "update_minutes", positive=True)
    resolution = chk.number(row, where, "resolution_minutes", positive=True)
    warning_at = chk.number(row, where, "warning_at", required=False, positive=True, maximum=1)
    if name is None or first is None or update is None or resolution is None:
        return None
    if first > resolution:
        chk.warning(
            where.key("first_response_minutes"),
            Phrase(
                "{first:g} minutes is longer than the resolution target ({resolution:g}) — "
                "a first response normally comes well before the resolution",
                first=first,
                resolution=resolution,
            ),
        )
    return PriorityTargets(
        name=name,
        first_response_s=first * 60,
        update_s=update * 60,
        resolution_s=resolution * 60,
        warning_at=default_warning_at if warning_at is None else warning_at,
    )


def _natural(name: str) -> list[Any]:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def _check_priority_order(chk: Checker, at: At, names: list[str]) -> None:
    """Priorities rank by name as text (P1 before P2): warn when that misorders numbers."""
    if sorted(names) != sorted(names, key=_natural):
        chk.warning(
            at,
            Phrase(
                "names {names} sort as text into {sorted} — priorities rank by their name as "
                "text; pad the numbers (P01, P02, ... P10)",
                names=str(sorted(names, key=_natural)),
                sorted=str(sorted(names)),
            ),
        )


def _matrix(
    chk: Checker,
    raw: dict[str, Any],
    levels: tuple[str, ...] | None,
    priorities: dict[str, PriorityTargets] | None,
) -> dict[str, dict[str, str]] | None:
    table = chk.table(raw, At(), "matrix")
    if table is None or levels is None:
        return None
    at = At().key("matrix")
    level_list = ", ".join(levels)
    for extra in (k for k in table if k not in levels):
        chk.error(
            at.key(extra),
            Phrase(
                "'{extra}' is not a level — the matrix has one row per impact level: {levels}",
                extra=extra,
                levels=level_list,
            ),
        )
    matrix: dict[str, dict[str, str]] = {}
    ok = True
    for impact in levels:
        row = table.get(impact)
        if row is None:
            chk.error(
                at.key(impact),
                Phrase(
                    "missing — add a [matrix.{impact}] row with a priority for each urgency: {levels}",
                    impact=impact,
                    levels=level_list,
                ),
            )
            ok = False
            continue
        cells = _matrix_row(chk, at, impact, row, levels, priorities)
        if cells is None:
            ok = False
        else:
            matrix[impact] = cells
    if ok and priorities:
        used = {p for row in matrix.values() for p in row.values()}
        for unused in sorted(set(priorities) - used):
            chk.warning(
                At().key("priorities").key(unused),
                Phrase(
                    "priority '{unused}' is never used in the matrix — no ticket can get it",
                    unused=unused,
                ),
            )
    return matrix if ok else None


def _matrix_row(
    chk: Checker,
    at: At,
    impact: str,
    row: Any,
    levels: tuple[str, ...],
    priorities: dict[str, PriorityTargets] | None,
) -> dict[str, str] | None:
    row_at = at.key(impact)
    if not isinstance(row, dict):
        chk.table({impact: row}, at, impact)  # reports the wrong type
        return None
    for extra in (k for k in row if k not in levels):
        chk.error(
            row_at.key(extra),
            Phrase(
                "'{extra}' is not a level — the urgency columns are: {levels}",
                extra=extra,
                levels=", ".join(levels),
            ),
        )
    cells: dict[str, str] = {}
    ok = True
    for urgency in levels:
        cell = chk.string(row, row_at, urgency)
        if cell is None:
            ok = False
            continue
        if priorities is not None and cell not in priorities:
            chk.error(
                row_at.key(urgency),
                Phrase(
                    "unknown priority '{cell}' — must be one of the priorities defined under "
                    "[priorities.*]: {choices}",
                    cell=cell,
                    choices=choices_text(priorities),
                ),
            )
            ok = False
        cells[urgency] = cell
    return cells if ok else None


def check_labels(
    chk: Checker,
    raw: dict[str, Any],
    key: str,
    levels: tuple[str, ...] | None,
    priorities: dict[str, Any] | None,
) -> dict[str, dict[str, dict[str, str]]]:
    """`[<key>.<language>.<use>]` tables: labels of levels (impact, urgency) and
    priorities (by id) per language; what is wrong is reported and left out."""
    table = chk.table(raw, At(), key, required=False)
    found: dict[str, dict[str, dict[str, str]]] = {}
    for language, uses in (table or {}).items():
        at = At().key(key).key(language)
        if language not in LABEL_LANGUAGES:
            chk.error(
                at,
                Phrase(
                    "unknown language '{language}'{close} — must be one of {known}",
                    language=language,
                    **one_of(language, LABEL_LANGUAGES),
                ),
            )
            continue
        if chk.table(table, At().key(key), language) is None:
            continue
        for use in uses:
            labels = _use_labels(chk, uses, at, use, levels, priorities)
            if labels:
                found.setdefault(language, {})[use] = labels
    return found


def _use_labels(
    chk: Checker,
    uses: dict[str, Any],
    at: At,
    use: str,
    levels: tuple[str, ...] | None,
    priorities: dict[str, Any] | None,
) -> dict[str, str]:
    where = at.key(use)
    if use not in LABEL_USES:
        chk.error(
            where,
            Phrase(
                "unknown use '{use}'{close} — must be one of {known} (a level reads differently "
                'as impact or urgency: French "impact bas", "urgence basse")',
                use=use,
                **one_of(use, LABEL_USES),
            ),
        )
        return {}
    table = chk.table(uses, at, use)
    if table is None:
        return {}
    keys = tuple(priorities or ()) if use == "priority" else tuple(levels or ())
    what = (
        Phrase("a priority of the SLA profile")
        if use == "priority"
        else Phrase("a level of the SLA profile")
    )
    labels: dict[str, str] = {}
    for name in table:
        if keys and name not in keys:
            chk.error(
                where.key(name),
                Phrase(
                    "'{name}' is not {what}{close} — must be one of: {choices}",
                    name=name,
                    what=what,
                    close=did_you_mean(name, keys),
                    choices=choices_text(keys),
                ),
            )
            continue
        text = chk.string(table, where, name)
        if text is None:
            continue
        if len(text) > MAX_LABEL:
            chk.error(
                where.key(name),
                Phrase(
                    "is {count} characters — a label must fit a form's choice box: at most {most}",
                    count=len(text),
                    most=MAX_LABEL,
                ),
            )
            continue
        labels[name] = text
    return labels
