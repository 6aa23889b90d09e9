"""The language of `report` and `class-report` when the assessor gives none (bugs19).

Before, both spoke the scenario's language while every other verb an assessor or
instructor runs (verify, review, reconcile, observe, room, sitting) spoke `--lang`, else
the locale's, else English: the same assessor read a Dutch exam's review in English and
its report in Dutch, and a class-report of a Dutch and an English group took the first
log's. One rule for all (docs/assessment.md, "Languages of the reports"): the reader's
language (`--lang`, else the locale's, else English); the scenario's own text (customers'
messages, ticket titles) stays in the scenario's. The headings below are written by hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.assess.testing import bundled_scenario, simulated_log
from helpdesk_tui.cli import main

pytestmark = pytest.mark.xdist_group("commands-bugs19-report-language")

HEADING = {  # the report's section an assessor looks for first, in each language
    "en": "Evidence per competency",
    "nl": "Bewijs per competentie",
    "fr": "Preuves par compétence",
}
STUDENT = {"en": "Student", "nl": "Student", "fr": "Étudiant"}


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.fixture
def locale(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    yield monkeypatch


@pytest.fixture(scope="module")
def dutch_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An idle candidate on a Dutch exam: a scenario whose language is not the reader's."""
    folder = tmp_path_factory.mktemp("nl")
    return simulated_log(folder / "idle.jsonl", "idle", bundled_scenario("nl-lindeveld-examen"))


def _report(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["report", *args]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(("lang", "expected"), [(None, "en"), ("fr_BE.UTF-8", "fr")])
def test_a_dutch_exams_report_is_in_the_readers_locale(
    dutch_log: Path,
    capsys: pytest.CaptureFixture[str],
    locale: pytest.MonkeyPatch,
    lang: str | None,
    expected: str,
) -> None:
    if lang:
        locale.setenv("LANG", lang)
    out = _report(capsys, str(dutch_log))
    assert HEADING[expected] in out
    assert HEADING["nl"] not in out


def test_lang_chooses_over_the_locale(
    dutch_log: Path, capsys: pytest.CaptureFixture[str], locale: pytest.MonkeyPatch
) -> None:
    locale.setenv("LANG", "fr_BE.UTF-8")
    assert HEADING["nl"] in _report(capsys, str(dutch_log), "--lang", "nl")


def test_the_html_report_follows_the_same_language(
    dutch_log: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], locale: pytest.MonkeyPatch
) -> None:
    locale.setenv("LANG", "en_GB.UTF-8")
    html = tmp_path / "r.html"
    _report(capsys, str(dutch_log), "--quiet", "--html", str(html))
    assert HEADING["en"] in html.read_text("utf-8")


def test_class_report_speaks_the_readers_locale(
    dutch_log: Path, capsys: pytest.CaptureFixture[str], locale: pytest.MonkeyPatch
) -> None:
    locale.setenv("LANG", "fr_BE.UTF-8")
    assert main(["class-report", str(dutch_log)]) == 0
    head = capsys.readouterr().out
    assert STUDENT["fr"] in head
    locale.setenv("LANG", "C.UTF-8")
    assert main(["class-report", str(dutch_log)]) == 0
    assert STUDENT["en"] in capsys.readouterr().out
