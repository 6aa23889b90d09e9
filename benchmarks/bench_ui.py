"""UI benchmarks (issue 4): key-press-to-screen latency under load, one SLA tick, start-up.

    python benchmarks/bench_ui.py [--keys 300] [--startup-runs 5] [--dir DIR]

Load: 300 tickets in the queue, 8 open chats, a customer message every 2 s,
the SLA clocks ticking, the real signed log (fsync per event) in a temporary
folder, the real exam clock and the app's own 0.2 s scheduler tick, at
120 x 40. The app runs headless through Textual's pilot; each frame is turned
into the bytes a terminal would receive (`render_segments`), so "on screen"
includes that work. Keys are sent one at a time with 20-60 ms between them
(a fast typist), so ticks, messages and frames interleave with key presses.

- latency: from sending the key to the end of the first frame rendered after
  all of the key's effect (the cursor moved and the ticket area shows that
  ticket; the character is in the box; the area is entered and logged), over
  a mix of queue cursor keys, typing in a chat and area switches (F2/F4).
  Targets: p95 < 25 ms, p99 < 50 ms. Opening and closing a ticket form (a
  new screen of about 30 widgets) and typing in it are measured too and
  reported on their own.
- SLA tick: one redraw of the whole queue's SLA column as the clock passes a
  second: the queue model for 300 tickets, and the same plus the table's
  update by difference (not the paint). Target: median < 5 ms.
- floors: a bare Textual app in the same run and process: a key echoed into an
  `Input`, and a `ModalScreen` of four inputs pushed and shown. Targets (issue
  14): the mix p95 <= 2 x and p99 <= 3 x the key floor's p95; opening a form
  p50 <= 3 x the form floor's; one SLA tick p99 <= 8.3 ms.
- start-up: `helpdesk-exam practice` (the CLI's own path, headless) from
  process start to the first frame of the exam screen with its queue, against
  a bare Textual app (header, static, footer) in the same run, interleaved.
  Bytecode may be cached, as in an installed program (one warm-up run each).
  Targets: < 1.0 s and <= 2.5 x the bare app (median of the run pairs).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import helpdesk_tui.ui  # noqa: F401  (before Textual: it sets the frame rate Textual reads on import)

# isort: split
from textual import constants, events
from textual.widgets import Input

from helpdesk_tui import paths
from helpdesk_tui.core.clock import ExamClock
from helpdesk_tui.core.events import Event
from helpdesk_tui.core.session import ExamSession
from helpdesk_tui.core.state import ExamState
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.eventlog.records import SessionHeader
from helpdesk_tui.eventlog.writer import EventLogWriter
from helpdesk_tui.kb.search import KbIndex
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.session_setup import session_started_data
from helpdesk_tui.ui.app import ExamApp
from helpdesk_tui.ui.controller import ExamController
from helpdesk_tui.ui.screens.form_base import FormScreen
from helpdesk_tui.ui.widgets.ticket_detail import TicketDetail

TICKETS = 300
CHATS = 8
MESSAGE_EVERY_S = 2.0
SIZE = (120, 40)
MIX = ("queue cursor", "typing in a chat", "area switch")
"""The keys the latency targets are judged on; opening a form is reported on its own."""


class LoadStimuli:
    """300 queued tickets and 8 chats at minute 0, then a customer message every 2 s."""

    def __init__(self, customers: list[str], levels: tuple[str, ...]) -> None:
        rng = random.Random(4)
        self._opening: list[tuple[str, dict[str, Any]]] = []
        for n in range(TICKETS):
            self._opening.append(
                (
                    "ticket_preloaded",
                    {
                        "ticket_id": f"Q-{n + 1:03d}",
                        "customer_id": customers[n % len(customers)],
                        "title": f"Load ticket {n + 1}: printer, VPN or mailbox trouble",
                        "description": "Generated for the benchmark.",
                        "created_at": -rng.uniform(0, 900),
                        "impact": rng.choice(levels),
                        "urgency": rng.choice(levels),
                    },
                )
            )
        for n in range(CHATS):
            data = {"conversation_id": f"C-{n}", "customer_id": customers[n % len(customers)]}
            self._opening.append(("chat_opened", data))
        self._next = MESSAGE_EVERY_S
        self._count = 0

    def opening(self, state: ExamState) -> list[tuple[str, dict[str, Any]]]:
        return self._opening

    def next_due(self, state: ExamState) -> float | None:
        return self._next

    def pop_due(self, state: ExamState, until: float) -> tuple[float, str, dict[str, Any]] | None:
        if self._next > until:
            return None
        at, self._next = self._next, self._next + MESSAGE_EVERY_S
        self._count += 1
        text = f"Message {self._count}: is there any news about my problem? It is getting urgent."
        return at, "customer_message", {"conversation_id": f"C-{self._count % CHATS}", "text": text}

    def observe(self, state: ExamState, event: Event) -> None:
        pass


def loaded_app(folder: Path, clock: Any = None) -> tuple[ExamApp, EventLogWriter]:
    """The exam app on the load above, with the real signed log in `folder`."""
    scenario = load_scenario(paths.scenarios_dir() / "en-northwind-monday")
    header = SessionHeader(
        session_id="bench",
        candidate_id="bench",
        mode="practice",
        scenario_id=scenario.id,
        scenario_sha256="0" * 64,
        sla_profile_sha256="0" * 64,
    )
    writer = EventLogWriter.create(
        folder / f"bench-{time.time_ns()}.jsonl", header, Signer.ephemeral()
    )
    stimuli = LoadStimuli([c.id for c in scenario.customers], scenario.sla.levels)
    session = ExamSession(clock or ExamClock(), writer, stimuli)
    session.start(session_started_data(scenario, "practice", "bench", "bench"))
    controller = ExamController(session, scenario, KbIndex(scenario.kb))
    return ExamApp(controller), writer


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


# --------------------------------------------------------------------------- latency


class FrameClock:
    """When each frame reached the terminal: wraps the app's `_display` (the frame is
    rendered to the bytes a terminal would get), for the product and the floors alike,
    so both are measured the same way."""

    def __init__(self, app: Any) -> None:
        self.frames: list[float] = []
        self._app = app
        self._original = app._display
        app._display = self._display

    def _display(self, screen: Any, renderable: Any) -> None:
        if renderable is not None and hasattr(renderable, "render_segments"):
            renderable.render_segments(self._app.console)  # the bytes a terminal would get
        self._original(screen, renderable)
        self.frames.append(time.perf_counter())

    async def key_to_frame(
        self, driver: Any, key: str, char: str | None, done: Callable[[], bool]
    ) -> tuple[float, float]:
        """Send a key, wait until `done()` and the next frame after it: (sent, frame shown)."""
        sent = time.perf_counter()
        driver.send_message(events.Key(key, char))
        while not done():
            await asyncio.sleep(0)
        handled = time.perf_counter()
        while not self.frames or self.frames[-1] < handled:
            await asyncio.sleep(0)
        return sent, self.frames[-1]

    def presser(
        self, driver: Any, samples: dict[str, list[float]], rng: random.Random
    ) -> Callable[[str, str | None, Callable[[], bool], str], Awaitable[None]]:
        """Record each key's key-to-frame time under `kind`; then a typist's pause."""

        async def press(key: str, char: str | None, done: Callable[[], bool], kind: str) -> None:
            sent, shown = await self.key_to_frame(driver, key, char, done)
            samples[kind].append(shown - sent)
            await asyncio.sleep(rng.uniform(0.02, 0.06))

        return press


@dataclass
class MixRig:
    """The loaded app on screen, as the benchmarks that replay the key mix need it."""

    app: ExamApp
    pilot: Any
    driver: Any
    clock: FrameClock
    rng: random.Random


@contextlib.asynccontextmanager
async def mix_rig(phase: float | None = None) -> AsyncIterator[MixRig]:
    """bench_ui's loaded app running (a log in a temporary folder, `SIZE`, settled for half a
    second), for the benchmarks that replay its mix (bench_key_tail, bench_slow_keys,
    bench_mix_tail) so they measure the same app; `phase` sets the tick's phase in the second.
    The app exits and the log closes when the block ends."""
    with tempfile.TemporaryDirectory() as tmp:
        app, writer = loaded_app(Path(tmp))
        if phase is not None:
            app.tick_phase = phase
        try:
            clock = FrameClock(app)
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause(0.5)
                assert app._driver is not None
                yield MixRig(app, pilot, app._driver, clock, random.Random(7))
                app.exit()
        finally:
            writer.close()


async def play_mix(app: ExamApp, pilot: Any, press: Any, keys: int, rng: random.Random) -> None:
    """The key mix (queue cursor, chat typing, the area switches between them), one
    definition for this benchmark and bench_key_cpu.py so their figures compare."""
    main = app.main

    def shows_row(row: int) -> bool:
        """The cursor moved and the ticket area shows the ticket it moved to."""
        detail = main.query_one(TicketDetail)
        moved = main.queue.cursor_row != row
        return moved and detail.ticket_id == main.queue.selected_id

    for n in range(keys):
        phase = n % 30
        if phase < 12:
            if app.focused is not main.queue:
                await press("f2", None, lambda: main.area == "queue", "area switch")
            row = main.queue.cursor_row
            key = "down" if (n // 30) % 2 == 0 else "up"
            await press(key, None, lambda row=row: shows_row(row), "queue cursor")
        else:
            reply = main.conversations.input
            if app.focused is not reply:
                await press("f4", None, lambda: main.area == "conversation", "area switch")
            if len(reply.value) > 60:
                reply.value = ""
                await pilot.pause()
            length = len(reply.value)
            char = rng.choice("abcdefghijklmnopqrstuvwxyz ")
            key = "space" if char == " " else char
            await press(key, char, lambda n=length, r=reply: len(r.value) > n, "typing in a chat")


async def measure_latency(app: ExamApp, keys: int) -> dict[str, list[float]]:
    frame_clock = FrameClock(app)
    kinds = (*MIX, "open a form", "close a form", "typing in a form")
    samples: dict[str, list[float]] = {kind: [] for kind in kinds}
    rng = random.Random(7)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
        main = app.main
        driver = app._driver
        assert driver is not None

        press = frame_clock.presser(driver, samples, rng)
        await play_mix(app, pilot, press, keys, rng)
        if app.focused is not main.queue:
            await press("f2", None, lambda: main.area == "queue", "area switch")
        for _ in range(10):  # heavier, rarer keys: reported on their own
            await press("e", "e", lambda: isinstance(app.screen, FormScreen), "open a form")
            await press("escape", None, lambda: app.screen is main, "close a form")
        await press("e", "e", lambda: isinstance(app.screen, FormScreen), "open a form")
        title = app.screen.query_one("#title", Input)  # the exam ticking on behind the form
        title.value = ""
        for _ in range(60):
            length = len(title.value)
            await press("a", "a", lambda n=length: len(title.value) > n, "typing in a form")
        app.exit()
    return samples


# --------------------------------------------------------------------------- floors

FLOOR_FORM_INPUTS = 4


async def measure_floors(keys: int, forms: int = 20) -> dict[str, list[float]]:
    """A bare Textual app doing the same kind of work, measured the same way in the
    same process: a key echoed into an `Input` (the key floor), and a `ModalScreen`
    with a few inputs pushed and shown with its first input focused (the form floor).
    The targets are ratios to these, so they hold on a slower machine too."""
    from textual.app import App, ComposeResult
    from textual.containers import Vertical
    from textual.screen import ModalScreen
    from textual.widgets import Label

    class Form(ModalScreen[None]):
        BINDINGS = [("escape", "dismiss", "Close")]

        def compose(self) -> ComposeResult:
            with Vertical():
                for n in range(FLOOR_FORM_INPUTS):
                    yield Label(f"Field {n}")
                    yield Input(id=f"f{n}")

        def on_mount(self) -> None:
            self.query_one("#f0", Input).focus()

    class Bare(App[None]):
        BINDINGS = [("ctrl+n", "form", "Form")]

        def compose(self) -> ComposeResult:
            yield Input(id="box")

        def action_form(self) -> None:
            self.push_screen(Form())

    app = Bare()
    frame_clock = FrameClock(app)
    samples: dict[str, list[float]] = {"key floor": [], "form floor": []}
    rng = random.Random(7)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.3)
        driver = app._driver
        assert driver is not None
        box = app.query_one("#box", Input)
        box.focus()
        await pilot.pause()

        press = frame_clock.presser(driver, samples, rng)

        for _ in range(keys):
            if len(box.value) > 60:
                box.value = ""
                await pilot.pause()
            length = len(box.value)
            await press("a", "a", lambda n=length: len(box.value) > n, "key floor")
        for _ in range(forms):
            await press(
                "ctrl+n",
                None,
                lambda: isinstance(app.screen, Form) and app.screen.focused is not None,
                "form floor",
            )
            app.screen.dismiss(None)
            await pilot.pause()
        app.exit()
    return samples


# --------------------------------------------------------------------------- SLA tick


async def measure_sla_tick(folder: Path, runs: int = 200) -> tuple[list[float], list[float]]:
    from helpdesk_tui.core.clock import ManualClock

    clock = ManualClock()
    app, writer = loaded_app(folder, clock)
    model_times: list[float] = []
    redraw_times: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        app.tick_interval = None
        await pilot.pause()
        controller = app.controller
        for _ in range(runs):
            clock.advance(1.0)
            now = controller.now()
            t0 = time.perf_counter()
            rows = controller.queue.rows(controller.state, now)
            model_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            app.main.queue.sync(controller.queue.rows(controller.state, now))
            redraw_times.append(time.perf_counter() - t0)
        assert len(rows) == TICKETS
    writer.close()
    return model_times, redraw_times


# --------------------------------------------------------------------------- start-up

PRACTICE_CHILD = textwrap.dedent(
    """
    import sys, time
    import helpdesk_tui.ui.app as ui_app
    run = ui_app.ExamApp.run
    def first_frame(self, *args, **kwargs):
        display = self._display
        def shown(screen, renderable):
            display(screen, renderable)
            if renderable is not None and self.screen is self.main and self.main.queue.row_count:
                print("FRAME", repr(time.time()), flush=True)
                self.exit()
        self._display = shown
        return run(self, *args, **(kwargs | {"headless": True, "size": (120, 40)}))
    ui_app.ExamApp.run = first_frame
    import helpdesk_tui.commands.exam as exam
    exam.on_a_terminal = lambda: True  # headless on purpose: practice refuses a pipe otherwise
    from helpdesk_tui.cli import main
    main(["practice", "--logs", sys.argv[1], "--candidate", "bench", "--lang", "en", *sys.argv[2:]])
    """
)
"""`helpdesk-exam practice` itself (the CLI's whole path), headless, leaving at the
first frame that shows the exam screen with its queue. The child's output is a pipe, which
`practice` refuses since qa-play9 (`exam.require_screen`): the child says it is a terminal."""

BARE_CHILD = textwrap.dedent(
    """
    import time
    from textual.app import App
    from textual.widgets import Footer, Header, Static
    class Bare(App):
        BINDINGS = [("q", "quit", "Quit")]
        def compose(self):
            yield Header()
            yield Static("hello")
            yield Footer()
    app = Bare()
    display = app._display
    def shown(screen, renderable):
        display(screen, renderable)
        if renderable is not None:
            print("FRAME", repr(time.time()), flush=True)
            app.exit()
    app._display = shown
    app.run(headless=True, size=(120, 40))
    """
)


def _child_env() -> dict[str, str]:
    """As an installed program runs: bytecode may be cached (PYTHONDONTWRITEBYTECODE off)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def time_child(code: str, folder: Path, *args: str) -> float:
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, str(folder), *args],
        capture_output=True,
        text=True,
        check=True,
        env=_child_env(),
    )
    frame = next(line for line in out.stdout.splitlines() if line.startswith("FRAME "))
    return float(frame.split()[1]) - start


