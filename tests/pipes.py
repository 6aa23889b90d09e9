"""A call that must not wait on a pipe: run it in a thread, let a wait go, then fail."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any


def within(call: Callable[[], Any], fifo: Path, seconds: float = 10.0) -> list[Any]:
    """`call`'s result (or what it raised) as a one-item list; fails if it was still
    running after `seconds`, waiting on `fifo` (opened for writing, to let it go)."""
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append(call())
        except Exception as exc:  # noqa: BLE001 - what it raised is the outcome
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    waited = thread.is_alive()
    if waited:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(seconds)
    assert not waited, f"waited on the pipe {fifo}"
    return outcome
