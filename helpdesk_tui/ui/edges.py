"""Border titles that repaint one line, not the whole bordered area.

Textual's `border_title` and `border_subtitle` repaint the whole widget they
are set on. The exam's areas mark the focused one and name the ticket in
view in their titles, so every cursor move and area switch repainted one or
two quarters of the screen (the queue's area with its 300-row table among
them) for a change of a few characters on a border line. Here only the
border line itself is marked dirty.

It writes the private attributes the descriptor writes (`_border_title`,
`_border_subtitle`), which holds while Textual is pinned to 8.2.x
(docs/known-issues.md); `tests/ui/test_edges.py` fails if that changes.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.widget import Widget


def set_edge_title(widget: Widget, text: str, *, bottom: bool = False) -> None:
    """Set the border title (or subtitle with `bottom`) and repaint that line only."""
    name = "_border_subtitle" if bottom else "_border_title"
    attribute = "border_subtitle" if bottom else "border_title"
    if not widget.is_mounted or not widget.size:
        setattr(widget, attribute, text)  # nothing painted yet: the ordinary way
        return
    shown = widget.render_str(text).expand_tabs(4).split()[0]
    setattr(widget, name, shown)
    width, height = widget.outer_size
    offset = widget.content_offset
    y = height - 1 if bottom else 0
    widget.refresh(Region(-offset.x, y - offset.y, width, 1))


def title_room(widget: Widget) -> int:
    """The cells a border title can use: Textual keeps a corner and a blank at each end
    of the edge (`render_border_label`, called with the edge less its two corners)."""
    return widget.outer_size.width - 6 if widget.size else 1 << 16


def fitting_title(widget: Widget, *variants: str) -> str:
    """The first of `variants` (longest first) that the widget's border shows whole, else
    the last: a title with its secondary part dropped beats one cut in the middle."""
    room = title_room(widget)
    for text in variants:
        if widget.render_str(text).cell_length <= room:
            return text
    return variants[-1]
