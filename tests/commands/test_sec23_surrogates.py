"""sec23 (red team): a lone surrogate in a log's text ended the assessors' commands in a traceback.

A log's line is ASCII JSON, so "\\udc80" is a valid spelling there, and Python's decoder gives a
lone surrogate for it, a character no UTF-8 terminal or file can take. `verify` said "OK" of such
a log, then `report` ended in UnicodeEncodeError on the terminal, the HTML and the JSON, and
`report --new-verdicts` (the review's save too) could not write the verdict sheet. Expected,
from Unicode and not from this program: the replacement character U+FFFD where a text is shown;
the same JSON value (an escape) where the text must stay exactly as signed.

The commands write to a strict UTF-8 stdout here, as on an assessor's terminal (capsys takes
any string, so it would not fail).
"""

from __future__ import annotations

import dataclasses
import io
import json
import sys
from pathlib import Path

import pytest

from helpdesk_tui.cli import main
from helpdesk_tui.core.events import Event
from helpdesk_tui.eventlog import Signer
from helpdesk_tui.eventlog.testing import build_log_bytes, sample_events, sample_header
from helpdesk_tui.printable import escaped_unseen, printable, well_formed
from tests.ui.review.logs import simulated_events, write_log

LONE = "\udc80"
"""A lone low surrogate: what the log's "\\udc80" parses to."""
REPLACEMENT = "\ufffd"


class Kept(io.BytesIO):
    """Bytes that outlive their wrapper (the CLI may rewrap stdout and drop the old one)."""

    def close(self) -> None:
        pass


def strict_stdout(monkeypatch: pytest.MonkeyPatch) -> io.BytesIO:
    """A terminal's stdout: UTF-8, strict (an unencodable character is an error). Set in the
    test's body: pytest's capture sets `sys.stdout` again after the fixtures."""
    raw = Kept()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="utf-8", write_through=True))
    return raw


BENT = ("text", "title", "query", "name", "note", "description", "solution")
"""The fields a candidate or a scenario writes in words."""


@pytest.fixture(scope="module")
def bent_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Northwind played ideally, every text with a lone surrogate in front."""

    def bent(event: Event) -> Event:
        data = {
            k: f"{LONE}{v}" if k in BENT and type(v) is str else v for k, v in event.data.items()
        }
        return dataclasses.replace(event, data=data)

    events = [bent(e) for e in simulated_events("ideal")]
    return write_log(tmp_path_factory.mktemp("sec23") / "bent.jsonl", events)


def test_the_log_is_intact_so_only_the_readers_can_fail(
    bent_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    strict_stdout(monkeypatch)
    assert b"\\udc80" in bent_log.read_bytes()  # the escape, as written
    assert main(["verify", str(bent_log)]) == 0


def test_the_terminal_report_shows_a_replacement_character(
    bent_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stdout = strict_stdout(monkeypatch)
    assert main(["report", str(bent_log)]) == 0
    shown = stdout.getvalue().decode("utf-8")
    assert REPLACEMENT in shown and "SOL-8" in shown


def test_the_html_and_json_reports_are_written_as_utf8(bent_log: Path, tmp_path: Path) -> None:
    html, data = tmp_path / "r.html", tmp_path / "r.json"
    assert main(["report", str(bent_log), "--quiet", "--html", str(html), "--json", str(data)]) == 0
    assert REPLACEMENT in html.read_bytes().decode("utf-8")
    texts = json.dumps(json.loads(data.read_bytes().decode("utf-8")), ensure_ascii=False)
    assert REPLACEMENT in texts and LONE not in texts


def test_a_header_with_a_lone_surrogate_verifies_and_its_verdict_sheet_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "practice.jsonl"
    header = sample_header(mode="practice", candidate_id=f"C{LONE}-42")
    log.write_bytes(build_log_bytes(header, Signer.ephemeral(), sample_events(6, seed=5)))
    stdout = strict_stdout(monkeypatch)
    assert main(["verify", str(log)]) == 0
    assert f"C{REPLACEMENT}-42".encode() in stdout.getvalue()
    sheet = tmp_path / "ann.json"
    assert (
        main(
            ["report", str(log), "--unverified", "--quiet", "--new-verdicts", str(sheet)]
            + ["--assessor", "Ann"]
        )
        == 0
    )
    assert json.loads(sheet.read_bytes().decode("utf-8"))["candidate_id"] == f"C{LONE}-42"


def test_the_helpers_follow_unicode() -> None:
    assert printable(f"a{LONE}b\ud800") == f"a{REPLACEMENT}b{REPLACEMENT}"
    assert well_formed(f"x{LONE}\x1b") == f"x{REPLACEMENT}\x1b"  # only the surrogate
    text = json.dumps({"k": f"\\{LONE}"}, ensure_ascii=False)
    assert json.loads(escaped_unseen(text)) == {"k": f"\\{LONE}"}
    escaped_unseen(text).encode("utf-8")
    hidden = json.dumps({"k": "a\u202eb\u200bc\U000e0041"}, ensure_ascii=False)
    assert escaped_unseen(hidden) == '{"k": "a\\u202eb\\u200bc\\udb40\\udc41"}'
    assert json.loads(escaped_unseen(hidden)) == json.loads(hidden)


def test_probe_json_escapes_what_a_terminal_would_obey_or_hide(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`language probe --json` printed a bidi override as it was (its text mode shows the
    code point since sec21); JSON's own escape keeps the value and shows nothing raw."""
    message = "restart \u202ethe printer\u200b now"
    assert main(["language", "probe", "--json", message]) == 0
    out = capsys.readouterr().out
    assert "\u202e" not in out and "\u200b" not in out and "\\u202e" in out
    assert json.loads(out)["text"] == message
