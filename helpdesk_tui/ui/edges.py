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

from typing import Any

from rich.text import Text
from textual.cache import LRUCache
from textual.color import Color
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from helpdesk_tui.ui.styles_key import KeptStyles


class Area(KeptStyles, Vertical):
    """One of the exam screen's four areas: a bordered column whose border title names
    what it shows (`set_edge_title`). Its paint's folds over the ancestors' styles
    (background, opacity) are kept per styles path (`styles_key`): a queue cursor step
    repaints the ticket area's title line, and worked them out each time."""

    @property
    def background_colors(self) -> tuple[Color, Color]:
        return self.kept_by_styles("background_colors", lambda: super(Area, self).background_colors)  # type: ignore[no-any-return]

    def render_lines(self, crop: Region) -> list[Strip]:
        """Textual's, with the painted border lines that carry a title (the top and the
        bottom line) kept per look: the title's text and markup, the size, the styles
        path (`kept_by_styles`: border, colours, title styles, background, opacity) and
        the app's ANSI theme. The ticket area's title names the ticket in view, so a
        queue cursor step painted its top line again (a border with a label: a third of
        the step's frame), mostly with a title shown a moment before."""
        cache: Any = self._styles_cache
        width, height = self.region.size
        wanted = [
            y
            for y in {0, height - 1}
            if crop.y <= y < crop.bottom and (y in cache._dirty_lines or y not in cache._cache)
        ]
        if not wanted or cache._width not in (width, None):
            return super().render_lines(crop)
        kept: dict[tuple[object, ...], Strip] = self.kept_by_styles("edges", dict)
        app = self.app
        look = (
            width,
            height,
            _label(self._border_title),
            _label(self._border_subtitle),
            app.ansi_theme,
            app.native_ansi_color,
        )
        for y in wanted:
            line = kept.get((y, *look))
            if line is not None:
                cache._cache[y] = line
                cache._dirty_lines.discard(y)
        lines = super().render_lines(crop)
        if len(kept) >= EDGES_KEPT:
            kept.clear()
        for y in wanted:
            line = cache._cache.get(y)
            if line is not None and cache._width == width:
                kept[(y, *look)] = line
        return lines


EDGES_KEPT = 128
"""Painted title lines kept per area and styles path (a ticket each, with room)."""


def _label(content: Content | None) -> tuple[str, tuple[object, ...]] | None:
    """A border label's text and markup (a `Content` equals another of the same text)."""
    return None if content is None else (content.plain, tuple(content.spans))


_TITLES: LRUCache[str, Content] = LRUCache(256)
"""Titles as `set_edge_title` shows them, per text (Textual's markup parse of the title,
for every title set: a queue cursor step sets the ticket area's)."""


def set_edge_title(widget: Widget, text: str, *, bottom: bool = False) -> None:
    """Set the border title (or subtitle with `bottom`) and repaint that line only."""
    name = "_border_subtitle" if bottom else "_border_title"
    attribute = "border_subtitle" if bottom else "border_title"
    if not widget.is_mounted or not widget.size:
        setattr(widget, attribute, text)  # nothing painted yet: the ordinary way
        return
    shown = _TITLES.get(text) if type(widget).render_str is Widget.render_str else None
    if shown is None:
        shown = widget.render_str(text).expand_tabs(4).split()[0]
        if type(widget).render_str is Widget.render_str:
            _TITLES[text] = shown
    setattr(widget, name, shown)
    width, height = widget.outer_size
    offset = widget.content_offset
    y = height - 1 if bottom else 0
    widget.refresh(Region(-offset.x, y - offset.y, width, 1))


def title_room(widget: Widget) -> int:
    """The cells a border title can use: Textual keeps a corner and a blank at each end
    of the edge (`render_border_label`, called with the edge less its two corners)."""
    return widget.outer_size.width - 6 if widget.size else 1 << 16


TEXTUAL_MARKUP = Content.from_markup
"""Textual's markup parser as Textual ships it (`read_no_markup` replaces it): for the tests
that show what it would have made of a text."""


def read_no_markup() -> None:
    """No text is ever read as Textual markup in our apps: every `str` Textual is handed
    is shown as it is. Called once where `NoWayOut` is defined (every app of ours mixes it
    in), beside `keep_textual`.

    Text from outside reaches the screens in a hundred places (the candidate's typing, a
    scenario's names, subjects and KB titles, a log's records, file names, refusal
    reasons) and each was a way to crash the exam or plant a click action: a queue search
    `[a="b` raised MarkupError and ended the exam unsealed (pty21), a customer named
    `Marc [a="b` in a scenario did the same through the reply box's placeholder, and
    `[@click=app.quit]x[/]` in a log's header made a link that ended the room (sec20).
    Escaping each place (the old `as_text`) leaves the next place unescaped. Our own texts
    use no markup (styles come as `Content`/`Text` spans, the catalogues hold none), so
    the one rule is Textual's: `Content.from_markup`, which every path from a `str` to the
    screen goes through (`Static`, `Label`, `Option` prompts, border titles, tooltips,
    `Button`/`Tab` labels, `TextArea` placeholders, notifications), returns the text
    itself; and the DataTable's cells, which Textual reads with Rich's markup, are plain
    `Text`. `tests/ui/test_sec22_no_markup.py` pins both against the pinned Textual 8.2.x
    (docs/known-issues.md)."""
    if getattr(Content.from_markup, "__func__", None) is _literal.__func__:
        return
    Content.from_markup = _literal  # type: ignore[method-assign]
    from textual.widgets import _data_table

    _TEXTUAL_CELL.append(_data_table.default_cell_formatter)
    _data_table.default_cell_formatter = _plain_cell


@classmethod  # type: ignore[misc]
def _literal(cls: type[Content], markup: str | Content, **variables: object) -> Content:
    """`Content.from_markup` in our apps: the text as it is (`variables` have no place)."""
    return markup if isinstance(markup, Content) else cls(markup)


def _plain_cell(obj: object, wrap: bool = True, height: int = 0) -> Any:
    """Textual's `default_cell_formatter`, with a `str` cell as plain `Text` (Textual reads
    it with Rich's markup: "[kb-1]" vanished, `[@click=...]` made a link)."""
    textual_cell = _TEXTUAL_CELL[0]
    if isinstance(obj, str):
        return textual_cell(Text(obj, no_wrap=not wrap, end=""), wrap, height)
    return textual_cell(obj, wrap, height)


_TEXTUAL_CELL: list[Any] = []
"""Textual's own cell formatter, once `read_no_markup` has put `_plain_cell` in its place."""


def fitting_title(widget: Widget, *variants: str) -> str:
    """The first of `variants` (longest first) that the widget's border shows whole, else
    the last: a title with its secondary part dropped beats one cut in the middle."""
    room = title_room(widget)
    for text in variants:
        if widget.render_str(text).cell_length <= room:
            return text
    return variants[-1]
