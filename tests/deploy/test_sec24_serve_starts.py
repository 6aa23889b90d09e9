"""sec23 left: each browser tab starts a process and a log, with no rate limit (20 tabs opened
and closed one after another made 20 logs), and Ctrl+R in a tab makes a new log each time,
unbounded; the words a refused or idle tab reads were English only. What the operator needs:
the server bounds the sessions one client address starts in a minute (`--starts-per-minute`)
and the restarts of a tab's practice (`--max-restarts`), and says so in the class's language.
Driven on an injected clock: no test waits a minute."""

from __future__ import annotations

import asyncio
import contextlib
import json
import shlex
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpdesk_tui import i18n
from tests.deploy.test_bugs21_serve_cap import serve_module
from tests.deploy.test_sec23_serve_idle import STAND_IN, turns

pytest.importorskip("textual_serve", reason="textual-serve is not installed (the web extra)")
from aiohttp import WSMsgType  # noqa: E402
from aiohttp.test_utils import TestClient, TestServer  # noqa: E402
from textual_serve.server import Server  # noqa: E402

MINUTE = 60.0


@pytest.fixture
def language() -> Iterator[None]:
    before = i18n.current_language()
    yield
    i18n.set_language(before)


async def refused_with(client: TestClient, *words: bytes) -> None:
    """A websocket that is turned away: the words in its terminal, then closed."""
    tab = await client.ws_connect("/ws?width=80&height=24")
    message = await tab.receive(timeout=30)
    assert message.type == WSMsgType.BINARY
    for word in words:
        assert word in message.data, message.data
    assert (await tab.receive(timeout=30)).type in (WSMsgType.CLOSE, WSMsgType.CLOSED)


async def open_and_close(client: TestClient, server: Any) -> None:
    """A tab that starts its practice, then is closed (its place freed)."""
    before = server.sessions
    tab = await client.ws_connect("/ws?width=80&height=24")
    await turns(lambda: server.sessions == before + 1)
    assert server.sessions == before + 1
    await tab.close()
    for _ in range(20_000):
        if server.sessions == before:
            break
        await asyncio.sleep(0.01)
    assert server.sessions == before


async def test_an_address_starts_so_many_sessions_a_minute(language: None) -> None:
    i18n.set_language("en")
    serve = serve_module()
    now = [1000.0]
    capped = serve.capped_server(Server, 10, clock=lambda: now[0], starts=2)  # type: ignore[attr-defined]
    server = capped(STAND_IN, host="127.0.0.1", port=0)
    async with TestClient(TestServer(await server._make_app())) as client:
        await open_and_close(client, server)
        now[0] += 30.0
        await open_and_close(client, server)
        await refused_with(client, b"2 practice sessions were started from your address")
        assert server.sessions == 0  # no process for the refused tab
        page = await client.get("/")
        assert page.status == 429 and "--starts-per-minute" in await page.text()
        now[0] += MINUTE - 30.0  # the first start is a minute old: one place in the minute
        assert (await client.get("/")).status == 200
        await open_and_close(client, server)
        await refused_with(client, b"in the last minute")


async def test_the_refusals_speak_the_class_language(language: None) -> None:
    i18n.set_language("nl")
    serve = serve_module()
    capped = serve.capped_server(Server, 1, starts=1)  # type: ignore[attr-defined]
    server = capped(STAND_IN, host="127.0.0.1", port=0)
    async with TestClient(TestServer(await server._make_app())) as client:
        await open_and_close(client, server)
        await refused_with(client, b"de voorbije minuut 1 oefensessies gestart")
        i18n.set_language("fr")
        page = await client.get("/")
        assert page.status == 429 and "dernière minute" in await page.text()


