"""`tailor`: a sixth cheater, written blind from the published documents only (branch evid27).

It never reads the answer key, a hidden fact, a dialogue rule, the glossary, the canned
replies or the procedures, and never tries to understand a customer's problem. It reads only
what the candidate's screen shows: the customers' names and departments, their words (as
strings), the conversations' subjects, the tickets with their queue priority, the SLA
profile's levels and update interval, the knowledge base (search and articles), the
categories and the groups. A tailor takes a garment made for everyone and pins it to one
customer: its strategy, unlike savvy's battery, lawyer's frames, forger's canned replies and
stalling, mimic's filler-spun articles and second-person echoes and ghost's script dumps and
chunked lists, reads the published limits of the rules (docs/assessment.md, 2.15: "one step
quoted stays the operator's"; "a cheater who quotes one step per message, or restates one
clause of the customer's at a time, is not told from a competent operator"):

- **the title restated as the opening**: the first message greets by first name, restates the
  conversation's subject (else the start of the customer's first sentence, persons turned) as
  what the contact is about, and asks the **identification as a fixed form** (full name,
  department, phone number), with the name and the subject in it so no two customers get the
  same text;
- **the article's tags as the question**: the top KB hit for the customer's most frequent
  words is opened and linked first, and the one clarifying question asks which of two of its
  tags (words the customer did not use) the problem is about, the pair rotated among the
  customers sent to the same article, so no frame goes to two customers;
- **one clause restated**: the customer's clause with most content words, persons turned,
  cut at five words, behind the ticket's title, "have I got that right?";
- **the article drip-fed, one step a message**: each step of its first numbered list (else
  its bullets, else its sentences; symptoms and escalation sections left out) in a frame of
  its own (eight a language, none used twice in a row), the article's determiners turned into
  the customer's ("the router" -> "your router", "de kabel" -> "uw kabel", "l'écran" -> "votre
  écran") and the customer's first name put in wherever seven of the article's words would
  still follow each other; **a check after every step** ("Does it work now?"); the next step
  only when the customer's reply does not say it works; at most four steps;
- **escalation when the steps run out**: a group the article names gets the ticket (with a
  category) and a note listing the identification form's fields; the second line quoted to
  the customer word for word and noted; a bounce goes to the next group the article names;
- **status updates on a timer**: every ticket that waits on a group gets "status update on
  T-..., {group} has it, next update within N minutes" inside the SLA's update interval,
  whatever happened; a follow-up or news request gets a hold by name;
- **written tickets by the same drip**: taken by queue priority, the top article opened and
  linked, each step a public reply three minutes apart (the first with the restated title),
  a named group gets it after the first step, else resolved and closed after the second;
- **closing with the step that "worked"**: the closing question, then a resolution naming the
  article and the last step given (tailored), resolved and closed; fields: the category whose
  name shares most words with the article's title and tags and the customer's words, impact
  and urgency the middle of the SLA's levels, a queue ticket's given fields kept.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.state import Conversation, ExamState, Ticket, TicketStatus
from helpdesk_tui.kb.search import KbIndex, fold
from helpdesk_tui.scenario.model import KbArticle, Scenario
from helpdesk_tui.simulate.policy import Action, Policy

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
MAX_STEPS = 4
"""Steps drip-fed to one contact before it is escalated or closed."""
REPLY_WAIT_S = 75.0
"""How long a stage waits for the customer's reply before it goes on without one."""
WRITTEN_STEP_GAP_S = 180.0
"""The gap between two public replies on a written ticket."""
RUN_LIMIT = 7
"""The longest run of an article's words a tailored step keeps (the rules read eight)."""
CUSTOMER_RUN_LIMIT = 5
"""The longest run of the customer's words a restatement keeps (the rules read six)."""


def _wordset(text: str) -> frozenset[str]:
    """A stop list written as one string."""
    return frozenset(text.split())


_STOP = {
    "en": _wordset(
        "this that with have from what when your there their they them then than about "
        "been were will would could should into just also very some more only does doesn "
        "don't didn't can't won't it's i'm i've hello thanks thank please morning hi"
    ),
    "nl": _wordset(
        "deze dat die dit met heeft hebben van wat wanneer uw jullie zijn waren zal zou "
        "kunnen moeten naar maar ook heel zeer nog niet geen meer alleen doet hallo "
        "dag goedemorgen bedankt alstublieft graag want omdat heb ik mijn"
    ),
    "fr": _wordset(
        "cette avec avoir depuis quoi quand votre vous nous sont était sera serait pouvez "
        "peut être dans pour mais aussi très encore plus seulement fait bonjour merci "
        "bien alors comme parce suis j'ai c'est mon"
    ),
}

_PERSONS = {
    "en": {
        "i": "you",
        "my": "your",
        "me": "you",
        "mine": "yours",
        "i'm": "you're",
        "i've": "you've",
        "i'd": "you'd",
        "am": "are",
        "we": "you",
        "our": "your",
        "us": "you",
    },
    "nl": {
        "ik": "u",
        "mijn": "uw",
        "m'n": "uw",
        "me": "u",
        "mij": "u",
        "heb": "hebt",
        "ben": "bent",
        "we": "jullie",
        "wij": "jullie",
        "ons": "jullie",
        "onze": "jullie",
    },
    "fr": {
        "je": "vous",
        "j'ai": "vous avez",
        "j'arrive": "vous arrivez",
        "suis": "êtes",
        "mon": "votre",
        "ma": "votre",
        "mes": "vos",
        "me": "vous",
        "moi": "vous",
        "ai": "avez",
        "nous": "vous",
        "notre": "votre",
        "nos": "vos",
    },
}

_DETERMINERS = {
    "en": {"the": "your"},
    "nl": {"de": "uw", "het": "uw"},
    "fr": {"le": "votre", "la": "votre", "les": "vos"},
}
"""The article's determiners turned into the customer's: the step pinned to their case."""

_SKIP_HEADINGS = {
    "en": ("symptom", "escalat", "cause", "background", "when to", "signs", "who"),
    "nl": ("symptom", "escal", "oorzaak", "achtergrond", "doorzet", "wanneer", "herken"),
    "fr": ("symptôme", "symptome", "escalad", "cause", "contexte", "transf", "quand"),
}

_WORKS = {
    "en": ("works", "working", "worked", "fixed", "solved", "sorted", "back in", "that did"),
    "nl": ("werkt", "gelukt", "opgelost", "lukt", "in orde", "terug"),
    "fr": ("marche", "fonctionne", "résolu", "resolu", "réglé", "ça va", "c'est bon"),
}
_NOT = {
    "en": ("not", "n't", "still", "no "),
    "nl": ("niet", "nog steeds", "geen", "nee"),
    "fr": ("pas", "toujours", "non", "plus"),
}
_BOUNCE = ("not for our", "niet voor ons", "niet voor onze", "pas pour nous", "pas pour notre")


