"""Unicode normalisation: one spelling for what candidates type many ways.

Casefolded, ligatures spelled out (œ -> oe, æ -> ae, ß -> ss), accents
folded, curly quotes and the other apostrophes straightened. Candidates type
"coeur" for "cœur" and "deconnecter" for "déconnecter"; an author may write
either: both must meet in the middle.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

APOSTROPHES = "\u2019\u2018\u02bc\u0060\u00b4\u2032"
"""Characters people (and their keyboards) type for an apostrophe."""
_STRAIGHT = str.maketrans({c: "'" for c in APOSTROPHES})
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ĳ": "ij"})


def straighten(text: str) -> str:
    """Apostrophes straightened, one character for one (offsets stay valid)."""
    return text.translate(_STRAIGHT)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Casefolded, ligatures spelled out, accents removed, apostrophes straight."""
    plain = straighten(word).translate(_LIGATURES).casefold()
    if plain.isascii():
        return plain
    decomposed = unicodedata.normalize("NFKD", plain)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_NAME_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|[^\W_]+")


def name_words(text: str) -> tuple[str, ...]:
    """Folded words for matching people's names: a hyphenated name stays one word.

    "Anne-Sophie" is the word `anne-sophie`, so it never names "Sophie"; "Jean-Luc
    Dubois" is `jean-luc dubois`. Letters joined by a hyphen only: a code such as
    "INC-1042" or "PRN-2-14" still splits at its hyphens, as everywhere else.
    """
    return tuple(_NAME_WORD.findall(fold(text)))
