"""The witness and `verify --witness`: the forgeries of issue 11 that a log alone cannot show.

Each forgery is made as an attacker on the exam server would make it, after
the witness (another user) has followed and countersigned the log; each is
detected with the witness file, naming the first disagreeing record or the
witness's refusal. Without the witness a cut still reads "unsealed", with a
text that says a crash and a cut cannot be told apart.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import signal
from pathlib import Path

import pytest

from helpdesk_tui.cli import main
from helpdesk_tui.eventlog import CheckpointPolicy, EventLogWriter, PublicKey, Signer
from helpdesk_tui.eventlog.chain import ChainEncoder
from helpdesk_tui.eventlog.keys import generate_witness_keypair, load_private_key
from helpdesk_tui.eventlog.records import CHECKPOINT, SEAL
from helpdesk_tui.eventlog.testing import (
    build_log_bytes,
    chain_signers,
    sample_events,
    sample_header,
)
from helpdesk_tui.eventlog.verifier import FaultKind, verify_bytes
from helpdesk_tui.eventlog.witness import (
    Witness,
    WitnessError,
    WitnessFile,
    check_against_witness,
    read_witness_file,
    state_path_of,
)

from .kit import join, numbers_of, rec, relink, resign, split

POLICY = CheckpointPolicy(records=5, seconds=3600)


@pytest.fixture(scope="module")
def wkeys(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("witness") / "keys"
    generate_witness_keypair(folder)
    return folder


@pytest.fixture
def room(tmp_path: Path, wkeys: Path, key_dir: Path) -> Room:
    return Room(tmp_path, wkeys, key_dir)


class Room:
    """A logs folder, a witness following it, and the CLI to verify with."""

    def __init__(self, tmp: Path, wkeys: Path, key_dir: Path) -> None:
        self.logs = tmp / "logs"
        self.logs.mkdir()
        self.out = tmp / "witness.jsonl"
        self.wkeys, self.key_dir = wkeys, key_dir
        self.wsigner = load_private_key(wkeys / "witness.key")

    def witness(self) -> Witness:
        file = WitnessFile(self.out, self.wsigner)
        witness = Witness(self.logs, file)
        witness.scan()
        file.close()
        return witness

    def verify(
        self,
        log: Path,
        capsys: pytest.CaptureFixture[str],
        witness: bool = True,
        lang: str = "en",
    ) -> tuple[int, str]:
        argv = ["verify", str(log), "--pubkey", str(self.key_dir / "exam-centre.pub")]
        argv += ["--lang", lang]
        if witness:
            argv += [
                "--witness",
                str(self.out),
                "--witness-pubkey",
                str(self.wkeys / "witness.pub"),
            ]
        code = main(argv)
        out = capsys.readouterr()
        return code, out.out + out.err


def sealed_log(room: Room, signer: Signer, name: str = "a.jsonl", count: int = 32) -> Path:
    path = room.logs / name
    path.write_bytes(build_log_bytes(sample_header(), signer, sample_events(count, seed=3), POLICY))
    return path


def test_the_witness_cosigns_every_signed_record_and_verify_agrees(
    room: Room, signer: Signer, capsys: pytest.CaptureFixture[str]
) -> None:
    log = sealed_log(room, signer)
    lines = split(log.read_bytes())
    witness = room.witness()
    signed = [1, *numbers_of(lines, CHECKPOINT), *numbers_of(lines, SEAL)]
    assert witness.cosigned == len(signed) and witness.refusals == 0
    book = read_witness_file(room.out, room.wsigner.public_key)
    cosigns = [e for e in book.entries if e["type"] == "witness.cosign"]
    assert [c["seq"] + 1 for c in cosigns] == signed
    assert cosigns[-1]["kind"] == "seal" and cosigns[0]["kind"] == "header"
    code, out = room.verify(log, capsys)
    assert code == 0 and "the witness cosigned 8 signed record(s)" in out
    assert room.witness().cosigned == 0  # a second pass cosigns nothing twice


def test_truncation_after_a_checkpoint_reads_unsealed_alone_and_fails_with_the_witness(
    room: Room, signer: Signer, capsys: pytest.CaptureFixture[str]
) -> None:
    log = sealed_log(room, signer)
    lines = split(log.read_bytes())
    room.witness()
    cut_at = numbers_of(lines, CHECKPOINT)[2]  # keep up to the third checkpoint
    log.write_bytes(join(lines[:cut_at]))
    code, out = room.verify(log, capsys, witness=False)
    assert code == 3 and "cannot tell a crash from a cut" in out and "--witness" in out
    code, out = room.verify(log, capsys)
    next_signed = numbers_of(lines, CHECKPOINT)[3]
    assert code == 1 and "FAILED (cut-after-witnessed)" in out
    assert f"line {next_signed} (seq {next_signed - 1})" in out


def test_seal_removal_fails_with_the_witness(
    room: Room, signer: Signer, capsys: pytest.CaptureFixture[str]
) -> None:
    log = sealed_log(room, signer)
    lines = split(log.read_bytes())
    room.witness()
    log.write_bytes(join(lines[:-1]))
    assert room.verify(log, capsys, witness=False)[0] == 3
    code, out = room.verify(log, capsys)
    assert code == 1 and f"line {len(lines)} (seq {len(lines) - 1})" in out
    assert "cut or rolled back" in out


def test_re_signing_with_a_leaked_session_key(
    room: Room, signer: Signer, pubkey: PublicKey, capsys: pytest.CaptureFixture[str]
) -> None:
    """The chain key due at the fourth checkpoint leaks; the attacker rewrites what came after
    the third checkpoint and re-signs from there with keys of their own. The log alone checks
    out; the witness cosigned the original fourth checkpoint, so its head is not in the log."""
    log = sealed_log(room, signer)
    lines = split(log.read_bytes())
    room.witness()
    third, fourth = numbers_of(lines, CHECKPOINT)[2:4]
    leaked = chain_signers(sample_header(), signer)[rec(lines[fourth - 1])["data"]["key"]]
    edited = rec(lines[third])
    edited["wall"] = "2025-03-03T09:00:59.999Z"
    forged_lines = lines[:third] + [
        json.dumps(edited, sort_keys=True, separators=(",", ":")).encode()
    ]
    forged_lines = forged_lines + lines[third + 1 : fourth - 1]
    forged_lines = relink(forged_lines, third)
    forged = _resign_from(forged_lines, lines[fourth - 1 :], leaked)
    log.write_bytes(join(forged))
    alone = verify_bytes(log.read_bytes(), pubkey)
    assert alone.status == "ok"  # what forward security cannot stop: the tail after the leak
    code, out = room.verify(log, capsys)
    assert code == 1 and "FAILED (witness-head-differs)" in out
    assert f"line {third + 1} (seq {third})" in out or f"line {fourth} (seq {fourth - 1})" in out


def test_a_leaked_session_key_cannot_re_sign_before_its_own_checkpoint(
    room: Room, signer: Signer, pubkey: PublicKey
) -> None:
    """Forward security: with the key of the fourth checkpoint, a record before the third
    cannot be changed: the checkpoint that covers it was signed by a key that is gone."""
    lines = split(sealed_log(room, signer).read_bytes())
    second, third, fourth = numbers_of(lines, CHECKPOINT)[1:4]
    leaked = chain_signers(sample_header(), signer)[rec(lines[fourth - 1])["data"]["key"]]
    edited = rec(lines[second])
    edited["wall"] = "2025-03-03T09:00:30.123Z"
    forged_lines = relink(
        lines[:second]
        + [json.dumps(edited, sort_keys=True, separators=(",", ":")).encode()]
        + lines[second + 1 : third - 1],
        second,
    )
    forged = _resign_from(forged_lines, lines[third - 1 :], leaked)
    result = verify_bytes(join(forged), pubkey)
    assert result.status == "bad" and result.fault is not None
    assert result.fault.line == third and result.fault.kind in (
        FaultKind.WRONG_KEY,
        FaultKind.BAD_SIGNATURE,
    )


def _resign_from(head: list[bytes], rest: list[bytes], first_key: Signer) -> list[bytes]:
    """Continue `head` with the records of `rest`, re-signing every checkpoint and the seal:
    the first with `first_key`, the next ones with keys the forger makes and names."""
    out = list(head)
    key = first_key
    for line in rest:
        record = rec(line)
        record["seq"] = len(out)
        record["prev"] = hashlib.sha256(out[-1]).hexdigest()
        if record["type"] in (CHECKPOINT, SEAL):
            data = {k: v for k, v in record["data"].items() if k != "sig"}
            data.update(records=record["seq"], head=record["prev"], key=key.fingerprint)
            following = Signer.generate()
            if record["type"] == CHECKPOINT:
                data["next_key"] = base64.b64encode(following.public_key.raw).decode()
            record["data"] = data | {"sig": "x"}
            out.append(resign(json.dumps(record).encode(), key, change_key=False))
            key = following
        else:
            out.append(json.dumps(record, sort_keys=True, separators=(",", ":")).encode())
    return out


def test_a_fork_shown_to_two_assessors(
    room: Room, signer: Signer, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two logs of one session that differ (one for each assessor): the witness followed
    both, refused the second where it departs, and verify fails either with `fork`."""
    first = sealed_log(room, signer, "for-assessor-1.jsonl")
    second = room.logs / "for-assessor-2.jsonl"
    lines = split(first.read_bytes())
    changed = rec(lines[3])
    changed["wall"] = "2025-03-03T09:00:07.777Z"
    other = relink(
        lines[:3]
        + [json.dumps(changed, sort_keys=True, separators=(",", ":")).encode()]
        + lines[4:],
        3,
    )
    other = _resign_from(
        other[: numbers_of(lines, CHECKPOINT)[0] - 1],
        lines[numbers_of(lines, CHECKPOINT)[0] - 1 :],
        chain_signers(sample_header(), signer)[
            rec(lines[numbers_of(lines, CHECKPOINT)[0] - 1])["data"]["key"]
        ],
    )
    second.write_bytes(join(other))
    witness = room.witness()
    assert witness.refusals == 1
    book = read_witness_file(room.out, room.wsigner.public_key)
    refusal = [e for e in book.entries if e["type"] == "witness.refusal"][0]
    assert refusal["reason"] == "conflict" and refusal["log"] == "for-assessor-2.jsonl"
    for log in (first, second):
        code, out = room.verify(log, capsys)
        assert code == 1 and "FAILED (fork)" in out and "two different logs" in out


