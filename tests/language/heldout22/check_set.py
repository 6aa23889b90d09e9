"""Self-check of the twenty-second held-out set, written by its blind writer: its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every held-out set;
they run nothing of the language layer); this file holds only what the twenty-second set
promises: the persona sections of each file (1-based line ranges, as its README
lists them) and its minimum counts.

    python tests/language/heldout22/check_set.py
    python tests/language/heldout22/check_set.py --against-others
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
            "annemie_receptionist_bruges_hotels": (1, 201),
            "enzo_plant_it_charleroi": (202, 382),
            "sinead_dublin_remote_staff": (383, 554),
        },
        "fr": {
            "annemie_receptionist_bruges_hotels": (1, 188),
            "enzo_plant_it_charleroi": (189, 352),
            "sinead_dublin_remote_staff": (353, 522),
        },
        "en": {
            "annemie_receptionist_bruges_hotels": (1, 171),
            "enzo_plant_it_charleroi": (172, 330),
            "sinead_dublin_remote_staff": (331, 501),
        },
    },
    min_messages=400,
    min_positives=15,
    min_negated=30,
    min_no_act=60,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
