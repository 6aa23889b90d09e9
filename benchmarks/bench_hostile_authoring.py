"""Red team (sec13): `language probe` and `scenario validate` fed hostile input.

    python benchmarks/bench_hostile_authoring.py [--lines 100000] [--only NAME,...]

Each case runs in a fresh process (`helpdesk-exam ...`, the command an author runs) with
a 120 s limit; it prints the exit code, wall time, peak RSS (`/usr/bin/time -f %M`) and the first line of what it said on stderr
(or stdout). What is hostile:

- probe: one 1 MB line; `--lines` lines on stdin; a 50,000-character word; bytes that
  are no UTF-8, ESC ] 0 ; and ESC [ 2 J; bidi overrides, zero-width and 100 stacked
  combining marks.
- validate: a copy of en-northwind-monday changed one way each: patterns that look like
  pathological regular expressions ("(a+)+$", 1,000 backslashes, "[[[["), 100,000
  patterns in one competency, TOML nested 10,000 deep (arrays and inline tables), an
  array of 1,000,000 numbers, a 1 MB line, a KB article that is a link to /dev/zero or
  to /proc/self/environ, a `kb` folder that is a link to /proc, a KB of 10,000 articles,
  `scenario.toml` a FIFO.

Nothing here is asserted: the figures go to benchmarks/README.md ("Red team (branch sec13)").
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "scenarios" / "en-northwind-monday"
EXE = [sys.executable, "-m", "helpdesk_tui.cli"]


def run(name: str, argv: list[str], stdin: Path | None = None) -> None:
    with tempfile.NamedTemporaryFile() as rss_file:
        timed = ["/usr/bin/time", "-f", "%M", "-o", rss_file.name, *EXE, *argv]
        start = time.monotonic()
        with open(stdin or os.devnull, "rb") as source:
            try:
                done = subprocess.run(
                    timed, stdin=source, capture_output=True, timeout=120, check=False
                )
                code, out, err = done.returncode, done.stdout, done.stderr
            except subprocess.TimeoutExpired:
                code, out, err = "timeout", b"", b""
        wall = time.monotonic() - start
        kb = Path(rss_file.name).read_text().strip().splitlines()
    said = (err.strip() or out.strip()).splitlines()[:1]
    first = said[0].decode("utf-8", "replace")[:150] if said else ""
    traceback = b"Traceback" in err
    rss = f"{int(kb[-1]) / 1024:.0f} MB" if kb and kb[-1].isdigit() else "?"
    print(f"{name:34} exit {code!s:7} {wall:6.2f} s {rss:>7}  tb={traceback}  {first}")
    sys.stdout.flush()


def scenario_copy(tmp: Path, name: str) -> Path:
    folder = tmp / name
    shutil.copytree(BASE, folder, symlinks=True)
    return folder


def edit(folder: Path, old: str, new: str) -> None:
    toml = folder / "scenario.toml"
    text = toml.read_text()
    assert old in text, old
    toml.write_text(text.replace(old, new, 1))


GREET = 'patterns = ["good morning", "good afternoon", "hello", "service desk", "speaking with", "welcome"]'


def validate_cases(tmp: Path) -> dict[str, Path]:
    cases: dict[str, Path] = {}
    f = cases["regex-like patterns"] = scenario_copy(tmp, "regex")
    hostile = ["(a+)+$", "\\\\" * 1000, "[[[[", ".*.*.*.*=", "(?:x{1000000})", "^$", "a|b|c" * 200]
    edit(f, GREET, "patterns = [" + ", ".join(f'"{p}"' for p in hostile) + "]")
    f = cases["100k patterns"] = scenario_copy(tmp, "many")
    edit(f, GREET, "patterns = [" + ", ".join(f'"word{i} hello"' for i in range(100_000)) + "]")
    f = cases["arrays 10k deep"] = scenario_copy(tmp, "deep")
    (f / "scenario.toml").write_text(
        (f / "scenario.toml").read_text() + "\ndeep = " + "[" * 10_000 + "]" * 10_000 + "\n"
    )
    f = cases["tables 10k deep"] = scenario_copy(tmp, "deept")
    (f / "scenario.toml").write_text(
        (f / "scenario.toml").read_text() + "\ndeep = " + "{a=" * 10_000 + "1" + "}" * 10_000 + "\n"
    )
    f = cases["array of 1e6 numbers"] = scenario_copy(tmp, "huge")
    (f / "scenario.toml").write_text(
        (f / "scenario.toml").read_text() + "\nhuge = [" + ",".join("1" * 1_000_000) + "]\n"
    )
    f = cases["1 MB line"] = scenario_copy(tmp, "line")
    (f / "scenario.toml").write_text(
        (f / "scenario.toml").read_text() + '\nlong = "' + "x" * 1_000_000 + '"\n'
    )
    f = cases["kb link to /dev/zero"] = scenario_copy(tmp, "zero")
    os.symlink("/dev/zero", f / "kb" / "kb-zero.md")
    f = cases["kb link to environ"] = scenario_copy(tmp, "environ")
    os.symlink("/proc/self/environ", f / "kb" / "kb-environ.md")
    f = cases["kb folder -> /proc"] = scenario_copy(tmp, "proc")
    shutil.rmtree(f / "kb")
    os.symlink("/proc", f / "kb")
    f = cases["kb of 10,000 articles"] = scenario_copy(tmp, "bigkb")
    article = (BASE / "kb" / "kb-account-lockout.md").read_text()
    for i in range(10_000):
        text = article.replace("id: kb-account-lockout", f"id: kb-extra-{i}", 1)
        (f / "kb" / f"kb-extra-{i}.md").write_text(text)
    f = cases["scenario.toml a FIFO"] = tmp / "fifo"
    f.mkdir()
    os.mkfifo(f / "scenario.toml")
    return cases


def probe_inputs(tmp: Path, lines: int) -> dict[str, Path]:
    import random

    rng = random.Random(1)
    words = [
        "the",
        "printer",
        "is",
        "broken",
        "please",
        "restart",
        "it",
        "and",
        "wait",
        "de",
        "printer",
        "werkt",
        "niet",
    ]
    inputs = {
        "1 MB line": " ".join(rng.choice(words) for _ in range(200_000))[:1_000_000] + "\n",
        f"{lines} lines": "\n".join(
            " ".join(rng.choice(words) for _ in range(8)) for _ in range(lines)
        )
        + "\n",
        "50,000-char word": "a" * 50_000 + "\n",
        "marks, bidi, zero-width": "e"
        + "\u0301" * 100
        + " \u202eevil\u202c \u200bzw "
        + "\U0001f600" * 2000
        + "\n",
    }
    paths = {}
    for name, text in inputs.items():
        path = tmp / f"probe-{len(paths)}.txt"
        path.write_text(text)
        paths[name] = path
    raw = tmp / "probe-raw.txt"
    raw.write_bytes(b"x\xff\xfe\x1b]0;pwned\x07 \x1b[2J hello\n")
    paths["bytes, OSC, CSI"] = raw
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--only", default="", help="comma-separated: probe,validate")
    args = parser.parse_args()
    only = set(filter(None, args.only.split(",")))
    print(f"load: {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        if not only or "probe" in only:
            for case, path in probe_inputs(tmp, args.lines).items():
                run(f"probe {case}", ["language", "probe"], stdin=path)
        if not only or "validate" in only:
            run("validate (the bundled copy)", ["scenario", "validate", str(BASE)])
            for case, folder in validate_cases(tmp).items():
                run(f"validate {case}", ["scenario", "validate", str(folder)])
    print(f"load: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
