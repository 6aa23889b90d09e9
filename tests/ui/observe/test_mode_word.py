"""`observe`'s title and the room's detail name the log's mode in the UI's language.

bugs7 saw "practice" in English on French screens: both wrote the header's raw mode.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.core.events import Event

from ..review.logs import screen_text, simulated_events
from ..test_viewers_languages import first_notice, observing, with_notices


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return with_notices(simulated_events("ideal"))


@pytest.mark.parametrize("language", ["nl", "fr"], indirect=True)
async def test_the_observers_title_names_the_mode_in_the_ui_language(
    tmp_path: Path, events: list[Event], language: str
) -> None:
    app = observing(tmp_path, events, first_notice(events) + 1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        title = screen_text(app).splitlines()[0]
        follower = app.screen.follower  # type: ignore[attr-defined]
        assert follower.header is not None and follower.header.mode == "practice"
        # The catalogue's label, as the candidate's own header bar shows it (bugs22: capital).
        assert f" · {i18n.gettext_in(language, 'Practice')} · " in title, title
        assert " practice " not in title


@pytest.mark.parametrize("language", ["nl", "fr"], indirect=True)
def test_the_rooms_detail_names_the_mode_in_the_ui_language(language: str) -> None:
    from types import SimpleNamespace

    from helpdesk_tui.ui.room.screen import detail_text

    header = SimpleNamespace(mode="practice", scenario_id="fr-val-de-lesse-garde")
    follower = SimpleNamespace(header=header, fault=None, seal=None)
    counters = SimpleNamespace(hints=[])
    watch = SimpleNamespace(
        key="c-1", follower=follower, problem=None, refused=[], counters=counters, feedback={}
    )
    text = detail_text(watch).plain  # type: ignore[arg-type]
    first = text.splitlines()[0]
    assert f" · {i18n.gettext_in(language, 'Practice')} · fr-val-de-lesse-garde" in first
