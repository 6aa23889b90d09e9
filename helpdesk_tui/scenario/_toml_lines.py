"""Find the line of each table, array entry and key in a TOML document.

`tomllib` gives a line only for syntax errors; for a field that parses but is
wrong, authors and assessors still want to jump to the line. This scanner
reads a document tomllib has already accepted and records where every key
path starts (`("incidents", 3, "answer", "kb_article") -> 88`). It is best
effort: on anything it does not understand it stops and keeps what it found.
"""

from __future__ import annotations

import contextlib

KeyPath = tuple[str | int, ...]

_BARE_KEY = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_SCALAR_END = frozenset(",]}\n#")


class _Stop(Exception):
    """The scanner met something it does not follow: keep what was found so far."""


def key_lines(text: str) -> dict[KeyPath, int]:
    """Map each key path of `text` to its 1-based line; partial if the text is odd."""
    scanner = _Scanner(text)
    with contextlib.suppress(_Stop, IndexError, RecursionError):
        scanner.run()
    return scanner.lines


def line_of(lines: dict[KeyPath, int], path: KeyPath) -> int | None:
    """The line of `path`, or of its nearest recorded parent (a missing key's table)."""
    for end in range(len(path), 0, -1):
        line = lines.get(path[:end])
        if line is not None:
            return line
    return None


class _Scanner:
    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0
        self.line = 1
        self.lines: dict[KeyPath, int] = {}
        self.table: KeyPath = ()
        self.array_tables: dict[KeyPath, int] = {}

    def run(self) -> None:
        while True:
            self._skip_blank()
            if self.i >= len(self.s):
                return
            start = self.i
            if self.s[self.i] == "[":
                self._header()
            else:
                self._keyval(self.table)
            if self.i == start:
                raise _Stop

    # --- headers --------------------------------------------------------------
    def _header(self) -> None:
        line = self.line
        double = self.s.startswith("[[", self.i)
        self.i += 2 if double else 1
        keys = self._keys("]")
        self.i += 2 if double else 1
        if not keys:
            raise _Stop
        parent = self._resolve(keys[:-1])
        path = (*parent, keys[-1])
        if double:
            count = self.array_tables.get(path, 0)
            self.array_tables[path] = count + 1
            self.lines.setdefault(path, line)
            path = (*path, count)
        self._record_prefixes(path, line)
        self.table = path

    def _resolve(self, keys: list[str]) -> KeyPath:
        """Add the current index after each array of tables, as TOML does."""
        path: KeyPath = ()
        for key in keys:
            path = (*path, key)
            if path in self.array_tables:
                path = (*path, self.array_tables[path] - 1)
        return path

    def _record_prefixes(self, path: KeyPath, line: int) -> None:
        for end in range(1, len(path)):
            self.lines.setdefault(path[:end], line)
        self.lines[path] = line

    # --- key = value ----------------------------------------------------------
    def _keyval(self, base: KeyPath) -> None:
        line = self.line
        keys = self._keys("=")
        if not keys or not self.s.startswith("=", self.i):
            raise _Stop
        self.i += 1
        path = (*base, *keys)
        for end in range(len(base) + 1, len(path)):
            self.lines.setdefault(path[:end], line)
        self.lines[path] = line
        self._value(path)

    def _keys(self, end: str) -> list[str]:
        keys: list[str] = []
        while True:
            self._skip_spaces()
            c = self.s[self.i]
            if c in "\"'":
                keys.append(self._string_value())
            else:
                start = self.i
                while self.s[self.i] in _BARE_KEY:
                    self.i += 1
                if self.i == start:
                    raise _Stop
                keys.append(self.s[start : self.i])
            self._skip_spaces()
            if self.s[self.i] == ".":
                self.i += 1
                continue
            if self.s[self.i] != end:
                raise _Stop
            return keys

    # --- values ---------------------------------------------------------------
    def _value(self, path: KeyPath) -> None:
        self._skip_spaces()
        c = self.s[self.i]
        if c in "\"'":
            self._string_value()
        elif c == "[":
            self._array(path)
        elif c == "{":
            self._inline_table(path)
        else:
            while self.i < len(self.s) and self.s[self.i] not in _SCALAR_END:
                self.i += 1

    def _array(self, path: KeyPath) -> None:
        self.i += 1
        index = 0
        while True:
            self._skip_blank()
            if self.s[self.i] == "]":
                self.i += 1
                return
            item = (*path, index)
            self.lines[item] = self.line
            start = self.i
            self._value(item)
            if self.i == start:
                raise _Stop
            self._skip_blank()
            if self.s[self.i] == ",":
                self.i += 1
                index += 1

    def _inline_table(self, path: KeyPath) -> None:
        self.i += 1
        while True:
            self._skip_blank()
            if self.s[self.i] == "}":
                self.i += 1
                return
            self._keyval(path)
            self._skip_blank()
            if self.s[self.i] == ",":
                self.i += 1

    def _string_value(self) -> str:
        """Skip a string of any of the four kinds; return its raw content."""
        quote = self.s[self.i]
        if self.s.startswith(quote * 3, self.i):
            end = self.s.find(quote * 3, self.i + 3)
            if end < 0:
                raise _Stop
            while self.s.startswith(quote, end + 3):  # up to two quotes may end the content
                end += 1
            content = self.s[self.i + 3 : end]
            self.line += content.count("\n")
            self.i = end + 3
            return content
        j = self.i + 1
        while self.s[j] != quote:
            if self.s[j] == "\n":
                raise _Stop
            j += 2 if (quote == '"' and self.s[j] == "\\") else 1
        content = self.s[self.i + 1 : j]
        self.i = j + 1
        return content.replace('\\"', '"').replace("\\\\", "\\") if quote == '"' else content

    # --- blanks ---------------------------------------------------------------
    def _skip_spaces(self) -> None:
        while self.i < len(self.s) and self.s[self.i] in " \t\r":
            self.i += 1

    def _skip_blank(self) -> None:
        """Skip spaces, newlines and comments."""
        while self.i < len(self.s):
            c = self.s[self.i]
            if c in " \t\r":
                self.i += 1
            elif c == "\n":
                self.i += 1
                self.line += 1
            elif c == "#":
                end = self.s.find("\n", self.i)
                self.i = len(self.s) if end < 0 else end
            else:
                return
