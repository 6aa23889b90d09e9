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

from helpdesk_tui.customers.dialogue import acts_in_turn, words

PARAPHRASE_MIN_WORDS = 3
"""Distinct content words a paraphrase must share with the customer's words."""
PARAPHRASE_MIN_SHARE = 0.5
"""... and the share of the message's own content words that must be the customer's."""
STEM_LENGTH = 5
"""Words are compared on their first letters, so "printer" and "printers" agree."""
CONTENT_MIN_LENGTH = 4
"""Shorter words (articles, pronouns...) never count, unless they hold a digit."""


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS: dict[str, frozenset[str]] = {
    "en": _word_set(
        "about after again also been before being could does doing done from have having here "
        "hello into just like make more much only other please really should some sorry still "
        "such than thank thanks that their them then there these they this those very want what "
        "when where which while will with would your yours okay good morning afternoon correctly "
        "understand tell right exactly"
    ),
    "nl": _word_set(
        "alleen als andere bedankt begrijp beetje daar dank deze dezelfde dingen door echt even "
        "geen goed graag hallo heeft hebben hebt heel hier hoe juist kunnen kunt maar meer mijn "
        "niet nog omdat ook over sorry uw van veel voor waar wanneer want welke wordt worden zijn "
        "zoals zodat zelf goedemorgen goedemiddag alstublieft"
    ),
    "fr": _word_set(
        "avec avez aussi autre bien bonjour cela cette comme dans desole depuis donc elle encore "
        "est etait etre fait faire merci mais meme moins nous notre pour plus pouvez quand quel "
        "quelle sans sont sous tres tout vous votre vos bien comprends correctement"
    ),
}
"""Words too common to show that a message restates the customer."""


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


def content_stems(text: str, language: str) -> set[str]:
    """The stems of a text's content words: long enough, not a stop word."""
    stop = STOP_WORDS.get(language, STOP_WORDS["en"])
    found: set[str] = set()
    for word in words(text):
        has_digit = any(c.isdigit() for c in word)
        if word in stop or (len(word) < CONTENT_MIN_LENGTH and not (has_digit and len(word) > 1)):
            continue
        found.add(word[:STEM_LENGTH])
    return found


def paraphrased(text: str, customer_texts: Iterable[str], language: str) -> set[str]:
    """The customer's content stems restated in `text`; empty unless it is a paraphrase.

    A paraphrase shares at least `PARAPHRASE_MIN_WORDS` content words with what
    the customer said, and most of its own content words (`PARAPHRASE_MIN_SHARE`)
    come from the customer: a solution or a canned question that reuses a few of
    the customer's words brings more of its own and is not flagged.
    """
    said: set[str] = set()
    for said_text in customer_texts:
        said |= content_stems(said_text, language)
    mine = content_stems(text, language)
    shared = mine & said
    if len(shared) < PARAPHRASE_MIN_WORDS or len(shared) < PARAPHRASE_MIN_SHARE * len(mine):
        return set()
    return shared


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
