#!/usr/bin/env python3
"""Practice in a browser: `helpdesk-exam practice` served by textual-serve.

PRACTICE ONLY. Never use this for an exam: see docs/deployment.md, "Practice in
a browser". In short: the browser, not the program, owns the keyboard and the
window (Ctrl+W, Ctrl+T, F5, Alt+Tab, closing the tab), closing or reloading the
tab ends the session, the page has no login, and each visitor runs a process on
this machine. A practice log is signed with its own per-session key, so a log
made here can never pass as an exam log.

    pip install 'helpdesk-exam[web]'          # textual-serve, the `web` extra
    python deploy/serve.py [--port 8000] [--scenario ID|DIR] [--logs DIR] [--lang en|nl|fr]

then open http://127.0.0.1:8000 . Every browser tab gets a practice session of
its own (a new process, a new log in --logs). Stop the server with Ctrl+C.

It listens on 127.0.0.1 only unless --host says otherwise, and refuses any other
address without --i-know-this-is-open: textual-serve has no authentication, so
anyone who reaches the port can start sessions. For a class on other machines,
put it behind a reverse proxy that asks for a login, or let students run it on
their own machines.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import shlex
import sys
import time
from collections.abc import Callable
from pathlib import Path

LOOPBACK_NAMES = {"localhost"}
DEFAULT_MAX_SESSIONS = 10
"""Practice processes at once (each some 70 MB, one per browser tab): a class of ten on one
small machine. textual-serve itself starts one per websocket, with no cap (sec19)."""
FULL_TEXT = (
    "All {n} practice places on this server are taken. Close a practice tab you no longer "
    "use, or try again in a few minutes. (The person who runs this server can allow more "
    "with serve.py --max-sessions.)"
)
"""What a visitor past the cap reads: on the page, and in the tab's terminal."""
DEFAULT_IDLE_MINUTES = 30
"""A tab that sends no key (nor mouse move) for this long is closed, as if the student had
closed it: its practice ends as on a hang-up, its log kept, its place free. Without it a
tab left open, or paused with F9 (the practice clock stops, so time never runs out), held
its place and its 70 MB process for good, and anyone who reached the port could take every
place with `--max-sessions` quiet websockets (sec23)."""
IDLE_TEXT = (
    "This practice session was closed after {n} min without a key; its log is kept. "
    "Open the page again to start a new session."
)
"""What a tab closed for its quiet reads in its terminal."""
IDLE_CHECK_S = 5.0
"""How often a tab's quiet is looked at: it is closed at most this much late."""
EXAM_OPTIONS = ("--exam", "--key", "--candidate", "--proctor-code", "--mode")
"""Options an exam would need. Refused by name, so that a mistaken attempt to serve an exam
gets a clear answer instead of argparse's "unrecognized arguments"."""


