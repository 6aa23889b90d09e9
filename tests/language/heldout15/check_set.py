"""Self-check of the fifteenth held-out set, written by its blind writer: its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every held-out set;
they run nothing of the language layer); this file holds only what the fifteenth set
promises: the persona sections of each file (1-based line ranges, as its README
lists them) and its minimum counts.

    python tests/language/heldout15/check_set.py
    python tests/language/heldout15/check_set.py --against-others
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
            "hasselt_football_tickets": (1, 110),
            "knokke_hotel_booking": (111, 216),
            "ghent_student_housing": (217, 324),
            "car_sharing_app": (325, 430),
            "library_computer_volunteer": (431, 536),
        },
        "fr": {
            "bastogne_forestry": (1, 106),
            "mouscron_furniture_shop": (107, 213),
            "charleroi_airport_parking": (214, 319),
            "brussels_eu_contractor_desk": (320, 425),
            "lorient_fish_auction": (426, 532),
        },
        "en": {
            "cornwall_fishing_quota": (1, 107),
            "maltese_shared_services": (108, 214),
            "birmingham_connected_car": (215, 321),
            "london_auction_house": (322, 428),
            "minnesota_farm_telematics": (429, 535),
        },
    },
    min_messages=450,
    min_positives=25,
    min_negated=35,
    min_no_act=35,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
