"""sec19 left: a hang-up during a disk fault lost the command the disk refused, while the
fault screen said "nothing is lost". The refused command lives only in the running program
(the same disk refuses any side file, and a file outside the signed log replayed on resume
would let anyone who can write it act for the candidate), so the candidate must be told
exactly that: what is not saved yet, that it is done when the disk is back, and that it is
lost if the exam stops first. On the screen: tests/ui/test_exam_disk_fault.py's first test."""

from __future__ import annotations

from pathlib import Path

from helpdesk_tui.runtime.lifecycle import DiskFault
from helpdesk_tui.ui.screens.disk_fault import waiting_words


def fault(*pending: tuple[str, tuple[object, ...]]) -> DiskFault:
    return DiskFault(
        Path("exam.jsonl"), "full", "No space left on device", 0.0, 30.0, list(pending)
    )


def test_nothing_of_the_candidates_waiting_is_said_so() -> None:
    blocked = ("submit", ("lockdown_key_blocked", {"key": "ctrl+z"}))  # the lockdown's note
    for waiting in (fault(), fault(blocked)):
        assert waiting_words(waiting) == "Nothing you did is waiting to be saved."


def test_what_waits_is_counted_and_said_lost_if_the_exam_stops() -> None:
    reply = ("submit", ("message_sent", {"conversation_id": "chat-1", "text": "Hello"}))
    taken = ("submit", ("ticket_opened", {"ticket_id": "T-1"}))
    one, two = waiting_words(fault(reply)), waiting_words(fault(reply, taken))
    assert one.startswith("Not saved yet: 1 thing you did last.") and "it is lost" in one
    assert two.startswith("Not saved yet: 2 things you did last.") and "they are lost" in two
    assert "nothing is lost" not in one + two
