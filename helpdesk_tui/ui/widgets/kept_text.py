"""A Static that keeps what it rendered, per content, for the next time it is shown.

Moving the queue's cursor shows one ticket after another in the ticket area:
its head, SLA lines and thread were laid out again (wrapped, styled, cut into
lines) on every move, also when the ticket had been shown a moment before,
which is most of the time (a candidate looks up and down the queue). Each
text shown here comes with a key that changes whenever the text would
(the ticket's version, the language); the lines rendered for a key, a size
and a style are kept, and so is the text's height for a width.

The text's visual (Textual's form of a Rich text) is kept per key too, and
so are the painted lines (what Textual's `StylesCache` makes of the
content: padding, background, the app's line filters), per key and look (size,
style, background, the stylesheet applied): a ticket shown again costs its
frame no line painting, where the StylesCache, which keeps one set of lines,
painted all of them again.

A text that changed in characters only (the SLA lines, every second: "✗ -12:51"
becomes "✗ -12:52") is not rendered at all: its painted lines are those of the
text shown before, with the new characters put in (`retext`), and only those
characters are repainted (branch p-tick12: 2,000 Python calls a tick were its
rendering and styling).

`_render_content` is Textual's private hook for a widget's lines, and
`_Static__content` / `_Static__visual` what `Static.update` sets; it holds
while Textual is pinned to 8.2.x (docs/known-issues.md), and
`tests/ui/test_kept_text.py` fails if the kept lines ever differ from a
fresh rendering.
"""

from __future__ import annotations

from collections.abc import Hashable

from rich.console import RenderableType
from rich.text import Text
from textual._styles_cache import StylesCache
from textual.cache import LRUCache
from textual.color import Color
from textual.geometry import Region, Size, Spacing
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import _RenderCache
from textual.widgets import Static

from helpdesk_tui.ui.retext import Change, alike, line_runs, retext
from helpdesk_tui.ui.styles_key import KeptStyles

KEEP = 64
"""Texts kept per widget: the tickets a candidate moves between, with room to spare."""
CLOCK_TEXTS_KEPT = 8
"""Texts kept by a widget whose text is a clock (`keep=`, the ticket area's SLA lines): a
new text a second, never shown again once past; the one before is what the next is
painted from (`_retext_to`), and a stopped clock's (paused, met) is shown again when the
candidate comes back to its ticket. It kept 64, each with its painted lines, its
rendered lines and its visual (mem23: 0.6 MB of past seconds after 30 minutes)."""
VERSIONS = 2
"""Texts kept per slot (a ticket, `supersede`): the newest and the one before it, which
`_retext_to` paints the new one from. The one before goes once the newest is painted
(`_stale`): a ticket's older version is never shown again."""


