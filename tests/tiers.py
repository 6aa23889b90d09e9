"""The suite and the nets: which tier a collected test runs in (tests/README.md, "Two tiers").

The suite is the README's test command (`python -m pytest`): unit, core, UI pilot and
snapshot tests, the floors of every language set the act model is not trained on, the
bundled scenarios played by the reference policies, and enough of the exam on a real terminal to catch a broken exam. The nets
(`python -m pytest -m nets`) are the rest: every other phrase bank and cheater played
(validity), floods on a real terminal, fuzzing, sittings (security, scale). `.ci/run` runs
both; pyproject's addopts leave the nets out of a plain `pytest`.

A test is a net by one of two rules, applied at collection (tests/conftest.py calls
`mark_nets`), so a new bank, cheater or set takes its tier without anyone marking it:

1. **A parameter names a policy of the policy table (`simulate.policies.POLICIES`) that is
   not a reference one** (`REFERENCE`): the banks and cheaters played and judged on every
   bundled scenario (tests/simulate/test_bundled.py, test_figures.py, ...). A new policy in
   the table is a net wherever a test is parametrized by it.
2. **Its node id starts with a place in `PLACES` whose tier is the nets** (the longest
   place that starts it decides, so a module can be a net and one test of it kept in the
   suite): modules and tests that play cheaters in their body, pty floods, fuzzers,
   sittings, and the forms, walks and sweeps over every bundled scenario, each with why.

Nothing else is a net: a new test module, a held-out set, a phrase bank's own table checks
(not parametrized by a policy) land in the suite.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

import pytest

from helpdesk_tui.simulate.policies import POLICIES

NETS = "nets"
"""The marker (registered in pyproject.toml) that `-m nets` selects."""
TIERS_ENV = "HELPDESK_SUITE_TIERS"
"""A file to write every collected test's tier to (`nodeid<TAB>suite|nets`), before `-m`
deselects any: what tests/test_tiers.py reads to check the split."""

REFERENCE = ("ideal", "naive", "idle", "worded")
"""The policies the suite plays on every bundled scenario: the answer key's candidate, the
one who should fail, the one who does nothing, and the first phrase bank (the competent
candidate in words of its own). Every other policy of the table is played in the nets."""


class Place(NamedTuple):
    """Where a node id starts, the tier of what starts there, and why."""

    nets: bool
    why: str


def net(why: str) -> Place:
    return Place(True, why)


def suite(why: str) -> Place:
    return Place(False, why)


TRAINED_ON = "floors of a set the shipped act model is trained on (train.SETS): fit, not reading"

PLACES: dict[str, Place] = {
    # Validity: the cheaters' own modules play their cheater on bundled scenarios in the
    # test's body (a new cheater's module, tests/simulate/test_gaming_<name>.py, is one).
    "tests/simulate/test_gaming": net("cheaters played in the test's body"),
    # Security: the exam and the viewers as real processes on a pseudo-terminal.
    "tests/ui/test_exam_pty.py": net("the exam on a pty: lockdown keys, a dead terminal"),
    "tests/ui/test_exam_pty.py::test_sigterm_interrupts_kill_9_loses_nothing_and_resume_carries_on": suite(
        "the suite's one pty start and one resume: kill -9 and resume to the hand-in"
    ),
    "tests/ui/test_input_pty.py": net("floods and hostile bytes on the exam's pty"),
    "tests/ui/test_input_pty.py::test_a_typed_burst_ending_in_enter_sends_once_and_a_bracketed_paste": suite(
        "the suite's one paste guard on a real terminal"
    ),
    "tests/ui/test_viewers_pty.py": net("floods and pastes on review, observe and room on a pty"),
    # Validity: the five parallel forms of each 150-minute exam played and measured (the suite
    # keeps tests/commands/test_scenario_vary_cmd.py's five forms of the default scenario).
    "tests/commands/test_exam_scenario.py::test_five_forms_of_an_exam_measure_the_same": net(
        "five forms of each bundled exam played by three policies and measured"
    ),
    # Scale: every bundled scenario's own texts on the small screens, and the report's fast
    # path on a second English and a second Dutch exam. The suite keeps every UI language at
    # both sizes on the default scenario, and the fast path on one log a language (en
    # Northwind, fr Haute-Meuse, nl Verhaeghe).
    "tests/ui/test_languages_small.py::test_every_screen_in_every_language_fits_and_is_translated": net(
        "every other bundled scenario's screens in a language that turns with it"
    ),
    "tests/ui/test_languages_small.py::test_every_screen_in_every_language_fits_and_is_translated[en-northwind-monday-": suite(
        "every UI language at both sizes on the default scenario"
    ),
    "tests/assess/test_fast_path.py::test_the_fast_report_is_the_straightforward_one[en-calder-valley-exam-": net(
        "a second English 150-minute exam read both ways"
    ),
    "tests/assess/test_fast_path.py::test_the_fast_report_is_the_straightforward_one[nl-lindeveld-examen-": net(
        "a second Dutch exam read both ways"
    ),
    # Security: every link of every bundled article clicked; the suite keeps the default
    # scenario's walk and test_no_way_out's other tests.
    "tests/ui/test_no_way_out.py::test_no_link_in_any_article_or_screen_opens_anything": net(
        "every bundled scenario's articles walked, every link clicked"
    ),
    "tests/ui/test_no_way_out.py::test_no_link_in_any_article_or_screen_opens_anything[en-northwind-monday]": suite(
        "the default scenario's articles walked"
    ),
    # Security: fuzzers (random keys, bytes, files, logs); the bytes they found stay in the
    # suite (test_byte_fuzz's other tests).
    "tests/ui/test_key_fuzz.py": net("random keys through every screen"),
    "tests/ui/test_byte_fuzz.py::test_random_terminal_bytes": net("random terminal bytes"),
    "tests/scenario/test_fuzz.py": net("hypothesis over scenario files"),
    "tests/scenario/test_bundled_fuzz.py": net("bundled scenarios mutated at random"),
    "tests/assess/test_log_fuzz.py::test_report_and_review_of_a_mutated_log": net(
        "logs mutated at random, reported and reviewed"
    ),
    "tests/core/test_sla_properties.py": net("hypothesis over SLA clocks"),
    # Scale: sittings, and an exam's memory over a long sitting (the suite keeps the six
    # rounds that catch the leak mem18 fixed: test_no_styles_cache_outlives_its_widget).
    "tests/benchmarks/test_bench_sitting.py": net("a sitting of exams on ptys"),
    "tests/ui/test_exam_memory.py::test_live_strips_level_off_over_rounds": net(
        "45 rounds of a loaded exam, its memory counted"
    ),
    # Stop 31 (lead): the suite stood at 284-331 s on two cores; these are about scale or
    # sweep every labelled set, and `.ci/run` still runs them (suite-time17 listed them).
    "tests/ui/test_exam_memory.py": net("a loaded exam's memory: styles caches after widgets go"),
    "tests/ui/test_exam_startup_memory.py": net(
        "what a sitting's exam processes load and give back (memory, fresh interpreters)"
    ),
    "tests/ui/test_paste_limits.py": net(
        "1 MB pastes into every field (small pastes: test_sec18_small_pastes, test_paste_prefix)"
    ),
    "tests/ui/test_sec14_resize_flood.py": net(
        "a terminal shaken across 80 x 24: floods of resizes"
    ),
    "tests/language/test_acts_table.py::test_tag_questions_are_found_as_before": net(
        "a sweep over every labelled set's texts, twice (grows with each set)"
    ),
    # The floors of the sets the shipped weights are trained on (train.SETS): on those the
    # act model reads its own training labels, so they measure fit, not reading. The suite
    # keeps the corpus's targets (issue 12) and every set the model never trained on.
    "tests/language/test_heldout.py": net(TRAINED_ON),
    "tests/language/test_heldout2.py": net(TRAINED_ON),
    "tests/language/test_heldout3.py": net(TRAINED_ON),
    "tests/language/test_heldout4.py": net(TRAINED_ON),
    "tests/language/test_heldout5.py": net(TRAINED_ON),
    "tests/language/test_heldout6.py": net(TRAINED_ON),
    "tests/language/test_heldout7.py": net(TRAINED_ON),
    "tests/language/test_heldout8.py": net(TRAINED_ON),
    "tests/language/test_heldout9.py": net(TRAINED_ON),
    "tests/language/test_heldout10.py": net(TRAINED_ON),
    "tests/language/test_heldout11.py": net(TRAINED_ON),
    "tests/language/test_dev2.py": net(TRAINED_ON),
    "tests/ui/test_sec18_ticket_versions.py::test_notes_on_one_ticket_do_not_pile_up_its_old_versions": net(
        "twelve versions of a ticket, the heap scanned after each (28 s of CPU)"
    ),
    "tests/sitting/test_register.py::test_twenty_processes_at_once": net(
        "twenty processes writing one register"
    ),
}
"""Node id prefixes and their tier (the longest that starts a node id decides)."""


def named_policies(params: Mapping[str, Any]) -> set[str]:
    """The policies of the table that a test's parameters name, by name or by class."""
    named = set()
    for value in params.values():
        for name, policy in POLICIES.items():
            if (isinstance(value, str) and value == name) or value is policy:
                named.add(name)
    return named


