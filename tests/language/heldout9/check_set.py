"""Self-check of the ninth held-out set, written by its blind writer: its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every held-out set;
they run nothing of the language layer); this file holds only what the ninth set
promises: the persona sections of each file (1-based line ranges, as its README
lists them) and its minimum counts.

    python tests/language/heldout9/check_set.py
    python tests/language/heldout9/check_set.py --against-others
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
            "antwerp": (1, 101),
            "bank_card_line": (102, 201),
            "school_parents": (202, 301),
            "telecom": (302, 401),
            "hotel_night": (402, 500),
        },
        "fr": {
            "lille": (1, 100),
            "insurance_claims": (101, 201),
            "apologetic_eshop": (202, 299),
            "ehpad": (300, 399),
            "ski_passes": (400, 498),
        },
        "en": {
            "canadian": (1, 101),
            "nigerian": (102, 202),
            "parcel_lockers": (203, 302),
            "library": (303, 402),
            "startup_saas": (403, 502),
        },
    },
    min_messages=420,
    min_positives=25,
    min_negated=35,
    min_no_act=35,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
