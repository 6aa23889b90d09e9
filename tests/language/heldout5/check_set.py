"""Self-check of the fifth held-out set, written by its blind writer: its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every held-out set;
they run nothing of the language layer); this file holds only what the fifth set
promises: the persona sections of each file (1-based line ranges, as its README
lists them) and its minimum counts.

    python tests/language/heldout5/check_set.py
    python tests/language/heldout5/check_set.py --against-others
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
            "night ward": (1, 77),
            "handover": (78, 148),
            "script": (149, 219),
            "flemish": (220, 292),
            "autocorrect": (293, 363),
        },
        "fr": {
            "outage": (1, 73),
            "regional": (74, 147),
            "voice": (148, 215),
            "night ward": (216, 284),
            "handover": (285, 361),
        },
        "en": {
            "regional": (1, 77),
            "indian": (78, 153),
            "outage": (154, 224),
            "voice": (225, 293),
            "script": (294, 364),
        },
    },
    min_messages=350,
    min_positives=25,
    min_negated=35,
    min_no_act=35,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
