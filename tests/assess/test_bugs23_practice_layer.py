"""A practice log's report names its language layer's session a practice, not an exam.

bugs22's walk: `report --lang nl` over a practice log said "Taallaag ... dezelfde als
tijdens het examen". The words a trainer expects are written here, per language; an
exam log keeps its exam word.
"""

from __future__ import annotations

import dataclasses

import pytest

from helpdesk_tui.assess.pipeline import assess_log
from helpdesk_tui.assess.report_terminal import terminal_text
from helpdesk_tui.assess.testing import simulated_log

LAYER_LABEL = {"en": "Language layer", "nl": "Taallaag", "fr": "Couche linguistique"}
PRACTICE = {"en": "practice", "nl": "oefenen", "fr": "entraînement"}
EXAM = {"en": "exam", "nl": "examen", "fr": "examen"}


@pytest.fixture(scope="module")
def assessed(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    log = simulated_log(tmp_path_factory.mktemp("layer") / "idle.jsonl", "idle")
    return assess_log(log, None, unverified=True)


def _layer_row(text: str, lang: str) -> str:
    row = next((line for line in text.splitlines() if LAYER_LABEL[lang] in line), None)
    assert row is not None, text
    return row.lower()


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_the_layer_row_says_practice_over_a_practice_log(assessed, lang: str) -> None:  # type: ignore[no-untyped-def]
    assert assessed.evidence.mode == "practice"
    row = _layer_row(terminal_text(assessed.evidence, assessed.provenance, lang, width=200), lang)
    assert PRACTICE[lang] in row and EXAM[lang] not in row, row
    exam = dataclasses.replace(assessed.evidence, mode="exam")
    row = _layer_row(terminal_text(exam, assessed.provenance, lang, width=200), lang)
    assert EXAM[lang] in row and PRACTICE[lang] not in row, row
