"""The proctor's dialogs over the exam's other screens show one box, not two.

Seen in tmux at 100 x 30 after a hand-in (branch bugs7): the proctor menu's
half-transparent backdrop let the final screen's box show through behind it, a
second top and bottom edge above and below the menu's own (and the code dialog's
over the final screen). The proctor's dialogs now hide what is behind them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from helpdesk_tui.ui.screens.proctor import ExamEndedScreen, ProctorCodeScreen, ProctorMenu
from tests.runtime.kit import PROCTOR_CODE, exam_run, make_keys
from tests.ui.conftest import screen_text


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_keys(tmp_path_factory.mktemp("centre") / "keys")


def edges(text: str) -> tuple[int, int]:
    """Rows with a thick top edge and rows with a thick bottom edge."""
    rows = text.splitlines()
    return sum("█▀▀▀" in r for r in rows), sum("█▄▄▄" in r for r in rows)


@pytest.mark.parametrize("size", [(100, 30), (120, 40)])
async def test_the_proctor_menu_after_a_hand_in_has_one_edge(
    tmp_path: Path, key_file: Path, size: tuple[int, int]
) -> None:
    run = exam_run(tmp_path, key_file)
    app = run.app
    async with app.run_test(size=size) as pilot:
        await pilot.press("f10", "y", "h")
        await pilot.pause()
        assert isinstance(app.screen, ExamEndedScreen)
        assert edges(screen_text(app)) == (1, 1)
        await pilot.press("f12")
        assert isinstance(app.screen, ProctorCodeScreen)
        assert edges(screen_text(app)) == (1, 1)
        app.screen.query_one(Input).value = PROCTOR_CODE
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ProctorMenu)
        assert edges(screen_text(app)) == (1, 1)
        assert "Your exam has ended" not in screen_text(app)
