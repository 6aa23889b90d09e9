"""The gettext catalogues: complete in Dutch and French, compiled, in step with the source."""

from __future__ import annotations

import gettext
import re
import shutil
import string
import subprocess
from pathlib import Path

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.i18n import catalog

TRANSLATED = ("nl", "fr")


def _fields(text: str) -> list[str]:
    return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f is not None)


@pytest.fixture(autouse=True)
def english_after() -> object:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_msgid_is_translated(language: str) -> None:
    missing = catalog.untranslated(language)
    assert missing == [], f"{language}: {len(missing)} untranslated, e.g. {missing[:5]}"


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_placeholders_survive_translation(language: str) -> None:
    entries = catalog.parse_po(catalog.po_path(language).read_text("utf-8"))
    wrong = [
        e.msgid for e in entries if e.msgid and e.msgstr and _fields(e.msgid) != _fields(e.msgstr)
    ]
    wrong += [
        e.msgid
        for e in entries
        if e.msgid_plural and any(_fields(form) != _fields(e.msgid) for form in e.forms)
    ]
    assert wrong == []


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_mo_files_are_up_to_date(language: str) -> None:
    entries = catalog.parse_po(catalog.po_path(language).read_text("utf-8"))
    assert catalog.mo_path(language).read_bytes() == catalog.compile_mo(entries), (
        "run: python -m helpdesk_tui.i18n.catalog update"
    )


def test_catalogues_hold_exactly_the_strings_the_source_uses() -> None:
    assert catalog.update(check_only=True) == [], "run: python -m helpdesk_tui.i18n.catalog update"


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_po_files_read_back_unchanged(language: str) -> None:
    text = catalog.po_path(language).read_text("utf-8")
    assert catalog.format_po(catalog.parse_po(text)) == text


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_gnu_msgfmt_accepts_the_catalogue(language: str, tmp_path: Path) -> None:
    po = catalog.po_path(language)
    out = subprocess.run(
        ["msgfmt", "--check-format", "-o", str(tmp_path / "x.mo"), str(po)],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr


def test_the_compiled_catalogues_translate() -> None:
    nl = gettext.translation(i18n.DOMAIN, i18n.LOCALE_DIR, languages=["nl"])
    fr = gettext.translation(i18n.DOMAIN, i18n.LOCALE_DIR, languages=["fr"])
    assert nl.gettext("Time left") == "Resterende tijd"
    assert fr.gettext("Time left") == "Temps restant"
    i18n.set_language("fr")
    assert i18n._("Knowledge base") == "Base de connaissances"
    i18n.set_language("en")
    assert i18n._("Knowledge base") == "Knowledge base"


@pytest.mark.parametrize(
    ("requested", "environ", "expected"),
    [
        ("fr", {"LANG": "nl_BE.UTF-8"}, "fr"),
        (None, {"LANG": "nl_BE.UTF-8"}, "nl"),
        (None, {"LANGUAGE": "de:fr", "LANG": "nl_BE.UTF-8"}, "fr"),
        (None, {"LC_ALL": "fr_FR.UTF-8", "LANG": "nl_BE.UTF-8"}, "fr"),
        (None, {"LC_ALL": "C", "LANG": "nl_BE.UTF-8"}, "en"),
        (None, {"LANG": "de_DE.UTF-8"}, "en"),
        (None, {}, "en"),
    ],
)
def test_choose_language(requested: str | None, environ: dict[str, str], expected: str) -> None:
    assert i18n.choose_language(requested, environ) == expected


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        i18n.set_language("de")


@pytest.mark.parametrize(
    ("language", "forms"),
    [
        ("en", ["0 results", "1 result", "2 results"]),
        ("nl", ["0 resultaten", "1 resultaat", "2 resultaten"]),
        ("fr", ["0 résultat", "1 résultat", "2 résultats"]),  # French: 0 and 1 are singular
    ],
)
def test_a_count_takes_its_languages_plural_form(language: str, forms: list[str]) -> None:
    i18n.set_language(language)
    assert [i18n.ngettext("{n} result", "{n} results", n).format(n=n) for n in (0, 1, 2)] == forms


def test_a_counts_message_is_read_written_and_compiled_as_gnu_gettext_does(
    tmp_path: Path,
) -> None:
    text = (
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
        '#: x.py\nmsgid "{n} open"\nmsgid_plural "{n} open"\n'
        'msgstr[0] "{n} ouverte"\nmsgstr[1] "{n} ouvertes"\n'
    )
    entries = catalog.parse_po(text)
    assert entries[1].msgid_plural == "{n} open"
    assert entries[1].forms == ["{n} ouverte", "{n} ouvertes"]
    assert catalog.format_po(entries) == text
    (tmp_path / "fr" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "fr" / "LC_MESSAGES" / "t.mo").write_bytes(catalog.compile_mo(entries))
    fr = gettext.translation("t", tmp_path, languages=["fr"])
    assert [fr.ngettext("{n} open", "{n} open", n) for n in (1, 2)] == [
        "{n} ouverte",
        "{n} ouvertes",
    ]


def test_the_source_scan_finds_a_counts_two_msgids() -> None:
    used, plurals = catalog.scan()
    assert plurals["{n} unread"] == "{n} unread" and "{n} unread" in used
    assert plurals["{n} result"] == "{n} results"


FRENCH_WRONG = re.compile(r"[ \u202f][:;?!»]|«[ \u202f]|[^\s\u00a0][;?!»]|[^\s\u00a0\d]:(?=\s|$)")
"""French puts a no-break space before : ; ? ! and » and after «: U+00A0, which every
terminal font has (a plain space lets the mark start a line). Found wrong: a plain or
narrow space there, or none (a time, 1:02:03, is not prose)."""


def test_french_puts_a_no_break_space_before_its_high_marks() -> None:
    entries = catalog.parse_po(catalog.po_path("fr").read_text("utf-8"))
    wrong = {}
    for entry in entries:
        for text in [entry.msgstr, *entry.forms] if entry.msgid else []:
            prose = re.sub(r"\{[^{}]*\}", "{}", text)  # a field's format spec ({x:g}) is not prose
            found = FRENCH_WRONG.findall(prose)
            if found:
                wrong[entry.msgid] = found
    assert wrong == {}, f"{len(wrong)} French strings, e.g. {list(wrong.items())[:5]}"
