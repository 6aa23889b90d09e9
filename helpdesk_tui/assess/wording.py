"""How the evidence rules read a message: one small door onto the language layer.

Every rule that asks "does this message say X" asks it here, through
`helpdesk_tui.language` (the same reading the simulated customers use), so
a rule and a customer cannot disagree about a message. Each answer carries
its explanation: which words, which rule of the layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from helpdesk_tui import language
from helpdesk_tui.customers import dialogue
from helpdesk_tui.customers.telling import sentences as sentences
from helpdesk_tui.customers.telling import unquoted as _unquoted

LANGS = frozenset({"nl", "fr", "en"})


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
    """Normalised words, for comparing texts with one another (templates, echoes, copies)."""
    return dialogue.words(text)


def _lang(lang: str) -> str:
    return lang if lang in LANGS else "en"


@lru_cache(maxsize=65536)
def find(pattern: str, text: str, lang: str) -> Said | None:
    """A scenario pattern in the message, as the layer reads it; None when absent or only negated."""
    hit = language.find(pattern, language.analyse(_unquoted(text), _lang(lang)))
    if hit is None or hit.negated:
        return None
    return Said("pattern", hit.rule, tuple(hit.words))


def find_any(patterns: tuple[str, ...], text: str, lang: str) -> Said | None:
    return next((s for p in patterns if (s := find(p, text, lang)) is not None), None)


@lru_cache(maxsize=65536)
def acts(text: str, lang: str) -> dict[str, Said]:
    """The dialogue acts a message carries (greeting, restate, progress...), each explained."""
    analysis = language.analyse(_unquoted(text), _lang(lang))
    found: dict[str, Said] = {}
    for match in analysis.matches:
        if match.kind in analysis.acts and not match.negated and match.kind not in found:
            found[match.kind] = Said(match.kind, match.rule, tuple(match.words))
    return found


@lru_cache(maxsize=65536)
def instruction_sentence(sentence: str, lang: str) -> bool:
    """A sentence that tells the customer what to do, even when phrased as a question."""
    return "instruction" in language.analyse(_unquoted(sentence), _lang(lang)).acts


def layer_hash() -> str:
    return language.layer_hash()
