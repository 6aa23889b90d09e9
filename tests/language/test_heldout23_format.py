"""The twenty-third held-out set is well formed, large enough, and no copy of another set.

The set measures the language layer on a writer it was never tuned on (issue 12,
"Corpus and figures"), written, as the sixteenth to twenty-second, in a real queue's proportions rather than equal act
counts, so a malformed line, an act outside the vocabulary, a thin act or a message
copied from another set must fail here rather than skew the lead's scores. This file
runs nothing of the layer (the set stays blind): it reads the lines, and the expected
sizes come from the brief of the set (at least 400 messages a language, three agents a
language, a fair share of messages with no act, negated instructions in every persona),
not from what the layer answers. Score floors are the lead's, after scoring.
"""

from __future__ import annotations

from tests.language.heldout23.check_set import TABLE
from tests.language.heldout_format import Brief, format_tests

BRIEF = Brief(
    min_messages=400,
    min_positives_per_act=15,
    min_negated=30,
    min_no_act=60,
    personas_per_language=3,
)
globals().update(format_tests(TABLE, BRIEF))
