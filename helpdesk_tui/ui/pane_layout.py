"""A change of size inside a pane lays out that pane, not the whole screen.

Textual answers any layout request by arranging the whole screen again
(`Screen._refresh_layout`, `Compositor.reflow`): every widget is placed anew,
its styles asked for its layers, its geometry compared with the last. The
chat's reply box grows by a line as a reply wraps (its height is `auto`, 3 to
7), and that one line cost a full layout: about 26,000-30,000 Python calls, a
typing key's five (issue 14, `bench_mix_tail.py`: 3 of 188 typing keys, the
mix's p99).

Textual itself knows how far such a change reaches. A widget that asks for a
layout is noted with its ancestors up to the first one whose width and height
do not depend on its content (`Screen._layout_widgets`; Textual clears the
cached arrangements up to the same node): the *pane*. The reply box's pane is
the conversation's column (`#conv-main`, `1fr` by `1fr`), whose place on the
screen the change cannot move. `reflow_within` arranges only that pane, with
Textual's own `_arrange_root` given the pane as its root, and puts the result
in the compositor's map where the pane's old entries were: placed at the pane's
offset, ordered under the pane's painting order, clipped by the pane's clip.
The map is then what Textual's whole-screen reflow makes (tested:
`tests/ui/test_pane_layout.py` compares it with a fresh arrangement), and the
rest of a layout follows Textual's: the changed geometry marks the screen
dirty, the widgets whose size changed are told (`_size_updated`, `Resize`),
new ones shown and gone ones hidden.

Anything else takes Textual's way: the screen asked to lay out itself (its
own `refresh(layout=True)`, a resize, a new stylesheet), changes in more than
one pane, a scroll in the same frame, a pane not on the map, and any widget in
the pane that Textual places outside it (an overlay, an absolute offset, a
constrained position).

A widget whose size changed in a pane layout gets its new virtual size without
a layout of its own (`_size_updated(layout=False)`, as Textual's scroll reflow
does): in Textual's reflow the transcript's new virtual size asked for a second
whole layout, which placed everything where it already was.

It uses Textual's compositor internals (`_arrange_root`, `_full_map`,
`_visible_map` and the caches built from them, `Screen._layout_widgets`), which
hold while Textual is pinned to 8.2.x (docs/known-issues.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import events
from textual._compositor import CompositorMap, MapGeometry
from textual.scrollbar import ScrollBar, ScrollBarCorner
from textual.widget import Widget

BASE_ORDER = (0, 0, 0)
"""The root's painting order in `_arrange_root`; an overlay's starts otherwise."""


@dataclass
class PaneReflow:
    """What a pane's layout changed: as `Compositor.reflow`'s result, and the new entries."""

    hidden: set[Widget]
    shown: set[Widget]
    resized: set[Widget]
    placed: CompositorMap


def _placed_inside(widget: Widget) -> bool:
    """Whether Textual places `widget` within its container (no absolute offset or
    constrained position, which are worked out against the whole screen)."""
    return widget.absolute_offset is None and not widget.styles.has_any_rules(
        "constrain_x", "constrain_y"
    )


def reflow_within(compositor: Any, pane: Widget) -> PaneReflow | None:
    """Arrange `pane` alone and put it in the compositor's map; None (nothing changed)
    when Textual's whole reflow is needed."""
    if compositor.root is None:
        return None
    visible_map: CompositorMap | None = compositor._visible_map
    base: CompositorMap = visible_map if visible_map is not None else compositor._full_map
    old = base.get(pane)
    if old is None or old.order[0] != BASE_ORDER:
        return None
    region, order, clip, _virtual, _container, virtual_region, dock_gutter = old
    depth = len(order)
    shift = order[-1][2]  # the pane's place among its siblings: its children count on from it
    old_part = {w: g for w, g in base.items() if g.order[:depth] == order}
    if any(g.order[0] != BASE_ORDER for g in base.values()):
        overlaid = [w for w, g in base.items() if g.order[0] != BASE_ORDER]
        if any(pane in w.ancestors for w in overlaid):
            return None  # an overlay of the pane's is on the screen's map, not under it
    arranged, widgets = compositor._arrange_root(pane, region.size, visible_only=False)
    offset = region.offset
    placed: CompositorMap = {}
    for widget, geometry in arranged.items():
        w_region, w_order, w_clip, w_virtual, w_container, w_vregion, w_gutter = geometry
        if w_order[0] != BASE_ORDER or not _placed_inside(widget):
            return None
        if widget is pane:
            placed[widget] = MapGeometry(
                region, order, clip, w_virtual, w_container, virtual_region, dock_gutter
            )
            continue
        chrome = isinstance(widget, (ScrollBar, ScrollBarCorner))
        own = len(w_order) == 1  # the pane's own scroll bars: the pane's order and gutter
        placed[widget] = MapGeometry(
            w_region.translate(offset),
            order + tuple((layer, z, at + shift) for layer, z, at in w_order[1:]),
            clip.intersection(w_clip.translate(offset)),
            w_virtual,
            w_container,
            w_vregion.translate(offset) if chrome else w_vregion,
            dock_gutter if own else w_gutter,
        )
    new_map = {w: g for w, g in base.items() if w not in old_part}
    new_map.update(placed)

    changes = placed.items() ^ old_part.items()
    screen_region = compositor.size.region
    if screen_region not in compositor._dirty_regions:
        compositor._dirty_regions.update(
            region
            for region in (geometry.clip.intersection(geometry.region) for _, geometry in changes)
            if region
        )
    old_widgets = compositor.widgets & old_part.keys()
    resized = {
        widget
        for widget, geometry in changes
        if widget in old_part
        and widget in placed
        and old_part[widget].region.size != geometry.region.size
    }
    result = PaneReflow(
        hidden=old_widgets - widgets,
        shown=placed.keys() - old_part.keys(),
        resized=resized,
        placed=placed,
    )
    compositor.widgets = (compositor.widgets - old_widgets) | widgets
    if visible_map is not None:
        compositor._visible_map = new_map
    else:
        compositor._full_map = new_map
    compositor._cuts = None
    compositor._layers = None
    compositor._layers_visible = None
    compositor._visible_widgets = None
    return result


