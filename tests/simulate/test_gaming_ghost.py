"""`ghost` (branch evid25): a fifth cheater written blind from the published documents.

What it claims to be, checked on the bundled scenarios: it plays every one of them without a
refused command; it never reads the answer key, a hidden fact, a dialogue rule, the glossary,
the canned replies or the procedures (the scenario it is given raises when those are touched,
and a scenario whose answer key, facts and rules are all changed gives it the same actions);
it is deterministic; its read-back keeps under the published echo length (six words in a row
of the customer's, docs/assessment.md 3b); its resolutions quote the customer.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from helpdesk_tui import paths
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.simulate.gaming_ghost import GhostPolicy, chunks, clauses, turned
from helpdesk_tui.simulate.runner import RunResult, run_headless
from simulate.test_gaming import ANSWER_KEY
from simulate.test_gaming_mimic import (
    ECHO_RUN,
    NORTHWIND,
    NOT_USED,
    SCENARIOS,
    _longest_shared_run,
    _words,
    another_key,
    assert_plays_blind,
    commands,
)
from simulate.test_gaming_mimic import Blind as MimicBlind

FORBIDDEN = (*sorted(ANSWER_KEY), *NOT_USED, "procedure", "procedure_for")
"""The answer key (ScreenOnly's guard) and the screen-level data ghost's strategy leaves alone,
as for mimic (its canned replies, procedures and macros), with the procedure look-ups too."""
VERHAEGHE = paths.scenarios_dir() / "nl-verhaeghe-dinsdag"


class Blind(MimicBlind):
    """The scenario as ghost may see it: touching anything in FORBIDDEN fails."""

    def __getattr__(self, name: str) -> Any:
        if name in ("procedure", "procedure_for"):
            raise AssertionError(f"ghost read scenario.{name}")
        return super().__getattr__(name)


@pytest.fixture(scope="module")
def verhaeghe() -> RunResult:
    scenario = load_scenario(VERHAEGHE)
    return run_headless(scenario, GhostPolicy(Blind(scenario)))  # type: ignore[arg-type]


@pytest.mark.parametrize("folder", SCENARIOS, ids=lambda p: p.name)
def test_ghost_plays_every_bundled_scenario_blind(folder: Path) -> None:
    scenario = load_scenario(folder)
    assert_plays_blind(run_headless(scenario, GhostPolicy(Blind(scenario))))  # type: ignore[arg-type]


def test_ghost_works_the_whole_job_on_a_scenario_that_hides_the_key(verhaeghe: RunResult) -> None:
    """The guard can fail (each forbidden name raises), and ghost's blind run did every part."""
    for name in FORBIDDEN:
        with pytest.raises(AssertionError):
            getattr(Blind(load_scenario(VERHAEGHE)), name)
    types = {e.type for e in verhaeghe.events}
    wanted = {"message_sent", "ticket_created", "kb_searched", "kb_article_opened"}
    assert wanted | {"ticket_linked", "ticket_resolved", "ticket_closed"} <= types


def test_ghost_is_deterministic_and_blind_to_the_answer_key() -> None:
    """Played twice it gives the same commands; handed a scenario whose key, facts and rules say
    otherwise (the customers still play the real one), it gives them again."""
    scenario = load_scenario(NORTHWIND)
    changed = another_key(scenario)
    assert changed.incidents[0].answer != scenario.incidents[0].answer
    runs = [commands(run_headless(scenario, GhostPolicy(s))) for s in (scenario, scenario, changed)]
    assert runs[0] == runs[1], "not deterministic"
    assert runs[0] == runs[2], "reads the answer key"


def test_the_changed_key_would_catch_a_policy_that_reads_it() -> None:
    """The test above can fail: a ghost that takes its category from the key acts otherwise."""

    class Peeker(GhostPolicy):
        def _category(self, article: Any) -> str | None:
            return self.scenario.incidents[0].answer.category

    scenario = load_scenario(NORTHWIND)
    real = commands(run_headless(scenario, Peeker(scenario)))
    assert real != commands(run_headless(scenario, Peeker(another_key(scenario))))


def _whole_words(text: str) -> list[str]:
    """Words with an apostrophe kept inside ("zebra's" one word), as ghost counts them."""
    return [w.replace("'", "") for w in re.findall(r"[^\W_]+(?:'[^\W_]+)*", text.lower())]


def test_a_clause_is_turned_and_cut_under_the_echo_length() -> None:
    said = "I changed my password on Friday and it worked fine then"
    assert clauses(said) == ["I changed my password on Friday", "it worked fine then"]
    assert turned(clauses(said)[0], "en") == "you changed your password on"
    assert (
        turned("ik heb mijn wachtwoord gisteren gewijzigd", "nl") == "u hebt uw wachtwoord gisteren"
    )
    assert [len(c.split()) for c in chunks("one two three four five six seven eight nine")] == [
        7,
        2,
    ]


def _read_backs(result: RunResult, split: Any) -> list[tuple[int, str]]:
    """Each read-back (ghost's second message in a conversation) with its longest run of the
    customer's words, counted by `split`."""
    heard: dict[str, list[str]] = {}
    mine: dict[str, int] = {}
    found = []
    for e in result.events:
        conv = e.data.get("conversation_id")
        if e.type == "customer_message":
            heard.setdefault(conv, []).append(e.data["text"])
        elif e.type == "message_sent":
            mine[conv] = mine.get(conv, 0) + 1
            if mine[conv] == 2:
                text = e.data["text"]
                found.append((_longest_shared_run(text, heard[conv], split), text))
    return found


def test_the_read_back_is_cut_at_five_of_the_customers_words(verhaeghe: RunResult) -> None:
    """Counted as ghost counts (an apostrophe inside a word), no read-back copies six words."""
    runs = _read_backs(verhaeghe, _whole_words)
    assert runs and max(n for n, _ in runs) < ECHO_RUN, runs


def test_a_word_with_an_apostrophe_makes_a_read_back_an_echo(verhaeghe: RunResult) -> None:
    """Measured, left as written (the policy is blind and not tuned): counted as the published
    echo check counts (an apostrophe separates), "Alleen de nieuwe Zebra's die" is six words of
    Dirk's in a row. The figures of branch evid25 carry this."""
    runs = _read_backs(verhaeghe, _words)
    echoes = [text for n, text in runs if n >= ECHO_RUN]
    assert len(echoes) == 1 and "Zebra's" in echoes[0], echoes


def test_resolutions_quote_the_customer(verhaeghe: RunResult) -> None:
    """Closing with the customer's own words: each resolution quotes something they said."""
    told = " ".join(
        e.data.get("text", "") + " " + e.data.get("description", "")
        for e in verhaeghe.events
        if e.type in ("customer_message", "email_received", "ticket_preloaded")
    )
    resolved = [e.data["solution"] for e in verhaeghe.events if e.type == "ticket_resolved"]
    assert resolved
    for solution in resolved:
        quoted = re.search(r'"([^"]+)"', solution)
        assert quoted is not None, solution
        assert _longest_shared_run(quoted.group(1), [told]) >= 4, solution
