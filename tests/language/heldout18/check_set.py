"""Self-check of the eighteenth held-out set, written by its blind writer: its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every held-out set;
they run nothing of the language layer); this file holds only what the eighteenth set
promises: the persona sections of each file (1-based line ranges, as its README
lists them) and its minimum counts.

    python tests/language/heldout18/check_set.py
    python tests/language/heldout18/check_set.py --against-others
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
            "lotte_junior_provincial_desk": (1, 173),
            "marc_senior_teams_chat": (174, 306),
            "griet_team_lead_mails": (307, 437),
        },
        "fr": {
            "julien_junior_water_utility": (1, 143),
            "nadine_senior_internal_it": (144, 309),
            "philippe_team_lead_mails": (310, 437),
        },
        "en": {
            "sam_junior_school_desk": (1, 141),
            "kev_senior_teams_chat": (142, 283),
            "helen_service_manager_mails": (284, 430),
        },
    },
    min_messages=400,
    min_positives=15,
    min_negated=30,
    min_no_act=60,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
