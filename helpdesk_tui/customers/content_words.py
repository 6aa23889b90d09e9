"""Content words: what a message says of its own, compared with what the customer said.

Shared by the simulated customer (does this message give back what I said?), the evidence
flags (the paraphrase flag) and the assessment (COM-4's key facts), so the three read a
restatement the same way. Pure: folded words and their first letters, nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from helpdesk_tui import budget_cache
from helpdesk_tui.language.normalise import fold

_NON_WORD = re.compile(r"[^0-9a-z]+")


def _words(text: str) -> tuple[str, ...]:
    """The plain folded words of a text (for comparing names and shapes, not meaning)."""
    return tuple(_NON_WORD.sub(" ", fold(text)).split())


words = budget_cache.BudgetCache(_words, maxsize=65536, max_chars=2_000_000)
"""Kept per text, at most 2,000,000 characters of texts (some 20 MB of words): by count
alone, 65,536 pasted 2,000-character messages would keep 1.2 GB (sec14)."""


PARAPHRASE_MIN_WORDS = 3
"""Distinct content words a paraphrase must share with the customer's words."""
PARAPHRASE_MIN_SHARE = 0.5
"""... and the share of the message's own content words that must be the customer's."""
STEM_LENGTH = 5
"""Words are compared on their first letters, so "printer" and "printers" agree."""
CONTENT_MIN_LENGTH = 4
"""Shorter words (articles, pronouns...) never count, unless they hold a digit."""


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS: dict[str, frozenset[str]] = {
    "en": _word_set(
        "about after again also been before being could does doing done from have having here "
        "hello into just like make more much only other please really should some sorry still "
        "such than thank thanks that their them then there these they this those very want what "
        "when where which while will with would your yours okay good morning afternoon correctly "
        "understand tell right exactly"
    ),
    "nl": _word_set(
        "alleen als andere bedankt begrijp beetje daar dank deze dezelfde dingen door echt even "
        "geen goed graag hallo heeft hebben hebt heel hier hoe juist kunnen kunt maar meer mijn "
        "niet nog omdat ook over sorry uw van veel voor waar wanneer want welke wordt worden zijn "
        "zoals zodat zelf goedemorgen goedemiddag alstublieft"
    ),
    "fr": _word_set(
        "avec avez aussi autre bien bonjour cela cette comme dans desole depuis donc elle encore "
        "est etait etre fait faire merci mais meme moins nous notre pour plus pouvez quand quel "
        "quelle sans sont sous tres tout vous votre vos bien comprends correctement"
    ),
}
"""Words too common to show that a message restates the customer."""


def content_stems(text: str, language: str, short: bool = False) -> set[str]:
    """The stems of a text's content words: long enough, not a stop word. With `short`
    (rules 2.8, a restatement read in context), also the short words that name a thing:
    acronyms written in capitals ("VPN", "PC") and `SHORT_THINGS` ("gsm", "tv", "app")."""
    return set(content_sequence(text, language, short))


def content_sequence(text: str, language: str, short: bool = False) -> tuple[str, ...]:
    """`content_stems` in the text's order, repeats kept (rules 2.15: borrowed text is the
    customer's or an article's content words in their order, whatever short words were
    dropped or put between them). Kept per text (`_sequence`): a restatement read in
    context reads every customer message before it again (perf19: 54,000 readings of a
    few thousand texts in a padded 200,000-record review)."""
    return _sequence(text, language, short)


def _content_sequence(text: str, language: str, short: bool) -> tuple[str, ...]:
    stop = STOP_WORDS.get(language, STOP_WORDS["en"])
    found: list[str] = []
    kept = short_things(text) if short else frozenset()
    for word in words(text):
        has_digit = any(c.isdigit() for c in word)
        if word in stop or (
            len(word) < CONTENT_MIN_LENGTH
            and not (has_digit and len(word) > 1)
            and word not in kept
        ):
            continue
        found.append(word[:STEM_LENGTH])
    return tuple(found)


_sequence = budget_cache.BudgetCache(_content_sequence, maxsize=65536, max_chars=2_000_000)
"""A tuple per text, language and `short` (immutable: every reader may share it), bounded as
`words` is."""


SHORT_THINGS = frozenset((
    "tv", "gsm", "pc", "vpn", "app", "usb", "pin", "box", "sms", "pdf", "cam", "mac", "ipad",
    "bus", "fax", "hdd", "ssd", "ram", "cpu", "dns", "ip", "url", "web", "net", "id",
))  # fmt: skip
"""(2.8) Short words that name a device or service in a helpdesk's talk, in the three
languages: a restatement that gives back "uw gsm", "la box", "the VPN" gives back a thing."""
_ACRONYM = re.compile(r"\b[A-Z]{2,4}\b")


def short_things(text: str) -> frozenset[str]:
    """The text's short words that name things: `SHORT_THINGS` and capitalised acronyms."""
    acronyms = {a.lower() for a in _ACRONYM.findall(text)}
    return frozenset(w for w in words(text) if w in SHORT_THINGS or w in acronyms)


def paraphrased(text: str, customer_texts: Iterable[str], language: str) -> set[str]:
    """The customer's content stems restated in `text`; empty unless it is a paraphrase.

    A paraphrase shares at least `PARAPHRASE_MIN_WORDS` content words with what
    the customer said, and most of its own content words (`PARAPHRASE_MIN_SHARE`)
    come from the customer: a solution or a canned question that reuses a few of
    the customer's words brings more of its own and is not flagged.
    """
    said: set[str] = set()
    for said_text in customer_texts:
        said |= content_stems(said_text, language)
    mine = content_stems(text, language)
    shared = mine & said
    if len(shared) < PARAPHRASE_MIN_WORDS or len(shared) < PARAPHRASE_MIN_SHARE * len(mine):
        return set()
    return shared
