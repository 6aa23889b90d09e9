"""Self-check of the twentieth held-out set, written by its blind writer: its table.

The checks are tests/language/heldout_selfcheck.py's (shared by every held-out set;
they run nothing of the language layer); this file holds only what the twentieth set
promises: the persona sections of each file (1-based line ranges, as its README
lists them) and its minimum counts.

    python tests/language/heldout20/check_set.py
    python tests/language/heldout20/check_set.py --against-others
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
            "jonas_jobstudent_leuven_university": (1, 175),
            "godelieve_renard_civil_servant_liege": (176, 304),
            "ronny_store_support_flemish_stores": (305, 438),
        },
        "fr": {
            "manon_etudiante_jobiste_university": (1, 147),
            "jean_marie_lambotte_ville_de_liege": (148, 279),
            "sandrine_support_magasins_wallons": (280, 408),
        },
        "en": {
            "tomasz_jobstudent_university": (1, 155),
            "michel_gerardy_city_of_liege": (156, 275),
            "gaz_manchester_store_support": (276, 409),
        },
    },
    min_messages=400,
    min_positives=15,
    min_negated=30,
    min_no_act=60,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
