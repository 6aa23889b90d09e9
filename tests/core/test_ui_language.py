"""The language the candidate's screens speak is part of the session: on the record
(`session_started.ui_language`, each `session_resumed` that names one; event schema 3), folded
by the one reducer, so `resume` comes back in it for every mode (bugs15)."""

from __future__ import annotations

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.core.events import UI_LANGUAGES
from helpdesk_tui.core.reducer import Refused, reduce
from helpdesk_tui.core.session import ExamSession, MemorySink
from tests.conftest import build_session_started

from .kit import ev, fold, then
from .test_session import FakeStimuli


def test_the_closed_set_is_the_screens_languages() -> None:
    assert UI_LANGUAGES == i18n.LANGUAGES


def test_the_fold_keeps_the_language_started_in_and_the_last_one_resumed_in() -> None:
    state = fold(build_session_started(ui_language="nl"))
    assert state.ui_language == "nl"
    then(state, ev("session_resumed", 5.0, reason="resumed after interruption"))
    assert state.ui_language == "nl"  # a resume that names none keeps it
    then(state, ev("session_resumed", 6.0, reason="resumed after interruption", ui_language="fr"))
    assert state.ui_language == "fr"


def test_a_log_that_names_none_has_none() -> None:
    assert fold(build_session_started()).ui_language is None


@pytest.mark.parametrize("version", [1, 2])
def test_an_older_schema_never_names_it(version: int) -> None:
    """A log of event schema 1 or 2 was written by a program that had no such field."""
    with pytest.raises(Refused, match="schema 3"):
        fold(build_session_started(ui_language="nl", schema_version=version))
    state = fold(build_session_started(schema_version=version))
    with pytest.raises(Refused, match="schema 3"):
        then(state, ev("session_resumed", 1.0, reason="r", ui_language="nl"))


def test_a_language_the_screens_do_not_speak_is_refused() -> None:
    with pytest.raises(Refused, match="one of en, nl, fr"):
        reduce([ev("session_started", 0.0, **build_session_started(ui_language="de"))])


@pytest.mark.parametrize(("version", "logged"), [(3, "fr"), (2, None)])
def test_a_resume_logs_the_language_only_in_a_log_that_can_hold_it(
    version: int, logged: str | None
) -> None:
    """An older log resumed by this program goes on in its own schema (as notices do)."""
    sink = MemorySink()
    session = ExamSession(ManualClock(), sink, FakeStimuli(), wall_clock=lambda: "x")
    session.start(build_session_started(schema_version=version))
    session.pause("proctor")
    event = session.resume(3.0, "resumed after interruption", ui_language="fr")
    assert event.data.get("ui_language") == logged
