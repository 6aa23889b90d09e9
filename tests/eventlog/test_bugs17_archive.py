"""An assessor's archive: logs written by older versions of this program still verify (bugs17).

docs/eventlog-format.md ("Event schema versions"): the reducer reads every version from 1 to
the current one, and a version-1 log "still verifies, replays and reports"; format 1 verifies
but cannot count as an exam log (docs/known-issues.md). The logs in fixtures/archive were
written by the program itself at four commits of main (`simulate --out`, the naive candidate,
signed with the exam-centre key beside them), so what they hold is not this code's idea of an
old log:

- 81782fa (2026-11-29): format 1, event schema 1;
- c732d8e (2026-12-03): format 2, event schema 1;
- 887e51d (2026-12-05 02:55): event schema 2;
- 0d426be (2026-12-05 06:12, stop 24): event schema 3, where the held key's `count` came in.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from helpdesk_tui.cli import main
from helpdesk_tui.core.reducer import reduce
from helpdesk_tui.eventlog import read_log

ARCHIVE = Path(__file__).parent / "fixtures" / "archive"
LOGS = sorted(p.name for p in ARCHIVE.glob("*.jsonl.gz"))


def _unpacked(name: str, into: Path) -> Path:
    log = into / name.removesuffix(".gz")
    log.write_bytes(gzip.decompress((ARCHIVE / name).read_bytes()))
    return log


def test_the_archive_holds_every_generation() -> None:
    assert [n.split("-")[0] + "-" + n.split("-")[1] for n in LOGS] == [
        "format1-schema1",
        "format2-schema1",
        "format2-schema2",
        "format2-schema3",
    ]


@pytest.mark.parametrize("name", LOGS)
def test_an_older_log_verifies_as_intact_and_sealed(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = _unpacked(name, tmp_path)
    code = main(["verify", str(log), "--pubkey", str(ARCHIVE / "exam-centre.pub"), "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert f"OK: {log} is intact and sealed." in out
    assert ("CANNOT COUNT AS AN EXAM LOG" in out) == name.startswith("format1")


@pytest.mark.parametrize("name", LOGS)
def test_an_older_log_folds_to_its_sealed_end(name: str, tmp_path: Path) -> None:
    contents = read_log(_unpacked(name, tmp_path))
    state = reduce(contents.events)
    assert state.end_reason == "time-up"
    assert state.tickets  # the naive candidate made tickets in every generation
