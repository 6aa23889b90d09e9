"""The JSON report's `asdict`: the very dicts `dataclasses.asdict` makes, only faster."""

from __future__ import annotations

import dataclasses
import enum
import json
from collections import namedtuple

import pytest
from bundled_kit import LazyMap, on_scenario_runs

from helpdesk_tui.assess import report_json
from helpdesk_tui.assess.pipeline import AssessedLog
from helpdesk_tui.assess.testing import DEFAULT_SCENARIO


class Colour(enum.StrEnum):
    RED = "red"


class Items(list):
    pass


Pair = namedtuple("Pair", "left right")


@dataclasses.dataclass(frozen=True)
class Leaf:
    name: str
    weight: float
    colour: Colour


@dataclasses.dataclass
class Tree:
    leaves: list[Leaf]
    span: tuple[int, int]
    figures: dict
    odd: object = None


def same(value: object) -> None:
    """Equal to dataclasses.asdict's and written the same by json (tuple vs list, order)."""
    mine, theirs = report_json.asdict(value), dataclasses.asdict(value)
    assert mine == theirs
    assert json.dumps(mine, indent=2) == json.dumps(theirs, indent=2)
    assert type(mine) is type(theirs)


def test_odd_values_go_the_way_dataclasses_asdict_takes_them() -> None:
    leaf = Leaf("a", 0.00001, Colour.RED)
    same(Tree([leaf], (1, 2), {"k": [leaf, (leaf,)], 3: None}))
    same(Tree([], (0, 0), {}, odd=Items([leaf])))
    same(Tree([], (0, 0), {}, odd=Pair(leaf, [leaf])))
    same(Tree([], (0, 0), {"nested": {"deeper": [{"x": (1.5, "y", True)}]}}, odd=Colour.RED))
    tree = report_json.asdict(Tree([leaf], (1, 2), {}))
    assert type(tree["span"]) is tuple and type(tree["leaves"][0]["colour"]) is Colour


@pytest.mark.parametrize(
    ("scenario_id", "policy"), on_scenario_runs((DEFAULT_SCENARIO, p) for p in ("ideal", "naive"))
)
def test_every_part_of_a_report_is_the_same_dict(
    assessed_logs: LazyMap[tuple[str, str], AssessedLog], scenario_id: str, policy: str
) -> None:
    # `assess_log(simulated_log(path, policy), None)` as it was: the shared, read-only one
    assessed = assessed_logs[(scenario_id, policy)]
    evidence = assessed.evidence
    same(assessed.provenance)
    parts = [
        *(item for items in evidence.items.values() for item in items),
        *evidence.sla, *evidence.latencies, *evidence.inversions, *evidence.moods,
        *evidence.procedures,
    ]  # fmt: skip
    assert len(parts) > 20
    for part in parts:
        same(part)