class KeptText(KeptStyles, Static):
    """`show(key, text)` shows a text; the same key again is free."""

    def __init__(self, *args: object, keep: int = KEEP, **kwargs: object) -> None:
        """`keep`: the texts kept (their lines, heights, painted lines and visuals)."""
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.key: Hashable | None = None
        self._lines: LRUCache[Hashable, _RenderCache] = LRUCache(keep)
        self._heights: LRUCache[Hashable, int] = LRUCache(keep)
        self._painted: LRUCache[Hashable, list[Strip]] = LRUCache(keep)
        self._visuals: LRUCache[Hashable, Visual] = LRUCache(keep)
        self._styled = 0
        """Bumped whenever the stylesheet is applied to this widget (or an ancestor:
        Textual applies it to the descendants too): painted lines of before are not used."""
        self._retext_from: tuple[Hashable, Hashable, dict[int, list[Change]]] | None = None
        """(the key shown before, the key shown, the changes of characters per painted
        line from the one to the other) for `render_lines` (`_retext_to`)."""
        self.retexted = 0
        """Texts painted by putting characters in (tests and benchmarks read it)."""
        self._slots: dict[Hashable, list[Hashable]] = {}
        """Per slot (a ticket), its latest keys, newest last (`supersede`)."""
        self._slot_of: dict[Hashable, Hashable] = {}
        """Each key in `_slots`, to its slot."""
        self._stale: Hashable | None = None
        """A superseded key that was shown when its newer one came: dropped once the key
        shown after it is painted (`render_lines`). It stayed until the next version, so
        a ticket's thread was kept twice: whole lines, painted, at its full height
        (mem21: the ticket area held half a megabyte more after 30 minutes of notes)."""

    def show(self, key: Hashable, text: RenderableType) -> bool:
        """Show `text` (a repaint, no layout); False when `key` is already shown."""
        if key == self.key:
            return False
        if self.key is not None and self._superseded(self.key):
            self._stale = self.key
        if key not in self._visuals and self._retext_to(key, text):
            return True  # (a text shown before is painted from its kept lines: cheaper)
        self._retext_from = None
        self.key = key
        visual = self._visuals.get(key)
        if visual is None:
            self.update(text, layout=False)
            self._visuals[key] = self.visual
        else:  # what `update` does, without turning the text into a visual again
            self._Static__content = text
            self._Static__visual = visual
            self.refresh(layout=False)
        return True

    def _retext_to(self, key: Hashable, text: RenderableType) -> bool:
        """Show `text` as the text shown with other characters, where it is one
        (`retext.alike`): its lines are painted from the shown text's painted lines
        (`render_lines`), and only the changed characters are repainted."""
        old = self._Static__content  # type: ignore[has-type]
        if (
            self.key is None
            or type(old) is not Text  # (`alike` asks it too, after the widget's size)
            or type(text) is not Text
            or self.text_selection is not None
            or not alike(old, text, self.size.width)
        ):
            return False
        gutter = self.content_offset
        changes: dict[int, list[Change]] = {}
        for line, at, before, after in line_runs(old.plain, text.plain):  # type: ignore[attr-defined]
            changes.setdefault(gutter.y + line, []).append((gutter.x + at, before, after))
        if not changes:
            return False
        self._retext_from = (self.key, key, changes)
        self.key = key
        self._Static__content = text
        self._Static__visual = self._visuals.get(key)  # None: made when Textual needs it
        for y, line_changes in changes.items():
            x = min(at for at, _before, _after in line_changes)
            right = max(at + len(before) for at, before, _after in line_changes)
            self.refresh(Region(x - gutter.x, y - gutter.y, right - x, 1))
        self._styles_cache.clear()  # its lines are the text's of before: all to paint again
        return True

    def supersede(self, slot: Hashable, key: Hashable) -> None:
        """`key` is the newest text of `slot` (a ticket's head or thread at its version):
        what is kept for the slot's versions before the last `VERSIONS` is dropped. A
        ticket's older version is never shown again, and its lines stayed until 64 newer
        texts pushed them out: a chat's every message is a new version of its ticket's
        thread, so an exam's memory grew by whole threads, about 1 MB a minute of a
        candidate's work (sec18, a pty candidate over 900 s)."""
        keys = self._slots.setdefault(slot, [])
        if key in keys:
            return
        keys.append(key)
        self._slot_of[key] = slot
        while len(keys) > VERSIONS:
            old = keys.pop(0)
            self._slot_of.pop(old, None)
            if old != self.key:
                self._drop(old)

    def _superseded(self, key: Hashable) -> bool:
        """Whether a newer text of `key`'s slot came (`supersede`)."""
        keys = self._slots.get(self._slot_of.get(key))
        return bool(keys) and key in keys and keys[-1] != key  # type: ignore[operator,index]

    def _drop_stale(self) -> None:
        """The superseded text shown before the one now painted (`_stale`): dropped."""
        stale, self._stale = self._stale, None
        if stale is None or stale == self.key:
            return
        keys = self._slots.get(self._slot_of.pop(stale, None))
        if keys and stale in keys:
            keys.remove(stale)
        self._drop(stale)

    def _drop(self, key: Hashable) -> None:
        """Everything kept for `key`: its visual, heights, rendered and painted lines."""
        self._visuals.discard(key)
        for cache in (self._lines, self._heights, self._painted):
            kept = cache.keys()  # a view of the LRU's dict (it has no __iter__ of its own)
            for cache_key in [k for k in kept if k[0] == key]:  # type: ignore[index]
                cache.discard(cache_key)

    def forget(self) -> None:
        """The next `show` shows and renders its text whatever its key: what was kept
        is dropped (a key given again after this may come with another text)."""
        self.key = None
        self._retext_from = None
        self._lines.clear()
        self._heights.clear()
        self._painted.clear()
        self._visuals.clear()
        self._slots.clear()
        self._slot_of.clear()
        self._stale = None

    def height_at(self, width: int) -> int:
        """The shown text's height at `width` (wrapped), kept per key.

        A text shown for the first time was wrapped twice: once here for its height
        (Textual wraps a copy without styles) and once more for its lines. Here the
        lines are rendered at once, for the size the view will give the text (its
        width, as tall as its lines), and kept for `_render_content`: one wrap."""
        cache_key = (self.key, width, self._styled)
        height = self._heights.get(cache_key) if self.key is not None else None
        if height is None:
            strips = self._whole_lines(width)
            if strips is None:
                height = super().get_content_height(self.size, self.size, width)
            else:
                height = self._keep_lines(self.key, width, strips)
            if self.key is not None:
                self._heights[cache_key] = height
        return height

    def prepare(self, key: Hashable, text: RenderableType, width: int) -> bool:
        """Render `text` under `key` at `width` before it is shown, into what `show`,
        `height_at` and `_render_content` then use: shown later, it costs what a text
        shown before does.
        False when nothing was done: the key is kept already, or its lines cannot be
        rendered ahead (see `_whole_lines`). Its lines are painted ahead too where that
        is what a frame paints (`_paint_ahead`)."""
        if (key, width, self._styled) in self._heights or not self._whole(width):
            return False
        visual = self._visuals.get(key)
        if visual is None:  # as `Static.update` makes it
            visual = self._visuals[key] = visualize(self, text, markup=self._render_markup)
        strips = Visual.to_strips(self, visual, width, None, self.visual_style)
        self._heights[(key, width, self._styled)] = self._keep_lines(key, width, strips)
        self._paint_ahead(key, strips)
        return True

    def _paint_ahead(self, key: Hashable, strips: list[Strip]) -> None:
        """Paint `strips` as `render_lines` will when `key` is shown at their height
        (Textual's `StylesCache.render_widget`, with the lines given): only for a widget
        whose outer size is its content's (no padding, border or border titles) and
        whose links need no hover style, as the ticket area's parts are."""
        width, height = self.size.width, len(strips)
        if (
            self.BLANK
            or width != self.region.width
            or self.styles.gutter != Spacing()
            or self._border_title is not None
            or self._border_subtitle is not None
            or (self.auto_links and self.hover_style._link_id)
        ):
            return
        size = Size(width, height)
        base_background, background = colors = self.background_colors
        filters = self.get_line_filters()
        app = self.app
        painted = StylesCache().render(
            self.styles,
            size,
            base_background,
            background,
            strips.__getitem__,
            filters,
            None,
            None,
            content_size=size,
            padding=self.styles.padding,
            crop=size.region,
            opacity=self.opacity,
            ansi_theme=app.ansi_theme,
            native_ansi=app.native_ansi_color,
        )
        look = (
            key,
            width,
            height,
            self._styled,
            colors,
            self.visual_style,
            tuple(map(id, filters)),
        )
        self._painted[look] = painted

    def _keep_lines(self, key: Hashable, width: int, strips: list[Strip]) -> int:
        """Keep `strips` as the lines `_render_content` gives for `key` at their size."""
        size = Size(width, len(strips))
        self._lines[(key, size, self.visual_style, None)] = _RenderCache(size, strips)
        return len(strips)

    def _whole(self, width: int) -> bool:
        """Whether a text's whole lines at `width` are what Textual's `_render_content`
        renders at that width and their own height."""
        return bool(
            width
            and self.text_selection is None
            and self.styles.content_align == ("left", "top")
            and not self.screen._selecting
        )

    def _whole_lines(self, width: int) -> list[Strip] | None:
        """All the lines of the shown text at `width`, as Textual's `_render_content`
        renders them at that width and their own height; None where that does not
        hold or the text has no key (then Textual's own ways are used)."""
        if self.key is None or not self._whole(width):
            return None
        return Visual.to_strips(self, self._render(), width, None, self.visual_style)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The kept height of the shown text at `width` (`height_at`), else Textual's.
        Kept per look too: a stylesheet applied again may wrap the text otherwise."""
        if self.key is not None:
            height = self._heights.get((self.key, width, self._styled))
            if height is not None:
                return height
        return super().get_content_height(container, viewport, width)

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

    def _retexted(self, look: tuple[object, ...]) -> list[Strip] | None:
        """The painted lines of the text shown, as those of the text before in the same
        look with the changed characters put in (`_retext_to`); None when those are not
        kept or do not show the old characters where they were."""
        moved = self._retext_from
        if moved is None or moved[1] != self.key:
            return None
        old_key, _key, changes = moved
        before = self._painted.get((old_key, *look[1:]))
        if before is None:
            return None
        lines = list(before)
        for y, line_changes in changes.items():
            if not 0 <= y < len(lines):
                return None
            line = retext(lines[y], line_changes)
            if line is None:
                return None
            lines[y] = line
        self._painted[look] = lines
        self.retexted += 1
        return lines

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styled += 1

    @property
    def background_colors(self) -> tuple[Color, Color]:
        """Textual's, kept while no style on its path changed (`styles_key`): each paint
        asks for it (its look, `StylesCache`)."""
        return self.kept_by_styles(
            "background_colors", lambda: super(KeptText, self).background_colors
        )  # type: ignore[no-any-return]

    def render_lines(self, crop: Region) -> list[Strip]:
        """The painted lines of `crop`: kept per key and look, painted whole once."""
        if self.key is None or self.text_selection is not None:
            return super().render_lines(crop)
        width, height = self.size
        look = (
            self.key,
            width,
            height,
            self._styled,
            self.background_colors,
            self.visual_style,
            tuple(map(id, self.get_line_filters())),
        )
        lines = self._painted.get(look)
        if lines is None:
            lines = self._retexted(look)
        if lines is None:
            lines = super().render_lines(Region(0, 0, width, height))
            self._painted[look] = lines
        if self._stale is not None:
            self._drop_stale()
        lines = lines[crop.y : crop.bottom]
        if crop.x or crop.width != width:
            lines = [line.crop(crop.x, crop.right) for line in lines]
        return lines
