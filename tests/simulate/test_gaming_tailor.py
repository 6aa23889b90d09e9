"""`tailor` (branch evid27): a sixth cheater written blind from the published documents.

What it claims to be, checked on the bundled scenarios: it plays every one of them without a
refused command (the exams and practice scenarios from the suite's shared runs, the drills
blind); it never reads the answer key, a hidden fact, a dialogue rule, the glossary, the canned
replies or the procedures (the scenario it is given raises when those are touched, and a
scenario whose answer key, facts and rules are all changed gives it the same actions; a tailor
that peeks at the key does not); it is deterministic; a step it tailors keeps no run of eight
of the article's words (the published "pasted" length, docs/assessment.md 3b), its restated
clause no more than five of the customer's words, and a step goes out one a message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bundled_kit import BUNDLED, DRILLS, on_scenario_runs, played, scenario_group

from helpdesk_tui import paths
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import KbArticle
from helpdesk_tui.simulate.gaming_tailor import (
    TailorPolicy,
    article_steps,
    says_it_works,
    short_clause,
    tailor_step,
)
from helpdesk_tui.simulate.runner import RunResult, run_headless
from simulate.test_gaming_mimic import (
    NORTHWIND,
    _words,
    another_key,
    assert_plays_blind,
    commands,
)
from simulate.test_gaming_mimic import Blind as MimicBlind

PASTED_RUN = 8
"""docs/assessment.md, 2.4: an own sentence holds no "run of 8 words of an article"."""
COMMUNICATION_DRILL = paths.scenarios_dir() / "nl-lindeveld-oefening-communicatie"


class Blind(MimicBlind):
    """The scenario as tailor may see it: the answer key, the glossary, canned replies,
    macros and procedures raise when touched."""

    def __getattr__(self, name: str) -> Any:
        if name in ("procedure", "procedure_for"):
            raise AssertionError(f"tailor read scenario.{name}")
        return super().__getattr__(name)


def blind_run(folder: Path) -> RunResult:
    scenario = load_scenario(folder)
    return run_headless(scenario, TailorPolicy(Blind(scenario)))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("scenario_id", "policy"), on_scenario_runs(played((f.name for f in BUNDLED), ("tailor",)))
)
def test_tailor_plays_the_suites_runs_without_a_refusal(
    bundled_runs: dict[tuple[str, str], RunResult], scenario_id: str, policy: str
) -> None:
    """Every exam and practice scenario (and its one drill), from the runs the suite makes."""
    assert_plays_blind(bundled_runs[(scenario_id, policy)])


@pytest.mark.parametrize("name", DRILLS)
def test_tailor_plays_every_drill_blind(name: str) -> None:
    assert_plays_blind(blind_run(paths.scenarios_dir() / name))


def test_tailor_works_the_whole_job_on_a_scenario_that_hides_the_key() -> None:
    """The guard can fail (each forbidden name raises), and the blind run did every part."""
    folder = paths.scenarios_dir() / "nl-verhaeghe-dinsdag"
    for name in ("incidents", "glossary", "canned", "macros", "procedures", "procedure_for"):
        with pytest.raises(AssertionError):
            getattr(Blind(load_scenario(folder)), name)
    result = blind_run(folder)
    assert_plays_blind(result)
    types = {e.type for e in result.events}
    wanted = {"message_sent", "ticket_created", "kb_searched", "kb_article_opened"}
    assert wanted | {"ticket_linked", "ticket_transferred", "ticket_resolved"} <= types


@pytest.mark.parametrize("name", DRILLS)
def test_another_answer_key_gives_the_same_actions(name: str) -> None:
    """The customers play the real scenario; tailor is handed one whose key says otherwise."""
    scenario = load_scenario(paths.scenarios_dir() / name)
    changed = another_key(scenario)
    real = commands(run_headless(scenario, TailorPolicy(scenario)))
    assert real == commands(run_headless(scenario, TailorPolicy(changed)))


def test_the_changed_key_would_catch_a_tailor_that_reads_it() -> None:
    """The test above can fail: a tailor that takes its category from the key acts otherwise."""

    class Peeker(TailorPolicy):
        def _category(self, said: str, article: KbArticle | None) -> str:
            return self.scenario.incidents[0].answer.category

    scenario = load_scenario(COMMUNICATION_DRILL)
    changed = another_key(scenario)
    assert scenario.incidents[0].answer.category != changed.incidents[0].answer.category
    real = commands(run_headless(scenario, Peeker(scenario)))
    assert real != commands(run_headless(scenario, Peeker(changed)))


@pytest.mark.parametrize(
    "scenario_id", [pytest.param(NORTHWIND.name, marks=scenario_group(NORTHWIND.name))]
)
def test_tailor_is_deterministic(
    bundled_runs: dict[tuple[str, str], RunResult], scenario_id: str
) -> None:
    """The suite's signed run and a fresh one give the same commands at the same times."""
    scenario = load_scenario(paths.scenarios_dir() / scenario_id)
    again = commands(run_headless(scenario, TailorPolicy(scenario)))
    assert commands(bundled_runs[(scenario_id, "tailor")]) == again


