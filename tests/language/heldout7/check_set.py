"""Self-check of the seventh held-out set, written by its blind writer: its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every held-out set;
they run nothing of the language layer); this file holds only what the seventh set
promises: the persona sections of each file (1-based line ranges, as its README
lists them) and its minimum counts.

    python tests/language/heldout7/check_set.py
    python tests/language/heldout7/check_set.py --against-others
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
            "west_flemish": (1, 85),
            "netherlands": (86, 167),
            "trainee": (168, 246),
            "key_account": (247, 327),
            "multitasker": (328, 401),
        },
        "fr": {
            "quebecois": (1, 85),
            "emoji": (86, 164),
            "key_account": (165, 242),
            "trainee": (243, 321),
            "pharmacy": (322, 397),
        },
        "en": {
            "australian": (1, 83),
            "emoji": (84, 161),
            "gp_surgery": (162, 242),
            "trainee": (243, 323),
            "multitasker": (324, 399),
        },
    },
    min_messages=360,
    min_positives=25,
    min_negated=35,
    min_no_act=35,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
