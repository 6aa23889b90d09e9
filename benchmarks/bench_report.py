"""Benchmark: `helpdesk-exam report` of a 5-hour log of 100,000 records.

    python benchmarks/bench_report.py [--records 100000] [--messages 3000] [--dir DIR] [--repeat 3]

Builds the log the way an exam would: the 5-hour, 48-incident scenario of
bench_simulate.py played by the ideal policy, then padded to the record count
with what a busy candidate adds between those moments (moving focus, searching
the KB, notes on open tickets, chat messages), each padding event checked by
the reducer so the log stays a legal exam. The chat messages are drawn from a pool
of `--messages` distinct texts as operators write them (the held-out corpus of the
scenario's language, tests/language/heldout, alone, addressed by first name, or two
sent as one), so the language layer reads as many different messages as a long exam
gives it, not one text from its cache. The log is signed and sealed with
the writer's own encoder. Then it times what `report` does, phase by phase:
verify, read, evidence (the fold and every measurement), and the three
renderers. Target (issue 6): **the whole report < 3 s**. See benchmarks/README.md.
A log this long gets a worker process (assess.prime): it analyses the messages
while the report verifies, and checks the checkpoints' signatures while the
report gathers the evidence; "CPU" of a fresh process counts both processes,
and the in-process run prints the worker's apart.

It then times `helpdesk-exam report LOG --quiet` of the ideal log of each
150-minute exam (nl-lindeveld-examen, en-calder-valley-exam, fr-haute-meuse-examen;
the log made by `helpdesk-exam simulate --policy ideal --out`) in fresh processes,
wall and CPU. Target (issue 16): **< 1 s**. The first of those runs uses an empty
lemma cache (`HELPDESK_EXAM_CACHE_DIR`, see language/compiled.py) and is printed
apart: it is what the very first report on a machine pays. `--exams-only` skips
the 100,000-record log.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console

from helpdesk_tui import paths
from helpdesk_tui.assess.pipeline import assess_log
from helpdesk_tui.assess.report_html import render_html
from helpdesk_tui.assess.report_json import render_json
from helpdesk_tui.assess.report_terminal import render_terminal
from helpdesk_tui.core.events import Event, make_event
from helpdesk_tui.core.reducer import apply, check
from helpdesk_tui.core.state import ExamState
from helpdesk_tui.eventlog.binding import folder_sha256
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.eventlog.records import CheckpointPolicy
from helpdesk_tui.eventlog.testing import build_log_bytes, sample_header
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.simulate.runner import run_headless

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_simulate import write_scenario  # noqa: E402 - the same 5-hour scenario

TARGET_S = 3.0
EXAM_TARGET_S = 1.0
EXAMS = ("nl-lindeveld-examen", "en-calder-valley-exam", "fr-haute-meuse-examen")
HELDOUT = Path(__file__).resolve().parents[1] / "tests" / "language" / "heldout"
FIRST_NAMES = ("Tom", "Sofie", "Ahmed", "Laura", "Jan", "Priya", "Marc", "Els")
PADDING = (
    ("focus_moved", 0.55),
    ("kb_searched", 0.15),
    ("note_added", 0.15),
    ("message_sent", 0.15),
)


def message_pool(lang: str, size: int, seed: int = 2) -> list[str]:
    """`size` distinct chat messages: the held-out corpus's own, then ones addressed by a
    first name or two of them sent as one, as a candidate writes over five hours."""
    lines = (HELDOUT / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line]
    rng = random.Random(seed)
    pool = dict.fromkeys(texts)
    while len(pool) < size:
        first, second = rng.sample(texts, 2)
        pool[rng.choice((f"{rng.choice(FIRST_NAMES)}, {first}", f"{first} {second}"))] = None
    return list(pool)[: max(1, size)]


def padding_event(rng: random.Random, state: ExamState, t: float, messages: list[str]) -> Event:
    """One plausible candidate action at exam time t (focus, search, note, message)."""
    kind = rng.choices([k for k, _ in PADDING], [w for _, w in PADDING])[0]
    tickets = [x.id for x in state.tickets.values() if x.is_active]
    chats = [c.id for c in state.conversations.values() if c.is_live]
    wall = "2026-03-02T09:00:00.000Z"
    if kind == "note_added" and tickets:
        data = {"ticket_id": rng.choice(tickets), "text": f"Checked again at {t:.0f} s, no change."}
    elif kind == "message_sent" and chats:
        data = {"conversation_id": rng.choice(chats), "text": rng.choice(messages)}
    elif kind == "kb_searched":
        data = {"query": rng.choice(["vpn", "printer", "password", "mailbox"]), "results": []}
        kind = "kb_searched"
    else:
        kind, target = "focus_moved", rng.choice([*tickets, *chats, None])
        data = {"area": "queue"} if target is None else {"area": "ticket", "target": target}
    return make_event(kind, data, t, wall)


def padded(events: list[Event], total: int, messages: list[str], seed: int = 1) -> list[Event]:
    """The events with padding spread evenly between them, every one legal where it stands."""
    rng = random.Random(seed)
    extra = max(0, total - len(events))
    per_gap, spare = divmod(extra, max(1, len(events) - 1))
    state = ExamState()
    out: list[Event] = []
    for index, event in enumerate(events):
        apply(state, event)
        out.append(event)
        if index == len(events) - 1 or index == 0:
            continue
        gap = events[index + 1].exam_time - event.exam_time
        count = per_gap + (1 if index <= spare else 0)
        for k in range(count):
            at = event.exam_time + gap * (k + 1) / (count + 1)
            pad = padding_event(rng, state, at, messages)
            if check(state, pad) is None:
                apply(state, pad)
                out.append(pad)
    return out


def build_log(root: Path, records: int, messages: int = 3000) -> tuple[Path, Path]:
    folder = write_scenario(root / "bench-five-hours", 48)
    scenario = load_scenario(folder)
    run = run_headless(scenario, "ideal")
    pool = message_pool(scenario.language, messages)
    events = padded(run.events, int(records / 1.01) - 2, pool)
    header = sample_header(
        mode="practice",
        candidate_id="bench",
        scenario_id=scenario.id,
        scenario_sha256=folder_sha256(folder),
    )
    log = root / "bench.jsonl"
    log.write_bytes(
        build_log_bytes(header, Signer.ephemeral(), events, CheckpointPolicy(), "time-up")
    )
    return log, folder


def timed_report(log: Path, folder: Path) -> dict[str, float]:
    """The report command's work, phase by phase (verify+read+evidence, then renderers)."""
    times: dict[str, float] = {}
    began, cpu = time.perf_counter(), time.process_time()
    children = _children_cpu()
    assessed = assess_log(log, None, folder)
    times["verify + read + evidence"] = time.perf_counter() - began
    assert assessed.provenance.verified, assessed.provenance.problem
    steps = (
        (
            "terminal",
            lambda: render_terminal(assessed.evidence, assessed.provenance, console=_null()),
        ),
        ("html", lambda: render_html(assessed.evidence, assessed.provenance)),
        ("json", lambda: render_json(assessed.evidence, assessed.provenance)),
    )
    for name, step in steps:
        start = time.perf_counter()
        step()
        times[name] = time.perf_counter() - start
    times["total"] = time.perf_counter() - began
    times["total, CPU time"] = time.process_time() - cpu  # a busy machine's wall time lies
    times["  + the worker's CPU time"] = _children_cpu() - children  # assess.prime
    return times


