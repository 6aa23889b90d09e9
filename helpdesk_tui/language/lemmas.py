"""Lemmas and known words, from simplemma's dictionaries, loaded on first use.

simplemma is deterministic and needs no model download: its data ships in
the wheel, so the same words give the same lemmas on every exam terminal.
Loading a language's dictionary takes 0.2-0.5 s, so nothing is loaded at
import: the first analysis in a language loads it (or `warm_up` does, in
the background, while the exam starts).

Candidates often leave accents out ("deconnectez"); the dictionaries are
keyed by the accented forms, so an index of the accent-folded forms of the
words that have accents maps them back.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from functools import lru_cache

from helpdesk_tui.language.normalise import fold

_lock = threading.Lock()
_folded: dict[str, dict[str, str]] = {}


def _dictionary(lang: str) -> Mapping[str, str]:
    from simplemma.strategies import DEFAULT_DICTIONARY_FACTORY

    return DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)


def _accent_index(lang: str) -> dict[str, str]:
    """Folded form -> dictionary form, for the dictionary's words with accents."""
    index = _folded.get(lang)
    if index is None:
        with _lock:
            index = _folded.get(lang)
            if index is None:
                words = _dictionary(lang)
                index = {fold(w): w for w in words if not w.isascii()}
                _folded[lang] = index
    return index


def load(lang: str) -> None:
    """Load a language's lexicon, dictionary and accent index now (idempotent, thread-safe)."""
    from helpdesk_tui.language.lexicon import lexicon

    lexicon(lang)
    _accent_index(lang)


def warm_up(*langs: str) -> threading.Thread:
    """Load these languages in a background thread, so the first message does not wait."""
    thread = threading.Thread(
        target=lambda: [load(lang) for lang in langs], name="language-warm-up", daemon=True
    )
    thread.start()
    return thread


@lru_cache(maxsize=65536)
def dictionary_form(word: str, lang: str) -> str | None:
    """The form the dictionary knows this (lower-case) word by, accents restored; None if unknown."""
    words = _dictionary(lang)
    if word in words:
        return word
    return _accent_index(lang).get(fold(word))


@lru_cache(maxsize=65536)
def lemma(word: str, lang: str) -> str:
    """The folded lemma of a lower-case word (the word itself, folded, when unknown)."""
    known = dictionary_form(word, lang)
    if known is not None:
        # simplemma's dictionary maps each form to its lemma: its dictionary-lookup
        # strategy, without the strategy chain around it (a word is known here)
        return fold(_dictionary(lang).get(known) or known)
    return fold(word)


def known(word: str, lang: str) -> bool:
    """Is this (lower-case) word a word of the language, with or without its accents?"""
    return dictionary_form(word, lang) is not None
