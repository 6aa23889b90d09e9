"""Bad logs for every command that reads one: a named record, never a traceback (issue 11).

Deep nesting, NaN, Infinity, 5000-digit and out-of-range numbers in a header,
an event, a checkpoint or the seal; and spliced, swapped and time-reversed
logs, which `report --unverified` must still report on. Each command exits 1
or 2 with a message (0 for an unverified report, which carries the reason).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpdesk_tui.assess.testing import simulated_log
from helpdesk_tui.cli import main
from helpdesk_tui.core.events import SCHEMA_VERSION

# One xdist group: its module-scoped log (Northwind naive) is played on one worker, not on
# each of the three that ran a share of its tests (benchmarks/README.md,
# "The suite's time (branch suite-time14)").
pytestmark = pytest.mark.xdist_group("commands-bad-log-fuzz")


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return simulated_log(tmp_path_factory.mktemp("fuzz") / "good.jsonl", "naive")


def _lines(good: Path) -> list[bytes]:
    return good.read_bytes().split(b"\n")[:-1]


def _types(lines: list[bytes]) -> list[str]:
    return [json.loads(line)["type"] for line in lines]


def _events(lines: list[bytes]) -> list[int]:
    return [i for i, t in enumerate(_types(lines)) if not t.startswith("log.")]


def _replace(lines: list[bytes], index: int, new: bytes) -> list[bytes]:
    return [*lines[:index], new, *lines[index + 1 :]]


def _nan_header(ls: list[bytes]) -> list[bytes]:
    return _replace(
        ls, 0, ls[0].replace(b'"event_schema":%d' % SCHEMA_VERSION, b'"event_schema":NaN')
    )


def _infinity_checkpoint(ls: list[bytes]) -> list[bytes]:
    at = _types(ls).index("log.checkpoint")
    return _replace(ls, at, ls[at].replace(b'"records":', b'"records":Infinity,"z":'))


def _digits_seal(ls: list[bytes]) -> list[bytes]:
    return _replace(
        ls, len(ls) - 1, ls[-1].replace(b'"records":', b'"records":' + b"9" * 5000 + b',"x":')
    )


def _nesting_header(ls: list[bytes]) -> list[bytes]:
    return _replace(ls, 0, b"[" * 100_000)


def _nesting_event(ls: list[bytes]) -> list[bytes]:
    at = _events(ls)[5]
    deep = b'"data":{"deep":' + b"[" * 5000 + b"]" * 5000 + b","
    return _replace(ls, at, ls[at].replace(b'"data":{', deep))


def _huge_float_event(ls: list[bytes]) -> list[bytes]:
    at = _events(ls)[5]
    return _replace(ls, at, ls[at].replace(b'"seq":', b'"seq":1e999,"q":'))


def _nan_time(ls: list[bytes]) -> list[bytes]:
    at = _events(ls)[5]
    return _replace(ls, at, ls[at].replace(b'"t":', b'"t":NaN,"y":'))


CORRUPT = {
    "nan-header": (_nan_header, 1),
    "infinity-checkpoint": (_infinity_checkpoint, None),
    "5000-digits-seal": (_digits_seal, -1),
    "nesting-header": (_nesting_header, 1),
    "nesting-event": (_nesting_event, 5),
    "1e999-event": (_huge_float_event, 5),
    "nan-time": (_nan_time, 5),
}


def _swapped(ls: list[bytes]) -> list[bytes]:
    a, b = _events(ls)[10:12]
    out = list(ls)
    out[a], out[b] = out[b], out[a]
    return out


def _reversed(ls: list[bytes]) -> list[bytes]:
    at = _events(ls)[30]
    record = json.loads(ls[at])
    record["t"] = 0.5
    return _replace(ls, at, json.dumps(record).encode())


def _spliced(ls: list[bytes]) -> list[bytes]:
    ev = _events(ls)
    return ls[: ev[20]] + ls[ev[5] :]


SHUFFLED = {"swapped": _swapped, "time-reversed": _reversed, "spliced": _spliced}


def _write(tmp_path: Path, good: Path, make: object, name: str) -> Path:
    path = tmp_path / f"{name}.jsonl"
    path.write_bytes(b"\n".join(make(_lines(good))) + b"\n")  # type: ignore[operator]
    return path


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out + out.err


COMMANDS = {
    "verify": lambda log: ["verify", str(log)],
    "report": lambda log: ["report", str(log), "--quiet"],
    "report-unverified": lambda log: ["report", str(log), "--quiet", "--unverified"],
    "class-report": lambda log: ["class-report", str(log)],
    "review": lambda log: ["review", str(log), "--assessor", "A"],
    "observe": lambda log: ["observe", str(log)],
    "resume": lambda log: ["resume", str(log)],
}


@pytest.mark.parametrize("case", sorted(CORRUPT))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_corrupt_log_gets_a_named_record_not_a_traceback(
    tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str], case: str, command: str
) -> None:
    make, event_index = CORRUPT[case]
    log = _write(tmp_path, good, make, case)
    code, out = _run(COMMANDS[command](log), capsys)
    assert code in (1, 2), out
    assert "Traceback" not in out
    if command in ("verify", "report", "observe"):
        assert "line " in out  # the first bad record is named


@pytest.mark.parametrize("case", sorted(SHUFFLED))
def test_report_unverified_never_crashes_on_shuffled_logs(
    tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    log = _write(tmp_path, good, SHUFFLED[case], case)
    code, out = _run(["verify", str(log)], capsys)
    assert code == 1 and "FAILED" in out
    code, out = _run(["report", str(log), "--unverified"], capsys)
    assert code == 0 and "UNVERIFIED" in out and "Traceback" not in out


def test_one_bad_log_does_not_abort_a_class_report(
    tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _write(tmp_path, good, _nesting_header, "bad")
    code, out = _run(["class-report", str(bad), str(good)], capsys)
    assert code == 1 and "bad.jsonl" in out and "Traceback" not in out


def test_a_fifo_is_refused_without_hanging(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    code, out = _run(["verify", str(fifo)], capsys)
    assert code == 2 and "not a regular file" in out


def test_report_prints_the_same_not_an_exam_log_banner_as_verify(
    good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The simulated log is signed with a per-session practice key."""
    code, verified = _run(["verify", str(good)], capsys)
    banner = next(line for line in verified.splitlines() if "CANNOT COUNT AS AN EXAM LOG" in line)
    code, reported = _run(["report", str(good), "--quiet"], capsys)
    assert code == 0 and banner in reported


@pytest.mark.parametrize("case", sorted(SHUFFLED))
def test_a_refused_report_does_not_speak_of_the_report_it_did_not_make(
    tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    # qa-sitting8: `report` of a swapped log refused (exit 1, no report) and said
    # "1 record(s) ... were left out of this report": which report, the assessor asked.
    log = _write(tmp_path, good, SHUFFLED[case], case)
    code, out = _run(["report", str(log), "--quiet"], capsys)
    assert code == 1 and "--unverified" in out
    assert "left out of this report" not in out
    code, out = _run(["report", str(log), "--unverified"], capsys)
    assert code == 0 and "left out of this" in " ".join(out.split())


def test_a_refused_unsealed_log_says_what_is_unsigned_and_torn(
    tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # qa-sitting8: the seal cut half-way read "its last 0 records are not signed".
    lines = _lines(good)
    log = tmp_path / "torn.jsonl"
    log.write_bytes(b"\n".join(lines[:-1]) + b"\n" + lines[-1][:50])
    code, out = _run(["report", str(log), "--quiet"], capsys)
    said = " ".join(out.split())
    assert code == 1 and "last 0 records" not in said
    assert "its last line (50 bytes) is torn" in said
