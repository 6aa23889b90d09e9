"""`worded-b` to `worded-p`: the `worded` candidate with the second, the third, the fourth, the
fifth, the sixth, the seventh, the eighth, the ninth, the tenth, the eleventh, the twelfth, the
thirteenth, the fourteenth, the fifteenth and the sixteenth phrase bank (`simulate/phrases_b/`,
`phrases_c/`, `phrases_d/`, `phrases_e/`, `phrases_f/`, `phrases_g/`, `phrases_h/`,
`phrases_i/`, `phrases_j/`, `phrases_k/`, `phrases_l/`, `phrases_m/`, `phrases_n/`,
`phrases_o/`, `phrases_p/`).

What is checked here is the wiring: each policy is offered by `simulate` and by
`benchmarks/bench_evidence.py`, writes its sentences from its own bank (read
here straight from the TOML files, not through the policy's code) and does what
`worded` does. What the assessment makes of its words is tests/simulate/test_figures.py.
"""

from __future__ import annotations

import re
import string
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import helpdesk_tui
from helpdesk_tui.cli import build_parser
from helpdesk_tui.simulate.policies import POLICIES
from helpdesk_tui.simulate.runner import RunResult, run_headless
from simulate.kit import make_scenario

SIMULATE = Path(helpdesk_tui.__file__).parent / "simulate"
BANKS = {
    "worded-b": SIMULATE / "phrases_b",
    "worded-c": SIMULATE / "phrases_c",
    "worded-d": SIMULATE / "phrases_d",
    "worded-e": SIMULATE / "phrases_e",
    "worded-f": SIMULATE / "phrases_f",
    "worded-g": SIMULATE / "phrases_g",
    "worded-h": SIMULATE / "phrases_h",
    "worded-i": SIMULATE / "phrases_i",
    "worded-j": SIMULATE / "phrases_j",
    "worded-k": SIMULATE / "phrases_k",
    "worded-l": SIMULATE / "phrases_l",
    "worded-m": SIMULATE / "phrases_m",
    "worded-n": SIMULATE / "phrases_n",
    "worded-o": SIMULATE / "phrases_o",
    "worded-p": SIMULATE / "phrases_p",
}
"""Each further bank's policy and folder."""
BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_evidence.py"


def templates(policy: str, lang: str, purpose: str) -> list[str]:
    return tomllib.loads((BANKS[policy] / f"{lang}.toml").read_text(encoding="utf-8"))[purpose]


def as_regex(template: str) -> re.Pattern[str]:
    """A template with each slot any text: "Hi {name}." matches "Hi Tom."."""
    parts = [
        re.escape(literal) + ("(.+?)" if field is not None else "")
        for literal, field, _, _ in string.Formatter().parse(template)
    ]
    return re.compile("".join(parts))


@pytest.fixture(scope="module")
def runs() -> dict[str, RunResult]:
    scenario = make_scenario()
    return {name: run_headless(scenario, name) for name in ("worded", *BANKS)}


def candidate_messages(result: RunResult) -> list[str]:
    return [e.data["text"] for e in result.events if e.type == "message_sent"]


@pytest.mark.parametrize("policy", BANKS)
def test_the_policy_is_registered_and_offered_by_simulate(policy: str) -> None:
    assert POLICIES[policy].name == policy
    args = build_parser().parse_args(["simulate", "some-scenario", "--policy", policy])
    assert args.policy == policy


@pytest.mark.parametrize("policy", BANKS)
def test_it_greets_offers_help_and_checks_in_its_own_banks_words(
    runs: dict[str, RunResult], policy: str
) -> None:
    lang = make_scenario().language
    sent = candidate_messages(runs[policy])
    greetings = [as_regex(g) for g in templates(policy, lang, "greeting_by_name")]
    offers = templates(policy, lang, "offer_help")
    opened = [t for t in sent if any(g.match(t) for g in greetings)]
    assert opened, sent
    assert all(any(t.endswith(o) for o in offers) for t in opened), opened
    checks = set(templates(policy, lang, "check"))
    assert checks & set(sent), sent


def bank_forms(policy: str, lang: str) -> list[re.Pattern[str]]:
    """Every template of a policy's bank (`worded`'s is `phrases/`) as a regex."""
    folder = BANKS.get(policy, SIMULATE / "phrases")
    bank = tomllib.loads((folder / f"{lang}.toml").read_text(encoding="utf-8"))
    return [as_regex(t) for purpose in bank.values() if isinstance(purpose, list) for t in purpose]


@pytest.mark.parametrize(
    ("policy", "other"), [(p, o) for p in BANKS for o in ("worded", *BANKS) if o != p]
)
def test_it_writes_other_words_than_the_other_banks(
    runs: dict[str, RunResult], policy: str, other: str
) -> None:
    """What two say alike is what neither bank words: the scenario's canned replies and
    the questions asked as the pattern stands ("Since when, exactly?"), or what both
    writers wrote word for word, each blind to the other ("Can you tell me a bit more
    about {topic}?" is in two banks): a sentence both banks make whole is no sign that
    one policy speaks from the other's bank."""
    scenario = make_scenario()
    lang = scenario.language
    mine, theirs = bank_forms(policy, lang), bank_forms(other, lang)
    canned = {c.text for c in scenario.canned}
    a, b = candidate_messages(runs[other]), candidate_messages(runs[policy])
    from_bank = {t for t in b if any(m.search(t) for m in mine) and t not in canned}
    assert len(from_bank) >= len(b) // 2, b
    both_wrote = {
        t for t in from_bank
        if any(m.fullmatch(t) for m in mine) and any(m.fullmatch(t) for m in theirs)
    }  # fmt: skip
    assert not (from_bank - both_wrote) & set(a)


@pytest.mark.parametrize("policy", BANKS)
def test_it_does_what_worded_does(runs: dict[str, RunResult], policy: str) -> None:
    """The same case work: tickets, their outcome and solutions; only the words differ."""

    def work(result: RunResult) -> list[tuple[str, str | None, str | None, str | None]]:
        tickets = result.state.tickets.values()
        return sorted((t.id, t.incident_id, t.status, t.solution) for t in tickets)

    assert work(runs[policy]) == work(runs["worded"])
    assert runs[policy].breached_tickets == runs["worded"].breached_tickets


@pytest.mark.parametrize("policy", BANKS)
def test_bench_evidence_runs_it(tmp_path: Path, policy: str) -> None:
    argv = [sys.executable, str(BENCH), "--policy", policy]
    argv += ["--scenario", "nl-lindeveld-oefening-communicatie"]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    row = next(line for line in done.stdout.splitlines() if policy in line)
    assert re.search(r"\b\d+/22\b", row), row
