"""`helpdesk-exam observe`: starts on a readable log, refuses a broken one in one paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.assess.testing import simulated_log
from helpdesk_tui.cli import main
from helpdesk_tui.eventlog import generate_keypair, load_private_key
from helpdesk_tui.ui.observe.app import ObserveApp

pytestmark = pytest.mark.usefixtures("a_terminal")  # see tests/conftest.py


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("observe-cmd")
    keys = folder / "keys"
    generate_keypair(keys)
    return {
        "practice": simulated_log(folder / "practice.jsonl", "idle"),
        "exam": simulated_log(
            folder / "exam.jsonl", "idle", signer=load_private_key(keys / "exam-centre.key")
        ),
        "pubkey": keys / "exam-centre.pub",
        "keys": keys,
    }


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[ObserveApp]:
    apps: list[ObserveApp] = []
    monkeypatch.setattr(ObserveApp, "run", lambda self, *a, **k: apps.append(self))
    return apps


def error_of(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


def test_a_log_is_observed_from_what_it_holds_already(
    logs: dict[str, Path], opened: list[ObserveApp]
) -> None:
    assert main(["observe", str(logs["practice"]), "--interval", "0.2"]) == 0
    (app,) = opened
    screen = app.observer
    assert app.poll_interval == 0.2 and screen.scenario is not None
    assert screen._backlog is not None and screen._backlog.entries  # read once, before the app
    assert screen.follower.sealed and screen.follower.signatures_checked


def test_an_exam_log_is_followed_with_or_without_the_centre_key(
    logs: dict[str, Path], opened: list[ObserveApp]
) -> None:
    assert main(["observe", str(logs["exam"])]) == 0
    assert not opened[-1].observer.follower.signatures_checked
    assert main(["observe", str(logs["exam"]), "--pubkey", str(logs["pubkey"])]) == 0
    assert opened[-1].observer.follower.signatures_checked


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [(None, 2, "does not exist"), (b"garbage\n", 1, "line 1"), (b"", 2, "no complete header")],
)
def test_missing_garbage_and_empty_logs(
    tmp_path: Path,
    opened: list[ObserveApp],
    capsys: pytest.CaptureFixture[str],
    content: bytes | None,
    code: int,
    words: str,
) -> None:
    log = tmp_path / "log.jsonl"
    if content is not None:
        log.write_bytes(content)
    assert main(["observe", str(log)]) == code
    err = error_of(capsys)
    assert str(log) in err and words in err and not opened


def test_a_tampered_log_and_a_wrong_key_are_refused(
    logs: dict[str, Path],
    tmp_path: Path,
    opened: list[ObserveApp],
    capsys: pytest.CaptureFixture[str],
) -> None:
    log = tmp_path / "t.jsonl"
    lines = logs["practice"].read_bytes().split(b"\n")
    lines[5] = lines[5].replace(b'"t":', b'"t":1', 1)
    log.write_bytes(b"\n".join(lines))
    assert main(["observe", str(log)]) == 1
    err = error_of(capsys)
    assert "does not verify" in err and "line" in err
    other = tmp_path / "other"
    generate_keypair(other)
    assert main(["observe", str(logs["exam"]), "--pubkey", str(other / "exam-centre.pub")]) == 1
    assert "key" in error_of(capsys)
    assert (
        main(["observe", str(logs["exam"]), "--pubkey", str(logs["keys"] / "exam-centre.key")]) == 2
    )
    assert "private key" in error_of(capsys)
    assert main(["observe", str(tmp_path)]) == 2
    assert "folder" in error_of(capsys)
    assert main(["observe", str(logs["practice"]), "--interval", "0"]) == 2
    assert not opened
