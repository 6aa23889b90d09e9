"""What keeps the suite within its time on two cores (docs/known-issues.md, the suite's time).

It does not change what a test checks: it chooses the order tests start in, when
the garbage collector runs, and lets the apps share their parsed CSS (`SharedCss`).
"""

from __future__ import annotations

import gc
import os
import resource
import shutil
import socket
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import pilot_idle

# Seconds one xdist worker spends on a test (the longest matching node-id prefix
# counts; from `--durations=0` of a full run on the loaded 2-core machine,
# 2026-12-03: only the order matters). The slowest start first (longest
# processing time first), so the run ends on millisecond tests spread over both
# workers instead of one worker alone in the 2-minute playthrough. Update it
# when `--durations=30` shows a new slow test; an unlisted test costs 0 and
# keeps its place in the collection order.
SLOW_FIRST: dict[str, float] = {
    "tests/ui/test_playthrough.py": 130,
    "tests/ui/test_form_reuse.py::test_the_log_is_the_same_as_with_a_fresh_form_each_time": 36,
    "tests/ui/test_key_fuzz.py::test_random_keys_never_raise": 30,
    "tests/ui/test_languages_small.py": 25,
    "tests/ui/test_no_way_out.py::test_no_link_in_any_article_or_screen_opens_anything": 25,
    "tests/commands/test_exam_scenario.py": 20,
    "tests/ui/test_input_pty.py": 12,
    "tests/ui/test_viewers_pty.py": 10,
    "tests/ui/test_exam_pty.py": 10,
    "tests/assess/test_fast_path.py": 12,
    "tests/sitting/test_register.py::test_twenty_processes_at_once_lose_no_update": 13,
    "tests/benchmarks/": 12,
    "tests/deploy/test_browser_practice.py": 12,
    "tests/scenario/test_fuzz.py": 8,
    # Seen late in a worker's run (2026-12-04, suite-time8's loaded full run, CPU s):
    "tests/language/test_acts_table.py::test_tag_questions_are_found_as_before": 4,  # suite-time14
    "tests/core/test_sla_plan.py::test_a_plan_equals_ticket_sla_until_the_ticket_changes": 3,
    "tests/commands/test_scenario_vary_cmd.py::test_five_forms_of_the_bundled_scenario": 3,
    "tests/core/test_parsed_event_check.py::test_the_quick_check_agrees_with_the_full_one": 2,
    "tests/core/test_sla_properties.py": 7,
    "tests/ui/test_paste_limits.py": 6,
    "tests/ui/": 4,
    "tests/deploy/": 1,
    "tests/test_import_hygiene.py": 3,
    "tests/runtime/": 1,
    "tests/commands/": 0.5,
}


def slow_first_cost(nodeid: str) -> float:
    """The cost in `SLOW_FIRST` of the longest prefix of `nodeid`, else 0."""
    best = max((p for p in SLOW_FIRST if nodeid.startswith(p)), key=len, default=None)
    return SLOW_FIRST[best] if best is not None else 0.0


# -- The garbage collector between tests ------------------------------------------

GC_THRESHOLDS = (700, 10, 1_000_000)
"""Python's default is (700, 10, 10): a full collection every ten middle ones. A UI
test builds an app of thousands of objects that live through the test, so they reach
the oldest generation, and each full collection walks them and everything Textual
still holds from the apps before (see `_forget_finished_apps`): 38 % of a UI file's
CPU was the collector (tests/ui/test_tickets.py and test_flow.py, `-n 0`: 12.2 of
31.9 s, 32 full collections). The exam keeps full collections for its quiet moments
(`ui.app.GC_THRESHOLDS`) and the review for when the scrubber rests
(`ui.review.app.QuietCollector`); the suite keeps them for the gaps between tests,
when the finished test's app is garbage and nothing is running."""
FREEZE_COLLECTED_ENV = "HELPDESK_SUITE_FREEZE_COLLECTED"
"""Set to 0 for the full collections to walk the collected tests' objects too, to compare."""
FULL_COLLECTION_AFTER = 100
"""Middle-generation collections since the last full one (each is some 7,000
allocations) after which the next gap between tests collects everything: a tenth as
often as Python's default, so the memory of finished tests is given back within a few
tests."""


