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
from collections import deque
from collections.abc import Callable
from pathlib import Path

LOOPBACK_NAMES = {"localhost"}
DEFAULT_MAX_SESSIONS = 10
"""Practice processes at once (each some 70 MB, one per browser tab): a class of ten on one
small machine. textual-serve itself starts one per websocket, with no cap (sec19)."""
DEFAULT_IDLE_MINUTES = 30
"""A tab that sends no key (nor mouse move) for this long is closed, as if the student had
closed it: its practice ends as on a hang-up, its log kept, its place free. Without it a
tab left open, or paused with F9 (the practice clock stops, so time never runs out), held
its place and its 70 MB process for good, and anyone who reached the port could take every
place with `--max-sessions` quiet websockets (sec23)."""
DEFAULT_STARTS_PER_MINUTE = 6
"""Practice sessions one client address may start in a minute (each a process and a log of
some 12 KB). Without it, tabs opened and closed one after another made a log each, bounded
only by how fast a process starts (sec23: 20 logs in 105 s). A student who reloads a few
times stays under it. Behind a reverse proxy every tab comes from the proxy's address:
raise it to the class's size there (docs/practice-in-browser.md)."""
DEFAULT_MAX_RESTARTS = 5
"""Restarts (Ctrl+R, each a new log) one tab's practice may make (`practice --max-restarts`):
with `DEFAULT_STARTS_PER_MINUTE`, an address makes at most 6 x 6 = 36 logs a minute."""
WINDOW_S = 60.0
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
    argv += ["--max-restarts", str(args.max_restarts)]
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
        "--starts-per-minute",
        type=int,
        default=DEFAULT_STARTS_PER_MINUTE,
        metavar="N",
        help="practice sessions one client address may start in a minute (each a process and "
        "a log); past it the tab is refused with a page that says so. Behind a reverse proxy "
        f"all tabs share the proxy's address (default {DEFAULT_STARTS_PER_MINUTE})",
    )
    parser.add_argument(
        "--max-restarts",
        type=int,
        default=DEFAULT_MAX_RESTARTS,
        metavar="N",
        help="restarts (Ctrl+R, each a new log) a tab's practice may make; past it the "
        f"practice says to end it and open the page again (default {DEFAULT_MAX_RESTARTS})",
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
    for name in ("idle_minutes", "starts_per_minute"):
        if getattr(args, name) < 1:
            print(f"serve.py: --{name.replace('_', '-')} must be 1 or more.", file=sys.stderr)
            return 2
    if args.max_restarts < 0:
        print("serve.py: --max-restarts must be 0 or more.", file=sys.stderr)
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
    from helpdesk_tui import i18n

    i18n.set_language(i18n.choose_language(args.lang))  # the page's and the tab's words
    server = capped_server(
        Server, args.max_sessions, args.idle_minutes * 60.0, starts=args.starts_per_minute
    )(
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
    starts: int = DEFAULT_STARTS_PER_MINUTE,
) -> type:
    """textual-serve's `Server`, bounded: at most `max_sessions` practice processes at once
    (one more websocket gets `FULL_TEXT` in its terminal and is closed, no process started;
    the page says so with 503), at most `starts` started per client address in a minute
    (`STARTS_TEXT`, the page 429), and a tab that sends no keys for `idle_s` (on `clock`,
    looked at every `check_s`) is told so (`IDLE_TEXT`), its practice told why
    (`web_guard.TAB_IDLE`, for the log), and closed.

    What it wraps of textual-serve: the routes' `handle_index` and `handle_websocket`
    (public names `_make_app` routes to) and the private `_process_messages(websocket,
    app_service)` with `app_service.send_bytes` and `send_meta`; tests/deploy/
    test_sec23_serve_idle.py and test_sec24_serve_starts.py fail if an upgrade moves them."""
    from aiohttp import web

    from helpdesk_tui.i18n import _, fill
    from helpdesk_tui.ui.web_text import FULL_TEXT, IDLE_TEXT, STARTS_TEXT, TAB_IDLE

    started: dict[str, deque[float]] = {}
    """Per client address, when its sessions of the last minute started."""

    def recent(address: str) -> deque[float]:
        """The address's starts within the minute; addresses with none are forgotten."""
        for key in [k for k, times in started.items() if times and clock() - times[-1] >= WINDOW_S]:
            del started[key]
        times = started.setdefault(address, deque())
        while times and clock() - times[0] >= WINDOW_S:
            times.popleft()
        return times

    def refusal(request: web.Request, running: int) -> tuple[int, str] | None:
        """The status and words for a tab refused now, or None when it may start."""
        if running >= max_sessions:
            return 503, fill(_(FULL_TEXT), n=max_sessions)
        if len(recent(request.remote or "")) >= starts:
            return 429, fill(_(STARTS_TEXT), n=starts)
        return None

    class CappedServer(server_class):  # type: ignore[misc, valid-type]
        sessions = 0

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
            watch = asyncio.ensure_future(_close_when_idle(websocket, app_service, last))
            try:
                await super()._process_messages(websocket, app_service)
            finally:
                watch.cancel()

        async def handle_index(self, request: web.Request) -> object:
            refused = refusal(request, self.sessions)
            if refused is not None:
                return web.Response(status=refused[0], text=refused[1])
            return await super().handle_index(request)

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            refused = refusal(request, self.sessions)
            if refused is not None:
                websocket = web.WebSocketResponse()
                await websocket.prepare(request)
                await websocket.send_bytes(("\r\n  " + refused[1]).encode())
                await websocket.close()
                return websocket
            recent(request.remote or "").append(clock())
            self.sessions += 1
            try:
                return await super().handle_websocket(request)
            finally:
                self.sessions -= 1

    async def _close_when_idle(
        websocket: web.WebSocketResponse, app_service: object, last: list[float]
    ) -> None:
        while clock() - last[0] < idle_s:
            await asyncio.sleep(check_s)
        text = "\r\n  " + fill(_(IDLE_TEXT), n=round(idle_s / 60))
        with contextlib.suppress(Exception):  # the tab may be gone already
            await app_service.send_meta({"type": TAB_IDLE})  # type: ignore[attr-defined]
            await websocket.send_bytes(text.encode())
        await websocket.close()

    return CappedServer


if __name__ == "__main__":
    raise SystemExit(main())
