"""Self-check of the eighth held-out set, written by its blind writer: its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every held-out set;
they run nothing of the language layer); this file holds only what the eighth set
promises: the persona sections of each file (1-based line ranges, as its README
lists them) and its minimum counts.

    python tests/language/heldout8/check_set.py
    python tests/language/heldout8/check_set.py --against-others
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
            "limburg": (1, 92),
            "gemeente": (93, 186),
            "university": (187, 273),
            "warehouse": (274, 361),
            "blunt_senior": (362, 452),
        },
        "fr": {
            "liege": (1, 92),
            "swiss_hospital": (93, 179),
            "commune": (180, 266),
            "long_email": (267, 347),
            "warehouse": (348, 432),
        },
        "en": {
            "singapore": (1, 91),
            "dutch_l2": (92, 184),
            "university": (185, 272),
            "transcript": (273, 368),
            "blunt_senior": (369, 460),
        },
    },
    min_messages=400,
    min_positives=25,
    min_negated=35,
    min_no_act=35,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