class BetweenTestsCollector:
    """Full garbage collections between tests, not in the middle of them.

    What a test checks does not change: the collector still runs (the young
    generations as usual, the full one between tests), and a test that needs a
    collection at a given moment calls `gc.collect()` itself."""

    def before_collection(self) -> None:
        """No automatic full collection while the tests are collected either: the heap
        only grows then (modules, items, parameters), and Python's default walked it
        whole 24 times in a worker that collected the whole suite (2.1-2.3 s of CPU a
        worker, 0.2 s so; `--collect-only -n 0`, 2026-12-05). `start` collects it once."""
        gc.set_threshold(*GC_THRESHOLDS)

    def start(self) -> None:
        """From now on no automatic full collection; `between_tests` does them.

        What is alive once the tests are collected (the modules, the collected items,
        their parameters: some 210,000 objects a worker for the whole suite, 2026-12-05)
        lives until the run ends; it is frozen (`gc.freeze`, unless
        `FREEZE_COLLECTED_ENV` is 0), so no full collection between tests walks it again
        (0.12 s of CPU each, a loaded machine). Objects made later, the tests' own, are
        collected as before."""
        gc.collect()
        self.freezing = os.environ.get(FREEZE_COLLECTED_ENV) != "0"
        if self.freezing:
            gc.freeze()
        gc.set_threshold(*GC_THRESHOLDS)

    freezing = False

    def between_tests(self) -> None:
        """Collect everything once enough has moved up since the last full collection.

        A test that unfroze everything (an exam app with `tune_gc` unmounting, the report
        command's freeze test) thawed the collected tests too: frozen again after this
        collection, with what else outlived it (the session's shared runs and scenarios)."""
        if gc.get_count()[2] >= FULL_COLLECTION_AFTER:
            _forget_finished_apps()
            gc.collect()
            if self.freezing and gc.get_freeze_count() == 0:
                gc.freeze()

    def finish(self) -> None:
        """After the last test: collect once, then freeze what is left (`gc.freeze`).

        pytest's own cleanup then collects five times more (to find unraisable
        exceptions); in an xdist worker that cleanup runs after the worker told the
        controller it was finished, and execnet sends a worker still running 5 s after
        that a SIGINT. A UI worker's heap took 5.3 s for those five collections (a
        loaded machine), so the KeyboardInterrupt landed in whatever ran, e.g.
        hypothesis's gc callback: a `PytestUnraisableExceptionWarning` at the end of a
        full run. Frozen objects are not walked again: the five collections find
        nothing new in a few milliseconds. Anything unraisable is still found: this
        collection runs with pytest's hook in place."""
        _forget_finished_apps()
        gc.collect()
        gc.freeze()


def _forget_finished_apps() -> None:
    """Let the finished tests' apps go before collecting: Textual's
    `StylesCache.get_inner_outer` is an `lru_cache` on a method, so its 1,024 entries
    keep as many widgets' StylesCaches alive with every line they cached (in a UI
    file, 400,000 objects after fifteen tests, four fifths of what a full collection
    walked; 90,000 are left once it is cleared). It only remembers a sum of two colours.

    `DataTable._get_styles_to_render_cell` is another (32 entries, keyed by the table): it
    kept the last app with a table (the exam's queue) alive through the collection after
    its test, so the next full collection walked it once more before freeing it (some
    20,000-80,000 objects a collection; tests/ui test_flow, test_tickets, test_app,
    test_conversations and test_kb, `-n 0`: full collections 4.77, 4.76 -> 4.33, 4.32 s,
    2026-12-05). It only remembers which styles a kind of cell takes."""
    styles_cache = sys.modules.get("textual._styles_cache")
    if styles_cache is not None:
        styles_cache.StylesCache.get_inner_outer.cache_clear()
    data_table = sys.modules.get("textual.widgets._data_table")
    if data_table is not None:
        data_table.DataTable._get_styles_to_render_cell.cache_clear()


# -- The CPU of each test -----------------------------------------------------------

