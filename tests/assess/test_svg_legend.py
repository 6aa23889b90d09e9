"""The timeline's legend (issue 14, finding 14: its sample shapes had empty tooltips)."""

from __future__ import annotations

from helpdesk_tui.assess.svg_timeline import legend_svg


def test_the_legend_has_no_empty_tooltips() -> None:
    legend = legend_svg("en")
    assert "<title></title>" not in legend
    assert legend.count("<text") == 9  # every sample shape keeps its label
