"""The analyses kept are bounded in characters, not only in count (sec14, red team).

A candidate pasting and sending 2,000-character chat messages (10 MB over an hour: the
chat box takes 2,000) had every one analysed and kept: `lru_cache(maxsize=8192)` bounds
the count, and an analysis holds some 40 bytes a character (500 such messages: 38 MiB of
analyses, tracemalloc), so the exam process could keep 650 MB of them. The caches now
drop their oldest answers once their texts pass a number of characters.
"""

from __future__ import annotations

import importlib
import random

import pytest

from helpdesk_tui.budget_cache import BudgetCache
from helpdesk_tui.customers import content_words
from helpdesk_tui.language.analyse import analyse

WORDS = [
    "the",
    "printer",
    "prints",
    "blank",
    "pages",
    "since",
    "monday",
    "please",
    "check",
    "toner",
    "cable",
    "driver",
]


def pasted(count: int, seed: int = 14) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(400))[:2000] for _ in range(count)]


def test_the_analyses_kept_hold_at_most_their_budget_of_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache = importlib.import_module("helpdesk_tui.language.analyse")._analyse
    cache.cache_clear()
    monkeypatch.setattr(cache, "max_chars", 20_000, raising=False)  # ten such messages, not 8,192
    texts = pasted(25)
    for text in texts:
        analyse(text, "en")
    assert cache.cache_info().currsize <= 10
    assert analyse(texts[-1], "en") is analyse(texts[-1], "en")  # the newest are kept
    cache.cache_clear()


def test_the_words_kept_hold_at_most_their_budget_of_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache = content_words.words
    cache.cache_clear()
    monkeypatch.setattr(cache, "max_chars", 20_000, raising=False)
    for text in pasted(25, seed=15):
        content_words.words(text)
    assert cache.cache_info().currsize <= 10
    cache.cache_clear()


def test_the_budget_cache_answers_as_its_function_and_drops_the_oldest() -> None:
    calls: list[str] = []

    def length(text: str, lang: str) -> int:
        calls.append(text)
        return len(text) * (2 if lang == "nl" else 1)

    cache = BudgetCache(length, maxsize=3, max_chars=10)
    assert cache("abcd", "en") == 4 and cache("abcd", "nl") == 8  # (text, lang) is the key
    assert cache("abcd", "en") == 4 and calls == ["abcd", "abcd"]
    cache("efgh", "en")  # 12 characters kept: the oldest ("abcd", "nl") goes
    assert cache.chars <= 10 and cache.cache_info().currsize == 2
    cache("abcd", "nl")
    assert calls == ["abcd", "abcd", "efgh", "abcd"]
    cache("x" * 50, "en")  # larger than the whole budget: answered, nothing kept
    assert cache.chars == 0 and cache.cache_info().currsize == 0
    info = cache.cache_info()
    assert (info.hits, info.misses, info.maxsize) == (1, 5, 3)
