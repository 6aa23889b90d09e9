"""Self-check of the fourth held-out set, written by its blind writer: its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every held-out set;
they run nothing of the language layer); this file holds only what the fourth set
promises: the persona sections of each file (1-based line ranges, as its README
lists them) and its minimum counts.

    python tests/language/heldout4/check_set.py
    python tests/language/heldout4/check_set.py --against-others
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
            "terse": (1, 88),
            "junior": (89, 166),
            "phone": (167, 248),
            "e-mail": (249, 307),
            "non-native": (308, 382),
        },
        "fr": {
            "terse": (1, 92),
            "junior": (93, 167),
            "phone": (168, 245),
            "e-mail": (246, 307),
            "non-native": (308, 386),
        },
        "en": {
            "terse": (1, 89),
            "junior": (90, 164),
            "phone": (165, 241),
            "e-mail": (242, 303),
            "non-native": (304, 383),
        },
    },
    # The fourth set promised no size, and only that its table ends at the last line.
    min_messages=0,
    min_positives=25,
    min_negated=25,
    min_no_act=35,
    contiguous=False,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
