"""`helpdesk-exam sitting ...` and `helpdesk-exam room`: what a proctor types, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpdesk_tui.cli import main
from helpdesk_tui.ui.room.app import RoomApp
from tests.sitting.kit import assessed, first_events, sealed_log_bytes, unsealed_log

pytestmark = pytest.mark.usefixtures("a_terminal")  # see tests/conftest.py


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HELPDESK_EXAM_SITTINGS", str(tmp_path))
    monkeypatch.setenv("COLUMNS", "120")
    return tmp_path


def test_a_sitting_from_new_to_close(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "sitting", "new", "am", "--scenario", "en-northwind-monday")[0] == 0
    assert run(capsys, "sitting", "add", "am", "c0001", "c0002", "c0003")[1].startswith("3 added")
    assert run(capsys, "sitting", "add", "am", "c0001")[1].startswith("0 added, 1 already")
    log = root / "am" / "c0001" / "exam.jsonl"
    log.write_bytes(sealed_log_bytes("c0001"))
    assessed(log.parent, log)
    unsealed_log(root / "am" / "c0002" / "exam.jsonl", "c0002", list(first_events()))
    assert "waiting" in run(capsys, "sitting", "status", "am")[1]  # as of the last update
    code, out, _ = run(capsys, "sitting", "update", "am")
    assert code == 0 and "c0001\ttime-up\tOK" in out
    code, out, _ = run(capsys, "sitting", "status", "am", "--refresh")
    assert code == 1  # c0002 is interrupted: a look is needed
    lines = {line.split()[0]: line for line in out.splitlines() if line.strip().startswith("c000")}
    # the room's words for the states (bugs15: the register's keys before, "time-up")
    assert "time up" in lines["c0001"] and "Ann, Bob" in lines["c0001"] and "PASS" in lines["c0001"]
    assert "interrupted" in lines["c0002"] and "waiting" in lines["c0003"]
    assert "3 candidate(s): 1 interrupted, 1 time up, 1 waiting" in out
    code, out, _ = run(capsys, "sitting", "status", "am", "--lang", "nl")
    lines = {line.split()[0]: line for line in out.splitlines() if line.strip().startswith("c000")}
    assert "tijd om" in lines["c0001"] and "GESLAAGD" in lines["c0001"]
    assert "onderbroken" in lines["c0002"] and "wachtend" in lines["c0003"]
    assert "zitting am · scenario en-northwind-monday" in out and "beoordelaars" in out
    assert "aantal kandidaten: 3; 1 onderbroken, 1 tijd om, 1 wachtend" in out
    assert not {"candidate", "state", "assessors", "outcome", "waiting"} & set(out.split())
    code, out, _ = run(capsys, "sitting", "status", "am", "--lang", "fr")
    assert "évaluateurs" in out and "RÉUSSI" in out and "3 candidat(s)" in out
    assert run(capsys, "sitting", "status", "am", "--lang", "en")[1].count("PASS") == 1
    code, out, _ = run(capsys, "sitting", "close", "am")
    assert code == 0 and "1 candidate(s) never started" in out
    document = json.loads(run(capsys, "sitting", "status", "am", "--json")[1])
    assert (
        document["sitting"]["closed"] and document["sitting"]["scenario"] == "en-northwind-monday"
    )
    assert {r["candidate"]: r["state"] for r in document["candidates"]}["c0003"] == "absent"
    (root / "am" / "sitting.json").unlink()
    assert run(capsys, "sitting", "rebuild", "am")[0] == 0
    assert json.loads(run(capsys, "sitting", "status", "am", "--json")[1]) == document


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["sitting", "status", "nowhere"], "there is no sitting register"),
        (["sitting", "new", "bad name!", "--scenario", "x"], "is not a sitting name"),
        (["sitting", "add", "am", "../x"], "not a candidate id"),
        (["sitting", "new", "am2", "--scenario", "x", "--pubkey", "/nonexistent.pub"], "pub"),
        (["room"], "give the logs folder"),
        (["room", "/nonexistent/logs"], "is not a folder"),
        (["room", "--sitting", "am", "--witness", "/nonexistent.jsonl"], "is not a file"),
    ],
)
def test_bad_input_gets_one_paragraph(
    root: Path, capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    run(capsys, "sitting", "new", "am", "--scenario", "s")
    code, _out, err = run(capsys, *argv)
    assert code == 2 and words in err, err
    assert len(err.strip().splitlines()) == 1


def test_a_damaged_register_is_named_with_the_way_out(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "sitting", "new", "am", "--scenario", "s")
    (root / "am" / "sitting.json").write_text("{half")
    code, _out, err = run(capsys, "sitting", "status", "am")
    assert code == 2 and "sitting.json is not valid JSON" in err and "sitting rebuild" in err


def test_room_opens_on_a_sitting_with_its_expected_candidates(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[RoomApp] = []
    monkeypatch.setattr(RoomApp, "run", lambda self, *a, **k: opened.append(self))
    run(capsys, "sitting", "new", "am", "--scenario", "en-northwind-monday")
    run(capsys, "sitting", "add", "am", "c0001", "c0002")
    (root / "am" / "c0001" / "exam.jsonl").write_bytes(sealed_log_bytes("c0001"))
    assert run(capsys, "room", "--sitting", "am", "--interval", "2")[0] == 0
    (app,) = opened
    room = app.room_screen.room
    assert room.expected == ["c0001", "c0002"] and app.poll_interval == 2
    room.poll()
    assert [r.state for r in room.rows()] == ["time-up", "waiting"]
    assert run(capsys, "room", str(root / "am"))[0] == 0 and len(opened) == 2


def test_the_room_never_writes(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A room polled many times leaves every file as it was, and adds none."""
    from helpdesk_tui.sitting.room import Room

    folder = root / "am"
    (folder / "c0001").mkdir(parents=True)
    (folder / "c0001" / "exam.jsonl").write_bytes(sealed_log_bytes("c0001"))
    (folder / "witness.jsonl").write_text('{"type":"witness.start"}\n')
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}
    room = Room(folder)
    for _ in range(5):
        room.poll()
        room.rows()
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}
    assert after == before


