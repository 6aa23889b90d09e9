"""Self-check of the fourteenth held-out set, written by its blind writer: its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every held-out set;
they run nothing of the language layer); this file holds only what the fourteenth set
promises: the persona sections of each file (1-based line ranges, as its README
lists them) and its minimum counts.

    python tests/language/heldout14/check_set.py
    python tests/language/heldout14/check_set.py --against-others
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
            "kempen_coop": (1, 125),
            "airport_ramp": (126, 249),
            "bus_depot": (250, 373),
            "museum_kiosk": (374, 499),
            "rotterdam_gate": (500, 626),
        },
        "fr": {
            "brussels_commune": (1, 128),
            "hospital_switchboard": (129, 256),
            "geneva_bank": (257, 384),
            "casablanca_energy": (385, 511),
            "teleassistance": (512, 638),
        },
        "en": {
            "glasgow_tenant": (1, 124),
            "gaming_recovery": (125, 248),
            "nairobi_mobile_money": (249, 372),
            "london_driver_app": (373, 496),
            "nyc_building": (497, 620),
        },
    },
    min_messages=450,
    min_positives=25,
    min_negated=35,
    min_no_act=35,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