def measure_startup(
    folder: Path, runs: int, scenario: str | None = None
) -> tuple[list[float], list[float]]:
    """`scenario`: what `practice` is started on (default: the bundled default scenario)."""
    extra = (scenario,) if scenario else ()
    time_child(BARE_CHILD, folder)  # warm-up: bytecode caches written, files in the page cache
    time_child(PRACTICE_CHILD, folder, *extra)
    practice_times, bare_times = [], []
    for _ in range(runs):  # interleaved, so both see the same machine
        bare_times.append(time_child(BARE_CHILD, folder))
        practice_times.append(time_child(PRACTICE_CHILD, folder, *extra))
    return practice_times, bare_times


# --------------------------------------------------------------------------- report


def ms(value: float) -> str:
    return f"{value * 1000:.2f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--startup-runs", type=int, default=5)
    parser.add_argument(
        "--dir", type=Path, default=None, help="folder for the logs (default: temp)"
    )
    parser.add_argument(
        "--scenario",
        default=None,
        help="start-up on this scenario (folder or bundled id; default: the bundled default)",
    )
    parser.add_argument(
        "--startup-only", action="store_true", help="measure the start-up alone (no key presses)"
    )
    args = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {os.cpu_count()} cores, load average {load:.2f} at the start")
    print(f"frames: up to {constants.MAX_FPS} a second (as the exam app runs)")
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        if args.startup_only:
            report_startup(folder, args.startup_runs, args.scenario)
            return 0
        app, writer = loaded_app(folder)
        samples = asyncio.run(measure_latency(app, args.keys))
        writer.close()
        every = [v for kind in MIX for v in samples[kind]]
        print(
            f"key press to screen ({TICKETS} tickets, {CHATS} chats, a message every {MESSAGE_EVERY_S:g} s):"
        )
        for kind, values in [*samples.items(), ("the mix (first 3)", every)]:
            print(
                f"  {kind:<17} n={len(values):<4} median {ms(statistics.median(values))}"
                f"  p95 {ms(percentile(values, 95))}  p99 {ms(percentile(values, 99))}"
                f"  max {ms(max(values))}"
            )
        p95, p99 = percentile(every, 95), percentile(every, 99)
        print(
            f"  target p95 < 25 ms: {'met' if p95 < 0.025 else 'MISSED'};"
            f" p99 < 50 ms: {'met' if p99 < 0.050 else 'MISSED'}"
        )
        floors = asyncio.run(measure_floors(args.keys))
        print("a bare Textual app in the same run (the floors):")
        for kind, values in floors.items():
            print(
                f"  {kind:<17} n={len(values):<4} median {ms(statistics.median(values))}"
                f"  p95 {ms(percentile(values, 95))}  p99 {ms(percentile(values, 99))}"
            )
        key_floor = percentile(floors["key floor"], 95)
        form_floor = statistics.median(floors["form floor"])
        form_open = statistics.median(samples["open a form"])
        print(
            f"  the mix p95 / key floor p95 = {p95 / key_floor:.2f} x (target <= 2):"
            f" {'met' if p95 <= 2 * key_floor else 'MISSED'}"
        )
        print(
            f"  the mix p99 / key floor p95 = {p99 / key_floor:.2f} x (target <= 3):"
            f" {'met' if p99 <= 3 * key_floor else 'MISSED'}"
        )
        print(
            f"  form open p50 / form floor p50 = {form_open / form_floor:.2f} x (target <= 3):"
            f" {'met' if form_open <= 3 * form_floor else 'MISSED'}"
        )

        model, redraw = asyncio.run(measure_sla_tick(folder))
        print(f"one SLA tick of the whole queue ({TICKETS} tickets):")
        print(
            f"  queue model        median {ms(statistics.median(model))}  p99 {ms(percentile(model, 99))}"
        )
        print(
            f"  model + table diff median {ms(statistics.median(redraw))}  p99 {ms(percentile(redraw, 99))}"
        )
        print(
            f"  target < 5 ms (median): {'met' if statistics.median(redraw) < 0.005 else 'MISSED'};"
            f" <= 8.3 ms (p99, one frame at 120 Hz): {'met' if percentile(redraw, 99) <= 0.0083 else 'MISSED'}"
        )

        report_startup(folder, args.startup_runs, args.scenario)
    return 0


def report_startup(folder: Path, runs: int, scenario: str | None) -> None:
    practice_times, bare_times = measure_startup(folder, runs, scenario)
    p, b = statistics.median(practice_times), statistics.median(bare_times)
    ratio = statistics.median(x / y for x, y in zip(practice_times, bare_times, strict=True))
    on = f" on {scenario}" if scenario else ""
    print(f"start-up{on} to the first complete frame ({runs} runs each, interleaved):")
    print(
        f"  helpdesk-exam practice median {p:.3f} s, best {min(practice_times):.3f} s"
        f" (runs: {', '.join(f'{t:.3f}' for t in practice_times)})"
    )
    print(
        f"  bare Textual app       median {b:.3f} s, best {min(bare_times):.3f} s"
        f" (runs: {', '.join(f'{t:.3f}' for t in bare_times)})"
    )
    print(
        f"  ratio (median of run pairs) {ratio:.2f} x, best to best {min(practice_times) / min(bare_times):.2f} x"
    )
    print(
        f"  target < 1.0 s: {'met' if p < 1.0 else 'MISSED'};"
        f" <= 2.5 x: {'met' if ratio <= 2.5 else 'MISSED'}"
    )


if __name__ == "__main__":
    sys.exit(main())
