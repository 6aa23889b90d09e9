"""The bytes a candidate's terminal sends, made safe before Textual reads them.

Textual's input thread decodes with a strict UTF-8 decoder: one Latin-1 "é"
(0xE9) or an 8-bit CSI (0x9B) raised, the exam died with a traceback on the
screen, and the rest of the bytes went to the shell it was started from. It
also hands every character of a paste to a character-by-character parser, and
characters outside a bracketed paste become one key event each: 555 KB with an
end-of-paste sequence inside grew the exam to 2.2 GB while its clocks ran.

`InputGuard` sits between `os.read` and Textual's parser (see
`ui.terminal.GuardedDriver`). Per chunk of bytes read it:

- decodes with invalid bytes replaced by U+FFFD, counting them (the app logs
  the first, once);
- takes bracketed pastes out itself, with `str.find` (never a character at a
  time), keeps at most `PASTE_MAX` characters of one paste and drops the rest
  (every text field is shorter than that; each cuts again at its own limit);
  a paste whose end never comes is closed after `PASTE_IDLE_S` of silence (what
  comes after it, in as many reads as it takes, is held until its end marker, then
  pasted too; with no marker within `REST_WAIT_S` of the last read, it is typing);
- everything outside the paste markers is typing, and acts key by key: the
  terminal says what is pasted (Textual turns bracketed paste on), so a burst
  of typed keys ending in Enter (a fast typist, a terminal that sends a line at
  once, keys that queued while the exam was busy) sends, once. Only a read of
  more than `FLOOD_CHARS` characters outside a paste, and the reads that follow
  it without a pause (their bytes were already waiting), is not
  typing but a flood (an unbracketed paste of a whole text, or the bytes after
  an end-of-paste planted inside a paste): its printable text becomes one paste
  and its control characters and escape sequences are dropped and counted, so
  a flood of Enter and Ctrl keys never acts key by key (an app whose keys are
  single letters, like the review, sets a lower bound: `typed_at_once`);
- and input faster than anyone types, kept up across reads, is a flood too, whatever
  the size of its pieces (`TYPING_RATE`): a paste without markers sent 300
  characters every 0.2 s was typed, its F12 and proctor code acted (sec17). Only the
  first piece, which no rate can judge yet, is typing;
- keeps as keys, in such an app, a read of queued keys: single characters each
  between special keys' escape sequences ("n ↓ n ↓ p", typed while the review
  was busy and read at once), which no paste of text looks like (text has its
  letters side by side; a terminal's paste holds no arrow keys). Such a burst
  stops after a key that opens a dialog or leaves (`stops`): what was typed
  after it was meant for a screen nobody had seen yet ("q ↓ d" must not discard
  the verdicts in a dialog that was never read);
- holds back the end of a chunk that may be the start of a paste marker, a CSI
  sequence or a terminal string (`ESC ]`, `ESC P`...) cut in two by the read (at
  most `_LONGEST` characters), until the next chunk or `HOLD_S` of silence;
- drops, outside a paste, the terminal sequences Textual does not know, which
  its parser would type one key per byte: a DCS answer (`ESC P 1 $ r 0 m ST`)
  was ^ P 1 $ r (the reply form) 0 m (the "mine" filter); an XTWINOPS request
  opened the transfer form with its `t`; an OSC 52 clipboard sequence became the
  KB query "]52;c;SGVsbG8=" in the log. So every OSC, DCS, APC, PM and SOS
  string (to its BEL or ST, across reads, or until `PASTE_IDLE_S` of silence)
  and every complete CSI sequence that Textual's parser would not read as a key,
  a mouse report or a report it asked for (`understood`) is dropped and counted
  in `strays` (the app logs the first, once).

Everything else passes through untouched to Textual's parser.
"""

from __future__ import annotations

