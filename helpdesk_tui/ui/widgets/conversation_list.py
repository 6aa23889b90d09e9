"""The list of conversations, whose entries change one at a time.

Each entry shows how long ago its customer wrote, so with eight chats open
an entry changes every second. Textual's `OptionList.replace_option_prompt`
drops the rendered lines of every option and repaints the whole list for
each such change (the slowest part of the exam's once-a-second redraw after
the queue). Here only the changed option's rendered lines are dropped, and
only its lines are repainted, as long as it keeps its height (every entry
is two lines: who, then channel and time); otherwise it falls back to
Textual's way.

It reaches into OptionList's internals (`_option_render_cache`,
`_index_to_line`, `_heights`), which holds while Textual is pinned to 8.2.x
(docs/known-issues.md); `tests/ui/test_conversations.py` checks the list
shows each new prompt.
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Region
from textual.widgets import OptionList


class ConversationList(OptionList):
    """An OptionList that repaints only the entry that changed."""

    def set_prompt(self, option_id: str, prompt: Text) -> None:
        """Replace one option's prompt, repainting its lines only."""
        index = self.get_option_index(option_id)
        option = self.options[index]
        old_height = self._heights.get(index)
        option._set_prompt(prompt)
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        padding = self.get_component_styles("option-list--option").padding
        if width - padding.width <= 0:
            self._clear_caches()  # not laid out yet (width 0): Rich cannot wrap to it
            return
        new_height = self._get_visual(option).get_height(self.styles, width - padding.width)
        if old_height is None or new_height + option._divider != old_height:
            self._clear_caches()  # the lines below it move: Textual's full way
            return
        kept = list(self._option_render_cache.keys())  # noqa: SIM118 (an LRUCache)
        for key in [k for k in kept if k[0] is option]:
            self._option_render_cache.discard(key)
        top = self._index_to_line[index] - self.scroll_offset.y
        self.refresh(Region(0, top, self.scrollable_content_region.width, old_height))
