"""A log's words on a screen with their invisible characters shown (branch sec21).

A reply "pass\u200bword" read "password" in the review while the language layer read two
words (sec20). Every widget that shows what a candidate, a customer or a scenario wrote
appends it through `append_shown`: each invisible character (`printable.INVISIBLE`, the
bidi controls among them) becomes its code point, dim, so two replies that differ never
look alike, and a literal "⟨U+200B⟩" typed by the candidate stays bright.
"""

from __future__ import annotations

from rich.text import Text

from helpdesk_tui.printable import printable_parts

MARKER_STYLE = "dim italic"
"""How a marker stands apart from the words around it."""


def append_shown(out: Text, text: str, style: str = "") -> Text:
    """Append `text` to `out` in `style`, its control and invisible characters shown."""
    for part, is_marker in printable_parts(text):
        out.append(part, style=f"{style} {MARKER_STYLE}".strip() if is_marker else style)
    return out


def shown(text: str, style: str = "") -> Text:
    """`text` as a new `Text`, shown as `append_shown` shows it."""
    return append_shown(Text(), text, style)
