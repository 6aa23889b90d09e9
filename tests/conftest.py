"""Fixtures shared by every test package: an SLA profile, a session_started payload, the bundled runs.

Keep this file small; fixtures one package needs belong in that package's tests.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pilot_idle
import pytest
from bundled_kit import LazyMap, bundled_scenario, plays_on
from suite_speed import (
    CPU_RECORD_ENV,
    LAZY_STRIPS_ENV,
    REWRITTEN_ENV,
    SHARED_CSS_ENV,
    BetweenTestsCollector,
    CpuRecord,
    SharedCss,
    forget_rewritten,
    lazy_strip_caches,
    read_rewritten_from,
    rerun_status_without_delay,
    rewrite_test_modules_once,
    slow_first_cost,
)
from tiers import mark_nets

from helpdesk_tui import paths
from helpdesk_tui.core.events import SCHEMA_VERSION
from helpdesk_tui.core.sla import PriorityTargets, SlaProfile
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.simulate.runner import RunResult, run_headless

rerun_status_without_delay()  # before pytest-rerunfailures opens its sockets (its pytest_configure)
if os.environ.get("PYTEST_XDIST_WORKER") and (_rewritten := os.environ.get(REWRITTEN_ENV)):
    read_rewritten_from(_rewritten)  # before this worker collects a test module

RAM_TMP = "/dev/shm"
RAM_TMP_MIN_FREE = 1 << 30
"""The suite's temporary files take some 100 MB; a smaller /dev/shm (Docker's 64 MB) is not used."""


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """The pilot's idle wait from the event loop (`pilot_idle`; HELPDESK_SUITE_PILOT_WINDOWS=1
    keeps Textual's 20 ms windows), the apps' CSS parsed once per worker
    (`suite_speed.SharedCss`; HELPDESK_SUITE_SHARED_CSS=0 parses it in every app), strips
    that make their caches when first used (`suite_speed.lazy_strip_caches`;
    HELPDESK_SUITE_LAZY_STRIPS=0 makes all seven with each strip), no
    full garbage collection while the tests are collected (`BetweenTestsCollector`),
    and temporary folders in RAM (tmpfs) when there is one and TMPDIR is not set.

    The event log fsyncs every record (its durability promise); the suite writes
    some 100 000 records (every bundled scenario simulated, exams in pseudo-
    terminals, logs broken on purpose), and on a disk each fsync waits for it:
    minutes of a CI run spent waiting, not testing. On tmpfs an fsync returns at
    once; the code path is the same. Tests that check durability do it by killing
    the process (the kernel keeps what was written) or by making `fsync` fail,
    neither of which needs a disk. Set TMPDIR (or pass --basetemp) to choose.
    """
    pilot_idle.install(windows=os.environ.get(pilot_idle.WINDOWS_ENV) == "1")
    if os.environ.get("PYTEST_XDIST_WORKER") or not config.getoption("numprocesses", None):
        _COLLECTOR.before_collection()  # a process that runs tests (not xdist's controller)
    if os.environ.get(SHARED_CSS_ENV) != "0":
        SharedCss().install()
    if os.environ.get(LAZY_STRIPS_ENV) != "0":
        lazy_strip_caches()
    if "TMPDIR" in os.environ or config.option.basetemp or not os.path.isdir(RAM_TMP):
        return
    try:
        usable = os.access(RAM_TMP, os.W_OK | os.X_OK)
        free = os.statvfs(RAM_TMP).f_bavail * os.statvfs(RAM_TMP).f_frsize
    except OSError:
        return
    if usable and free >= RAM_TMP_MIN_FREE:
        os.environ["TMPDIR"] = RAM_TMP  # pytest-xdist's workers and subprocesses inherit it
        tempfile.tempdir = None  # gettempdir() reads TMPDIR again


WORKERS_ENV = "HELPDESK_SUITE_WORKERS"


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto` (pyproject's addopts): one worker more than the cores this process may use.

    About 80 s of the two workers' time in a quiet run is spent waiting in real time
    (pseudo-terminals, the login wrapper, the pilot's idle waits: benchmarks/README.md, "The
    suite's time (branch suite-time9)"); a third worker on two cores runs tests meanwhile. The
    same tree, quiet, one run after the other (the lead, 2026-12-04): 5m27 on two workers and
    4m57 on three; again 4m18 and 4m04. HELPDESK_SUITE_WORKERS=N sets the number."""
    if (wanted := os.environ.get(WORKERS_ENV, "").strip()).isdigit():
        return max(1, int(wanted))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) + 1


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The nets marked (`tiers.mark_nets`: before pytest's `-m` deselects them), then the
    slowest tests first (`suite_speed.SLOW_FIRST`); a stable sort, the same on every worker.

    Under `--dist loadgroup`, xdist still sends the bundled scenarios' groups
    (several tests each) before the single tests, and hands a worker one unit at
    a time as it runs dry, so this order is the order single tests start in."""
    mark_nets(items)
    items.sort(key=lambda item: -slow_first_cost(item.nodeid))


_COLLECTOR = BetweenTestsCollector()


def pytest_collection_finish(session: pytest.Session) -> None:
    """Full garbage collections only between tests (`suite_speed.BetweenTestsCollector`)."""
    _COLLECTOR.start()


def pytest_runtest_logfinish(nodeid: str, location: tuple[str, int | None, str]) -> None:
    _COLLECTOR.between_tests()


_REWRITTEN: list[str | None] = []


def pytest_sessionstart(session: pytest.Session) -> None:
    """In the xdist controller, before it starts the workers (xdist's own hook runs last):
    the test modules' asserts rewritten once for all of them (`suite_speed.rewrite_test_modules_once`)."""
    if session.config.pluginmanager.has_plugin("dsession"):
        _REWRITTEN.append(rewrite_test_modules_once(session.config))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The last collection before an xdist worker says it is done (`BetweenTestsCollector.finish`)."""
    _COLLECTOR.finish()
    while _REWRITTEN:
        forget_rewritten(_REWRITTEN.pop())


_CPU_RECORD = (
    CpuRecord(os.environ[CPU_RECORD_ENV], os.environ.get("PYTEST_XDIST_WORKER", "main"))
    if os.environ.get(CPU_RECORD_ENV)
    else None
)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Any:
    """With HELPDESK_SUITE_CPU set, each test's CPU is written down (`suite_speed.CpuRecord`)."""
    if _CPU_RECORD is None:
        yield
        return
    done = _CPU_RECORD.around(item.nodeid)
    yield
    done()


_LEVELS = ("high", "medium", "low")
_MATRIX = {
    "high": {"high": "P1", "medium": "P2", "low": "P3"},
    "medium": {"high": "P2", "medium": "P3", "low": "P4"},
    "low": {"high": "P3", "medium": "P4", "low": "P4"},
}
# Exam seconds: first response, update interval, resolution; warning at a fraction used.
_TARGETS = {
    "P1": ("Critical", 300, 900, 3600, 0.75),
    "P2": ("High", 600, 1800, 7200, 0.75),
    "P3": ("Medium", 1200, 3600, 14400, 0.8),
    "P4": ("Low", 2400, 7200, 28800, 0.8),
}


def make_sla_profile() -> SlaProfile:
    return SlaProfile(
        id="test",
        name="Test profile",
        levels=_LEVELS,
        matrix={k: dict(v) for k, v in _MATRIX.items()},
        priorities={
            p: PriorityTargets(name, float(fr), float(up), float(res), warn)
            for p, (name, fr, up, res, warn) in _TARGETS.items()
        },
        pausing_states=frozenset({"pending_customer", "pending_third_party"}),
    )


def build_session_started(**overrides: Any) -> dict[str, Any]:
    """A valid `session_started` payload; an override of None removes that field."""
    data: dict[str, Any] = {
        "scenario_id": "printer-floor-2",
        "scenario_title": "The printer on the second floor",
        "language": "en",
        "duration_s": 18000,
        "mode": "practice",
        "candidate_id": "cand-001",
        "session_id": "sess-001",
        "schema_version": SCHEMA_VERSION,
        "sla_profile": make_sla_profile().to_dict(),
        "groups": [
            {"id": "network", "name": "Network team"},
            {"id": "workplace", "name": "Workplace support"},
        ],
        "categories": ["hardware", "software", "access"],
        "kb_articles": ["KB-001", "KB-002", "KB-003"],
        "customers": [
            {
                "id": "c-ann",
                "name": "Ann Peeters",
                "technical_level": "novice",
                "mood": "calm",
                "patience_s": 120,
                "department": "Finance",
            },
            {
                "id": "c-bob",
                "name": "Bob Martens",
                "technical_level": "expert",
                "mood": "irritated",
                "patience_s": 60,
            },
        ],
    }
    for key, value in overrides.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


@pytest.fixture(scope="session")
def sla_profile() -> SlaProfile:
    return make_sla_profile()


@pytest.fixture(scope="session")
def session_started_data() -> Callable[..., dict[str, Any]]:
    """Call it (with overrides) for a fresh, valid `session_started` payload."""
    return build_session_started


@pytest.fixture(scope="session")
def bundled_scenarios() -> LazyMap[str, Scenario]:
    """Folder name -> the bundled scenario, loaded when first asked."""
    return LazyMap(lambda name: bundled_scenario(paths.scenarios_dir() / name))


@pytest.fixture(scope="session")
def bundled_runs(
    bundled_scenarios: LazyMap[str, Scenario], tmp_path_factory: pytest.TempPathFactory
) -> LazyMap[tuple[str, str], RunResult]:
    """(scenario folder name, policy) -> the signed, sealed run (its log on disk), made when first asked;
    only the pairs `bundled_kit.plays_on` names (on a drill, not every policy).

    The suite's most expensive setup (see tests/bundled_kit.py): tests that use it
    take their scenario's xdist group (`by_scenario`), so each run is made once."""
    logs: Path = tmp_path_factory.mktemp("bundled-logs")

    def run(key: tuple[str, str]) -> RunResult:
        name, policy = key
        assert policy in plays_on(name), (
            f"{policy} on {name}: not one of the runs the suite plays (bundled_kit.plays_on); "
            "take the pairs from bundled_kit.played"
        )
        return run_headless(bundled_scenarios[name], policy, out=logs / f"{name}-{policy}.jsonl")

    return LazyMap(run)


@pytest.fixture
def a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """`practice`, `resume`, `review`, `observe` and `room` refuse to start without a terminal
    (`commands.exam.require_screen`); a test that runs one with its app's `run` replaced
    says it has one."""
    from helpdesk_tui.commands import exam

    monkeypatch.setattr(exam, "on_a_terminal", lambda: True)
