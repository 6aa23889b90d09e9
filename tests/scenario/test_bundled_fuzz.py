"""Fuzz: bundled scenario folders, mutated, get an error naming the file or play.

tests/scenario/test_fuzz.py damages the small fixture scenario at the byte and
value level and checks `check_scenario`. This one starts from bundled scenarios
(customers, procedures, second line, facts and references as authors write them)
and makes the mistakes an author or a hostile sender makes: a value of the wrong
type, a key left out, a huge or negative number, a unicode control, a 300-deep
nesting, a reference to an incident, customer, category, group or KB article that
is not there, times out of order. Then, within a time bound:

- `helpdesk-exam scenario validate DIR` (the command line) answers with an exit
  code and no traceback, and every error it prints names its file;
- the exam's loader (`load_scenario`) either loads it or raises ScenarioInvalid
  whose message names the file, and agrees with validate;
- a scenario that loads also plays three simulated minutes (`simulate`'s
  `run_headless`, naive policy) without an exception.

A deep run: `FUZZ_EXAMPLES=500 pytest tests/scenario/test_bundled_fuzz.py`.
"""

from __future__ import annotations

import copy
import dataclasses
import shutil
import time
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from helpdesk_tui import paths
from helpdesk_tui.cli import main
from helpdesk_tui.scenario.errors import ScenarioInvalid
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.simulate.runner import run_headless
from scenario.kit import toml_dumps
from tests.fuzzing import fuzz_settings

FUZZ = fuzz_settings(15)
BUNDLED = (
    "nl-lindeveld-oefening-wachtrij",
    "nl-lindeveld-oefening-gelijktijdig",
    "fr-val-de-lesse-garde",
)
BOUND_S = 60.0
"""Validate, load and three simulated minutes (about 1 s quiet, 8 s at load 12 beside the
suite's other workers): a hang, not a slow run."""

HOSTILE: list[Any] = [
    "", "x" * 20_000, "\x1b]0;owned\x07", "a\x1b[2Jb", "\u202eevil", "\x00", "a\rb", "\u0085",
    0, -1, -(10**18), 10**18, 2**63 - 1, 1e308, -1e308, float("inf"), float("nan"), 0.5,
    True, [], {}, ["a", 1], {"a": {"b": {}}}, "nope-404",
]  # fmt: skip


def _deep(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in _leaves(v, (*path, k))] or [path]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in _leaves(v, (*path, i))] or [path]
    return [path]


def _get(node: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        node = node[key]
    return node


def _set(node: Any, path: tuple[Any, ...], value: Any) -> None:
    _get(node, path[:-1])[path[-1]] = value


def mutate(document: dict[str, Any], data: st.DataObject) -> None:
    """One to three of an author's (or a sender's) mistakes, in place."""
    leaves = [p for p in _leaves(document) if p]
    ids = {v for p in leaves if p[-1] == "id" and isinstance(v := _get(document, p), str)}
    references = [p for p in leaves if p[-1] != "id" and _get(document, p) in ids]
    times = [
        p for p in leaves
        if isinstance(p[-1], str) and ("minute" in p[-1] or p[-1].startswith("at"))
    ]  # fmt: skip
    for _ in range(data.draw(st.integers(1, 3), label="mistakes")):
        kind = data.draw(
            st.sampled_from(["value", "drop", "reference", "times", "nesting"]), label="kind"
        )
        leaves = [p for p in _leaves(document) if p]
        if kind == "value" or not leaves:
            path = data.draw(st.sampled_from(leaves or [("title",)]), label="path")
            _set(document, path, data.draw(st.sampled_from(HOSTILE), label="value"))
        elif kind == "drop":
            path = data.draw(st.sampled_from(leaves), label="dropped")
            parent = _get(document, path[:-1])
            del parent[path[-1]]
        elif kind == "reference" and references:
            path = data.draw(st.sampled_from(references), label="reference")
            other = data.draw(st.sampled_from(["nope-404", *sorted(ids)]), label="to")
            _set(document, path, other)
        elif kind == "times" and len(times) >= 2:
            a, b = data.draw(st.sampled_from(times)), data.draw(st.sampled_from(times))
            try:
                va, vb = _get(document, a), _get(document, b)
                _set(document, a, vb)
                _set(document, b, va)
            except (KeyError, IndexError, TypeError):
                pass  # an earlier mistake removed one of them
        else:
            path = data.draw(st.sampled_from(leaves), label="nested")
            _set(document, path, _deep(data.draw(st.sampled_from([3, 60, 300]), label="depth")))


@pytest.fixture(scope="module")
def originals() -> dict[str, dict[str, Any]]:
    root = paths.scenarios_dir()
    return {
        name: tomllib.loads((root / name / "scenario.toml").read_text("utf-8")) for name in BUNDLED
    }


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bundled-fuzz")


@FUZZ
@given(name=st.sampled_from(BUNDLED), data=st.data())
def test_a_mutated_bundled_scenario_is_refused_naming_its_file_or_plays(
    originals: dict[str, dict[str, Any]],
    workdir: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    data: st.DataObject,
) -> None:
    folder = workdir / name
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(paths.scenarios_dir() / name, folder)
    document = copy.deepcopy(originals[name])
    mutate(document, data)
    try:
        text = toml_dumps(document)
    except (TypeError, RecursionError):
        return  # a value the tests' tiny TOML writer cannot express
    (folder / "scenario.toml").write_text(text, encoding="utf-8")

    started = time.perf_counter()
    code = main(["scenario", "validate", str(folder)])
    out, err = capsys.readouterr()
    assert code in (0, 2), (code, out, err)
    assert "Traceback" not in out + err
    try:
        scenario = load_scenario(folder)
    except ScenarioInvalid as exc:
        message = str(exc)
        assert code == 2, out + err
        assert str(folder) in message or "scenario.toml" in message, message
        assert "Traceback" not in message
        for problem in exc.problems:
            assert problem.file is not None and str(problem)
        event("refused")
        return
    finally:
        assert time.perf_counter() - started < BOUND_S
    assert code == 0, out + err
    short = dataclasses.replace(scenario, duration_s=180.0)
    event("loaded and played")
    result = run_headless(short, "naive")
    assert result is not None
    assert time.perf_counter() - started < BOUND_S
