"""The sitting benchmark's machinery, small: 2 candidates for a few seconds through ptys.

`benchmarks/bench_sitting.py --mode pty` runs the real login wrapper (its
second step, as sudo starts it) and the real exam on a pseudo-terminal per
candidate, types, hands in and verifies. This keeps the benchmark from rotting
between the runs that produce its figures; it asserts that the machinery
works, not how fast it is.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_sitting.py"

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="pseudo-terminals and /proc")


def test_two_candidates_type_hand_in_and_their_logs_verify(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    argv = [sys.executable, str(BENCH), "--mode", "pty", "--candidates", "2", "--seconds", "3"]
    result = subprocess.run([*argv, "--json", str(out)], capture_output=True, text=True, timeout=90)
    assert result.returncode == 0, result.stdout + result.stderr
    figures = json.loads(out.read_text())
    assert figures["mode"] == "pty"
    assert figures["exam_processes_found"] == 2
    rows = figures["candidates"]
    assert len(rows) == 2
    assert all(row["keys"] > 0 and 20 < row["rss_mb"] < 500 for row in rows)
    assert sum(row["measured"] for row in rows) > 0
    assert len(figures["verify"]) == 2 and set(figures["verify"].values()) == {0}
    assert figures["append"]["n"] > 10
    logged = figures["phases"]["logs"]  # each log's exam-second phase was found
    assert sum(logged["whole_seconds"]) == sum(logged["with_tick_phase"]) == 2
    assert "verify: 2/2 logs sealed and intact; 0 intact but not sealed" in result.stdout
    leftovers = [line for line in result.stdout.splitlines() if line.startswith("kept:")]
    assert not leftovers


def test_profile_split_puts_each_stack_in_its_first_matching_part(tmp_path: Path) -> None:
    """py-spy's raw format: `frame;frame;... count`. Counts written by hand here."""
    sys.path.insert(0, str(BENCH.parent))
    import bench_sitting

    stacks = tmp_path / "c1.txt"
    stacks.write_text(
        "main (cli.py:1);FrameTimer._run (frames.py:62);Screen._refresh_layout (screen.py:1) 7\n"
        "main (cli.py:1);FrameTimer._run (frames.py:62);Compositor.render_update (c.py:2) 5\n"
        "main (cli.py:1);ExamApp._scheduled_tick (app.py:351);ExamApp._collect_if_quiet (a:1) 3\n"
        "Thread.run (t.py:1);SafeWriter.run (terminal.py:94);Condition.wait (threading.py:327) 11\n"
        "main (cli.py:1);append (helpdesk_tui/eventlog/writer.py:80);_sync (w.py:45) 2\n"
        "main (cli.py:1);something_else (x.py:1) 1\n"
        "not a sample line\n"
    )
    parts = bench_sitting.profile_split(stacks)
    assert parts["frames: layout"] == 7
    assert parts["frames: paint"] == 5
    assert parts["GC (full collection in a pause)"] == 3
    assert parts["idle (blocked in select/wait)"] == 11
    assert parts["log append (JSON, signing, fsync)"] == 2
    assert parts["other"] == 1
    assert sum(parts.values()) == 29


def test_tick_phase_finds_the_once_a_second_redraw_among_key_echoes() -> None:
    """Output at 0.33 s into every second (the redraw) and at random moments (keys' echoes)."""
    import random

    sys.path.insert(0, str(BENCH.parent))
    import bench_sitting

    rng = random.Random(5)
    redraws = [1000 + second + 0.33 for second in range(30)]
    echoes = [1000 + rng.uniform(0, 30) for _ in range(60)]
    found = bench_sitting.tick_phase(sorted(redraws + echoes))
    assert found is not None
    phase, share = found
    assert 0.30 <= phase <= 0.35
    assert share > 0.9
    assert bench_sitting.tick_phase(echoes[:5]) is None  # too little output to tell


def test_a_figure_not_measured_shows_as_a_dash_not_nan() -> None:
    """bugs9: in pty mode the session's other processes are not measured, and `sess%`
    printed "nan". The row is written by hand here, the columns counted from the header."""
    sys.path.insert(0, str(BENCH.parent))
    import bench_sitting

    nan = float("nan")
    row = {"candidate": "c01", "keys": 40, "measured": 38, "missed": 0, "p50": 7.25,
           "p95": 12.0, "p99": 30.0, "max": 31.5, "cpu_pct": 4.0,
           "session_overhead_pct": nan, "rss_mb": 60.0}  # fmt: skip
    line = bench_sitting.candidate_line(row)
    assert "nan" not in line
    expected = (
        "c01             "
        + "    40    38    0     7.2    12.0    30.0    31.5    4.0      -    60.0"
    )
    assert line == expected
