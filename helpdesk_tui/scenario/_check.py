"""Reading typed fields from parsed TOML while collecting every problem.

Scenario files are written by hand, so any value may have any type: a string
where a list belongs, a table where text belongs. Each reader here returns the
value when it has the right type and otherwise records a problem (with the
field path, the line, and what would be right) and returns None, so the
caller carries on and all problems are reported in one round.
"""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from helpdesk_tui.core.events import CONTROL_CHARACTER
from helpdesk_tui.core.phrase import Phrase
from helpdesk_tui.scenario._toml_lines import KeyPath, key_lines, line_of
from helpdesk_tui.scenario.errors import Problem, Severity
from helpdesk_tui.scenario.files import SCENARIO_MAX_BYTES, UnsafeFile, read_bounded

ID_PATTERN = re.compile(r"[A-Za-z0-9_-]+")
"""Ids of groups, customers, incidents... appear in logs and commands: no spaces."""

_BARE = re.compile(r"[A-Za-z0-9_-]+")

MAX_ID = 64
"""Characters of an id (the longest bundled is 38): it is shown in the queue and the log."""
MAX_TEXT = 10_000
"""Characters of one text field (the longest bundled, a scenario's description, has 717):
the file's own bound (`SCENARIO_MAX_BYTES`) let one field hold megabytes."""


def shown(value: str, room: int = 40) -> str:
    """A text quoted for a message, cut to `room` characters with its length said: a
    problem with a 200,000-letter value stays one short paragraph."""
    if len(value) <= room:
        return repr(value)
    return Phrase("{start}… ({count:,} characters)", start=repr(value[:room]), count=len(value))


def too_long(value: str, limit: int) -> str | None:
    """The message for a text over `limit` characters, or None."""
    if len(value) <= limit:
        return None
    return Phrase(
        "is {value} — must be at most {limit:,} characters", value=shown(value), limit=limit
    )


@dataclass(frozen=True, slots=True)
class At:
    """A place in a TOML document: the key path for line look-up and the label people read."""

    keys: KeyPath = ()
    label: str = ""

    def key(self, name: str) -> At:
        shown = name if _BARE.fullmatch(name) else f'"{name}"'
        return At((*self.keys, name), f"{self.label}.{shown}" if self.label else shown)

    def item(self, index: int, ident: str | None = None) -> At:
        label = f"{self.label}[{index}]"
        if ident:
            label += f' (id "{ident}")'
        return At((*self.keys, index), label)

    def label_path(self) -> str:
        """The path without indexes and ids: how the section header is written in TOML."""
        return ".".join(k for k in self.keys if isinstance(k, str))


def describe(value: Any) -> str:
    """What a value is, in words an author understands."""
    if isinstance(value, bool):
        return Phrase("true/false ({value})", value=str(value).lower())
    if isinstance(value, int | float):
        return Phrase("a number ({value})", value=value)
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:27] + "..."
        return Phrase("text ({value})", value=repr(shown)) if value else Phrase("empty text")
    if isinstance(value, list):
        return Phrase("a list") if value else Phrase("an empty list")
    if isinstance(value, dict):
        return Phrase("a table")
    if isinstance(value, datetime | date | time):
        return Phrase("a date/time ({value})", value=str(value))
    return type(value).__name__


def choices_text(known: Iterable[str], limit: int = 10) -> str:
    """`a, b, c` (at most `limit`, then `...`); `(none defined)` when empty."""
    items = sorted(set(known))
    if not items:
        return Phrase("(none defined)")
    shown = ", ".join(items[:limit])
    return shown + (", ..." if len(items) > limit else "")


def did_you_mean(value: str, known: Iterable[str]) -> str:
    """` (did you mean 'x'?)` when a known value is close to `value`, else ``."""
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return Phrase(" (did you mean '{close}'?)", close=close[0]) if close else ""


def one_of(value: str, known: Collection[str]) -> dict[str, str]:
    """The `close` and `known` values of an "unknown '{x}'{close} — must be one of {known}"
    message: the near miss, if any, and the known values in their order."""
    return {"close": did_you_mean(value, known), "known": ", ".join(known)}


