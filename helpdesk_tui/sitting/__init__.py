"""A sitting's register: who sits, on which scenario, which log, what state, the verdicts, the outcome.

Pure (no Textual): a TinyDB document per candidate, kept beside the logs and
made only from them (`register.Sitting`, `derive.candidate_row`), written
atomically under a lock (`store`), updated by the programs that change the
files (`hooks`). See docs/deployment.md, "A sitting".

The names below load on first use: the exam imports `hooks` at start, and
where the sitting has no register that must cost it nothing.
"""

from __future__ import annotations

from typing import Any

__all__ = ["RegisterBusy", "RegisterError", "Sitting", "sitting_folder"]


def __getattr__(name: str) -> Any:
    if name in ("Sitting", "sitting_folder"):
        from helpdesk_tui.sitting import register

        return getattr(register, name)
    if name in ("RegisterBusy", "RegisterError"):
        from helpdesk_tui.sitting import store

        return getattr(store, name)
    raise AttributeError(name)