@dataclass(frozen=True, slots=True)
class Words:
    """Everything tailor says in one language: frames with slots, rotated per customer."""

    agent: str
    intro: str
    greet: tuple[str, ...]
    about: str
    form: tuple[str, ...]
    tags_question: tuple[str, ...]
    restate: tuple[str, ...]
    step_frames: tuple[str, ...]
    checks: tuple[str, ...]
    closing: tuple[str, ...]
    hold: tuple[str, ...]
    transferred: str
    relay: str
    status: str
    note_relay: str
    note_form: str
    written_first: str
    written_next: str
    resolution: str
    unknown: str


WORDS: dict[str, Words] = {
    "en": Words(
        agent="Chris",
        intro="{agent} here",
        greet=("Hello {first}", "Hi {first}", "Good morning {first}", "Hello there {first}"),
        about="you're in touch about {subject}",
        form=(
            "For your ticket on {subject}, {first}: your full name, your department and a phone "
            "number, please?",
            "{first}, so I can log {subject}: full name, department and phone number?",
            "Before I log {subject}, {first}: may I have your full name, department and phone "
            "number?",
        ),
        tags_question=(
            "Thanks, {first}. To narrow it down: is it more about the {a} or about the {b}?",
            "{first}, one question first: does this have to do with the {a}, or rather the {b}?",
            "So I look in the right place, {first}: is the {a} involved here, or the {b}?",
            "{first}, tell me: is it the {a} that plays up, or the {b}?",
            "Just to be sure, {first}: are we talking about the {a} or the {b}?",
            "{first}, which one is it on your side: the {a} or the {b}?",
        ),
        restate=(
            "{first}, for the ticket '{title}': {clause}. Have I got that right?",
            "So on '{title}', {first}: {clause}. Is that right?",
            "Let me note it for '{title}': {clause}, {first}. Correct?",
        ),
        step_frames=(
            "First thing to try on your side, {first}: {step}.",
            "Next one, {first}: {step}.",
            "Let's try this, {first}: {step}.",
            "Here is what I'd do now: {step}.",
            "Another thing that often helps, {first}: {step}.",
            "OK {first}, then: {step}.",
            "One more from my side: {step}.",
            "Then please, {first}: {step}.",
        ),
        checks=("Does it work now?", "Is it working now?", "Any better now?", "Does that fix it?"),
        closing=(
            "Is there anything else I can do for you, {first}?",
            "Anything else I can help you with, {first}?",
            "{first}, can I help you with anything else?",
        ),
        hold=(
            "{first}, one moment please, I'm on your ticket.",
            "Bear with me a moment, {first}, I'm looking into it.",
            "Just a moment, {first}, I'm checking this for you.",
            "{first}, please hold on a second, I'm on it.",
        ),
        transferred="{first}, I've passed ticket {ticket} to the {group}; you'll hear from me "
        "within {minutes} minutes.",
        relay='{first}, the {group} came back on ticket {ticket}: "{text}"',
        status="Status update on {ticket}, {first}: the {group} has it; next update within "
        "{minutes} minutes.",
        note_relay="{group}: {text}",
        note_form="Transfer of {ticket}. Name: {name}. Department: {department}. Phone: {phone}. "
        "Subject: {subject}. Tried: steps 1-{steps} of {article}.",
        written_first="Hello {first}, about your ticket '{title}': {step}. Let me know if it "
        "works now.",
        written_next="Status update on {ticket}, {first}: next thing to try: {step}. Does it "
        "work now?",
        resolution="{ticket} for {first}: {step} ({article}).",
        unknown="-",
    ),
    "nl": Words(
        agent="Jo",
        intro="u spreekt met {agent}",
        greet=("Dag {first}", "Goeiemorgen {first}", "Hallo {first}", "Goedendag {first}"),
        about="u contacteert ons over {subject}",
        form=(
            "Voor uw ticket over {subject}, {first}: uw volledige naam, uw dienst en een "
            "telefoonnummer, alstublieft?",
            "{first}, zodat ik {subject} kan registreren: volledige naam, dienst en "
            "telefoonnummer?",
            "Voor ik {subject} registreer, {first}: mag ik uw volledige naam, dienst en "
            "telefoonnummer?",
        ),
        tags_question=(
            "Bedankt, {first}. Om het af te bakenen: gaat het eerder over {a} of over {b}?",
            "{first}, eerst een vraag: heeft dit te maken met {a}, of eerder met {b}?",
            "Zodat ik op de juiste plek zoek, {first}: speelt {a} hier mee, of {b}?",
            "{first}, zeg eens: is het {a} dat moeilijk doet, of {b}?",
            "Even zeker zijn, {first}: hebben we het over {a} of over {b}?",
            "{first}, welk van de twee is het bij u: {a} of {b}?",
        ),
        restate=(
            "{first}, voor het ticket '{title}': {clause}. Heb ik dat goed?",
            "Dus over '{title}', {first}: {clause}. Klopt dat?",
            "Ik noteer het voor '{title}': {clause}, {first}. Juist?",
        ),
        step_frames=(
            "Probeer eerst dit, {first}: {step}.",
            "Volgende stap, {first}: {step}.",
            "Laten we dit proberen, {first}: {step}.",
            "Dit zou ik nu doen: {step}.",
            "Wat ook vaak helpt, {first}: {step}.",
            "Oké {first}, dan: {step}.",
            "Nog een van mijn kant: {step}.",
            "Dan graag, {first}: {step}.",
        ),
        checks=("Werkt het nu?", "Lukt het nu?", "Gaat het nu beter?", "Is het daarmee opgelost?"),
        closing=(
            "Kan ik nog iets anders voor u doen, {first}?",
            "Is er nog iets waarmee ik u kan helpen, {first}?",
            "{first}, kan ik u nog met iets anders helpen?",
        ),
        hold=(
            "{first}, een ogenblikje, ik ben met uw ticket bezig.",
            "Even geduld, {first}, ik kijk het na.",
            "Eén moment, {first}, ik zoek het voor u uit.",
            "{first}, blijft u even aan de lijn, ik ben ermee bezig.",
        ),
        transferred="{first}, ik heb ticket {ticket} doorgegeven aan {group}; u hoort van mij "
        "binnen {minutes} minuten.",
        relay='{first}, {group} antwoordde op ticket {ticket}: "{text}"',
        status="Stand van zaken voor {ticket}, {first}: {group} is ermee bezig; volgende update "
        "binnen {minutes} minuten.",
        note_relay="{group}: {text}",
        note_form="Doorgezet: {ticket}. Naam: {name}. Dienst: {department}. Telefoon: {phone}. "
        "Onderwerp: {subject}. Geprobeerd: stappen 1-{steps} van {article}.",
        written_first="Dag {first}, over uw ticket '{title}': {step}. Laat u weten of het nu "
        "werkt?",
        written_next="Stand van zaken voor {ticket}, {first}: probeer nu dit: {step}. Werkt het "
        "nu?",
        resolution="{ticket} voor {first}: {step} ({article}).",
        unknown="-",
    ),
    "fr": Words(
        agent="Camille",
        intro="{agent} à l'appareil",
        greet=(
            "Bonjour {first}",
            "Bonjour à vous, {first}",
            "Bonjour {first}, bienvenue",
            "Bien le bonjour, {first}",
        ),
        about="vous nous contactez pour {subject}",
        form=(
            "Pour votre ticket sur {subject}, {first} : vos nom et prénom, votre service et un "
            "numéro de téléphone, s'il vous plaît ?",
            "{first}, pour enregistrer {subject} : nom complet, service et numéro de téléphone ?",
            "Avant d'enregistrer {subject}, {first} : puis-je avoir vos nom et prénom, votre "
            "service et un numéro de téléphone ?",
        ),
        tags_question=(
            "Merci, {first}. Pour cerner le problème : est-ce plutôt lié à {a} ou à {b} ?",
            "{first}, d'abord une question : cela concerne-t-il {a}, ou plutôt {b} ?",
            "Pour chercher au bon endroit, {first} : est-ce {a} qui est en cause, ou {b} ?",
            "{first}, dites-moi : est-ce {a} qui fait des siennes, ou {b} ?",
            "Juste pour être sûr, {first} : parle-t-on de {a} ou de {b} ?",
            "{first}, lequel des deux est-ce chez vous : {a} ou {b} ?",
        ),
        restate=(
            "{first}, pour le ticket « {title} » : {clause}. Ai-je bien compris ?",
            "Donc pour « {title} », {first} : {clause}. C'est bien ça ?",
            "Je note pour « {title} » : {clause}, {first}. C'est exact ?",
        ),
        step_frames=(
            "Première chose à essayer de votre côté, {first} : {step}.",
            "Étape suivante, {first} : {step}.",
            "Essayons ceci, {first} : {step}.",
            "Voici ce que je ferais maintenant : {step}.",
            "Autre chose qui aide souvent, {first} : {step}.",
            "D'accord {first}, alors : {step}.",
            "Encore une de mon côté : {step}.",
            "Ensuite, s'il vous plaît, {first} : {step}.",
        ),
        checks=(
            "Est-ce que ça marche maintenant ?",
            "Ça fonctionne maintenant ?",
            "Ça va mieux ?",
            "Est-ce réglé ainsi ?",
        ),
        closing=(
            "Puis-je faire autre chose pour vous, {first} ?",
            "Y a-t-il autre chose pour laquelle je peux vous aider, {first} ?",
            "{first}, puis-je vous aider pour autre chose ?",
        ),
        hold=(
            "{first}, un instant s'il vous plaît, je m'occupe de votre ticket.",
            "Un moment, {first}, je regarde cela.",
            "Ne quittez pas, {first}, je vérifie pour vous.",
            "{first}, patientez un instant, je suis dessus.",
        ),
        transferred="{first}, j'ai transmis le ticket {ticket} à {group} ; vous aurez de mes "
        "nouvelles dans {minutes} minutes.",
        relay="{first}, {group} a répondu sur le ticket {ticket} : « {text} »",
        status="Point sur {ticket}, {first} : {group} s'en occupe ; prochaine mise à jour dans "
        "{minutes} minutes.",
        note_relay="{group} : {text}",
        note_form="Transfert de {ticket}. Nom : {name}. Service : {department}. Téléphone : "
        "{phone}. Objet : {subject}. Essayé : étapes 1-{steps} de {article}.",
        written_first="Bonjour {first}, concernant votre ticket « {title} » : {step}. Dites-moi "
        "si cela fonctionne maintenant.",
        written_next="Point sur {ticket}, {first} : essayez maintenant ceci : {step}. Ça "
        "fonctionne maintenant ?",
        resolution="{ticket} pour {first} : {step} ({article}).",
        unknown="-",
    ),
}