CPU_RECORD_ENV = "HELPDESK_SUITE_CPU"
"""A folder: when set, each process of the run (every xdist worker) writes there a
line per test (node id, CPU s of the process, CPU s of its waited-for children,
wall s, start s since the epoch, the pilot's idle waits, the wall s in them and the s
of sleep they asked for). Wall time on the shared machine is noise; the CPU and the
asked-for sleep are what a quiet run's time is made of (`tests/suite_cpu.py` sums them)."""


class CpuRecord:
    """The CPU a test costs its worker, setup and teardown included."""

    def __init__(self, folder: str, worker: str) -> None:
        self._path = os.path.join(folder, f"{worker}.tsv")
        self._out: IO[str] | None = None

    @staticmethod
    def _now() -> tuple[float, float, float]:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.process_time(), children.ru_utime + children.ru_stime, time.perf_counter()

    def around(self, nodeid: str) -> Callable[[], None]:
        """Call before a test; call what it returns after the test."""
        start_epoch = time.time()
        cpu0, kids0, wall0 = self._now()
        waited_before = list(pilot_idle.WAITED)

        def done() -> None:
            cpu1, kids1, wall1 = self._now()
            waits, waited, slept = (
                now - then for now, then in zip(pilot_idle.WAITED, waited_before, strict=True)
            )
            if self._out is None:  # opened by the first test: the xdist controller runs none
                os.makedirs(os.path.dirname(self._path), exist_ok=True)
                self._out = open(self._path, "a", encoding="utf-8")  # noqa: SIM115
            self._out.write(
                f"{nodeid}\t{cpu1 - cpu0:.4f}\t{kids1 - kids0:.4f}\t{wall1 - wall0:.4f}\t{start_epoch:.3f}"
                f"\t{waits}\t{waited:.4f}\t{slept:.4f}\n"
            )
            self._out.flush()

        return done


# -- The apps' CSS, parsed once per worker --------------------------------------------

SHARED_CSS_ENV = "HELPDESK_SUITE_SHARED_CSS"
"""Set to 0 for each app parsing its stylesheet itself, as Textual does, to compare."""
SHARED_CSS_MAX = 4096
"""Parsed sources kept (a UI worker meets some 60 distinct ones per theme)."""


class SharedCss:
    """Every app's stylesheet parses a CSS source the way another app's already did.

    Textual keeps a stylesheet's parsed sources in that stylesheet
    (`Stylesheet._parse_rules`, its `_parse_cache`), so each app the suite starts
    parses all its CSS again: some 42 sources (the widgets' and screens' .tcss and
    Textual's DEFAULT_CSS), 15 % of an exam app's start-up CPU (0.26 -> 0.22 s, a
    UI worker starts hundreds). Here the parsed rules are kept for the worker,
    under everything the parse reads: the CSS text, where it was read from, the
    defaults flag, the tie breaker, the scope and the stylesheet's variables (the
    theme). Rule sets are only read once parsed (Textual's own cache already hands
    the same ones to every later parse of a stylesheet); a source that fails to
    parse is not kept, so it fails again in every app, and rules with errors still
    make `Stylesheet.parse` refuse them. What a test sees does not change.

    It was off for a while (2026-12-04): tests/ui/test_covered_redraw.py failed in
    full runs with it on. No test changed a kept rule set (each one's styles, layout
    objects included, compared before and after every test of tests/ui, tests/i18n
    and tests/commands); a faster form mount made a frame race likelier, in which a
    repaint asked of the screen behind the form waited for the next change behind it
    (fixed in `helpdesk_tui.ui.frames.Paced._refresh_layout`; tests/ui/test_frames.py)."""

    def __init__(self) -> None:
        self.kept: dict[tuple[Any, ...], list[Any]] = {}
        self.parsed = 0

    def install(self) -> None:
        from textual.css.stylesheet import Stylesheet

        own = Stylesheet._parse_rules
        if getattr(own, "shared_by", None) is not None:
            return
        kept = self.kept

        def parse_rules(
            sheet: Stylesheet,
            css: str,
            read_from: Any,
            is_default_rules: bool = False,
            tie_breaker: int = 0,
            scope: str = "",
        ) -> list[Any]:
            key = (css, read_from, is_default_rules, tie_breaker, scope, _variables_key(sheet))
            rules = kept.get(key)
            if rules is None:
                rules = own(sheet, css, read_from, is_default_rules, tie_breaker, scope)
                self.parsed += 1
                if len(kept) >= SHARED_CSS_MAX:
                    kept.clear()
                kept[key] = rules
            return rules

        parse_rules.shared_by = self  # type: ignore[attr-defined]
        parse_rules.own = own  # type: ignore[attr-defined]
        Stylesheet._parse_rules = parse_rules  # type: ignore[method-assign]