def test_the_witness_follows_a_log_as_it_grows_and_refuses_a_rollback(
    room: Room, signer: Signer, capsys: pytest.CaptureFixture[str]
) -> None:
    log = room.logs / "live.jsonl"
    file = WitnessFile(room.out, room.wsigner)
    witness = Witness(room.logs, file)
    events = sample_events(23, seed=9)
    with EventLogWriter.create(log, sample_header(), signer, POLICY) as writer:
        counts = []
        for index, event in enumerate(events):
            writer.append(event)
            if index % 6 == 5:
                witness.scan()
                counts.append(witness.cosigned)
        assert counts == sorted(counts) and counts[-1] >= 4
        snapshot = log.read_bytes()
        for event in sample_events(12, seed=10, start=events[-1].exam_time + 1):
            writer.append(event)
        witness.scan()
    log.write_bytes(snapshot)  # rolled back to an older copy
    witness.scan()
    file.close()
    book = read_witness_file(room.out, room.wsigner.public_key)
    assert (
        book.entries[-1]["type"] == "witness.refusal" and book.entries[-1]["reason"] == "rollback"
    )
    code, out = room.verify(log, capsys)
    assert code == 1 and "FAILED (cut-after-witnessed)" in out and "rolled back" in out


def test_a_changed_or_rolled_back_witness_file_is_refused(
    room: Room, signer: Signer, capsys: pytest.CaptureFixture[str]
) -> None:
    log = sealed_log(room, signer)
    room.witness()
    original = room.out.read_bytes()
    lines = split(original)
    room.out.write_bytes(join(lines[:-2]))
    with pytest.raises(WitnessError, match="rolled back"):
        WitnessFile(room.out, room.wsigner)
    edited = rec(lines[2])
    edited["seq"] = 1
    room.out.write_bytes(join([*lines[:2], json.dumps(edited).encode(), *lines[3:]]))
    code, out = room.verify(log, capsys)
    assert code == 1 and "FAILED (witness-changed)" in out and "line 3" in out


