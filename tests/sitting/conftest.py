from __future__ import annotations

import pytest

from helpdesk_tui.core.events import Event

from .kit import first_events


@pytest.fixture(scope="session")
def some_events() -> list[Event]:
    """The first events of a real session, and a resume after a crash."""
    return list(first_events())
