"""Splitting a message into words, keeping apostrophes and elisions.

"l'écran" is two words ("l'" and "écran"), as French reads it; "don't",
"'t", "m'n" and "foto's" stay one word each. Hyphens split words
("Voyez-vous" is "Voyez" and "vous"), but the layer remembers the hyphen:
it is how a French inverted question is told from a statement. The text
between two words is kept too: punctuation ends a sentence or a clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpdesk_tui.language.normalise import straighten

MAX_CHARS = 4000
"""Only this much of a message is read: a message is a chat line, not a book."""

_WORD = re.compile(r"'?[^\W_]+(?:'[^\W_]+)*'?")
_SENTENCE_END = re.compile(r"[.!?…]|\n")
# (2.2) Quotation marks end no clause: a quoted word names a button or a menu ("Stop clicking
# \"Retry\"", « Réessayer »), it opens no instruction and stays in the negation's scope.
_CLAUSE_END = re.compile(r"[,;:()\[\]/]|\s[-–—]\s|[-–—]{2}")


@dataclass(frozen=True, slots=True)
class Piece:
    """A word as found in the text, and what separates it from the word before."""

    text: str
    start: int
    end: int
    gap: str

    @property
    def sentence_start(self) -> bool:
        return bool(_SENTENCE_END.search(self.gap))

    @property
    def clause_start(self) -> bool:
        return self.sentence_start or bool(_CLAUSE_END.search(self.gap))

    @property
    def hyphenated(self) -> bool:
        """Joined to the word before by a hyphen ("Voyez-vous", "a-t-il")."""
        return self.gap in ("-", "-t-")


def pieces(text: str, elisions: frozenset[str]) -> list[Piece]:
    """The words of `text` (bounded), each split after a French-style elision.

    `elisions` are the language's elided words with their apostrophe
    ("l'", "qu'"): "l'écran" gives "l'" and "écran".
    """
    original = text[:MAX_CHARS]
    plain = straighten(original)
    found: list[Piece] = []
    last = 0
    for m in _WORD.finditer(plain):
        word, start = m.group(), m.start()
        if word.startswith("'") and word.lower().rstrip("'") not in elisions:
            word, start = word[1:], start + 1  # a quotation mark, not 't or 's
        if word.endswith("'") and word.lower() not in elisions:
            word = word[:-1]
        if not word:
            continue
        for part, offset in _split_elision(word, elisions):
            begin, end = start + offset, start + offset + len(part)
            found.append(Piece(original[begin:end], begin, end, plain[last:begin]))
            last = end
    return found


def _split_elision(word: str, elisions: frozenset[str]) -> list[tuple[str, int]]:
    """("l'écran") -> [("l'", 0), ("écran", 2)]; words without an elision as they are."""
    if not elisions or "'" not in word:
        return [(word, 0)]
    head, _, rest = word.partition("'")
    if rest and (head.lower() + "'") in elisions:
        cut = len(head) + 1
        return [(word[:cut], 0), *((p, cut + o) for p, o in _split_elision(rest, elisions))]
    return [(word, 0)]
