"""A screen's active bindings with the binding chain's shape kept, each action asked afresh.

Textual's `Screen.active_bindings` builds the binding chain on every call: a copy of
each node's bindings from the focused widget up to the app, every key of each copy
offered to the text boxes below it (`check_consume_key`), every action string parsed
again, then each action's `check_action` asked. An area switch asked it twice (the
switch key's own "does it open a screen?" in `ExamApp._redirects_keys`, and the footer
for the new focus, `KeyBar._shown_keys`): about 1,900 of its 14,700 Python calls
(issue 14).

What the chain holds depends only on the focused widget (or none), whether it is
loading, each node's bindings map (ours are replaced, never changed in place:
`keymap.install`, the lockdown), what a text box along it consumes (a TextArea's
`read_only` and `tab_behavior`; an Input's is fixed) and the user keymap. That shape
is kept per such key. Whether each action applies is asked every time, as Textual asks
it (`check_action` on the binding's node, or on the node its action names), so the
footer and the key handling can never be stale: no state of the exam is in the key.

It reaches into Textual's internals (`Screen._modal_binding_chain`, `App._parse_action`,
`DOMNode._bindings`), which holds while Textual is pinned to 8.2.x;
`tests/ui/test_kept_bindings.py` compares it with Textual's own in every area and form.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from textual.binding import ActiveBinding, Binding
from textual.dom import DOMNode
from textual.screen import Screen

KEEP = 16
"""Chains kept per screen (one per focusable widget a candidate moves between)."""

Entry = tuple[str, DOMNode, Binding, "DOMNode | None", str, tuple[object, ...]]
"""(key, the binding's node, the binding, the node asked, or None when the action names a
target found at the time (`screen.`, `focused.`), the action's name, its parameters)."""


class KeptBindingChain(Screen[Any]):
    """Mixin before `Screen`: `active_bindings` from a kept chain, the states asked anew."""

    _kept_chains: dict[Hashable, tuple[list[Entry], dict[str, list[Entry]]]] | None = None

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        if self.app._keymap:  # keys bound by id: Textual's own (its clash handling included)
            return super().active_bindings
        return self._actives(self._kept_chain()[0])

    def active_binding(self, key: str) -> ActiveBinding | None:
        """`active_bindings.get(key)`, asking only the actions bound to `key` (an area
        switch's key asks whether it opens a screen: `ExamApp._redirects_keys`)."""
        if self.app._keymap:
            return super().active_bindings.get(key)
        return self._actives(self._kept_chain()[1].get(key, [])).get(key)

    def _actives(self, entries: list[Entry]) -> dict[str, ActiveBinding]:
        """Textual's `Screen.active_bindings` over these entries of the chain, in order."""
        check_state = self.app._check_action_state
        bindings_map: dict[str, ActiveBinding] = {}
        for key, namespace, binding, target, name, parameters in entries:
            if target is None:
                action_state = check_state(binding.action, namespace)
            else:
                action_state = target.check_action(name, parameters)
            if action_state is False:
                continue
            existing = bindings_map.get(key)
            if existing is None or (binding.priority and not existing.binding.priority):
                bindings_map[key] = ActiveBinding(
                    namespace, binding, bool(action_state), binding.tooltip
                )
        return bindings_map

    def _kept_chain(self) -> tuple[list[Entry], dict[str, list[Entry]]]:
        """The chain's entries in its order, and per key."""
        focused = self.focused
        if focused is not None and focused.loading:
            focused = None
        nodes = focused.ancestors_with_self if focused is not None else (self, self.app)
        key = (
            focused,
            tuple(
                (
                    node,
                    node._bindings,
                    getattr(node, "read_only", None),
                    getattr(node, "tab_behavior", None),
                )
                for node in nodes
            ),
        )
        kept = self._kept_chains
        if kept is None:
            kept = self._kept_chains = {}
        chain = kept.get(key)
        if chain is None:
            if len(kept) >= KEEP:
                kept.clear()
            entries = self._chain_now()
            by_key: dict[str, list[Entry]] = {}
            for entry in entries:
                by_key.setdefault(entry[0], []).append(entry)
            chain = kept[key] = (entries, by_key)
        return chain

    def _chain_now(self) -> list[Entry]:
        """Textual's own chain, each action parsed once."""
        app = self.app
        entries: list[Entry] = []
        for namespace, bindings in self._modal_binding_chain:
            for key, binding in bindings:
                target: DOMNode | None = None
                name, parameters = "", ()
                if "." not in binding.action.split("(", 1)[0]:  # no target named
                    target, name, parameters = app._parse_action(binding.action, namespace)
                entries.append((key, namespace, binding, target, name, parameters))
        return entries
