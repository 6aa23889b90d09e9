"""Self-check of the twelfth held-out set, written by its blind writer: its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every held-out set;
they run nothing of the language layer); this file holds only what the twelfth set
promises: the persona sections of each file (1-based line ranges, as its README
lists them) and its minimum counts.

    python tests/language/heldout12/check_set.py
    python tests/language/heldout12/check_set.py --against-others
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
            "brabant_company_it": (1, 131),
            "festival_tickets_cashless": (132, 255),
            "home_alarm_monitoring": (256, 377),
            "care_home_it_volunteer": (378, 494),
            "dyslexic_web_hosting": (495, 613),
        },
        "fr": {
            "alsace_company_it": (1, 130),
            "phone_repair_young_slang": (131, 251),
            "motorway_toll_badge": (252, 370),
            "campsite_reception": (371, 488),
            "copier_leasing_hotline": (489, 607),
        },
        "en": {
            "scouse_company_it": (1, 130),
            "manila_bpo_mobile_carrier": (131, 251),
            "delivery_rider_support": (252, 371),
            "hearing_aid_support": (372, 490),
            "developer_hosting_support": (491, 609),
        },
    },
    min_messages=450,
    min_positives=25,
    min_negated=35,
    min_no_act=35,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
