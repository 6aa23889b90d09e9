"""`courier` (branch evid34): a tenth cheater written blind from the published documents.

What it claims to be, checked on the bundled scenarios: it plays every one of them without a
refused command (the exams and practice scenarios from the suite's shared runs, its one drill
and a second drill blind); it never reads the answer key, a hidden fact, a dialogue rule, the
glossary, the canned replies or the procedures (the scenario it is given raises when those are
touched, and a scenario whose answer key, facts and rules are all changed gives it the same
actions; a courier that peeks at the key does not); it is deterministic; and its synonym table
does what its docstring says, on sentences written here (the expected texts are English, Dutch
and French written by hand, not the code's output).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bundled_kit import BUNDLED, on_scenario_runs, played, scenario_group

from helpdesk_tui import paths
from helpdesk_tui.core.state import ExamState
from helpdesk_tui.simulate import gaming_courier as courier
from helpdesk_tui.simulate.gaming_courier import CourierPolicy
from helpdesk_tui.simulate.runner import RunResult
from simulate.cheater_kit import (
    blind_job_types,
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
    """A whole scenario played by a courier that sees it as tailor may (`cheater_kit.Blind`)."""
    return played_blind(CourierPolicy, folder)


@pytest.mark.parametrize(
    ("scenario_id", "policy"), on_scenario_runs(played((f.name for f in BUNDLED), ("courier",)))
)
def test_courier_plays_the_suites_runs_without_a_refusal(
    bundled_runs: dict[tuple[str, str], RunResult], scenario_id: str, policy: str
) -> None:
    """Every exam and practice scenario (and its one drill), from the runs the suite makes."""
    assert_plays_blind(bundled_runs[(scenario_id, policy)])


def test_courier_works_the_whole_job_on_a_scenario_that_hides_the_key() -> None:
    """The guard can fail (each forbidden name raises), and the blind run did every part: a
    ticket made, the KB searched, opened and linked, a transfer and its note, tickets resolved
    and closed, a conversation closed."""
    types = blind_job_types(CourierPolicy, VERHAEGHE)
    wanted = {"ticket_created", "kb_searched", "kb_article_opened", "ticket_linked"}
    wanted |= {"ticket_transferred", "note_added", "ticket_resolved", "ticket_closed"}
    assert wanted | {"conversation_closed"} <= types


@pytest.mark.parametrize("name", other_drill("courier", but=COMMUNICATION_DRILL))
def test_courier_plays_a_drill_it_is_not_given_in_the_suite_blind(name: str) -> None:
    assert_plays_blind(blind_run(paths.scenarios_dir() / name))


def test_another_answer_key_gives_the_same_actions() -> None:
    """The customers play the real scenario; courier is handed one whose key says otherwise."""
    real, changed = under_both_keys(CourierPolicy, COMMUNICATION_DRILL)
    assert real == changed


class Peeker(CourierPolicy):
    """A courier that takes its category from the answer key."""

    def _category(self, state: ExamState, text: str) -> str | None:
        return self.scenario.incidents[0].answer.category


def test_the_changed_key_would_catch_a_courier_that_reads_it() -> None:
    """The test above can fail: a courier that reads the key acts otherwise under another."""
    real, changed = under_both_keys(Peeker, COMMUNICATION_DRILL)
    assert real != changed


@pytest.mark.parametrize(
    "scenario_id", [pytest.param(NORTHWIND.name, marks=scenario_group(NORTHWIND.name))]
)
def test_courier_is_deterministic(
    bundled_runs: dict[tuple[str, str], RunResult], scenario_id: str
) -> None:
    """The suite's signed run and a fresh one give the same commands at the same times."""
    again = fresh_run(CourierPolicy, paths.scenarios_dir() / scenario_id)
    assert suite_commands(bundled_runs, scenario_id, "courier") == again


@pytest.mark.parametrize(
    ("text", "language", "wrapped"),
    [
        ("Restart the router, then check the lights.", "en",
         "Reboot the box, next confirm the lamps."),
        ("Click Settings > Accounts and enter the new password.", "en",
         "Press Options > Profiles and type in the fresh passphrase."),
        ("Herstart de computer en controleer de kabel.", "nl",
         "Start opnieuw op de toestel en bekijk de snoer."),
        ("Redémarrez l'ordinateur et vérifiez le câble.", "fr",
         "Relancez l'poste et contrôlez le cordon."),
        ("Ask the user since when.", "en", "Request the person since when."),
    ],
)  # fmt: skip
def test_each_word_the_table_holds_goes_out_as_its_synonym(
    text: str, language: str, wrapped: str
) -> None:
    assert courier.translate(text, language) == wrapped


@pytest.mark.parametrize(
    ("text", "language", "turned"),
    [
        ("My printer shows an error.", "en", "Your copier displays an fault."),
        ("Ik zie mijn scherm niet.", "nl", "U zie uw beeld niet."),
        ("Je ne vois pas mon écran.", "fr", "Vous ne vois pas votre affichage."),
    ],
)  # fmt: skip
def test_the_restatement_turns_the_persons_and_wraps_the_words(
    text: str, language: str, turned: str
) -> None:
    assert courier.translate(text, language, persons=True) == turned


@pytest.mark.parametrize(
    ("reply", "language", "works"),
    [
        ("Yes, it works now, thanks!", "en", True),
        ("That fixed it.", "en", True),
        ("No, it still doesn't work.", "en", False),
        ("It's still the same as before.", "en", False),
        ("Okay, thank you.", "en", False),
        ("Ja, het werkt weer!", "nl", True),
        ("Nee, het werkt nog steeds niet.", "nl", False),
        ("Oui, ça fonctionne, merci.", "fr", True),
        ("Non, ça ne marche pas.", "fr", False),
    ],
)
def test_it_works_is_read_from_a_word_of_success_without_a_negation(
    reply: str, language: str, works: bool
) -> None:
    assert courier.says_it_works(reply, language) is works
