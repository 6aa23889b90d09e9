"""`helpdesk-exam verify`: verdict, summary and exit code, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpdesk_tui.cli import main
from helpdesk_tui.eventlog import (
    CheckpointPolicy,
    Signer,
    folder_sha256,
    generate_keypair,
    load_private_key,
)
from helpdesk_tui.eventlog.testing import build_log_bytes, sample_events, sample_header, write_log

POLICY = CheckpointPolicy(records=4, seconds=3600)


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("centre") / "keys"
    generate_keypair(directory)
    return directory


@pytest.fixture(scope="module")
def signer(centre: Path) -> Signer:
    return load_private_key(centre / "exam-centre.key")


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    folder = tmp_path / "en-demo"
    folder.mkdir()
    (folder / "scenario.toml").write_text("id = 'en-demo'\n")
    return folder


@pytest.fixture
def sealed(tmp_path: Path, signer: Signer, scenario: Path) -> Path:
    header = sample_header(scenario_sha256=folder_sha256(scenario))
    return write_log(tmp_path / "session.jsonl", header, signer, sample_events(10, seed=2), POLICY)


def verify(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["verify", *args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.out, captured.err


def test_an_intact_sealed_log_exits_0_with_a_summary(
    sealed: Path, centre: Path, scenario: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = verify(
        capsys,
        str(sealed),
        "--pubkey",
        str(centre / "exam-centre.pub"),
        "--scenario",
        str(scenario),
    )
    assert code == 0
    assert out.startswith(f"OK: {sealed} is intact and sealed.")
    for expected in (
        "C-0001",
        "en-demo",
        "matches --scenario",
        "exam",
        "0:00:23",
        "14 (10 events)",
        "completed",
    ):
        assert expected in out


def test_a_changed_log_exits_1_naming_the_record(
    sealed: Path, centre: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = sealed.read_bytes().split(b"\n")
    lines[4] = lines[4].replace(b'"t":', b'"t":1', 1)  # exam time 8.5 becomes 18.5
    sealed.write_bytes(b"\n".join(lines))
    code, out, _ = verify(capsys, str(sealed), "--pubkey", str(centre / "exam-centre.pub"))
    assert code == 1
    assert out.startswith("FAILED (broken-hash-link)") and "line 5 (seq 4)" in out


def test_another_scenario_exits_1(
    sealed: Path, centre: Path, scenario: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (scenario / "kb.md").write_text("# extra\n")
    code, out, _ = verify(
        capsys,
        str(sealed),
        "--pubkey",
        str(centre / "exam-centre.pub"),
        "--scenario",
        str(scenario),
    )
    assert code == 1 and "scenario-hash-differs" in out and "DIFFERS from --scenario" in out


def test_an_unsealed_log_exits_3_and_says_what_is_unsigned(
    tmp_path: Path, signer: Signer, centre: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "cut.jsonl"
    log.write_bytes(
        build_log_bytes(sample_header(), signer, sample_events(10), POLICY, seal=None)
        + b'{"data":{"te'
    )
    code, out, _ = verify(capsys, str(log), "--pubkey", str(centre / "exam-centre.pub"))
    assert code == 3 and out.startswith("UNSEALED")
    assert "the last checkpoint (line 11) covers 11 records; 2 after it are unsigned" in out
    assert "torn line    line 14: 12 bytes" in out


def test_a_practice_log_says_it_is_signed_with_a_per_session_key(
    tmp_path: Path, centre: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write_log(
        tmp_path / "p.jsonl", sample_header(mode="practice"), Signer.ephemeral(), sample_events(3)
    )
    code, out, _ = verify(capsys, str(log))
    assert code == 0 and "per-session practice key" in out and "never count as an exam log" in out
    code, out, _ = verify(capsys, str(log), "--pubkey", str(centre / "exam-centre.pub"))
    assert code == 1 and "signed-with-another-key" in out


@pytest.mark.parametrize(
    ("make", "exit_code", "words"),
    [
        ("missing log", 2, "does not exist"),
        ("folder as log", 2, "is a folder"),
        ("empty log", 1, "is empty"),
        ("binary junk", 1, "header"),
        ("garbage key", 2, "is not a PEM public key"),
        ("folder as key", 2, "is a folder"),
        ("no key for an exam log", 2, "--pubkey FILE"),
    ],
)
def test_bad_input_gets_one_paragraph_and_an_exit_code(
    tmp_path: Path,
    sealed: Path,
    centre: Path,
    capsys: pytest.CaptureFixture[str],
    make: str,
    exit_code: int,
    words: str,
) -> None:
    log, key = sealed, centre / "exam-centre.pub"
    if make == "missing log":
        log = tmp_path / "nope.jsonl"
    elif make == "folder as log":
        log = tmp_path
    elif make == "empty log":
        log.write_bytes(b"")
    elif make == "binary junk":
        log.write_bytes(bytes(range(256)) * 4)
    elif make == "garbage key":
        key = tmp_path / "junk.pub"
        key.write_bytes(b"\x00\x01garbage")
    elif make == "folder as key":
        key = tmp_path
    args = [str(log)] if make == "no key for an exam log" else [str(log), "--pubkey", str(key)]
    code, out, err = verify(capsys, *args)
    assert code == exit_code
    assert words in out + err
    if exit_code == 2:
        assert err.startswith("helpdesk-exam: ") and err.count("\n") == 1


def test_the_exit_codes_are_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["verify", "--help"])
    out = capsys.readouterr().out
    for code in ("0  intact and sealed", "1  not intact", "2  usage", "3  intact but unsealed"):
        assert code in out


def test_verify_through_a_real_process(sealed: Path, centre: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "helpdesk_tui.cli",
            "verify",
            str(sealed),
            "--pubkey",
            str(centre / "exam-centre.pub"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "is intact and sealed" in done.stdout
    sealed.write_bytes(sealed.read_bytes()[:-5])
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "helpdesk_tui.cli",
            "verify",
            str(sealed),
            "--pubkey",
            str(centre / "exam-centre.pub"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 3 and "torn line" in done.stdout


def test_running_out_of_memory_is_a_paragraph_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # qa-sitting8: a 500 MB padded log under `ulimit -v 1000000` ended in a MemoryError
    # traceback. What runs out is the machine's; the sentence names what it was given.
    log = tmp_path / "big.jsonl"
    log.write_bytes(b"{}\n")

    def no_memory(*_args: object) -> None:
        raise MemoryError

    monkeypatch.setattr("helpdesk_tui.commands.verify.verify_log", no_memory)
    assert main(["verify", str(log)]) == 2
    err = capsys.readouterr().err
    assert f"ran out of memory reading {log}" in err and "Traceback" not in err


def test_verify_speaks_the_language_asked_or_the_locales(
    sealed: Path,
    centre: Path,
    scenario: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """bugs9: `verify` printed its text in English only."""
    pub = str(centre / "exam-centre.pub")
    code, out, _ = verify(capsys, str(sealed), "--pubkey", pub, "--scenario", str(scenario),
                          "--lang", "nl")  # fmt: skip
    assert code == 0 and out.startswith(f"OK: {sealed} is intact en verzegeld.")
    for dutch in ("  kandidaat ", "klopt met --scenario", "  modus ", "examen", "examentijd",
                  "14 (10 gebeurtenissen)", "  controlepunten ", "sleutel van het examencentrum"):  # fmt: skip
        assert dutch in out, dutch
    lines = sealed.read_bytes().split(b"\n")
    lines[4] = lines[4].replace(b'"t":', b'"t":1', 1)
    sealed.write_bytes(b"\n".join(lines))
    monkeypatch.setenv("LC_ALL", "fr_BE.UTF-8")  # no --lang: the locale's language
    code, out, _ = verify(capsys, str(sealed), "--pubkey", pub)
    assert code == 1
    assert out.startswith(
        f"ÉCHEC (broken-hash-link)\u00a0: {sealed}, ligne 5 (seq 4)\u00a0: son lien de hachage "
    ), out
    assert "  candidat " in out and "dans la mesure où il a pu être vérifié" in out
    # the verifier's own words, which say more, follow in French too (bugs12; they were
    # English on a line that said so): the catalogue's sentences with the fault's data
    from helpdesk_tui.i18n import gettext_in

    where = gettext_in("fr", "line {line} (seq {seq})").format(line=5, seq=4)
    changed = gettext_in(
        "fr",
        "it was changed after it was written: its hash no longer matches the prev stored "
        "in line {line}",
    ).format(line=6)
    detail = gettext_in("fr", "{where}: {why}.").format(where=where, why=changed)
    assert f"  {gettext_in('fr', 'in detail')}" in out and detail in out, out
    assert "line 5 (seq 4)" not in out
    code, out, _ = verify(capsys, str(sealed), "--pubkey", pub, "--lang", "en")
    assert out.startswith("FAILED (broken-hash-link)") and "candidat " not in out


def test_a_bad_log_also_says_what_follows_the_fault_and_its_torn_end(
    sealed: Path, centre: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """sec-fuzz9: the streamed verify stopped reading at the first fault; an assessor wants
    to know what else is wrong (how much follows unchecked, a torn last line)."""
    lines = sealed.read_bytes().split(b"\n")  # 14 complete lines, sealed
    lines[4] = lines[4].replace(b'"t":', b'"t":1', 1)
    sealed.write_bytes(b"\n".join(lines) + b'{"data":{"te')
    code, out, _ = verify(capsys, str(sealed), "--pubkey", str(centre / "exam-centre.pub"))
    assert code == 1 and out.startswith("FAILED (broken-hash-link)")
    assert "  after it     9 more complete lines, not checked\n" in out
    assert "  torn line    line 15: the log ends in 12 bytes without a line end" in out
    code, out, _ = verify(
        capsys, str(sealed), "--pubkey", str(centre / "exam-centre.pub"), "--lang", "nl"
    )
    assert "nog 9 volledige regels, niet nagekeken" in out and "regel 15: de log eindigt" in out


@pytest.mark.parametrize("command", ["verify", "report", "review"])
@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_a_missing_log_or_key_is_said_in_the_commands_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, lang: str
) -> None:
    """bugs11: the errors `verify`, `report` and `review` print on stderr (a missing file, a
    key) were English in every language: now the catalogue's, with the paths."""
    from helpdesk_tui.cli import main
    from helpdesk_tui.i18n import gettext_in

    extra = ["--assessor", "An"] if command == "review" else []
    missing = tmp_path / "gone.jsonl"
    assert main([command, str(missing), "--lang", lang, *extra]) == 2
    err = capsys.readouterr().err
    said = gettext_in(
        lang, "{path} does not exist; give the path of a session log (logs/*.jsonl)."
    ).format(path=missing)
    assert said in err and "does not exist" not in err, err
    log = tmp_path / "some.jsonl"
    log.write_text("{}\n")
    key = tmp_path / "nowhere.pub"
    assert main([command, str(log), "--pubkey", str(key), "--lang", lang, *extra]) == 2
    err = capsys.readouterr().err
    what = gettext_in(lang, "public key (exam-centre.pub)")
    said = gettext_in(
        lang, "{path} does not exist; give the {what} file made by `helpdesk-exam keys init`."
    ).format(path=key, what=what)
    assert said in err and "does not exist" not in err, err


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_seal_reason_is_said_in_the_readers_language(
    sealed: Path, centre: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """bugs13: a French `verify` of a handed-in Dutch exam said "sceau  handed-in". The
    reason in the report's words (the end reasons of the report's catalogue), the logged
    value beside it."""
    from helpdesk_tui.assess.texts import tr

    code, out, _ = verify(
        capsys, str(sealed), "--pubkey", str(centre / "exam-centre.pub"), "--lang", lang
    )
    assert code == 0
    seal = next(line for line in out.splitlines() if "completed" in line)
    assert f"{tr(lang, 'ended.completed')} (completed)" in seal
