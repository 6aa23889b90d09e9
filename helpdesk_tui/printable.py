"""A text from a log or a scenario with its control characters made visible, without Rich.

`printable` is what `terminal_safe.SafeConsole` shows for every text it prints, and what
the HTML report and the class report write; it lives here, apart from the console, so
that those reports do not import Rich (a tenth of a second) to call it. See
terminal_safe.py for why a log's text may hold control characters at all.
"""

from __future__ import annotations

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
_BIDI_TABLE = dict.fromkeys(_BIDI, "\ufffd")
_BIDI_CHARS = tuple(map(chr, _BIDI))
_TABLE = {
    c: _picture(chr(c)) for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if chr(c) not in KEPT
} | _BIDI_TABLE


def printable(text: str) -> str:
    """The text with every control character but line breaks and tabs made visible (a bidi
    control as U+FFFD)."""
    if text.isprintable():
        return text
    return text.translate(_TABLE)


def without_bidi(text: str) -> str:
    """The text with its bidi controls as U+FFFD, as `printable` shows them, and every
    other character as it is: for what goes to a terminal already made of escape sequences
    (the screens of `review`, `observe`, `room`: `ui.terminal.SafeWriter`)."""
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
