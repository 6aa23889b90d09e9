"""A terminal resized across 80 x 24 again and again (sec14, red team).

Each crossing was logged at once (`lockdown_key_blocked` "terminal too small: W x H" /
"terminal large enough: W x H", bugs13): a terminal toggled between 79 x 24 and 80 x 24
200 times in one second of exam time wrote 200 records (20 here), so a script (or a window
manager shaken by hand) grew the log, the reducer's session marks and the room's reading
without bound. At most one size record a second of exam time now, the state the terminal
is in when the second is over logged then (the tick), so the Session part still shows the
first crossing at once and the last state it was left in.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.geometry import Size

from .conftest import make_rig


def sizes(rig: Any) -> list[tuple[float, str]]:
    return [(e.exam_time, e.data["key"]) for e in rig.logged("lockdown_key_blocked")]


CROSSINGS = 20


async def test_twenty_crossings_in_a_second_are_not_twenty_records(mini: Any) -> None:
    rig = make_rig(mini)
    app = rig.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.advance(30)
        for i in range(CROSSINGS):  # the driver's Resize, as SIGWINCH makes it
            size = Size(79, 24) if i % 2 == 0 else Size(80, 24)
            app.post_message(events.Resize(size, size))
            await pilot.pause()  # each handled (queued ones replace each other)
        assert len(sizes(rig)) <= 2, sizes(rig)[:5]
        assert sizes(rig)[0] == (30.0, "terminal too small: 79 x 24")
        app.advance(1)  # the second is over: the state it was left in (80 x 24)
        await pilot.pause()
        logged = sizes(rig)
        assert logged[-1] == (31.0, "terminal large enough: 80 x 24"), logged
        assert len(logged) == 2
        app.advance(60)  # nothing more while nothing changes
        await pilot.pause()
        assert len(sizes(rig)) == 2


async def test_crossings_a_second_apart_are_each_logged_at_once(mini: Any) -> None:
    """The bound does not delay an ordinary resize: made small, then large 1 s later, then
    small 5 s later, each is logged at its own exam time."""
    rig = make_rig(mini)
    app = rig.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for at, (w, h) in [(10, (60, 20)), (1, (100, 30)), (5, (70, 30))]:
            app.advance(at)
            await pilot.resize_terminal(w, h)
            await pilot.pause()
    assert sizes(rig) == [
        (10.0, "terminal too small: 60 x 20"),
        (11.0, "terminal large enough: 100 x 30"),
        (16.0, "terminal too small: 70 x 30"),
    ]
