"""Stop Textual's colour cache from keeping every widget's painted lines alive.

Textual 8.2.x (pinned) decorates the method `StylesCache.get_inner_outer` with
`functools.lru_cache(1024)`, so each cache key holds `self`: a `StylesCache`, and
through its `_cache` every line (`Strip`, with its six filter caches) the widget last
painted. A widget that is removed (a message, a KB result, a form) is freed but its
StylesCache and lines stay until 1,024 newer (cache, colour pair) keys push them out:
branch mem18 measured some 230 strips kept a round of reply, cursor keys and KB search
(`benchmarks/bench_exam_memory.py`). The method never reads `self`; here it is replaced
by the same computation cached on the two colours only, so the cache holds Styles and
Colors, never a widget's lines.
"""

from __future__ import annotations

from functools import lru_cache

from textual._styles_cache import StylesCache
from textual.color import Color
from textual.style import Style


@lru_cache(1024)
def _inner_outer(base_background: Color, background: Color) -> tuple[Style, Style]:
    """Textual's `get_inner_outer`, keyed on the colours alone."""
    return (
        Style(background=base_background + background),
        Style(background=base_background),
    )


def unpin_styles_caches() -> None:
    """Install `_inner_outer` in place of the method (idempotent)."""
    StylesCache.get_inner_outer = staticmethod(_inner_outer)  # type: ignore[assignment,method-assign]
