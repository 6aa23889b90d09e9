"""bugs14: a bidi control in a forged log's text reached the assessor's terminal in
`review`, `observe` and `room` (`verify` and `report` show U+FFFD since sec13).

All three apps write through `ui.terminal.SafeWriter` (`GuardedDriver`), which now
passes every frame through the same `printable` table (`printable.without_bidi`).
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path
from typing import Any

import pytest
from textual.drivers.linux_driver import LinuxDriver

from helpdesk_tui.core.events import Event
from helpdesk_tui.ui.nowayout import NoWayOut
from helpdesk_tui.ui.observe.app import ObserveApp
from helpdesk_tui.ui.review.app import ReviewApp
from helpdesk_tui.ui.review.session import open_review
from helpdesk_tui.ui.room.app import RoomApp
from helpdesk_tui.ui.terminal import GuardedDriver, SafeWriter, driver_class_for

from .logs import SIZE, screen_text, write_log

RLO = "\u202e"


def forged(events: list[Event]) -> list[Event]:
    """Every message and title with a right-to-left override in front, as a hand-made
    log may have it (the text boxes never type one, the scenario check refuses them)."""

    def bent(event: Event) -> Event:
        data = dict(event.data)
        for key in ("text", "title"):
            if isinstance(data.get(key), str):
                data[key] = RLO + data[key]
        return dataclasses.replace(event, data=data)

    return [bent(e) for e in events]


def terminal_bytes(app: Any) -> str:
    """What the app's driver writes for a full frame of its screen."""
    update = app.screen._compositor.render_update(full=True)
    out = io.StringIO()
    writer = SafeWriter(out, lambda reason: None)
    writer.start()
    writer.write(update.render_segments(app.console))
    writer.stop()
    return out.getvalue()


async def test_review_of_a_forged_log_shows_no_bidi_control(
    tmp_path: Path, naive_events: list[Event]
) -> None:
    log = write_log(tmp_path / "exam.jsonl", forged(naive_events))
    app = ReviewApp(open_review(log, "An Peeters"))  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert RLO not in shown  # sec21: the widgets show it as its code point
        assert "\u27e8U+202E\u27e9" in shown
        assert RLO not in terminal_bytes(app)


def test_the_frame_net_still_takes_a_bidi_control_a_widget_would_miss() -> None:
    """What no widget gives as a marker, the driver's writer still makes U+FFFD."""
    out = io.StringIO()
    writer = SafeWriter(out, lambda reason: None)
    writer.start()
    writer.write(f"\x1b[1;1Hab{RLO}cd")
    writer.stop()
    assert out.getvalue().endswith("ab\ufffdcd")


@pytest.mark.parametrize("app_class", [ReviewApp, ObserveApp, RoomApp])
def test_review_observe_and_room_write_through_the_guarded_driver(app_class: type) -> None:
    """Where Textual would use its Linux driver, each app uses `GuardedDriver` (the
    `NoWayOut` mixin), whose writer is `SafeWriter`."""
    assert issubclass(app_class, NoWayOut)
    assert driver_class_for(LinuxDriver) is GuardedDriver
