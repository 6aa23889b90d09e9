"""`helpdesk-exam class-report`: one table per group, refused logs listed with the reason."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpdesk_tui.assess.testing import simulated_log
from helpdesk_tui.cli import main

# One xdist group: its module-scoped logs (Northwind ideal and idle) are played on one worker,
# not on each of the three that ran a share of its tests (benchmarks/README.md,
# "The suite's time (branch suite-time14)").
pytestmark = pytest.mark.xdist_group("commands-class-report")


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("class")
    return [
        simulated_log(folder / "lena.jsonl", "ideal", candidate_id="lena"),
        simulated_log(folder / "omar.jsonl", "idle", candidate_id="omar"),
    ]


def test_one_row_per_student_with_sla_and_latency(
    logs: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html = tmp_path / "class.html"
    assert main(["class-report", *map(str, logs), "--html", str(html)]) == 0
    out = capsys.readouterr().out
    lena = next(line for line in out.splitlines() if "lena" in line)
    omar = next(line for line in out.splitlines() if "omar" in line)
    assert "100%" in lena and re.search(r"\d+s\s*$", lena)  # all SLAs met, a median reply
    assert "0%" in omar and omar.rstrip().endswith("-")  # none met, never replied
    assert lena.count("+") >= 20 and "+" not in omar
    text = html.read_text()
    assert text.count('<th class="v"') == 22 and "lena" in text and "omar" in text


def test_a_log_that_does_not_verify_is_listed_with_the_reason(
    logs: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_bytes(logs[0].read_bytes().replace(b'"lena"', b'"anna"', 1))
    assert main(["class-report", str(logs[1]), str(broken)]) == 1
    out = capsys.readouterr().out
    assert "omar" in out and "log of anna refused" in out and "does not verify" in out
    assert main(["class-report", str(logs[1]), str(broken), "--unverified"]) == 0
    assert "UNVERIFIED" in capsys.readouterr().out


def test_a_refused_logs_reason_is_in_the_overviews_language(
    logs: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """bugs11: a French overview said "journal de anna refusé : ... does not verify: ..."."""
    broken = tmp_path / "broken.jsonl"
    broken.write_bytes(logs[0].read_bytes().replace(b'"lena"', b'"anna"', 1))
    assert main(["class-report", str(logs[1]), str(broken), "--lang", "fr"]) == 1
    out = " ".join(capsys.readouterr().out.split())
    assert "journal de anna refusé : " in out and "n'est pas intact : ligne 1" in out
    assert "Ajoutez --unverified pour produire le rapport malgré tout" in out
    assert "does not verify" not in out and "Add --unverified" not in out


def test_a_refusal_that_does_not_name_its_log_is_given_the_name() -> None:
    # qa-sitting8: `class-report --sitting am` printed "log refused: The answer key is
    # missing: no bundled scenario has the id 'qa8-short' ..." and the row's name was cut.
    from helpdesk_tui.assess.class_report import refused_row

    why = "The answer key is missing: no bundled scenario has the id 'x'."
    assert refused_row("am/c07/x.jsonl", why).refused == f"am/c07/x.jsonl: {why}"
    named = "am/c07/x.jsonl does not verify: line 3."
    assert refused_row("am/c07/x.jsonl", named).refused == named


def test_a_refused_logs_row_names_its_candidate_not_its_cut_path(
    logs: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """bugs9 (qa-sitting8): the row showed "/tmp/qa8/sittings/am/c0…", the path cut to the
    column. The candidate comes from the header when it can be read, else the file name."""
    deep = tmp_path / ("a-long-folder-name-" * 3) / "am"
    deep.mkdir(parents=True)
    broken = deep / "lena-edited.jsonl"  # the header says "anna": it reads, it does not verify
    broken.write_bytes(logs[0].read_bytes().replace(b'"lena"', b'"anna"', 1))
    torn = deep / "c0007.jsonl"  # no header to read: the file name
    torn.write_bytes(b'{"seq": 0, "type": "hea')
    html = tmp_path / "class.html"
    assert main(["class-report", str(broken), str(torn), "--html", str(html)]) == 1
    out = capsys.readouterr().out
    rows = [
        line.strip() for line in out.splitlines() if line.strip()[:1] in "ac" and "refused" in line
    ]
    assert [row.split()[0] for row in rows[:2]] == ["anna", "c0007"], out
    assert "a-long-folder-name-a-lo" not in "".join(rows[:2])  # no cut path in the table
    reasons = [line for line in out.splitlines() if line.startswith("log of ")]
    assert any("anna" in line and "does not verify" in line for line in reasons), out
    assert any("c0007" in line and "torn" in line for line in reasons), out
    text = html.read_text()
    assert '<td class="name">anna' in text and '<td class="name">c0007' in text
