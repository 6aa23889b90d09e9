"""`usher`'s words: its frames in three languages and the two ways it turns text about.

Pure functions on strings, no scenario: what the cheater says (frames), how it finds the
content words of a text (a stop list of its own, not the language layer's), how it turns an
article's imperative step into a description with the verb after its object ("Restart the
router" -> "the router needs restarting"), and how it swaps a clause's halves at a
preposition or conjunction with no punctuation between them (the published limit of 2.20:
"a clause whose parts are swapped with no comma, bracket or dash between them ... is read in
its order").
"""

from __future__ import annotations

import re

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def _set(text: str) -> frozenset[str]:
    """A word list written as one string, as a set."""
    return frozenset(text.split())


STOP: dict[str, frozenset[str]] = {
    "en": _set(
        "the a an and or but if then so to of in on at for with by from my your our their it "
        "its this that these those is are was were be been am have has had do does did not no "
        "i me we you he she they them his her can cannot can't could would should will just "
        "also there here what when which who how why all any some more very still again now "
        "hi hello thanks thank please yes okay ok about after before into out up down over "
        "i'm it's don't doesn't won't didn't isn't i've that's can't i'll you're there's "
        "morning afternoon evening quick really time need needs just something anything "
        "want got get going everything nothing minutes today"
    ),
    "nl": _set(
        "de het een en of maar als dan dus om te van in op aan voor met door uit bij naar "
        "mijn uw onze hun het dit dat deze die is zijn was waren ben heb hebt heeft had "
        "kan kunt kunnen wil wilt niet geen ik me mij wij we u je jij hij zij ze er hier "
        "wat wanneer welke wie hoe waarom alle ook nog weer nu al goedemorgen dag hallo "
        "dank bedankt alstublieft ja oké ok over na voor tot zo moet moeten echt tijd "
        "helemaal staan staat daar iets doen gaat gaan even heel want toch wel hebben "
        "worden wordt gewoon eens keer alles niks niets meer veel vandaag zit"
    ),
    "fr": _set(
        "le la les un une des et ou mais si alors donc à au aux de du en dans sur pour "
        "avec par mon ma mes votre vos notre nos leur leurs ce cet cette ces est sont "
        "était être ai as a avons avez ont ne pas plus je j me m moi nous vous il elle "
        "ils elles on y qui que quoi quand comment pourquoi tout tous aussi encore "
        "toujours déjà bonjour merci oui non d l qu n s c fait faire peux peut dois doit "
        "rien bien très comme chose quelque avoir aujourd hui vraiment"
    ),
}

CUTS: dict[str, frozenset[str]] = {
    "en": _set(
        "in on at for with by from to into after before until when while since because "
        "and or but so then via through under over"
    ),
    "nl": _set(
        "in op aan voor met door uit bij naar na tot tijdens sinds omdat en of maar dan "
        "via onder boven zodat wanneer"
    ),
    "fr": _set(
        "dans sur pour avec par depuis avant après pendant jusqu quand lorsque parce et "
        "ou mais puis via sous entre chez vers"
    ),
}

OBJECTS: dict[str, frozenset[str]] = {
    "en": _set("the a an your his her their this that these those it them all any each"),
    "nl": _set("de het een uw zijn haar hun dit dat deze die alle elk elke"),
    "fr": _set("le la les l un une des votre vos son sa ses leur leurs ce cet cette ces"),
}
"""Words that follow an imperative verb (its object's determiner): a step whose second word
is one of them starts with its verb."""

