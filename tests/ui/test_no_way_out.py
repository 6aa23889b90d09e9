"""No way out through content: no link on any screen reaches a browser, a file or a program.

The walk: every bundled scenario's every KB article is opened in the exam, and
on every screen reached (the main screen with each article, the help, the forms)
every widget's rendered content is searched for click actions and link styles;
each action found is run as a click would run it. Textual's real ways out
(`App.open_url`, the driver's `open_url`, `webbrowser`) are replaced by
recorders that must stay empty, and each click must be logged as blocked.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import webbrowser
from pathlib import Path
from typing import Any

import pytest
from bundled_kit import bundled_scenario
from rich.text import Text
from textual.app import App
from textual.content import Content
from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver
from textual.widget import Widget

import helpdesk_tui.ui
from helpdesk_tui import paths
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.ui.nowayout import NoWayOut, clip_url
from helpdesk_tui.ui.screens.help import HelpScreen

from .conftest import SIZE, Rig, make_rig
from .pilot import until

BUNDLED = sorted(p for p in paths.scenarios_dir().iterdir() if (p / "scenario.toml").is_file())


def distinct_articles() -> dict[Path, frozenset[str]]:
    """Per bundled scenario, the ids of its KB articles no earlier scenario has word for
    word (the drills reuse their exam's articles): every distinct article is walked once."""
    seen: set[str] = set()
    new: dict[Path, frozenset[str]] = {}
    for folder in BUNDLED:
        kb = bundled_scenario(folder).kb  # this runs at collection, in every worker
        fresh = {a.id for a in kb if a.body not in seen}
        seen.update(a.body for a in kb)
        if fresh:
            new[folder] = frozenset(fresh)
    return new


DISTINCT = distinct_articles()


@pytest.fixture
def launches(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every call that would reach a browser; a test passes only with it empty."""
    seen: list[str] = []

    def record(name: str) -> Any:
        return lambda *args, **kwargs: seen.append(f"{name} {args[1:] or args}")

    monkeypatch.setattr(App, "open_url", record("App.open_url"))
    monkeypatch.setattr(Driver, "open_url", record("Driver.open_url"))
    for name in ("open", "open_new", "open_new_tab", "get"):
        monkeypatch.setattr(webbrowser, name, record(f"webbrowser.{name}"))
    return seen


def click_actions(widget: Widget) -> list[str]:
    """The click actions and link targets in what the widget renders."""
    try:
        rendered = widget.render()
    except Exception:  # a widget that renders only when laid out: nothing to click
        return []
    found: list[str] = []
    if isinstance(rendered, Content):
        for span in rendered.spans:
            style = span.style
            meta = getattr(style, "meta", None) or {}
            if "@click" in meta:
                found.append(meta["@click"])
            if getattr(style, "link", None):
                found.append(f"link({style.link!r})")
    elif isinstance(rendered, Text):
        for span in rendered.spans:
            style = span.style
            if isinstance(style, str):
                continue
            if style.link:
                found.append(f"link({style.link!r})")
            if style.meta and "@click" in style.meta:
                found.append(style.meta["@click"])
    return found


async def click_everything(app: Any, pilot: Any) -> list[str]:
    """Run every click action on the current screen as a mouse click would."""
    actions: list[str] = []
    for widget in list(app.screen.walk_children(with_self=True)):
        for action in click_actions(widget):
            actions.append(action)
            await app.run_action(action, widget)
            await pilot.pause()
    return actions


def test_the_bundled_kb_has_links_for_the_walk_to_find() -> None:
    bodies = [a.body for f in BUNDLED for a in bundled_scenario(f).kb]
    assert sum(body.count("https://") for body in bodies) >= 3


@pytest.mark.parametrize("folder", list(DISTINCT), ids=lambda p: p.name)
async def test_no_link_in_any_article_or_screen_opens_anything(
    folder: Path, launches: list[str]
) -> None:
    rig: Rig = make_rig(load_scenario(folder))
    app = rig.app()
    clicked: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        clicked += await click_everything(app, pilot)
        articles = [a for a in rig.scenario.kb if a.id in DISTINCT[folder]]
        for article in articles:
            await app.main.kb.open_article(article)
            await pilot.pause()
            clicked += await click_everything(app, pilot)
        app.push_screen(HelpScreen())
        await pilot.pause()
        clicked += await click_everything(app, pilot)
    assert launches == []
    links = [a for a in clicked if a.startswith("link(")]
    expected = sum(a.body.count("https://") for a in articles)
    assert len(links) >= expected  # the walk found the links there are
    rig.controller.flush_blocked(everything=True)  # the same link again within the second
    records = rig.logged("lockdown_key_blocked")  # is counted on its record (sec15)
    blocked = [e.data["key"] for e in records]
    assert sum(e.data.get("count", 1) for e in records) == len(links)
    assert all(key.startswith("link ") for key in blocked), blocked


async def test_a_link_click_is_logged_with_its_target_and_said_on_screen(
    rig: Rig, launches: list[str]
) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        article = rig.scenario.kb[0]
        await app.main.kb.open_article(article)
        markdown = app.main.kb.query_one("#kb-markdown")
        block = next(iter(markdown.children))
        await block.action_link("https://example.org/steal?key=1")
        # The click travels as two messages (the Markdown's, then the KB panel's):
        # under load one pause can end before the second is handled (CI, 2026-12-03).
        await until(pilot, lambda: any(e.type == "lockdown_key_blocked" for e in rig.sink.events))
        assert rig.last("lockdown_key_blocked") == {"key": "link https://example.org/steal?key=1"}
        assert any("do not open" in str(n.message) for n in app._notifications)
        app.open_url("file:///etc/passwd")
        await pilot.pause()
        assert rig.last("lockdown_key_blocked") == {"key": "link file:///etc/passwd"}
    assert launches == []


def test_a_logged_link_is_bounded_and_printable() -> None:
    long = "https://x.example/" + "a" * 5000 + "\x1b[2J"
    shown = clip_url(long)
    assert len(shown) == 200 and shown.isprintable()


def _our_app_classes() -> list[type]:
    for module in pkgutil.walk_packages(helpdesk_tui.ui.__path__, "helpdesk_tui.ui."):
        importlib.import_module(module.name)
    found: list[type] = []
    todo = [App]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("helpdesk_tui."):
                found.append(sub)
    return found


def test_every_app_of_ours_refuses_every_way_out() -> None:
    classes = _our_app_classes()
    assert {c.__name__ for c in classes} >= {
        "ExamApp",
        "SessionApp",
        "PracticeApp",
        "LockdownApp",
        "ReviewApp",
        "ObserveApp",
        "RoomApp",
    }
    for cls in classes:
        assert issubclass(cls, NoWayOut), cls
        for name in ("open_url", "deliver_text", "deliver_binary", "suspend"):
            assert getattr(cls, name) is not getattr(App, name), (cls, name)


@pytest.mark.skipif(sys.platform != "linux", reason="Textual's Linux driver")
def test_every_app_of_ours_reads_its_terminal_through_the_input_guard() -> None:
    """Invalid bytes, floods and hang-ups on every app, not only the exam (issue 11)."""
    from helpdesk_tui.ui.terminal import GuardedDriver

    for cls in _our_app_classes():
        app = cls.__new__(cls)  # the class's own choice; no need to build a session
        assert NoWayOut.get_driver_class is cls.get_driver_class, cls
        assert issubclass(App.get_driver_class(app), LinuxDriver), cls
        assert cls.get_driver_class(app) is GuardedDriver, cls
