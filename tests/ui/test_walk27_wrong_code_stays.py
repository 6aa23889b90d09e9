"""walk27: a proctor typed a wrong code and looked up from the keyboard: the box was empty
and the dialog said nothing, because "Wrong code. Wait 1 s before the next try." went with
the 1 s wait. Now the wait goes and "Wrong code." stays, in the dialog's language. Driven by
the gate's injected clock and the exam's tick, never by sleeping."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from helpdesk_tui import i18n
from helpdesk_tui.ui.screens.proctor import ProctorCodeScreen
from tests.runtime.kit import exam_run, make_keys
from tests.ui.test_exam_proctor import Clock, enter_code

AFTER_THE_WAIT = {
    "en": "Wrong code. Type it again.",
    "nl": "Verkeerde code. Typ hem opnieuw.",
    "fr": "Code erroné. Saisissez-le à nouveau.",
}


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_keys(tmp_path_factory.mktemp("centre") / "keys")


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
async def test_wrong_stays_said_once_the_wait_is_over(
    tmp_path: Path, key_file: Path, lang: str
) -> None:
    clock = Clock()
    i18n.set_language(lang)
    try:
        run = exam_run(tmp_path, key_file, lang=lang, monotonic=clock)
        app = run.app
        async with app.run_test(size=(120, 40)) as pilot:
            await enter_code(pilot, "9999")  # a wrong code: a 1 s wait
            clock.now += 5
            app.advance(0)  # the exam's tick
            await pilot.pause()
            assert isinstance(app.screen, ProctorCodeScreen)
            said = str(app.screen.query_one("#proctor-message", Static).render())
    finally:
        i18n.set_language("en")
    assert said == AFTER_THE_WAIT[lang]
