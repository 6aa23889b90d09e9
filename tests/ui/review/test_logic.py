"""The review's pure parts: times typed, records described, translations complete."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from helpdesk_tui.core.events import EVENT_SPECS, make_event
from helpdesk_tui.i18n import catalog
from helpdesk_tui.ui.review.describe import LABELS, describe, record_line, subject_of
from helpdesk_tui.ui.review.dialogs import parse_moment
from helpdesk_tui.ui.review.session import default_out


@pytest.mark.parametrize(
    ("typed", "moment"),
    [
        ("1:02:03", ("time", 3723.0)),
        ("62:03", ("time", 3723.0)),
        ("3723", ("time", 3723.0)),
        ("12.5", ("time", 12.5)),
        ("1h05m", ("time", 3900.0)),
        ("90s", ("time", 90.0)),
        ("#88", ("seq", 88.0)),
        (" 0:00 ", ("time", 0.0)),
        ("1:61:00", None),
        ("#x", None),
        ("soon", None),
        ("", None),
    ],
)
def test_times_and_records_typed_in_the_jump_dialog(
    typed: str, moment: tuple[str, float] | None
) -> None:
    assert parse_moment(typed) == moment


def test_every_event_type_has_a_line_of_its_own() -> None:
    assert set(LABELS) == set(EVENT_SPECS)
    note = make_event(
        "note_added", {"ticket_id": "T-1", "text": "line one\nline two " + "x" * 200}, 75.0, "w"
    )
    line = record_line(12, note)
    assert line.startswith("00:01:15 #12 note on T-1: line one line two")
    assert "\n" not in line and line.endswith("…")
    chat = make_event("chat_opened", {"conversation_id": "C-1", "customer_id": "ann"}, 1.0, "w")
    assert describe(chat, {"ann": "Ann Peeters"}.get) == "chat C-1 opened by Ann Peeters"


def test_what_a_record_concerns() -> None:
    def event(kind: str, **data: object) -> object:
        return make_event(kind, data, 1.0, "w")

    assert subject_of(event("message_sent", conversation_id="C-1", text="hi")) == (
        "conversation",
        "C-1",
    )
    assert subject_of(
        event("ticket_created", ticket_id="T-9", title="x", customer_id="c", conversation_id="C-1")
    ) == ("ticket", "T-9")
    assert subject_of(event("focus_moved", area="ticket", target="T-2")) == ("ticket", "T-2")
    assert subject_of(event("focus_moved", area="kb")) is None
    assert subject_of(event("kb_article_opened", article_id="kb-1")) == ("kb", "kb-1")
    assert subject_of(None) is None


def test_the_default_verdict_file_is_named_after_the_assessor() -> None:
    assert (
        default_out(Path("logs/x.jsonl"), " An Peeters ").name == "x.jsonl.verdicts.An-Peeters.json"
    )
    assert default_out(Path("x.jsonl"), "Zoë/../..").name == "x.jsonl.verdicts.Zoë.json"


def screens_msgids() -> set[str]:
    """The strings the review and observe screens use."""
    used = catalog.extract()
    return {
        m for m, where in used.items() if any("/review/" in w or "/observe/" in w for w in where)
    }


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_every_string_of_these_screens_is_translated(language: str) -> None:
    """In the UI catalogue (`python -m helpdesk_tui.i18n.catalog update` adds new strings)."""
    translated = {  # a count's message: its plural form stands for it
        e.msgid: e.forms[-1] if e.msgid_plural and e.translated() else e.msgstr
        for e in catalog.parse_po(catalog.po_path(language).read_text("utf-8"))
    }
    missing = sorted(m for m in screens_msgids() if not translated.get(m))
    assert not missing, f"untranslated in the {language} catalogue: {missing}"

    def names(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for msgid in screens_msgids():
        assert names(translated[msgid]) == names(msgid), (language, msgid)


def test_full_collections_wait_until_the_scrubber_rests() -> None:
    import gc

    from helpdesk_tui.ui.review.app import IDLE_S, QuietCollector

    now = [100.0]
    collector = QuietCollector(clock=lambda: now[0])
    before = gc.get_threshold()
    collector.start()
    try:
        assert gc.get_threshold()[:2] == before[:2] and gc.get_threshold()[2] > 10_000
        collector.moved()
        gc.collect(0)
        gc.collect(1)  # something moved up to the old generation
        assert not collector.tick()  # still scrubbing
        now[0] += IDLE_S + 0.1
        assert collector.tick()
    finally:
        collector.stop()
    assert gc.get_threshold() == before


def test_the_proctor_code_records_are_described_in_words() -> None:
    """sec22: a code typed during the wait is logged (never the code) and the review says
    so in words, in the viewer's language (the English words are the task's)."""
    early = make_event("lockdown_key_blocked", {"key": "proctor code: during the wait"}, 1.0, "w")
    wrong = make_event("lockdown_key_blocked", {"key": "proctor code: wrong", "count": 2}, 1.0, "w")
    assert describe(early) == "proctor code typed during the wait after a wrong one (not checked)"
    assert describe(wrong) == "wrong proctor code \u00d72"
    assert describe(make_event("lockdown_key_blocked", {"key": "ctrl+c"}, 1.0, "w")) == (
        "blocked key ctrl+c"
    )
