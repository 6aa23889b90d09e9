"""A one-line text box whose typing repaints the box and lays out nothing else."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input


class SteadyInput(Input):
    """An `Input` of a fixed size (the chat reply box, the KB search box).

    Textual's `Input` sets its virtual width (for scrolling) from its text on
    every key, and that is a layout attribute: each key laid out the whole main
    screen again, a third of the exam's CPU while a candidate types a reply
    (benchmarks/bench_sitting.py, issue 15). These boxes' size never depends on
    their text (fixed height, full width), so that refresh is made a repaint;
    scrolling reads the virtual width directly and needs no layout. Any other
    layout request (a style change) is passed on as it is.
    """

    _typing = False

    def _watch_value(self, value: str) -> None:
        self._typing = True
        try:
            super()._watch_value(value)
        finally:
            self._typing = False

    def refresh(
        self, *regions: Any, repaint: bool = True, layout: bool = False, recompose: bool = False
    ) -> SteadyInput:
        if self._typing:
            layout = False
        super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
        return self
