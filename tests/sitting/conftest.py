from __future__ import annotations

from collections.abc import Iterator

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.core.events import Event

from .kit import first_events


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """The register's errors are in the language set last (bugs17: they are translated now), and
    a command test before may have left French: these tests read them in English."""
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(scope="session")
def some_events() -> list[Event]:
    """The first events of a real session, and a resume after a crash."""
    return list(first_events())