import codecs
import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
PASTE_MAX = 64 * 1024
"""Characters kept of one paste (the longest field takes 8,000)."""
READ_SIZE = 4096
"""Bytes the input thread asks for per read; a read that got them all says more was waiting."""
FLOOD_GAP_S = 0.02
"""A read whose bytes came less than this after the input thread was done with the read
before (`ReadTimes`) continues the flood before it (the rest of one big write): its stray
Enter or Ctrl keys must not act. Keys typed after a flood come after a pause, and are keys
again."""
FLOOD_PAUSE_S = 0.25
"""A read this long after the one before it starts afresh, however briefly the input thread
waited for it: a key typed after a flood comes after at least this pause. Under load the
input thread is often busy (or waits for the interpreter) when a key arrives, so its own
wait was near zero and the key was read as the flood's rest, dropped, and the flood went on
with it: a loaded CI machine saw no key answered for a minute after a 1 MB paste. A flood's
rest comes right after its last read, or was waiting then (`READ_SIZE`)."""
FLOOD_CHARS = 512
"""More characters than this in one read (escape sequences, i.e. mouse reports and
special keys, not counted), outside a paste, are not typing. It was 64 and judged
by time as well (whatever came within 0.25 s of a flood was dropped): a line of 70
characters and its Enter sent at once became a paste, and the message was never
sent. A line a person sends is far shorter than this; a whole text pasted without
markers is not."""
PASTE_IDLE_S = 1.0
"""A paste with no end marker is closed after this long without input."""
HOLD_S = 0.03
"""How long a possible half marker at the end of a read is held back."""
REST_WAIT_S = 0.25
"""After a paste closed by a silence, how long a read without its end marker waits for
the next one: the rest of a stalled paste comes in reads close together, and is pasted
when its end marker comes; after this long with no marker, what was held is typing."""
_SEQUENCE = re.compile(r"\x1b(\[[0-9;:<=>?]*[ -/]*[@-~]|O.|.)?", re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_STRING_START = re.compile(r"\x1b[\]P_^X]|[\x90\x98\x9d\x9e\x9f]")
"""OSC, DCS, APC, PM or SOS, 7-bit or 8-bit: a string the terminal ends with ST or BEL."""
_STRING_END = re.compile(r"\x07|\x1b\\|\x9c|(?=[\x00-\x06\x08-\x1a\x1c-\x1f])")
"""BEL or ST ends a string; any other C0 control aborts it and stays a key. A terminal's
answer holds none (ECMA-48 aborts a string at CAN or SUB; an OSC's text is printable), so
a Ctrl key is the candidate's: after noise left a string open, Ctrl+C sent each second
was swallowed as the string's text for as long as the seconds came (CI, 2026-12-04)."""
_STRING = re.compile(
    r"(?:\x1b[\]P_^X]|[\x90\x98\x9d\x9e\x9f])[^\x00-\x1f\x9c]*(?:\x07|\x1b\\|\x9c)?"
)
"""A whole string, or its start up to the end of the text."""
_CSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")
"""A complete CSI sequence: parameters, intermediates, one final byte."""
_MAY_STRAY = re.compile(r"[\x1b\x90\x98\x9d\x9e\x9f]")
_OPEN_CSI = re.compile(r"\x1b\[[0-?]*[ -/]*\Z")
_RUN = re.compile(r"(.)\1*", re.DOTALL)
"""A character and its repeats: one key for `InputGuard._rate_keys`."""
_LONGEST = 32
"""Textual's parser types a sequence longer than this as keys (its search threshold)."""
TYPING_RATE = 40.0
"""Keys a second (`_rate_keys`: a key repeated, as a held key makes it, counts once) that no
person types, kept up over `RATE_KEYS` keys: input faster is a paste in pieces. A fast typist
keeps up 10-12 characters a second (120 wpm) and the fastest reach about 20 over a second;
a held key repeats at 10-33 a second (Linux console 10.9, X 25, GNOME and macOS 33, Windows
at most 30), and however fast it is, its repeats are not counted; queued keys read at once
after a stall came over the stall, and `since` says how long it was. Pastes in pieces come at
300-3,000 characters a second (benchmarks/README.md, sec18)."""
RATE_KEYS = 24
"""Keys the reads of the last `RATE_WINDOW_S` must hold before their rate is judged: two
keys that a terminal or a network sends together are not a rate."""
RATE_WINDOW_S = 1.0
"""The reads a rate is taken over: those of the last second."""
BURST_KEYS = 64
"""At most this many keys in one read are taken as keys that queued (`_queued_keys`):
30 s of an assessor's keys at two a second; more is not typing."""

_REPLACED: list[int] = [0]


def _count_and_replace(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: one U+FFFD per bad sequence, counted."""
    assert isinstance(error, UnicodeDecodeError)
    _REPLACED[0] += 1
    return "\ufffd", error.end


codecs.register_error("helpdesk-input", _count_and_replace)


@dataclass(frozen=True, slots=True)
class Pasted:
    """Text that arrived as one paste (or a flood treated as one)."""

    text: str


_LINES = re.compile(r"(?:[^\x00-\x1f\x7f-\x9f]+[\r\n]+)+")
"""Plain lines, each ended by Enter: printable text and line ends only."""


def _lines(text: str) -> bool:
    """Whether a read is whole lines of plain text, each with its Enter: what a terminal that
    sends a line at once sends (a line edited in the terminal, then Enter), which stays typing
    at any rate (`test_input_pty`: a line and its Enter written right after another). A paste
    in pieces is not lines: pieces are cut anywhere, and F12, Ctrl keys or escape sequences
    in one are not plain text, so they never act this way."""
    return _LINES.fullmatch(text) is not None


def _held_prefix(text: str, marker: str) -> int:
    """Length of the longest proper prefix of `marker` that `text` ends with."""
    for size in range(min(len(marker) - 1, len(text)), 0, -1):
        if text.endswith(marker[:size]):
            return size
    return 0


@lru_cache(maxsize=512)
def understood(sequence: str) -> bool:
    """Whether Textual's parser reads this complete CSI sequence as something (a key, a
    mouse report, a report it asked for, focus or paste), rather than typing its bytes.
    Asked of Textual's own tables and patterns (pinned to 8.2.x, docs/known-issues.md)."""
    from textual import _xterm_parser as xterm

    if len(sequence) > _LONGEST:
        return False
    if sequence in xterm.SPECIAL_SEQUENCES or sequence in _key_prefixes():
        return True
    patterns = (
        xterm._re_mouse_event,
        xterm._re_terminal_mode_response,
        xterm._re_cursor_position,
        xterm._re_in_band_window_resize,
    )
    if any(pattern.match(sequence) for pattern in patterns):
        return True
    try:
        return any(True for _key in _parser()._sequence_to_key_events(sequence))
    except (OverflowError, ValueError):
        # A kitty key report for a code point past U+10FFFF (ESC [ 99999999999 u):
        # Textual's parser raises on it, which in the input thread panics the app
        # (sec-fuzz9). No key has that code point: not understood, dropped.
        return False


MAX_ROWS, MAX_COLUMNS = 400, 1000
"""The largest size an in-band resize report may give (an 8K screen with a 6 x 12
pixel font is 1280 x 360; 400 x 1000 leaves room). A report of a larger one is dropped:
"ESC [ 48 ; 3000 ; 3000 ; 0 ; 0 t" made the exam lay out 3000 x 3000 cells (38 s,
300 MB), 99999 x 99999 never came back (sec-fuzz9): a few bytes froze the exam."""
_RESIZE = re.compile(r"\x1b\[48;(\d+)(?::[^;]*)?;(\d+)")


def oversized(sequence: str) -> bool:
    """Whether `sequence` is an in-band resize report larger than any terminal is."""
    found = _RESIZE.match(sequence)
    return found is not None and (
        len(found[1]) > 6
        or len(found[2]) > 6
        or int(found[1]) > MAX_ROWS
        or int(found[2]) > MAX_COLUMNS
    )


@lru_cache(maxsize=1)
def _key_prefixes() -> frozenset[str]:
    """Every start of a key's sequence in Textual's table: the Linux console's F1 is
    ESC [ [ A, whose ESC [ [ looks like a complete CSI sequence."""
    from textual._ansi_sequences import ANSI_SEQUENCES_KEYS

    return frozenset(key[:end] for key in ANSI_SEQUENCES_KEYS for end in range(1, len(key) + 1))


@lru_cache(maxsize=1)
def _parser() -> object:
    from textual._xterm_parser import XTermParser

    return XTermParser()


_OPEN_STRING = re.compile(r"(?:\x1b[\]P_^X]|[\x90\x98\x9d\x9e\x9f])\Z")
"""A string's introducer (OSC, DCS, APC, PM, SOS) that ends a read: what follows decides."""


def _open_string(text: str) -> int:
    """Length of a terminal string's introducer at the end of `text` (at most 2): held
    back until the next read or `HOLD_S` of silence. `ESC ]` ending one read and
    `52;c;...` beginning the next passed as Alt+] and then typed its bytes as keys
    (an OSC 52 became a KB query); held, the two reads are judged together: a number
    after it is an OSC, dropped; a letter, or silence, leaves Alt+] a key."""
    tail = text[-2:]  # the introducer is at most 2 characters: no search of the whole read
    match = _OPEN_STRING.search(tail)
    return len(tail) - match.start() if match else 0


def _open_csi(text: str) -> int:
    """Length of a CSI sequence begun at the end of `text` and not finished yet: held
    back like a half paste marker, so a sequence cut by the read is judged whole."""
    match = _OPEN_CSI.search(text)
    return len(text) - match.start() if match and len(text) - match.start() <= _LONGEST else 0


class InputGuard:
    """Bytes in; text for Textual's parser and whole pastes out. Not thread-safe:
    one input thread owns it."""

    def __init__(self, typed_at_once: int = FLOOD_CHARS, stops: str = "") -> None:
        self.typed_at_once = typed_at_once
        """Printable characters one read may hold and still be typing (`FLOOD_CHARS` where
        text is typed; an app whose main screen only has one-letter keys takes less)."""
        self.stops = stops
        """Keys after which a burst of queued keys ends (`_queued_keys`): those that open a
        dialog or leave; the rest of the read is dropped."""
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="helpdesk-input")
        self._in_paste = False
        self._paste: list[str] = []
        self._paste_len = 0
        self._held = ""
        self._flooding = False
        """The last read was a flood: a read right after it continues it."""
        self._full = False
        """More was waiting after the last read: the terminal said so (`rest_waiting`), or,
        where it cannot be asked, the read filled `READ_SIZE`."""
        self.invalid = 0
        """Invalid byte sequences replaced so far."""
        self.dropped = 0
        """Characters dropped: paste beyond `PASTE_MAX`, keys of a flood."""
        self.floods = 0
        """Chunks treated as a flood."""
        self.strays = 0
        """Terminal sequences dropped that Textual would have typed as keys."""
        self._in_string = False
        """Inside an OSC, DCS, APC, PM or SOS string whose end has not come yet."""
        self._cut = False
        """The last paste was closed by a silence (`idle`): its end may still come."""
        self._rest = ""
        """After a cut: what came since, with no end marker yet (held, `REST_WAIT_S`)."""
        self._clock = 0.0
        """Seconds since the guard began, summed from each read's `since`."""
        self._recent: deque[tuple[float, int]] = deque()
        """(when, keys) of the reads of the last `RATE_WINDOW_S` (`_too_fast`)."""
        self._last_key = ""
        """The last key counted: its repeats are a held key, not counted (`_rate_keys`)."""

    @property
    def holding(self) -> bool:
        """Something waits for more input (a half marker, an open paste or string)."""
        return bool(self._held or self._rest) or self._in_paste or self._in_string

    def feed(
        self, data: bytes, *, waited: float = 1.0, since: float | None = None, final: bool = False
    ) -> list[str | Pasted]:
        """What one read of `data` means, in order. `waited`: seconds the input thread
        waited for these bytes; `since`: seconds since the read before (`waited` when not
        given). Only a flood's own continuation is judged by them: typing is told from
        pasting by the bytes alone, see `FLOOD_CHARS`."""
        before = _REPLACED[0]
        text = self._decoder.decode(data, final=final)
        self.invalid += _REPLACED[0] - before
        text, self._held = self._held + text, ""
        if self._cut:
            # The rest of a paste that a silence cut (a stalled link): up to its end marker
            # it is pasted text, not keys. Typed, its line breaks sent a chat message
            # half-way; in the queue its letters could act (sec12). It may come in several
            # reads: held until its end marker comes, or `REST_WAIT_S` of silence (sec13).
            text, self._rest = self._rest + text, ""
            end, start = text.find(PASTE_END), text.find(PASTE_START)
            if end < 0 and start < 0 and not final and len(text) <= PASTE_MAX:
                self._rest = text
                self._full = len(data) >= READ_SIZE
                return []
            self._cut = False
            self._in_paste = end >= 0 and not 0 <= start < end
        return self._judged(text, data, waited, final, since)

    def rest_waiting(self, waiting: bool) -> None:
        """What the terminal held unread once the last read was handled (the driver asks it:
        FIONREAD). Bytes already waiting then are the flood's rest however late they are read
        (an input thread stalled by a loaded machine: before sec17 a rest under `FLOOD_CHARS`
        read 0.25 s late was typed, its Enter sent). A pty never fills `READ_SIZE` (it gives
        4,095 bytes a read), so the full-read test below never told it; and where a read can
        fill it, a flood that ended on a full read swallowed the next key, however much later."""
        self._full = waiting

    def _judged(
        self, text: str, data: bytes, waited: float, final: bool, since: float | None = None
    ) -> list[str | Pasted]:
        soon = waited < FLOOD_GAP_S and (since is None or since < FLOOD_PAUSE_S)
        continues = self._flooding and (soon or self._full)
        self._flooding, self._full = False, len(data) >= READ_SIZE
        fast = self._too_fast(text, waited if since is None else since) and not _lines(text)
        plain = not self._in_paste and PASTE_START not in text
        if plain and (continues or self._is_flood(text) or fast):
            return self._flood(text, by_rate=fast)
        return self._split(text, final)

    def _too_fast(self, text: str, since: float) -> bool:
        """Whether this read and those of the last `RATE_WINDOW_S` before it came faster than
        anyone types (`TYPING_RATE`), over at least `RATE_KEYS` keys: a paste in pieces too
        small to be a flood each. The rate runs from the window's first read, whose own keys
        came before it, to now: keys read later came after it, however a stall bunched them.
        This read must be that fast itself (its keys over the time since the read before): a
        key typed after a paste, at a person's pace, stays a key."""
        keys = self._rate_keys(text)
        recent = self._recent
        if since <= 0 and recent:
            # The rest of the read before (a browser's packets of one message): the keys came
            # together with its own, over the time it was judged by; not a rate of their own.
            # Judged alone, 30 keys queued through a stall came "in no time" (sec18).
            when, count = recent.pop()
            recent.append((when, count + keys))
            return False
        self._clock += max(since, 0.0)
        now = self._clock
        recent.append((now, keys))
        while recent and recent[0][0] <= now - RATE_WINDOW_S:
            recent.popleft()
        if len(recent) < 2 or keys == 0:
            return False
        later = sum(count for _when, count in list(recent)[1:])
        span = now - recent[0][0]
        return (
            later >= RATE_KEYS
            and later > TYPING_RATE * span
            and keys > TYPING_RATE * max(since, 0.0)
        )

    def _rate_keys(self, text: str) -> int:
        """Keys in `text` for `_too_fast`: its characters outside escape sequences and terminal
        strings (mouse reports, arrows, F-keys are not typing speed), a character repeated
        counted once (a held key: backspace, a letter)."""
        if _MAY_STRAY.search(text):
            text = _SEQUENCE.sub("", _STRING.sub("", text))
        if not text:
            return 0
        keys = len(_RUN.findall(text)) - (text[0] == self._last_key)
        self._last_key = text[-1]
        return keys

    def _is_flood(self, text: str) -> bool:
        """More than a person types, or a terminal sends as one line, in one read (a
        terminal string's bytes, dropped anyway, not counted)."""
        most = self.typed_at_once
        if len(text) <= most:
            return False
        if self._in_string:  # the rest of a string begun in an earlier read
            end = _STRING_END.search(text)
            text = "" if end is None else text[end.end() :]
        text = _STRING.sub("", text)
        return len(_SEQUENCE.sub("", text)) > most and not self._queued_keys(text)

    def _queued_keys(self, text: str) -> bool:
        """Keys that queued while the app was busy and came in one read, not a paste: in an
        app of one-letter keys (`typed_at_once` 1), every character stands alone between
        escape sequences (arrows, F-keys, Esc), at least one of them there, and no more
        than `BURST_KEYS` keys. A paste of text has letters side by side, and a terminal
        that pastes sends no arrow keys in it (one that brackets its pastes is not asked
        at all). Letters alone side by side ("np") stay a paste: "no" or "pop" pasted
        without markers must not become verdicts."""
        if self.typed_at_once != 1 or "\x1b" not in text:
            return False
        runs = _SEQUENCE.split(text)[::2]  # the text between sequences (split keeps groups)
        return len(runs) <= BURST_KEYS + 1 and all(len(run) <= 1 for run in runs)

    def _stop_burst(self, text: str) -> str:
        """A burst of queued keys up to its first stop key (see `stops`); the rest dropped."""
        if not self.stops or len(_SEQUENCE.sub("", text)) <= self.typed_at_once:
            return text
        at = 0
        for match in _SEQUENCE.finditer(text):
            key = text[at : match.start()]
            if key and key in self.stops:
                self.dropped += len(text) - match.start()
                return text[: match.start()]
            at = match.end()
        return text

    def idle(self, silent_s: float) -> list[str | Pasted]:
        """No input for `silent_s` seconds: let held text go, close a paste left open."""
        out: list[str | Pasted] = []
        if self._rest and silent_s >= REST_WAIT_S:
            # No end marker came: what followed the cut paste is typing, as it was read.
            rest, self._rest, self._cut = self._rest, "", False
            out += self._judged(rest, b"", silent_s, False)
        if self._held and not self._in_paste and silent_s >= HOLD_S:
            out.append(self._held)
            self._held = ""
        if self._in_paste and silent_s >= PASTE_IDLE_S:
            self._held = ""
            out.append(self._close_paste())
            self._cut = True
        if self._in_string and silent_s >= PASTE_IDLE_S:
            self._in_string = False  # a string that never ended: what follows is typing
        return out

    # ------------------------------------------------------------------ inside

    def _split(self, text: str, final: bool) -> list[str | Pasted]:
        out: list[str | Pasted] = []
        while text:
            if self._in_paste:
                end = text.find(PASTE_END)
                if end < 0:
                    keep = 0 if final else _held_prefix(text, PASTE_END)
                    self._add_paste(text[: len(text) - keep])
                    self._held = text[len(text) - keep :]
                    return out
                self._add_paste(text[:end])
                out.append(self._close_paste())
                text = text[end + len(PASTE_END) :]
                continue
            start = text.find(PASTE_START)
            if start < 0:
                keep = (
                    0
                    if final
                    else max(_held_prefix(text, PASTE_START), _open_csi(text), _open_string(text))
                )
                out += self._plain(text[: len(text) - keep])
                self._held = text[len(text) - keep :]
                return out
            out += self._plain(text[:start])
            self._in_paste = True
            text = text[start + len(PASTE_START) :]
        return out

    def _plain(self, text: str) -> list[str | Pasted]:
        """Text outside a paste: keys, unless it is a flood (e.g. bytes that followed
        an end-of-paste sequence planted inside a paste)."""
        text = self._without_strays(text.replace(PASTE_END, ""))
        if not text:
            return []
        return self._flood(text) if self._is_flood(text) else [self._stop_burst(text)]

    def _without_strays(self, text: str) -> str:
        """`text` without the terminal strings and unknown CSI sequences in it (see the
        module's docstring); a string still open at the end is dropped as it comes."""
        if not self._in_string and not _MAY_STRAY.search(text):
            return text  # most reads: typed letters
        kept: list[str] = []
        at = 0
        while at < len(text):
            if self._in_string:
                end = _STRING_END.search(text, at)
                stop = len(text) if end is None else end.end()
                self.dropped += stop - at
                at = stop
                self._in_string = end is None
                continue
            start = _STRING_START.search(text, at)
            if start is None or start.end() == len(text):  # ESC ] alone: Alt+], a key
                kept.append(text[at:])
                break
            if start.group() in ("\x1b]", "\x9d") and not text[start.end()].isdigit():
                kept.append(text[at : start.end()])  # an OSC's command is a number: Alt+] a
                at = start.end()
                continue
            kept.append(text[at : start.start()])
            self.strays += 1
            self._in_string = True
            self.dropped += start.end() - start.start()
            at = start.end()
        return _CSI.sub(self._csi, "".join(kept))

    def _csi(self, match: re.Match[str]) -> str:
        if understood(match.group()) and not oversized(match.group()):
            return match.group()
        self.strays += 1
        self.dropped += len(match.group())
        return ""

    def _add_paste(self, text: str) -> None:
        room = PASTE_MAX - self._paste_len
        if len(text) > room:
            self.dropped += len(text) - max(room, 0)
            text = text[: max(room, 0)]
        if text:
            self._paste.append(text)
            self._paste_len += len(text)

    def _close_paste(self) -> Pasted:
        text = "".join(self._paste).replace("\x00", "")
        if _MAY_STRAY.search(text):
            # A terminal string or escape sequence inside a paste is dropped whole, its
            # text too: the text box keeps printable characters only, so an OSC 52 in an
            # unended paste was logged as the candidate's "]52;c;..." (sec-fuzz9).
            kept = _SEQUENCE.sub("", _STRING.sub("", text))
            self.strays += 1
            self.dropped += len(text) - len(kept)
            text = kept
        pasted = Pasted(text)
        self._paste, self._paste_len, self._in_paste = [], 0, False
        return pasted

    def _flood(self, text: str, by_rate: bool = False) -> list[str | Pasted]:
        """More than anyone types at once: one paste of its printable text (counted as a
        flood, for a notice, when it is over `FLOOD_CHARS` or came faster than typing)."""
        self.floods += len(text) > FLOOD_CHARS or by_rate
        self._flooding = True
        text = self._without_strays(text.replace(PASTE_END, ""))
        kept = _CONTROL.sub("", _SEQUENCE.sub("", text))
        self.dropped += len(text) - len(kept)
        if len(kept) > PASTE_MAX:
            self.dropped += len(kept) - PASTE_MAX
            kept = kept[:PASTE_MAX]
        return [Pasted(kept)] if kept else []


