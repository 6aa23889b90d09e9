"""The sitting register's own errors in the proctor's language (bugs17).

bugs16 gave every `sitting` verb `--lang`, but the register's errors (a bad sitting name or
candidate id, a closed sitting, a register that is no register, a merge source that is no
folder, a sitting made twice) stayed English. What a proctor needs is the whole paragraph in
their language. The check does not compare with the catalogue (that would test the code with
itself): it reads the message's own words, with paths, quoted ids and `commands` taken out, and
asks which language's common words it holds most of.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.cli import main

pytestmark = pytest.mark.usefixtures("a_terminal")  # see tests/conftest.py

COMMON = {  # everyday short words, written by hand, none shared between the three lists
    "en": {"is", "not", "the", "a", "an", "and", "or", "it", "give", "no", "one", "be",
           "already", "holds", "cannot", "use", "only", "at", "most", "with", "to", "of", "its"},
    "nl": {"is", "niet", "de", "het", "een", "en", "of", "geen", "al", "kan", "er", "met",
           "van", "bij", "dus", "alleen", "hoogstens", "maak", "geef", "als", "zet", "uit"},
    "fr": {"est", "pas", "le", "la", "les", "un", "une", "et", "ou", "ne", "de", "du", "des",
           "déjà", "avec", "plus", "au", "donc", "ce", "n'est", "c'est", "personne", "comme"},
}  # fmt: skip


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    """`--lang` sets the process's language: leave English to the tests after."""
    yield
    i18n.set_language("en")


def _words(text: str) -> list[str]:
    text = re.sub(r"`[^`]*`|'[^' ]*'|\S*/\S*|\([^)]*\)", " ", text)
    return re.findall(r"[a-zà-ÿ']+", text.lower())


def _language_of(text: str) -> str:
    words = _words(text)
    score = {lang: sum(w in common for w in words) for lang, common in COMMON.items()}
    score["en"] -= sum(w == "is" for w in words)  # "is" is Dutch too
    return max(score, key=lambda lang: score[lang])


def test_the_reading_itself_tells_the_three_apart() -> None:
    assert _language_of("the sitting am is closed; no one can be added.") == "en"
    assert _language_of("de zitting am is gesloten; er kan niemand meer bij.") == "nl"
    assert _language_of("la session am est close ; plus personne ne peut y être ajouté.") == "fr"


def _error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 2
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    (paragraph,) = err.strip().splitlines()
    return paragraph


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_every_register_error_is_in_the_proctors_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HELPDESK_EXAM_SITTINGS", str(tmp_path))
    new = ["sitting", "new", "am", "--scenario", "en-northwind-monday", "--lang", lang]
    assert main(new) == 0
    capsys.readouterr()
    said = {
        "bad name": _error(capsys, "sitting", "status", "no name!", "--lang", lang),
        "bad id": _error(capsys, "sitting", "add", "am", "x/y", "--lang", lang),
        "made twice": _error(capsys, *new),
        "no folder to merge": _error(
            capsys, "sitting", "merge", "am", str(tmp_path / "none"), "--lang", lang
        ),
    }
    assert main(["sitting", "close", "am", "--lang", lang]) == 0
    capsys.readouterr()
    said["closed"] = _error(capsys, "sitting", "add", "am", "c0009", "--lang", lang)
    (tmp_path / "am" / "sitting.json").write_text('{"x": 1}', encoding="utf-8")
    said["not a register"] = _error(capsys, "sitting", "status", "am", "--lang", lang)
    (tmp_path / "am" / "sitting.json").write_text("{", encoding="utf-8")
    said["not JSON"] = _error(capsys, "sitting", "status", "am", "--lang", lang)
    read = {what: _language_of(text) for what, text in said.items()}
    assert read == dict.fromkeys(said, lang), said
    assert str(tmp_path / "none") in said["no folder to merge"]  # the place is still named


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_a_key_that_is_not_there_is_said_in_the_proctors_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    """`sitting new --pubkey` of a missing file: the key loader's message (a Phrase) was made
    a plain English string on its way through the register."""
    new = ["sitting", "new", str(tmp_path / "am"), "--scenario", "en-northwind-monday"]
    said = _error(capsys, *new, "--pubkey", str(tmp_path / "none.pub"), "--lang", lang)
    assert str(tmp_path / "none.pub") in said
    assert _language_of(said) == lang, said


def test_a_scenario_that_is_nowhere_is_warned_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A typo in `--scenario` was taken without a word; every candidate's log was later "not
    the sitting's". A warning (the merging machine need not hold the folder), exit 0."""
    typo = ["sitting", "new", str(tmp_path / "am"), "--scenario", "en-northwind-mondya"]
    assert main([*typo, "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert "warning" in err and "en-northwind-mondya" in err and "scenario list" in err
    right = ["sitting", "new", str(tmp_path / "pm"), "--scenario", "en-northwind-monday"]
    assert main([*right, "--lang", "en"]) == 0
    assert capsys.readouterr().err == ""
