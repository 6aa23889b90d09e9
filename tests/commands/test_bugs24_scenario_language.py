"""The scenario checker's own sentences in the author's language (bugs24).

bugs23 left them English in every language: "fout: duration_minutes (line 15): is text
('twaalf') — must be a number", under a Dutch frame. Each problem is now a `Phrase` whose
template is in the catalogues, said by `validate --lang`, by the refusal of `simulate` and
`practice`, and by the warnings `practice` now says before it starts (bugs23: a typo
"duraton = 3" ran without a word). The Dutch and French lines below are written here as an
author reads them, from the catalogue's words, not built by the code.
"""

from __future__ import annotations

import argparse
import io
import re
from pathlib import Path

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.cli import main
from helpdesk_tui.commands.errors import UserError
from helpdesk_tui.core.phrase import Phrase
from helpdesk_tui.i18n import catalog
from helpdesk_tui.scenario.loader import check_scenario
from helpdesk_tui.scenario.starter import write_starter

NBSP = "\u00a0"


def _demo(tmp_path: Path, *, wrong_type: bool, typo: bool) -> tuple[Path, int, int]:
    """The starter scenario with `duration_minutes = "20"` and/or a `duraton = 3` under it;
    the folder and the lines of the two (read from the file)."""
    folder = tmp_path / "demo"
    write_starter(folder, "demo")
    toml = folder / "scenario.toml"
    text = toml.read_text(encoding="utf-8")
    if wrong_type:
        text = text.replace("duration_minutes = 20", 'duration_minutes = "20"')
    if typo:
        text = text.replace("duration_minutes = ", "duraton = 3\nduration_minutes = ")
    toml.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    duration = next(i for i, line in enumerate(lines, 1) if line.startswith("duration_minutes"))
    duraton = next((i for i, line in enumerate(lines, 1) if line.startswith("duraton")), 0)
    return folder, duration, duraton


EXPECTED = {
    "en": (
        "  error: duration_minutes (line {n}): is text ('20') — must be a number, e.g. "
        "duration_minutes = 5",
        "  warning: duraton (line {m}): unknown field 'duraton' is ignored (did you mean "
        "'duration_minutes'?) — the fields of a scenario are: format, id, ",
    ),
    "nl": (
        "  fout: duration_minutes (regel {n}): is tekst ('20') — moet een getal zijn, bv. "
        "duration_minutes = 5",
        "  waarschuwing: duraton (regel {m}): onbekend veld 'duraton' wordt genegeerd "
        "(bedoelde je 'duration_minutes'?) — de velden van een scenario zijn: format, id, ",
    ),
    "fr": (
        f"  erreur{NBSP}: duration_minutes (ligne {{n}}){NBSP}: est un texte ('20') — doit "
        "être un nombre, p. ex. duration_minutes = 5",
        f"  avertissement{NBSP}: duraton (ligne {{m}}){NBSP}: le champ inconnu 'duraton' est "
        f"ignoré (vouliez-vous dire 'duration_minutes'{NBSP}?) — les champs d'un scénario "
        f"sont{NBSP}: format, id, ",
    ),
}


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_validate_says_each_problem_in_the_readers_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    folder, n, m = _demo(tmp_path, wrong_type=True, typo=True)
    rc = main(["scenario", "validate", "--lang", lang, str(folder)])
    out = capsys.readouterr().out
    error, warning = EXPECTED[lang]
    lines = out.splitlines()
    assert rc == 2 and error.format(n=n) in lines, out
    assert any(line.startswith(warning.format(m=m)) for line in lines), out


def test_simulate_refuses_in_the_readers_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, n, _m = _demo(tmp_path, wrong_type=True, typo=False)
    assert main(["simulate", "--lang", "nl", str(folder)]) == 2
    err = capsys.readouterr().err
    one = " ".join(err.split())
    assert f"duration_minutes (regel {n}): is tekst ('20') — moet een getal zijn" in one, err
    assert "must be" not in one and "Traceback" not in err


