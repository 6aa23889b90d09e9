"""Self-check of the sixth held-out set, written by its blind writer: its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every held-out set;
they run nothing of the language layer); this file holds only what the sixth set
promises: the persona sections of each file (1-based line ranges, as its README
lists them) and its minimum counts.

    python tests/language/heldout6/check_set.py
    python tests/language/heldout6/check_set.py --against-others
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
            "senior": (1, 74),
            "brussels": (75, 149),
            "checklist": (150, 221),
            "mobile": (222, 302),
            "teacher": (303, 374),
        },
        "fr": {
            "formal": (1, 76),
            "gamer": (77, 152),
            "sarcastic": (153, 228),
            "brussels": (229, 303),
            "checklist": (304, 377),
        },
        "en": {
            "senior": (1, 74),
            "gamer": (75, 147),
            "sarcastic": (148, 223),
            "teacher": (224, 295),
            "mobile": (296, 376),
        },
    },
    min_messages=350,
    min_positives=25,
    min_negated=35,
    min_no_act=35,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
