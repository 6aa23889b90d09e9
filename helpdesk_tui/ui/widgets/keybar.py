"""The footer: the keys that apply now, each with its description, on one or two lines.

It shows what Textual's `Footer` shows (the screen's active bindings, those
that `check_action` hides left out, disabled ones dimmed), but draws them as
text in one widget. The stock footer rebuilds a widget per key on every focus
change, which costs a
full layout each time; this one only repaints, so moving between areas stays
quick. A click on a key presses it. Every key shows its own description (a
group of keys under one label read as keys without labels), on a second line
when one is not enough, and "F1 more keys" where even two are not.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rich.text import Text
from textual import events
from textual.binding import ActiveBinding
from textual.cache import LRUCache
from textual.screen import Screen
from textual.widget import Widget, _RenderCache

from helpdesk_tui.i18n import _

KEEP = 16
"""Sets of keys kept (one per area and state a candidate moves between)."""
MAX_LINES = 2
"""A narrow terminal gets a second line of keys; what fits in neither is one F1 away."""


class KeyBar(Widget):
    """One or two lines of keys and what they do; clicking a key presses it."""

    COMPONENT_CLASSES = {"keybar--key", "keybar--description", "keybar--disabled"}

    def __init__(self, *, max_lines: int = MAX_LINES, **kwargs: Any) -> None:
        """`max_lines`: the lines the keys may take before the last place says "F1 more
        keys" (the review, with more keys and room to spare, takes three)."""
        super().__init__(**kwargs)
        self.max_lines = max_lines
        self._entries: list[tuple[Text, str]] = []
        self._lines: list[Text] = []
        self._hits: list[tuple[int, int, int, str]] = []
        self._laid_out_for: tuple[object, ...] = ()
        self._shown: tuple[tuple[str, str, bool, str], ...] = ()
        self._styled = 0
        """Bumped whenever the look changes (`notify_style_update`): kept lines are not used."""
        self._look: tuple[object, ...] = ()
        self._kept_entries: LRUCache[object, list[tuple[Text, str]]] = LRUCache(KEEP)
        self._kept_lines: LRUCache[object, _RenderCache] = LRUCache(KEEP)
        self._kept_layouts: LRUCache[object, tuple[list[Text], list[Any]]] = LRUCache(KEEP)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.call_after_refresh(self._bindings_changed, self.screen)

    def _bindings_changed(self, screen: Screen[Any]) -> None:
        if screen is not self.screen:
            return
        shown = self._shown_keys()
        if shown != self._shown:
            self._show(shown)

    def _show(self, shown: tuple[tuple[str, str, bool, str], ...]) -> None:
        self._shown = shown
        entries = self._kept_entries.get(shown)
        if entries is None:
            entries = [
                (self._entry(display, description, enabled=enabled), key)
                for display, description, enabled, key in shown
            ]
            self._kept_entries[shown] = entries
        self._entries = entries
        self._lay_out()
        self.refresh()

    def _shown_keys(self) -> tuple[tuple[str, str, bool, str], ...]:
        """One (key shown, description, enabled, key pressed) per action, as the footer
        shows them. Moving between areas swaps between a few such sets: each set's
        texts, lines and rendered lines are kept (`_kept_entries`, `_render_content`)."""
        by_action: dict[str, list[Any]] = defaultdict(list)
        active_bindings = [*self.screen.active_bindings.values(), *self._app_priority()]
        # Keys that work everywhere (the exam's Proctor, the practice Pause) first, so a
        # narrow terminal never cuts them off.
        for active in sorted(active_bindings, key=lambda a: not a.binding.priority):
            if active.binding.show:
                by_action[active.binding.action].append(active)
        shown = []
        for bindings in by_action.values():
            first = bindings[0]
            display = self.app.get_key_display(first.binding)
            shown.append((display, first.binding.description, first.enabled, first.binding.key))
        return tuple(shown)

    def notify_style_update(self) -> None:
        """When the look changed (a theme, a stylesheet), the kept texts and lines are
        dropped and the keys drawn again. Textual applies the stylesheet again on many
        occasions (a focus move among them) that leave the look as it was."""
        super().notify_style_update()
        if not self.is_mounted:
            return
        look = (
            self.rich_style,
            *(self.get_component_rich_style(name) for name in sorted(self.COMPONENT_CLASSES)),
        )
        if look == self._look:
            return
        self._look = look
        self._styled += 1
        self._kept_entries.clear()
        self._kept_lines.clear()
        self._kept_layouts.clear()
        if self._shown:
            self._show(self._shown)

    def _render_content(self) -> None:
        """Textual's, with the rendered lines kept per set of keys and look: moving
        between areas shows one of a few sets, each rendered once."""
        cache_key = (self._shown, self._styled, self.size, self.visual_style, self._laid_out_for)
        kept = self._kept_lines.get(cache_key)
        if kept is None:
            super()._render_content()
            self._kept_lines[cache_key] = self._render_cache
            return
        self._render_cache = kept
        self._dirty_regions.clear()

    def _app_priority(self) -> list[ActiveBinding]:
        """On a dialog, the app's priority keys (Pause, Proctor): they work there too, but
        Textual leaves every app key out of a modal screen's active bindings."""
        screen, app = self.screen, self.app
        if not screen.is_modal:
            return []
        shown = screen.active_bindings
        found = []
        for key, binding in app._bindings:
            if binding.priority and key not in shown:
                state = app._check_action_state(binding.action, app)
                if state is not False:
                    found.append(ActiveBinding(app, binding, bool(state), binding.tooltip))
        return found

    def _entry(self, key: str, description: str, *, enabled: bool = True) -> Text:
        key_style = self.get_component_rich_style("keybar--key", partial=True)
        text_style = self.get_component_rich_style("keybar--description", partial=True)
        off_style = self.get_component_rich_style("keybar--disabled", partial=True)
        entry = Text(no_wrap=True)
        entry.append(f" {key} ", style=key_style if enabled else off_style)
        entry.append(description + "  ", style=text_style if enabled else off_style)
        return entry

    def _lay_out(self) -> None:
        """Whole entries over at most `max_lines` lines, in order; when some do not fit, the
        last place says that F1 shows every key (never a key cut from its description),
        and F1's own entry goes last: the marker is that key, never shown twice. Each
        set's lines are kept per width: an area switch swaps sets (issue 14)."""
        width = self.size.width or self.app.size.width
        laid_out_for = (self._shown, self._styled, width, self.max_lines)
        if self._laid_out_for == laid_out_for:
            return
        self._laid_out_for = laid_out_for
        kept = self._kept_layouts.get(laid_out_for)
        if kept is None:
            kept = self._kept_layouts[laid_out_for] = self._lines_for(width)
        self._lines, self._hits = kept
        if self.styles.height is None or self.styles.height.value != len(self._lines):
            self.styles.height = len(self._lines)

    def _lines_for(self, width: int) -> tuple[list[Text], list[tuple[int, int, int, str]]]:
        lines, hits, more = self._place(self._entries, width)
        if more and any(key == "f1" for _l, _s, _e, key in hits[:-1]):
            last = [e for e in self._entries if e[1] != "f1"] + [
                e for e in self._entries if e[1] == "f1"
            ]  # F1 last: shown if all fit, else the marker is it
            lines, hits, more = self._place(last, width)
        return lines, hits

    def _place(
        self, entries: list[tuple[Text, str]], width: int
    ) -> tuple[list[Text], list[tuple[int, int, int, str]], bool]:
        """The lines, the click areas, and whether "F1 more keys" had to end them."""
        more = self._entry("F1", _("more keys"))
        lines: list[Text] = [Text(no_wrap=True)]
        hits: list[tuple[int, int, int, str]] = []
        for index, (entry, key) in enumerate(entries):
            last_line = len(lines) == self.max_lines
            rest_fits = sum(len(e) for e, _k in entries[index:]) <= width - len(lines[-1])
            room = width - (len(more) if last_line and not rest_fits else 0)
            if len(lines[-1]) + len(entry) > room + 2:  # its trailing gap may go
                if last_line:
                    lines[-1].append_text(more)
                    hits.append((len(lines) - 1, len(lines[-1]) - len(more), len(lines[-1]), "f1"))
                    return lines, hits, True
                lines.append(Text(no_wrap=True))
            start = len(lines[-1])
            lines[-1].append_text(entry)
            hits.append((len(lines) - 1, start, start + len(entry), key))
        return lines, hits, False

    def on_resize(self) -> None:
        self._lay_out()

    def render(self) -> Text:
        self._lay_out()
        return Text("\n").join(line for line in self._lines) if self._lines else Text()

    def on_click(self, event: events.Click) -> None:
        for line, start, end, key in self._hits:
            if line == event.y and start <= event.x < end:
                self.app.simulate_key(key)
                return
