"""The layer's results: tokens, matches and the analysis of one message.

Frozen dataclasses, so an analysis can be cached and shared between the
simulated customer and the assessment: both read the very same object.
"""

from __future__ import annotations

from dataclasses import dataclass

ACTS: tuple[str, ...] = (
    "greeting",
    "offer_help",
    "identify",
    "question",
    "restate",
    "empathy",
    "apology",
    "progress",
    "instruction",
    "check",
    "closing",
    "hold",
)
"""The fixed vocabulary of dialogue acts (docs/language.md defines each)."""

LANGUAGES: tuple[str, ...] = ("nl", "fr", "en")


@dataclass(frozen=True)
class Token:
    """One word of a message, with where it stands and how the layer reads it."""

    text: str
    norm: str
    lemma: str
    start: int
    end: int
    negated: bool


@dataclass(frozen=True)
class Match:
    """One rule (or scenario pattern) found in a message, and the words that made it."""

    kind: str
    rule: str
    span: tuple[int, int]
    words: tuple[str, ...]
    negated: bool = False
    overruled: bool = False
    """The rule matched but the act model (acts_model.py) did not give its act."""

    def describe(self) -> str:
        """One line for an assessor: which rule, which words, negated or overruled or not."""
        quoted = " ".join(self.words)
        tail = " (negated: not counted)" if self.negated else ""
        tail = tail or (" (overruled by the act model: not counted)" if self.overruled else "")
        return f"{self.kind}: rule {self.rule} matched '{quoted}'{tail}"


@dataclass(frozen=True)
class Analysis:
    """Everything the layer reads in one message."""

    text: str
    lang: str
    tokens: tuple[Token, ...]
    acts: frozenset[str]
    matches: tuple[Match, ...]
    negated: tuple[str, ...]
    ruled_out: tuple[Match, ...] = ()
    """Phrases a rule found but its own conditions ruled out, for acts no other rule gave: a
    sign-off where no sign-off stands ("Kind regards" alone), a phrase that yields to another
    act of its sentence ("Ik kijk het na, één ogenblikje" is the wait, not progress), a request
    another act explains ("Can you hold?"). The act model may not give these acts."""

    def explain(self) -> list[str]:
        """One human line per match, in the order of the message."""
        return [m.describe() for m in self.matches]

    def words(self) -> tuple[str, ...]:
        """The normalised words, for callers that compare vocabularies."""
        return tuple(t.norm for t in self.tokens)

    def has(self, act: str) -> bool:
        return act in self.acts
