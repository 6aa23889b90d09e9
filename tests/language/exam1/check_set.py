"""Self-check of the first exam set (the phrase banks a-c, labelled blind): its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every labelled set;
they run nothing of the language layer); this file holds only what the exam set
promises: the bank sections of each file (1-based line ranges: a line belongs to the
first bank that wrote its text, see slots.tsv) and its minimum counts. The set is the
banks' own sentences, so its size is theirs and its negated and no-act messages are
few (the banks hold few); ``--against-others`` lists the stock lines it shares with
other sets (only this set's side), which is information here, not a fault.

    python tests/language/exam1/check_set.py
    python tests/language/exam1/check_set.py --against-others
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
        "nl": {"bank_a": (1, 117), "bank_b": (118, 271), "bank_c": (272, 416)},
        "fr": {"bank_a": (1, 117), "bank_b": (118, 269), "bank_c": (270, 414)},
        "en": {"bank_a": (1, 117), "bank_b": (118, 269), "bank_c": (270, 418)},
    },
    min_messages=400,
    min_positives=25,
    min_negated=9,
    min_no_act=3,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