PERSONS: dict[str, dict[str, str]] = {
    "en": {
        "i": "you",
        "i'm": "you're",
        "me": "you",
        "my": "your",
        "mine": "yours",
        "myself": "yourself",
        "am": "are",
        "was": "were",
        "i've": "you've",
        "i'd": "you'd",
    },
    "nl": {
        "ik": "u",
        "mijn": "uw",
        "me": "u",
        "mij": "u",
        "heb": "hebt",
        "kan": "kunt",
        "ben": "bent",
        "wil": "wilt",
        "zie": "ziet",
        "krijg": "krijgt",
        "mezelf": "uzelf",
    },
    "fr": {
        "je": "vous",
        "j'": "vous ",
        "mon": "votre",
        "ma": "votre",
        "mes": "vos",
        "me": "vous",
        "moi": "vous",
        "m'": "vous ",
        "suis": "êtes",
        "ai": "avez",
    },
}

FRAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "greet": (
            "Good day {first}, this is the service desk. Before we go on: your full name and "
            "department, please?",
            "Hello {first}, you're through to the service desk. Could you give me your full "
            "name and your department first?",
        ),
        "ask": (
            "Thanks {first}. One thing to pin down: does this match what you see: {item}?",
            "Right {first}. Tell me whether this is the case for you: {item}?",
            "Okay {first}. Is this also happening on your side: {item}?",
            "Got it {first}. Do you recognise this: {item}?",
        ),
        "restate": ("So {first}, {parts}, is that right?",),
        "fix": (
            "Here is the way through, {first}. {steps}. Does it work now?",
            "This is where it goes from here, {first}. {steps}. Does it work now?",
        ),
        "closing": ("Is there anything else I can do for you?",),
        "transfer": (
            "I have handed case {ticket} to {group}; you will hear from me within {minutes} "
            "minutes.",
        ),
        "hold": (
            "Thank you {first}, I have noted it on {ticket}; you will hear from me within "
            "{minutes} minutes.",
        ),
        "relay": ("{group} got back to me on {ticket}: {text}",),
        "mail": (
            "Dear {first}, thank you for your message. {steps}. Let me know if it works. "
            "Kind regards, the service desk",
        ),
        "solution": ("For {first}: {steps}. Article {article}. {outcome}",),
        "worked": ("Confirmed working by the customer.",),
        "unknown": ("Customer informed.",),
        "reason": ("Steps of {article} described, still failing for {first}: {parts}",),
    },
    "nl": {
        "greet": (
            "Goeiedag {first}, u spreekt met de servicedesk. Eerst even: uw volledige naam en "
            "uw dienst, alstublieft?",
            "Dag {first}, u bent bij de servicedesk. Mag ik eerst uw volledige naam en uw dienst?",
        ),
        "ask": (
            "Dank u {first}. Eén ding om vast te leggen: klopt dit met wat u ziet: {item}?",
            "Goed {first}. Zeg me of dit bij u zo is: {item}?",
            "Oké {first}. Gebeurt dit ook bij u: {item}?",
            "Begrepen {first}. Herkent u dit: {item}?",
        ),
        "restate": ("Dus {first}, {parts}, klopt dat?",),
        "fix": (
            "Zo gaan we verder, {first}. {steps}. Werkt het nu?",
            "Dit is de weg vanaf hier, {first}. {steps}. Werkt het nu?",
        ),
        "closing": ("Kan ik nog iets anders voor u doen?",),
        "transfer": (
            "Ik heb dossier {ticket} doorgegeven aan {group}; u hoort van mij binnen "
            "{minutes} minuten.",
        ),
        "hold": (
            "Dank u {first}, ik heb het genoteerd bij {ticket}; u hoort van mij binnen "
            "{minutes} minuten.",
        ),
        "relay": ("{group} heeft mij geantwoord over {ticket}: {text}",),
        "mail": (
            "Beste {first}, dank voor uw bericht. {steps}. Laat u mij weten of het werkt? "
            "Met vriendelijke groeten, de servicedesk",
        ),
        "solution": ("Voor {first}: {steps}. Artikel {article}. {outcome}",),
        "worked": ("Door de klant bevestigd dat het werkt.",),
        "unknown": ("Klant geïnformeerd.",),
        "reason": ("Stappen van {article} beschreven, lukt nog niet voor {first}: {parts}",),
    },
    "fr": {
        "greet": (
            "Bonjour {first}, ici le service desk. Avant tout : votre nom complet et votre "
            "service, s'il vous plaît ?",
            "Bonjour {first}, vous êtes au service desk. Puis-je d'abord avoir votre nom "
            "complet et votre service ?",
        ),
        "ask": (
            "Merci {first}. Un point à préciser : est-ce que cela correspond à ce que vous "
            "voyez : {item} ?",
            "Bien {first}. Dites-moi si c'est le cas chez vous : {item} ?",
            "D'accord {first}. Est-ce que cela arrive aussi chez vous : {item} ?",
            "Compris {first}. Reconnaissez-vous ceci : {item} ?",
        ),
        "restate": ("Donc {first}, {parts}, c'est bien ça ?",),
        "fix": (
            "Voici la marche à suivre, {first}. {steps}. Est-ce que ça fonctionne maintenant ?",
            "Voilà comment on continue, {first}. {steps}. Est-ce que ça fonctionne maintenant ?",
        ),
        "closing": ("Puis-je faire autre chose pour vous ?",),
        "transfer": (
            "J'ai transmis le dossier {ticket} à {group} ; vous aurez de mes nouvelles d'ici "
            "{minutes} minutes.",
        ),
        "hold": (
            "Merci {first}, c'est noté dans {ticket} ; vous aurez de mes nouvelles d'ici "
            "{minutes} minutes.",
        ),
        "relay": ("{group} m'a répondu pour {ticket} : {text}",),
        "mail": (
            "Bonjour {first}, merci pour votre message. {steps}. Dites-moi si cela "
            "fonctionne. Cordialement, le service desk",
        ),
        "solution": ("Pour {first} : {steps}. Article {article}. {outcome}",),
        "worked": ("Le client confirme que cela fonctionne.",),
        "unknown": ("Client informé.",),
        "reason": ("Étapes de {article} décrites, toujours en panne pour {first} : {parts}",),
    },
}

