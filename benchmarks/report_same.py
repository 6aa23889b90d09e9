"""Do two versions of the code write the same reports? Terminal, HTML and JSON, byte for byte.

    python benchmarks/report_same.py --other /path/to/main [--log LOG --scenario DIR]... [--policies ideal,naive]

A speed change to `report` must not change a single figure. This runs
`helpdesk-exam report LOG --html --json` (and the terminal report, 200 columns)
with this tree's code and with the other tree's (`--other`: a checkout or an
unpacked `git archive` of, say, `main`, put first on PYTHONPATH) on the same logs:
every bundled scenario played by each policy (`simulate --out`, made once with
this tree), plus any `--log` given (the 100,000-record log of bench_report.py).
The outputs must be equal byte for byte once four things are masked that
change with the code, not with the log: the generated time, the evidence rules'
hash and the language layer's hash (both hash the source), and so the sentence
saying whether the layer is the one the exam ran with. Prints one line per
log and report and exits 1 at the first difference, with its first differing lines.
"""

from __future__ import annotations

import argparse
import difflib
import fnmatch
import html
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
MASKS = (
    (re.compile(rb"[0-9a-f]{64}"), b"<sha256>"),
    (re.compile(rb"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?( ?UTC|Z|\+00:00)?"), b"<time>"),
)
"""Hashes of the code (rules, layer) and the generated time; a log's own hashes and times
are masked with them, which is harmless: they are read, not computed, by the report."""


LAYER = r"[0-9][0-9.]* \(sha256 [0-9a-f]{16}…\)"


def _layer_sentences() -> re.Pattern[bytes]:
    """What the reports say of the language layer against the exam's: "2.1 (sha256 ...), as
    during the exam" or "...; the exam ran with ...: the customers may have read some words
    differently". Which one depends on the code (a change to the layer's source changes its
    hash), so both are masked, in every language, as written and HTML-escaped, with the
    padding after them (the terminal's box)."""
    from helpdesk_tui.assess.texts import T

    forms = []
    for key in ("layer.same", "layer.differs", "layer.same.practice", "layer.differs.practice"):
        for template in T[key]:
            for text in {template, html.escape(template)}:
                pattern = re.escape(text).replace(r"\{layer\}", LAYER).replace(r"\{exam\}", LAYER)
                forms.append(pattern)
    return re.compile(("(?:" + "|".join(forms) + ") *").encode())


CSP_LINE = re.compile(rb'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n')
"""sec24's policy line in the HTML reports' head: dropped from both sides, so a tree with it
and one without compare the same when that line is the only change."""


def masked(data: bytes) -> bytes:
    data = CSP_LINE.sub(b"", data)
    data = _layer_sentences().sub(b"<the layer against the exam's>", data)
    data = re.sub(LAYER.encode(), b"<layer>", data)  # the JSON's language_layer fields
    for pattern, replacement in MASKS:
        data = pattern.sub(replacement, data)
    return data


def report(tree: Path, log: Path, scenario: Path | None, out: Path) -> dict[str, bytes]:
    """The three reports of one log made with the code of `tree` (the terminal's in a run
    of its own: with --html or --json the terminal shows only the files' names)."""
    env = {**os.environ, "PYTHONPATH": str(tree), "COLUMNS": "200", "TERM": "dumb"}
    base = [sys.executable, "-c", "from helpdesk_tui.cli import main; main()", "report", str(log)]
    base += ["--scenario", str(scenario)] if scenario else []
    files = [*base, "--html", str(out / "r.html"), "--json", str(out / "r.json")]
    done = subprocess.run(files, capture_output=True, env=env, check=False, cwd=out)
    terminal = subprocess.run(base, capture_output=True, env=env, check=False, cwd=out)
    return {
        "exit": f"{done.returncode} {terminal.returncode}".encode(),
        "terminal": terminal.stdout + terminal.stderr + done.stdout + done.stderr,
        "html": (out / "r.html").read_bytes() if (out / "r.html").exists() else b"",
        "json": (out / "r.json").read_bytes() if (out / "r.json").exists() else b"",
    }


def bundled_logs(
    root: Path, policies: list[str], pattern: str = "*"
) -> list[tuple[Path, Path | None]]:
    """Every bundled scenario (whose folder name matches `pattern`) played by each policy,
    signed and sealed (made with this tree)."""
    logs = []
    for folder in sorted((HERE / "scenarios").iterdir()):
        if not (folder / "scenario.toml").exists() or not fnmatch.fnmatch(folder.name, pattern):
            continue
        for policy in policies:
            log = root / f"{folder.name}-{policy}.jsonl"
            command = [
                sys.executable, "-c", "from helpdesk_tui.cli import main; main()", "simulate",
                str(folder), "--policy", policy, "--out", str(log),
            ]  # fmt: skip
            subprocess.run(
                command,
                capture_output=True,
                check=True,
                env={**os.environ, "PYTHONPATH": str(HERE)},
            )
            logs.append((log, folder))
    return logs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--other", type=Path, required=True, help="the other tree (e.g. main)")
    parser.add_argument("--log", type=Path, action="append", default=[])
    parser.add_argument("--scenario", type=Path, action="append", default=[])
    parser.add_argument("--policies", default="ideal,naive,idle,worded,shotgun,macro,parrot")
    parser.add_argument(
        "--scenarios",
        default="*",
        help="bundled scenario folders to play (a glob, e.g. 'en-*'): a change to one "
        "language's words (bugs7: French marks) leaves the others' reports the same",
    )
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="report-same-"))
    logs = bundled_logs(root, [p for p in args.policies.split(",") if p], args.scenarios)
    scenarios = args.scenario + [None] * (len(args.log) - len(args.scenario))
    logs += list(zip(args.log, scenarios, strict=True))
    for log, scenario in logs:
        outs = []
        out = root / "out"  # one folder: the reports print where they wrote
        out.mkdir(exist_ok=True)
        for tree in (HERE, args.other.resolve()):
            for stale in out.iterdir():
                stale.unlink()
            outs.append(report(tree, log, scenario, out))
        for kind in ("exit", "terminal", "html", "json"):
            mine, theirs = masked(outs[0][kind]), masked(outs[1][kind])
            if mine != theirs:
                print(f"DIFFERENT {kind:8} {log.name}")
                diff = difflib.unified_diff(
                    theirs.decode(errors="replace").splitlines(),
                    mine.decode(errors="replace").splitlines(), "other", "this", lineterm="", n=1,
                )  # fmt: skip
                print("\n".join(list(diff)[:40]))
                return 1
            print(f"same      {kind:8} {log.name} ({len(mine):,} bytes)")
    print(f"{len(logs)} logs, every report the same")
    return 0


if __name__ == "__main__":
    sys.exit(main())