def test_practice_and_simulate_say_a_scenarios_warnings_before_they_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """bugs23: `duraton = 3` (a typo) was ignored without a word by `simulate` and
    `practice`. Now they say the warning first, and still run."""
    from helpdesk_tui.commands.practice import load

    folder, _n, m = _demo(tmp_path, wrong_type=False, typo=True)
    i18n.set_language("nl")
    try:
        said = io.StringIO()
        scenario = load(folder, said)
    finally:
        i18n.set_language("en")
    assert scenario is not None and scenario.duration_s == 20 * 60
    text = said.getvalue()
    assert text.startswith(f"Het scenario in {folder} heeft 1 waarschuwing; het draait toch")
    assert f"duraton (regel {m}): onbekend veld 'duraton' wordt genegeerd" in text
    assert main(["simulate", "--lang", "fr", str(folder), "--policy", "idle"]) == 0
    err = re.sub(r"[ \n]+", " ", capsys.readouterr().err)  # not split(): it takes the NBSP
    assert f"Le scénario de {folder} a 1 avertissement{NBSP}; il tourne quand même" in err
    assert f"duraton (ligne {m}){NBSP}: le champ inconnu 'duraton' est ignoré" in err


async def test_practice_shows_the_warnings_on_its_screen(tmp_path: Path) -> None:
    """stderr is behind the practice screen: the warnings are its first notice too."""
    from helpdesk_tui.commands import practice
    from helpdesk_tui.core.clock import ManualClock

    folder, _n, m = _demo(tmp_path, wrong_type=False, typo=True)
    args = argparse.Namespace(
        scenario=str(folder), lang="en", logs=tmp_path / "logs", candidate="t"
    )
    run = practice.prepare(
        args,
        clock=ManualClock(),
        app_options={"tick_interval": None, "handle_signals": False, "tune_gc": False},
    )
    try:
        async with run.app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            shown = [n.message for n in run.app._notifications]
    finally:
        practice.finish(run)
    assert any(
        f"duraton (line {m}): unknown field 'duraton' is ignored" in text for text in shown
    ), shown


def test_practice_refuses_a_broken_scenario_in_french(tmp_path: Path) -> None:
    from helpdesk_tui.commands.practice import load

    folder, n, _m = _demo(tmp_path, wrong_type=True, typo=False)
    i18n.set_language("fr")
    try:
        with pytest.raises(UserError) as refused:
            load(folder)
    finally:
        i18n.set_language("en")
    assert f"duration_minutes (ligne {n}){NBSP}: est un texte ('20')" in str(refused.value)


def test_every_problem_of_the_broken_scenarios_is_a_phrase(tmp_path: Path) -> None:
    """No checker sentence is left as plain English text: each is a `Phrase`, so it has a
    template in the catalogues (an f-string would be said in English in every language)."""
    folder, _n, _m = _demo(tmp_path, wrong_type=True, typo=True)
    (folder / "kb" / "broken.md").write_text("no header\n", encoding="utf-8")
    problems = check_scenario(folder)[1]
    assert len(problems) >= 3
    assert [p.message for p in problems if not isinstance(p.message, Phrase)] == []


def test_every_msgid_of_the_checker_has_a_dutch_and_a_french_text() -> None:
    """Every template the scenario checker uses (`catalog.SCENARIO_SOURCES`) is translated
    in nl and fr, and the translation keeps the template's fields."""
    import string

    places = catalog.extract()
    sources = tuple(f"helpdesk_tui/{source}" for source in catalog.SCENARIO_SOURCES)
    used = {msgid for msgid, where in places.items() if any(w.startswith(sources) for w in where)}
    assert len(used) > 150  # about 80 messages, many built from parts
    for lang in ("nl", "fr"):
        entries = {e.msgid: e for e in catalog.parse_po(catalog.po_path(lang).read_text("utf-8"))}
        missing = sorted(m for m in used if m not in entries or not entries[m].translated())
        assert missing == [], f"{lang}: {missing[:5]}"
        for msgid in used:
            fields = sorted(f for _, f, _, _ in string.Formatter().parse(msgid) if f)
            got = sorted(f for _, f, _, _ in string.Formatter().parse(entries[msgid].msgstr) if f)
            assert got == fields, (lang, msgid)
