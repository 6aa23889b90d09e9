"""A ticket's older versions are not kept (sec18: a pty candidate's exam grew ~1 MB a minute).

Every note, message and change makes a new version of a ticket's head and thread; the ticket
area kept the lines of each (64 texts a part) though a version once superseded is never shown
again. Over 900 s of bench_sitting's candidate that was most of the exam's growth (RSS 81 ->
95 MB). What must hold comes from what a version is, not from the cache: after many versions
of one ticket, what is kept for it does not grow with their number."""

from __future__ import annotations

import gc

from textual.strip import Strip

from helpdesk_tui.ui.widgets.kept_text import KeptText
from helpdesk_tui.ui.widgets.ticket_detail import TicketDetail

from .conftest import SIZE, Rig
from .pilot import at


def kept_texts(detail: TicketDetail) -> int:
    """Texts kept by the ticket area's three parts (visuals) and its own text caches."""
    parts = detail.query(KeptText)
    return sum(len(part._visuals.keys()) for part in parts) + len(detail._bodies.keys())


async def test_notes_on_one_ticket_do_not_pile_up_its_old_versions(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        await pilot.press("f2")
        detail = app.main.query_one(TicketDetail)
        counts, strips = [], []
        for n in range(12):
            await pilot.press("i", *f"note {n} " * 8, "ctrl+s")
            await pilot.pause()
            counts.append(kept_texts(detail))
            gc.collect()
            strips.append(sum(isinstance(o, Strip) for o in gc.get_objects()))
        assert len(rig.logged("note_added")) == 12  # each note made a new version
        assert counts[-1] <= counts[3], counts  # kept texts level off after a few versions
        # The lines alive grow by the notes' own lines only: 286 for the last eight notes
        # with the fix, 1,614 without (each version's whole thread kept, 2026-12-05).
        assert strips[-1] - strips[3] < 600, strips
