"""bugs20 left: the review's header said "Exam time" over a practice log. An assessor or an
instructor who opens a practice session must not read it as an exam's clock; observe and
the student's own header say practice (bugs20). The words are the catalogue's, checked
against the translations written for the student's header, not against this screen."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.assess.overview import header_rows
from helpdesk_tui.core.events import Event
from helpdesk_tui.eventlog import generate_keypair, load_private_key
from helpdesk_tui.ui.review.app import ReviewApp
from helpdesk_tui.ui.review.session import open_review

from .logs import SIZE, write_log

CLOCK = {  # the student's header says these (test_header_title.py); exams keep their word
    "en": ("Practice time", "Exam time"),
    "nl": ("Oefentijd", "Examentijd"),
    "fr": ("Temps d'entraînement", "Temps d'examen"),
}


@pytest.mark.parametrize("mode", ["practice", "exam"])
@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
async def test_the_review_clock_names_the_logs_mode(
    tmp_path: Path, naive_events: list[Event], lang: str, mode: str
) -> None:
    generate_keypair(tmp_path / "keys")  # an exam log is the centre's, a practice log its own
    signer = load_private_key(tmp_path / "keys/exam-centre.key") if mode == "exam" else None
    log = write_log(tmp_path / "s.jsonl", naive_events, signer, mode=mode)
    pubkey = tmp_path / "keys/exam-centre.pub" if mode == "exam" else None
    i18n.set_language(lang)
    try:
        app = ReviewApp(open_review(log, "An Peeters", pubkey=pubkey))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            clock = str(app.screen.query_one("#rv-clock").render())
    finally:
        i18n.set_language("en")
    practice, exam = CLOCK[lang]
    expected, other = (practice, exam) if mode == "practice" else (exam, practice)
    assert clock.startswith(expected), clock
    assert other not in clock


REPORT_CLOCK = {  # the report's own words (assess/texts.py), one row of its header table
    "en": ("Practice time", "Exam time"),
    "nl": ("Oefentijd", "Examentijd"),
    "fr": ("Durée d'entraînement", "Durée d'examen"),
}


@pytest.mark.parametrize("mode", ["practice", "exam"])
@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_the_reports_clock_row_names_the_logs_mode(
    tmp_path: Path, naive_events: list[Event], lang: str, mode: str
) -> None:
    """The lead (stop 30): `report --lang nl` of a practice log still said "Examentijd" in its
    header table after the review had learnt to say "Oefentijd"."""
    generate_keypair(tmp_path / "keys")
    signer = load_private_key(tmp_path / "keys/exam-centre.key") if mode == "exam" else None
    events = [  # the session's own start says the mode too: the report reads that one
        replace(e, data={**e.data, "mode": mode}) if e.type == "session_started" else e
        for e in naive_events
    ]
    log = write_log(tmp_path / "s.jsonl", events, signer, mode=mode)
    pubkey = tmp_path / "keys/exam-centre.pub" if mode == "exam" else None
    assessed = open_review(log, "An Peeters", pubkey=pubkey).assessed
    labels = [label for label, _ in header_rows(assessed.evidence, assessed.provenance, lang)]
    practice, exam = REPORT_CLOCK[lang]
    expected, other = (practice, exam) if mode == "practice" else (exam, practice)
    assert expected in labels, labels
    assert other not in labels
