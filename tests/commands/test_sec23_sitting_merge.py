"""sec23 (red team): `sitting merge` printed a conflicting file's name as it is.

A merge copies what other exam servers' candidate folders hold, files their exam users
wrote; a file both sides have with other bytes is a conflict, printed with its two paths.
Named "x ESC ] 0 ; PWN BEL ESC [ 2 J .txt", it retitled and cleared the terminal of the
person collecting the sitting. Expected, from the rule every other command follows since
sec20 (not from this code): each control character shown as its picture.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.cli import main
from helpdesk_tui.sitting import Sitting

NAME = "x\x1b]0;PWN\x07\x1b[2J.txt"
SHOWN = "x\u241b]0;PWN\u2407\u241b[2J.txt"


def test_a_conflicts_file_name_is_shown_with_pictures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = Sitting.create(tmp_path / "one" / "am", "s", server="exam-1")
    centre = Sitting.create(tmp_path / "centre" / "am", "s", server="collector")
    for sitting, words in ((one, "theirs\n"), (centre, "ours\n")):
        sitting.add(["c0001"])
        (sitting.folder / "c0001" / NAME).write_text(words)
    assert main(["sitting", "merge", str(centre.folder), str(one.folder)]) == 1
    out = capsys.readouterr().out
    assert f"c0001/{SHOWN} differs from" in out
    assert not [c for c in "\x1b\x07" if c in out]