def place_of(nodeid: str, places: Mapping[str, Place] = PLACES) -> Place | None:
    """The longest place that starts `nodeid`, if any."""
    best = max((p for p in places if nodeid.startswith(p)), key=len, default=None)
    return places[best] if best is not None else None


def why_a_net(
    nodeid: str, params: Mapping[str, Any], places: Mapping[str, Place] = PLACES
) -> str | None:
    """Why a test is a net (rule 1, then rule 2 of the module's docstring), else None."""
    others = sorted(named_policies(params) - set(REFERENCE))
    if others:
        return f"plays {', '.join(others)} (not a reference policy)"
    place = place_of(nodeid, places)
    return place.why if place is not None and place.nets else None


def mark_nets(items: Iterable[pytest.Item]) -> None:
    """Mark the nets among the collected tests; with HELPDESK_SUITE_TIERS set, write down
    every test's tier (before `-m` deselects any; in one process, `-n 0`: xdist's workers
    would each write the same file)."""
    tiers = []
    for item in items:
        callspec = getattr(item, "callspec", None)
        is_net = why_a_net(item.nodeid, callspec.params if callspec else {}) is not None
        if is_net:
            item.add_marker(NETS)
        tiers.append(f"{item.nodeid}\t{NETS if is_net else 'suite'}\n")
    if (path := os.environ.get(TIERS_ENV)) and not os.environ.get("PYTEST_XDIST_WORKER"):
        with open(path, "w", encoding="utf-8") as out:
            out.writelines(tiers)
