"""sec19 left: textual-serve starts one practice process (some 70 MB) per websocket, with
no cap: anyone who reaches the port can open many. What the operator needs: a maximum they
set (`serve.py --max-sessions`); what a visitor past it needs: words that say the places
are taken and what to do, on the page and in the tab, and no process started for them."""

from __future__ import annotations

import asyncio
import importlib.util
import shlex
import sys
from pathlib import Path

import pytest

from tests.deploy.kit import DEPLOY

pytest.importorskip("textual_serve", reason="textual-serve is not installed (the web extra)")
from aiohttp import WSMsgType  # noqa: E402
from aiohttp.test_utils import TestClient, TestServer  # noqa: E402
from textual_serve.server import Server  # noqa: E402

WAITS = 400  # turns of the loop (no sleep): a closed tab's process is reaped


def serve_module() -> object:
    spec = importlib.util.spec_from_file_location("serve_under_test", DEPLOY / "serve.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_a_tab_past_the_cap_is_refused_in_words_and_starts_nothing(tmp_path: Path) -> None:
    serve = serve_module()
    waits = shlex.join(
        [sys.executable, "-c", "import sys; sys.stdin.read()"]
    )  # a practice's stand-in
    server = serve.capped_server(Server, 1)(waits, host="127.0.0.1", port=0)  # type: ignore[attr-defined]
    async with TestClient(TestServer(await server._make_app())) as client:
        first = await client.ws_connect("/ws?width=80&height=24")
        for _ in range(WAITS):
            if server.sessions == 1:
                break
            await asyncio.sleep(0)
        assert server.sessions == 1
        second = await client.ws_connect("/ws?width=80&height=24")
        message = await second.receive(timeout=10)
        assert message.type == WSMsgType.BINARY
        assert b"practice places on this server are taken" in message.data
        assert (await second.receive(timeout=10)).type in (WSMsgType.CLOSE, WSMsgType.CLOSED)
        assert server.sessions == 1  # no second process
        page = await client.get("/")
        assert page.status == 503 and "--max-sessions" in await page.text()
        await first.close()
        for _ in range(WAITS * 50):
            if server.sessions == 0:
                break
            await asyncio.sleep(0.01)
        page = await client.get("/")
        assert page.status == 200


def test_max_sessions_is_an_option_and_must_be_one_or_more(tmp_path: Path) -> None:
    serve = serve_module()
    args = serve.build_parser().parse_args(["--max-sessions", "3"])  # type: ignore[attr-defined]
    assert args.max_sessions == 3
    assert serve.build_parser().parse_args([]).max_sessions == serve.DEFAULT_MAX_SESSIONS  # type: ignore[attr-defined]
    assert serve.main(["--max-sessions", "0", "--logs", str(tmp_path)]) == 2  # type: ignore[attr-defined]
