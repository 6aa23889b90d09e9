"""The fifteenth held-out set is well formed, large enough, and no copy of another set.

The set measures the language layer on a writer it was never tuned on (issue 12,
"Corpus and figures"), so a malformed line, an act outside the vocabulary, a thin act
or a message copied from another set must fail here rather than skew the lead's
scores. This file runs nothing of the layer (the set stays blind): it reads the lines,
and the expected sizes come from the brief of the set (at least 450 messages a language,
every act and negated instructions well covered, plenty of messages with no act, five
personas a language), not from what the layer answers. Score floors are the lead's,
after scoring.
"""

from __future__ import annotations

from tests.language.heldout15.check_set import TABLE
from tests.language.heldout_format import Brief, format_tests

BRIEF = Brief(
    min_messages=450,
    min_positives_per_act=25,
    min_negated=35,
    min_no_act=35,
    personas_per_language=5,
)
globals().update(format_tests(TABLE, BRIEF))
