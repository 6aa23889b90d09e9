"""Typos in a message, read as the lexicon word they were meant to be.

Candidates type fast: "plese restrat", "un instan svp", "waarme kan ik helpe".
The act rules match words (and their lemmas) exactly, so one slipped key made
a whole act disappear. A word of a message is read as a word of the lexicon's
vocabulary (the words its rules, triggers, question forms, verbs and fillers
are written with) when all of these hold:

- it is not itself a word of the language (simplemma's dictionary, the
  lexicon's own words): a typo never turns one real word into another, so
  "reconnecter" is never read as "déconnecter";
- it has at least `MIN_LENGTH` letters and starts with the same letter;
- it is one edit away (an insertion, a deletion, a substitution or two
  letters swapped: Damerau-Levenshtein), and no prefix the lexicon pairs as
  opposites (dé-/re-, ont-/ver-) separates the two.

Of several such words the nearest by insertions and deletions alone wins
("helo" is "hello", not "help"), then the first in alphabetical order, so
the reading stays deterministic. Names ("Okafor", "Peeters") are rarely one
edit from a lexicon word of their length; the token keeps its own text and
norm, only the rules read the correction (the probe shows it as the lemma).
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein, Indel

from helpdesk_tui.language import lemmas
from helpdesk_tui.language.lexicon import lexicon, opposite_prefixes

MIN_LENGTH = 4
"""Shorter words are too often another word, a name or an abbreviation ("pls", "ur")."""


@lru_cache(maxsize=32768)
def correction(norm: str, lang: str) -> str | None:
    """The lexicon word a non-word `norm` (folded, letters only) was meant to be, or None."""
    lex = lexicon(lang)
    if len(norm) < MIN_LENGTH or not norm.isalpha() or norm in lex.vocabulary:
        return None
    if norm in lex.words or norm in lex.synonyms or lemmas.known(norm, lang):
        return None
    bucket = lex.vocabulary_by_initial.get(norm[0], ())
    near = process.extract(
        norm, bucket, scorer=DamerauLevenshtein.distance, score_cutoff=1, limit=None
    )  # one C loop over the words with this initial
    ranked = sorted(
        (Indel.distance(norm, word), word)
        for word, _, _ in near
        if not opposite_prefixes(norm, word, lex)
    )
    return ranked[0][1] if ranked else None
