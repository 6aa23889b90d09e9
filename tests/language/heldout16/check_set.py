"""Self-check of the sixteenth held-out set, written by its blind writer: its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every held-out set;
they run nothing of the language layer); this file holds only what the sixteenth set
promises: the persona sections of each file (1-based line ranges, as its README
lists them) and its minimum counts.

    python tests/language/heldout16/check_set.py
    python tests/language/heldout16/check_set.py --against-others
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
            "recyclagepark_badges": (1, 113),
            "leuven_brewery_cafe_portal": (114, 211),
            "mutualiteit_app_helpline": (212, 298),
            "wadden_ferry_tickets": (299, 385),
            "ski_rental_chat": (386, 472),
        },
        "fr": {
            "wallonie_tax_eservice": (1, 103),
            "spa_thermal_booking": (104, 196),
            "lesse_kayak_rental": (197, 290),
            "walloon_water_meter": (291, 376),
            "brussels_secondhand_app": (377, 466),
        },
        "en": {
            "queensland_satellite_internet": (1, 101),
            "boston_snow_plow_app": (102, 190),
            "newfoundland_ferry_tickets": (191, 280),
            "hawaii_solar_battery_app": (281, 368),
            "kids_robot_kit_helpline": (369, 460),
        },
    },
    min_messages=450,
    min_positives=15,
    min_negated=30,
    min_no_act=60,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
