"""`language probe` given nothing to probe says so, in the user's language (bugs18).

An author who pipes an empty file (`helpdesk-exam language probe < wordings.txt` before the
file was written) saw nothing and exit 0: as if every wording had been read and found empty.
What they need is one paragraph naming what happened and what to give instead, in their
language (`--lang`, else the locale, as every other verb), and an exit status a script sees.
Blank lines among messages stay skipped (docs/language.md: a list may hold paragraphs).
The words each language must hold are written here by hand, not taken from the catalogue.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.cli import main

SAYS = {  # words a reader of each language looks for: "standard input" and "nothing/no message"
    "en": ("standard input", "no message"),
    "nl": ("standaardinvoer", "geen bericht"),
    "fr": ("entrée standard", "aucun message"),
}


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


def _run(monkeypatch: pytest.MonkeyPatch, capsys, data: bytes, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code = main(["language", "probe", *args])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out, out.err


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
@pytest.mark.parametrize("data", [b"", b"\n\n  \n"], ids=["empty", "blank-lines"])
def test_nothing_on_stdin_is_told_in_the_users_language(monkeypatch, capsys, lang, data) -> None:
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.setenv("LC_ALL", "C")
    code, out, err = _run(monkeypatch, capsys, data, "--lang", lang)
    assert code != 0, "a script must see that nothing was probed"
    assert out == ""
    text = err.lower()
    for words in SAYS[lang]:
        assert words in text, err
    for other in set(SAYS) - {lang}:  # one language per message
        assert SAYS[other][0] not in text, err


def test_without_lang_the_locale_chooses(monkeypatch, capsys) -> None:
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.setenv("LC_ALL", "fr_BE.UTF-8")
    code, _, err = _run(monkeypatch, capsys, b"", "--json")
    assert code != 0 and "entrée standard" in err.lower()


def test_an_empty_text_argument_is_not_probed_as_a_message(monkeypatch, capsys) -> None:
    code, out, err = _run(monkeypatch, capsys, b"", "--lang", "en", "   ")
    assert code != 0 and out == ""
    assert "no message" in err.lower()


def test_blank_lines_among_messages_are_skipped_and_the_rest_read(monkeypatch, capsys) -> None:
    code, out, err = _run(monkeypatch, capsys, b"Hallo\n\nDank u\n", "--lang", "nl")
    assert code == 0 and err == ""
    assert out.count("[nl]") == 2
