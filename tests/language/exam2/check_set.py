"""Self-check of the exam2 set (the exam's own candidate sentences), by its blind labeller.

The checks are tests/language/heldout_selfcheck.py's (shared by the labelled sets; they
run nothing of the language layer); this file holds only what exam2 promises: its
sections (one per source, in the order build.py makes them, read from slots.tsv) and its
minimum counts (what the sources give, not a brief's sizes: every phrase is in the set).

    python tests/language/exam2/check_set.py
    python tests/language/exam2/check_set.py --against-others
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))  # the repository root, for tests.language
from tests.language.heldout_selfcheck import Sections, SetTable, main  # noqa: E402

SOURCES = ("bank-d", "bank-e", "scripted", "gaming", "canned", "kb")
"""Where a message comes from, in the set's order: (a) the phrase banks d and e, (b) the
scripted policies' sentences and the gaming policies' stock lines, (c) the bundled
scenarios' canned replies and the numbered steps of their knowledge-base articles."""


def sections() -> dict[str, Sections]:
    """Each language's lines per source (1-based, inclusive), from slots.tsv: a message the
    exam sends from two sources ("bank-d+bank-e") counts under the first."""
    found: dict[str, dict[str, list[int]]] = {}
    for row in (HERE / "slots.tsv").read_text("utf-8").splitlines()[1:]:
        lang, line, source, _slot = row.split("\t")
        first = source.split("+")[0]
        found.setdefault(lang, {}).setdefault(first, []).append(int(line))
    return {
        lang: {source: (min(lines), max(lines)) for source, lines in by_source.items()}
        for lang, by_source in found.items()
    }


TABLE = SetTable(
    folder=HERE,
    personas=sections(),
    min_messages=400,
    min_positives=12,  # (l-model10) fr offer_help 17 -> 13: four stock lines are exam1's since the merge
    min_negated=5,
    min_no_act=15,
)

if __name__ == "__main__":
    sys.exit(main(TABLE, __doc__.splitlines()[0]))