WORKS: dict[str, tuple[str, ...]] = {
    "en": ("works", "working", "worked", "fixed", "did it", "sorted", "back in", "solved"),
    "nl": ("werkt", "gelukt", "opgelost", "dat was het", "terug", "lukt"),
    "fr": ("fonctionne", "marche", "réglé", "résolu", "c'est bon", "ça va"),
}
NOT: dict[str, tuple[str, ...]] = {
    "en": ("not", "n't", "still", "no ", "nothing", "half"),
    "nl": ("niet", "nog steeds", "geen", "nee", "half"),
    "fr": ("pas", "toujours", "non", "rien", "moitié"),
}

SECTIONS = {
    "symptoms": ("symptom", "symptôme", "symptome", "kenmerk", "signes", "wat ziet"),
    "steps": (
        "resolution",
        "résolution",
        "oplossing",
        "werkwijze",
        "procédure",
        "solution",
        "steps",
        "stappen",
        "étapes",
        "aanpak",
        "démarche",
    ),
    "escalate": ("escalat", "escalad", "doorsturen", "doorverwijzen", "transf"),
}


def frame(language: str, kind: str, index: int = 0) -> str:
    """The `index`-th frame of a kind in the scenario's language (English if it has none)."""
    frames = FRAMES.get(language, FRAMES["en"])[kind]
    return frames[index % len(frames)]


def content_words(text: str, language: str) -> list[str]:
    """The words of four letters or more that are not on the stop list, lower case, in order."""
    stop = STOP.get(language, STOP["en"])
    words = (w.lower() for w in WORD.findall(text))
    return [w for w in words if len(w) >= 4 and w not in stop and not w.isdigit()]


