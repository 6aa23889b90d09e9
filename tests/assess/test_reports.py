"""The three report formats: what they show, the UNVERIFIED stamp, escaping, A4 HTML."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from helpdesk_tui.assess.model import Evidence, Provenance
from helpdesk_tui.assess.report_html import render_html
from helpdesk_tui.assess.report_json import evidence_to_dict
from helpdesk_tui.assess.report_terminal import terminal_text
from helpdesk_tui.assess.svg_timeline import ROWS_PER_CHART, timeline_svgs
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS

GOOD = Provenance("logs/a.jsonl", "ab" * 32, "ok", True, None, "SHA256:x (per-session)")
BAD = Provenance(
    "logs/a.jsonl",
    "ab" * 32,
    "bad",
    False,
    "logs/a.jsonl does not verify: line 7 (seq 6): it was changed.",
)


def test_the_terminal_report_shows_all_22_and_the_tables(ideal: Evidence) -> None:
    text = terminal_text(ideal, GOOD, width=160)
    for cid in COMPETENCY_IDS:
        assert re.search(rf"^│ {cid}\s", text, re.M), cid
    for heading in ("SLA per ticket", "Reply latency per conversation", "Evidence per competency"):
        assert heading in text
    assert "T-1002" in text and "UNVERIFIED" not in text


def test_an_unverified_terminal_report_is_stamped_in_every_section(ideal: Evidence) -> None:
    text = terminal_text(ideal, BAD, width=160)
    assert "UNVERIFIED: logs/a.jsonl does not verify: line 7 (seq 6)" in text
    for heading in (
        "Competencies",
        "SLA per ticket",
        "Reply latency",
        "Customer moods",
        "Evidence per",
    ):
        assert f"UNVERIFIED {heading}" in text, heading


def test_the_html_report_is_self_contained_and_prints_on_a4(ideal: Evidence) -> None:
    html = render_html(ideal, GOOD)
    assert "@page { size: A4" in html
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html and "<link" not in html
    assert html.count("<svg") == 2  # the timeline and its legend
    # One row label per ticket in the timeline.
    for row in ideal.sla:
        assert f">{row.ticket_id} {row.priority}</text>" in html
    assert 'class="stamp"' not in html


def test_an_unverified_html_report_is_stamped_on_every_page_and_section(idle: Evidence) -> None:
    html = render_html(idle, BAD)
    assert '<div class="stamp">UNVERIFIED</div>' in html  # position: fixed prints on every page
    assert "position: fixed" in html
    assert html.count('<span class="tag">UNVERIFIED</span>') == html.count("<h2>")


def test_the_html_report_speaks_the_requested_language(ideal: Evidence) -> None:
    html = render_html(ideal, GOOD, "nl")
    assert '<html lang="nl">' in html and "Bewijs per competentie" in html
    assert "maakt een ticket aan" in html  # DATA-1's name in the certificate's Dutch


def test_text_from_the_log_is_shown_literally(ideal: Evidence) -> None:
    summary = "<script>x</script> [bold]y[/bold]"
    hostile = replace(ideal.items["DATA-4"][0], summary=summary)
    evidence = replace(ideal, items={**ideal.items, "DATA-4": [hostile]})
    html = render_html(evidence, GOOD)
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert "[bold]y[/bold]" in terminal_text(evidence, GOOD, width=200)


def test_escape_sequences_from_the_log_never_reach_the_assessors_terminal(ideal: Evidence) -> None:
    """A JSON escape puts ESC in a log's text; printed raw, it retitles and clears the terminal."""
    import io

    from helpdesk_tui.assess.report_terminal import render_terminal
    from helpdesk_tui.terminal_safe import SafeConsole

    summary = "Sorry \x1b]0;PWNED\x07\x1b[2J\x9b31m red"
    hostile = replace(ideal.items["DATA-4"][0], summary=summary)
    evidence = replace(ideal, items={**ideal.items, "DATA-4": [hostile]})
    out = io.StringIO()
    console = SafeConsole(file=out, force_terminal=True, color_system="truecolor", width=200)
    render_terminal(evidence, GOOD, console=console)
    printed = out.getvalue()
    assert "\x1b[" in printed  # the console's own styles are still there
    assert "\x1b]0;PWNED" not in printed and "\x1b[2J" not in printed and "\x9b" not in printed
    plain = re.sub(r"\x1b\[[0-9;]*m", "", printed)  # the console's styles (SGR) taken out
    assert "\x1b" not in plain  # no other escape sequence is left
    # Rich drops BEL itself when it builds the Text; ESC and C1 are ours to show
    assert "Sorry \u241b]0;PWNED\u241b[2J\ufffd31m red" in plain
    assert "\u241b]0;PWNED" in terminal_text(evidence, GOOD, width=200)


