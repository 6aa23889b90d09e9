"""`KeptBindingChain`: the exam screen's active bindings come from a kept binding chain, and
are exactly what Textual's own `Screen.active_bindings` gives, wherever the focus is and
whatever the exam's state (the footer and the keys' handling read them)."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from helpdesk_tui.ui.app import ExamApp
from helpdesk_tui.ui.screens.main import MainScreen

from .conftest import SIZE, Rig
from .pilot import at, form


def textuals(screen: Screen[Any]) -> dict[str, Any]:
    return Screen.active_bindings.fget(screen)  # type: ignore[attr-defined, no-any-return]


def same_as_textuals(app: ExamApp, where: str) -> None:
    main = app.main
    kept = main.active_bindings
    fresh = textuals(main)
    shown = [(key, b.node, b.binding, b.enabled, b.tooltip) for key, b in kept.items()]
    wanted = [(key, b.node, b.binding, b.enabled, b.tooltip) for key, b in fresh.items()]
    assert shown == wanted, where
    for key in [*fresh, "f12", "x"]:  # one key's binding alone, bound or not
        one, want = main.active_binding(key), fresh.get(key)
        assert (one is None) == (want is None), (where, key)
        if one is not None and want is not None:
            assert (one.node, one.binding, one.enabled) == (want.node, want.binding, want.enabled)


async def test_every_focus_and_state_gets_textuals_bindings(rig: Rig, monkeypatch: Any) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)  # Anna's chat has arrived
        main = app.main
        same_as_textuals(app, "start")
        for step in ("f2", "down", "f3", "f4", "f5", "f2", "f4"):
            await pilot.press(step)
            await pilot.pause()
            same_as_textuals(app, step)
        await pilot.press(*"Hello Anna", "enter")  # the chat answered: the gates change
        await pilot.pause()
        same_as_textuals(app, "answered")
        for n in range(len(main.focus_chain) + 1):  # every focusable widget of the screen
            await pilot.press("tab")
            await pilot.pause()
            same_as_textuals(app, f"tab {n}: {app.focused!r}")
        await pilot.press("f5", *"wifi", "enter", "enter")  # a KB article open
        await pilot.pause()
        same_as_textuals(app, "article")
        await pilot.press("f5")
        await pilot.pause()
        same_as_textuals(app, "article, search box")
        await pilot.press("f2", "ctrl+n")  # a form over the exam: main's keys behind it
        await pilot.pause()
        form(app)
        same_as_textuals(app, "behind a form")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is main
        same_as_textuals(app, "form closed")
        await pilot.press("f4")
        await pilot.pause()
        assert app.focused is main.conversations.input
        main.conversations.input.read_only = True  # a text box that takes no letters
        same_as_textuals(app, "read only box")
        main.conversations.input.read_only = False

        # Each shape was built once; coming back to a focus builds nothing.
        built: list[object] = []
        chain_now = MainScreen._chain_now

        def counted(self: MainScreen) -> Any:
            built.append(self.focused)
            return chain_now(self)

        monkeypatch.setattr(MainScreen, "_chain_now", counted)
        for step in ("f4", "f2", "f4", "f2"):
            await pilot.press(step)
            await pilot.pause()
            same_as_textuals(app, step)
        assert built == []


async def test_a_user_keymap_takes_textuals_way(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        app._keymap = {"focus_area": "f9"}  # keys bound by id: Textual's own path
        app.main._kept_chains = None
        await pilot.press("f4")
        await pilot.pause()
        same_as_textuals(app, "keymap")
        assert app.main._kept_chains is None
