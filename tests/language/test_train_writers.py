"""(l-model22) The writers train.py may read, and writers weighed equally (variant B).

No scikit-learn needed: nothing here fits a model."""

from __future__ import annotations

import pytest

from helpdesk_tui.language import train
from helpdesk_tui.language.model import Analysis


def _example(text: str) -> train.Example:
    return train.Example(
        text, frozenset(), False, Analysis(text, "en", (), frozenset(), (), ()), set()
    )


def test_writers_weighed_equally_keep_the_total_and_weigh_the_same() -> None:
    """One writer of 1 message and one of 3: the mean size is 2, so the lone message weighs 2
    and each of the three 2/3 (worked by hand): each writer weighs 2, the four messages 4."""
    data = {
        ("small", "en"): [_example("a")],
        ("large", "en"): [_example("b"), _example("c"), _example("d")],
    }
    out = train.equal_writers(data, ("small", "large"), "en")
    weights = {e.text: e.weight for e in out}
    assert weights["a"] == pytest.approx(2.0)
    assert [weights[t] for t in "bcd"] == pytest.approx([2 / 3] * 3)
    assert sum(weights.values()) == pytest.approx(4.0)


def test_an_exam_weight_is_kept_in_proportion() -> None:
    """A message that weighed 0.5 still weighs half its writer's others."""
    half = _example("x")
    half.weight = 0.5
    data = {("w", "en"): [half, _example("y")], ("v", "en"): [_example("z"), _example("q")]}
    weights = {e.text: e.weight for e in train.equal_writers(data, ("w", "v"), "en")}
    assert weights["x"] == pytest.approx(weights["y"] / 2)


def test_the_newest_writers_are_named_and_no_blind_set_is() -> None:
    """(l-model24) heldout21 and heldout22, scored blind at stops 30-31, are trainable; the set
    being written blind now (heldout23) and the in-context sets are named nowhere."""
    assert train.NEWEST == ("heldout16", "heldout17", "heldout18", "heldout19", "heldout20")
    assert train.LATEST == ("heldout21", "heldout22")
    assert train.WRITERS == train.SETS + train.RELEASED + train.NEWEST + train.LATEST
    assert len(set(train.WRITERS)) == 24
    named = set(train.WRITERS) | set(train.EXAM_SETS)
    assert not {"heldout23", "context1", "context2", "context3", "context4"} & named


def test_an_unnamed_set_is_refused() -> None:
    with pytest.raises(SystemExit):
        train.main(["--write", "/nonexistent", "--sets", "heldout23"])