class Checker:
    """Collects the problems of one file and reads its fields by type."""

    def __init__(self, file: Path, text: str = "") -> None:
        self.file = file
        self.text = text
        self.problems: list[Problem] = []
        self._lines: dict[KeyPath, int] | None = None

    # --- recording ------------------------------------------------------------
    def line(self, at: At) -> int | None:
        if self._lines is None:
            self._lines = key_lines(self.text)
        return line_of(self._lines, at.keys)

    def add(
        self, at: At, message: str, severity: Severity = "error", line: int | None = None
    ) -> None:
        found = line if line is not None else self.line(at)
        self.problems.append(Problem(self.file, at.label, found, message, severity))

    def error(self, at: At, message: str) -> None:
        self.add(at, message, "error")

    def warning(self, at: At, message: str) -> None:
        self.add(at, message, "warning")

    def note(self, at: At, message: str) -> None:
        """Something for the author to confirm, not a fault (counted apart from warnings)."""
        self.add(at, message, "note")

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)

    # --- presence and type ----------------------------------------------------
    def _get(
        self, table: dict[str, Any], at: At, key: str, required: bool, example: str, why: str
    ) -> Any:
        value = table.get(key)
        if value is None and required:
            reason = Phrase(" ({why})", why=why) if why else ""
            self.error(
                at.key(key),
                Phrase(
                    "missing — add {key} = {example}{reason}",
                    key=key,
                    example=example,
                    reason=reason,
                ),
            )
        return value

    def string(
        self,
        table: dict[str, Any],
        at: At,
        key: str,
        *,
        required: bool = True,
        choices: Collection[str] | None = None,
        pattern: re.Pattern[str] | None = None,
        pattern_text: str = "",
        why: str = "",
    ) -> str | None:
        """Non-empty text; optionally one of `choices` or matching `pattern`."""
        example = f'"{sorted(choices)[0]}"' if choices else '"..."'
        value = self._get(table, at, key, required, example, why)
        if value is None:
            return None
        where = at.key(key)
        if not isinstance(value, str):
            self.error(
                where,
                Phrase(
                    "is {value} — must be text in quotes, e.g. {key} = {example}",
                    value=describe(value),
                    key=key,
                    example=example,
                ),
            )
            return None
        if not value.strip():
            self.error(
                where,
                Phrase("is empty — must be text, e.g. {key} = {example}", key=key, example=example),
            )
            return None
        overlong = too_long(value, MAX_ID if pattern is not None else MAX_TEXT)
        if overlong:
            self.error(where, overlong)
            return None
        if choices is not None and value not in choices:
            self.error(
                where,
                Phrase(
                    "'{value}' is not allowed — must be one of: {choices}{close}",
                    value=value,
                    choices=choices_text(choices),
                    close=did_you_mean(value, choices),
                ),
            )
            return None
        if pattern is not None and not pattern.fullmatch(value):
            self.error(
                where,
                Phrase(
                    "'{value}' is not a valid id — must be {pattern}",
                    value=value,
                    pattern=pattern_text,
                ),
            )
            return None
        return value

    def ident(self, table: dict[str, Any], at: At, key: str = "id") -> str | None:
        return self.string(
            table,
            at,
            key,
            pattern=ID_PATTERN,
            pattern_text=Phrase(
                "letters, digits, '-' and '_' only (no spaces), e.g. \"printer-blank\""
            ),
        )

    def number(
        self,
        table: dict[str, Any],
        at: At,
        key: str,
        *,
        required: bool = True,
        minimum: float | None = None,
        maximum: float | None = None,
        positive: bool = False,
        why: str = "",
    ) -> float | None:
        """A finite number within bounds; `positive` means strictly greater than zero."""
        value = self._get(table, at, key, required, "5", why)
        if value is None:
            return None
        where = at.key(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.error(
                where,
                Phrase(
                    "is {value} — must be a number, e.g. {key} = 5", value=describe(value), key=key
                ),
            )
            return None
        number = float(value)
        if not math.isfinite(number):
            self.error(
                where,
                Phrase(
                    "is {value} — must be a finite number, e.g. {key} = 5", value=value, key=key
                ),
            )
            return None
        low_bad = positive and number <= 0
        if low_bad or (minimum is not None and number < minimum):
            bound = (
                Phrase("greater than 0")
                if positive
                else Phrase("at least {minimum:g}", minimum=minimum)
            )
            self.error(where, Phrase("is {value} — must be {bound}", value=value, bound=bound))
            return None
        if maximum is not None and number > maximum:
            self.error(
                where,
                Phrase("is {value} — must be at most {maximum:g}", value=value, maximum=maximum),
            )
            return None
        return number

    def boolean(self, table: dict[str, Any], at: At, key: str, default: bool = False) -> bool:
        value = table.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.error(
                at.key(key),
                Phrase("is {value} — must be true or false (no quotes)", value=describe(value)),
            )
            return default
        return value

    def strings(
        self,
        table: dict[str, Any],
        at: At,
        key: str,
        *,
        required: bool = True,
        why: str = "",
        limit: int | None = MAX_TEXT,
    ) -> tuple[str, ...] | None:
        """A non-empty list of non-empty texts (one text alone is refused: say it as a list),
        each at most `limit` characters (None: the caller bounds them)."""
        value = self._get(table, at, key, required, '["...", "..."]', why)
        if value is None:
            return None
        where = at.key(key)
        if not isinstance(value, list):
            hint = f'["{value}"]' if isinstance(value, str) else '["...", "..."]'
            self.error(
                where,
                Phrase(
                    "is {value} — must be a list of texts, e.g. {key} = {hint}",
                    value=describe(value),
                    key=key,
                    hint=hint,
                ),
            )
            return None
        if not value:
            self.error(
                where,
                Phrase(
                    'is an empty list — must hold at least one text, e.g. {key} = ["..."]', key=key
                ),
            )
            return None
        good: list[str] = []
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.error(
                    where.item(index),
                    Phrase("is {value} — must be non-empty text in quotes", value=describe(item)),
                )
            elif limit is not None and (overlong := too_long(item, limit)):
                self.error(where.item(index), overlong)
            else:
                good.append(item)
        return tuple(good) if len(good) == len(value) else None

    def table(
        self, parent: dict[str, Any], at: At, key: str, *, required: bool = True
    ) -> dict[str, Any] | None:
        value = parent.get(key)
        where = at.key(key)
        if value is None:
            if required:
                self.error(
                    where, Phrase("missing — add a [{table}] table", table=where.label_path())
                )
            return None
        if not isinstance(value, dict):
            self.error(
                where,
                Phrase(
                    "is {value} — must be a table: a [{table}] section with its own key = value lines",
                    value=describe(value),
                    table=where.label_path(),
                ),
            )
            return None
        return value

    def tables(
        self, parent: dict[str, Any], at: At, key: str, *, required: bool = True
    ) -> list[tuple[At, dict[str, Any]]]:
        """An array of tables, as (place, table) pairs; wrong entries are reported and left out.

        The place of each entry carries its id when it has a text one, so
        messages read `incidents[3] (id "vpn-down")`.
        """
        value = parent.get(key)
        where = at.key(key)
        section = f"[[{where.label_path()}]]"
        if value is None:
            if required:
                self.error(
                    where, Phrase("missing — add at least one {section} section", section=section)
                )
            return []
        if not isinstance(value, list):
            self.error(
                where,
                Phrase(
                    "is {value} — must be an array of tables: one {section} section per entry",
                    value=describe(value),
                    section=section,
                ),
            )
            return []
        if not value and required:
            self.error(
                where,
                Phrase("is an empty list — add at least one {section} section", section=section),
            )
        found: list[tuple[At, dict[str, Any]]] = []
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                self.error(
                    where.item(index),
                    Phrase(
                        "is {value} — must be a table: a {section} section or {{ key = value, ... }}",
                        value=describe(item),
                        section=section,
                    ),
                )
                continue
            ident = item.get("id")
            found.append((where.item(index, ident if isinstance(ident, str) else None), item))
        return found

    def unknown_keys(
        self, table: dict[str, Any], at: At, known: Collection[str], what: str
    ) -> None:
        """Warn about keys nobody reads: usually a typo that silently drops a setting."""
        for key in table:
            if key not in known:
                self.warning(
                    at.key(key),
                    Phrase(
                        "unknown field '{key}' is ignored{close} — the fields of {what} are: {known}",
                        key=key,
                        what=what,
                        **one_of(key, known),
                    ),
                )

    def unique(self, items: Iterable[tuple[At, str | None]], what: str) -> None:
        """Report every id used a second time, naming where it was first used."""
        first: dict[str, At] = {}
        for at, ident in items:
            if ident is None:
                continue
            if ident in first:
                earlier = first[ident]
                line = self.line(earlier)
                place = Phrase("{label} (line {line})", label=earlier.label, line=line)
                self.error(
                    at.key("id"),
                    Phrase(
                        "duplicate id '{ident}' — already used by {place}; each {what} needs its own id",
                        ident=ident,
                        place=place if line else earlier.label,
                        what=what,
                    ),
                )
            else:
                first[ident] = at


def read_text(
    file: Path, checker: Checker, what: str, limit: int = SCENARIO_MAX_BYTES
) -> str | None:
    """The file's text, or None after recording why it cannot be read.

    Regular files only, at most `limit` bytes, never blocking (see `files`)."""
    top = At()
    try:
        raw = read_bounded(file, limit)
    except UnsafeFile as exc:
        checker.add(top, Phrase("{why} (the {what})", why=exc.args[0], what=what), line=None)
        return None
    except FileNotFoundError:
        checker.add(top, Phrase("does not exist — expected the {what} here", what=what))
        return None
    except OSError as exc:
        checker.add(
            top,
            Phrase(
                "cannot be read ({error}) — check the file's permissions",
                error=exc.strerror or str(exc),
            ),
        )
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        checker.add(
            top,
            Phrase(
                "is not UTF-8 text (byte {byte}) — save it as UTF-8 in your editor", byte=exc.start
            ),
            line=line,
        )
        return None
    text = text.removeprefix("\ufeff")  # a byte-order mark at the start is no text's
    for pattern, why in (
        (
            CONTROL_CHARACTER,
            lambda c: Phrase(
                "holds the control character {code} — the {what} may hold line breaks and "
                "tabs, no other control character (a terminal would obey it); remove it",
                code=f"U+{ord(c):04X}",
                what=what,
            ),
        ),
        (
            INVISIBLE_CHARACTER,
            lambda c: Phrase(
                "holds {char} — {why}; the {what} may hold neither: delete it (retype the line "
                "around it, most editors do not show it)",
                char=invisible_named(c),
                why=_INVISIBLE_WHY,
                what=what,
            ),
        ),
    ):
        bad = pattern.search(text)
        if bad is not None:
            checker.add(top, why(bad.group()), line=text.count("\n", 0, bad.start()) + 1)
            return None
    return text


INVISIBLE_CHARACTER = re.compile("[\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]")
"""Bidi controls (U+202A-U+202E, U+2066-U+2069) and zero-width characters (U+200B-U+200D,
U+2060, U+FEFF past the start of a file): invisible, yet a terminal that honours a bidi
override shows the text reversed ("Trojan Source", CVE-2021-42574), and a zero-width space
splits a word the candidate types and a pattern must find (lead, 2026-12-04)."""
_INVISIBLE_NAMES = {
    0x202A: "left-to-right embedding", 0x202B: "right-to-left embedding",
    0x202C: "pop directional formatting", 0x202D: "left-to-right override",
    0x202E: "right-to-left override", 0x2066: "left-to-right isolate",
    0x2067: "right-to-left isolate", 0x2068: "first strong isolate",
    0x2069: "pop directional isolate", 0x200B: "zero width space",
    0x200C: "zero width non-joiner", 0x200D: "zero width joiner", 0x2060: "word joiner",
    0xFEFF: "zero width no-break space",
}  # fmt: skip
_INVISIBLE_WHY = Phrase(
    "a bidi control makes a terminal show the text in another order than it is written, a "
    "zero-width character hides inside a word"
)


def invisible_named(char: str) -> str:
    """'the bidi control U+202E (right-to-left override)', 'the zero-width character U+200B ...'."""
    code = ord(char)
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        return Phrase(
            "the bidi control {code} ({name})", code=f"U+{code:04X}", name=_INVISIBLE_NAMES[code]
        )
    return Phrase(
        "the zero-width character {code} ({name})",
        code=f"U+{code:04X}",
        name=_INVISIBLE_NAMES[code],
    )


_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)|\s*\(at end of document\)")
_UNCLOSED_QUOTE = Phrase(
    'a text in quotes is not closed on its line; add the closing quote ("), or write '
    'text over several lines between three quotes (""")'
)
_TOML_HINTS = (
    # tomllib's messages (Python 3.11 `tomllib/_parser.py`), most particular first: what is
    # wrong in the author's words, and what to do.
    ("Illegal character '\\n'", _UNCLOSED_QUOTE),  # a line break inside "..."
    ("Unterminated string", _UNCLOSED_QUOTE),
    ("Cannot overwrite a value", Phrase("a key or table is defined twice; keep one of them")),
    ("Cannot declare", Phrase("a table is defined twice; use [[name]] for a list of tables")),
    (
        "Invalid value",
        Phrase('text must be in quotes ("..."), lists in [ ], true/false without quotes'),
    ),
    (
        "Invalid statement",
        Phrase("each line must be key = value, a [table] or a [[list-of-tables]] header"),
    ),
    (
        "Expected '=' after a key",
        Phrase("each line must be key = value; quote keys with spaces"),
    ),
    ("Expected ']", Phrase("a [table] or [[list-of-tables]] header is not closed on its line")),
    ("Unclosed array", Phrase("a list opened with [ is not closed with ]")),
    ("Unclosed inline table", Phrase("a table opened with {{ is not closed with }} on its line")),
    ("Unclosed", Phrase("a string, list or table is not closed")),
    (
        "Invalid initial character for a key part",
        Phrase("a key starts with a sign keys cannot hold; use letters, digits, - and _"),
    ),
    (
        "Unescaped '\\'",
        Phrase("a backslash in text between \"...\" must be doubled (\\\\), or use '...'"),
    ),
    ("Invalid date", Phrase("a date or time is not written as 2026-03-02 or 2026-03-02T09:00:00")),
    (
        "Illegal character",
        Phrase("control characters are not allowed; save the file as plain text"),
    ),
)
"""What is wrong, by the start of tomllib's message (its own words are English only)."""


