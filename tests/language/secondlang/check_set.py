"""Self-check of the second-language set (branch l-model25): its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every labelled set; they run
nothing of the language layer); this file holds only what the set promises: the two writers
per language (1-based line ranges, as its README lists them) and its minimum counts.

    python tests/language/secondlang/check_set.py
    python tests/language/secondlang/check_set.py --against-others
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
        "nl": {"olena_ukrainian": (1, 26), "karim_french_brussels": (27, 53)},
        "fr": {"pieter_dutch_flemish": (1, 26), "joana_portuguese": (27, 53)},
        "en": {"piotr_polish": (1, 28), "ana_brazilian_portuguese": (29, 54)},
    },
    min_messages=50,
    min_positives=2,
    min_negated=4,
    min_no_act=4,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
