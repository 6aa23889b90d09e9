"""The register hook's warning is one language, the UI's (bugs18).

bugs17 put the register's own errors in the UI's language; the hook wrapped them in an English
frame ("the sitting register was not updated for ...: <Dutch sentence>"), and the exam wrote
that to syslog. A proctor reading the system log needs one sentence in one language. The words
each language must (and must not) hold are written here by hand, not read from the catalogue.
"""

from __future__ import annotations

import errno
import syslog
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.sitting import Sitting
from helpdesk_tui.sitting.hooks import note_log, note_log_quietly

FRAME = {  # the frame's "was not updated", and the register error's "is not valid JSON"
    "en": ("was not updated", "not valid json"),
    "nl": ("niet bijgewerkt", "geen geldige json"),
    "fr": ("pas été mis à jour", "json valide"),
}
ENGLISH = (" the ", " was not ", " for ", "is not valid", "expecting", "property")


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A candidate's log in a sitting whose register is not JSON."""
    sitting = Sitting.create(tmp_path / "am", "en-northwind-monday", server="exam-1")
    sitting.add(["c0001"])
    sitting.file.path.write_text("{not json")
    return sitting.folder / "c0001" / "exam.jsonl"


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_the_warning_is_said_in_the_uis_language_only(damaged: Path, lang: str) -> None:
    i18n.set_language(lang)
    warning = note_log(damaged)
    assert warning is not None
    text = warning.lower()
    for words in FRAME[lang]:
        assert words in text, warning
    if lang != "en":
        for english in ENGLISH:
            assert english not in text.replace(str(damaged).lower(), ""), warning


def test_syslog_receives_the_same_one_language_sentence(damaged: Path, monkeypatch) -> None:
    sent: list[str] = []
    monkeypatch.setattr(syslog, "openlog", lambda *a: None)
    monkeypatch.setattr(syslog, "syslog", lambda _level, message: sent.append(message))
    i18n.set_language("nl")
    note_log_quietly(damaged)
    assert len(sent) == 1 and "niet bijgewerkt" in sent[0] and " was not " not in sent[0]


def test_an_os_error_is_named_by_its_code_not_an_english_sentence(
    damaged: Path, monkeypatch
) -> None:
    def refuse(self: Sitting, candidates: list[str]) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(damaged.parent))

    monkeypatch.setattr(Sitting, "refresh", refuse)
    i18n.set_language("fr")
    warning = note_log(damaged) or ""
    assert "EACCES" in warning and "pas été mis à jour" in warning
    assert "Permission denied" not in warning