def parse_toml(text: str, checker: Checker) -> dict[str, Any] | None:
    """Parse `text`, or record the syntax error with its line and a hint."""
    if _may_hold_more_values_than(text, MAX_VALUES):
        checker.add(At(), _TOO_MANY_VALUES, line=_line_past(text, MAX_VALUES))
        return None
    try:
        raw = tomllib.loads(text)
    except ValueError as exc:
        if not isinstance(exc, tomllib.TOMLDecodeError):  # Python's 4300-digit limit
            checker.add(
                At(),
                Phrase(
                    "not valid TOML: a number has thousands of digits — {why}", why=_INT_RANGE_TEXT
                ),
                line=_long_number_line(text),
            )
            return None
        _toml_error(text, exc, checker)
    except RecursionError:
        line, depth = _deepest(text)
        checker.add(
            At(),
            Phrase(
                "not valid TOML: lists or tables nested {depth} deep — no field of a scenario, "
                "SLA profile or KB nests more than {most} (a list of {{ }} tables inside "
                "a [[table]]); flatten them",
                depth=depth,
                most=MAX_NESTING,
            ),
            line=line,
        )
    else:
        if _more_values_than(raw, MAX_VALUES):
            checker.add(At(), _TOO_MANY_VALUES)
            return None
        in_range = _integers_in_range(raw, At(), checker)
        plain = _texts_without_controls(raw, At(), checker)
        return raw if in_range and plain else None
    return None


