"""tomllib's own words in the author's language (bugs26).

bugs24 translated the checker's sentences, but a broken scenario.toml still read
"geen geldige TOML: Illegal character '\\n' — stuurtekens zijn niet toegelaten" in Dutch:
tomllib's English, and a hint that named the wrong fault (the line break ends a text whose
closing quote is missing). Now the problem names the file, the line and the column in the
reader's language and says what is wrong in the author's words; tomllib's message follows
whole, for the expert. The expected lines are written here from the catalogue's words and
from tomllib's message as Python 3.11 words it (its `tomllib/_parser.py`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.cli import main
from helpdesk_tui.commands.errors import UserError

MINI = Path(__file__).parents[1] / "ui" / "fixtures" / "mini-desk"
NBSP = "\u00a0"
TITLE = 'title = "Mini desk"'
LINE = MINI.joinpath("scenario.toml").read_text(encoding="utf-8").splitlines().index(TITLE) + 1
TOMLLIB = f"Illegal character '\\n' (at line {LINE}, column 19)"
"""tomllib's message for the title's line left `title = "Mini desk` (18 characters, then
the line break)."""

SAID = {
    "nl": (
        f"geen geldige TOML: scenario.toml, regel {LINE}, kolom 19: een tekst tussen "
        "aanhalingstekens wordt niet afgesloten op zijn regel",
        f"(de TOML-lezer zei: {TOMLLIB})",
    ),
    "fr": (
        f"TOML non valide{NBSP}: scenario.toml, ligne {LINE}, colonne 19{NBSP}: un texte entre "
        "guillemets n'est pas fermé sur sa ligne",
        f"(le lecteur TOML a dit{NBSP}: {TOMLLIB})",
    ),
    "en": (
        f"not valid TOML: scenario.toml, line {LINE}, column 19: a text in quotes is not closed "
        "on its line",
        f"(the TOML reader said: {TOMLLIB})",
    ),
}


def _unclosed(tmp_path: Path) -> Path:
    """The mini desk with its title's closing quote gone."""
    folder = tmp_path / "mini-desk"
    shutil.copytree(MINI, folder)
    toml = folder / "scenario.toml"
    lines = toml.read_text(encoding="utf-8").splitlines()
    lines[LINE - 1] = TITLE[:-1]
    toml.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_validate_says_where_and_what_in_the_readers_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    folder = _unclosed(tmp_path)
    assert main(["scenario", "validate", "--lang", lang, str(folder)]) != 0
    one = " ".join(capsys.readouterr().out.split(" "))
    sentence, original = SAID[lang]
    assert sentence in one, one
    assert original in one, one
    assert one.index(sentence) < one.index(original)
    if lang != "en":  # no English of ours left: tomllib's words only inside its quote
        assert "not closed" not in one and "control characters" not in one


def test_practice_refuses_in_dutch_with_the_place_and_the_fault(tmp_path: Path) -> None:
    from helpdesk_tui.commands.practice import load

    folder = _unclosed(tmp_path)
    i18n.set_language("nl")
    try:
        with pytest.raises(UserError) as refused:
            load(folder)
    finally:
        i18n.set_language("en")
    sentence, original = SAID["nl"]
    assert sentence in str(refused.value) and original in str(refused.value)


@pytest.mark.parametrize(
    ("toml", "words"),
    [
        ("x = [1,\n  2\ny = 1\n", "a list opened with [ is not closed with ]"),
        ("x = { a = 1\n", "a table opened with { is not closed with } on its line"),
        ("[incidents\n", "a [table] or [[list-of-tables]] header is not closed on its line"),
        ('x = "C:\\data"\n', 'a backslash in text between "..." must be doubled'),
    ],
    ids=["list", "inline table", "header", "backslash"],
)
def test_each_fault_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], toml: str, words: str
) -> None:
    """tomllib's other messages an author meets get words of their own, not the catch-all."""
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "scenario.toml").write_text(toml, encoding="utf-8")
    main(["scenario", "validate", str(folder)])
    out = capsys.readouterr().out
    assert words in out, out
