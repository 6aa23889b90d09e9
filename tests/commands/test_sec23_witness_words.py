"""sec23 (red team): the witness printed a log's file name to its operator's terminal as it is.

The witness runs as a user the exam user cannot write as, because the exam user is not
trusted with the logs; but the exam user names the files in the logs folder. A log named
"c ESC ] 0 ; PWN BEL ESC [ 2 J LF x.jsonl", cut below what the witness had cosigned, made
`witness` print "REFUSED c<ESC>]0;PWN..." raw: the operator's terminal was retitled and
cleared, and the line break could fake a line of the witness's own. Expected, from the rule
`verify`, `report` and the room follow since sec20 (not from this code): every control
character of a name shown as its picture (U+241B ESC, U+2407 BEL, U+240A LF).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.cli import main
from helpdesk_tui.eventlog import CheckpointPolicy, Signer
from helpdesk_tui.eventlog.keys import generate_witness_keypair
from helpdesk_tui.eventlog.testing import build_log_bytes, sample_events, sample_header

NAME = "c\x1b]0;PWN\x07\x1b[2J\nx.jsonl"
SHOWN = "c\u241b]0;PWN\u2407\u241b[2J\u240ax.jsonl"


def test_a_refused_logs_name_is_shown_with_pictures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    generate_witness_keypair(tmp_path / "keys")
    logs = tmp_path / "logs"
    logs.mkdir()
    data = build_log_bytes(
        sample_header(mode="practice"),
        Signer.ephemeral(),
        sample_events(32, seed=3),
        CheckpointPolicy(records=5),
    )
    (logs / NAME).write_bytes(data)
    argv = ["witness", str(logs), "--key", str(tmp_path / "keys" / "witness.key")]
    argv += ["--out", str(tmp_path / "witness.jsonl"), "--once"]
    assert main(argv) == 0
    capsys.readouterr()
    (logs / NAME).write_bytes(b"".join(data.splitlines(keepends=True)[:12]))  # cut: refused
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert f"REFUSED {SHOWN}" in err
    assert not [c for c in "\x1b\x07" if c in err]
    assert all(line.startswith("witness: ") for line in err.splitlines())
