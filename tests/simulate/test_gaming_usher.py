"""`usher` (branch evid31): an eighth cheater written blind from the published documents.

What it claims to be, checked on the bundled scenarios: it plays every one of them without a
refused command (the exams and practice scenarios from the suite's shared runs, its one drill
and a second drill blind); it never reads the answer key, a hidden fact, a dialogue rule, the
glossary, the canned replies or the procedures (the scenario it is given raises when those are
touched, and a scenario whose answer key, facts and rules are all changed gives it the same
actions; an usher that peeks at the key does not); it is deterministic; and its two ways of
turning text about do what its docstring says, on sentences written here (the expected texts
are English, Dutch and French written by hand, not the code's output).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bundled_kit import BUNDLED, on_scenario_runs, played, scenario_group

from helpdesk_tui import paths
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.simulate import gaming_usher_words as words
from helpdesk_tui.simulate.gaming_usher import UsherPolicy
from helpdesk_tui.simulate.runner import RunResult
from simulate.cheater_kit import (
    Blind,
    fresh_run,
    other_drill,
    played_blind,
    suite_commands,
    under_both_keys,
)
from simulate.test_gaming_mimic import NORTHWIND, assert_plays_blind

VERHAEGHE = paths.scenarios_dir() / "nl-verhaeghe-dinsdag"
COMMUNICATION_DRILL = paths.scenarios_dir() / "nl-lindeveld-oefening-communicatie"


def blind_run(folder: Path) -> RunResult:
    """A whole scenario played by an usher that sees it as tailor may (`cheater_kit.Blind`)."""
    return played_blind(UsherPolicy, folder)


@pytest.mark.parametrize(
    ("scenario_id", "policy"), on_scenario_runs(played((f.name for f in BUNDLED), ("usher",)))
)
def test_usher_plays_the_suites_runs_without_a_refusal(
    bundled_runs: dict[tuple[str, str], RunResult], scenario_id: str, policy: str
) -> None:
    """Every exam and practice scenario (and its one drill), from the runs the suite makes."""
    assert_plays_blind(bundled_runs[(scenario_id, policy)])


def test_usher_works_the_whole_job_on_a_scenario_that_hides_the_key() -> None:
    """The guard can fail (each forbidden name raises), and the blind run did every part: a
    ticket made, the KB searched, opened and linked, a transfer, tickets resolved and closed,
    a conversation closed."""
    for name in ("incidents", "glossary", "canned", "macros", "procedures", "procedure_for"):
        with pytest.raises(AssertionError):
            getattr(Blind(load_scenario(VERHAEGHE)), name)  # the guard the runs go through
    result = blind_run(VERHAEGHE)
    assert_plays_blind(result)
    types = {e.type for e in result.events}
    wanted = {"ticket_created", "kb_searched", "kb_article_opened", "ticket_linked"}
    wanted |= {"ticket_transferred", "ticket_resolved", "ticket_closed", "conversation_closed"}
    assert wanted <= types


@pytest.mark.parametrize("name", other_drill("usher", but=COMMUNICATION_DRILL))
def test_usher_plays_a_drill_it_is_not_given_in_the_suite_blind(name: str) -> None:
    assert_plays_blind(blind_run(paths.scenarios_dir() / name))


def test_another_answer_key_gives_the_same_actions() -> None:
    """The customers play the real scenario; usher is handed one whose key says otherwise."""
    real, changed = under_both_keys(UsherPolicy, COMMUNICATION_DRILL)
    assert real == changed


class Peeker(UsherPolicy):
    """An usher that takes its category from the answer key."""

    def _category(self, said: str, article: object) -> str:
        return self.scenario.incidents[0].answer.category


def test_the_changed_key_would_catch_an_usher_that_reads_it() -> None:
    """The test above can fail: an usher that reads the key acts otherwise under another."""
    real, changed = under_both_keys(Peeker, COMMUNICATION_DRILL)
    assert real != changed


@pytest.mark.parametrize(
    "scenario_id", [pytest.param(NORTHWIND.name, marks=scenario_group(NORTHWIND.name))]
)
def test_usher_is_deterministic(
    bundled_runs: dict[tuple[str, str], RunResult], scenario_id: str
) -> None:
    """The suite's signed run and a fresh one give the same commands at the same times."""
    again = fresh_run(UsherPolicy, paths.scenarios_dir() / scenario_id)
    assert suite_commands(bundled_runs, scenario_id, "usher") == again


@pytest.mark.parametrize(
    ("step", "language", "told"),
    [
        ("Restart the router.", "en", "the router needs restarting"),
        ("Remove the **old** cable (see below).", "en", "the old cable needs removing"),
        ("Set the ticket to pending", "en", "the ticket to pending needs setting"),
        ("Herstart de router.", "nl", "de bedoeling is dat u de router herstart"),
        ("Redémarrez le routeur.", "fr", "le routeur est à redémarrer"),
        ("Choisissez le bon profil", "fr", "le bon profil est à choisir"),
    ],
)
def test_an_imperative_step_is_told_as_a_description_verb_last(
    step: str, language: str, told: str
) -> None:
    assert words.describe(step, language) == told


@pytest.mark.parametrize(
    ("clause", "language", "swapped"),
    [
        ("the printer shows offline since Monday", "en", "since Monday the printer shows offline"),
        ("Outlook keeps asking for the password, again", "en",
         "for the password again Outlook keeps asking"),
        ("de printer staat offline sinds maandag", "nl", "sinds maandag de printer staat offline"),
        ("l'écran reste noir depuis ce matin", "fr", "depuis ce matin l'écran reste noir"),
        ("too short", "en", "too short"),
    ],
)  # fmt: skip
def test_a_clause_is_given_back_second_half_first_with_no_punctuation(
    clause: str, language: str, swapped: str
) -> None:
    assert words.swap_halves(clause, language) == swapped


@pytest.mark.parametrize(
    ("reply", "works"),
    [
        ("Yes, it works now, thanks!", True),
        ("That fixed it.", True),
        ("No, it still doesn't work.", False),
        ("It's still the same as before.", False),
        ("Okay, thank you.", False),
    ],
)
def test_it_works_is_read_from_a_word_of_success_without_a_negation(
    reply: str, works: bool
) -> None:
    assert words.says_it_works(reply, "en") is works
