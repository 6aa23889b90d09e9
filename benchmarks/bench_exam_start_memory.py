"""What an exam process holds right after its first frame (branch mem20).

    python benchmarks/bench_exam_start_memory.py [--runs 3] [--wait 3] [--trace]

Starts `helpdesk-exam exam` as the login wrapper does (a pseudo-terminal of 120 x 40, the
wrapper's clean environment, the centre's key and proctor code, the shared lemma tables of
`language cache`, bench_sitting's compressed `en-northwind-monday`), waits for the exam
screen's first frame and `--wait` seconds more (the language warm-up and start-up's
collection), then reads /proc: RSS and its high-water mark, PSS, and RSS split into anonymous
memory (the process's own: Python's heap, module code) and file pages (shared libraries).
With `--trace`, one more run under `tracemalloc` (one frame): the Python heap by package.
A run ends with SIGTERM (the log left unsealed, as a power cut leaves it).
"""

from __future__ import annotations

import argparse
import collections
import fcntl
import os
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_sitting as sitting  # noqa: E402

FIRST_FRAME_S = 60.0
TRACED = """
import os, sys, threading, time, tracemalloc
tracemalloc.start(1)
def dump():
    while not os.path.exists(os.environ["HXB_TRACE_NOW"]):
        time.sleep(0.05)
    tracemalloc.take_snapshot().dump(os.environ["HXB_TRACE_OUT"])
threading.Thread(target=dump, daemon=True).start()
from helpdesk_tui.cli import main
sys.argv = ["helpdesk-exam", *sys.argv[1:]]
raise SystemExit(main())
"""


def prepare(root: Path) -> Path:
    """Keys with a proctor code, the compressed scenario and the lemma tables, as a sitting."""
    program = Path(sys.executable).with_name("helpdesk-exam")
    (root / "keys").mkdir()
    sitting.run(str(program), "keys", "init", str(root / "keys"), "--proctor-code-stdin",
                input_text=sitting.PROCTOR_CODE + "\n")  # fmt: skip
    sitting.load_scenario_copy(root / "scenario")
    sitting.run(str(program), "language", "cache", str(root / "cache"), "--lang", "en")
    return root


def memory(pid: int) -> dict[str, float]:
    """RSS, its high-water mark, PSS, anonymous and file-backed RSS, in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    kb = {k: int(v.split()[0]) for k, v in re.findall(r"^(\w+):\s+(\d+ kB)", status, re.M)}
    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    roll = {k: int(v) for k, v in re.findall(r"^(\w+):\s+(\d+) kB", rollup, re.M)}
    return {
        "rss": kb["VmRSS"] / 1024,
        "hwm": kb["VmHWM"] / 1024,
        "pss": roll.get("Pss", 0) / 1024,
        "anon": kb.get("RssAnon", 0) / 1024,
        "file": kb.get("RssFile", 0) / 1024,
    }


def start_exam(root: Path, wait: float, trace: Path | None = None) -> dict[str, float]:
    """One exam on a pty: seconds to its first frame, and its memory `wait` s after it."""
    logs = Path(tempfile.mkdtemp(prefix="logs-", dir=root))
    env = {
        "HOME": str(logs), "PATH": "/usr/local/bin:/usr/bin:/bin", "TERM": "xterm-256color",
        "LANG": "C.UTF-8", "LANGUAGE": "en", "HELPDESK_EXAM_CANDIDATE": "c0001",
        "HELPDESK_EXAM_CACHE_DIR": str(root / "cache"),
    }  # fmt: skip
    head = [sys.executable, "-c", TRACED] if trace else [sys.executable, "-m", "helpdesk_tui.cli"]
    if trace:
        env |= {"HXB_TRACE_OUT": str(trace), "HXB_TRACE_NOW": str(trace) + ".now"}
    argv = [*head, "exam", str(root / "scenario"), "--candidate", "c0001",
            "--key", str(root / "keys" / "exam-centre.key"), "--logs", str(logs)]  # fmt: skip
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", sitting.ROWS, sitting.COLS, 0, 0))
    began = time.monotonic()
    process = subprocess.Popen(
        argv, env=env, stdin=slave, stdout=slave, stderr=slave, start_new_session=True,
        preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),  # noqa: PLW1509
    )  # fmt: skip
    os.close(slave)
    seen, first = b"", None
    try:
        while time.monotonic() - began < FIRST_FRAME_S + wait:
            if first is not None and time.monotonic() - began >= first + wait:
                break
            if select.select([master], [], [], 0.1)[0]:
                try:
                    seen = (seen + sitting.strip(os.read(master, 65536)))[-20000:]
                except OSError:
                    break
            if first is None and sitting.EXAM_SCREEN in seen:
                first = time.monotonic() - began
        if first is None:
            raise RuntimeError(f"no exam screen within {FIRST_FRAME_S} s: {seen[-400:]!r}")
        figures = {"first_frame_s": first, **memory(process.pid)}
        if trace:
            Path(str(trace) + ".now").touch()
            for _ in range(600):
                if trace.exists() and trace.stat().st_size:
                    time.sleep(0.5)  # the dump is written whole before the next check
                    break
                time.sleep(0.1)
        return figures
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        os.close(master)


def by_package(snapshot_file: Path, top: int = 15) -> list[tuple[str, float]]:
    """The traced heap grouped by package of the allocating line (module code loaded by
    the import system counts as `<import>`), MB."""
    import tracemalloc

    snapshot = tracemalloc.Snapshot.load(str(snapshot_file))
    totals: collections.Counter[str] = collections.Counter()
    for stat in snapshot.statistics("filename"):
        name = stat.traceback[0].filename
        if name.startswith("<frozen importlib"):
            key = "<import>"
        elif match := re.search(r"site-packages/([^/]+)/", name):
            key = match[1]
        elif match := re.search(r"(helpdesk_tui/[^/]+)", name):
            key = match[1].removesuffix(".py")
        elif match := re.search(r"python3\.\d+/([^/]+)", name):
            key = "stdlib " + match[1].removesuffix(".py")
        else:
            key = name
        totals[key] += stat.size
    return [(k, v / 1e6) for k, v in totals.most_common(top)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--wait", type=float, default=3.0)
    parser.add_argument("--trace", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hxb-start-") as folder:
        root = prepare(Path(folder))
        print(f"exam start, {args.runs} runs, memory {args.wait:g} s after the first frame")
        print("run  first frame s  RSS MB  HWM MB  PSS MB  anon MB  file MB")
        rows = []
        for n in range(args.runs):
            row = start_exam(root, args.wait)
            rows.append(row)
            print(f"{n + 1:3d}  {row['first_frame_s']:13.2f}  {row['rss']:6.1f}  {row['hwm']:6.1f}"
                  f"  {row['pss']:6.1f}  {row['anon']:7.1f}  {row['file']:7.1f}", flush=True)  # fmt: skip
        median = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
        print(f"med  {median['first_frame_s']:13.2f}  {median['rss']:6.1f}  {median['hwm']:6.1f}"
              f"  {median['pss']:6.1f}  {median['anon']:7.1f}  {median['file']:7.1f}")  # fmt: skip
        print(f"({sitting.uptime()})")
        if args.trace:
            snap = root / "trace.snapshot"
            traced = start_exam(root, args.wait, trace=snap)
            print(f"traced run (tracemalloc, 1 frame; slower): RSS {traced['rss']:.1f} MB")
            for name, mb in by_package(snap):
                print(f"  {mb:6.2f} MB  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
