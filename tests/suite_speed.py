"""What keeps the suite within its time on two cores (docs/known-issues.md, the suite's time).

It does not change what a test checks: it only chooses the order tests start in.
"""

from __future__ import annotations

# Seconds one xdist worker spends on a test (the longest matching node-id prefix
# counts; from `--durations=0` of a full run on the loaded 2-core machine,
# 2026-12-03: only the order matters). The slowest start first (longest
# processing time first), so the run ends on millisecond tests spread over both
# workers instead of one worker alone in the 2-minute playthrough. Update it
# when `--durations=30` shows a new slow test; an unlisted test costs 0 and
# keeps its place in the collection order.
SLOW_FIRST: dict[str, float] = {
    "tests/ui/test_playthrough.py": 130,
    "tests/ui/test_form_reuse.py::test_the_log_is_the_same_as_with_a_fresh_form_each_time": 36,
    "tests/ui/test_key_fuzz.py::test_random_keys_never_raise": 30,
    "tests/ui/test_languages_small.py": 25,
    "tests/ui/test_no_way_out.py::test_no_link_in_any_article_or_screen_opens_anything": 25,
    "tests/commands/test_exam_scenario.py": 20,
    "tests/ui/test_input_pty.py": 12,
    "tests/ui/test_viewers_pty.py": 10,
    "tests/ui/test_exam_pty.py": 10,
    "tests/assess/test_fast_path.py": 12,
    "tests/sitting/test_register.py::test_twenty_processes_at_once_lose_no_update": 13,
    "tests/benchmarks/": 12,
    "tests/deploy/test_browser_practice.py": 12,
    "tests/scenario/test_fuzz.py": 8,
    "tests/core/test_sla_properties.py": 7,
    "tests/ui/test_paste_limits.py": 6,
    "tests/ui/": 4,
    "tests/deploy/": 1,
    "tests/test_import_hygiene.py": 3,
    "tests/runtime/": 1,
    "tests/commands/": 0.5,
}


def slow_first_cost(nodeid: str) -> float:
    """The cost in `SLOW_FIRST` of the longest prefix of `nodeid`, else 0."""
    best = max((p for p in SLOW_FIRST if nodeid.startswith(p)), key=len, default=None)
    return SLOW_FIRST[best] if best is not None else 0.0