def words_of(text: str) -> list[str]:
    """The words of a text as the screen shows them (apostrophes kept inside a word)."""
    return _WORD.findall(text)


def content_words(text: str, language: str) -> list[str]:
    """Words of four letters or more that are not in tailor's small stop list, folded."""
    stop = _STOP.get(language, frozenset())
    return [fold(w) for w in words_of(text) if len(w) >= 4 and fold(w) not in stop]


def turn_persons(text: str, language: str) -> str:
    """The customer's words in the second person, word by word (no grammar)."""
    table = _PERSONS.get(language, {})
    out = [table.get(w.lower(), w) for w in text.split()]
    return " ".join(out)


def article_steps(article: KbArticle, language: str) -> list[str]:
    """The steps of an article: its first numbered list, else its bullets, else its sentences.

    Sections whose heading names symptoms, causes or escalation are left out: a tailor
    gives what to do, not what it looks like or who else does it.
    """
    sections = _sections(article.body)
    skip = _SKIP_HEADINGS.get(language, ())
    usable = [(h, lines) for h, lines in sections if not any(s in h.lower() for s in skip)]
    for pattern in (r"^\s*\d+[.)]\s+", r"^\s*[-*+]\s+"):
        for _, lines in usable:
            items = _list_items(lines, pattern)
            if items:
                return items
    text = " ".join(" ".join(lines) for _, lines in usable)
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", _plain(text)) if s.strip()]
    return [s.rstrip(".!") for s in sentences if len(words_of(s)) >= 3][:MAX_STEPS]


def _sections(body: str) -> list[tuple[str, list[str]]]:
    """The body as (heading, lines) pairs; text before any heading has heading ""."""
    sections: list[tuple[str, list[str]]] = [("", [])]
    for line in body.splitlines():
        if line.lstrip().startswith("#"):
            sections.append((line.strip("# ").strip(), []))
        else:
            sections[-1][1].append(line)
    return sections


def _list_items(lines: list[str], pattern: str) -> list[str]:
    """The items of the first list of this kind, continuation lines joined, marks removed."""
    items: list[str] = []
    started = False
    for line in lines:
        if re.match(pattern, line):
            items.append(re.sub(pattern, "", line))
            started = True
        elif started and line.strip() and line.startswith((" ", "\t")):
            items[-1] += " " + line.strip()
        elif started and not line.strip():
            continue
        elif started:
            break
    return [_plain(i).rstrip(".!;") for i in items if words_of(i)]


