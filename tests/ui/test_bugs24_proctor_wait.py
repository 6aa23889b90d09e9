"""The proctor dialog's wait (sec21, by hand: "Wait N s before the next try." stayed on
after the wait was over, and again on reopening F12 ten seconds later). Now the line
counts down with the code gate's clock and goes once the wait is over. Driven by the
gate's injected clock and the exam's tick (`app.advance`), never by sleeping.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from helpdesk_tui.ui.screens.proctor import ProctorCodeScreen
from tests.runtime.kit import PROCTOR_CODE, exam_run, make_keys
from tests.ui.test_exam_proctor import Clock, enter_code


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_keys(tmp_path_factory.mktemp("centre") / "keys")


def said(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#proctor-message", Static).render())


async def test_the_wait_counts_down_and_goes_when_it_is_over(
    tmp_path: Path, key_file: Path
) -> None:
    """Reopened within the wait, the dialog says it; once over, it says nothing, on
    reopening too; a longer wait counts down a second at a time; then a try works."""
    clock = Clock()
    run = exam_run(tmp_path, key_file, monotonic=clock)
    app = run.app
    async with app.run_test(size=(120, 40)) as pilot:
        await enter_code(pilot, "9999")  # the first wrong code: a 1 s wait
        await pilot.press("escape", "f12")
        await pilot.pause()
        assert said(app) == "Wait 1 s before the next try."
        clock.now += 10
        app.advance(0)  # the exam's tick
        await pilot.pause()
        assert said(app) == ""
        await pilot.press("escape", "f12")
        await pilot.pause()
        assert isinstance(app.screen, ProctorCodeScreen) and said(app) == ""
        app.screen.query_one(Input).value = "8888"  # the second: a 2 s wait
        await pilot.press("enter")
        await pilot.pause()
        assert said(app) == "Wrong code. Wait 2 s before the next try."
        # once over, the wait goes and "wrong" stays (walk27)
        for left in ("Wrong code. Wait 1 s before the next try.", "Wrong code. Type it again."):
            clock.now += 1
            app.advance(0)
            await pilot.pause()
            assert said(app) == left
        app.screen.query_one(Input).value = PROCTOR_CODE
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ProctorCodeScreen)  # the menu: the try worked
