"""The room's pure parts: the witness file read defensively, and who is writing a log."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from helpdesk_tui.sitting.room import MAX_WITNESS_LINE, WitnessReader, writers_now


def line(**fields: object) -> str:
    import json

    return json.dumps(fields) + "\n"


def test_the_witness_file_is_read_incrementally_and_a_torn_line_waits(tmp_path: Path) -> None:
    path = tmp_path / "witness.jsonl"
    path.write_text(
        line(n=0, type="witness.start") + line(type="witness.cosign", session="s1", seq=0)
    )
    reader = WitnessReader(path)
    assert reader.poll() and reader.sessions["s1"].cosigned_seq == 0
    assert not reader.poll()  # nothing new: nothing read
    whole = line(type="witness.cosign", session="s1", seq=40)
    with path.open("a") as handle:
        handle.write(whole[:10])
    assert not reader.poll() and reader.sessions["s1"].cosigned_seq == 0
    with path.open("a") as handle:
        handle.write(whole[10:])
    assert reader.poll() and reader.sessions["s1"].cosigned_seq == 40


def test_what_is_not_the_format_is_skipped_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "witness.jsonl"
    path.write_text(
        "garbage\n"
        + "[1, 2]\n"
        + line(type="witness.cosign", session="s1", seq="7")  # seq not a number
        + line(type="witness.cosign", session="s1", seq=True)
        + line(type="witness.other", session="s1", seq=3)
        + line(type="witness.cosign", session="s1", seq=3, pad="x" * MAX_WITNESS_LINE)
        + line(type="witness.cosign", session="s1", seq=2)
        + line(type="witness.refusal", session="s2", reason="rollback")
    )
    reader = WitnessReader(path)
    reader.poll()
    assert reader.skipped == 6
    assert reader.sessions["s1"].cosigned_seq == 2
    assert reader.sessions["s2"].refused == "rollback"


def test_a_witness_file_cut_back_is_read_again_and_said(tmp_path: Path) -> None:
    path = tmp_path / "witness.jsonl"
    path.write_text(line(type="witness.cosign", session="s1", seq=9) * 3)
    reader = WitnessReader(path)
    reader.poll()
    path.write_text(line(type="witness.cosign", session="s1", seq=4))
    reader.poll()
    assert reader.sessions["s1"].cosigned_seq == 4
    assert "shorter" in reader.problem


def test_a_missing_witness_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    reader = WitnessReader(tmp_path / "gone.jsonl")
    assert not reader.poll() and "cannot be read" in reader.problem


def test_writers_are_found_in_the_kernels_lock_table(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    path.write_text("x\n")
    info = os.stat(path)
    me = (os.major(info.st_dev), os.minor(info.st_dev), info.st_ino)
    held = writers_now()
    if held is None:  # no /proc/locks here: the room then says running, not interrupted
        return
    assert me not in held
    with open(path, "ab") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        assert me in (writers_now() or set())


def test_over_a_network_share_the_lock_table_is_not_trusted(tmp_path: Path) -> None:
    from helpdesk_tui.sitting.derive import on_network_share

    mounts = (
        "/dev/vda1 / ext4 rw 0 0\n"
        "server:/var/lib/helpdesk-exam/logs /mnt/exam nfs4 ro 0 0\n"
        "//nas/share /mnt/exam/cifs cifs ro 0 0\n"
    )
    assert on_network_share(Path("/mnt/exam/am"), mounts)
    assert on_network_share(Path("/mnt/exam/cifs/x"), mounts)
    assert not on_network_share(Path("/mnt/examples"), mounts)  # a prefix, not a mount point
    assert not on_network_share(Path("/var/lib/x"), mounts)


def test_the_witness_file_in_the_logs_folder_is_no_candidate(tmp_path: Path) -> None:
    """qa-sitting10: with the witness writing LOGDIR/witness.jsonl (deployment.md §9), the
    room gave it a row of its own, "witness.jsonl BROKEN", and counted it in the title."""
    from helpdesk_tui.sitting.room import Room

    (tmp_path / "witness.jsonl").write_text(line(n=0, type="witness.start"))
    (tmp_path / "c01").mkdir()
    (tmp_path / "c01" / "x.jsonl").write_text("")
    assert Room(tmp_path).discover() == ["c01/x.jsonl"]
    # a witness file given with --witness, in a folder the room's glob reaches
    elsewhere = tmp_path / "w" / "witness.jsonl"
    elsewhere.parent.mkdir()
    elsewhere.write_text(line(n=0, type="witness.start"))
    assert Room(tmp_path, witness=elsewhere).discover() == ["c01/x.jsonl"]
