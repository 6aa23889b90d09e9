"""A text from a log or a scenario with its control characters made visible, without Rich.

`printable` is what `terminal_safe.SafeConsole` shows for every text it prints, and what
the HTML report and the class report write; it lives here, apart from the console, so
that those reports do not import Rich (a tenth of a second) to call it. See
terminal_safe.py for why a log's text may hold control characters at all.
"""

from __future__ import annotations

import json
import re

KEPT = "\n\t"
"""Line breaks and tabs are layout, not commands: kept."""


def _picture(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


_BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
"""Bidi embeddings, overrides and isolates: a terminal or browser that honours them shows
the rest of the line in another order than it is written ("Trojan Source"; sec13)."""

_FORMAT_RANGES = (
    (0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD), (0x070F, 0x070F),
    (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD),
    (0x110CD, 0x110CD), (0x13430, 0x13438), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)  # fmt: skip
"""Unicode's format characters (category Cf, Unicode 14: a test checks the list against
`unicodedata`), written out so that importing this module costs no scan of the code space."""

_BLANK_LETTERS = (0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0)
"""Characters of other categories that every font draws as nothing: the combining grapheme
joiner and the Hangul fillers (letters, so `isprintable` passes them)."""

INVISIBLE = frozenset(
    chr(code)
    for first, last in (*_FORMAT_RANGES, *((c, c) for c in _BLANK_LETTERS))
    for code in range(first, last + 1)
)
"""What a screen or a browser shows as nothing, or uses to reorder the line: a reply
"pass\u200bword" read "password" in the review and the report while the language layer
read two words (sec20). `printable` shows each as its code point (sec21)."""


def marker(char: str) -> str:
    """How an invisible character is shown: its code point between angle brackets."""
    return f"\u27e8U+{ord(char):04X}\u27e9"


_INVISIBLE_RUN = re.compile(
    "(["
    + "".join(f"{chr(a)}-{chr(b)}" for a, b in _FORMAT_RANGES)
    + "".join(map(chr, _BLANK_LETTERS))
    + "])"
)
SURROGATES = range(0xD800, 0xE000)
"""Lone surrogates: a log's ASCII JSON may spell one ("\\udc80" parses to it; the writer keeps
whatever text it is given writable, records.canonical_json) and no UTF-8 terminal or file can
take one: `report` (terminal, HTML, JSON), `verify` and `class-report` ended in a
UnicodeEncodeError traceback (sec23). Shown as U+FFFD, the replacement character."""
_SURROGATE = re.compile("[\ud800-\udfff]")
_UNSEEN = re.compile(
    "["
    + "".join(f"{chr(a)}-{chr(b)}" for a, b in _FORMAT_RANGES)
    + "".join(map(chr, _BLANK_LETTERS))
    + "\ud800-\udfff]"
)
_BIDI_TABLE = dict.fromkeys(_BIDI, "\ufffd")
_BIDI_CHARS = tuple(map(chr, _BIDI))
_TABLE = (
    {c: _picture(chr(c)) for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if chr(c) not in KEPT}
    | {ord(c): marker(c) for c in INVISIBLE}
    | dict.fromkeys(SURROGATES, "\ufffd")
)


def printable(text: str) -> str:
    """The text with every control character but line breaks and tabs made visible, and
    every invisible one (`INVISIBLE`, bidi controls too) as its `marker`."""
    if text.isprintable() and not _has_blank_letter(text):
        return text
    return text.translate(_TABLE)


def well_formed(text: str) -> str:
    """The text with every lone surrogate as U+FFFD and nothing else changed: for what keeps
    a log's text as it is but must be written as UTF-8 (the JSON report, sec23)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def escaped_unseen(json_text: str) -> str:
    """JSON written with `ensure_ascii=False`, every lone surrogate and every `INVISIBLE`
    character as its JSON escape (`\\udc80`, `\\u202e`): the same JSON value, writable as
    UTF-8 and safe to print. For what must keep a text exactly: a verdict sheet is signed
    over the candidate id a log's header gave, and a lone surrogate there ended `report
    --new-verdicts` and the review's save in a traceback; `language probe --json` printed a
    bidi override to the terminal as it was (sec23). Such a character can only be inside a
    JSON string, where its escape means the same character."""
    if not _UNSEEN.search(json_text):
        return json_text
    return _UNSEEN.sub(lambda found: json.dumps(found.group())[1:-1], json_text)


def printable_parts(text: str) -> list[tuple[str, bool]]:
    """`printable(text)` in runs, each with whether it is a `marker`: so a screen or a
    report that has styles can show the markers dim, and a reply typed with a literal
    "\u27e8U+200B\u27e9" reads otherwise than one holding the character."""
    if text.isprintable() and not _has_blank_letter(text):
        return [(text, False)] if text else []
    parts: list[tuple[str, bool]] = []
    for index, piece in enumerate(_INVISIBLE_RUN.split(text)):
        if piece:
            parts.append((marker(piece), True) if index % 2 else (printable(piece), False))
    return parts


def _has_blank_letter(text: str) -> bool:
    """Whether a text `isprintable` passes holds a blank letter (`_BLANK_LETTERS`)."""
    return any(chr(code) in text for code in _BLANK_LETTERS)


def without_bidi(text: str) -> str:
    """The text with its bidi controls as U+FFFD and every other character as it is: for
    what goes to a terminal already made of escape sequences (the screens of `review`,
    `observe`, `room`: `ui.terminal.SafeWriter`). Only the bidi controls, which reorder
    what the terminal shows: a check for every `INVISIBLE` character took 0.3-0.8 ms a full
    frame (sec21); the widgets that show a log's words give them as `printable` markers."""
    if not any(char in text for char in _BIDI_CHARS):  # 14 us CPU a full 18.6 kB frame
        return text
    return text.translate(_BIDI_TABLE)


def printable_name(name: str) -> str:
    """A file's name (or an id standing for it) as a screen shows it: every control
    character as its picture, line breaks and tabs too. Textual writes a text's ESC as it
    is and the driver's guard (`ui.terminal.SafeWriter`) cannot tell it from the frame's
    own sequences: a log named "a ESC ] 0 ; ... ESC [ 2 J" retitled and cleared the room's
    and the review's terminal (sec20)."""
    return printable(name).replace("\n", "\u240a").replace("\t", "\u2409")
