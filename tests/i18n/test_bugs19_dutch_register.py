"""The Dutch screens say "je" to their reader, never "u" (bugs19).

The candidate's F1 list said "Passage invoegen: Zet de passage die u ziet ..." between
lines that say "je" ("Naar het zoekvak ... als je typt"), and `verify` and `review` said
"de sleutel die u gaf" and "uw oordelen" where every other message says "je". One register
(the informal "je", what most of the catalogue already used). "u" as the hour ("u:mm:ss",
"1 u 05") is not the pronoun.
"""

from __future__ import annotations

import re

from helpdesk_tui.i18n import catalog

FORMAL = re.compile(r"(?<![\w{}])(?:u|uw|U|Uw)(?![\w:])(?!\s*\{)")
"""The pronoun "u" or "uw": a word of its own, not an hour ("u:mm", "{h} u {m}")."""


def test_the_rule_tells_the_pronoun_from_the_hour() -> None:
    assert FORMAL.search("de sleutel die u gaf") and FORMAL.search("geef uw eigen sleutel")
    assert not FORMAL.search("een examentijd (u:mm:ss)") and not FORMAL.search("{h} u {m:02d}")
    assert FORMAL.search("kunt u dat?") and not FORMAL.search("de kabel is stuk")


def test_dutch_says_je() -> None:
    entries = catalog.parse_po(catalog.po_path("nl").read_text("utf-8"))
    formal = [e.msgstr for e in entries if e.msgid and FORMAL.search(e.msgstr)]
    assert formal == []
