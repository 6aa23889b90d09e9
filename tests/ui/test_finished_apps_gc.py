"""A finished test's app is freed by the suite's next full collection (tests/suite_speed.py,
`_forget_finished_apps`): no cache of Textual's keeps it for one more collection to walk."""

from __future__ import annotations

import asyncio
import gc
import weakref

from suite_speed import _forget_finished_apps

from .conftest import SIZE, Rig


async def test_no_app_outlives_the_collection_after_its_test(rig: Rig) -> None:
    async def a_test() -> weakref.ref[object]:
        """As a test of its own: its own context, as pytest-asyncio gives each test."""
        app = rig.app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f2", "down")  # the queue, a DataTable, paints its cells
            await pilot.pause()
        return weakref.ref(app)

    gone = await asyncio.create_task(a_test())
    _forget_finished_apps()
    gc.collect()
    assert gone() is None, "a finished app outlived the collection after its test"