ARTICLE = KbArticle(
    id="kb-x",
    title="Printer prints nothing",
    tags=("printer",),
    language="en",
    body=(
        "# Printer prints nothing\n\n## Symptoms\n\n- Nothing comes out of the tray.\n\n"
        "## What to do\n\n1. Open the front cover and take out the toner cartridge.\n"
        "2. Shake the cartridge gently from side to side five or six times before you put it "
        "back.\n3. Print a test page from the printer's own menu.\n\n"
        "## Escalate\n\n- Still nothing: transfer to the Hardware team.\n"
    ),
    path=Path("kb-x.md"),
)


def test_the_steps_are_the_numbered_list_without_symptoms_or_escalation() -> None:
    steps = article_steps(ARTICLE, "en")
    assert len(steps) == 3
    assert steps[0].startswith("Open the front cover")
    assert not any("tray" in s or "Hardware" in s for s in steps)


def test_a_tailored_step_keeps_no_pasted_run_of_the_article() -> None:
    """The second step has eleven article words in a row between its determiners: tailored, no
    run of eight is left (measured by the test's own word split), and the step still reads."""
    step = article_steps(ARTICLE, "en")[1]
    assert _longest_run(step, ARTICLE.body) >= PASTED_RUN
    tailored = tailor_step(step, "en", "Anna", ARTICLE.body)
    assert _longest_run(tailored, ARTICLE.body) < PASTED_RUN
    assert "your cartridge" in tailored and "Anna" in tailored


def _longest_run(text: str, source: str) -> int:
    """The longest run of `text`'s words standing in a row in `source` (up to twelve)."""
    words, theirs = _words(text), _words(source)
    longest = 0
    for n in range(1, 13):
        grams = {tuple(theirs[i : i + n]) for i in range(len(theirs) - n + 1)}
        if not any(tuple(words[i : i + n]) in grams for i in range(len(words) - n + 1)):
            break
        longest = n
    return longest


def test_the_restated_clause_is_the_customers_fullest_cut_at_five_words() -> None:
    said = "Hi. My printer on the third floor prints nothing since this morning, sadly."
    clause = short_clause(said, "en")
    assert clause.split() == ["your", "printer", "on", "the", "third"]
    assert short_clause("Hello there. Thanks!", "en") == ""


@pytest.mark.parametrize(
    ("reply", "works"),
    [
        ("Yes, it works now. Thank you!", True),
        ("Ja, het werkt weer.", True),
        ("Oui, ça marche maintenant.", True),
        ("No, it still doesn't work.", False),
        ("Nee, het werkt nog steeds niet.", False),
        ("Non, ça ne marche pas.", False),
        ("Sorry, what do you mean?", False),
    ],
)
def test_the_next_step_comes_unless_the_reply_says_it_works(reply: str, works: bool) -> None:
    language = "nl" if "het" in reply else "fr" if "ça" in reply else "en"
    assert says_it_works(reply, language) is works


VERHAEGHE = "nl-verhaeghe-dinsdag"


@pytest.mark.parametrize("scenario_id", [pytest.param(VERHAEGHE, marks=scenario_group(VERHAEGHE))])
def test_a_step_goes_out_one_a_message_with_a_check(
    bundled_runs: dict[tuple[str, str], RunResult], scenario_id: str
) -> None:
    """On the verhaeghe run no chat or call message of tailor's holds two lines (a list), and
    at least half of them ask something (the checks after the steps, the questions)."""
    result = bundled_runs[(scenario_id, "tailor")]
    sent = [e.data["text"] for e in result.events if e.type == "message_sent"]
    assert sent and not any(t.count("\n") for t in sent)
    assert sum("?" in t for t in sent) >= len(sent) // 2