def exam_requested(argv: list[str]) -> str | None:
    """The argument that asks for an exam (an exam option, or `exam` first), or None."""
    if argv[:1] == ["exam"]:
        return "exam"
    for arg in argv:
        if arg.split("=", 1)[0] in EXAM_OPTIONS:
            return arg
    return None


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def practice_command(args: argparse.Namespace) -> str:
    """The shell command textual-serve runs for each browser tab (it goes through /bin/sh)."""
    argv = [sys.executable, "-m", "helpdesk_tui.cli", "practice"]
    if args.scenario:
        argv.append(args.scenario)
    argv += ["--logs", str(Path(args.logs).resolve())]
    if args.lang:
        argv += ["--lang", args.lang]
    return shlex.join(argv)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="serve.py",
        description="Serve helpdesk-exam PRACTICE sessions in a browser (textual-serve). "
        "Not for exams: a browser tab can be closed, reloaded or switched away from.",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument(
        "--scenario", help="a scenario folder or bundled id (default: the bundled default)"
    )
    parser.add_argument("--logs", default="logs", help="where practice logs go (default ./logs)")
    parser.add_argument("--lang", choices=("en", "nl", "fr"), help="the UI language")
    parser.add_argument(
        "--public-url",
        help="the URL browsers use, when behind a reverse proxy (e.g. https://practice.example)",
    )
    parser.add_argument(
        "--i-know-this-is-open",
        action="store_true",
        help="allow a --host other than loopback (there is no login: anyone who reaches it can start sessions)",
    )
    parser.add_argument(
        "--max-sessions",
        type=int,
        default=DEFAULT_MAX_SESSIONS,
        metavar="N",
        help=f"practice sessions at once, one per browser tab, each some 70 MB; a tab past it "
        f"is refused with a page that says so (default {DEFAULT_MAX_SESSIONS})",
    )
    parser.add_argument(
        "--idle-minutes",
        type=int,
        default=DEFAULT_IDLE_MINUTES,
        metavar="N",
        help="close a tab that sends no key for N minutes (paused ones too): its session ends "
        f"as if the tab had been closed and frees its place (default {DEFAULT_IDLE_MINUTES})",
    )
    parser.add_argument(
        "--print-command", action="store_true", help="print the command each tab runs, and stop"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    asked = exam_requested(argv)
    if asked is not None:
        print(
            f"serve.py: '{asked}': this serves practice only, never an exam. A browser tab can be "
            "closed, reloaded or switched away from, and the page has no login; exams run over SSH "
            "on a locked-down terminal (docs/deployment.md).",
            file=sys.stderr,
        )
        return 2
    args = build_parser().parse_args(argv)
    if not is_loopback(args.host) and not args.i_know_this_is_open:
        print(
            f"serve.py: {args.host} is not a loopback address. textual-serve has no login, so anyone "
            "who can reach it can start sessions on this machine. Put it behind a reverse proxy that "
            "asks for a login and keep --host 127.0.0.1, or pass --i-know-this-is-open.",
            file=sys.stderr,
        )
        return 2
    if args.max_sessions < 1:
        print("serve.py: --max-sessions must be 1 or more.", file=sys.stderr)
        return 2
    if args.idle_minutes < 1:
        print("serve.py: --idle-minutes must be 1 or more.", file=sys.stderr)
        return 2
    command = practice_command(args)
    if args.print_command:
        print(command)
        return 0
    try:
        from textual_serve.server import Server
    except ImportError:
        print(
            "serve.py: textual-serve is not installed. Install the web extra: "
            "pip install 'helpdesk-exam[web]'  (or: pip install 'textual-serve>=1.1')",
            file=sys.stderr,
        )
        return 2
    Path(args.logs).mkdir(parents=True, exist_ok=True)
    server = capped_server(Server, args.max_sessions, args.idle_minutes * 60.0)(
        command,
        host=args.host,
        port=args.port,
        title="helpdesk-exam practice",
        public_url=args.public_url,
    )
    server.serve()
    return 0


def capped_server(
    server_class: type,
    max_sessions: int,
    idle_s: float = DEFAULT_IDLE_MINUTES * 60.0,
    clock: Callable[[], float] = time.monotonic,
    check_s: float = IDLE_CHECK_S,
) -> type:
    """textual-serve's `Server`, starting at most `max_sessions` practice processes at once:
    one more websocket gets `FULL_TEXT` in its terminal and is closed (no process started),
    and the page itself says so with 503 while every place is taken. A tab that sends no
    keys for `idle_s` (on `clock`, looked at every `check_s`) is closed (`IDLE_TEXT`)."""
    from aiohttp import web

    class CappedServer(server_class):  # type: ignore[misc, valid-type]
        sessions = 0
        limit = max_sessions

        async def _process_messages(
            self, websocket: web.WebSocketResponse, app_service: object
        ) -> None:
            """textual-serve's, with the tab's last key noted and its quiet watched."""
            last = [clock()]
            send_bytes = app_service.send_bytes  # type: ignore[attr-defined]

            async def typed(data: bytes) -> bool:
                last[0] = clock()
                return bool(await send_bytes(data))

            app_service.send_bytes = typed  # type: ignore[attr-defined]
            watch = asyncio.ensure_future(_close_when_idle(websocket, last))
            try:
                await super()._process_messages(websocket, app_service)
            finally:
                watch.cancel()

        async def handle_index(self, request: web.Request) -> object:
            if self.sessions >= self.limit:
                return web.Response(status=503, text=FULL_TEXT.format(n=self.limit))
            return await super().handle_index(request)

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            if self.sessions >= self.limit:
                websocket = web.WebSocketResponse()
                await websocket.prepare(request)
                await websocket.send_bytes(("\r\n  " + FULL_TEXT.format(n=self.limit)).encode())
                await websocket.close()
                return websocket
            self.sessions += 1
            try:
                return await super().handle_websocket(request)
            finally:
                self.sessions -= 1

    async def _close_when_idle(websocket: web.WebSocketResponse, last: list[float]) -> None:
        while clock() - last[0] < idle_s:
            await asyncio.sleep(check_s)
        text = "\r\n  " + IDLE_TEXT.format(n=round(idle_s / 60))
        with contextlib.suppress(Exception):  # the tab may be gone already
            await websocket.send_bytes(text.encode())
        await websocket.close()

    return CappedServer


if __name__ == "__main__":
    raise SystemExit(main())
