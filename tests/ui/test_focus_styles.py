"""`FocusStyled`: a focus move into or out of the reply box restyles it from the styles
the stylesheet gave it before, and those are exactly what a fresh restyle gives."""

from __future__ import annotations

from typing import Any

from textual._text_area_theme import TextAreaTheme
from textual.css.stylesheet import Stylesheet
from textual.geometry import Region
from textual.widgets._toast import Toast

from helpdesk_tui.ui.widgets.bounded import BoundedTextArea
from helpdesk_tui.ui.widgets.focus_styles import THEME_FIELDS, put_back

from .conftest import SIZE, Rig
from .pilot import at


def look(box: BoundedTextArea) -> tuple[Any, ...]:
    """What the stylesheet gave the box, and what it paints."""
    components = {name: styles.get_rules() for name, styles in box._component_styles.items()}
    lines = [list(strip) for strip in box.render_lines(Region(0, 0, *box.outer_size))]
    return dict(box.styles.base._rules), components, box.rich_style, lines


def stylesheet_matches(monkeypatch: Any) -> list[object]:
    """Each node the stylesheet is matched against from now on (a restyle the full way)."""
    matched: list[object] = []
    apply = Stylesheet.apply

    def counted(self: Stylesheet, node: Any, **kwargs: Any) -> None:
        matched.append(node)
        apply(self, node, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", counted)
    return matched


async def test_focus_moves_restyle_the_reply_box_without_matching_the_stylesheet_again(
    rig: Rig, monkeypatch: Any
) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        box = app.main.conversations.input
        await pilot.press("f4", "f2")  # each state restyled once, the full way
        await pilot.pause()
        matched = stylesheet_matches(monkeypatch)
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


async def test_a_notice_shown_or_gone_between_focus_moves_restyles_nothing_afresh(
    rig: Rig, monkeypatch: Any
) -> None:
    """A toast mounted or removed counts as a change below the screen and the app in
    Textual's bookkeeping (`NodeList._updates`), though no selector can see it: the box's
    kept styles still apply (issue 14: every customer message's notice made the next
    F2/F4 restyle the reply box from the stylesheet), and they are a fresh restyle's."""
    app = rig.app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:  # toasts shown
        await at(pilot, 70)
        box = app.main.conversations.input
        await pilot.press("f4", "f2")
        await pilot.pause()
        matched = stylesheet_matches(monkeypatch)
        shown = len(app.main.query(Toast))
        app.notify("A new message from Tom", timeout=30)
        while len(app.main.query(Toast)) == shown:
            await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        assert app.focused is box
        assert box not in matched  # main: restyled from the stylesheet
        app.clear_notifications()
        while app.main.query(Toast):
            await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert box not in matched
        kept = look(box)
        monkeypatch.undo()
        app.update_styles(box, animate=False)  # Textual's own restyle
        await pilot.pause()
        assert look(box) == kept


def theme_look(box: BoundedTextArea) -> tuple[Any, ...]:
    return tuple(getattr(box._theme, name) for name in THEME_FIELDS)


async def test_the_reply_box_works_out_its_theme_once_per_look(rig: Rig, monkeypatch: Any) -> None:
    """TextArea applied its theme's CSS on every paint: each typed letter, each area
    switch. Kept per look, a focus move or a letter applies it no more, and what is
    put back is what `apply_css` gives (focused, not focused, another theme)."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        box = app.main.conversations.input
        await pilot.press("f4", "f2", "f4")  # each look worked out once
        await pilot.pause()
        applied: list[object] = []
        apply_css = TextAreaTheme.apply_css

        def counted(theme: TextAreaTheme, text_area: Any) -> None:
            applied.append(text_area)
            apply_css(theme, text_area)

        monkeypatch.setattr(TextAreaTheme, "apply_css", counted)
        for key in ("h", "i", "f2", "f4", "f2", "f4"):
            await pilot.press(key)
            await pilot.pause()
            kept = theme_look(box)
            apply_css(box._theme, box)  # the way TextArea does it, on every paint
            assert theme_look(box) == kept, key
        assert box.text.endswith("hi")
        assert applied == []  # main: at least once a key (each of the 6 painted the box)
        monkeypatch.setattr(TextAreaTheme, "apply_css", apply_css)
        before = theme_look(box)
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        box.render_lines(Region(0, 0, *box.outer_size))
        kept = theme_look(box)
        assert kept != before  # another theme: worked out again, not the old kept one
        apply_css(box._theme, box)
        assert theme_look(box) == kept


async def both_rules(pilot: Any, app: Any) -> tuple[Any, dict[str, Any], dict[str, Any]]:
    """The reply box, and its rules focused (F4) and not (F2, where it is left)."""
    await at(pilot, 70)
    box = app.main.conversations.input
    rules = []
    for key in ("f4", "f2"):
        await pilot.press(key)
        await pilot.pause()
        rules.append(dict(box.styles.base._rules))
    return box, rules[0], rules[1]


async def test_put_back_leaves_the_rules_textuals_replace_rules_leaves(rig: Rig) -> None:
    """`put_back` sets only the rules that differ; after it the box has exactly the
    rules given, as after `Stylesheet.replace_rules`, both ways."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        box, focused, blurred = await both_rules(pilot, app)
        assert focused != blurred  # a focus move changes some of the box's rules
        for rules in (focused, blurred, focused):
            put_back(box, rules)
            assert dict(box.styles.base._rules) == rules
            Stylesheet.replace_rules(box, rules, animate=True)
            assert dict(box.styles.base._rules) == rules


def fresh_path(box: BoundedTextArea) -> Any:
    """The box's style path worked out now, nothing kept."""
    kept, box._style_paths = box._style_paths, None
    try:
        return box._style_path()
    finally:
        box._style_paths = kept


async def test_an_area_switch_and_back_works_out_no_style_path_again(rig: Rig) -> None:
    """F4 then F2 flip the reply box between two paths: each is worked out once (the
    same object comes back, not one built again), and it is what a fresh one is."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        box = app.main.conversations.input
        paths = {}
        for key in ("f4", "f2", "f4", "f2", "f4"):
            await pilot.press(key)
            await pilot.pause()
            path = box._style_path()
            assert path == fresh_path(box), key
            if key in paths:
                assert path is paths[key], key  # kept, not built again
            paths[key] = path
        assert paths["f4"] != paths["f2"]  # focused and not: two paths


async def test_put_back_repaints_a_recoloured_border_once_and_lays_nothing_out(
    rig: Rig, monkeypatch: Any
) -> None:
    """The four sides a focus move recolours are set as rules, then one repaint: what
    Textual's border property does for each (a repaint, no layout: the edge stays)."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        box, focused, _blurred = await both_rules(pilot, app)
        refreshes: list[dict[str, Any]] = []
        refresh = type(box).refresh

        def counted(self: Any, *regions: Any, **kwargs: Any) -> Any:
            if self is box:
                refreshes.append(kwargs)
            return refresh(self, *regions, **kwargs)

        monkeypatch.setattr(type(box), "refresh", counted)
        put_back(box, focused)
        assert dict(box.styles.base._rules) == focused
        assert len(refreshes) == 1
        assert not refreshes[0].get("layout")
        assert box._repaint_required
