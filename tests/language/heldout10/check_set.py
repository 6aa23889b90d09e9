"""Self-check of the tenth held-out set, written by its blind writer: its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every held-out set;
they run nothing of the language layer); this file holds only what the tenth set
promises: the persona sections of each file (1-based line ranges, as its README
lists them) and its minimum counts.

    python tests/language/heldout10/check_set.py
    python tests/language/heldout10/check_set.py --against-others
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
            "jargon_mixer": (1, 93),
            "chatbot_handover": (94, 186),
            "energy_meter": (187, 281),
            "gym_app": (282, 374),
            "accounting_software": (375, 467),
        },
        "fr": {
            "jargon_mixer": (1, 96),
            "all_caps_coop": (97, 189),
            "marseille_ferry": (190, 284),
            "abidjan_isp": (285, 379),
            "bike_sharing": (380, 473),
        },
        "en": {
            "welsh": (1, 96),
            "chatbot_handover": (97, 191),
            "south_african_isp": (192, 286),
            "airline_app": (287, 380),
            "us_southern_smart_home": (381, 474),
        },
    },
    min_messages=450,
    min_positives=25,
    min_negated=35,
    min_no_act=35,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
