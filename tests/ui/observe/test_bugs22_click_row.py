"""A click on a queue row in observe, while it follows the candidate, shows that ticket.

bugs21's walk (observe, 100 x 30, the mouse): the click did nothing visible; only `f`
switched following off. A click is a clear wish: the observer sees the ticket clicked,
the title says "your choice", and the candidate's next move no longer takes it away.
"""

from __future__ import annotations

from helpdesk_tui.core.events import make_event
from helpdesk_tui.ui.widgets.queue import TicketQueue

from ..review.logs import screen_text
from . import test_observe
from .test_observe import Exam, observer

events, exam = test_observe.events, test_observe.exam  # its fixtures, used here too

SIZE = (120, 40)


async def test_a_click_on_a_queue_row_selects_it_and_stops_following(exam: Exam) -> None:
    exam.write(120)
    app = exam.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = observer(app)
        queue = screen.query_one("#ob-queue", TicketQueue)
        ids = [queue.coordinate_to_cell_key((i, 0))[0].value for i in range(queue.row_count)]
        assert len(ids) >= 2
        t, wall = exam.events[119].exam_time, exam.events[119].wall_time
        exam.writer.append(
            make_event("focus_moved", {"area": "ticket", "target": ids[-1]}, t, wall)
        )
        app.poll()
        await pilot.pause()
        assert screen.follow and screen.ticket_id == ids[-1]
        row, wanted = 0, ids[0]
        await pilot.click("#ob-queue", offset=(4, row + 1))  # the header line, then the rows
        await pilot.pause()
        assert not screen.follow
        assert screen.ticket_id == wanted
        assert "your choice" in screen_text(app)
        assert wanted in screen_text(app)  # the ticket pane shows the one clicked
        exam.writer.append(
            make_event("focus_moved", {"area": "ticket", "target": ids[-1]}, t, wall)
        )
        app.poll()
        await pilot.pause()
        assert screen.ticket_id == wanted  # the candidate's move does not take it away