def clean(markdown: str) -> str:
    """An article line as plain words: emphasis, links and code marks taken off."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"[*_`]+", "", text)
    text = re.sub(r"\([^)]*\)", "", text)
    return " ".join(text.split()).lstrip("> ")


def turn_persons(text: str, language: str) -> str:
    """The customer's first person turned into the second ("my printer" -> "your printer")."""
    table = PERSONS.get(language, PERSONS["en"])

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        return table.get(word.lower(), word)

    return WORD.sub(swap, text)


def _plain_words(text: str) -> list[str]:
    """The words of a clause with its punctuation dropped (no comma, bracket or dash left)."""
    text = re.sub(r"[,;:()\[\]\"“”«»—–]+|\s-\s", " ", text)
    return [w.strip(".!?") for w in text.split() if w.strip(".!?")]


def _lower_first(words: list[str], language: str) -> list[str]:
    """The first word lowered when it is a common word (a name keeps its capital)."""
    if words and words[0].lower() in STOP.get(language, STOP["en"]) | CUTS[language]:
        return [words[0].lower(), *words[1:]]
    return words


def swap_halves(text: str, language: str) -> str:
    """The clause's two halves swapped at the cut word nearest its middle, no punctuation
    between them ("the printer shows offline since Monday" -> "since Monday the printer
    shows offline"); a clause of fewer than four words stays as it is."""
    words = _lower_first(_plain_words(text), language)
    if len(words) < 4:
        return " ".join(words)
    cuts = CUTS.get(language, CUTS["en"])
    middle = len(words) / 2
    places = [i for i in range(1, len(words) - 1) if words[i].lower() in cuts]
    cut = min(places, key=lambda i: (abs(i - middle), i)) if places else len(words) // 2
    return " ".join(words[cut:] + words[:cut])


def _gerund(verb: str) -> str:
    """An English verb's -ing form, roughly ("restart" -> "restarting", "remove" -> "removing")."""
    verb = verb.lower()
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith("ee") and len(verb) > 2:
        return verb[:-1] + "ing"
    if re.fullmatch(r"[^aeiou][aeiou][^aeiouwxy]", verb):
        return verb + verb[-1] + "ing"
    return verb + "ing"


def _french_infinitive(verb: str) -> str | None:
    """A French imperative's infinitive where the ending says it ("Redémarrez" -> "redémarrer")."""
    verb = verb.lower()
    if verb.endswith("issez"):
        return verb[:-5] + "ir"
    if verb.endswith("ez") and len(verb) > 3:
        return verb[:-2] + "er"
    return None


def describe(step: str, language: str) -> str:
    """An article's imperative step told as a description, its verb after its object
    ("Restart the router" -> "the router needs restarting", "Herstart de router" -> "de
    bedoeling is dat u de router herstart", "Redémarrez le routeur" -> "le routeur est à
    redémarrer"); an object of six words or more also has its halves swapped."""
    words = _plain_words(clean(step))
    if len(words) < 2:
        return " ".join(words)
    if words[1].lower() not in OBJECTS.get(language, OBJECTS["en"]):
        return swap_halves(" ".join(words), language)
    verb, rest = words[0], words[1:]
    body = swap_halves(" ".join(rest), language) if len(rest) >= 6 else " ".join(rest)
    body = " ".join(_lower_first(body.split(), language))
    if language == "nl":
        ending = "" if verb.lower().endswith(("t", "d", "en")) else "t"
        return f"de bedoeling is dat u {body} {verb.lower()}{ending}"
    if language == "fr":
        infinitive = _french_infinitive(verb)
        if infinitive:
            return f"{body} est à {infinitive}"
        return f"{body} et là vous {verb.lower()}"
    return f"{body} needs {_gerund(verb)}"


def says_it_works(text: str, language: str) -> bool:
    """Whether a reply reads as "it works" to the usher: a word of success, no negation."""
    low = f" {text.lower()} "
    if any(n in low for n in NOT.get(language, NOT["en"])):
        return False
    return any(w in low for w in WORKS.get(language, WORKS["en"]))
