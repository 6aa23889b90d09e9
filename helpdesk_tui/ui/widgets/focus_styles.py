"""Text boxes restyled on a focus move from what the stylesheet gave them before.

Textual restyles a widget whenever it gains or loses the focus: it matches the
whole stylesheet against the widget, and for a text box against each of its
component classes too (a TextArea has eight: cursor, selection, gutter...,
each matched as a node of its own). Moving between the queue and the chat
(F2, F4) blurred and focused the chat's reply box, and that restyle was the
largest single part of an area switch's CPU time (`bench_key_cpu.py`).

What the stylesheet gives a widget depends only on the stylesheet and on the
widget's path: each node from the app down, with its classes and pseudo-classes
(`:focus`, `:focus-within`, `:disabled`, `:dark`, `:first-child`...). `FocusStyled` keeps, per path, the rules
and component styles Textual's own restyle gave the box the first time, and on
a later focus move with the same path and stylesheet it puts those back
(`Stylesheet.replace_rules`, as Textual's restyle ends): the same styles,
without matching the stylesheet again. Anything else (a new stylesheet or
theme, another class, a box showing scroll bars) takes Textual's way.

It reaches into Textual's styling internals (`Styles.base._rules`,
`DOMNode._component_styles`, `Stylesheet.rules_map`, `NodeList._updates`,
`Widget._pseudo_classes_cache_key`), which holds while
Textual is pinned to 8.2.x (docs/known-issues.md);
`tests/ui/test_focus_styles.py` compares the kept styles with a fresh restyle.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from textual._text_area_theme import TextAreaTheme
from textual.color import Color
from textual.css.stylesheet import Stylesheet
from textual.widget import Widget
from textual.widgets import TextArea

KEEP = 16
"""Paths kept per box (focused and not, enabled and not, with room to spare)."""


class FocusStyled:
    """Mixin, before the Textual widget among the bases: focus moves restyle from a cache."""

    _focus_styles: dict[Hashable, tuple[dict[str, Any], dict[str, Any]]] | None = None
    _focus_styles_for: object = None

    def watch_has_focus(self, has_focus: bool) -> None:
        assert isinstance(self, Widget)
        stylesheet = self.app.stylesheet
        rules_map = stylesheet.rules_map
        if self._focus_styles is None or self._focus_styles_for is not rules_map:
            self._focus_styles, self._focus_styles_for = {}, rules_map
        if self.children or (
            self.is_scrollable and (self.show_vertical_scrollbar or self.show_horizontal_scrollbar)
        ):
            super().watch_has_focus(has_focus)  # type: ignore[misc]  # children, scroll bars
            return
        path = self._style_path()
        kept = self._focus_styles.get(path)
        if kept is None:
            super().watch_has_focus(has_focus)  # type: ignore[misc]
            if len(self._focus_styles) >= KEEP:
                self._focus_styles.clear()
            self._focus_styles[path] = (
                dict(self.styles.base._rules),
                dict(self._component_styles),
            )
            return
        rules, components = kept
        styles = self._component_styles
        changed = styles.keys() != components.keys() or any(
            styles[name] != value for name, value in components.items()
        )
        styles.clear()
        styles.update(components)
        put_back(self, rules)
        if changed:
            self.refresh()

    _style_paths: dict[Hashable, Hashable] | None = None
    """Path per quick key (up to `KEEP`): the path again while a quick key stands, and
    when it comes back (a focus move and back: F2, F4 flip the box between two)."""

    def _style_path(self) -> Hashable:
        """What the stylesheet's answer depends on: the app's theme, and each node from
        the box up with what a selector can match on: its type and id (the node), its
        classes and its pseudo-classes (focus, hover, disabled, focus-within, and where it
        stands among its siblings: first-child, odd, empty...).

        Not the count of changes to each node's children (`NodeList._updates`), which the
        path held before: Textual counts a change below a node in every node above it, so
        a toast shown or taken away (a customer message's notice) or the reply box's scroll
        bar coming or going changed the whole path, and the next focus move restyled the
        box from the stylesheet (issue 14: 10 of 23 area switches of a bench_ui run, the
        slowest, about 10,000 Python calls each). That count is still the quick key under
        which the path is kept (`_quick_path`): the pseudo-classes of where a node stands
        can change only when it changes (Textual caches them on it too), so while it
        stands the path is the one worked out for it (`KeptTheme` asks on every paint; an area
        switch flips the box between two, each worked out once: about 1,000 calls a switch)."""
        assert isinstance(self, Widget)
        quick = self._quick_path()
        paths = self._style_paths
        if paths is None:
            paths = self._style_paths = {}
        kept = paths.get(quick)
        if kept is not None:
            return kept
        app = self.app
        path: list[Hashable] = [
            app.current_theme.name,
            app.native_ansi_color,
            app.no_color,
        ]
        for node in self.ancestors_with_self:
            path.append((node, node.classes, frozenset(node.get_pseudo_classes())))
        if len(paths) >= KEEP:
            paths.clear()
        kept = paths[quick] = tuple(path)
        return kept

    def _quick_path(self) -> Hashable:
        """The theme, and each node from the app down with its classes and Textual's count
        of changes below it; each widget with its hover, focus, disabled (its own or an
        ancestor's) and focus-within state; the box's own can-focus. With the counts (the
        places among siblings: first-child, odd, empty...) and the theme that is every
        input of the box's pseudo-classes and its ancestors'. Worked out in one walk up:
        Textual's `is_disabled` and `has_focus_within` each walk up again from every node
        (an area switch asked this twice, about 700 calls each; issue 14)."""
        assert isinstance(self, Widget)
        app = self.app
        nodes = self.ancestors_with_self
        focused = self.screen.focused
        within = set(focused.ancestors_with_self) if focused is not None else set()
        path: list[Hashable] = [
            self.allow_focus(),
            app.is_inline,
            app.current_theme.name,
            app.native_ansi_color,
            app.no_color,
        ]
        disabled = False
        for node in reversed(nodes):  # from the app down: disabled is inherited
            if isinstance(node, Widget):
                disabled = disabled or node.disabled
                path.append(
                    (
                        node,
                        node.classes,
                        node._nodes._updates,
                        node.mouse_hover,
                        node.has_focus,
                        disabled,
                        node in within,
                    )
                )
            else:
                path.append((node, node.classes, node._nodes._updates))
        return tuple(path)


def put_back(node: Widget, rules: dict[str, Any]) -> None:
    """`Stylesheet.replace_rules(node, rules, animate=True)`, setting only the rules that
    differ. Textual's goes through every rule either set has (about 40 for a text box),
    each with its render value worked out twice and asked whether it animates, and
    then sets it even when unchanged: 6 % of an area switch's calls, for the few rules
    a focus move changes (the border's colour). Without a transition in the new rules
    Textual's sets each rule that differs and nothing else (an unchanged rule set again
    is no change); with one, Textual's own does it."""
    base = node.styles.base
    current = base._rules
    if "transitions" in rules or "transitions" in current:
        Stylesheet.replace_rules(node, rules, animate=True)  # type: ignore[arg-type]
        return
    repaint = False
    for key in current.keys() | rules.keys():
        value = rules.get(key)
        before = current.get(key)
        if before == value:
            continue
        if key in BORDERS and _same_edge(before, value):
            # `BoxProperty.__set__` for a new colour on the same edge: the rule set, then
            # a repaint (no layout); one repaint for the four sides a focus move recolours
            base.set_rule(key, value)
            repaint = True
        else:
            setattr(base, key, value)
    if repaint:
        base.refresh()


BORDERS = frozenset(("border_top", "border_right", "border_bottom", "border_left"))


def _same_edge(before: Any, after: Any) -> bool:
    """Two border rules (edge type, `Color`) that both draw an edge or both none: setting one
    over the other repaints and needs no layout (`BoxProperty.__set__`, Textual 8.2)."""
    return (
        isinstance(before, tuple)
        and isinstance(after, tuple)
        and len(before) == len(after) == 2
        and isinstance(after[1], Color)
        and after[0] not in ("none", "hidden")
        and bool(before[0]) == bool(after[0])
    )


THEME_FIELDS = (
    "base_style",
    "gutter_style",
    "cursor_style",
    "cursor_line_style",
    "cursor_line_gutter_style",
    "bracket_matching_style",
    "selection_style",
)
"""What `TextAreaTheme.apply_css` sets from the box's CSS (textual 8.2)."""


class KeptTheme(FocusStyled):
    """Mixin for a `TextArea`: its theme's CSS fallbacks worked out once per look.

    TextArea's `render_lines` calls `theme.apply_css(self)` on every paint (each
    typed letter, each focus move): the box's style and seven component styles,
    each a walk up the ancestors merging backgrounds and colours, because any
    repaint empties the box's style cache. What it sets depends only on the
    box's styles and its ancestors' (the path `FocusStyled` keys on, with the
    stylesheet, plus each node's inline styles) and the app's theme, so it is
    kept per such look and put back. Issue 14: it was a third of an area
    switch's frame (F2/F4 focus and blur the chat's reply box).
    `tests/ui/test_focus_styles.py` compares the kept theme with `apply_css`.
    """

    _theme_looks: dict[Hashable, tuple[Any, ...]] | None = None
    _theme_looks_for: tuple[object, object] | None = None

    def render_lines(self, crop: Any) -> Any:
        assert isinstance(self, TextArea)
        theme = self._theme
        if theme is not None:
            self._apply_theme_css(theme)
        return super(TextArea, self).render_lines(crop)  # TextArea's own would apply it again

    def _apply_theme_css(self, theme: TextAreaTheme) -> None:
        assert isinstance(self, TextArea)
        looks = self._theme_looks
        rules_map = self.app.stylesheet.rules_map
        for_ = self._theme_looks_for
        if looks is None or for_ is None or for_[0] is not theme or for_[1] is not rules_map:
            looks = self._theme_looks = {}  # another theme object or stylesheet
            self._theme_looks_for = (theme, rules_map)
        look = (
            self._style_path(),
            tuple(node.styles.inline._updates for node in self.ancestors_with_self),
        )
        kept = looks.get(look)
        if kept is None:
            theme.apply_css(self)
            if len(looks) >= KEEP:
                looks.clear()
            looks[look] = tuple(getattr(theme, name) for name in THEME_FIELDS)
            return
        for name, value in zip(THEME_FIELDS, kept, strict=True):
            setattr(theme, name, value)
