"""Self-check of the twenty-fifth held-out set, written by its blind writer: its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every held-out set;
they run nothing of the language layer): each line's format and act vocabulary, no
duplicate text inside a language, the counts per act, negated and no-act messages per
language and per section. This file holds only what the twenty-fifth set promises: the
desk sections of each file (1-based line ranges, as its README lists them) and its
minimum counts.

    python tests/language/heldout25/check_set.py
    python tests/language/heldout25/check_set.py --against-others
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))  # the repository root, for tests.language
from tests.language.heldout_selfcheck import SetTable, main  # noqa: E402

TABLE = SetTable(
    folder=HERE,
    personas={
        "nl": {
            "kris_newsroom_print": (1, 234),
            "kris_social_housing": (235, 431),
            "kris_both_desks": (432, 558),
        },
        "fr": {
            "nadia_newsroom_print": (1, 214),
            "nadia_social_housing": (215, 380),
            "nadia_both_desks": (381, 520),
        },
        "en": {
            "sharon_newsroom_print": (1, 193),
            "sharon_social_housing": (194, 362),
            "sharon_both_desks": (363, 503),
        },
    },
    min_messages=500,
    min_positives=15,
    min_negated=25,
    min_no_act=60,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