def test_the_witness_command_once(
    room: Room, signer: Signer, capsys: pytest.CaptureFixture[str]
) -> None:
    sealed_log(room, signer)
    code = main(
        [
            "witness",
            str(room.logs),
            "--key",
            str(room.wkeys / "witness.key"),
            "--out",
            str(room.out),
            "--once",
        ]
    )
    assert code == 0 and "8 cosignature(s)" in capsys.readouterr().err
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # its SIGTERM handler is gone
    assert (
        main(
            [
                "witness",
                str(room.logs / "a.jsonl"),
                "--key",
                str(room.wkeys / "witness.key"),
                "--out",
                str(room.out),
            ]
        )
        == 2
    )


def test_check_against_witness_names_a_session_it_never_saw(
    room: Room, signer: Signer, pubkey: PublicKey
) -> None:
    room.witness()
    result = verify_bytes(
        build_log_bytes(sample_header(), signer, sample_events(3), POLICY), pubkey
    )
    book = read_witness_file(room.out, room.wsigner.public_key)
    notes = check_against_witness(result, book, "w.jsonl")
    assert result.status == "ok" and "never saw session" in notes[0]
    assert ChainEncoder  # the encoder is what the forgeries above imitate


def test_an_invalid_tail_is_refused_once_and_the_log_witnessed_again_after_a_resume(
    room: Room, signer: Signer
) -> None:
    """A bad line after the last checkpoint: the witness writes one `invalid` refusal; when
    the log is written again (a resume kept the line aside and went on), it goes on too."""
    log = room.logs / "a.jsonl"
    full = build_log_bytes(sample_header(), signer, sample_events(32, seed=3), POLICY)
    lines = split(full)
    cut = numbers_of(lines, CHECKPOINT)[2]
    log.write_bytes(join([*lines[:cut], b'{"seq": NaN}']))
    file = WitnessFile(room.out, room.wsigner)
    witness = Witness(room.logs, file)
    witness.scan()
    witness.scan()
    assert witness.refusals == 1 and witness.cosigned == 4  # header + 3 checkpoints
    log.write_bytes(full)  # the bad line kept aside, the session went on to its seal
    witness.scan()
    file.close()
    book = read_witness_file(room.out, room.wsigner.public_key)
    assert witness.refusals == 1 and book.entries[-1]["kind"] == "seal"


