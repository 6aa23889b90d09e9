"""The two tiers (tests/tiers.py, tests/README.md, "Two tiers"): every policy of the table is played in
one of them, `-m nets` selects exactly the tests the collection marked, and every place
named is a test that exists.

The collection is a child pytest's (`--collect-only -n 0`) over the two modules that play
and judge every policy, so what is checked is what `pytest` and `pytest -m nets` run."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from every_case import assert_every_case
from tiers import NETS, PLACES, REFERENCE, TIERS_ENV, net, suite, why_a_net

from helpdesk_tui.simulate.policies import POLICIES

ROOT = Path(__file__).resolve().parents[1]
PLAYED_AND_JUDGED = ("tests/simulate/test_bundled.py", "tests/simulate/test_figures.py")
RUN_TEST = "tests/simulate/test_bundled.py::test_each_run_finishes_and_its_log_verifies["
JUDGED_IN = "tests/simulate/test_figures.py::"
CHOSEN_BY_ID = sorted({p.partition("::")[0] for p in PLACES if "[" in p})
"""The modules of places that name one parametrized case: collected too, to check the case."""


@pytest.fixture(scope="module")
def collected(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], set[str]]:
    """(every collected test -> its tier, the node ids `-m nets` selects) for the modules
    that play and judge the bundled runs and those of places that name a case."""
    out = tmp_path_factory.mktemp("tiers") / "tiers.tsv"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env[TIERS_ENV] = str(out)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-n", "0", "-p", "no:cacheprovider",
         "-p", "no:randomly", "-m", NETS, *PLAYED_AND_JUDGED, *CHOSEN_BY_ID],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=170, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    tiers = dict(line.split("\t") for line in out.read_text(encoding="utf-8").splitlines())
    selected = {line for line in done.stdout.splitlines() if "::" in line}
    return tiers, selected


def _names(nodeid: str, policy: str) -> bool:
    """Whether the test's parameters (`[scenario-policy]` or `[policy-scenario]`) name `policy`
    itself, not a longer name it begins (`worded` is not `worded-b`)."""
    ids = nodeid.partition("[")[2].removesuffix("]")
    longer = [q for q in POLICIES if q != policy and q.startswith(policy)]
    return (
        ids == policy
        or ids.endswith(f"-{policy}")
        or (ids.startswith(f"{policy}-") and not any(ids.startswith(f"{q}-") for q in longer))
    )


def test_every_policy_of_the_table_is_played_and_judged_in_one_tier(
    collected: tuple[dict[str, str], set[str]],
) -> None:
    """A reference policy's runs in the suite, every other's in the nets; each other policy
    judged by tests/simulate/test_figures.py (its bank or cheater table) in the nets. A new
    bank or cheater missing from test_figures' tables fails here, not silently. (One test
    over the table: a test parametrized by a policy's name would itself be a net.)"""
    tiers, _ = collected

    def check(policy: str) -> None:
        tier = "suite" if policy in REFERENCE else NETS
        runs = {n: t for n, t in tiers.items() if n.startswith(RUN_TEST) and _names(n, policy)}
        assert runs, "no run of it in tests/simulate/test_bundled.py"
        assert set(runs.values()) == {tier}, sorted(n for n, t in runs.items() if t != tier)
        if policy in REFERENCE:
            return
        judged = {n: t for n, t in tiers.items() if n.startswith(JUDGED_IN) and _names(n, policy)}
        assert judged, "not judged in test_figures.py (BANK_SHORT, GAMING or CHEATERS)"
        assert set(judged.values()) == {NETS}, sorted(n for n, t in judged.items() if t != NETS)

    assert_every_case(POLICIES, check, name=str)


def test_the_nets_marker_selects_the_nets_and_only_them(
    collected: tuple[dict[str, str], set[str]],
) -> None:
    tiers, selected = collected
    nets = {n for n, t in tiers.items() if t == NETS}
    assert nets and len(nets) < len(tiers)
    assert selected == nets


def test_every_place_is_a_test_that_exists(collected: tuple[dict[str, str], set[str]]) -> None:
    """A place that names nothing would keep nothing in its tier: a renamed test or case
    fails here (a case, `[...]`, is looked for among the collected tests)."""
    tiers, _ = collected
    for place in PLACES:
        module, _, name = place.partition("::")
        files = sorted(ROOT.glob(module + ("" if module.endswith(".py") else "*.py")))
        assert files, f"{place}: no such test module"
        if name:
            function = name.partition("[")[0]
            assert any(re.search(rf"def {re.escape(function)}", f.read_text()) for f in files), (
                place
            )
        if "[" in name:
            assert any(n.startswith(place) for n in tiers), f"{place}: no such case collected"


def test_a_policy_parameter_or_the_longest_place_makes_a_net() -> None:
    places = {
        "tests/a.py": net("a"),
        "tests/a.py::test_kept": suite("kept"),
        "tests/b": net("b"),
    }
    assert why_a_net("tests/c.py::t[x]", {"policy": "worded-b"}, places) is not None
    assert why_a_net("tests/c.py::t[x]", {"policy": POLICIES["shotgun"]}, places) is not None
    assert why_a_net("tests/c.py::t[x]", {"policy": "ideal", "other": "worded"}, places) is None
    assert why_a_net("tests/c.py::t[x]", {"text": "naive words"}, places) is None
    assert why_a_net("tests/a.py::test_other", {}, places) == "a"
    assert why_a_net("tests/a.py::test_kept[1]", {}, places) is None
    assert why_a_net("tests/a.py::test_kept[1]", {"policy": "tailor"}, places) is not None
    assert why_a_net("tests/b_gaming.py::t", {}, places) == "b"


def test_the_marker_is_registered_and_left_out_by_default_and_ci_runs_both() -> None:
    options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]
    assert any(m.startswith(f"{NETS}:") for m in options["markers"])
    assert f"-m 'not {NETS}'" in options["addopts"]
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r'^tier "[^"]*" \|\|', ci, re.M), "CI runs the README's command as it is"
    assert re.search(rf'^tier "[^"]*" -m {NETS} \|\|', ci, re.M), "CI runs the nets"
