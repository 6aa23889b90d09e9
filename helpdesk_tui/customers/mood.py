"""Customer mood: a number behind the calm / irritated / angry labels.

The candidate sees mood only through the customer's words, and assessors see
it as `mood_changed` events (COM-6: how the angry customer's mood evolved and
how it ended). A number lets small things add up (a wait and a piece of jargon
make a calm customer irritated) without every nudge flipping the label; only
a change of label is an event.

Scores run from 0 to 3: below 1 calm, below 2 irritated, else angry. A
customer starts in the middle of their band, so one full step (1.0) always
moves them to the next label. The deltas are documented in docs/simulation.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from helpdesk_tui.customers.dialogue import acts_in
from helpdesk_tui.customers.telling import sentences

MIN_SCORE = 0.0
MAX_SCORE = 3.0
START_SCORE = {"calm": 0.5, "irritated": 1.5, "angry": 2.5}

WAITED = 1.0
"""Past the customer's patience without an answer."""
INTERRUPTED = 1.0
"""A message sent while the customer was still typing or speaking (COM-3)."""
JARGON = 0.75
"""A glossary term sent to a novice (COM-5)."""
RULE_STEP = 1.0
"""A dialogue rule with `mood = "angrier"` or `"calmer"`."""
EMPATHY = -1.0
"""Empathy or an apology, as the language layer reads them ("I understand", "sorry",
"ik begrijp", "je comprends"; not "je ne comprends pas")."""
PROGRESS = -0.5
"""A progress update or a request to hold ("I'm looking into it", "één moment")."""

EMPATHY_ACTS = frozenset({"empathy", "apology"})
PROGRESS_ACTS = frozenset({"progress", "hold"})
CALMING_ACTS = EMPATHY_ACTS | PROGRESS_ACTS
"""Every act that calms a customer (rules 2.3: COM-6 credits the same ones, an apology
("sorry you had to wait", "désolée pour l'attente") and a request to hold included)."""


def label_for(score: float) -> str:
    """The mood label people read for a score."""
    if score < 1.0:
        return "calm"
    if score < 2.0:
        return "irritated"
    return "angry"


def calming_in(text: str, language: str) -> frozenset[str]:
    """The acts of a message that calm its customer (`CALMING_ACTS`), read sentence by
    sentence: what the mood reacts to, and what COM-6 looks for in the candidate's own
    sentences (rules 2.13, issue 12: one reading, so the two never disagree about what a
    message said). A message read whole can carry an act none of its sentences does ("Morning
    Grace, Morag here on the IT desk. Tell me what's going on and we'll get it sorted." read
    as `empathy`, neither sentence so): the customer calmed on it and COM-6, reading the
    sentences, found nothing that calmed her."""
    return frozenset().union(*(_calming_sentence(s, language) for s in sentences(text)))


def _calming_sentence(sentence: str, language: str) -> frozenset[str]:
    return acts_in(sentence, language) & CALMING_ACTS


def empathy_in(text: str, language: str) -> bool:
    return bool(calming_in(text, language) & EMPATHY_ACTS)


def progress_in(text: str, language: str) -> bool:
    return bool(calming_in(text, language) & PROGRESS_ACTS)


@dataclass(frozen=True, slots=True)
class MoodChange:
    """A change of label, ready to become a `mood_changed` event."""

    customer_id: str
    mood: str
    cause: str
    score: float

    def event_data(self) -> dict[str, object]:
        return {
            "customer_id": self.customer_id,
            "mood": self.mood,
            "cause": self.cause,
            "score": round(self.score, 2),
        }


class MoodBook:
    """The mood score of every customer; knows nothing of time or events."""

    def __init__(self) -> None:
        self._scores: dict[str, float] = {}

    def start(self, customer_id: str, mood: str) -> None:
        self._scores[customer_id] = START_SCORE.get(mood, START_SCORE["calm"])

    def score(self, customer_id: str) -> float:
        return self._scores.get(customer_id, START_SCORE["calm"])

    def label(self, customer_id: str) -> str:
        return label_for(self.score(customer_id))

    def nudge(self, customer_id: str, delta: float, cause: str) -> MoodChange | None:
        """Move the score; a MoodChange when the label changed, else None."""
        before = self.score(customer_id)
        after = min(MAX_SCORE, max(MIN_SCORE, before + delta))
        self._scores[customer_id] = after
        if label_for(after) == label_for(before):
            return None
        return MoodChange(customer_id, label_for(after), cause, after)
