"""The exam's memory while a candidate works: painted lines of gone widgets are freed.

sec17 measured one candidate's exam growing 1.1 MB a minute, most of it Textual
`Strip`s kept alive. Branch mem18 found the holder: Textual's
`StylesCache.get_inner_outer`, an `lru_cache(1024)` on a method, whose keys keep each
widget's `StylesCache` (and every line it painted) after the widget is gone
(`helpdesk_tui/ui/styles_colors.py`). Driven as `benchmarks/bench_exam_memory.py`
drives it: bench_ui's loaded exam, rounds of reply, cursor keys and KB search.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from textual._styles_cache import StylesCache
from textual.strip import Strip
from textual.widget import Widget

from helpdesk_tui.core.clock import ManualClock

from .pilot import keys

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from bench_exam_memory import round_keys  # noqa: E402
from bench_ui import SIZE, loaded_app  # noqa: E402

EARLY, LATE = 30, 45
SLACK = 600
"""Measured by this test's own loop (mem18, 13:12 UTC): rounds 30 -> 45 added 330 live strips
with the fix (9,664 -> 9,994: the transcript's own lines, some 22 a round) and 1,426 without
it (11,375 -> 12,801); SLACK is about twice the first."""


def live(kind: type) -> int:
    """Objects of `kind` alive, those the exam froze out of the collector's sight included."""
    gc.unfreeze()
    gc.collect()
    return sum(isinstance(o, kind) for o in gc.get_objects())


async def test_no_styles_cache_outlives_its_widget(tmp_path: Path) -> None:
    """Textual gives each widget one StylesCache (`Widget.__init__`); others are a
    painting's temporaries. More of them alive than widgets is lines kept for nobody.
    Measured without the fix: 57 StylesCaches for 33 widgets after six rounds (with it: 33)."""
    app, _writer = loaded_app(tmp_path, ManualClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for n in range(1, 7):
            app.advance(2.0)
            await keys(pilot, *round_keys(n))
        await pilot.pause()
        caches, widgets = live(StylesCache), live(Widget)
        assert caches <= widgets, f"{caches} StylesCaches alive for {widgets} widgets"


async def test_live_strips_level_off_over_rounds(tmp_path: Path) -> None:
    """Strips alive after LATE rounds within SLACK of after EARLY (see SLACK for the figures)."""
    app, _writer = loaded_app(tmp_path, ManualClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        counts = {}
        for n in range(1, LATE + 1):
            app.advance(2.0)
            await keys(pilot, *round_keys(n))
            if n in (EARLY, LATE):
                await pilot.pause()
                counts[n] = live(Strip)
        grown = counts[LATE] - counts[EARLY]
        assert grown <= SLACK, f"{grown} more strips alive after {LATE} rounds than {EARLY}"