def _variables_key(sheet: Any) -> tuple[tuple[str, str], ...]:
    """The stylesheet's variables as a key, worked out once per variables dict (Textual
    replaces the dict, never changes it, when the theme changes: `set_variables`)."""
    variables = sheet._variables
    memo = sheet.__dict__.get("_suite_variables_key")
    if memo is None or memo[0] is not variables:
        memo = (variables, tuple(sorted(variables.items())))
        sheet.__dict__["_suite_variables_key"] = memo
    return memo[1]


# -- Textual's strips make their caches when first used ------------------------------

LAZY_STRIPS_ENV = "HELPDESK_SUITE_LAZY_STRIPS"
"""Set to 0 for every strip making its seven caches at once, as Textual does, to compare."""
STRIP_CACHES = {
    "_divide_cache": 4,
    "_crop_cache": 16,
    "_style_cache": 16,
    "_filter_cache": 4,
    "_line_length_cache": 4,
    "_crop_extend_cache": 4,
    "_offsets_cache": 4,
}
"""A `textual.strip.Strip`'s caches and their sizes, as its `__init__` makes them (8.2.x)."""


def lazy_strip_caches() -> None:
    """Each `Strip` makes a cache when it is first used, not all seven when it is made.

    Textual's `Strip.__init__` makes seven `FIFOCache`s (a dict each) for every line it
    renders, and most lines never use one: an exam app's start and a few keys leave some
    1,700 strips and 11,800 caches behind, 40 % of the objects its garbage holds (a
    finished test's, tracked by the collector; 2026-12-05). Here `__init__` leaves the
    seven slots empty and the first read of one (`__getattr__`, which Python calls for an
    empty slot) makes the very cache Textual would have, of the same size, and keeps it
    in that slot: every method reads and fills the same caches as before, so every strip
    and every frame is the same (Textual's own `Content` makes its cache this way)."""
    from textual.cache import FIFOCache
    from textual.strip import Strip

    expected = {
        *STRIP_CACHES,
        "_segments",
        "_cell_length",
        "_render_cache",
        "_link_ids",
        "_cell_count",
    }
    if getattr(Strip.__init__, "lazy_caches", False) or set(Strip.__slots__) != expected:
        return  # done, or another Textual: its strips as they are
    own = Strip.__init__

    def __init__(self: Any, segments: Any, cell_length: int | None = None) -> None:
        self._segments = list(segments)
        self._cell_length = cell_length
        self._render_cache = None
        self._link_ids = None
        self._cell_count = None

    def __getattr__(self: Any, name: str) -> Any:
        size = STRIP_CACHES.get(name)
        if size is None:
            raise AttributeError(name)
        cache = FIFOCache(size)
        setattr(self, name, cache)
        return cache

    __init__.lazy_caches = True  # type: ignore[attr-defined]
    __init__.own = own  # type: ignore[attr-defined]
    Strip.__init__ = __init__  # type: ignore[method-assign]
    Strip.__getattr__ = __getattr__  # type: ignore[attr-defined]


# -- pytest-rerunfailures' status socket, without Nagle's wait -------------------------


def rerun_status_without_delay() -> None:
    """Every test of an xdist worker waited some 40 ms for nothing: pytest-rerunfailures
    (with `--reruns`, pyproject.toml) keeps its counts in the controller and each worker
    asks over a TCP socket, two small writes per test ("set", then the next test's "get").
    With Nagle's algorithm on, the "get" waits for the ACK of the "set", which the
    controller delays (Linux's delayed ACK, 40 ms) since it has nothing to answer a "set"
    with. Measured (2026-12-04, the lead, quiet): a trivial test 45 ms of wall for 3 ms of
    CPU under `-n 2`, 10 ms under `-n 0`; tests/core 15.0 s -> 7.9 s with the plugin off;
    about 90 s of each worker's 6 minutes in a fresh-clone CI run. TCP_NODELAY on the
    status sockets sends each message at once; what the plugin does is unchanged."""
    try:
        import pytest_rerunfailures
    except ImportError:
        return
    socket_db = getattr(pytest_rerunfailures, "SocketDB", None)
    if socket_db is None or getattr(socket_db, "_without_delay", False):
        return
    opened = socket_db.__init__

    def without_delay(self: Any) -> None:
        opened(self)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    socket_db.__init__ = without_delay
    socket_db._without_delay = True


