"""The packed lemma tables: the same answers as simplemma's own dictionaries, in less memory."""

from __future__ import annotations

import random

import pytest
from simplemma.strategies import DEFAULT_DICTIONARY_FACTORY

from helpdesk_tui.language import lemmas
from helpdesk_tui.language.normalise import fold
from helpdesk_tui.language.packed import PackedTable


def test_a_table_answers_like_the_dict_it_was_built_from() -> None:
    rng = random.Random(7)
    pairs = {f"w{rng.randrange(10**9)}é": f"l{i}" for i in range(5000)}
    table = PackedTable(((k.encode(), v.encode()) for k, v in pairs.items()), len(pairs))
    assert len(table) == len(pairs)
    for key, value in pairs.items():
        assert table.get(key) == value and key in table
    for i in range(2000):
        assert table.get(f"x{i}") is None and f"x{i}" not in table
    assert table.get("") is None and 5 not in table


def test_a_key_added_again_replaces_its_value_and_odd_entries_are_left_out() -> None:
    table = PackedTable(
        [(b"a", b"1"), (b"b", b"2"), (b"a", b"3"), (b"tab\tkey", b"x"), (b"c", b"new\nline")],
        size_hint=5,
    )
    assert (table.get("a"), table.get("b"), len(table)) == ("3", "2", 2)
    assert table.get("tab\tkey") is None and table.get("c") is None
    assert table.get("a\t") is None  # a prefix of a record is not a key


def test_more_entries_than_the_hint_are_refused() -> None:
    with pytest.raises(ValueError):
        PackedTable(((str(i).encode(), b"v") for i in range(100)), size_hint=10)


@pytest.mark.parametrize("lang", ["en", "fr", "nl"])
def test_the_language_tables_agree_with_simplemma(lang: str) -> None:
    """Every 50th word of simplemma's dictionary (and its accent-folded spelling)."""
    words = DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)
    dictionary, accents = lemmas._load_tables(lang)
    assert len(dictionary) == len(words)
    expected_accents: dict[str, str] = {}
    for n, word in enumerate(words):
        if not word.isascii():
            expected_accents[fold(word)] = word
        if n % 50 == 0:
            assert dictionary.get(word) == words[word]
            assert dictionary.get(word + "qzx") is None
    assert len(accents) == len(expected_accents)
    for folded in list(expected_accents)[::20]:
        assert accents.get(folded) == expected_accents[folded]
    assert dictionary.nbytes + accents.nbytes < 20_000_000  # the dict takes 23-45 MB


def test_read_through_the_dict_the_tables_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """The way any simplemma other than 2.x is read (its private stream reader absent)."""
    streamed = lemmas._pack("en")
    monkeypatch.setattr(lemmas, "_records", lemmas._records_of_dict)
    via_dict = lemmas._pack("en")
    for mine, theirs in zip(streamed, via_dict, strict=True):
        assert len(mine) == len(theirs)
    words = list(DEFAULT_DICTIONARY_FACTORY.get_dictionary("en"))[::97]
    assert all(streamed[0].get(w) == via_dict[0].get(w) for w in words)
    assert via_dict[1].get("cafe") == streamed[1].get("cafe") == "café"
