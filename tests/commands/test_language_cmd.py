"""`helpdesk-exam language probe`: the reading of a message, for authors and assessors."""

from __future__ import annotations

import io
import json
import sys

import pytest

from helpdesk_tui.cli import build_parser, main
from helpdesk_tui.language import ACTS


def probe(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["language", "probe", *args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.out, captured.err


def test_the_command_is_listed() -> None:
    assert "language" in build_parser().format_help()


def test_a_french_inverted_question_without_a_mark(capsys) -> None:
    code, out, _ = probe(capsys, "--lang", "fr", "Voyez-vous un message d'erreur")
    assert code == 0
    assert "acts:    question" in out
    assert "fr.question.inversion" in out and "Voyez=voir" in out


def test_json_reads_stdin_one_object_a_line(capsys, monkeypatch) -> None:
    lines = "Ne pas se déconnecter !\n\nBonjour, que puis-je faire pour vous ?\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode() + b"\xff\n")))
    code, out, _ = probe(capsys, "--lang", "fr", "--json")
    assert code == 0
    objects = [json.loads(line) for line in out.splitlines()]
    assert len(objects) == 3  # the empty line is skipped, the bad byte is replaced
    first, second = objects[0], objects[1]
    assert first["acts"] == [] and first["negated"] == ["se déconnecter"]
    assert second["acts"] == ["greeting", "offer_help"]
    for obj in objects:
        assert set(obj) >= {"text", "acts", "negated", "matches"}
        assert set(obj["acts"]) <= set(ACTS)


def test_with_an_incident_it_shows_the_customer_and_the_solution(capsys) -> None:
    code, out, _ = probe(
        capsys, "--scenario", "en-northwind-monday", "--incident", "tom-lockout", "--json",
        "Could you tell me your full name and your department?",
    )  # fmt: skip
    assert code == 0
    scenario = json.loads(out)["scenario"]
    assert scenario["incident"] == "tom-lockout"
    assert "identity" in scenario["facts_revealed"]
    assert scenario["solution"]["gives"] == []


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("Duw de kabel achteraan het scherm goed aan.", "solution given: key"),
        ("Kom niet aan de kabel, herstart de pc.", "solution given: (none)"),
    ],
)
def test_a_negated_solution_is_not_given(capsys, text: str, given: str) -> None:
    code, out, _ = probe(
        capsys, "--scenario", "nl-verhaeghe-dinsdag", "--incident", "lieve-pc-start-niet", text
    )
    assert code == 0
    assert given in out


def test_an_unknown_incident_is_one_paragraph(capsys) -> None:
    code, _, err = probe(capsys, "--scenario", "en-northwind-monday", "--incident", "nope", "x")
    assert code == 2
    assert "has no incident 'nope'" in err and "tom-lockout" in err


def test_scenario_without_incident_is_refused(capsys) -> None:
    code, _, err = probe(capsys, "--scenario", "en-northwind-monday", "x")
    assert code == 2 and "--incident" in err


def test_the_probe_shows_the_act_models_reasons(capsys) -> None:
    """Layer 2.0: an act the model gives alone names the model and its features; a rule match
    whose act the model took away is shown, marked overruled (in the text and in --json)."""
    text = "Hi there! What can I sort out for you"
    code, out, _ = probe(capsys, "--lang", "en", text)
    assert code == 0
    assert "acts:    greeting, offer_help" in out
    assert "rule en.model.offer_help matched 'w:" in out
    assert "(overruled by the act model: not counted)" in out
    code, out, _ = probe(capsys, "--lang", "en", "--json", text)
    matches = json.loads(out)["matches"]
    assert any(m["overruled"] and m["kind"] == "question" for m in matches)
    assert any(m["rule"] == "en.model.offer_help" and not m["overruled"] for m in matches)


def test_cache_builds_the_tables_for_every_exam_then_reads_them(
    capsys, monkeypatch, tmp_path
) -> None:
    """`language cache DIR` (install-exam-server.sh): a folder and files the exam user can
    read, which the exams then read instead of building their own."""
    import stat

    from helpdesk_tui.language import compiled

    monkeypatch.setenv(compiled.ENV, "")  # restored after the test; the command sets it
    folder = tmp_path / "cache"
    assert main(["language", "cache", str(folder), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    files = list(folder.glob("lemmas-en-*.bin"))
    assert len(files) == 1 and f"en: {files[0]} (built)" in out
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o644
    assert main(["language", "cache", str(folder), "--lang", "en"]) == 0
    assert "(read)" in capsys.readouterr().out


def test_cache_into_a_folder_that_cannot_be_made_says_so(capsys, monkeypatch, tmp_path) -> None:
    from helpdesk_tui.language import compiled

    monkeypatch.setenv(compiled.ENV, "")
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert main(["language", "cache", str(blocker / "cache"), "--lang", "en"]) != 0
    captured = capsys.readouterr()
    assert "cannot be made" in captured.err and "Traceback" not in captured.err


def test_control_characters_of_a_probed_text_are_shown_not_sent(capsys) -> None:
    """An assessor probes a line copied from a hostile log: its escapes must not drive the terminal."""
    code, out, _ = probe(capsys, "--lang", "nl", "hallo\x1b]0;PWNED\x07daar\x1b[2J")
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out
    assert "hallo\u241b]0;PWNED\u2407daar\u241b[2J" in out


@pytest.mark.parametrize(
    "data",
    [
        b"Hello\n" * 10_001,  # one line more than docs/language.md allows
        b"\n" * 20_000 + b"Hello\n",  # blank lines count: they were read without end
        b"x" * (9 * 1024 * 1024),  # one line of 9 MB, more than the 8 MB read at most
    ],
    ids=["10001-lines", "blank-lines", "9-MB-line"],
)
def test_stdin_past_its_bound_is_one_paragraph_and_nothing_probed(
    capsys, monkeypatch, data: bytes
) -> None:
    """sec13: 100,000 lines took 55 s at load 20 (the bound was 100,000 non-empty lines,
    blank ones unbounded, a line read whole). docs/language.md: 10,000 lines, 8 MB."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, err = probe(capsys, "--lang", "en", "--json")
    assert code != 0
    assert out == ""
    assert "10,000 lines" in err and "8 MB" in err
    assert len(err.strip().splitlines()) <= 3  # one paragraph (wrapped at most)


def test_a_long_line_is_probed_from_its_start(capsys, monkeypatch) -> None:
    line = "Can you restart the printer? " + "x" * 50_000 + "\nThanks\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(line.encode())))
    code, out, _ = probe(capsys, "--lang", "en", "--json")
    assert code == 0
    objects = [json.loads(line) for line in out.splitlines()]
    assert len(objects) == 2
    assert objects[0]["text"].startswith("Can you restart the printer?")
    assert objects[1]["text"] == "Thanks"