# -- The test modules' asserts rewritten once per run, not once per worker ------------

REWRITTEN_ENV = "HELPDESK_SUITE_REWRITTEN"
"""The folder the xdist controller wrote the rewritten test modules to, when Python may
not write bytecode (PYTHONDONTWRITEBYTECODE): the workers read them from there."""


def rewrite_test_modules_once(config: Any) -> str | None:
    """In the xdist controller, before the workers start: every test module and conftest
    rewritten (pytest's assertion rewriting) and written where the workers look for it.

    Each worker collects every module, and rewriting their asserts (parse, rewrite,
    compile: some 3 s of CPU for the suite's 260 modules) was done by every worker: in a
    fresh clone the three start together and all rewrite, and with PYTHONDONTWRITEBYTECODE
    (this machine sets it) pytest writes nothing, so every worker of every run rewrote them.
    The code is pytest's own (`_rewrite_test`, `_write_pyc`), and a worker reads a module
    with pytest's own `_read_pyc`, which refuses a file whose source changed (mtime,
    size). Python may write bytecode: the modules' usual `__pycache__`, as pytest
    would. It may not: a temporary folder (returned; `forget_rewritten` removes it), named
    to the workers in `REWRITTEN_ENV` (`read_rewritten_from`). Anything unexpected
    (another pytest) and nothing is done: the workers rewrite as before."""
    try:
        from _pytest.assertion.rewrite import (
            PYC_TAIL,
            _read_pyc,
            _rewrite_test,
            _write_pyc,
            assertstate_key,
            get_cache_dir,
        )
        from _pytest.pathlib import fnmatch_ex
    except ImportError:
        return None
    if config.getoption("assertmode", "rewrite") != "rewrite":
        return None
    state = config.stash[assertstate_key]
    patterns = config.getini("python_files")
    modules = sorted(
        path
        for arg in config.args
        for top in [Path(arg.split("::")[0])]
        for path in ([top] if top.is_file() else top.rglob("*.py"))
        if path.name == "conftest.py" or any(fnmatch_ex(p, path) for p in patterns)
    )
    folder = tempfile.mkdtemp(prefix="rewritten-") if sys.dont_write_bytecode else None
    for module in (m.resolve() for m in modules):
        cache = _cache_dir_in(folder, module) if folder else get_cache_dir(module)
        pyc = cache / (module.name[:-3] + PYC_TAIL)
        if _read_pyc(module, pyc) is not None:
            continue
        try:
            source_stat, code = _rewrite_test(module, config)
            cache.mkdir(parents=True, exist_ok=True)
        except (OSError, SyntaxError):
            continue  # the worker meets it and says what is wrong, as before
        _write_pyc(state, code, source_stat, pyc)
    if folder:
        os.environ[REWRITTEN_ENV] = folder  # the workers (started after this) inherit it
    return folder


def _cache_dir_in(folder: str, module: Path) -> Path:
    """Where a module's rewritten code is kept under `folder` (as under sys.pycache_prefix)."""
    return Path(folder) / Path(*module.parts[1:-1])


def read_rewritten_from(folder: str) -> None:
    """In a worker: pytest looks for rewritten modules in `folder` (`rewrite_test_modules_once`)."""
    from _pytest.assertion import rewrite

    own = getattr(rewrite.get_cache_dir, "own", rewrite.get_cache_dir)

    def get_cache_dir(file_path: Path) -> Path:
        return _cache_dir_in(folder, Path(file_path))

    get_cache_dir.own = own  # type: ignore[attr-defined]
    rewrite.get_cache_dir = get_cache_dir


def forget_rewritten(folder: str | None) -> None:
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
        os.environ.pop(REWRITTEN_ENV, None)
