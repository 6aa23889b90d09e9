"""What a walk through the command line in nl, fr and en found (bugs18).

Expectations are written by hand from how each language writes things.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.cli import main

DECIMAL = {"en": r"\d\.\d\d s\b", "nl": r"\d,\d\d s\b", "fr": "\\d,\\d\\d\u00a0s\\b"}
"""Dutch and French write a decimal comma ("0,83 s"), as the help screen does ("0,3 s");
French with a no-break space before the unit (bugs19)."""


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_simulate_writes_its_seconds_as_the_language_does(capsys, language: str) -> None:
    code = main(["simulate", "nl-lindeveld-oefening-wachtrij", "--policy", "idle",
                 "--lang", language])  # fmt: skip
    first = capsys.readouterr().out.splitlines()[0]
    assert code == 0 and re.search(DECIMAL[language], first), first
