"""One malloc arena: threads that allocate do not get arenas of their own (glibc).

glibc's `malloc_info` lists one <heap nr=...> per arena; threads that allocate after
`one_malloc_arena()` must all use the main one."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import ctypes, os, sys, tempfile, threading
from helpdesk_tui.runtime.memory import one_malloc_arena

took = one_malloc_arena() if sys.argv[1] == "one" else None

def allocate():
    blocks = [bytearray(200_000) for _ in range(20)]  # malloc, not Python's small-object pool
    del blocks

threads = [threading.Thread(target=allocate) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
libc = ctypes.CDLL(None)
libc.fdopen.restype = ctypes.c_void_p
fd, path = tempfile.mkstemp()
stream = libc.fdopen(fd, b"w")
libc.malloc_info(0, ctypes.c_void_p(stream))
libc.fclose(ctypes.c_void_p(stream))
print(took, open(path).read().count("<heap nr="))
"""


def arenas(mode: str) -> tuple[str, int]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, mode], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    took, count = done.stdout.split()
    return took, int(count)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc only")
def test_threads_share_the_one_arena() -> None:
    _, before = arenas("default")
    if before <= 1:
        pytest.skip("this libc gave the threads no arenas of their own anyway")
    took, after = arenas("one")
    assert took == "True"
    assert after == 1


def test_asking_twice_is_harmless() -> None:
    from helpdesk_tui.runtime.memory import one_malloc_arena

    first = one_malloc_arena()
    assert one_malloc_arena() == first
