"""Self-check of the twenty-first held-out set, written by its blind writer: its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every held-out set;
they run nothing of the language layer); this file holds only what the twenty-first set
promises: the persona sections of each file (1-based line ranges, as its README
lists them) and its minimum counts.

    python tests/language/heldout21/check_set.py
    python tests/language/heldout21/check_set.py --against-others
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
            "sofie_ex_nurse_ghent_hospital": (1, 189),
            "freddy_ex_mechanic_bus_depot": (190, 330),
            "elien_maes_paralegal_law_firm": (331, 478),
        },
        "fr": {
            "veronique_ancienne_infirmiere_ghent": (1, 179),
            "fabrice_ancien_mecano_jambes": (180, 325),
            "camille_lambert_juriste_bruxelles": (326, 481),
        },
        "en": {
            "grace_ex_nurse_hospital_desk": (1, 176),
            "luc_ex_mechanic_namur_depot": (177, 327),
            "fraser_dunbar_paralegal_edinburgh": (328, 488),
        },
    },
    min_messages=400,
    min_positives=15,
    min_negated=30,
    min_no_act=60,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
