"""The lemma tables kept on disk: read back only when built from the same inputs, else rebuilt."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from simplemma.strategies import DEFAULT_DICTIONARY_FACTORY

from helpdesk_tui.language import compiled, lemmas
from helpdesk_tui.language.packed import PackedTable


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No tables in this process, no load counted, the cache in a folder of this test."""
    monkeypatch.setattr(lemmas, "_tables", {})
    monkeypatch.setattr(lemmas, "load_counts", Counter())
    monkeypatch.setenv(compiled.ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def _forget(monkeypatch: pytest.MonkeyPatch) -> None:
    """As a new process: the tables this one holds forgotten (the files stay)."""
    monkeypatch.setattr(lemmas, "_tables", {})


def test_the_first_process_builds_and_saves_the_next_reads_the_same_tables(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = lemmas._load_tables("en")
    assert lemmas.load_counts == Counter({("en", "built"): 1})
    files = list(fresh.glob("lemmas-en-*.bin"))
    assert len(files) == 1
    _forget(monkeypatch)
    read = lemmas._load_tables("en")
    assert lemmas.load_counts == Counter({("en", "built"): 1, ("en", "read"): 1})
    words = DEFAULT_DICTIONARY_FACTORY.get_dictionary("en")
    for table_built, table_read in zip(built, read, strict=True):
        assert table_built.to_parts() == table_read.to_parts()
    sample = list(words)[::997]
    assert all(read[0].get(w) == words[w] for w in sample)  # simplemma's own answers
    assert read[1].get("cafe") == "café"


def test_a_damaged_file_is_rebuilt_not_trusted(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lemmas._load_tables("en")
    path = next(fresh.glob("lemmas-en-*.bin"))
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one byte of the records flipped
    path.write_bytes(bytes(data))
    _forget(monkeypatch)
    lemmas._load_tables("en")
    assert lemmas.load_counts[("en", "built")] == 2
    path.write_bytes(path.read_bytes()[:1000])  # truncated
    _forget(monkeypatch)
    lemmas._load_tables("en")
    assert lemmas.load_counts[("en", "built")] == 3
    _forget(monkeypatch)
    lemmas._load_tables("en")  # the rebuilt file is whole again
    assert lemmas.load_counts[("en", "read")] == 1


def test_other_inputs_give_another_key() -> None:
    """A different simplemma data file, language or building code never reads this file."""
    base = compiled.key("en", b"data")
    assert compiled.key("en", b"data") == base
    assert compiled.key("en", b"dat4") != base
    assert compiled.key("fr", b"data") != base


def test_a_file_with_another_key_in_its_header_is_not_read(fresh: Path) -> None:
    tables = lemmas._load_tables("en")
    path = fresh / "copy.bin"
    assert compiled.write(path, compiled.key("en", b"one"), tables)
    assert compiled.read(path, compiled.key("en", b"one")) is not None
    assert compiled.read(path, compiled.key("en", b"two")) is None
    assert compiled.read(fresh / "missing.bin", compiled.key("en", b"one")) is None


def test_with_the_cache_off_or_unwritable_the_tables_are_built_in_memory(
    fresh: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(compiled.ENV, "")
    lemmas._load_tables("en")
    assert not fresh.exists() and lemmas.load_counts == Counter({("en", "built"): 1})
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(compiled.ENV, str(blocker / "cache"))
    _forget(monkeypatch)
    assert lemmas._load_tables("en")[0].get("went") == "go"
    assert lemmas.load_counts == Counter({("en", "built"): 2})


def test_from_parts_refuses_parts_that_cannot_be_a_table() -> None:
    table = PackedTable([(b"a", b"1"), (b"b", b"2")], size_hint=2)
    data, slots, count = table.to_parts()
    assert PackedTable.from_parts(data, slots, count).get("b") == "2"
    with pytest.raises(ValueError):
        PackedTable.from_parts(data, slots, count + 1)  # the count does not match the slots
    with pytest.raises(ValueError):
        PackedTable.from_parts(data, slots[:-1], count)  # not whole slots
    with pytest.raises(ValueError):
        PackedTable.from_parts(data[:-3], slots, count)  # an offset past the records
    with pytest.raises(ValueError):
        PackedTable.from_parts(data, slots + slots[:4], count)  # not a power of two


def test_tables_are_loaded_per_language_and_only_when_a_word_is_read(fresh: Path) -> None:
    from helpdesk_tui.language.analyse import _analyse

    _analyse.cache_clear()
    lemmas.lemma.cache_clear()
    lemmas.dictionary_form.cache_clear()
    assert not lemmas.load_counts
    lemmas.lemma("kabels", "nl")
    assert set(lemmas.load_counts) == {("nl", "built")}
    lemmas.lemma("kabel", "nl")
    lemmas.lemma("beeldkabel", "nl")
    assert sum(lemmas.load_counts.values()) == 1  # once per language, not per word


def test_importing_the_layer_loads_no_tables_and_not_simplemma() -> None:
    """Start-up (issue 12: the layer adds <= 0.15 s): nothing is read until a message is."""
    code = (
        "import sys; import helpdesk_tui.language as l; from helpdesk_tui.language import lemmas;"
        "print(sorted(lemmas.load_counts), 'simplemma' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[] False"


def test_reading_the_cache_does_not_import_simplemma(fresh: Path) -> None:
    """A process that finds the tables on disk never pays simplemma's import (0.1-0.2 s)."""
    lemmas._load_tables("en")  # the file is written here
    code = (
        "import sys; from helpdesk_tui.language import lemmas;"
        "print(lemmas.lemma('went', 'en'), dict(lemmas.load_counts), 'simplemma' in sys.modules)"
    )
    env = {**__import__("os").environ, compiled.ENV: str(fresh)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout
    assert out.strip() == "go {('en', 'read'): 1} False"


def test_a_read_table_is_looked_up_in_the_file_not_copied_into_memory(fresh: Path) -> None:
    """Issue 15: each exam of a sitting held a private copy of the file (5.4 MB for English).
    Reading checks the file in chunks and keeps none of it; look-ups read the file."""
    import tracemalloc

    built = lemmas._load_tables("en")
    path = next(fresh.glob("lemmas-en-*.bin"))
    name = compiled.key("en", compiled.source_file("en").read_bytes())
    tracemalloc.start()
    try:
        read = compiled.read(path, name)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert read is not None
    size = path.stat().st_size
    assert size > 4_000_000
    assert kept < 100_000, kept  # nothing of the file is held
    assert peak < size / 2, peak  # and it was never all in memory at once
    assert read[0].get("mice") == built[0].get("mice") == "mouse"
    assert read[0].get("zzzznotaword") is None
    assert read[1].get("cafe") == "café"
    assert read[0].to_parts() == built[0].to_parts()
    open_files = len(os.listdir("/proc/self/fd"))
    del read
    assert len(os.listdir("/proc/self/fd")) == open_files - 1  # the file closes with its tables


def test_a_file_whose_offsets_table_is_full_is_refused(fresh: Path) -> None:
    """With the digest right (anyone can compute it) but no empty slot, a look-up of an
    absent word would never end: such a file is not read, and a look-up is bounded anyway."""
    import hashlib

    table = PackedTable([(b"a", b"b")], size_hint=1)
    records, slots, _ = table.to_parts()
    full = bytes(slots).replace(b"\0\0\0\0", (1).to_bytes(4, sys.byteorder))
    parts = (records, full, records, full)
    digest = hashlib.sha256(b"".join(parts)).digest()
    name = b"n" * 32
    sizes = compiled._SIZES.pack(len(records), len(full), 16, len(records), len(full), 16)
    path = fresh / "crafted.bin"
    fresh.mkdir(parents=True)
    path.write_bytes(compiled._MAGIC + name + digest + sizes + b"".join(parts))
    assert compiled.read(path, name) is None
    file = compiled.FileBytes(os.open(path, os.O_RDONLY))
    start = compiled._HEAD + len(records)
    offsets = compiled.FileOffsets(file, start, 16)
    looped = PackedTable.over(file, compiled._HEAD, start, offsets, 16)
    assert looped.get("zz") is None
