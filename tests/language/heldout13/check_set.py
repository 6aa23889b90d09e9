"""Self-check of the thirteenth held-out set, written by its blind writer: its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every held-out set;
they run nothing of the language layer); this file holds only what the thirteenth set
promises: the persona sections of each file (1-based line ranges, as its README
lists them) and its minimum counts.

    python tests/language/heldout13/check_set.py
    python tests/language/heldout13/check_set.py --against-others
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
            "zeeuws_holiday_park": (1, 111),
            "eid_itsme_helpdesk": (112, 224),
            "hospital_patient_portal": (225, 335),
            "dental_practice_software": (336, 447),
            "supermarket_app": (448, 558),
        },
        "fr": {
            "toulouse_it_desk": (1, 112),
            "driving_school_platform": (113, 223),
            "teleconsultation_platform": (224, 334),
            "coworking_front_desk": (335, 445),
            "online_bank_app": (446, 557),
        },
        "en": {
            "yorkshire_it_desk": (1, 112),
            "kenyan_mobile_money": (113, 223),
            "theatre_box_office": (224, 335),
            "parking_app_chat": (336, 446),
            "new_york_building_app": (447, 557),
        },
    },
    min_messages=450,
    min_positives=25,
    min_negated=35,
    min_no_act=35,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
