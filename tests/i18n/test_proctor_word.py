"""The Dutch screens and reports name the proctor with one word (docs/known-issues.md,
bugs12: "toezichter" on the keys, the menu and the Session part, but "gestopt door de
surveillant" as the end reason). The word is the one the Dutch keys already use (the
catalogue's translation of "Proctor"), checked in every Dutch text that translates an
English one naming the proctor."""

from __future__ import annotations

from helpdesk_tui.assess import texts, texts_integrity, texts_problems, texts_session
from helpdesk_tui.i18n import catalog


def dutch_pairs() -> list[tuple[str, str]]:
    entries = catalog.parse_po(catalog.po_path("nl").read_text("utf-8"))
    pairs = [(e.msgid, e.msgstr) for e in entries if e.msgid and e.msgstr]
    pairs += [
        (en, nl)
        for table in (texts.T, texts_session.T, texts_integrity.T, texts_problems.T)
        for en, nl, _ in table.values()
    ]
    return pairs


def test_the_dutch_proctor_is_always_the_toezichter() -> None:
    word = dict(dutch_pairs())["Proctor"].lower()
    assert word == "toezichter"
    other = [
        (en, nl)
        for en, nl in dutch_pairs()
        if "proctor" in en.lower() and "proctor" not in nl.lower() and word not in nl.lower()
    ]
    assert other == []


def test_the_dutch_log_is_always_the_log() -> None:
    """bugs13: the Dutch screens said "de log" (the hand-in question, the end screen,
    `verify`) and the reports "het logboek" (the Session part, refusals), and the hand-in
    key's own help "het logboek wordt verzegeld" under a question saying "de log wordt
    verzegeld". One word: "log", the one most Dutch texts already used."""
    mixed = [(en, nl) for en, nl in dutch_pairs() if "logboek" in nl.lower()]
    assert mixed == []