@pytest.mark.parametrize("given", ["folder", "pipe", "missing"])
def test_a_witness_path_that_is_no_file_is_a_usage_error_not_a_failed_log(
    room: Room, signer: Signer, capsys: pytest.CaptureFixture[str], given: str
) -> None:
    # qa-sitting8: `--witness /dev/zero` read "FAILED (witness-changed): ... give a
    # witness file file." (exit 1): the log was fine, the path was wrong.
    log = sealed_log(room, signer)
    if given == "folder":
        room.out.mkdir()
    elif given == "pipe":
        os.mkfifo(room.out)
    code, out = room.verify(log, capsys)
    assert code == 2 and "FAILED" not in out
    assert f"{room.out} " in out and "give the witness file (witness.jsonl)" in out


def test_a_state_file_that_is_a_pipe_or_huge_is_refused_not_read(room: Room) -> None:
    """bugs9 (qa-sitting8): the state was read with `read_bytes()[:4096]`, so a pipe there
    left `witness` waiting for a writer, and a huge file was read whole before being cut."""
    state = room.out.with_name(room.out.name + ".state")
    os.mkfifo(state)
    with pytest.raises(WitnessError) as caught:
        WitnessFile(room.out, room.wsigner)  # before the fix: blocked here for ever
    assert str(caught.value).startswith(f"{state} is not a regular file")
    assert "\n" not in str(caught.value)
    state.unlink()
    with state.open("wb") as handle:  # sparse: 1 GiB that costs nothing on disk
        handle.truncate(1 << 30)
    with pytest.raises(WitnessError, match=r"is larger than 4096 bytes"):
        WitnessFile(room.out, room.wsigner)


