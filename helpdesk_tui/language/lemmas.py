"""Lemmas and known words, from simplemma's dictionaries, loaded on first use.

simplemma is deterministic and needs no model download: its data ships in
the wheel, so the same words give the same lemmas on every exam terminal.
Packing a language's dictionary takes 0.5-1 s of CPU, so nothing is loaded at
import: the first analysis in a language loads it (or `warm_up` does, in
the background, while the exam starts), and the packed tables are kept on
disk (`language.compiled`), so a later process reads them in about 10 ms.

Candidates often leave accents out ("deconnectez"); the dictionaries are
keyed by the accented forms, so an index of the accent-folded forms of the
words that have accents maps them back.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from helpdesk_tui.language.compiled import cached_tables
from helpdesk_tui.language.normalise import fold
from helpdesk_tui.language.packed import PackedTable

_lock = threading.Lock()
_tables: dict[str, tuple[PackedTable, PackedTable]] = {}
load_counts: Counter[tuple[str, str]] = Counter()
"""How each language's tables were had in this process: (lang, "read" or "built") -> times."""


def _load_tables(lang: str) -> tuple[PackedTable, PackedTable]:
    """The language's dictionary and its accent index, packed (`language.packed`).

    simplemma's dict is read through a factory of our own that keeps nothing, so
    it is freed once packed: an exam holds 5-9 MB for its language instead of
    the 23-45 MB of the dict (and the accent index's dict beside it)."""
    tables = _tables.get(lang)
    if tables is None:
        with _lock:
            tables = _tables.get(lang)
            if tables is None:
                tables, how = cached_tables(lang, lambda: _pack(lang))
                load_counts[lang, how] += 1
                _tables[lang] = tables
    return tables


def _pack(lang: str) -> tuple[PackedTable, PackedTable]:
    records, count = _records(lang)
    accented = bytearray()
    dictionary = PackedTable(_noting_accents(records, accented), size_hint=count)
    # Folded form -> dictionary form for the words with accents; as in a dict, a
    # later word with the same folded form wins. `fold` itself is cached for the
    # words of messages: 100,000 dictionary words would fill its cache (20 MB).
    words = accented.decode().splitlines()
    fold_once = fold.__wrapped__
    index = PackedTable(((fold_once(w).encode(), w.encode()) for w in words), size_hint=len(words))
    return dictionary, index


def _noting_accents(
    records: Iterator[tuple[bytes, bytes]], accented: bytearray
) -> Iterator[tuple[bytes, bytes]]:
    """The records, each non-ASCII key also added to `accented` (a line each)."""
    for key, value in records:
        if not key.isascii():
            accented += key + b"\n"
        yield key, value


def _records(lang: str) -> tuple[Iterator[tuple[bytes, bytes]], int]:
    """(word, lemma) as UTF-8, in the dictionary's order, and how many.

    simplemma 2 ships each dictionary as a front-coded stream and decodes it into
    a dict; reading the stream record by record instead never holds that dict
    (freed, its 23-45 MB would mostly stay in the process: Python keeps the
    memory of many small objects). Its record reader is not public API, so any
    other simplemma (the 1.x this project also allows) is read through its dict.
    """
    try:
        from simplemma.strategies.dictionaries import frontcode
        from simplemma.strategies.dictionaries.dictionary_factory import _read_decompressed

        data = _read_decompressed(lang)
        reverse, count, start = frontcode._read_header(data)
        stored = frontcode._iter_records(data, start)
    except (ImportError, AttributeError, ValueError):
        return _records_of_dict(lang)
    if reverse:
        return ((key[::-1], value[::-1]) for _, key, value in stored), count
    return ((key, value) for _, key, value in stored), count


def _records_of_dict(lang: str) -> tuple[Iterator[tuple[bytes, bytes]], int]:
    from simplemma.strategies import DefaultDictionaryFactory

    words = DefaultDictionaryFactory(cache_max_size=0).get_dictionary(lang)
    raw = getattr(words, "_dict", None)  # simplemma 2: a dict of UTF-8 bytes
    items = raw.items() if isinstance(raw, dict) else words.items()
    return ((_utf8(key), _utf8(value)) for key, value in items), len(words)


def _utf8(text: str | bytes) -> bytes:
    return text if isinstance(text, bytes) else text.encode()


def _dictionary(lang: str) -> PackedTable:
    return _load_tables(lang)[0]


def _accent_index(lang: str) -> PackedTable:
    """Folded form -> dictionary form, for the dictionary's words with accents."""
    return _load_tables(lang)[1]


def load(lang: str) -> None:
    """Load a language's lexicon, dictionary and accent index now (idempotent, thread-safe)."""
    from helpdesk_tui.language.lexicon import lexicon

    lexicon(lang)
    _accent_index(lang)


def warm_up(*langs: str) -> threading.Thread:
    """Load these languages in a background thread, so the first message does not wait."""

    def work() -> None:
        from helpdesk_tui.language.acts_model import table

        for lang in langs:
            load(lang)
            table(lang)  # the act model's weights (a few ms), off the first message's path
        release_free_memory()

    thread = threading.Thread(target=work, name="language-warm-up", daemon=True)
    thread.start()
    return thread


def release_free_memory() -> None:
    """Give the memory freed after packing back to the system (glibc's `malloc_trim`).

    Packing reads a dictionary of 2-8 MB decompressed and builds its buffers by
    growing them; glibc keeps what is freed afterwards for later use, in the
    loading thread's own arena, where nothing else will use it: 5-10 MB of every
    exam's resident memory. Elsewhere than glibc this does nothing."""
    import ctypes

    try:
        trim = ctypes.CDLL(None).malloc_trim  # the process's own symbols: libc's
    except (OSError, AttributeError):
        return
    trim.argtypes = [ctypes.c_size_t]
    trim(0)


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
