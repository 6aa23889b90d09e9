"""A cache of answers per text, bounded in entries *and* in the characters of its texts.

`functools.lru_cache(maxsize=8192)` bounds how many texts it keeps, not how much: an
analysis holds some 40 bytes per character of its text (tokens, pieces, their folds), so
8,192 chat messages of 2,000 characters (a candidate pasting and sending for an hour:
sec14, "the composer with 10 MB typed over an hour") would keep about 650 MB. This one
also drops its oldest answers once the texts it keeps pass `max_chars`.
"""

from __future__ import annotations

import threading
from collections import OrderedDict, namedtuple
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

T = TypeVar("T")
CacheInfo = namedtuple("CacheInfo", "hits misses maxsize currsize")
"""As `functools.lru_cache`'s `cache_info()`."""


class BudgetCache(Generic[T]):
    """`fn(text, *rest)` answered from a least-recently-used cache of at most `maxsize`
    entries whose texts (the first argument) hold at most `max_chars` characters in all.
    The same `cache_clear()` and `cache_info()` as `functools.lru_cache`."""

    def __init__(self, fn: Callable[..., T], maxsize: int, max_chars: int) -> None:
        self.__wrapped__ = fn
        self.maxsize, self.max_chars = maxsize, max_chars
        self._kept: OrderedDict[tuple[Hashable, ...], T] = OrderedDict()
        self._chars = self.hits = self.misses = 0
        self._lock = threading.Lock()

    def __call__(self, text: str, *rest: Any) -> T:
        key = (text, *rest)
        with self._lock:
            found = self._kept.get(key, _MISSING)
            if found is not _MISSING:
                self._kept.move_to_end(key)
                self.hits += 1
                return found  # type: ignore[return-value]
            self.misses += 1
        value = self.__wrapped__(text, *rest)
        with self._lock:
            if key not in self._kept:
                self._kept[key] = value
                self._chars += len(text)
            while self._kept and (len(self._kept) > self.maxsize or self._chars > self.max_chars):
                old, _ = self._kept.popitem(last=False)
                self._chars -= len(old[0])  # type: ignore[arg-type]
        return value

    @property
    def chars(self) -> int:
        """The characters of the texts kept now."""
        return self._chars

    def cache_clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self._chars = self.hits = self.misses = 0

    def cache_info(self) -> CacheInfo:
        return CacheInfo(self.hits, self.misses, self.maxsize, len(self._kept))


_MISSING = object()
# Used as `budget_cache.BudgetCache`, never imported by name into a module of the layer,
# the customers or the evidence: their caches are found and emptied by what has
# `cache_clear` (tests/assess/test_fast_path.py), and the class itself has it too.
