"""bugs20 left: Dutch said "de twee assessoren" in `report` where the review says
"beoordelaar". One role, one word, in every Dutch string: the standard's own Dutch text
(the ervaringsbewijs: "uitgevoerd door 2 beoordelaars") names them beoordelaars. The
option `--assessor` is a name typed on the command line, not a word of the text."""

from __future__ import annotations

import re
from pathlib import Path

import helpdesk_tui
from helpdesk_tui.assess import texts
from helpdesk_tui.i18n.catalog import parse_po

ENGLISH_ROLE = re.compile(r"(?<![-{])\bassessor(?:s|en)?\b", re.IGNORECASE)
"""The English word, not the option `--assessor` nor a field `{assessor}`."""
PO = Path(helpdesk_tui.__file__).parent / "i18n/locale/nl/LC_MESSAGES/helpdesk_exam.po"


def dutch_texts() -> list[str]:
    """Every report text's Dutch (texts.T holds the integrity, problem and session texts)."""
    return [entry[1] for entry in texts.T.values()]


def test_report_texts_in_dutch_say_beoordelaar() -> None:
    wrong = [text for text in dutch_texts() if ENGLISH_ROLE.search(text)]
    assert not wrong
    assert any("beoordelaars" in text for text in dutch_texts())


def test_the_dutch_catalogue_says_beoordelaar() -> None:
    entries = parse_po(PO.read_text(encoding="utf-8"))
    strings = [text for entry in entries for text in (entry.msgstr, *entry.forms)]
    assert len(strings) > 1000  # the whole catalogue was read
    wrong = [text for text in strings if ENGLISH_ROLE.search(text)]
    assert not wrong
