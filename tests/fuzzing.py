"""What the suite's fuzzers share: their hypothesis settings and how a log shows in a failure.

The fuzzers (tests/eventlog/test_mutation_fuzz.py, tests/assess/test_log_fuzz.py,
tests/scenario/test_bundled_fuzz.py) run a few examples in the suite and as many as
`FUZZ_EXAMPLES` says for a deeper run (`FUZZ_EXAMPLES=3000 pytest tests/eventlog/...`).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings


def fuzz_settings(examples: int) -> settings:
    """`examples` in the suite, `FUZZ_EXAMPLES` when set; no per-example deadline (a loaded
    machine is not a bug: each fuzzer bounds its own time per example instead)."""
    return settings(
        max_examples=int(os.environ.get("FUZZ_EXAMPLES", str(examples))),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


class Practice(bytes):
    """A practice log's bytes, shown short when hypothesis prints a failing example."""

    def __repr__(self) -> str:
        return f"<practice log, {len(self)} bytes>"