def _plain(text: str) -> str:
    """Markdown marks out: links to their text, emphasis and code marks dropped."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|`|~~)", "", text)
    return re.sub(r"\s+", " ", text).strip()


def tailor_step(step: str, language: str, first: str, article_body: str) -> str:
    """One article step pinned to the customer: determiners turned, runs broken by the name."""
    table = _DETERMINERS.get(language, {})
    out: list[str] = []
    for token in step.split():
        low = token.lower()
        if low in table:
            out.append(_same_case(token, table[low]))
        elif language == "fr" and low.startswith(("l'", "l’")) and len(token) > 2:
            out.append(_same_case(token, "votre ") + token[2:])
        else:
            out.append(token)
    return _break_runs(" ".join(out), article_body, first)


def _same_case(original: str, word: str) -> str:
    return word[:1].upper() + word[1:] if original[:1].isupper() else word


def _break_runs(text: str, source: str, first: str) -> str:
    """Put ", {first}," inside every run of more than RUN_LIMIT words of `source`."""
    source_words = [fold(w) for w in words_of(source)]
    grams = {tuple(source_words[i : i + RUN_LIMIT]) for i in range(len(source_words))}
    tokens = text.split()
    for _ in range(len(tokens)):
        cut = _run_end(tokens, grams)
        if cut is None:
            break
        tokens[cut] = tokens[cut].rstrip(",") + f", {first},"
    return " ".join(tokens).replace(",,", ",")


def _run_end(tokens: list[str], grams: set[tuple[str, ...]]) -> int | None:
    """The token after which a run of RUN_LIMIT source words ends, or None."""
    folded = [tuple(fold(w) for w in words_of(t)) for t in tokens]
    flat: list[tuple[int, str]] = [(i, w) for i, ws in enumerate(folded) for w in ws]
    for start in range(len(flat) - RUN_LIMIT + 1):
        window = tuple(w for _, w in flat[start : start + RUN_LIMIT])
        if window in grams:
            return flat[start + RUN_LIMIT // 2][0]
    return None


def says_it_works(text: str, language: str) -> bool:
    """Whether a customer's reply says it works now (a word of success, no negation)."""
    low = f" {text.lower()} "
    if not any(w in low for w in _WORKS.get(language, ())):
        return False
    return not any(n in low for n in _NOT.get(language, ()))


def short_clause(text: str, language: str) -> str:
    """The customer's clause with most content words, persons turned, cut at five words."""
    clauses = [c.strip() for c in re.split(r"[.!?;:,]\s*", text) if c.strip()]
    if not clauses:
        return ""
    best = max(clauses, key=lambda c: (len(content_words(c, language)), -clauses.index(c)))
    if len(content_words(best, language)) < 3:
        return ""
    turned = turn_persons(best, language).split()
    return " ".join(turned[:CUSTOMER_RUN_LIMIT])


@dataclass(slots=True)
class Contact:
    """One chat or call as tailor works it: a stage, the article, the steps given."""

    conversation_id: str
    customer_id: str
    stage: str = "greet"
    since: float = 0.0
    ticket_id: str | None = None
    article: str | None = None
    steps: list[str] = field(default_factory=list)
    given: int = 0
    last_step: str = ""
    news: bool = False
    pending: list[tuple[str, dict[str, Any], float]] = field(default_factory=list)


@dataclass(slots=True)
class Written:
    """An e-mail or queue ticket as tailor works it: replies on a timer, then out."""

    ticket_id: str
    stage: str = "take"
    since: float = 0.0
    article: str | None = None
    steps: list[str] = field(default_factory=list)
    given: int = 0
    pending: list[tuple[str, dict[str, Any], float]] = field(default_factory=list)


@dataclass(slots=True)
class Waiting:
    """A ticket with a group: when tailor last told the customer, what it has relayed."""

    ticket_id: str
    group: str
    told_at: float
    relayed: int = 0
    contact: str | None = None
    article: str | None = None
    tried: list[str] = field(default_factory=list)


