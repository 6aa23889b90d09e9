"""Self-check of the seventeenth held-out set, written by its blind writer: its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every held-out set;
they run nothing of the language layer); this file holds only what the seventeenth set
promises: the persona sections of each file (1-based line ranges, as its README
lists them) and its minimum counts.

    python tests/language/heldout17/check_set.py
    python tests/language/heldout17/check_set.py --against-others
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
            "gent_hospital_ict": (1, 97),
            "antwerp_town_hall_teams": (98, 182),
            "limburg_school_ict": (183, 267),
            "erp_vendor_support": (268, 342),
            "mechelen_business_telephony": (343, 436),
        },
        "fr": {
            "liege_chu_desk": (1, 87),
            "walloon_town_hall_teams": (88, 172),
            "quebec_cegep_desk": (173, 258),
            "lyon_invoicing_vendor": (259, 334),
            "brussels_insurer_remote_chat": (335, 423),
        },
        "en": {
            "yorkshire_nhs_desk": (1, 93),
            "texas_school_district": (94, 177),
            "irish_county_council": (178, 254),
            "bengaluru_outsourced_desk": (255, 334),
            "glasgow_cafe_it_phones": (335, 418),
        },
    },
    min_messages=400,
    min_positives=15,
    min_negated=30,
    min_no_act=60,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