def the_pane(screen: Any) -> Widget | None:
    """The one pane the widgets that asked for a layout are in, or None (the screen
    itself, or more than one)."""
    panes = [node for node in screen._layout_widgets if not node.styles.auto_dimensions]
    if len(panes) != 1 or panes[0] is screen or not isinstance(panes[0], Widget):
        return None
    return panes[0]


def lay_out_pane(screen: Any) -> bool:
    """Textual's `Screen._refresh_layout` for a layout inside one pane; False when it
    did nothing and the whole screen must be laid out."""
    app = screen.app
    if app.is_inline or not screen.outer_size:
        return False
    pane = the_pane(screen)
    if pane is None:
        return False
    compositor = screen._compositor
    compositor.update_widgets(screen._dirty_widgets)
    screen._update_timer.pause()
    try:
        result = reflow_within(compositor, pane)
    except Exception as error:
        app._handle_exception(error)
        return True
    if result is None:
        return False
    screen._layout_widgets.clear()
    for widget in result.hidden:
        widget.post_message(events.Hide())
    send_resize = result.shown | result.resized
    for widget, (region, _o, _c, virtual_size, container_size, _v, _g) in result.placed.items():
        widget._size_updated(region.size, virtual_size, container_size, layout=False)
        if widget in send_resize:
            widget.post_message(events.Resize(region.size, virtual_size, container_size))
    for widget in result.shown:
        widget.post_message(events.Show())
    if screen.is_current:
        if app._batch_count:
            screen.call_later(screen._compositor_refresh)
        else:
            screen._compositor_refresh()
    screen.screen_layout_refresh_signal.publish(screen.screen)
    return True