def test_a_witness_file_inside_the_logs_folder_is_not_followed_as_a_log(
    room: Room, signer: Signer
) -> None:
    """qa-sitting10: deployment.md §9 has the room read LOGDIR/witness.jsonl, so a witness
    started with `--out LOGDIR/witness.jsonl` found its own file among the `*.jsonl` it follows
    and wrote "REFUSED witness.jsonl: line 1: it should be the header" into it."""
    sealed_log(room, signer)
    inside = room.logs / "witness.jsonl"
    for _round in range(2):  # the second round sees the lines the first one wrote
        file = WitnessFile(inside, room.wsigner)
        witness = Witness(room.logs, file)
        witness.scan()
        file.close()
        assert witness.refusals == 0
    book = read_witness_file(inside, room.wsigner.public_key)
    assert not [e for e in book.entries if e["type"] != "witness.cosign" and "refus" in e["type"]]
    assert sorted(p.name for p in witness.followed) == ["a.jsonl"]


def test_the_witness_speaks_the_language_of_verify(
    room: Room, signer: Signer, capsys: pytest.CaptureFixture[str]
) -> None:
    """bugs11: the witness notes and its detailed faults were English in a Dutch or French
    `verify`. Now the catalogue's sentences, with the log's own figures."""
    from helpdesk_tui.i18n import gettext_in

    log = sealed_log(room, signer)
    lines = split(log.read_bytes())
    room.witness()
    code, out = room.verify(log, capsys, lang="nl")
    note = gettext_in(
        "nl",
        "the witness cosigned {n} signed record(s) of this session, the last at seq "
        "{last}; the log has {total} record(s)",
    ).format(n=8, last=len(lines) - 1, total=len(lines))
    assert code == 0 and note in out and "the witness cosigned" not in out
    log.write_bytes(join(lines[:-1]))
    code, out = room.verify(log, capsys, lang="fr")
    cut = gettext_in(
        "fr",
        "line {line} (seq {seq}): the witness ({name}) cosigned a record at seq {seq} "
        "(head {head}...), but the log ends at seq {last}: it was cut or rolled back "
        "after the witness saw it",
    )
    start = cut.split("{name}")[0].format(line=len(lines), seq=len(lines) - 1)
    assert code == 1 and start in out and "cut or rolled back" not in out, out


def test_a_link_named_jsonl_in_the_logs_folder_is_not_followed(room: Room, signer: Signer) -> None:
    """sec13: a symbolic link is no log the exam wrote; the witness followed (and cosigned)
    c01's log a second time under the link's name, and would follow one to any file."""
    sealed_log(room, signer)
    (room.logs / "c02").mkdir()
    os.symlink("../a.jsonl", room.logs / "c02" / "b.jsonl")
    os.symlink("/proc/self/environ", room.logs / "env.jsonl")
    witness = room.witness()
    assert sorted(p.name for p in witness.followed) == ["a.jsonl"]
    assert witness.refusals == 0


