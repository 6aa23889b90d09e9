"""What an exam's language layer keeps for the whole sitting, kept compact (branch mem20).

Every exam process holds its language's lexicon and act model from its first message to its
hand-in, in each of a sitting's 24 to 60 processes. These check the form they are kept in,
not a byte count: equal phrase elements are one object (English's 4,983 elements are 762
distinct ones: 2.3 -> 1.1 MB), and the act model's table keeps its weights in flat arrays.
"""

from __future__ import annotations

import gc
from array import array

import pytest

from helpdesk_tui.language import LANGUAGES
from helpdesk_tui.language.acts_model import table
from helpdesk_tui.language.lexicon import Element, lexicon


def _reachable_elements(root: object) -> list[Element]:
    """Every `Element` reachable from `root` through containers and the layer's own
    objects (not through classes, functions or modules, which reach the whole process:
    other tests' lexicons), each object visited once."""
    seen: set[int] = set()
    found: list[Element] = []
    todo = [root]
    while todo:
        obj = todo.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, Element):
            found.append(obj)
        elif isinstance(obj, tuple | list | dict | set | frozenset) or type(
            obj
        ).__module__.startswith("helpdesk_tui.language"):
            todo.extend(gc.get_referents(obj))
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_equal_phrase_elements_are_one_object(lang: str) -> None:
    elements = _reachable_elements(lexicon(lang))
    assert len(elements) > 300  # the walk did reach the phrases
    by_value: dict[Element, set[int]] = {}
    for element in elements:
        by_value.setdefault(element, set()).add(id(element))
    copies = {e: ids for e, ids in by_value.items() if len(ids) > 1}
    assert not copies, f"{len(copies)} elements held more than once, e.g. {next(iter(copies))}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_act_models_weights_are_flat_arrays(lang: str) -> None:
    scorer = table(lang)
    assert isinstance(scorer.weight, array) and scorer.weight.typecode == "d"
    assert isinstance(scorer.act_of, array) and isinstance(scorer.starts, array)
    assert len(scorer.starts) == len(scorer.index) + 1
    assert scorer.starts[-1] == len(scorer.weight) == len(scorer.act_of) > 10_000
