"""Dutch and French for the review and observe screens, until they join the UI catalogues.

The UI's catalogues (`helpdesk_tui/i18n/locale/*/LC_MESSAGES/helpdesk_exam.po`)
belong to the candidate UI's tooling (`python -m helpdesk_tui.i18n.catalog
update`), which picks up every `_()` string under `helpdesk_tui/ui`, these
screens' included, with an empty translation. `nl.po` and `fr.po` beside this
file hold those translations; `merge()` copies them into the catalogues where
the catalogue has none yet (a translator's later change is never
overwritten) and compiles the `.mo` files with the catalogue tool's own
compiler, so the bytes are what `update` would write:

    python -m helpdesk_tui.i18n.catalog update
    python -m helpdesk_tui.ui.review.translations
"""

from __future__ import annotations

import sys
from pathlib import Path

from helpdesk_tui.i18n.catalog import compile_mo, format_po, mo_path, parse_po, po_path

HERE = Path(__file__).resolve().parent
LANGUAGES: tuple[str, ...] = ("nl", "fr")


def fragment(language: str) -> dict[str, str]:
    """msgid → translation of these screens in `language`."""
    entries = parse_po((HERE / f"{language}.po").read_text("utf-8"))
    return {e.msgid: e.msgstr for e in entries if e.msgid}


def merge(language: str) -> int:
    """Fill the catalogue's empty translations from the fragment; how many were filled."""
    path = po_path(language)
    if not path.exists():
        return 0
    ours = fragment(language)
    entries = parse_po(path.read_text("utf-8"))
    filled = 0
    for entry in entries:
        if entry.msgid and not entry.msgstr and ours.get(entry.msgid):
            entry.msgstr = ours[entry.msgid]
            filled += 1
    if filled:
        path.write_text(format_po(entries), "utf-8")
        mo_path(language).write_bytes(compile_mo(entries))
    return filled


def main() -> int:
    for language in LANGUAGES:
        if not po_path(language).exists():
            print(
                f"{po_path(language)} does not exist: run `python -m helpdesk_tui.i18n.catalog update` first."
            )
            return 1
        print(f"{language}: {merge(language)} translations filled in")
    return 0


if __name__ == "__main__":
    sys.exit(main())
