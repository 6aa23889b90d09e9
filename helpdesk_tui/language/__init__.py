"""One reading of the candidate's words, for the simulated customers and the assessment.

Pure (no Textual, no I/O but its own data files), deterministic, and cached.
`analyse` reads a message (tokens, lemmas, negation, dialogue acts, with the
rule and words behind each); `find` looks for a scenario pattern in it. The
customers and the evidence both call these, so they cannot disagree about
what a message said. docs/language.md explains it for scenario authors.
"""

from __future__ import annotations

from helpdesk_tui.language.analyse import analyse
from helpdesk_tui.language.find import find, find_in
from helpdesk_tui.language.lemmas import warm_up
from helpdesk_tui.language.lexicon import LAYER_VERSION, layer_hash
from helpdesk_tui.language.model import ACTS, LANGUAGES, Analysis, Match, Token

__all__ = [
    "ACTS",
    "LANGUAGES",
    "LAYER_VERSION",
    "Analysis",
    "Match",
    "Token",
    "analyse",
    "find",
    "find_in",
    "layer_hash",
    "warm_up",
]
