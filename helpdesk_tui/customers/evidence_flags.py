"""Heuristics that flag evidence in the candidate's messages for the assessors.

The software never decides a competency; it points the two assessors at the
messages worth reading. Each flag becomes an `evidence_flagged` event, so
reports and replays show the same flags. The heuristics are simple on
purpose and documented in docs/simulation.md, so an assessor knows what a
flag means and what it can miss:

- COM-2 clarifying question: a message the language layer reads as a
  clarifying `question` (by its form: a question mark, inversion, a question
  word, a tag; and not an offer of help, identification, check, closing,
  hold or request) before the incident is solved; a check ("Do you still
  see the error?") asked before any solution or step was proposed is one too
  (it asks about the problem); or any message that
  revealed a hidden fact.
- COM-4 paraphrase: a message sharing at least `PARAPHRASE_MIN_WORDS`
  distinct content words with what the customer said so far, most of its
  own content words being the customer's (`PARAPHRASE_MIN_SHARE`).
- COM-3 interruption, COM-5 jargon and SOL-5 relayed question are found by
  the simulation itself; this module only words them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from helpdesk_tui.customers.content_words import (
    CONTENT_MIN_LENGTH,
    PARAPHRASE_MIN_SHARE,
    PARAPHRASE_MIN_WORDS,
    STEM_LENGTH,
    STOP_WORDS,
    content_stems,
    paraphrased,
)
from helpdesk_tui.customers.dialogue import acts_in_turn

__all__ = [
    "CONTENT_MIN_LENGTH",
    "PARAPHRASE_MIN_SHARE",
    "PARAPHRASE_MIN_WORDS",
    "STEM_LENGTH",
    "STOP_WORDS",
    "Flag",
    "clarifying_question",
    "content_stems",
    "interruption_flag",
    "jargon_flag",
    "paraphrase_flag",
    "paraphrased",
    "question_flag",
    "relay_flag",
    "restated_facts",
]


@dataclass(frozen=True, slots=True)
class Flag:
    """One piece of evidence, ready to become an `evidence_flagged` event."""

    flag: str
    competency: str
    reason: str
    conversation_id: str | None = None
    ref_seq: int | None = None
    details: dict[str, object] | None = None
    """The reason's parts (`key` names its wording), so a report words it in its language."""

    def event_data(self) -> dict[str, object]:
        data: dict[str, object] = {
            "flag": self.flag,
            "competency": self.competency,
            "reason": self.reason,
        }
        if self.details is not None:
            data["details"] = self.details
        if self.conversation_id is not None:
            data["conversation_id"] = self.conversation_id
        if self.ref_seq is not None:
            data["ref_seq"] = self.ref_seq
        return data


def clarifying_question(text: str, language: str, proposed: bool) -> bool:
    """The layer reads a clarifying question (not "how can I help?", not the closing question),
    at the message's place: before a solution or step was `proposed`, "Do you still see
    the error?" is one (`dialogue.acts_in_turn`, which the customer's answer uses too)."""
    return "question" in acts_in_turn(text, language, proposed)


def restated_facts(text: str, fact_answers: dict[str, str], language: str) -> list[str]:
    """Key facts (by id) of which the text restates at least two content words."""
    mine = content_stems(text, language)
    return [
        fid
        for fid, answer in fact_answers.items()
        if len(mine & content_stems(answer, language)) >= 2
    ]


# --------------------------------------------------------------------------- the flags


def question_flag(text: str, reveals: Iterable[str], conv_id: str, seq: int) -> Flag:
    revealed = ", ".join(sorted(reveals))
    quote = _quote(text)
    reason = (f"revealed hidden fact {revealed}" if revealed else "asked a question") + f": {quote}"
    details = {
        "key": "question.reveals" if revealed else "question",
        "facts": revealed,
        "quote": quote,
    }
    return Flag("clarifying_question", "COM-2", reason, conv_id, seq, details)


def paraphrase_flag(shared: set[str], facts: list[str], conv_id: str, seq: int) -> Flag:
    words_ = ", ".join(sorted(shared))
    reason = f"restates {len(shared)} of the customer's words ({words_})"
    if facts:
        reason += f"; key facts {', '.join(facts)}"
    details = {
        "key": "paraphrase.facts" if facts else "paraphrase",
        "n": len(shared), "words": words_, "facts": ", ".join(facts),
    }  # fmt: skip
    return Flag("paraphrase", "COM-4", reason, conv_id, seq, details)


def interruption_flag(remaining_s: float, channel: str, conv_id: str, seq: int) -> Flag:
    doing = "speaking" if channel == "call" else "typing"
    reason = f"sent while the customer was still {doing} ({remaining_s:.1f} s left)"
    details = {"key": f"interruption.{doing}", "seconds": round(remaining_s, 1)}
    return Flag("interruption", "COM-3", reason, conv_id, seq, details)


def jargon_flag(terms: list[str], conv_id: str | None, seq: int) -> Flag:
    listed = ", ".join(terms)
    details = {"key": "jargon", "terms": listed}
    return Flag("jargon", "COM-5", f"jargon to a novice: {listed}", conv_id, seq, details)


def relay_flag(pattern: str, group: str, conv_id: str | None, seq: int) -> Flag:
    reason = f"relayed the {group} question to the customer (matched '{pattern}')"
    details = {"key": "relayed", "group": group, "pattern": pattern}
    return Flag("relayed_question", "SOL-5", reason, conv_id, seq, details)


def _quote(text: str, limit: int = 80) -> str:
    one_line = " ".join(text.split())
    return f'"{one_line}"' if len(one_line) <= limit else f'"{one_line[: limit - 3]}..."'
