"""One malloc arena for the whole exam process (glibc), so threads do not keep memory of their own.

glibc gives each thread that allocates its own arena (up to eight per core),
and memory freed in a thread's arena stays there for that thread. An exam has
a few short-lived threads that allocate a lot: the language warm-up (packing a
lemma dictionary builds and drops 5-10 MB of buffers) and one worker thread
per KB search. Measured (`benchmarks/README.md`, "One session's memory"):
the warm-up's arena kept 2.7 MB of every exam's resident memory after
`malloc_trim`. With one arena everything is freed where the main thread can
use it again. The threads hold the GIL while they allocate anyway, so one arena
costs no parallelism here.

Elsewhere than glibc (musl, macOS) this does nothing.
"""

from __future__ import annotations

import ctypes
import sys

M_ARENA_MAX = -8
"""glibc's `mallopt` parameter for the most arenas (malloc.h)."""

_done = False


def one_malloc_arena() -> bool:
    """Ask glibc for a single malloc arena (before threads start); True if it took it.

    Idempotent. Arenas made before the call stay, so call it before any thread
    allocates: `ui.app.ExamApp` does, before Textual starts its threads."""
    global _done
    if _done or not sys.platform.startswith("linux"):
        return _done
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    _done = mallopt(M_ARENA_MAX, 1) == 1
    return _done


def release_free_memory() -> None:
    """Give the heap's free pages back to the system (glibc's `malloc_trim(0)`).

    Called after start-up's collection and after each full collection in a quiet
    moment (`ui.app.ExamApp`): what a collection frees stays in glibc's heap, and
    a sitting's server counts every exam's resident memory (issue 15: 80 MB per
    session, the target under 80). Elsewhere than glibc this does nothing."""
    from helpdesk_tui.language.lemmas import release_free_memory as trim

    trim()
