"""sec23 (red team): collect-logs.sh printed a log's own file name to the collector's terminal.

The exam user names the files in its candidate folder. A log named "a ESC ] 0 ; PWN BEL
ESC [ 2 J LF b.jsonl" (unsealed, so listed under "needs a look") retitled and cleared the
terminal of whoever collected the sitting, through the summary table and the problems; its
line break also split its name in two in MANIFEST.sha256 (`find -printf '%P\\n'`), so the
manifest did not check it. Expected (sec20's rule for every name shown; sha256sum's own
escaping for names with a line break): every control character shown as "?" on the
terminal and in the summary, and `sha256sum -c` of the manifest checks every file.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.deploy.kit import Sandbox
from tests.deploy.test_collect_logs import box, collect  # noqa: F401  (box: a fixture)

NAME = "a\x1b]0;PWN\x07\x1b[2J\nb.jsonl"


def test_a_logs_name_reaches_the_terminal_without_its_controls(
    box: Sandbox,  # noqa: F811
    tmp_path: Path,
) -> None:
    box.add_log(NAME, "header\n", candidate="c0001")
    dest = tmp_path / "out"
    result = collect(box, dest)
    assert result.returncode == 1  # unsealed: it needs a look
    said = result.stdout + result.stderr
    assert not [c for c in "\x1b\x07" if c in said]
    assert "c0001/a?]0;PWN??[2J?b.jsonl: UNSEALED" in result.stderr
    assert (dest / "logs" / "c0001" / NAME).read_text() == "header\n"  # the copy keeps its name
    check = subprocess.run(
        ["sha256sum", "-c", "--strict", "MANIFEST.sha256"], cwd=dest, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert f"logs/c0001/{NAME}" in {
        p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file()
    }
    assert check.stdout.count(": OK") == len([p for p in dest.rglob("*") if p.is_file()]) - 1
