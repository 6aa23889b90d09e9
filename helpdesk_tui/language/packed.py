"""A read-only str -> str table in two flat buffers, for the lemma dictionaries.

simplemma hands a language's dictionary over as a Python dict: 180,000 (English)
to 370,000 (Dutch) entries of two objects each, 23-45 MB per exam process, the
largest part of an exam's memory (issue 15: an exam grew from 62 to 102 MB with
the language layer). The same entries as `key TAB value NEWLINE` records in one
bytes object, found through an open-addressing table of their offsets (an
array of 4-byte integers, at most half full), take 5-9 MB and answer a look-up
in about a microsecond: one hash, one or two probes, a comparison in place.

The hash is CRC-32, not Python's `hash()` (salted per process): the same table
is then valid in every process, so `language.compiled` can keep a built table
on disk and the next process reads it back in milliseconds instead of
building it again (0.5-1 s of CPU a language).

Keys and values must not contain a tab or a newline (no word does; entries that
do are left out). A key added again replaces the earlier value, as in a dict.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from typing import Protocol
from zlib import crc32

_SEP, _END = b"\t", b"\n"


class Records(Protocol):
    """Where the records are: a `bytes` built in memory, or the cache file read at each
    look-up (`language.compiled.FileBytes`)."""

    def find(self, sub: bytes, start: int, end: int, /) -> int: ...
    def __getitem__(self, where: slice, /) -> bytes: ...


class PackedTable:
    """str -> str, read-only, built once from (key, value) pairs (see the module)."""

    __slots__ = ("_data", "_mask", "_slots", "_count", "_base", "_end")

    def __init__(self, pairs: Iterable[tuple[bytes, bytes]], size_hint: int) -> None:
        """`pairs` as UTF-8 bytes; `size_hint` at least their number (sizes the table)."""
        size = 16
        while size < 2 * max(1, size_hint):
            size *= 2
        slots = array("I", bytes(4 * size))
        mask = size - 1
        data = bytearray()
        count = 0
        for key, value in pairs:
            if _SEP in key or _END in key or _SEP in value or _END in value:
                continue
            probe = key + _SEP
            index = crc32(key) & mask
            while offset := slots[index]:
                if data.startswith(probe, offset - 1):
                    break  # the same key again: this record replaces it
                index = (index + 1) & mask
            else:
                if count * 2 >= size:
                    raise ValueError("more entries than the size hint allows")
                count += 1
            slots[index] = len(data) + 1  # 0 marks an empty slot
            data += probe + value + _END
        self._data = bytes(data)
        self._slots = slots
        self._mask = mask
        self._count = count
        self._base, self._end = 0, len(self._data)

    def get(self, key: str) -> str | None:
        """The value of `key`, or None.

        Written with a bounded `find` rather than `startswith`/`index`, so the records can
        be a `bytes` or the cache file (`Records`), at `_base` in it; and at most one pass
        over the slots, so even a damaged table cannot loop."""
        raw = key.encode()
        probe = raw + _SEP
        data, slots, mask, base = self._data, self._slots, self._mask, self._base
        index = crc32(raw) & mask
        for _ in range(mask + 1):
            offset = slots[index]
            if not offset:
                return None
            offset += base - 1
            if data.find(probe, offset, offset + len(probe)) == offset:
                start = offset + len(probe)
                end = data.find(_END, start, self._end)
                return data[start:end].decode() if end >= 0 else None
            index = (index + 1) & mask
        return None

    def to_parts(self) -> tuple[bytes, bytes, int]:
        """The records, the offsets table as bytes (native byte order) and the count."""
        data, base, end = self._data, self._base, self._end
        records = (
            data if isinstance(data, bytes) and (base, end) == (0, len(data)) else data[base:end]
        )
        return bytes(records), bytes(self._slots), self._count

    @classmethod
    def from_parts(cls, data: bytes, slots: bytes, count: int) -> PackedTable:
        """A table from `to_parts`'s output, checked for shape (not for content).

        Raises ValueError when the parts cannot be a table: the offsets table's size
        is not a power of two, holds fewer than twice `count` slots, or points past
        the records."""
        table = cls.__new__(cls)
        offsets = array("I")
        if len(slots) % offsets.itemsize:
            raise ValueError("the offsets table is not a whole number of slots")
        offsets.frombytes(slots)
        size = len(offsets)
        if size < 16 or size & (size - 1) or count * 2 > size or count < 0:
            raise ValueError("the offsets table does not fit the count")
        if size - offsets.count(0) != count:
            raise ValueError("the offsets table does not hold `count` entries")
        if max(offsets) > len(data) or (data and not data.endswith(_END)):
            raise ValueError("an offset points past the records")
        table._data, table._slots, table._mask, table._count = data, offsets, size - 1, count
        table._base, table._end = 0, len(data)
        return table

    @classmethod
    def over(
        cls, data: Records, base: int, end: int, slots: Sequence[int], count: int
    ) -> PackedTable:
        """A table whose records sit at `base` to `end` in `data` and whose offsets table
        is `slots`, both read where a look-up needs them (the cache file, see
        `language.compiled.read`): nothing is copied into memory. The caller has checked
        the shape `from_parts` checks (`compiled.read` does, while it hashes the file)."""
        size = len(slots)
        if size < 16 or size & (size - 1):
            raise ValueError("the offsets table's size is not a power of two")
        table = cls.__new__(cls)
        table._data, table._slots, table._mask, table._count = data, slots, size - 1, count
        table._base, table._end = base, end
        return table

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __len__(self) -> int:
        return self._count

    @property
    def nbytes(self) -> int:
        """The memory its two buffers take."""
        return self._end - self._base + 4 * len(self._slots)
