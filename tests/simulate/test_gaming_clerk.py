"""`clerk` (branch evid29): a seventh cheater written blind from the published documents.

What it claims to be, checked on the bundled scenarios: it plays every one of them without a
refused command (the exams and practice scenarios from the suite's shared runs, its one drill
and a second drill blind); it never reads the answer key, a hidden fact, a dialogue rule, the
glossary, the canned replies or the procedures (the scenario it is given raises when those are
touched, and a scenario whose answer key, facts and rules are all changed gives it the same
actions; a clerk that peeks at the key does not); it is deterministic; it transfers nothing and
resolves and closes the tickets it files; a step it files the other way round keeps less than
0.8 of its content words in their order (the published aligned reading, docs/assessment.md
2.15, measured here by the test's own word split), and what it gives back keeps no run of six
of the customer's words (the published echo length).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bundled_kit import BUNDLED, DRILLS, on_scenario_runs, played, plays_on, scenario_group

from helpdesk_tui import paths
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import KbArticle
from helpdesk_tui.simulate.gaming_clerk import ClerkPolicy, file_backwards, restate_backwards
from helpdesk_tui.simulate.gaming_clerk_words import WORDS
from helpdesk_tui.simulate.runner import RunResult
from simulate.cheater_kit import Blind, fresh_run, played_blind, suite_commands, under_both_keys
from simulate.test_gaming_mimic import (
    NORTHWIND,
    _longest_shared_run,
    _words,
    another_key,
    assert_plays_blind,
)

ALIGNED_SHARE = 0.8
"""docs/assessment.md, 2.15: a clause is borrowed when 0.8 of its content words are found in
that order in one stretch of the article or of what the customer said."""
ECHO_RUN = 6
"""docs/assessment.md, 3b: "echo: a message holding a run of six words of what the customer said"."""
VERHAEGHE = paths.scenarios_dir() / "nl-verhaeghe-dinsdag"
COMMUNICATION_DRILL = paths.scenarios_dir() / "nl-lindeveld-oefening-communicatie"


def blind_run(folder: Path) -> RunResult:
    """Clerk handed the scenario as a cheater may see it (tailor's screen, `cheater_kit`)."""
    return played_blind(ClerkPolicy, folder)


@pytest.mark.parametrize(
    ("scenario_id", "policy"), on_scenario_runs(played((f.name for f in BUNDLED), ("clerk",)))
)
def test_clerk_plays_the_suites_runs_without_a_refusal_or_a_transfer(
    bundled_runs: dict[tuple[str, str], RunResult], scenario_id: str, policy: str
) -> None:
    """Every exam and practice scenario (and its one drill), from the runs the suite makes."""
    result = bundled_runs[(scenario_id, policy)]
    assert_plays_blind(result)
    assert not [e for e in result.events if e.type == "ticket_transferred"]


def test_clerk_works_the_whole_job_on_a_scenario_that_hides_the_key() -> None:
    """The guard can fail (each forbidden name raises), and the blind run did every part:
    every ticket it made is resolved and closed, every conversation it finished is closed."""
    for name in ("incidents", "glossary", "canned", "macros", "procedures", "procedure_for"):
        with pytest.raises(AssertionError):
            getattr(Blind(load_scenario(VERHAEGHE)), name)
    result = blind_run(VERHAEGHE)
    assert_plays_blind(result)
    types = {e.type for e in result.events}
    wanted = {"ticket_created", "kb_searched", "kb_article_opened", "ticket_linked"}
    assert wanted | {"ticket_resolved", "ticket_closed", "conversation_closed"} <= types
    made = {e.data["ticket_id"] for e in result.events if e.type == "ticket_created"}
    closed = {e.data["ticket_id"] for e in result.events if e.type == "ticket_closed"}
    assert made and made <= closed


OTHER_DRILLS = [n for n in DRILLS if "clerk" not in plays_on(n) and n != COMMUNICATION_DRILL.name][
    :1
]
"""A drill the suite does not play clerk on, and not the one the key tests below play."""


@pytest.mark.parametrize("name", OTHER_DRILLS)
def test_clerk_plays_a_drill_it_is_not_given_in_the_suite_blind(name: str) -> None:
    assert_plays_blind(blind_run(paths.scenarios_dir() / name))


def test_another_answer_key_gives_the_same_actions() -> None:
    """The customers play the real scenario; clerk is handed one whose key says otherwise."""
    real, changed = under_both_keys(ClerkPolicy, COMMUNICATION_DRILL)
    assert real == changed


def test_the_changed_key_would_catch_a_clerk_that_reads_it() -> None:
    """The test above can fail: a clerk that takes its category from the key acts otherwise."""

    class Peeker(ClerkPolicy):
        def _category(self, text: str) -> str:
            return self.scenario.incidents[0].answer.category

    scenario = load_scenario(COMMUNICATION_DRILL)
    assert (
        scenario.incidents[0].answer.category != another_key(scenario).incidents[0].answer.category
    )
    real, changed = under_both_keys(Peeker, COMMUNICATION_DRILL)
    assert real != changed


@pytest.mark.parametrize(
    "scenario_id", [pytest.param(NORTHWIND.name, marks=scenario_group(NORTHWIND.name))]
)
def test_clerk_is_deterministic(
    bundled_runs: dict[tuple[str, str], RunResult], scenario_id: str
) -> None:
    """The suite's signed run and a fresh one give the same commands at the same times."""
    again = fresh_run(ClerkPolicy, paths.scenarios_dir() / scenario_id)
    assert suite_commands(bundled_runs, scenario_id, "clerk") == again


@pytest.mark.parametrize(
    "scenario_id", [pytest.param(NORTHWIND.name, marks=scenario_group(NORTHWIND.name))]
)
def test_what_clerk_gives_back_keeps_no_echo_of_the_customer(
    bundled_runs: dict[tuple[str, str], RunResult], scenario_id: str
) -> None:
    """Each restatement ("... Is that right?") on the northwind run, against everything its
    customer had said before it: no run of six of their words."""
    result = bundled_runs[(scenario_id, "clerk")]
    heard: dict[str, list[str]] = {}
    restated = 0
    for e in result.events:
        cid = e.data.get("conversation_id", "")
        if e.type == "customer_message":
            heard.setdefault(cid, []).append(e.data["text"])
        elif e.type == "message_sent" and _is_restatement(e.data["text"]):
            restated += 1
            assert _longest_shared_run(e.data["text"], heard.get(cid, [])) < ECHO_RUN
    assert restated >= 3


def _is_restatement(text: str) -> bool:
    tags = ("Is that right?", "Have I got that right?", "Is that correct?", "Did I get that right?")
    return text.endswith(tags)


ARTICLE = KbArticle(
    id="kb-x",
    title="Printer prints nothing",
    tags=("printer",),
    language="en",
    body=(
        "# Printer prints nothing\n\n## Symptoms\n\n- Nothing comes out of the tray.\n\n"
        "## Resolution\n\n1. Open the front cover and take out the toner cartridge.\n"
        "2. Shake the cartridge gently from side to side five or six times before you put it "
        "back.\n3. Print a test page from the printer's own menu, then check the tray.\n\n"
        "## Escalate\n\n- Still nothing: transfer to the Hardware team.\n"
    ),
    path=Path("kb-x.md"),
)


def test_the_steps_are_the_list_under_the_resolution_heading() -> None:
    scenario = load_scenario(NORTHWIND)
    steps = ClerkPolicy(scenario)._steps(ARTICLE)
    assert [s.split()[0] for s in steps] == ["Open", "Shake", "Print"]


def test_a_sentence_is_filed_last_part_first() -> None:
    """Written out by hand: the parts between the cuts, in the other order."""
    en = WORDS["en"]
    assert file_backwards("Restart the router, then wait two minutes.", en) == (
        "then wait two minutes, Restart the router"
    )
    assert file_backwards("Restart the router.", en) == "the router — restart"
    nl = WORDS["nl"]
    assert file_backwards("Trek de kabel uit en wacht een minuut.", nl) == (
        "en wacht een minuut, Trek de kabel uit"
    )


def test_a_filed_step_keeps_under_the_aligned_share_of_the_article_in_order() -> None:
    """Each step of the fixture filed the other way round: the share of its content words
    (the test's own reading: four letters or more, compared on five) found in their order in
    the article's text is under 0.8; the step as written has all of them in order."""
    policy = ClerkPolicy(load_scenario(NORTHWIND))
    source = _stems(ARTICLE.body)
    for step in policy._steps(ARTICLE):
        assert _in_order_share(_stems(step), source) == 1.0
        filed = file_backwards(step, WORDS["en"])
        assert _in_order_share(_stems(filed), source) < ALIGNED_SHARE, filed


def test_the_customer_is_given_back_last_clause_first_in_the_second_person() -> None:
    """Written out by hand: three parts (cut at the comma and before "on"), last first, each
    cut at five words, "I" and "my" turned, the first known noun of each kind swapped."""
    said = "My printer on the third floor prints nothing, since this morning I see a red light."
    back = restate_backwards(said, WORDS["en"])
    assert (
        back == "since this start of the day you see, on the third floor prints, your print device"
    )
    assert _longest_shared_run(back, [said]) < ECHO_RUN


def _stems(text: str) -> list[str]:
    return [w[:5] for w in _words(text) if len(w) >= 4]


def _in_order_share(words: list[str], source: list[str]) -> float:
    """The longest common subsequence of `words` in `source`, as a share of `words`."""
    if not words:
        return 0.0
    row = [0] * (len(source) + 1)
    for w in words:
        prev = 0
        for j, s in enumerate(source, 1):
            keep = row[j]
            row[j] = prev + 1 if w == s else max(row[j], row[j - 1])
            prev = keep
    return row[-1] / len(words)