async def test_an_idle_tab_tells_its_practice_why_before_the_quit(tmp_path: Path) -> None:
    """The `tab_idle` meta goes through textual-serve's `AppService.send_meta` to the tab's
    process, before textual-serve's own `quit`: it fails if an upgrade changes that path."""
    seen = tmp_path / "stdin"
    recorder = (
        "import os\n"
        f"with open({str(seen)!r}, 'ab') as out:\n"
        "    while chunk := os.read(0, 4096):\n"
        "        out.write(chunk); out.flush()\n"
        "        if b'quit' in chunk: break\n"
    )
    serve = serve_module()
    now = [0.0]
    capped = serve.capped_server(Server, 1, idle_s=60.0, clock=lambda: now[0], check_s=0.01)  # type: ignore[attr-defined]
    server = capped(shlex.join([sys.executable, "-c", recorder]), host="127.0.0.1", port=0)
    async with TestClient(TestServer(await server._make_app())) as client:
        tab = await client.ws_connect("/ws?width=80&height=24")
        await turns(lambda: server.sessions == 1)
        for _ in range(300):  # the tab's watch starts once its process has: step until it fires
            now[0] += 61.0
            with contextlib.suppress(asyncio.TimeoutError):
                message = await tab.receive(timeout=0.1)
                break
        assert message.type == WSMsgType.BINARY
        for _ in range(20_000):
            if server.sessions == 0:
                break
            await asyncio.sleep(0.01)
    data = seen.read_bytes()
    assert b'"tab_idle"' in data and data.index(b'"tab_idle"') < data.index(b'"quit"')


async def test_the_wrapped_routes_are_the_ones_textual_serve_serves() -> None:
    """The page and the websocket must reach the bounded handlers: an upgrade of
    textual-serve that routes elsewhere would leave the server unbounded."""
    serve = serve_module()
    server = serve.capped_server(Server, 1)(STAND_IN, host="127.0.0.1", port=0)  # type: ignore[attr-defined]
    app = await server._make_app()
    handlers = {
        resource.canonical: route.handler
        for resource in app.router.resources()
        for route in resource
    }
    for path, name in (("/", "handle_index"), ("/ws", "handle_websocket")):
        assert getattr(handlers[path], "__func__", None) is getattr(type(server), name), path


def test_each_tab_runs_its_practice_with_a_bound_on_restarts(tmp_path: Path) -> None:
    serve = serve_module()
    args = serve.build_parser().parse_args(["--logs", str(tmp_path)])  # type: ignore[attr-defined]
    assert shlex.split(serve.practice_command(args))[-2:] == ["--max-restarts", "5"]  # type: ignore[attr-defined]
    args = serve.build_parser().parse_args(["--max-restarts", "0"])  # type: ignore[attr-defined]
    assert shlex.split(serve.practice_command(args))[-2:] == ["--max-restarts", "0"]  # type: ignore[attr-defined]
    for wrong in (["--starts-per-minute", "0"], ["--max-restarts", "-1"]):
        assert serve.main([*wrong, "--logs", str(tmp_path)]) == 2  # type: ignore[attr-defined]


@pytest.mark.usefixtures("a_terminal")  # practice.run asks for one (tests/conftest.py)
def test_practice_counts_its_restarts_down(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import argparse

    from helpdesk_tui.commands import practice
    from helpdesk_tui.ui.practice_controls import RESTART

    results = iter([RESTART, RESTART, "completed"])
    apps: list[Any] = []

    class App:
        restarts_left: int | None = None

        def run(self) -> str:
            return next(results)

    def prepare(args: Any) -> Any:
        apps.append(App())
        return practice.PracticeRun(apps[-1], None, None, tmp_path / f"{len(apps)}.jsonl")

    monkeypatch.setattr(practice, "prepare", prepare)
    monkeypatch.setattr(practice, "finish", lambda run: None)
    assert practice.run(argparse.Namespace(max_restarts=2)) == 0
    assert [app.restarts_left for app in apps] == [2, 1, 0]
    capsys.readouterr()


async def test_a_practice_without_restarts_left_refuses_ctrl_r_in_words(
    tmp_path: Path, language: None
) -> None:
    from helpdesk_tui.commands import practice
    from helpdesk_tui.ui.practice_controls import ConfirmRestart
    from tests.ui.conftest import SIZE
    from tests.ui.test_practice_controls import Toasts, practice_run

    run = practice_run(tmp_path)
    app = run.app
    toasts = Toasts(app)
    async with app.run_test(size=SIZE) as pilot:
        app.restarts_left = 1
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, ConfirmRestart)
        await pilot.press("n")
        app.restarts_left = 0
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.screen is app.main
    assert any("No more restarts here" in text for _title, text in toasts.seen)
    practice.finish(run)
    assert json.dumps(toasts.seen)  # the notice is text, not markup
