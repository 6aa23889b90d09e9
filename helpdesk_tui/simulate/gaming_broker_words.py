"""broker's words: the frames it says and the way it weaves two texts into one.

Written blind (branch evid33) from the published documents: no lexicon of the language layer,
no scenario pattern. The stop words are a short list of our own, enough to tell a content word
(four letters or more, not a function word) as docs/simulation.md describes one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_STOP_TEXT = """
this that with from have been were will would could should there their they them then than
what when where which while your yours mine very also just into onto over under about after
before again some such only each other more most much many here does done doing dont cant
please thank thanks hello sorry okay
deze dit dat die met van voor naar niet geen maar want omdat over onder heeft hebben wordt
worden werd zijn haar hun mijn jouw onze waar wanneer hoe wat welke alleen ook even nog heel
toch graag bedankt dank hallo goeiedag goedemorgen sorry
avec pour dans sans sous vers chez mais donc comme quand alors cette ceux celle elle elles
nous vous leur leurs votre notre mon mes tout tous toute plus moins très aussi encore
depuis bonjour merci pardon êtes suis avez avons sont était ont fait faire peut
"""
STOP = frozenset(_STOP_TEXT.split())
"""Function words of the three languages, four letters or more, that are no content word."""

PERSONS: dict[str, dict[str, str]] = {
    "en": {"my": "your", "i": "you", "i'm": "you're", "me": "you", "mine": "yours", "am": "are"},
    "nl": {"mijn": "uw", "ik": "u", "me": "u", "mij": "u", "heb": "hebt", "ben": "bent"},
    "fr": {"mon": "votre", "ma": "votre", "mes": "vos", "je": "vous", "j'ai": "vous avez"},
}
"""The customer's own persons turned to the operator's second person, word by word."""

FRAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "greet": (
            "Hello {first}, service desk here and thanks for getting in touch. "
            "Could you give me your full name and your department?",
        ),
        "ask": (
            "{first}, since when is the {c} {a} like this and what do you see on the screen?",
            "{first}, what exactly happens with the {c} when you try the {a}?",
            "{first}, did anything change around the {c} or the {a} before this started?",
            "{first}, is it only your {c} or do others with the {a} have it too?",
        ),
        "restate": ("So if I follow you {first} {woven}, is that right?",),
        "answer": ("Here is what we do {first}. {steps} Does it work now?",),
        "close": ("{first}, is there anything else I can do for you today?",),
        "transfer": (
            "{first}, I have passed ticket {ticket} to {group}; "
            "you hear from me within {minutes} minutes.",
        ),
        "news": (
            "{first}, ticket {ticket} is with {group}; you hear from me within {minutes} minutes.",
        ),
        "relay": ("{first}, {group} got back to us: {woven}",),
        "written": ("Hello {first}, about your {c}. {steps} Let me know if it works.",),
        "resolved": ("Done for {first}: {woven} Article {article}.",),
        "noted": ("Second line {group}: {text}",),
    },
    "nl": {
        "greet": (
            "Dag {first}, u spreekt met de servicedesk, fijn dat u ons contacteert. "
            "Mag ik uw volledige naam en uw afdeling?",
        ),
        "ask": (
            "{first}, sinds wanneer is het zo met de {c} en de {a} en wat ziet u op het scherm?",
            "{first}, wat gebeurt er precies met de {c} als u de {a} probeert?",
            "{first}, is er iets veranderd aan de {c} of de {a} voor dit begon?",
            "{first}, heeft alleen u dit met de {c} of hebben collega's het ook met de {a}?",
        ),
        "restate": ("Als ik u goed begrijp {first} {woven}, klopt dat?",),
        "answer": ("Dit gaan we doen {first}. {steps} Werkt het nu?",),
        "close": ("{first}, kan ik nog iets anders voor u doen?",),
        "transfer": (
            "{first}, ik heb ticket {ticket} doorgegeven aan {group}; "
            "u hoort binnen {minutes} minuten van mij.",
        ),
        "news": (
            "{first}, ticket {ticket} ligt bij {group}; u hoort binnen {minutes} minuten van mij.",
        ),
        "relay": ("{first}, {group} liet ons weten: {woven}",),
        "written": ("Dag {first}, over uw {c}. {steps} Laat u weten of het werkt?",),
        "resolved": ("Afgehandeld voor {first}: {woven} Artikel {article}.",),
        "noted": ("Tweede lijn {group}: {text}",),
    },
    "fr": {
        "greet": (
            "Bonjour {first}, ici le service desk, merci de nous contacter. "
            "Pouvez-vous me donner votre nom complet et votre service ?",
        ),
        "ask": (
            "{first}, depuis quand est-ce ainsi avec le {c} et le {a} et que voyez-vous à l'écran ?",
            "{first}, que se passe-t-il exactement avec le {c} quand vous essayez le {a} ?",
            "{first}, quelque chose a-t-il changé pour le {c} ou le {a} avant que cela commence ?",
            "{first}, est-ce seulement votre {c} ou vos collègues ont-ils aussi le {a} ?",
        ),
        "restate": ("Si je vous suis bien {first} {woven}, c'est bien ça ?",),
        "answer": (
            "Voici ce que nous faisons {first}. {steps} Est-ce que ça fonctionne maintenant ?",
        ),
        "close": ("{first}, puis-je encore faire autre chose pour vous ?",),
        "transfer": (
            "{first}, j'ai transmis le ticket {ticket} à {group} ; "
            "vous aurez de mes nouvelles dans {minutes} minutes.",
        ),
        "news": (
            "{first}, le ticket {ticket} est chez {group} ; "
            "vous aurez de mes nouvelles dans {minutes} minutes.",
        ),
        "relay": ("{first}, {group} nous a répondu : {woven}",),
        "written": ("Bonjour {first}, au sujet de votre {c}. {steps} Dites-moi si ça fonctionne.",),
        "resolved": ("Réglé pour {first} : {woven} Article {article}.",),
        "noted": ("Deuxième ligne {group} : {text}",),
    },
}
"""What broker says, per language and purpose; `ask` is rotated over the customers."""

RESOLUTION_HEADINGS = (
    "resolution",
    "solution",
    "what to do",
    "steps",
    "fix",
    "oplossing",
    "wat te doen",
    "stappen",
    "aanpak",
    "résolution",
    "que faire",
    "étapes",
    "marche à suivre",
)
"""Headings under which an article keeps its steps (a heading that starts with one)."""

WORKS = {
    "en": ("works", "working", "fixed", "that did it", "back in", "done the trick", "sorted"),
    "nl": ("werkt", "lukt", "gelukt", "opgelost", "in orde"),
    "fr": ("fonctionne", "marche", "ça va", "résolu", "réglé"),
}
NOT_WORKS = {
    "en": ("not", "n't", "still", "nothing", "no", "same"),
    "nl": ("niet", "nog steeds", "geen", "niets", "nee"),
    "fr": ("pas", "toujours", "rien", "non", "plus"),
}
"""The customer's "it works", and the words that say it does not, read crudely."""

