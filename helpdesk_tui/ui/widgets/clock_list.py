"""A list whose entries show clocks: an entry that changed is repainted alone.

Textual's `OptionList.replace_option_prompt` forgets every entry's rendering
and repaints the whole list. The conversation list shows "0:45 ago" for each
conversation, so each second every entry changed that way and the whole list
was rendered again, once per entry: 45 % of an idle exam's rendering
(`benchmarks/bench_session.py`, cProfile). `ClockList.set_prompt` forgets only
that entry's rendering and repaints only its lines, when the new prompt takes
as many lines as the old (it falls back to the full replacement otherwise).

It relies on two private parts of Textual's `OptionList` (`_option_render_cache`,
keyed by option first, and `_index_to_line` / `_heights`); Textual is pinned
(docs/known-issues.md) and `tests/ui/test_clock_list.py` checks the result
against a list rendered afresh.
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Region
from textual.widgets import OptionList


def _shape(prompt: object) -> int | None:
    """Lines a prompt takes when it can never wrap (a no-wrap Text), else None."""
    if isinstance(prompt, Text) and prompt.no_wrap:
        return prompt.plain.count("\n") + 1
    return None


class ClockList(OptionList):
    """An `OptionList` whose entries' prompts change in place (see the module)."""

    def set_prompt(self, option_id: str, prompt: Text) -> None:
        """Show `prompt` for this entry, repainting only its lines when it can."""
        index = self.get_option_index(option_id)
        option = self.get_option_at_index(index)
        lines = _shape(prompt)
        if lines is None or _shape(option.prompt) != lines:
            self.replace_option_prompt(option_id, prompt)
            return
        option._set_prompt(prompt)
        cache = self._option_render_cache
        rendered = cache.keys()  # an LRUCache: not iterable itself
        for key in [key for key in rendered if key[0] is option]:
            cache.discard(key)
        first = self._index_to_line.get(index)
        height = self._heights.get(index)
        if first is None or height is None:
            self.refresh()
            return
        top = first - round(self.scroll_offset.y)
        self.refresh(Region(0, top, self.scrollable_content_region.width, height))
