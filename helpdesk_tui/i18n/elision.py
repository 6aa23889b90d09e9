"""French elision where a catalogue template puts a word before a value.

French writes "Nouveau message d'Isabelle", not "de Isabelle": a short word
(de, le, la, que, je, ne, me, te, se) loses its vowel before a word that starts
with a vowel sound. A template cannot know its value, so `fill` elides when it
fills the value in. Only the word right before a placeholder changes, never a
value (a customer's name or a ticket's title is shown as written).

A vowel sound: a vowel (accented or not); a `y` not followed by a vowel (Yves,
not Yannick); an `h` unless the word is one of the common *h aspiré* words
(Hélène and Hugo elide, Hugues and hockey do not). Digits never elide here
("de 8 tickets"): a number is read out without elision in most cases that occur.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

ELIDED = {
    "de": "d'",
    "le": "l'",
    "la": "l'",
    "que": "qu'",
    "je": "j'",
    "ne": "n'",
    "me": "m'",
    "te": "t'",
    "se": "s'",
}
"""The words that elide, and what they become."""
VOWELS = frozenset("aeiouyæœ")
H_ASPIRE = frozenset(
    {
        "hache", "haie", "haine", "hall", "halle", "halte", "hamac", "hameau", "hamster",
        "hanche", "handicap", "hangar", "hardi", "haricot", "harpe", "hasard", "hausse",
        "haut", "haute", "hauts", "hautes", "hauteur", "havre", "hérisson", "héros",
        "hibou", "hiérarchie", "hockey", "hollande", "homard", "hongrie", "honte", "hors",
        "houx", "hublot", "hugues", "huit", "huitième", "hurlement", "hutte",
    }
)  # fmt: skip
"""Words whose `h` blocks elision ("le héros", "de Hugues"); other h-words elide."""

_BEFORE_VALUE = re.compile(r"(?<![\w'’-])(" + "|".join(ELIDED) + r") \{(\w+)\}", re.IGNORECASE)


def _base(char: str) -> str:
    """The letter without its accent, lower case (É -> e)."""
    return unicodedata.normalize("NFD", char)[0].lower()


def vowel_sound(word: str) -> bool:
    """Whether French elides a short word before `word`."""
    text = word.strip()
    if not text:
        return False
    first = _base(text[0])
    if first == "y":
        return len(text) < 2 or _base(text[1]) not in VOWELS
    if first in VOWELS:
        return True
    if first == "h":
        head = re.match(r"[\w]+", text)
        return head is not None and head.group(0).lower() not in H_ASPIRE
    return False


def elide_before(word: str, value: str) -> str:
    """`word` as written before `value`: "de" -> "d'" before "Isabelle" (case kept)."""
    short = ELIDED.get(word.lower())
    if short is None or not vowel_sound(value):
        return word + " "
    return short.capitalize() if word[0].isupper() else short


def fill(template: str, values: Mapping[str, object], language: str) -> str:
    """`template.format(**values)`, with French elision before each value in French."""
    if language == "fr":

        def elided(match: re.Match[str]) -> str:
            word, name = match.group(1), match.group(2)
            if name not in values:
                return match.group(0)
            return elide_before(word, str(values[name])) + "{" + name + "}"

        template = _BEFORE_VALUE.sub(elided, template)
    return template.format(**values)
