"""Text from a log, a scenario or a probe, printed on an assessor's terminal without its control codes.

A log handed to `report` is hostile: its texts are JSON strings, and a JSON escape
("\\u001b") puts an escape sequence in them that the candidate's keyboard never could
(the input guard drops them). Printed as it is, "ESC ] 0 ; ..." retitles the assessor's
terminal and "ESC [ 2 J" clears it: the report would show what the log's author wants.
Rich keeps ESC in the text it prints (it strips only BEL, BS, VT, FF and CR), so every
console of ours that prints such text is a `SafeConsole`, which shows a control character
as its visible picture (U+2400 block: "␛" for ESC) and a C1 control as U+FFFD.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.segment import Segment
from rich.style import Style

from helpdesk_tui.no_break import keep_rich
from helpdesk_tui.printable import KEPT, printable, printable_parts

__all__ = ["KEPT", "SafeConsole", "printable"]

MARKER = Style(dim=True, italic=True)
"""How an invisible character's code point stands apart from the words around it."""

keep_rich()  # every console of ours is a SafeConsole: no line breaks at a no-break space


class SafeConsole(Console):
    """A Rich console whose printed text carries no control code but its own styles.

    Rich's own codes travel in control segments (and in styles, written by the
    console); only the text of the other segments is made printable.
    """

    def render(self, renderable: Any, options: Any = None) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            if segment.control or segment.text.isprintable():
                yield segment
                continue
            for part, is_marker in printable_parts(segment.text):  # an invisible one dim (sec21)
                style = (segment.style or Style()) + MARKER if is_marker else segment.style
                yield Segment(part, style)