class TailorPolicy(Policy):
    """The sixth cheater: articles drip-fed one tailored step a message (module docstring)."""

    name = "tailor"
    description = "restates the title, asks the article's tags, drip-feeds one step a message"

    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        super().__init__(scenario, seed)
        self.language = scenario.language if scenario.language in WORDS else "en"
        self.w = WORDS[self.language]
        self.kb = KbIndex(scenario.kb)
        self.articles = {a.id: a for a in scenario.kb}
        self.busy_until = 0.0
        self.contacts: dict[str, Contact] = {}
        self.written: dict[str, Written] = {}
        self.waiting: dict[str, Waiting] = {}
        self.turn = Counter[str]()
        self.tag_pairs = Counter[str]()
        self.customer_order: dict[str, int] = {}
        self.dropped: set[tuple[str, str]] = set()
        self.next_id = "T-1001"
        """The id the next created ticket gets, read from the state at each proposal."""

    # ------------------------------------------------------------------ the loop

    def observe(self, event: Event, seq: int) -> None:
        """New conversations become contacts; a created ticket is tied to its contact."""
        d = event.data
        if event.type in ("chat_opened", "call_started"):
            contact = Contact(d["conversation_id"], d["customer_id"], since=event.exam_time)
            contact.news = bool(d.get("ticket_id")) or self._has_open_ticket(d["customer_id"])
            self.contacts[d["conversation_id"]] = contact
            self._order(d["customer_id"])
        elif event.type == "ticket_created" and d.get("conversation_id") in self.contacts:
            self.contacts[d["conversation_id"]].ticket_id = d["ticket_id"]

    def _has_open_ticket(self, customer_id: str) -> bool:
        return any(
            w.ticket_id
            for w in self.waiting.values()
            if self._customer_of(w.ticket_id) == customer_id
        )

    def _customer_of(self, ticket_id: str) -> str | None:
        for contact in self.contacts.values():
            if contact.ticket_id == ticket_id:
                return contact.customer_id
        return None

    def next_action(self, state: ExamState, now: float) -> Action | None:
        """The earliest thing to do: live contacts first, then waiting tickets, then written."""
        start = max(now, self.busy_until)
        self.next_id = state.next_ticket_id()
        plans = (
            self._started_actions,
            self._contact_actions,
            self._waiting_actions,
            self._written_actions,
        )
        for plan in plans:
            action = plan(state, start)
            if action is not None:
                return action
        wake = self._next_wake(state, start)
        if wake is None:
            return None
        return Action(wake, "focus_moved", {"area": "queue"}, label="tailor looks at the queue")

    def _next_wake(self, state: ExamState, start: float) -> float | None:
        """When a timer of tailor's runs out (a reply waited for, a written step, a status)."""
        times: list[float] = []
        for contact in self.contacts.values():
            conv = state.conversations.get(contact.conversation_id)
            if conv is None or not conv.is_live or contact.stage in ("greet", "done", "waiting"):
                continue
            if not contact.news and not _replied(conv):
                times.append((conv.last_candidate_at or contact.since) + REPLY_WAIT_S)
        for written in self.written.values():
            if written.stage == "steps":
                times.append(written.since + WRITTEN_STEP_GAP_S)
        for wait in self.waiting.values():
            ticket = state.tickets.get(wait.ticket_id)
            if ticket is not None and ticket.is_active and wait.told_at:
                times.append(wait.told_at + self._update_s(state, ticket) * 0.6)
        later = [t for t in times if start + 1e-6 < t < state.duration_s]
        return min(later) if later else None

    def done(self, action: Action, event: Event) -> None:
        """Busy while typing; the item leaves its queue only once it is logged."""
        self.busy_until = event.exam_time + action.cost
        self._settle(action)
        if isinstance(action.origin, Waiting):
            action.origin.told_at = event.exam_time

    def refused(self, action: Action, reason: str) -> None:
        """Drop what was refused: never propose it again."""
        self.note(f"tailor: {action.type} refused: {reason}")
        self.dropped.add((action.type, repr(sorted(action.data.items()))))
        self._settle(action)

    def _settle(self, action: Action) -> None:
        if isinstance(action.origin, tuple):
            queue, item = action.origin
            if item in queue:
                queue.remove(item)

    def _act(self, at: float, kind: str, data: dict[str, Any], cost: float) -> Action | None:
        if (kind, repr(sorted(data.items()))) in self.dropped:
            return None
        return Action(at=at, type=kind, data=data, cost=cost, label=f"tailor {kind}")

    def _pop(self, queue: list[tuple[str, dict[str, Any], float]], at: float) -> Action | None:
        """The queue's first item as an action; it stays queued until `done` or `refused`."""
        while queue:
            kind, data, cost = queue[0]
            if kind == "ticket_created":
                data["ticket_id"] = self.next_id
            action = self._act(at, kind, data, cost)
            if action is not None:
                return Action(at, kind, data, cost, action.label, origin=(queue, queue[0]))
            queue.pop(0)
        return None

    # ------------------------------------------------------------------ chats and calls

    def _started_actions(self, state: ExamState, start: float) -> Action | None:
        """Work already begun is finished first: a queue of steps is one sitting's work."""
        for contact in sorted(self.contacts.values(), key=lambda c: c.since):
            conv = state.conversations.get(contact.conversation_id)
            if contact.pending and conv is not None:
                action = self._contact_step(state, conv, contact, start)
                if action is not None:
                    return action
        for written in self.written.values():
            if written.pending:
                return self._pop(written.pending, start)
        return None

    def _contact_actions(self, state: ExamState, start: float) -> Action | None:
        for contact in sorted(self.contacts.values(), key=lambda c: _waited_since(state, c)):
            conv = state.conversations.get(contact.conversation_id)
            if conv is None or (contact.stage == "done" and not contact.pending):
                continue
            action = self._contact_step(state, conv, contact, start)
            if action is not None:
                return action
        return None

    def _contact_step(
        self, state: ExamState, conv: Conversation, contact: Contact, start: float
    ) -> Action | None:
        if not conv.is_live:
            contact.pending = [p for p in contact.pending if p[0] != "message_sent"]
        if contact.pending:
            return self._pop(contact.pending, self._ready(conv, contact.pending[0][0], start))
        if not conv.is_live:
            return self._after_end(state, contact, start)
        if conv.is_busy_at(start) or not any(m.author == "customer" for m in conv.messages):
            return None
        if contact.stage == "greet" and not contact.news:
            contact.news = self._is_news(state, conv, contact)
        replied = _replied(conv)
        waited = start - (conv.last_candidate_at or contact.since) >= REPLY_WAIT_S
        if contact.news or contact.stage == "waiting":
            asked = _replied(conv) and _expects_answer(conv.messages[-1].text)
            return self._hold(state, conv, contact, start) if asked else None
        if contact.stage != "greet" and not (replied or waited):
            return None
        return self._advance(state, conv, contact, start)

    def _ready(self, conv: Conversation, kind: str, start: float) -> float:
        """A message waits until the customer has finished typing or speaking."""
        return max(start, conv.busy_until) if kind == "message_sent" else start

    def _is_news(self, state: ExamState, conv: Conversation, contact: Contact) -> bool:
        """A customer who gets in touch about a ticket tailor already passed on."""
        if conv.about_ticket:
            return True
        return self._waiting_of(state, contact.customer_id) is not None

    def _waiting_of(self, state: ExamState, customer_id: str) -> Waiting | None:
        for wait in self.waiting.values():
            ticket = state.tickets.get(wait.ticket_id)
            if ticket is not None and ticket.customer_id == customer_id and ticket.is_active:
                return wait
        return None

    def _advance(
        self, state: ExamState, conv: Conversation, contact: Contact, start: float
    ) -> Action | None:
        stage = contact.stage
        if stage == "greet":
            self._queue_greeting(state, conv, contact)
        elif stage == "ask":
            self._queue_ticket_and_question(state, conv, contact)
        elif stage == "restate":
            self._queue_restatement(state, conv, contact)
        elif stage == "steps":
            self._queue_step_or_out(state, conv, contact)
        elif stage == "closing":
            self._queue_resolution(state, contact, conv)
        contact.since = start
        return self._contact_step(state, conv, contact, start) if contact.pending else None

    def _say(self, contact: Contact, conv: Conversation, text: str) -> None:
        contact.pending.append(
            ("message_sent", {"conversation_id": conv.id, "text": text}, _typing(text))
        )

    def _queue_greeting(self, state: ExamState, conv: Conversation, contact: Contact) -> None:
        first, n = self._first(state, contact.customer_id), self._nth(contact.customer_id)
        subject = self._subject(conv)
        greet = self.w.greet[n % len(self.w.greet)].format(first=first)
        about = self.w.about.format(subject=subject)
        form = self.w.form[n % len(self.w.form)].format(first=first, subject=subject)
        intro = self.w.intro.format(agent=self.w.agent)
        self._say(contact, conv, f"{greet}, {intro}. {_cap(about)}. {form}")
        contact.stage = "ask"

    def _queue_ticket_and_question(
        self, state: ExamState, conv: Conversation, contact: Contact
    ) -> None:
        said = _customer_text(conv)
        article = self._top_article(said)
        contact.article = article.id if article else None
        title = self._subject(conv)
        if contact.ticket_id is None and not conv.ticket_ids:
            contact.pending.append(self._create(state, conv, title, said, article))
        elif contact.ticket_id is None:
            contact.ticket_id = conv.ticket_ids[0]
        if article is not None:
            contact.pending.append(self._search(said, article))
            contact.pending.append(("kb_article_opened", {"article_id": article.id}, 6.0))
            contact.steps = article_steps(article, self.language)[:MAX_STEPS]
            pair = self._tags(article, said)
            if pair is not None:
                first, n = self._first(state, contact.customer_id), self._nth(contact.customer_id)
                frame = self.w.tags_question[n % len(self.w.tags_question)]
                self._say(contact, conv, frame.format(first=first, a=pair[0], b=pair[1]))
        contact.stage = "restate"

    def _queue_restatement(self, state: ExamState, conv: Conversation, contact: Contact) -> None:
        self._link_article(state, contact)
        replies = [m.text for m in conv.messages if m.author == "customer"]
        clause = next((c for c in map(self._clause, reversed(replies)) if c), "")
        if clause:
            first, n = self._first(state, contact.customer_id), self._nth(contact.customer_id)
            frame = self.w.restate[n % len(self.w.restate)]
            title = self._subject(conv)
            self._say(contact, conv, frame.format(first=first, title=title, clause=clause))
        contact.stage = "steps"

    def _clause(self, text: str) -> str:
        return short_clause(text, self.language)

    def _link_article(self, state: ExamState, contact: Contact) -> None:
        ticket = state.tickets.get(contact.ticket_id or "")
        if ticket is not None and contact.article and contact.article not in ticket.kb_articles:
            data = {"ticket_id": ticket.id, "kb_article": contact.article}
            contact.pending.append(("ticket_linked", data, 2.0))

    def _queue_step_or_out(self, state: ExamState, conv: Conversation, contact: Contact) -> None:
        last = next((m.text for m in reversed(conv.messages) if m.author == "customer"), "")
        if contact.given and says_it_works(last, self.language):
            self._queue_closing(state, conv, contact)
            return
        if contact.given < len(contact.steps):
            self._queue_step(state, conv, contact)
            return
        group = self._named_group(state, contact.article)
        ticket = state.tickets.get(contact.ticket_id or "")
        if group is not None and ticket is not None and ticket.is_active:
            self._queue_transfer(state, contact, conv, ticket, group)
            return
        self._queue_closing(state, conv, contact)

    def _queue_step(self, state: ExamState, conv: Conversation, contact: Contact) -> None:
        first, n = self._first(state, contact.customer_id), self._nth(contact.customer_id)
        body = self.articles[contact.article].body if contact.article else ""
        step = tailor_step(contact.steps[contact.given], self.language, first, body)
        frame = self.w.step_frames[(n + contact.given) % len(self.w.step_frames)]
        check = self.w.checks[(n + contact.given) % len(self.w.checks)]
        self._say(contact, conv, f"{frame.format(first=first, step=step)} {check}")
        contact.given += 1
        contact.last_step = step

    def _queue_closing(self, state: ExamState, conv: Conversation, contact: Contact) -> None:
        first, n = self._first(state, contact.customer_id), self._nth(contact.customer_id)
        self._say(contact, conv, self.w.closing[n % len(self.w.closing)].format(first=first))
        contact.stage = "closing"

    def _queue_transfer(
        self, state: ExamState, contact: Contact, conv: Conversation, ticket: Ticket, group: str
    ) -> None:
        first = self._first(state, contact.customer_id)
        contact.pending.extend(self._transfer(state, ticket, group, contact.given, contact.article))
        minutes = self._minutes(state, ticket)
        text = self.w.transferred.format(
            first=first, ticket=ticket.id, group=state.groups[group], minutes=minutes
        )
        self._say(contact, conv, text)
        self.waiting[ticket.id] = Waiting(
            ticket.id, group, 0.0, contact=conv.id, article=contact.article, tried=[group]
        )
        contact.stage = "waiting"

    def _queue_resolution(self, state: ExamState, contact: Contact, conv: Conversation) -> None:
        self._resolve(state, contact.pending, contact.ticket_id, contact.article, contact.last_step)
        contact.pending.append(("conversation_closed", {"conversation_id": conv.id}, 1.0))
        contact.stage = "done"

    def _after_end(self, state: ExamState, contact: Contact, start: float) -> Action | None:
        """The call was hung up or the chat closed: the ticket is resolved with what was given."""
        if contact.stage in ("waiting", "done") or contact.news:
            contact.stage = "done"
            return None
        self._resolve(state, contact.pending, contact.ticket_id, contact.article, contact.last_step)
        contact.stage = "done"
        return self._pop(contact.pending, start)

    def _hold(
        self, state: ExamState, conv: Conversation, contact: Contact, start: float
    ) -> Action | None:
        """A customer who writes while their ticket waits: its status, else a hold by name."""
        first, n = self._first_id(contact.customer_id), self._nth(contact.customer_id)
        self.turn[contact.customer_id] += 1
        wait = self._waiting_of(state, contact.customer_id)
        ticket = state.tickets.get(wait.ticket_id) if wait is not None else None
        if wait is not None and ticket is not None and self.turn[contact.customer_id] % 2:
            group = state.groups.get(wait.group, wait.group)
            minutes = self._minutes(state, ticket)
            text = self.w.status.format(ticket=ticket.id, first=first, group=group, minutes=minutes)
            wait.told_at = start
        else:
            hold = self.w.hold[(n + self.turn[contact.customer_id]) % len(self.w.hold)]
            text = hold.format(first=first)
        self._say(contact, conv, text)
        return self._pop(contact.pending, self._ready(conv, "message_sent", start))

    # ------------------------------------------------------------------ waiting on a group

    def _waiting_actions(self, state: ExamState, start: float) -> Action | None:
        for wait in self.waiting.values():
            ticket = state.tickets.get(wait.ticket_id)
            if ticket is None or ticket.status == TicketStatus.CLOSED:
                continue
            if len(ticket.second_line) > wait.relayed:
                return self._relay(state, ticket, wait, start)
            if ticket.status == TicketStatus.RESOLVED:
                continue
            due = wait.told_at + self._update_s(state, ticket) * 0.6
            if wait.told_at and due <= start + 1e-9:
                return self._status(state, ticket, wait, max(start, due))
            if not wait.told_at:
                wait.told_at = start
        return None

    def _relay(
        self, state: ExamState, ticket: Ticket, wait: Waiting, start: float
    ) -> Action | None:
        """Quote the group's reply to the customer and note it; then resolve or move on."""
        _, group_id, text = ticket.second_line[wait.relayed]
        wait.relayed += 1
        first = self._first_id(ticket.customer_id)
        group = state.groups.get(group_id, group_id)
        queue: list[tuple[str, dict[str, Any], float]] = []
        relay = self.w.relay.format(first=first, group=group, ticket=ticket.id, text=text)
        queue.append(self._tell(state, ticket, wait, relay))
        note = {"ticket_id": ticket.id, "text": self.w.note_relay.format(group=group, text=text)}
        queue.append(("note_added", note, _typing(note["text"])))
        wait.told_at = start
        if any(b in text.lower() for b in _BOUNCE):
            other = self._named_group(state, wait.article, exclude=wait.tried)
            if other is not None:
                queue.extend(self._transfer(state, ticket, other, 0, wait.article))
                wait.tried.append(other)
                wait.group = other
                return self._pop_into_wait(wait, queue, start)
        if "?" not in text:
            self._resolve(state, queue, ticket.id, wait.article, text[:120])
            self._close_contact(wait, queue, state)
        return self._pop_into_wait(wait, queue, start)

    def _pop_into_wait(
        self, wait: Waiting, queue: list[tuple[str, dict[str, Any], float]], start: float
    ) -> Action | None:
        if wait.contact in self.contacts:
            target = self.contacts[wait.contact].pending
        else:
            target = self.written.setdefault(wait.ticket_id, Written(wait.ticket_id, "out")).pending
        target.extend(queue)
        return self._pop(target, start)

    def _close_contact(
        self, wait: Waiting, queue: list[tuple[str, dict[str, Any], float]], state: ExamState
    ) -> None:
        conv = state.conversations.get(wait.contact or "")
        if conv is not None and conv.is_live:
            queue.append(("conversation_closed", {"conversation_id": conv.id}, 1.0))

    def _tell(
        self, state: ExamState, ticket: Ticket, wait: Waiting, text: str
    ) -> tuple[str, dict[str, Any], float]:
        """A message in the live conversation of the ticket, else a public reply."""
        conv = state.conversations.get(wait.contact or "")
        if conv is not None and conv.is_live:
            return ("message_sent", {"conversation_id": conv.id, "text": text}, _typing(text))
        return ("ticket_reply_added", {"ticket_id": ticket.id, "text": text}, _typing(text))

    def _status(self, state: ExamState, ticket: Ticket, wait: Waiting, at: float) -> Action | None:
        """The timed status update, whatever happened."""
        first = self._first_id(ticket.customer_id)
        text = self.w.status.format(
            ticket=ticket.id,
            first=first,
            group=state.groups.get(wait.group, wait.group),
            minutes=self._minutes(state, ticket),
        )
        kind, data, cost = self._tell(state, ticket, wait, text)
        conv = state.conversations.get(data.get("conversation_id", ""))
        if conv is not None and conv.is_busy_at(at):
            kind, data = "ticket_reply_added", {"ticket_id": ticket.id, "text": text}
        action = self._act(at, kind, data, cost)
        return None if action is None else Action(at, kind, data, cost, action.label, origin=wait)

    # ------------------------------------------------------------------ written tickets

    def _written_actions(self, state: ExamState, start: float) -> Action | None:
        for written in self.written.values():
            if written.pending:
                return self._pop(written.pending, start)
        for ticket in self._queue_order(state):
            written = self.written.setdefault(ticket.id, Written(ticket.id))
            action = self._written_step(state, ticket, written, start)
            if action is not None:
                return action
        return None

    def _queue_order(self, state: ExamState) -> list[Ticket]:
        """Tickets no conversation of tailor's made, by the queue's priority, then age."""
        mine = {c.ticket_id for c in self.contacts.values()}
        found = [
            t
            for t in state.tickets.values()
            if t.id not in mine and t.id not in self.waiting and t.is_active
        ]
        return sorted(found, key=lambda t: (t.priority or "P9", t.created_at, t.id))

    def _written_step(
        self, state: ExamState, ticket: Ticket, written: Written, start: float
    ) -> Action | None:
        if written.stage == "take":
            self._queue_take(state, ticket, written)
        elif written.stage == "steps" and start - written.since >= WRITTEN_STEP_GAP_S:
            self._queue_written_next(state, ticket, written)
        else:
            return None
        written.since = start
        return self._pop(written.pending, start)

    def _queue_take(self, state: ExamState, ticket: Ticket, written: Written) -> None:
        said = f"{ticket.title}. {ticket.description}"
        article = self._top_article(said)
        written.article = article.id if article else None
        queue = written.pending
        if ticket.status == TicketStatus.NEW:
            queue.append(("ticket_opened", {"ticket_id": ticket.id}, 3.0))
        changes = self._missing_fields(state, ticket, said, article)
        if changes:
            queue.append(("ticket_updated", {"ticket_id": ticket.id, "changes": changes}, 8.0))
        if article is None:
            self._resolve(state, queue, ticket.id, None, ticket.title)
            written.stage = "out"
            return
        queue.append(self._search(said, article))
        queue.append(("kb_article_opened", {"article_id": article.id}, 6.0))
        queue.append(("ticket_linked", {"ticket_id": ticket.id, "kb_article": article.id}, 2.0))
        written.steps = article_steps(article, self.language)[:MAX_STEPS] or [article.title]
        first = self._first_id(ticket.customer_id)
        step = tailor_step(written.steps[0], self.language, first, article.body)
        text = self.w.written_first.format(first=first, title=ticket.title, step=step)
        queue.append(("ticket_reply_added", {"ticket_id": ticket.id, "text": text}, _typing(text)))
        written.given = 1
        written.stage = "steps"
        group = self._named_group(state, article.id)
        if group is not None:
            queue.extend(self._transfer(state, ticket, group, 1, article.id, changes))
            self.waiting[ticket.id] = Waiting(
                ticket.id, group, 0.0, article=article.id, tried=[group]
            )
            written.stage = "out"

    def _queue_written_next(self, state: ExamState, ticket: Ticket, written: Written) -> None:
        first = self._first_id(ticket.customer_id)
        body = self.articles[written.article].body if written.article else ""
        if written.given < min(2, len(written.steps)):
            step = tailor_step(written.steps[written.given], self.language, first, body)
            text = self.w.written_next.format(ticket=ticket.id, first=first, step=step)
            data = {"ticket_id": ticket.id, "text": text}
            written.pending.append(("ticket_reply_added", data, _typing(text)))
            written.given += 1
            return
        last = tailor_step(written.steps[written.given - 1], self.language, first, body)
        self._resolve(state, written.pending, ticket.id, written.article, last)
        written.stage = "out"

    # ------------------------------------------------------------------ shared pieces

    def _create(
        self,
        state: ExamState,
        conv: Conversation,
        title: str,
        said: str,
        article: KbArticle | None,
    ) -> tuple[str, dict[str, Any], float]:
        level = self._middle_level(state)
        data = {
            "ticket_id": state.next_ticket_id(),
            "title": title[:120],
            "customer_id": conv.customer_id,
            "description": said[:1500] or title,
            "category": self._category(said, article),
            "impact": level,
            "urgency": level,
            "conversation_id": conv.id,
        }
        return ("ticket_created", data, 20.0)

    def _search(self, said: str, article: KbArticle) -> tuple[str, dict[str, Any], float]:
        query = self._query(said)
        results = [h.article_id for h in self.kb.search(query, limit=10)]
        return ("kb_searched", {"query": query, "results": results}, 4.0)

    def _query(self, said: str) -> str:
        common = Counter(content_words(said, self.language)).most_common(4)
        return " ".join(w for w, _ in common)[:200]

    def _top_article(self, said: str) -> KbArticle | None:
        hits = self.kb.search(self._query(said), limit=1)
        return self.articles.get(hits[0].article_id) if hits else None

    def _tags(self, article: KbArticle, said: str) -> tuple[str, str] | None:
        """Two of the article's tags the customer did not say, rotated per article."""
        used = {w[:5] for w in content_words(said, self.language)}
        tags = [t for t in article.tags if not any(fold(x)[:5] in used for x in t.split())]
        if len(tags) < 2:
            tags = [w for w in words_of(article.title) if len(w) >= 4 and fold(w)[:5] not in used]
        if len(tags) < 2:
            return None
        k = self.tag_pairs[article.id]
        self.tag_pairs[article.id] += 1
        a = tags[k % len(tags)]
        b = tags[(k + 1 + k // len(tags)) % len(tags)]
        if a == b:
            b = tags[(k + 2) % len(tags)] if len(tags) > 2 else tags[(k + 1) % len(tags)]
        return (a, b)

    def _category(self, said: str, article: KbArticle | None) -> str:
        """The category whose name shares most words with the article and the customer."""
        words = set(w[:5] for w in content_words(said, self.language))
        if article is not None:
            words |= {w[:5] for w in content_words(article.title, self.language)}
            words |= {fold(w)[:5] for t in article.tags for w in words_of(t)}
        scored = [
            (sum(1 for w in words_of(c.name + " " + c.id) if fold(w)[:5] in words), -i, c.id)
            for i, c in enumerate(self.scenario.categories)
        ]
        return max(scored)[2] if scored else ""

    def _missing_fields(
        self, state: ExamState, ticket: Ticket, said: str, article: KbArticle | None
    ) -> dict[str, str]:
        level = self._middle_level(state)
        changes: dict[str, str] = {}
        if not ticket.category:
            changes["category"] = self._category(said, article)
        if not ticket.impact:
            changes["impact"] = level
        if not ticket.urgency:
            changes["urgency"] = level
        return changes

    def _middle_level(self, state: ExamState) -> str:
        levels = state.sla_profile.levels if state.sla_profile else ("medium",)
        return levels[len(levels) // 2]

    def _named_group(
        self, state: ExamState, article_id: str | None, exclude: list[str] | None = None
    ) -> str | None:
        """The first group (by where the article names it) the article names."""
        if not article_id:
            return None
        body = fold(self.articles[article_id].body)
        found = [
            (body.find(fold(name)), gid)
            for gid, name in state.groups.items()
            if fold(name) in body and gid not in (exclude or [])
        ]
        return min(found)[1] if found else None

    def _transfer(
        self,
        state: ExamState,
        ticket: Ticket,
        group: str,
        steps: int,
        article: str | None,
        changes: dict[str, str] | None = None,
    ) -> list[tuple[str, dict[str, Any], float]]:
        out: list[tuple[str, dict[str, Any], float]] = []
        if ticket.status == TicketStatus.TRANSFERRED:
            return out
        if not ticket.category and not (changes or {}).get("category"):
            category = self._category(ticket.description, self.articles.get(article or ""))
            out.append(
                ("ticket_updated", {"ticket_id": ticket.id, "changes": {"category": category}}, 5.0)
            )
        reason = self._form_note(state, ticket, steps, article)
        out.append(
            ("ticket_transferred", {"ticket_id": ticket.id, "group": group, "reason": reason}, 10.0)
        )
        return out

    def _form_note(self, state: ExamState, ticket: Ticket, steps: int, article: str | None) -> str:
        """The identification form's fields, as the customer gave them, and what was tried."""
        customer = state.customers.get(ticket.customer_id)
        said = _all_customer_text(state, ticket)
        phone = re.search(r"\+?\d[\d ./-]{5,}\d", said)
        return self.w.note_form.format(
            ticket=ticket.id,
            name=customer.name if customer else ticket.customer_id,
            department=(customer.department if customer else "") or self.w.unknown,
            phone=phone.group(0) if phone else self.w.unknown,
            subject=ticket.title,
            steps=steps,
            article=article or self.w.unknown,
        )

    def _resolve(
        self,
        state: ExamState,
        queue: list[tuple[str, dict[str, Any], float]],
        ticket_id: str | None,
        article: str | None,
        step: str,
    ) -> None:
        ticket = state.tickets.get(ticket_id or "")
        if ticket is None or not ticket.is_active:
            return
        first = self._first_id(ticket.customer_id)
        solution = self.w.resolution.format(
            ticket=ticket.id, first=first, step=step or ticket.title, article=article or "-"
        )
        data: dict[str, Any] = {"ticket_id": ticket.id, "solution": solution}
        if article:
            data["kb_article"] = article
        if not ticket.category:
            changes = {"category": self._category(ticket.description, None)}
            queue.append(("ticket_updated", {"ticket_id": ticket.id, "changes": changes}, 5.0))
        queue.append(("ticket_resolved", data, _typing(solution)))
        queue.append(("ticket_closed", {"ticket_id": ticket.id}, 2.0))

    def _update_s(self, state: ExamState, ticket: Ticket) -> float:
        profile = state.sla_profile
        if profile is None or ticket.priority not in profile.priorities:
            return 600.0
        return profile.priorities[ticket.priority].update_s

    def _minutes(self, state: ExamState, ticket: Ticket) -> int:
        return max(2, int(self._update_s(state, ticket) * 0.6 // 60))

    def _subject(self, conv: Conversation) -> str:
        """The conversation's subject, else the start of the customer's first sentence."""
        if conv.subject.strip():
            return conv.subject.strip().rstrip(".")
        said = " ".join(m.text for m in conv.messages if m.author == "customer")
        sentences = [s for s in re.split(r"[.!?]", said) if s.strip()] or [""]
        first = next((s for s in sentences if len(content_words(s, self.language)) >= 3), "")
        first = first or sentences[0]
        return turn_persons(" ".join(first.split()[:CUSTOMER_RUN_LIMIT]), self.language)

    def _order(self, customer_id: str) -> int:
        return self.customer_order.setdefault(customer_id, len(self.customer_order))

    def _nth(self, customer_id: str) -> int:
        return self._order(customer_id)

    def _first(self, state: ExamState, customer_id: str) -> str:
        customer = state.customers.get(customer_id)
        return _first_name(customer.name) if customer else ""

    def _first_id(self, customer_id: str) -> str:
        name = next((c.name for c in self.scenario.customers if c.id == customer_id), "")
        return _first_name(name)


_TITLES = {"dr", "dr.", "prof", "prof.", "mr", "mrs", "ms", "m.", "mme", "mevr.", "dhr."}


def _first_name(name: str) -> str:
    """How tailor addresses a customer: the first name, or title and surname."""
    parts = name.split()
    if not parts:
        return ""
    if parts[0].lower() in _TITLES and len(parts) > 1:
        return f"{parts[0]} {parts[-1]}"
    return parts[0]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _typing(text: str) -> float:
    """Seconds to type a text: about seven characters a second, at least two."""
    return max(2.0, min(30.0, len(text) / 7.0))


def _replied(conv: Conversation) -> bool:
    """The customer wrote after tailor's last message (or at all, before tailor wrote)."""
    last = max((i for i, m in enumerate(conv.messages) if m.author == "candidate"), default=-1)
    return any(m.author == "customer" for m in conv.messages[last + 1 :])


def _expects_answer(text: str) -> bool:
    """A customer message that asks something or says more than a thank-you."""
    return "?" in text or len(words_of(text)) >= 6


def _waited_since(state: ExamState, contact: Contact) -> float:
    """Since when the contact's customer waits for tailor: whom to answer first."""
    conv = state.conversations.get(contact.conversation_id)
    if conv is None or contact.pending:
        return contact.since
    last = max((i for i, m in enumerate(conv.messages) if m.author == "candidate"), default=-1)
    waiting = [m.at for m in conv.messages[last + 1 :] if m.author == "customer"]
    return waiting[0] if waiting else float("inf")


def _customer_text(conv: Conversation) -> str:
    return " ".join(m.text for m in conv.messages if m.author == "customer")


def _all_customer_text(state: ExamState, ticket: Ticket) -> str:
    parts = [ticket.description]
    for conv_id in ticket.conversation_ids:
        conv = state.conversations.get(conv_id)
        if conv is not None:
            parts.append(_customer_text(conv))
    return " ".join(parts)
