"""A Static that keeps what it rendered, per content, for the next time it is shown.

Moving the queue's cursor shows one ticket after another in the ticket area:
its head, SLA lines and thread were laid out again (wrapped, styled, cut into
lines) on every move, also when the ticket had been shown a moment before,
which is most of the time (a candidate looks up and down the queue). Each
text shown here comes with a key that changes whenever the text would
(the ticket's version, the language); the lines rendered for a key, a size
and a style are kept, and so is the text's height for a width.

`_render_content` is Textual's private hook for a widget's lines; it holds
while Textual is pinned to 8.2.x (docs/known-issues.md), and
`tests/ui/test_kept_text.py` fails if the kept lines ever differ from a
fresh rendering.
"""

from __future__ import annotations

from collections.abc import Hashable

from rich.text import Text
from textual.cache import LRUCache
from textual.widget import _RenderCache
from textual.widgets import Static

KEEP = 64
"""Texts kept per widget: the tickets a candidate moves between, with room to spare."""


class KeptText(Static):
    """`show(key, text)` shows a text; the same key again is free."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.key: Hashable | None = None
        self._lines: LRUCache[Hashable, _RenderCache] = LRUCache(KEEP)
        self._heights: LRUCache[Hashable, int] = LRUCache(KEEP)

    def show(self, key: Hashable, text: Text | str) -> bool:
        """Show `text` (a repaint, no layout); False when `key` is already shown."""
        if key == self.key:
            return False
        self.key = key
        self.update(text, layout=False)
        return True

    def forget(self) -> None:
        """The next `show` shows and renders its text whatever its key: what was kept
        is dropped (a key given again after this may come with another text)."""
        self.key = None
        self._lines.clear()
        self._heights.clear()

    def height_at(self, width: int) -> int:
        """The shown text's height at `width` (wrapped), kept per key."""
        cache_key = (self.key, width)
        height = self._heights.get(cache_key) if self.key is not None else None
        if height is None:
            height = self.get_content_height(self.size, self.size, width)
            if self.key is not None:
                self._heights[cache_key] = height
        return height

    def _render_content(self) -> None:
        cache_key = (self.key, self.size, self.visual_style, self.text_selection)
        kept = self._lines.get(cache_key) if self.key is not None else None
        if kept is None:
            super()._render_content()
            if self.key is not None:
                self._lines[cache_key] = self._render_cache
            return
        self._render_cache = kept
        self._dirty_regions.clear()