class ReadTimes:
    """When the input thread read, for `InputGuard.feed`'s `waited` and `since`, on an injected
    clock. `waited` runs from when the thread was done with the read before (`handled`), not
    from the `select` that returned: that select starts again every 0.1 s with nothing to read,
    so a key typed 0.05-0.25 s after a flood came after a "wait" of 0-0.1 s and, one time in
    five or more, under `FLOOD_GAP_S`: taken for the flood's rest and dropped (sec17,
    benchmarks/bench_flood_keys.py: Ctrl+C 0.1 and 0.2 s after a flood's last read lost 1 in 4
    each)."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._read_at = self._free_at = clock()

    def read(self) -> tuple[float, float]:
        """A read now: (seconds since the thread was free to read, seconds since the last read)."""
        now = self._clock()
        waited, since = now - self._free_at, now - self._read_at
        self._read_at = now
        return waited, since

    def handled(self) -> None:
        """The thread is done with the last read and free to read again."""
        self._free_at = self._clock()

    def silent(self) -> float:
        """Seconds since the last read (`InputGuard.idle`)."""
        return self._clock() - self._read_at


__all__ = [
    "BURST_KEYS",
    "FLOOD_CHARS",
    "PASTE_MAX",
    "READ_SIZE",
    "TYPING_RATE",
    "InputGuard",
    "Pasted",
    "ReadTimes",
]
