"""Are parallel forms the same exam? Measured by playing each form with every scripted candidate.

A form is fair only if it asks the same of a candidate as its base. That is an
empirical claim, so `scenario vary --check K` tests it: K forms and the base
are each sat by every policy, and per policy the SLA breaches, the number of
favourable competencies and the evidence items per competency must agree
across forms (within a tolerance the report prints).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from helpdesk_tui.assess.evidence import gather_evidence
from helpdesk_tui.assess.model import EvidenceStatus
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.scenario.session_setup import sla_profile_file
from helpdesk_tui.scenario.variation import Variation, make_form
from helpdesk_tui.simulate.runner import run_headless

DEFAULT_POLICIES: tuple[str, ...] = ("ideal", "naive", "idle")


@dataclass(frozen=True, slots=True)
class Measure:
    """What one policy achieved on one form."""

    breaches: int
    favourable: int
    items: tuple[int, ...]
    """Observed evidence items per competency, in COMPETENCY_IDS order."""


@dataclass(slots=True)
class Equivalence:
    """Every form's measures per policy, and whether they agree within the tolerance."""

    scenario_id: str
    seeds: tuple[int, ...]
    policies: tuple[str, ...]
    tolerance: int
    measures: dict[tuple[str, int | None], Measure] = field(default_factory=dict)
    """(policy, seed) -> measure; seed None is the base scenario."""

    def column(self, policy: str) -> list[Measure]:
        return [self.measures[(policy, s)] for s in (None, *self.seeds)]

    def spreads(self, policy: str) -> dict[str, int]:
        """Max minus min across forms, per figure (items per competency by id)."""
        rows = self.column(policy)
        found = {
            "breaches": _spread(m.breaches for m in rows),
            "favourable": _spread(m.favourable for m in rows),
        }
        for index, cid in enumerate(COMPETENCY_IDS):
            found[cid] = _spread(m.items[index] for m in rows)
        return found

    def differing(self, policy: str) -> dict[str, int]:
        return {k: v for k, v in self.spreads(policy).items() if v > self.tolerance}

    @property
    def equivalent(self) -> bool:
        return not any(self.differing(p) for p in self.policies)


def _spread(values: Iterable[int]) -> int:
    found = list(values)
    return max(found) - min(found)


def measure(scenario: Scenario, policy: str) -> Measure:
    """Play `scenario` headless with `policy` (no log written) and measure the evidence."""
    result = run_headless(scenario, policy)
    evidence = gather_evidence(list(enumerate(result.events, 1)), scenario)
    statuses = evidence.statuses()
    favourable = sum(s == EvidenceStatus.FAVOURABLE for s in statuses.values())
    items = tuple(sum(i.observed for i in evidence.for_competency(c)) for c in COMPETENCY_IDS)
    return Measure(len(result.breached_tickets), favourable, items)


def _profiles_dir(base: Scenario) -> Path | None:
    """Where the base found its SLA profile, when not in its own folder (the form looks there too)."""
    folder = sla_profile_file(base).parent
    return None if folder == base.folder else folder


def check_forms(
    base: Scenario,
    variation: Variation,
    seeds: Sequence[int],
    policies: Sequence[str] = DEFAULT_POLICIES,
    tolerance: int = 0,
) -> Equivalence:
    """Make a form per seed (each checked by make_form), and measure base and forms under every policy."""
    report = Equivalence(base.id, tuple(seeds), tuple(policies), tolerance)
    forms: dict[int | None, Scenario] = {None: base}
    with tempfile.TemporaryDirectory(prefix="helpdesk-forms-") as tmp:
        for seed in seeds:
            folder = make_form(base, variation, seed, Path(tmp) / f"form-{seed}").folder
            forms[seed] = load_scenario(folder, _profiles_dir(base))
        for policy in policies:
            for seed, scenario in forms.items():
                report.measures[(policy, seed)] = measure(scenario, policy)
    return report
