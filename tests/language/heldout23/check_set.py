"""Self-check of the twenty-third held-out set, written by its blind writer: its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every held-out set;
they run nothing of the language layer); this file holds only what the twenty-third set
promises: the persona sections of each file (1-based line ranges, as its README
lists them) and its minimum counts.

    python tests/language/heldout23/check_set.py
    python tests/language/heldout23/check_set.py --against-others
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
            "britt_leuven_hospital": (1, 224),
            "britt_namur_buses": (225, 391),
            "britt_cork_plant": (392, 581),
        },
        "fr": {
            "christelle_leuven_hospital": (1, 165),
            "christelle_namur_buses": (166, 340),
            "christelle_cork_plant": (341, 487),
        },
        "en": {
            "donal_leuven_hospital": (1, 165),
            "donal_namur_buses": (166, 321),
            "donal_cork_plant": (322, 502),
        },
    },
    min_messages=400,
    min_positives=15,
    min_negated=30,
    min_no_act=60,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
