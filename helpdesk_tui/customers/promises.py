"""When the candidate told a customer they will hear back: "u hoort binnen 10 minuten van mij".

A customer told when they will hear back does not ask again before that time
(plus their own patience, the scenario's `patience_minutes`): they do not repeat
a question they already asked ("Hoe lang gaat dat duren?") and do not ask for
news (docs/simulation.md, "Told when they hear back"). This module only reads
the time out of a message; `Simulation` keeps the promise.

What counts is a time in the future: a preposition that looks ahead ("within",
"in", "binnen", "over", "dans", "d'ici", "sous") and a duration (a number in
digits or words, "a quarter of an hour", "een kwartier", "une demi-heure").
"Give me two minutes" asks the customer to hold; it promises nothing after it.

A time by the clock or a part of the day is a promise too ("om 14 uur", "tegen vier
uur", "vanmiddag", "before noon", "by 2 pm", "this afternoon", "d'ici midi", "vers 14 h",
"cet après-midi"). The exam has no time of day (its clock starts at 0), so such a promise
is taken to stand for `CLOCK_PROMISE_S`: the customer does not ask again for that long
(plus their patience). A time in the past ("since 2 pm", "sinds 14 uur", "depuis midi",
"this morning") promises nothing, nor does a clock time in a sentence about the past ("Ik
ben om 14 uur begonnen", "It stopped around noon", "J'ai commencé vers 14 h": `_PAST`)
unless the sentence also looks ahead ("We'll have it fixed by noon": `_FUTURE`).
Pure, deterministic; text is folded as the language layer folds it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from helpdesk_tui.language.normalise import fold

_NUMBERS: dict[str, dict[str, int]] = {
    "en": {
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10,
        "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "sixty": 60,
        "a few": 3, "a couple of": 2,
    },
    "nl": {
        "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "tien": 10,
        "vijftien": 15, "twintig": 20, "dertig": 30, "veertig": 40, "vijfenveertig": 45,
        "zestig": 60, "enkele": 3, "een paar": 3,
    },
    "fr": {
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "dix": 10,
        "quinze": 15, "vingt": 20, "trente": 30, "quarante": 40, "quarante-cinq": 45,
        "soixante": 60, "quelques": 3,
    },
}  # fmt: skip
"""Number words a time may be written with, per language (folded: no accents)."""

_UNITS: dict[str, dict[str, float]] = {
    "en": {"minutes": 60, "minute": 60, "mins": 60, "min": 60, "hours": 3600, "hour": 3600},
    "nl": {"minuten": 60, "minuutjes": 60, "minuut": 60, "min": 60, "uren": 3600, "uur": 3600},
    "fr": {"minutes": 60, "minute": 60, "min": 60, "heures": 3600, "heure": 3600, "h": 3600},
}
_WHOLE: dict[str, dict[str, float]] = {
    "en": {"a quarter of an hour": 900, "half an hour": 1800, "an hour": 3600, "the hour": 3600},
    "nl": {"een kwartier": 900, "het kwartier": 900, "een half uur": 1800, "een halfuur": 1800,
           "het half uur": 1800, "het halfuur": 1800, "een uur": 3600, "het uur": 3600},
    "fr": {"un quart d'heure": 900, "une demi-heure": 1800, "une demi heure": 1800,
           "une heure": 3600, "l'heure": 3600},
}  # fmt: skip
"""Durations said as a phrase of their own."""
_AHEAD: dict[str, tuple[str, ...]] = {
    "en": ("within the next", "within", "in the next", "in about", "in", "inside", "under"),
    "nl": ("binnen de", "binnen", "in de komende", "over", "ten laatste binnen"),
    "fr": ("dans les", "dans", "d'ici", "d'ici a", "sous", "en moins d'"),
}
"""Prepositions that put the duration after now ("within", "binnen", "dans")."""


CLOCK_PROMISE_S = 1800.0
"""How long a promise by the clock or the part of the day stands (the exam has no time of
day to count to it from): half an hour."""

_NUMBER_WORDS = {
    "en": "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve",
    "nl": "een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf",
    "fr": "une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze",
}
_CLOCK: dict[str, str] = {
    "en": (
        r"(?:by|before|at|around|until|till)\s+(?:\d{{1,2}}(?:[:.]\d\d)?\s*(?:am|pm|o'?clock)"
        r"|(?:{n})\s*(?:am|pm|o'?clock)|noon|midday|lunchtime|the end of the day)"
        r"|this afternoon|this evening|later today"
    ),
    "nl": (
        r"(?:om|tegen|voor|rond|tot)\s+(?:\d{{1,2}}(?:[:.]\d\d)?\s*uur|\d{{1,2}}u\d{{0,2}}"
        r"|(?:half\s+)?(?:{n})\s*uur|de middag|de noen|het middaguur|het einde van de dag)"
        r"|vanmiddag|vannamiddag|vanavond|later vandaag|deze namiddag"
    ),
    "fr": (
        r"(?:d'ici|avant|vers|a|pour)\s+(?:\d{{1,2}}\s*h(?:\s*\d\d)?|\d{{1,2}}\s*heures?"
        r"|(?:{n})\s+heures?|midi|la fin de (?:la )?(?:journee|matinee))"
        r"|cet apres-midi|ce soir|dans la journee|plus tard dans la journee"
    ),
}
"""A time by the clock or a part of the day still ahead, per language (folded)."""


_PAST: dict[str, str] = {
    "en": (
        r"\b(?:was|were|had|did|began|went|came|saw|rang|got|left|sent)\b"
        r"|\b(?:i|we|you|he|she|it|they|that|this)\s+\w+ed\b"
        r"|\b(?:i|we|you|they)'ve\s+\w+ed\b"
    ),
    "nl": (
        r"\b(?:was|waren|had|hadden|werd|begon|viel|kreeg|zag|ging|kwam|stond|zei|liep)\b"
        r"|\b(?:ik|het|hij|ze|zij|we|wij|u|je|jij)\s+\w+(?:de|te|den|ten)\b"
        r"|\b(?:ben|bent|heb|hebt|heeft|hebben)\b.*\b(?:\w*ge\w+[dt]|begonnen|vergeten)\b"
    ),
    "fr": (
        r"\b(?:ai|as|a|avons|avez|ont|suis|es|est|sommes|êtes|sont)\s+(?:\w+\s+)?"
        r"\w+(?:é|ée|és|ées|i|is|it|u|ue|us)\b(?<!\bmidi)(?<!\bici)"
        r"|\b(?:était|avait|étaient|avaient|fut)\b|\b\w+(?:ait|aient)\b"
    ),
}
"""A sentence about the past: a past tense (simple past, a perfect with its auxiliary, or
a weak past after its subject), per language, on the lower-cased sentence (French needs
its accents: "tombé" is a participle, "disponible" is not). Dutch "is" + participle is left
out: "Tegen vier uur is het opgelost" promises."""

_FUTURE: dict[str, str] = {
    "en": r"\b(?:will|shall|going to|gonna)\b|'ll\b",
    "nl": r"\b(?:zal|zult|zullen|ga|gaat|gaan|krijgt|krijg|hoort|hoor|bel|belt|wordt)\b",
    "fr": r"\b(?:sera|serez|serons|vais|va|allons|allez|aurez|aurai|rappelle|reviens)\b",
}
"""Words that look ahead: a clock time beside them is a promise, past tense or not."""

_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")


@lru_cache(maxsize=8)
def _tenses(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    lang = language if language in _PAST else "en"
    return re.compile(_PAST[lang]), re.compile(_FUTURE[lang])


def _about_the_past(sentence: str, language: str) -> bool:
    """Is the sentence about the past, and not also about what comes?"""
    lowered = sentence.lower().replace("’", "'")
    past, future = _tenses(language)
    return past.search(lowered) is not None and future.search(lowered) is None


def _clock_promise(text: str, language: str) -> bool:
    """A clock time or part of the day still ahead, in a sentence not about the past."""
    return any(
        _clock(language).search(fold(sentence)) and not _about_the_past(sentence, language)
        for sentence in _SENTENCES.split(text)
    )


@lru_cache(maxsize=8)
def _clock(language: str) -> re.Pattern[str]:
    lang = language if language in _CLOCK else "en"
    return re.compile(rf"(?<![\w']){_CLOCK[lang].format(n=_NUMBER_WORDS[lang])}(?!\w)")


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=8)
def _pattern(language: str) -> re.Pattern[str]:
    lang = language if language in _AHEAD else "en"
    ahead = _alternation(_AHEAD[lang])
    number = rf"\d+|{_alternation(list(_NUMBERS[lang]))}"
    unit = _alternation(list(_UNITS[lang]))
    whole = _alternation(list(_WHOLE[lang]))
    return re.compile(
        rf"(?<![\w'])(?:{ahead})\s*(?:(?P<whole>{whole})|(?P<n>{number})\s*(?P<unit>{unit}))(?!\w)"
    )


@lru_cache(maxsize=65536)
def promised_s(text: str, language: str) -> float | None:
    """How many seconds from now the message says the customer will hear back, or None.

    The first time said in the message counts: "binnen 10 minuten" -> 600.0,
    "d'ici un quart d'heure" -> 900.0, "Give me two minutes" -> None; a time by the clock
    ("om 14 uur", "before noon") -> `CLOCK_PROMISE_S`, not in a sentence about the past
    ("Ik ben om 14 uur begonnen") -> None.
    """
    lang = language if language in _AHEAD else "en"
    folded = fold(text)
    found = _pattern(lang).search(folded)
    if found is None:
        return CLOCK_PROMISE_S if _clock_promise(text, lang) else None
    if found["whole"]:
        return float(_WHOLE[lang][_key(_WHOLE[lang], found["whole"])])
    n = found["n"]
    count = int(n) if n.isdigit() else _NUMBERS[lang][_key(_NUMBERS[lang], n)]
    return float(count * _UNITS[lang][_key(_UNITS[lang], found["unit"])])


def _key(table: dict[str, int] | dict[str, float], folded: str) -> str:
    return next(k for k in table if fold(k) == folded)
