"""`FocusStyled`: a focus move into or out of the reply box restyles it from the styles
the stylesheet gave it before, and those are exactly what a fresh restyle gives."""

from __future__ import annotations

from typing import Any

from textual.css.stylesheet import Stylesheet
from textual.geometry import Region

from helpdesk_tui.ui.widgets.bounded import BoundedTextArea

from .conftest import SIZE, Rig
from .pilot import at


def look(box: BoundedTextArea) -> tuple[Any, ...]:
    """What the stylesheet gave the box, and what it paints."""
    components = {name: styles.get_rules() for name, styles in box._component_styles.items()}
    lines = [list(strip) for strip in box.render_lines(Region(0, 0, *box.outer_size))]
    return dict(box.styles.base._rules), components, box.rich_style, lines


async def test_focus_moves_restyle_the_reply_box_without_matching_the_stylesheet_again(
    rig: Rig, monkeypatch: Any
) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        box = app.main.conversations.input
        await pilot.press("f4", "f2")  # each state restyled once, the full way
        await pilot.pause()
        matched: list[object] = []
        apply = Stylesheet.apply

        def counted(self: Stylesheet, node: Any, **kwargs: Any) -> None:
            matched.append(node)
            apply(self, node, **kwargs)

        monkeypatch.setattr(Stylesheet, "apply", counted)
        await pilot.press("f4")
        await pilot.pause()
        assert app.focused is box
        assert box not in matched
        await pilot.press("f2")
        await pilot.pause()
        assert app.focused is app.main.queue
        assert box not in matched


async def test_the_kept_styles_are_what_a_fresh_restyle_gives_focused_and_not(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        box = app.main.conversations.input
        await pilot.press("f4", "f2", "f4")
        await pilot.pause()
        looks = {}
        for key in ("f2", "f4", "f2"):
            await pilot.press(key)
            await pilot.pause()
            kept = look(box)
            app.update_styles(box, animate=False)  # Textual's own restyle
            await pilot.pause()
            assert look(box) == kept, key
            looks[key] = kept
        assert looks["f2"][0] != looks["f4"][0]  # focused and not really differ (the border)
        assert looks["f2"][3] != looks["f4"][3]
