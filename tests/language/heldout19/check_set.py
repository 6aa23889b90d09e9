"""Self-check of the nineteenth held-out set, written by its blind writer: its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every held-out set;
they run nothing of the language layer); this file holds only what the nineteenth set
promises: the persona sections of each file (1-based line ranges, as its README
lists them) and its minimum counts.

    python tests/language/heldout19/check_set.py
    python tests/language/heldout19/check_set.py --against-others
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
            "hilde_ex_nurse_hospital_nights": (1, 169),
            "kevin_floor_technician_warehouse": (170, 307),
            "ruben_bilingual_contractor_ngo": (308, 434),
        },
        "fr": {
            "martine_ex_nurse_hospital_nights": (1, 153),
            "didier_floor_technician_warehouse": (154, 293),
            "aicha_bilingual_consultant_ngo": (294, 416),
        },
        "en": {
            "bernie_ex_nurse_hospital_nights": (1, 156),
            "dave_floor_technician_yard": (157, 283),
            "yannick_bilingual_contractor_ngo": (284, 409),
        },
    },
    min_messages=400,
    min_positives=15,
    min_negated=30,
    min_no_act=60,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