MAX_VALUES = 100_000
"""Values (texts, numbers, lists, tables) in one file: the bundled scenarios hold under
3,000. An array of 1,000,000 numbers (2 MB) took validation 31 s and 269 MB (sec13)."""


_TOO_MANY_VALUES = Phrase(
    "holds more than {most:,} values in its lists and tables — no "
    "scenario, SLA profile or KB needs that many; nothing more of it is read",
    most=MAX_VALUES,
)
_VALUE_MARKS = (",", "=", "[", "{")
"""Every value TOML reads follows one of these: a key's `=`, a list's `[` or `,`, an inline
table's `{`, a table header's `[`. Their count bounds the values from above (marks inside
strings count too: the bundled files hold 5,700 at most, the limit is 100,000)."""


def _may_hold_more_values_than(text: str, most: int) -> bool:
    """Counted on the text before tomllib reads it (sec14): an array of 1,000,000 numbers
    took tomllib and the count after it 7.5 s and 190 MB (load 8) to refuse."""
    return sum(text.count(mark) for mark in _VALUE_MARKS) > most


def _line_past(text: str, most: int) -> int:
    """The line where the marks pass `most` (the checker's own key scan of such a file took
    5 s: the place is found here, a line at a time)."""
    count = 0
    for number, line in enumerate(text.splitlines(), 1):
        count += sum(line.count(mark) for mark in _VALUE_MARKS)
        if count > most:
            return number
    return 1