def _children_cpu() -> float:
    """CPU seconds of the finished child processes (the report's worker, assess.prime)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_command(log: Path, folder: Path) -> tuple[float, float]:
    """`helpdesk-exam report LOG --html --json` as an assessor runs it, in a fresh process
    (imports, lemma data and every message's analysis paid again): wall and CPU seconds."""
    out = log.parent
    extra = [
        "--scenario",
        str(folder),
        "--html",
        str(out / "r.html"),
        "--json",
        str(out / "r.json"),
    ]
    return timed_cli(["report", str(log), "--quiet", *extra])


def timed_cli(arguments: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """`helpdesk-exam ARGUMENTS` in a fresh process: wall and CPU seconds (its own)."""
    command = [sys.executable, "-c", "from helpdesk_tui.cli import main; main()", *arguments]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    done = subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False, env=env
    )
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(
            f"{arguments[0]} failed ({done.returncode}): {done.stderr.decode()[-2000:]}"
        )
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def fresh_phases(log: Path, folder: Path) -> str:
    """What report_phases.py prints for `report LOG --html --json --quiet` in a fresh process."""
    out = log.parent
    command = [
        sys.executable, str(Path(__file__).resolve().parent / "report_phases.py"), "report",
        str(log), "--quiet", "--scenario", str(folder), "--html", str(out / "p.html"),
        "--json", str(out / "p.json"),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"report_phases failed ({done.returncode}): {done.stderr[-2000:]}")
    return done.stdout


def exam_reports(root: Path, repeat: int) -> bool:
    """`report LOG --quiet` of each 150-minute exam's ideal log, fresh processes (issue 16)."""
    print(
        f"150-minute exams, `helpdesk-exam report LOG --quiet` of the ideal log (target < {EXAM_TARGET_S:.0f} s):"
    )
    print(f"  load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    met = True
    for scenario_id in EXAMS:
        log = root / f"{scenario_id}-ideal.jsonl"
        timed_cli(["simulate", scenario_id, "--policy", "ideal", "--out", str(log)])
        cold = {**os.environ, "HELPDESK_EXAM_CACHE_DIR": str(root / f"empty-cache-{scenario_id}")}
        first = timed_cli(["report", str(log), "--quiet"], env=cold)
        runs = [timed_cli(["report", str(log), "--quiet"]) for _ in range(repeat)]
        best_wall = min(w for w, _ in runs)
        met = met and best_wall < EXAM_TARGET_S
        shown = ", ".join(f"{w:.2f} / {c:.2f}" for w, c in runs)
        print(
            f"  {scenario_id:24} wall / CPU: {shown} s (best {best_wall:.2f} s wall, "
            f"{min(c for _, c in runs):.2f} s CPU); first run on a machine "
            f"(empty lemma cache): {first[0]:.2f} / {first[1]:.2f} s"
        )
    verdict = "met" if met else "MISSED"
    print(f"  target < {EXAM_TARGET_S:.0f} s: {verdict} (load {os.getloadavg()[0]:.1f} at the end)")
    return met


def _null() -> Console:
    return Console(file=open("/dev/null", "w"), width=140)  # noqa: SIM115 - closed with the process


def phases(log: Path, folder: Path) -> dict[str, float]:
    """The pipeline's inner phases timed one by one, as `assess_log` runs them."""
    from helpdesk_tui.assess.evidence import bulk_load, gather_evidence
    from helpdesk_tui.assess.pipeline import verified_events
    from helpdesk_tui.assess.prime import message_texts
    from helpdesk_tui.eventlog.verifier import signatures_ok, verify_bytes
    from helpdesk_tui.language.analyse import _analyse, analyse

    out = {}
    start = time.perf_counter()
    data = log.read_bytes()
    with bulk_load():
        deferred = verify_bytes(data, None, defer_signatures=True).deferred_signatures
    out["verify (no signatures)"] = time.perf_counter() - start
    start = time.perf_counter()
    assert signatures_ok(deferred or [])
    out[f"{len(deferred or [])} signatures"] = time.perf_counter() - start
    texts, lang = message_texts(data)
    _analyse.cache_clear()
    start = time.perf_counter()
    for text in texts:
        analyse(text, lang or "en")
    out[f"analyse {len(texts)} texts"] = time.perf_counter() - start
    start = time.perf_counter()
    with bulk_load():
        _, events = verified_events(data)
    out["read"] = time.perf_counter() - start
    scenario = load_scenario(folder)
    start = time.perf_counter()
    gather_evidence(events, scenario)
    out["fold + evidence"] = time.perf_counter() - start  # the analyses already made
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument(
        "--messages", type=int, default=3000, help="distinct chat texts in the padding"
    )
    parser.add_argument("--dir", type=Path, help="where to build the log (default: a temp folder)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--exams-only", action="store_true", help="time only the 150-minute exams' reports"
    )
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="bench-report-", dir=args.dir))
    try:
        exams_met = exam_reports(root, args.repeat)
        if args.exams_only:
            return 0 if exams_met else 1
        began = time.perf_counter()
        log, folder = build_log(root, args.records, args.messages)
        lines = log.read_bytes().count(b"\n")
        print(
            f"log: {lines:,} records, {log.stat().st_size / 1e6:.1f} MB, built in {time.perf_counter() - began:.1f} s"
        )
        print(f"scenario: {folder} (sla profiles: {paths.sla_profiles_dir()})")
        print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        commands = [timed_command(log, folder) for _ in range(args.repeat)]
        for wall, cpu in commands:
            print(f"  helpdesk-exam report (fresh process): wall {wall:6.3f} s, CPU {cpu:6.3f} s")
        print("  one more fresh process, phase by phase (benchmarks/report_phases.py):")
        print(fresh_phases(log, folder), end="")
        runs = [timed_report(log, folder) for _ in range(args.repeat)]
        print("in this process (imports, lemma data and analyses already warm after run 1):")
        best = min(runs, key=lambda r: r["total"])
        for name, seconds in best.items():
            print(f"  {name:26} {seconds:6.3f} s")
        for name, seconds in phases(log, folder).items():
            print(f"    of which {name:22} {seconds:6.3f} s")
        wall = min(w for w, _ in commands)
        verdict = "met" if wall < TARGET_S else "MISSED"
        print(
            f"target: `helpdesk-exam report` < {TARGET_S:.0f} s: {verdict} "
            f"(best of {args.repeat} fresh processes: {wall:.2f} s wall, "
            f"{min(c for _, c in commands):.2f} s CPU; load {os.getloadavg()[0]:.1f} at the end)"
        )
        return 0 if wall < TARGET_S and exams_met else 1
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
