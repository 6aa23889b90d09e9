"""What an exam's start-up loads: not the practice-only code (coaching, the answer key's
reading in `assess`), not the tools around it (register, report, browser serving).

Each module an exam loads and never runs is memory in every one of a sitting's 30 to 60
exam processes. Checked in a fresh interpreter: the exam is built as `helpdesk-exam exam`
builds it (`practice.prepare` with mode "exam" and the locked-down app), shown headless
until it is ready, and `sys.modules` is read.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from .conftest import SIZE, Rig

ROOT = Path(__file__).resolve().parents[2]
NOT_IN_AN_EXAM = (
    "helpdesk_tui.assess",
    "helpdesk_tui.runtime.coaching",
    "helpdesk_tui.ui.practice_controls",
    "helpdesk_tui.ui.review",
    "helpdesk_tui.ui.room",
    "helpdesk_tui.ui.observe",
    "helpdesk_tui.sitting",
    "tinydb",
    "textual_serve",
    "PIL",
)

PROBE = """
import asyncio, json, sys, tempfile
from argparse import Namespace
from functools import partial
from pathlib import Path

from helpdesk_tui.commands import practice
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.ui.lockdown import LockdownApp

logs = Path(tempfile.mkdtemp())
args = Namespace(scenario="en-northwind-monday", lang="en", logs=logs, candidate="c0001")
scenario = practice.load(practice.find_scenario(args.scenario))
run = practice.prepare(
    args, scenario=scenario, mode="exam", signer=Signer.generate(),
    app_class=partial(LockdownApp, proctor_key=logs / "exam-centre.key"),
    app_options={"handle_signals": False, "tick_interval": None},
)

async def show():
    async with run.app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()

asyncio.run(show())
run.writer.close()
print(json.dumps(sorted(sys.modules)))
"""


def probe(code: str) -> Any:
    """The JSON the probe's last line prints, run in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_an_exam_starts_without_practice_and_tool_modules() -> None:
    loaded = probe(PROBE)
    assert "helpdesk_tui.ui.lockdown" in loaded  # the probe did build an exam
    unwanted = [m for m in loaded if any(m == n or m.startswith(n + ".") for n in NOT_IN_AN_EXAM)]
    assert unwanted == [], f"an exam's start-up loads {unwanted}"


PROBE_LAYER = PROBE.replace(
    "print(json.dumps(sorted(sys.modules)))",
    """import threading
for thread in threading.enumerate():
    if thread.name == "language-warm-up":
        thread.join(60)
from helpdesk_tui.language import acts_model
print(json.dumps({
    "tables": acts_model.table.cache_info().currsize,
    "dict_models": acts_model.models.cache_info().currsize,
}))""",
)


def test_an_exam_keeps_its_act_model_compact() -> None:
    """(mem20) An exam reads its language's act model once, as the compact `Table` (flat
    arrays), and never builds the per-act dicts of floats beside it (`acts_model.models`,
    for tools and tests): 3.9 MB of every English exam's heap before, 1.1 MB now. Checked
    in a fresh interpreter after the exam's first frame and its language warm-up."""
    assert probe(PROBE_LAYER) == {"tables": 1, "dict_models": 0}


async def test_start_up_and_quiet_collections_give_freed_memory_back(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After start-up's collection, and after each full collection in a typing pause,
    the heap's free pages go back to the system (issue 15: RSS per session)."""
    from helpdesk_tui.ui import app as app_module

    trims: list[str] = []
    monkeypatch.setattr(app_module, "release_free_memory", lambda: trims.append("trim"))
    app = rig.app(tune_gc=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert trims == ["trim"]  # on_ready: collect, freeze, trim
        app._last_input = app._last_gc = time.monotonic() - app_module.GC_EVERY_S - 1
        # a reference cycle: garbage only the collector frees
        cycle: list[object] = []
        cycle.append(cycle)
        del cycle
        app._collect_if_quiet()
        assert trims == ["trim", "trim"]
        app._collect_if_quiet()  # too soon after the last one: nothing
        assert trims == ["trim", "trim"]


async def test_a_full_collection_waits_for_a_second_without_keys_but_not_forever(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full collection (5-30 ms of CPU) half a second after a key met the typist's next
    key, which often comes 0.5-0.8 s after the last (issue 15, bench_sitting's slow later
    keys): it now waits for a second without a key, but a candidate who never pauses that
    long still gets one every 30 s (the exam grows while the garbage piles up)."""
    from helpdesk_tui.ui import app as app_module

    collections: list[str] = []
    monkeypatch.setattr(app_module, "release_free_memory", lambda: None)
    app = rig.app(tune_gc=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        monkeypatch.setattr(app_module.gc, "collect", lambda: collections.append("full") or 1)

        def at(since_key: float, since_collection: float) -> list[str]:
            collections.clear()
            now = time.monotonic()
            app._last_input, app._last_gc = now - since_key, now - since_collection
            app._collect_if_quiet()
            return list(collections)

        assert at(since_key=0.7, since_collection=12) == []  # a gap between two keys
        assert at(since_key=1.1, since_collection=12) == ["full"]  # a pause
        assert at(since_key=5.0, since_collection=8) == []  # a pause, but one 8 s ago
        assert at(since_key=0.1, since_collection=29) == []  # typing on
        assert at(since_key=0.1, since_collection=31) == ["full"]  # 30 s without a pause