def _more_values_than(value: Any, most: int) -> bool:
    """Whether `value` holds more than `most` values, counted without recursion."""
    count, stack = 0, [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            count += len(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            count += len(item)
            stack.extend(item)
        if count > most:
            return True
    return False


MAX_NESTING = 3
"""The deepest nesting of [ ] and { } inside a value that any file format here uses."""
_QUOTES = ('"""', "'''", '"', "'")


def _deepest(text: str) -> tuple[int | None, int]:
    """The line where the nesting of [ ] and { } first reaches its deepest, and how deep.

    tomllib gives no line when it runs out of stack (Python's recursion limit) on a value
    nested hundreds deep, so the brackets are counted here, outside strings and comments.
    """
    depth, deepest, where, line, i = 0, 0, None, 1, 0
    while i < len(text):
        char = text[i]
        quote = next((q for q in _QUOTES if text.startswith(q, i)), None)
        if quote is not None:  # skip the string (a basic one may escape its quote)
            end = i + len(quote)
            while end < len(text) and not text.startswith(quote, end):
                end += 2 if quote[0] == '"' and text[end] == "\\" else 1
            line += text.count("\n", i, end)
            i = end + len(quote)
            continue
        if char == "#":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        if char == "\n":
            line += 1
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest, where = depth, line
        elif char in "]}":
            depth = max(0, depth - 1)
        i += 1
    return where, deepest


MAX_INTEGER = 2**53 - 1
"""Integers beyond this are refused: no field needs one, and float() of a
300-digit integer raises instead of giving a number."""
_INT_RANGE_TEXT = Phrase("whole numbers must be between -{most} and {most}", most=MAX_INTEGER)
_LONG_NUMBER = re.compile(r"\d{400,}")


def _long_number_line(text: str) -> int | None:
    match = _LONG_NUMBER.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _integers_in_range(value: Any, at: At, checker: Checker) -> bool:
    """Record every integer out of range (with its field); True when there is none."""
    if isinstance(value, dict):
        results = [_integers_in_range(v, at.key(str(k)), checker) for k, v in value.items()]
        return all(results)
    if isinstance(value, list):
        results = [_integers_in_range(v, at.item(i), checker) for i, v in enumerate(value)]
        return all(results)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INTEGER:
        digits = len(str(abs(value)))
        checker.error(
            at,
            Phrase("is a number with {digits} digits — {why}", digits=digits, why=_INT_RANGE_TEXT),
        )
        return False
    return True


def _texts_without_controls(value: Any, at: At, checker: Checker) -> bool:
    """Record every text holding a control character; True when there is none.

    The exam shows and logs scenario texts as they are: an ESC would drive the candidate's
    and the assessor's terminals, and a log holding one does not verify (eventlog/reader.py).
    """
    if isinstance(value, dict):
        return all([_texts_without_controls(v, at.key(str(k)), checker) for k, v in value.items()])
    if isinstance(value, list):
        return all([_texts_without_controls(v, at.item(i), checker) for i, v in enumerate(value)])
    if not isinstance(value, str):
        return True
    if (bad := CONTROL_CHARACTER.search(value)) is not None:
        why = Phrase(
            "holds the control character {code} (a \\u or \\b/\\f escape) — "
            "texts may hold line breaks and tabs, no other control character; remove it",
            code=f"U+{ord(bad.group()):04X}",
        )
    elif (bad := INVISIBLE_CHARACTER.search(value)) is not None:
        why = Phrase(
            "holds {char} (a \\u escape) — {why}; texts may hold neither: remove the escape",
            char=invisible_named(bad.group()),
            why=_INVISIBLE_WHY,
        )
    else:
        return True
    checker.error(at, why)
    return False


def _toml_error(text: str, exc: tomllib.TOMLDecodeError, checker: Checker) -> None:
    """Record a TOML syntax error: a sentence in the UI's language naming the file, the line
    and column and what is wrong, then tomllib's own words (English only) for the expert."""
    message = str(exc)
    match = _TOML_AT.search(message)
    line: int | None = None
    detail = _TOML_AT.sub("", message).strip()
    hint = next((h for prefix, h in _TOML_HINTS if detail.startswith(prefix)), None)
    what = hint or Phrase("see the syntax at https://toml.io and the annotated example in the docs")
    name = checker.file.name
    if match and match.group(1):
        line = int(match.group(1))
        said = Phrase(
            "not valid TOML: {file}, line {line}, column {column}: {what} "
            "(the TOML reader said: {original})",
            file=name,
            line=line,
            column=int(match.group(2)),
            what=what,
            original=message,
        )
    else:
        line = text.count("\n") + 1 if match else None
        said = Phrase(
            "not valid TOML: {file}, at its end: {what} (the TOML reader said: {original})",
            file=name,
            what=what,
            original=message,
        )
    checker.add(At(), said, line=line)