def test_a_witness_file_cut_short_leaves_the_seal_not_witnessed(
    room: Room, signer: Signer, capsys: pytest.CaptureFixture[str]
) -> None:
    """sec12 saw it, sec13 fixed it: the witness file alone has no anchor for its end, so
    one cut after any line still checks. A sealed log whose seal the witness never cosigned
    is witnessed only up to the last record it did: not OK (exit 3, as an unsealed log).
    (Its state file beside it is that anchor since sec14: here it is gone.)"""
    log = sealed_log(room, signer)
    lines = split(log.read_bytes())
    room.witness()
    state_path_of(room.out).unlink()
    book_lines = room.out.read_bytes().splitlines(keepends=True)
    assert b'"kind":"seal"' in book_lines[-1]
    room.out.write_bytes(b"".join(book_lines[:-1]))  # the seal's cosignature cut away
    code, out = room.verify(log, capsys)
    last_checkpoint = numbers_of(lines, CHECKPOINT)[-1] - 1
    assert code == 3 and out.startswith("NOT WITNESSED")
    assert f"the last at seq {last_checkpoint}" in out
    assert "has no state file beside it (witness.jsonl.state)" in out
    room.out.write_bytes(book_lines[0])  # only the start line: the session never seen
    code, out = room.verify(log, capsys)
    assert code == 3 and out.startswith("NOT WITNESSED") and "never saw session" in out


@pytest.mark.parametrize("cut", [1, 2, 5])
def test_a_witness_file_cut_short_beside_its_state_is_a_changed_witness_file(
    room: Room, signer: Signer, capsys: pytest.CaptureFixture[str], cut: int
) -> None:
    """sec13 left it: a witness file cut short read as a witness stopped before the exam
    ended (both NOT WITNESSED, exit 3). The witness's signed state (`witness.jsonl.state`,
    replaced after every line, copied with the witness file by collect-logs) counts its
    lines: a copy shorter than that was cut (witness-changed, exit 1)."""
    log = sealed_log(room, signer)
    room.witness()
    book_lines = room.out.read_bytes().splitlines(keepends=True)
    room.out.write_bytes(b"".join(book_lines[:-cut]))
    code, out = room.verify(log, capsys)
    assert code == 1 and out.startswith("FAILED (witness-changed)"), out
    assert f"has {len(book_lines) - cut} lines, but the witness had written" in out
    assert f"{len(book_lines)} (state witness.jsonl.state)" in out


def test_a_witness_stopped_before_the_seal_is_told_from_a_cut_by_its_state(
    room: Room, signer: Signer, capsys: pytest.CaptureFixture[str]
) -> None:
    """The other half: a witness that stopped before the seal was written has a state as
    long as its file, and verify says so (not cut short), still NOT WITNESSED."""
    log = sealed_log(room, signer)
    full = log.read_bytes()
    log.write_bytes(join(split(full)[:-1]))  # the seal not written yet
    room.witness()
    log.write_bytes(full)
    total = len(room.out.read_bytes().splitlines())
    code, out = room.verify(log, capsys)
    assert code == 3 and out.startswith("NOT WITNESSED")
    assert f"witness.jsonl is whole as far as the witness's signed state says ({total} of " in out
    assert "not cut short" in out


def test_a_seal_written_after_the_witness_stopped_is_not_witnessed(
    room: Room, signer: Signer, capsys: pytest.CaptureFixture[str]
) -> None:
    log = sealed_log(room, signer)
    full = log.read_bytes()
    log.write_bytes(join(split(full)[:-1]))
    room.witness()
    log.write_bytes(full)
    code, out = room.verify(log, capsys)
    assert code == 3 and out.startswith("NOT WITNESSED")
    assert room.verify(log, capsys, witness=False)[0] == 0  # the log alone: intact, sealed
    room.witness()  # the witness, running again, cosigns the seal
    code, out = room.verify(log, capsys)
    assert code == 0 and out.startswith("OK")
