"""The header's words the session's first event may never contradict (branch sec21).

The header is signed with the exam-centre key at once; the events after the last
checkpoint are not signed, and a practice log's events are signed by a key anyone
holds. So a log whose signed header says C-0042 could carry a `session_started`
that says another candidate, another session, scenario or mode: `verify` said
"OK, C-0042" while the report, which folds the events, named the other candidate.
`session_started` repeats four of the header's fields (`candidate_id` and
`session_id` only since they were added, so an older log may lack them); where it
carries one, it must say what the header says. The header's scenario hash, SLA
profile hash and software version have no counterpart in the events (`verify
--scenario` checks the hash against the folder), and the header has no scenario
language to contradict.

Both readers of a log ask this one function: `verify` (and so `report`, `review`,
`reconcile`, the register) and the live follower (`observe`, the room).
"""

from __future__ import annotations

from typing import Any

from helpdesk_tui.core.phrase import Phrase
from helpdesk_tui.eventlog.records import SessionHeader

BOUND_FIELDS = ("candidate_id", "session_id", "scenario_id", "mode")
"""The `session_started` fields that repeat the header's, in the order they are checked."""

SHOWN_CHARS = 80
"""How much of a value the refusal quotes: the event's is hostile and may be 2 MiB long."""


def contradiction(header: SessionHeader, data: dict[str, Any]) -> Phrase | None:
    """Why a `session_started` whose `data` contradicts the signed `header` cannot be
    trusted, naming the field and both values; None when it agrees."""
    for name in BOUND_FIELDS:
        if name not in data:
            continue
        said, signed = data[name], getattr(header, name)
        if said != signed:
            return Phrase(
                "its {field} is {said}, but the signed header's is {signed}: the header "
                "is what the exam centre signed, so these events were written for another "
                "session or changed after it",
                field=name,
                said=_quoted(said),
                signed=_quoted(signed),
            )
    return None


def _quoted(value: Any) -> str:
    """A value as a short quoted string (its own repr, cut to `SHOWN_CHARS`)."""
    text = repr(value)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"
