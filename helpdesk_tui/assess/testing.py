"""Real logs and verdict files for tests and benchmarks (assess, the review TUI, the CLI).

A log made here is what `helpdesk-exam simulate` writes: a bundled scenario
played by a scripted candidate on a virtual clock, signed and sealed. So tests
of reports, reconcile and review run on the logs assessors will really read.
"""

from __future__ import annotations

from pathlib import Path

from helpdesk_tui import paths
from helpdesk_tui.assess.verdicts import VERDICT_VALUES, Verdicts, save_verdicts, verdicts_for_log
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import Scenario

DEFAULT_SCENARIO = "en-northwind-monday"


def bundled_scenario(scenario_id: str = DEFAULT_SCENARIO) -> Scenario:
    return load_scenario(paths.scenarios_dir() / scenario_id)


def simulated_log(
    path: Path,
    policy: str = "ideal",
    scenario: Scenario | None = None,
    signer: Signer | None = None,
    candidate_id: str | None = None,
) -> Path:
    """A signed, sealed log of `policy` (ideal, naive, idle) sitting the scenario."""
    from helpdesk_tui.simulate.runner import run_headless  # the simulation is heavy: load on use

    run_headless(
        scenario or bundled_scenario(),
        policy,
        out=Path(path),
        signer=signer,
        candidate_id=candidate_id,
    )
    return Path(path)


def verdict_file(
    path: Path,
    log: Path,
    assessor: str,
    verdicts: dict[str, str] | None = None,
    default: str = "proven",
    signer: Signer | None = None,
) -> Verdicts:
    """A complete verdict file on `log`: `default` everywhere except where `verdicts` says."""
    sheet = verdicts_for_log(log, assessor, now="2026-03-02T12:00:00Z")
    for cid in COMPETENCY_IDS:
        value = (verdicts or {}).get(cid, default)
        assert value in VERDICT_VALUES, value
        sheet.set(cid, value, comment=f"{assessor} on {cid}", at="2026-03-02T12:00:00Z")
    save_verdicts(Path(path), sheet, signer)
    return sheet
