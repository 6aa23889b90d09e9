"""What every cheater written blind must be, checked alike for usher, broker, courier, envoy,
herald, prompter and dispatcher.

Each plays every bundled exam and practice scenario without a refused command (the suite's
shared runs, and a drill the suite does not give it, played blind); it never reads the answer
key, a hidden fact, a dialogue rule, the glossary, the canned replies or the procedures (the
scenario it is handed raises when those are touched; a scenario whose key is changed gives it
the same actions, and its peeker, which does read the key, acts otherwise); it does the whole
job on a scenario that hides the key; and it is deterministic. The checks of what each one
writes are in its own module (tests/simulate/test_gaming_<name>.py), with its peeker.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from bundled_kit import BUNDLED, on_scenario_runs, played, scenario_group

from helpdesk_tui import paths
from helpdesk_tui.simulate.gaming_broker import BrokerPolicy
from helpdesk_tui.simulate.gaming_courier import CourierPolicy
from helpdesk_tui.simulate.gaming_dispatcher import DispatcherPolicy
from helpdesk_tui.simulate.gaming_envoy import EnvoyPolicy
from helpdesk_tui.simulate.gaming_herald import HeraldPolicy
from helpdesk_tui.simulate.gaming_prompter import PrompterPolicy
from helpdesk_tui.simulate.gaming_usher import UsherPolicy
from helpdesk_tui.simulate.policy import Policy
from helpdesk_tui.simulate.runner import RunResult
from simulate.cheater_kit import (
    blind_job_types,
    fresh_run,
    other_drill,
    played_blind,
    suite_commands,
    under_both_keys,
)
from simulate.test_gaming_broker import Peeker as BrokerPeeker
from simulate.test_gaming_courier import Peeker as CourierPeeker
from simulate.test_gaming_dispatcher import Peeker as DispatcherPeeker
from simulate.test_gaming_envoy import Peeker as EnvoyPeeker
from simulate.test_gaming_herald import Peeker as HeraldPeeker
from simulate.test_gaming_mimic import NORTHWIND, assert_plays_blind
from simulate.test_gaming_prompter import Peeker as PrompterPeeker
from simulate.test_gaming_usher import Peeker as UsherPeeker

VERHAEGHE = paths.scenarios_dir() / "nl-verhaeghe-dinsdag"
COMMUNICATION_DRILL = paths.scenarios_dir() / "nl-lindeveld-oefening-communicatie"
WHOLE_JOB = frozenset(
    {"ticket_created", "kb_searched", "kb_article_opened", "ticket_linked"}
    | {"ticket_transferred", "ticket_resolved", "ticket_closed", "conversation_closed"}
)
"""What a blind run on Verhaeghe must hold: a ticket made, the KB searched, opened and linked, a
transfer, tickets resolved and closed, a conversation closed."""


@dataclass(frozen=True)
class BlindCheater:
    """One cheater written blind: its policy, a subclass that reads the key, what its whole
    job on Verhaeghe holds beyond `WHOLE_JOB`, and what of it its strategy never does (prompter
    transfers only to a group the customer names; dispatcher resolves only on a second-line
    answer)."""

    policy: type[Policy]
    peeker: type[Policy]
    also: frozenset[str] = frozenset()
    without: frozenset[str] = frozenset()


CHEATERS = {
    "usher": BlindCheater(UsherPolicy, UsherPeeker),
    "broker": BlindCheater(BrokerPolicy, BrokerPeeker, frozenset({"note_added"})),
    "courier": BlindCheater(CourierPolicy, CourierPeeker, frozenset({"note_added"})),
    "envoy": BlindCheater(EnvoyPolicy, EnvoyPeeker, frozenset({"note_added"})),
    "herald": BlindCheater(HeraldPolicy, HeraldPeeker, frozenset({"note_added"})),
    "prompter": BlindCheater(
        PrompterPolicy, PrompterPeeker, without=frozenset({"ticket_transferred"})
    ),
    "dispatcher": BlindCheater(
        DispatcherPolicy,
        DispatcherPeeker,
        frozenset({"note_added", "ticket_pending"}),
        # it resolves only on a second-line answer: on Verhaeghe every group it picks bounces
        frozenset({"ticket_resolved", "ticket_closed"}),
    ),
}


@pytest.mark.parametrize(
    ("scenario_id", "policy"), on_scenario_runs(played((f.name for f in BUNDLED), tuple(CHEATERS)))
)
def test_it_plays_the_suites_runs_without_a_refusal(
    bundled_runs: dict[tuple[str, str], RunResult], scenario_id: str, policy: str
) -> None:
    """Every exam and practice scenario (and its one drill), from the runs the suite makes."""
    assert_plays_blind(bundled_runs[(scenario_id, policy)])


@pytest.mark.parametrize("policy", list(CHEATERS))
def test_it_works_the_whole_job_on_a_scenario_that_hides_the_key(policy: str) -> None:
    """The guard can fail (each forbidden name raises), and the blind run did every part."""
    cheater = CHEATERS[policy]
    assert (WHOLE_JOB | cheater.also) - cheater.without <= blind_job_types(
        cheater.policy, VERHAEGHE
    )


@pytest.mark.parametrize(
    ("policy", "name"),
    [(p, n) for p in CHEATERS for n in other_drill(p, but=COMMUNICATION_DRILL)],
)
def test_it_plays_a_drill_it_is_not_given_in_the_suite_blind(policy: str, name: str) -> None:
    assert_plays_blind(played_blind(CHEATERS[policy].policy, paths.scenarios_dir() / name))


@pytest.mark.parametrize("policy", list(CHEATERS))
def test_another_answer_key_gives_the_same_actions(policy: str) -> None:
    """The customers play the real scenario; the cheater is handed one whose key says otherwise."""
    real, changed = under_both_keys(CHEATERS[policy].policy, COMMUNICATION_DRILL)
    assert real == changed


@pytest.mark.parametrize("policy", list(CHEATERS))
def test_the_changed_key_would_catch_one_that_reads_it(policy: str) -> None:
    """The test above can fail: the same cheater reading the key acts otherwise under another."""
    real, changed = under_both_keys(CHEATERS[policy].peeker, COMMUNICATION_DRILL)
    assert real != changed


@pytest.mark.parametrize(
    ("scenario_id", "policy"),
    [pytest.param(NORTHWIND.name, p, marks=scenario_group(NORTHWIND.name)) for p in CHEATERS],
)
def test_it_is_deterministic(
    bundled_runs: dict[tuple[str, str], RunResult], scenario_id: str, policy: str
) -> None:
    """The suite's signed run and a fresh one give the same commands at the same times."""
    again = fresh_run(CHEATERS[policy].policy, paths.scenarios_dir() / scenario_id)
    assert suite_commands(bundled_runs, scenario_id, policy) == again
