"""The simulation's flags are worded in the report's language, not in the log's English."""

from __future__ import annotations

import pytest

from helpdesk_tui.assess.evidence import gather_evidence
from helpdesk_tui.assess.overview import flag_line
from helpdesk_tui.assess.report_html import render_html
from helpdesk_tui.assess.report_terminal import terminal_text
from helpdesk_tui.customers.evidence_flags import (
    Flag,
    interruption_flag,
    jargon_flag,
    paraphrase_flag,
    question_flag,
    relay_flag,
)
from helpdesk_tui.scenario.model import Scenario

from .kit import play, stimuli
from .test_reports import GOOD

FLAGS: list[Flag] = [
    question_flag("Which printer is it?", [], "chat-1", 5),
    question_flag("Which printer is it?", ["model"], "chat-1", 5),
    paraphrase_flag({"print", "blank"}, [], "chat-1", 5),
    paraphrase_flag({"print", "blank"}, ["symptom"], "chat-1", 5),
    interruption_flag(2.46, "chat", "chat-1", 5),
    interruption_flag(1.0, "call", "call-1", 5),
    jargon_flag(["driver", "spooler"], "chat-1", 5),
    relay_flag("which model", "network", "chat-1", 5),
]
# The English reason words each flag's line carries in a log (the wording before details).
ENGLISH = ("asked a question", "revealed hidden fact", "the customer's words", "key facts",
           "sent while", "still typing", "still speaking", "s left", "to a novice",
           "relayed the", "question to the customer", "matched")  # fmt: skip


def _line(flag: Flag, lang: str) -> str:
    return flag_line({**flag.event_data(), "seq": 9}, lang)


@pytest.mark.parametrize("flag", FLAGS, ids=lambda f: f.reason[:30])
def test_the_english_line_is_the_reason_the_simulation_wrote(flag: Flag) -> None:
    assert _line(flag, "en") == f"⚑ {flag.flag.replace('_', ' ')}: {flag.reason}"


@pytest.mark.parametrize("lang", ["nl", "fr"])
@pytest.mark.parametrize("flag", FLAGS, ids=lambda f: f.reason[:30])
def test_a_dutch_or_french_flag_line_has_no_english_left(flag: Flag, lang: str) -> None:
    line = _line(flag, lang)
    assert not [w for w in ENGLISH if w in line], line
    # The figures and the candidate's own words are kept as they are.
    for name, value in (flag.details or {}).items():
        if name != "key" and isinstance(value, str) and value:
            assert value in line, (value, line)
    if '"Which printer is it?"' in flag.reason:
        assert '"Which printer is it?"' in line


def test_french_seconds_have_a_decimal_comma() -> None:
    assert "(encore 2,5\u00a0s)" in _line(interruption_flag(2.46, "chat", "c", 5), "fr")
    assert "(nog 1,0 s)" in _line(interruption_flag(1.0, "call", "c", 5), "nl")


def test_a_log_written_before_the_details_keeps_its_english_reason() -> None:
    old = {"flag": "interruption", "reason": "sent while the customer was still typing", "seq": 3}
    assert flag_line(old, "fr") == "⚑ interruption\u00a0: sent while the customer was still typing"


@pytest.mark.parametrize(("lang", "words"), [
    ("fr", "envoyé pendant que le client écrivait encore"),
    ("nl", "verstuurd terwijl de klant nog typte"),
])  # fmt: skip
def test_the_reports_word_the_folded_flag_in_their_language(
    scenario: Scenario, lang: str, words: str
) -> None:
    flag = interruption_flag(3.0, "chat", "chat-1", 6)
    events = play(scenario, [
        *stimuli(),
        (66, "customer_typing", {"conversation_id": "chat-1", "duration_s": 10.0}),
        (70, "message_sent", {"conversation_id": "chat-1", "text": "Hello, what is wrong?"}),
        (70, "evidence_flagged", flag.event_data()),
    ], end_at=900)  # fmt: skip
    evidence = gather_evidence(events, scenario, lang)
    text = terminal_text(evidence, GOOD, width=220)
    html = render_html(evidence, GOOD, lang)
    assert words in text and words in html
    assert "sent while" not in text and "sent while" not in html
