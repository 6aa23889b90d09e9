"""Self-check of the twenty-fourth held-out set, written by its blind writer: its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every held-out set;
they run nothing of the language layer); this file holds only what the twenty-fourth set
promises: the persona sections of each file (1-based line ranges, as its README
lists them) and its minimum counts.

    python tests/language/heldout24/check_set.py
    python tests/language/heldout24/check_set.py --against-others
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
            "aurelie_health_fund": (1, 265),
            "aurelie_interflex": (266, 439),
            "aurelie_both_desks": (440, 548),
        },
        "fr": {
            "jeroen_health_fund": (1, 265),
            "jeroen_interflex": (266, 425),
            "jeroen_both_desks": (426, 536),
        },
        "en": {
            "tomasz_health_fund": (1, 265),
            "tomasz_interflex": (266, 451),
            "tomasz_both_desks": (452, 558),
        },
    },
    min_messages=400,
    min_positives=15,
    min_negated=30,
    min_no_act=60,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