_WORD = re.compile(r"[\w'’-]+", re.UNICODE)
_CUTS = re.compile(r"[,;:()\[\]–—\"“”«»*_`]|(?<=\s)-(?=\s)")


def frame(language: str, kind: str, index: int = 0) -> str:
    """The frame of `kind` in the scenario's language (English when it has none)."""
    frames = FRAMES.get(language, FRAMES["en"])[kind]
    return frames[index % len(frames)]


def is_content(word: str) -> bool:
    """A content word as docs/simulation.md counts one: four letters or more, or a digit."""
    low = word.lower().strip("'’-")
    if any(ch.isdigit() for ch in low):
        return True
    return len(low) >= 4 and low not in STOP


def content_words(text: str) -> list[str]:
    """The content words of `text`, lower case, in order."""
    return [w.lower().strip("'’-") for w in _WORD.findall(text) if is_content(w)]


def own_words(text: str) -> list[str]:
    """Content words without an elision ("you're", "don't", "l'écran" go): what can be lent
    to another sentence as a word of its own."""
    return [w for w in content_words(text) if "'" not in w and "’" not in w]


def plain(text: str) -> str:
    """A step or sentence without the marks that show its pieces: commas, brackets, dashes,
    colons, quotes and markdown go (docs/assessment.md, 2.20: a clause is cut there)."""
    text = re.sub(r"\s+", " ", _CUTS.sub(" ", text.replace(">", " ")))
    return text.strip().rstrip(".!?").strip()


def turn_persons(text: str, language: str) -> str:
    """The customer's "my printer" as the operator's "your printer"."""
    table = PERSONS.get(language, {})
    return " ".join(table.get(w.lower(), w) for w in text.split())


def weave(text: str, others: Sequence[str], start: int = 0, every: int = 2) -> str:
    """`text` with one word of `others` put after every `every` of its content words.

    Half the clause stays `text`'s, a third or more is the other's: with the marks gone
    no piece is cut out, and no run of `text` or of `others` keeps its order for long.
    """
    if not others:
        return plain(text)
    out: list[str] = []
    seen = 0
    picked = start
    for word in plain(text).split():
        out.append(word)
        if is_content(word):
            seen += 1
            if seen % every == 0:
                out.append(others[picked % len(others)])
                picked += 1
    return " ".join(out)


def says_it_works(text: str, language: str) -> bool:
    """Whether the customer's reply says the fix works (no negation in it)."""
    low = text.lower().replace("’", "'")
    if not any(w in low for w in WORKS.get(language, WORKS["en"])):
        return False
    words = set(_WORD.findall(low))
    return "n't" not in low and not any(
        (w in words) if " " not in w else (w in low) for w in NOT_WORKS.get(language, ())
    )
