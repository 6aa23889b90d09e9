"""Self-check of the eleventh held-out set, written by its blind writer: its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every held-out set;
they run nothing of the language layer); this file holds only what the eleventh set
promises: the persona sections of each file (1-based line ranges, as its README
lists them) and its minimum counts.

    python tests/language/heldout11/check_set.py
    python tests/language/heldout11/check_set.py --against-others
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
            "hospital_device_desk": (1, 111),
            "ghent_agent": (112, 218),
            "ev_charging_card": (219, 328),
            "milking_robot": (329, 435),
            "teacher_report_week": (436, 539),
        },
        "fr": {
            "borinage_agent": (1, 107),
            "tour_operator_agencies": (108, 213),
            "veterinary_software": (214, 317),
            "syndic_extranet": (318, 421),
            "bakery_pos_dawn": (422, 526),
        },
        "en": {
            "geordie_agent": (1, 107),
            "new_zealand_isp": (108, 211),
            "law_firm_formal": (212, 315),
            "cruise_ship_digital_desk": (316, 419),
            "payroll_software": (420, 524),
        },
    },
    min_messages=450,
    min_positives=25,
    min_negated=35,
    min_no_act=35,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
