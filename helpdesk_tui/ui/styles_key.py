"""A widget's `rich_style` and `background_colors`, kept while no style they read changed.

Both fold the styles of the widget and of each of its ancestors up to the app
(Textual's `DOMNode.rich_style` and `background_colors`: about 280 and 130 Python
calls), and both are asked on every paint: the queue's base style for the lines
DataTable builds, the background for `StylesCache` and for the look a `KeptText`
keeps its painted lines by. A queue cursor step paints the queue and the ticket
area's three texts, so the folds were a tenth of the step's frame (issue 14).

Textual counts the changes of each node's styles (`RenderStyles._cache_key`: it
grows whenever a rule of the node's stylesheet or inline styles is set, cleared,
merged or reset, which is how a restyle, a theme, a focus move and an animation
reach them). A fold is kept with its path: the styles object of each node from
the widget up and their counts; a node moved, added or restyled anywhere on the
path gives another path. The styles objects are held by the entry, so their ids
cannot be another object's while it is kept.

It reads Textual's private `_cache_key` and `_parent` (Textual is pinned to 8.2.x:
docs/known-issues.md); `tests/ui/test_styles_key.py` compares the kept values
with Textual's folds through restyles, a theme and a move between parents.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Path = tuple[int, ...]


def styles_path(node: Any) -> tuple[Path, list[object]]:
    """The path a fold over `node` and its ancestors depends on, and the styles objects
    to hold while it is kept."""
    held: list[object] = []
    counts: list[int] = []
    while node is not None:
        styles = node.styles
        held.append(styles)
        counts.append(styles._cache_key)
        node = node._parent
    return (*map(id, held), *counts), held


class KeptStyles:
    """Mixin for a widget: `kept_by_styles(name, work_out)` gives `work_out()` as worked
    out last for the same styles path; its `opacity` (Textual's: the product of the
    path's opacities, asked on every paint) is kept so."""

    _kept_styles: dict[str, tuple[Path, list[object], Any]] | None = None

    @property
    def opacity(self) -> float:
        return self.kept_by_styles("opacity", lambda: super(KeptStyles, self).opacity)  # type: ignore[misc, no-any-return]

    def kept_by_styles(self, name: str, work_out: Callable[[], Any]) -> Any:
        path, held = styles_path(self)
        kept = self._kept_styles
        if kept is None:
            kept = self._kept_styles = {}
        entry = kept.get(name)
        if entry is not None and entry[0] == path:
            return entry[2]
        value = work_out()
        kept[name] = (path, held, value)
        return value
