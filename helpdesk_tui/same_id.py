"""Rows of one candidate id told apart: the room and class-report say it alike.

Two logs may claim one candidate (a retyped id, a second terminal, a copied log); a
proctor walks to a terminal and an instructor grades a student, so each row must say
which session it is. Pure: no Textual, no Rich (class-report is in `assess/`)."""

from __future__ import annotations

from collections.abc import Sequence

from helpdesk_tui.core.events import parse_wall

CLAIM_MARK = "‼"
"""Before what tells a claimed row apart, and before the warning that names the claim."""


def started_at(wall: str, fmt: str = "%H:%M") -> str:
    """A session's start as the reader's clock shows it (local time, HH:MM by default)."""
    when = parse_wall(wall)
    return when.astimezone().strftime(fmt) if when is not None else "?"


def tells(starts: Sequence[str], names: Sequence[str]) -> list[str]:
    """What tells each of one id's sessions from the others: its start to the minute,
    else to the second, else its log's name (bugs20's walk: two sessions started in the
    same minute read alike to the minute)."""
    for fmt in ("%H:%M", "%H:%M:%S"):
        found = [started_at(start, fmt) for start in starts]
        if len(set(found)) == len(found):
            return found
    return list(names)


def claimed(ids: Sequence[str]) -> dict[str, list[int]]:
    """Each id that more than one row claims, with its rows' places, in first-seen order."""
    places: dict[str, list[int]] = {}
    for index, candidate in enumerate(ids):
        places.setdefault(candidate, []).append(index)
    return {candidate: rows for candidate, rows in places.items() if len(rows) > 1}
