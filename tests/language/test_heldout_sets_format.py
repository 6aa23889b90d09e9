"""The held-out sets written to a brief (heldout6 to heldout23) are well formed, large
enough, and no copy of another set.

Each set measures the language layer on a writer it was never tuned on (issue 12, "Corpus
and figures"), so a malformed line, an act outside the vocabulary, a thin act or a message
copied from another set must fail here rather than skew the lead's scores. Nothing of the
layer runs here (a set stays blind until the lead scores it): the lines are read, and the
expected sizes are each set's brief, what its writer was asked for (its README), not what
the layer answers. Score floors are the lead's, after scoring (test_heldoutN.py).

A new set is one entry in `BRIEFS`; its persona table is its own check_set.py. Until stop 32
every set had a module of its own here, eighteen copies of one shape.
"""

from __future__ import annotations

from importlib import import_module

from tests.language.heldout_format import Brief, sets_format_tests

BRIEFS: dict[str, Brief] = {
    # name: Brief(min_messages, min_positives_per_act, min_negated, min_no_act[, personas])
    "heldout6": Brief(350, 25, 35, 35),
    "heldout7": Brief(360, 25, 35, 35),
    "heldout8": Brief(400, 25, 35, 35),
    "heldout9": Brief(420, 25, 35, 35),
    "heldout10": Brief(450, 25, 35, 35),
    "heldout11": Brief(450, 25, 35, 35),
    "heldout12": Brief(450, 25, 35, 35),
    "heldout13": Brief(450, 25, 35, 35),
    "heldout14": Brief(450, 25, 35, 35),
    "heldout15": Brief(450, 25, 35, 35),
    "heldout16": Brief(450, 15, 30, 60),
    "heldout17": Brief(400, 15, 30, 60),
    "heldout18": Brief(400, 15, 30, 60, personas_per_language=3),
    "heldout19": Brief(400, 15, 30, 60, personas_per_language=3),
    "heldout20": Brief(400, 15, 30, 60, personas_per_language=3),
    "heldout21": Brief(400, 15, 30, 60, personas_per_language=3),
    "heldout22": Brief(400, 15, 30, 60, personas_per_language=3),
    "heldout23": Brief(400, 15, 30, 60, personas_per_language=3),
    # second-language forms (l-model25): two writers a language, a small development set
    "secondlang": Brief(50, 2, 4, 4, personas_per_language=2, hard_cases_per_persona=2),
    "heldout24": Brief(400, 15, 30, 60, personas_per_language=3),
    "heldout25": Brief(500, 15, 25, 60, personas_per_language=3),
}
"""Each set's brief, in the order the sets were written (heldout5's checks are its own module,
written before the briefs were shared; exam1 and the context sets keep theirs)."""

globals().update(
    sets_format_tests(
        {
            name: (import_module(f"tests.language.{name}.check_set").TABLE, brief)
            for name, brief in BRIEFS.items()
        }
    )
)
