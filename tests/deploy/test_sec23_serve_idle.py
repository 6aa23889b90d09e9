"""sec23 (red team): a practice tab in the browser never ended while it stayed open.

A tab left open, or paused with F9 (the practice clock stops, so its time never runs out),
held its place and its process for good: with `--max-sessions` websockets that answer
textual-serve's pings and send nothing, anyone who reached the port took every place of
the class until the server was stopped. What the operator needs (docs/practice-in-browser.md):
a tab without a key for `--idle-minutes` is closed as if the student had closed it, and
says so in its terminal. Driven on an injected clock: no test waits for minutes.
"""

from __future__ import annotations

import asyncio
import json
import shlex
import sys
from pathlib import Path

import pytest

from tests.deploy.test_bugs21_serve_cap import serve_module

pytest.importorskip("textual_serve", reason="textual-serve is not installed (the web extra)")
from aiohttp import WSMsgType  # noqa: E402
from aiohttp.test_utils import TestClient, TestServer  # noqa: E402
from textual_serve.server import Server  # noqa: E402

TURNS = 400
"""Turns of the event loop given to the server between two steps of the clock."""
IDLE_S = 60.0
STAND_IN = shlex.join([sys.executable, "-c", "import sys; sys.stdin.read()"])
"""A practice's stand-in: it lives until textual-serve stops it."""


async def turns(until: object = None, count: int = TURNS) -> None:
    for _ in range(count):
        if until is not None and until():  # type: ignore[operator]
            return
        await asyncio.sleep(0)


async def test_a_quiet_tab_is_closed_and_says_why_and_a_typing_one_stays(tmp_path: Path) -> None:
    serve = serve_module()
    now = [1000.0]
    capped = serve.capped_server(Server, 2, idle_s=IDLE_S, clock=lambda: now[0], check_s=0)  # type: ignore[attr-defined]
    server = capped(STAND_IN, host="127.0.0.1", port=0)
    async with TestClient(TestServer(await server._make_app())) as client:
        quiet = await client.ws_connect("/ws?width=80&height=24")
        typing = await client.ws_connect("/ws?width=80&height=24")
        await turns(lambda: server.sessions == 2)
        assert server.sessions == 2
        for seconds in (20.0, 20.0, 19.0):  # 59 s: the quiet tab is still within its minute
            now[0] += seconds
            await typing.send_str(json.dumps(["stdin", "a"]))
            await turns()
        assert not quiet.closed and server.sessions == 2
        now[0] += 2.0  # 61 s without a key in the quiet tab, 2 s in the other
        message = await quiet.receive(timeout=30)
        assert message.type == WSMsgType.BINARY
        assert b"closed after 1 min without a key; its log is kept" in message.data
        assert (await quiet.receive(timeout=30)).type in (WSMsgType.CLOSE, WSMsgType.CLOSED)
        for _ in range(TURNS * 50):  # its process stopped by textual-serve, as on a closed tab
            if server.sessions == 1:
                break
            await asyncio.sleep(0.01)
        assert server.sessions == 1
        assert not typing.closed  # it typed 2 s ago
        await typing.close()


def test_idle_minutes_is_an_option_and_must_be_one_or_more(tmp_path: Path) -> None:
    serve = serve_module()
    assert serve.build_parser().parse_args(["--idle-minutes", "5"]).idle_minutes == 5  # type: ignore[attr-defined]
    assert serve.build_parser().parse_args([]).idle_minutes == serve.DEFAULT_IDLE_MINUTES  # type: ignore[attr-defined]
    assert serve.main(["--idle-minutes", "0", "--logs", str(tmp_path)]) == 2  # type: ignore[attr-defined]