def test_a_long_timeline_is_split_into_charts_on_one_scale(ideal: Evidence) -> None:
    rows = ideal.sla * 20
    charts = timeline_svgs(rows, ideal.duration_s, ideal.ended_at, "en")
    assert len(charts) == -(-len(rows) // ROWS_PER_CHART)
    # The same tick labels on every chart: one scale for the whole exam.
    ticks = [re.findall(r">(-?\d+:\d\d)</text>", chart) for chart in charts]
    assert all(t == ticks[0] for t in ticks)
    assert ticks[0][0] == "-0:02" or ticks[0][0] == "0:00"


def test_json_holds_every_competency_with_items_and_the_tables(ideal: Evidence) -> None:
    data = json.loads(json.dumps(evidence_to_dict(ideal, GOOD)))
    assert list(data["competencies"]) == list(COMPETENCY_IDS)
    sim2 = data["competencies"]["SIM-2"]
    assert sim2["status"] == "favourable" and sim2["items"][0]["kind"] == "reply_latency"
    assert data["unverified"] is False and data["log"]["log_sha256"] == "ab" * 32
    assert {row["ticket_id"] for row in data["sla"]} == {"T-0001", "T-0002", "T-1001", "T-1002"}
    assert data["latencies"][0]["waits"][0]["customer_seq"] > 0


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_every_report_renders_in_every_language(ideal: Evidence, idle: Evidence, lang: str) -> None:
    for evidence in (ideal, idle):
        assert "SIM-1" in terminal_text(evidence, BAD, lang, width=140)
        assert "</html>" in render_html(evidence, BAD, lang)


def test_every_report_names_the_rules_and_the_language_layer_it_measured_with(
    ideal: Evidence,
) -> None:
    from helpdesk_tui.assess.rules import rules_hash
    from helpdesk_tui.language import layer_hash

    rules, layer = rules_hash(), layer_hash()
    text = terminal_text(ideal, GOOD, width=400)
    html = render_html(ideal, GOOD)
    data = evidence_to_dict(ideal, GOOD)
    assert rules in text and layer in text
    assert rules in html and layer in html
    assert data["rules"]["hash"] == rules and data["rules"]["layer_hash"] == layer


def test_the_report_counts_events_as_verify_does(ideal: Evidence) -> None:
    """`verify` counts records (header, checkpoints and seal included) and events; the
    report's overview counts events and must say so, or an assessor sees "Records 9"
    beside verify's "records 12 (9 events)" for the same log (found by hand)."""
    text = terminal_text(ideal, GOOD, width=160)
    assert re.search(rf"Events\s+{ideal.events} \(seq 1-{ideal.last_seq}\)", text)
    assert not re.search(r"│ Records\s+\d", text)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "waited 120 s without an answer"),
        ("nl", "120 s gewacht zonder antwoord"),
        ("fr", "a attendu 120 s sans réponse"),
    ],
)
def test_a_mood_change_says_its_cause_in_the_reports_language(
    ideal: Evidence, lang: str, said: str
) -> None:
    """The simulation logs the cause in English; the report says it as observe and review do."""
    from helpdesk_tui.assess.model import MoodPoint, MoodTimeline

    points = (
        MoodPoint(0.0, "calm", "start", 1),
        MoodPoint(225.0, "angry", "waited 120 s without an answer", 37),
    )
    moods = [MoodTimeline("tom", "Tom Fischer", "novice", points)]
    evidence = replace(ideal, moods=moods)
    text = " ".join(terminal_text(evidence, GOOD, lang, width=300).split())
    assert said in text  # every space alike (French puts a no-break one before "s": bugs19)
    assert said in " ".join(render_html(evidence, GOOD, lang).split())
    if lang != "en":
        assert "without an answer" not in text


def test_the_html_report_writes_no_control_character_it_is_given(ideal: Evidence) -> None:
    """The readers refuse a log with one; the page must not count on that (known-issues)."""
    summary = "Sorry \x1b]0;PWNED\x07\x1b[2J\x9b31m\x00 red"
    hostile = replace(ideal.items["DATA-4"][0], summary=summary)
    evidence = replace(ideal, items={**ideal.items, "DATA-4": [hostile]})
    html = render_html(evidence, GOOD)
    controls = [c for c in html if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0]
    assert controls == []
    assert "Sorry \u241b]0;PWNED\u2407\u241b[2J\ufffd31m\u2400 red" in html


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_report_header_words_the_mode_and_end_reason_in_its_language(
    ideal: Evidence, lang: str
) -> None:
    """The header said "Mode practice" and "(completed)" in a French report (bugs7)."""
    from helpdesk_tui.i18n import gettext_in
    from helpdesk_tui.ui.format import END_REASON_LABELS

    for mode, reason in (("practice", "completed"), ("exam", "time-up"), ("exam", "handed-in")):
        evidence = replace(ideal, mode=mode, end_reason=reason)
        text = terminal_text(evidence, GOOD, width=200, lang=lang)
        mode_word = gettext_in(lang, mode)  # the UI catalogue's word, as the header bar shows it
        assert re.search(rf"^│ Mod(e|us) +{re.escape(mode_word)} ", text, re.M), (mode, text[:600])
        assert f"({gettext_in(lang, END_REASON_LABELS[reason])})" in text
        assert f"({reason})" not in text and f" {mode} " not in text.split("Mod")[1][:40]
        assert f"({gettext_in(lang, END_REASON_LABELS[reason])})" in render_html(
            evidence, GOOD, lang
        )
