"""`verify` of a practice log names its duration as practice time, as the log's review
and report do since bugs21; an exam log's stays exam time (bugs22's walk: "duur 0:28:00
examentijd" under "modus oefenen"). The words expected are written here, as a Dutch or
French trainer would read them."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.cli import main
from helpdesk_tui.eventlog import generate_keypair, load_private_key
from helpdesk_tui.eventlog.testing import sample_events, sample_header, write_log

PRACTICE = {"en": "practice time", "nl": "oefentijd", "fr": "temps d'entraînement"}
EXAM = {"en": "exam time", "nl": "examentijd", "fr": "temps d'examen"}


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_the_duration_says_which_clock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    generate_keypair(tmp_path / "keys")
    signer = load_private_key(tmp_path / "keys" / "exam-centre.key")
    pub = str(tmp_path / "keys" / "exam-centre.pub")
    for mode, words, other in (("practice", PRACTICE, EXAM), ("exam", EXAM, PRACTICE)):
        log = write_log(
            tmp_path / f"{mode}.jsonl", sample_header(mode=mode), signer, sample_events(10)
        )
        main(["verify", str(log), "--pubkey", pub, "--lang", lang])
        out = capsys.readouterr().out
        line = next((row for row in out.splitlines() if words[lang] in row), None)
        assert line is not None and other[lang] not in line, out