def test_reconcile_and_class_report_update_the_register(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from helpdesk_tui.assess.testing import verdict_file

    run(capsys, "sitting", "new", "am", "--scenario", "en-northwind-monday")
    run(capsys, "sitting", "add", "am", "c0001")
    folder = root / "am" / "c0001"
    log = folder / "exam.jsonl"
    log.write_bytes(sealed_log_bytes("c0001"))
    verdict_file(folder / "verdicts" / "ann.json", log, "Ann")
    verdict_file(folder / "verdicts" / "bob.json", log, "Bob", {"SIM-1": "not_proven"})
    a, b, out = (
        folder / "verdicts" / "ann.json",
        folder / "verdicts" / "bob.json",
        folder / "decision.json",
    )
    assert run(capsys, "reconcile", str(a), str(b), "--out", str(out))[0] == 1
    row = json.loads(run(capsys, "sitting", "status", "am", "--json")[1])["candidates"][0]
    assert [x["name"] for x in row["assessors"]] == ["Ann", "Bob"]
    assert row["outcome"] == "not_passed" and row["decision"] == "c0001/decision.json"
    assert row["state"] == "time-up"  # reconcile alone brought the log in too
    code, out_text, _ = run(capsys, "class-report", "--sitting", "am")
    assert code == 0 and "c0001" in out_text


@pytest.mark.parametrize("width", [80, 100])
def test_the_status_table_keeps_every_character_of_a_long_log_name(width: int) -> None:
    # qa-sitting8: at 80 columns "c01/en-northwind-monday-20261204T131847Z-dc7b170a.jsonl"
    # read "c01/en-northwin" "day-20261204T13" "-dc7b170a.jsonl": the log column's
    # minimum width pushed the table past the terminal, and each line was cut.
    from io import StringIO

    from rich.console import Console

    from helpdesk_tui.commands.sitting import show

    log = "c01/en-northwind-monday-20261204T131847Z-dc7b170a.jsonl"
    row = {"candidate": "c01", "state": "handed-in", "exam_time": 127.0, "resumes": 0}
    row |= {"verified": "OK", "log": log}
    out = StringIO()
    show({"name": "am", "scenario": "en-northwind-monday"}, [row], Console(file=out, width=width))
    lines = out.getvalue().splitlines()
    first = next(i for i, line in enumerate(lines) if line.strip().startswith("c01"))
    at = lines[first].rindex("c01/")
    pieces = [line[at:].strip() for line in lines[first:] if line[at:].strip()]
    assert "".join(pieces).startswith(log), pieces


def test_a_candidates_folder_holding_another_candidates_log_needs_a_look(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """sec12: c0002's log copied (or linked) into c0001's folder was shown on c0001's row
    with a yellow line under the table, and `status` said all was well (exit 0): a script
    checking the sitting's exit code let a handed-in copy of someone else's exam through."""
    assert run(capsys, "sitting", "new", "am", "--scenario", "en-northwind-monday")[0] == 0
    assert run(capsys, "sitting", "add", "am", "c0001", "c0002")[0] == 0
    theirs = root / "am" / "c0002" / "exam.jsonl"
    theirs.write_bytes(sealed_log_bytes("c0002"))
    (root / "am" / "c0001" / "exam.jsonl").write_bytes(theirs.read_bytes())  # copied
    code, out, _ = run(capsys, "sitting", "status", "am", "--refresh")
    assert "c0001: the log names candidate 'c0002', not 'c0001'" in out
    assert code == 1
    (root / "am" / "c0001" / "exam.jsonl").unlink()
    (root / "am" / "c0001" / "exam.jsonl").symlink_to(theirs)  # linked: sec13, no log at all
    code, out, _ = run(capsys, "sitting", "status", "am", "--refresh")
    assert "c0001: c0001/exam.jsonl: a symbolic link" in out
    assert code == 1


def test_class_report_of_a_sitting_verifies_with_the_sittings_own_key(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """bugs13: `sitting new --pubkey exam-centre.pub`, then `class-report --sitting NAME`
    refused every exam log ("an exam-centre log ...; give that centre's public key with
    --pubkey FILE"): the sitting's plan names the key; class-report takes it from there."""
    from helpdesk_tui.assess.testing import simulated_log
    from helpdesk_tui.eventlog.keys import generate_keypair, load_private_key

    keys = root / "keys"
    generate_keypair(keys)
    pub = str(keys / "exam-centre.pub")
    run(capsys, "sitting", "new", "am", "--scenario", "en-northwind-monday", "--pubkey", pub)
    run(capsys, "sitting", "add", "am", "c0001")
    log = root / "am" / "c0001" / "exam.jsonl"
    signer = load_private_key(keys / "exam-centre.key")
    simulated_log(log, "idle", signer=signer, candidate_id="c0001")
    run(capsys, "sitting", "update", "am")
    code, out, _ = run(capsys, "class-report", "--sitting", "am")
    assert code == 0, out
    assert "c0001" in out


SAYS = {  # (bugs16) what a Dutch, French or English proctor reads after each verb
    "nl": ("zitting pm aangemaakt in", "toegevoegd: 2, al aanwezig: 0", "toegevoegd: 0, al aanwezig: 1",
           "zitting pm gesloten; nooit begonnen (afwezig): aantal kandidaten 2",
           "opnieuw opgebouwd: aantal kandidaten 2", "samengevoegd in",
           "er is geen zittingsregister in"),
    "fr": ("session pm créée dans", "2 ajouté(s), 0 déjà présent(s)",
           "0 ajouté(s), 1 déjà présent(s)",
           "session pm close\u00a0; 2 candidat(s) jamais commencé(s) (absent(s))",
           "reconstruit\u00a0: 2 candidat(s)", "fusionné dans", "il n'y a pas de registre de session"),
    "en": ("sitting pm made in", "2 added, 0 already there", "0 added, 1 already there",
           "sitting pm closed; 2 candidate(s) never started (absent)",
           "rebuilt: 2 candidate(s)", "merged 0 candidate folder(s)",
           "there is no sitting register in"),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_every_verb_speaks_the_proctors_language(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    """Each `sitting` verb with `--lang` (bugs16: only `status` did; new, add, close, rebuild,
    merge and the missing register's error spoke English)."""
    made, added, again, closed, rebuilt, merged, missing = SAYS[lang]
    new = ["sitting", "new", "pm", "--scenario", "en-northwind-monday", "--lang", lang]
    assert made in run(capsys, *new)[1]
    assert added in run(capsys, "sitting", "add", "pm", "c0001", "c0002", "--lang", lang)[1]
    assert again in run(capsys, "sitting", "add", "pm", "c0001", "--lang", lang)[1]
    assert closed in run(capsys, "sitting", "close", "pm", "--lang", lang)[1]
    assert rebuilt in run(capsys, "sitting", "rebuild", "pm", "--lang", lang)[1]
    (tmp_path / "elsewhere").mkdir()
    merge = ["sitting", "merge", "pm", str(tmp_path / "elsewhere"), "--lang", lang]
    assert merged in run(capsys, *merge)[1]
    code, _out, err = run(capsys, "sitting", "status", "nowhere", "--lang", lang)
    assert code == 2 and missing in err
