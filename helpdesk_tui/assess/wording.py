"""How the evidence rules read a message: one small door onto the text analysis.

Every rule that asks "does this message say X" asks it here, so the rules
and the simulated customers read a message the same way, and a change of
the analysis shows up in one place (and in the rules' hash, `rules.py`).
Each answer carries its explanation: which words, which rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from helpdesk_tui.customers import dialogue
from helpdesk_tui.customers.evidence_flags import is_question

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True, slots=True)
class Said:
    """A pattern or act found in a message, with why."""

    what: str
    rule: str
    words: tuple[str, ...]
    negated: bool = False

    def explain(self) -> str:
        return f"{self.what}: rule {self.rule} matched '{' '.join(self.words)}'"


def words(text: str) -> tuple[str, ...]:
    return dialogue.words(text)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


@lru_cache(maxsize=65536)
def find(pattern: str, text: str, lang: str) -> Said | None:
    """The pattern in the message, as the customers hear it; None when absent or only negated."""
    if not dialogue.matches(pattern, text):
        return None
    return Said("pattern", f"pattern:{pattern}", dialogue.words(pattern))


def find_any(patterns: tuple[str, ...], text: str, lang: str) -> Said | None:
    return next((s for p in patterns if (s := find(p, text, lang)) is not None), None)


ACT_INTENTS = {"greeting": "greeting", "empathy": "empathy", "progress": "progress",
               "closing": "closing"}  # fmt: skip


@lru_cache(maxsize=65536)
def acts(text: str, lang: str) -> dict[str, Said]:
    """The dialogue acts a message carries (greeting, empathy, progress, question...), explained."""
    found: dict[str, Said] = {}
    for act, intent in ACT_INTENTS.items():
        hit = dialogue.first_match(dialogue.built_in_patterns(intent, lang), text)
        if hit is not None:
            found[act] = Said(act, f"{lang}.{intent}", dialogue.words(hit))
    if is_question(text, lang):
        found["question"] = Said("question", f"{lang}.question", ("?",))
    restate = dialogue.first_match(RESTATE.get(lang, RESTATE["en"]), text)
    if restate is not None:
        found["restate"] = Said("restate", f"{lang}.restate", dialogue.words(restate))
    return found


RESTATE = {
    "en": ("if i understand", "so you", "so your", "so it", "so the", "let me check i",
           "to sum up", "in other words", "if i have it right", "you are saying", "you re saying"),
    "nl": ("als ik het goed begrijp", "als ik u goed begrijp", "dus u", "dus uw", "dus het",
           "samengevat", "met andere woorden", "u zegt dus"),
    "fr": ("si je comprends bien", "si je vous comprends", "donc vous", "donc votre", "donc le",
           "en resume", "autrement dit", "vous dites donc"),
}  # fmt: skip
"""How a restatement opens, per language (until the language layer's `restate` act)."""


INSTRUCTION_OPENERS = {
    "en": ("could you", "can you", "would you", "will you", "please"),
    "nl": ("kunt u", "kan je", "kun je", "wilt u", "wil je", "zou u", "alstublieft"),
    "fr": ("pouvez vous", "pourriez vous", "voulez vous", "veuillez", "s il vous plait"),
}
"""A question that opens like this asks the customer to do something (an instruction)."""


@lru_cache(maxsize=65536)
def instruction_sentence(sentence: str, lang: str) -> bool:
    """A sentence that tells the customer what to do, even when phrased as a question."""
    head = " ".join(words(sentence)[:4])
    return any(head.startswith(o) for o in INSTRUCTION_OPENERS.get(lang, INSTRUCTION_OPENERS["en"]))


def layer_hash() -> str:
    """The text analysis's own hash (its code and word lists), for the rules' version."""
    import hashlib
    import inspect

    from helpdesk_tui.customers import evidence_flags

    digest = hashlib.sha256()
    for module in (dialogue, evidence_flags):
        digest.update(inspect.getsource(module).encode())
    return digest.hexdigest()
