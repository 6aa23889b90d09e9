"""`ghost`: a fifth cheater, written blind from the published documents only (branch evid25).

It never reads the answer key, a hidden fact, a dialogue rule or the glossary, and never tries
to understand a customer's problem: a ghostwriter, it lets the customer, the knowledge base and
the second line write the case and signs it. It reads only what the candidate's screen shows:
the customers' names and words (as strings), the tickets with their queue priority, the SLA
profile's levels and update interval, the knowledge base (search and articles), the categories
and the groups. It uses no canned reply and no procedure pattern. Its strategy, unlike savvy's
battery, lawyer's frames, forger's canned replies and stalling, and mimic's filler-spun
articles and second-person echoes:

- **a script dump per turn**: a contact gets at most four messages of its own, each doing
  everything the published rules name for that moment in one go: the opener (a greeting by
  name, who is speaking, one open question that asks the customer for their *own* diagnosis
  and fix, in one of eight wordings so no two customers share a frame, and the identification
  request); the read-back; the fix; the closing question;
- **the customer's words through a synonym lexicon of its own**: the reply to the open
  question read back clause by clause, in reverse order, each clause cut at five words, the
  persons turned and the generic words swapped ("doesn't work" -> "won't run"), ending on
  "have I got that right?";
- **the customer's own idea as the solution**: the fix is the top KB hit's first list cut into
  chunks of at most seven words behind ordinals of its own, then "and, as you said yourself,
  ..." with the last clause of what the customer told it, then "does it work now?";
- **escalation at once**: a ticket whose top article names a group goes to that group straight
  after the read-back (with the category it guessed and a well-formed note: who, what they
  said, what was done); a bounce goes to the next group the article or the categories name;
  the second line is quoted to the customer word for word and noted;
- **no timed updates**: it writes to a waiting customer only when they write, and every
  customer message gets an answer within seconds (a hold and a promise: "you'll hear from me
  within N minutes", N inside the SLA's update interval);
- **closing with the customer's own last words**: the resolution quotes the last thing the
  customer said that had four words or more of content, with the article's id; written
  tickets get the chunked list as a reply and are resolved and closed at once;
- **fields**: the category whose name shares most words with the top article's title and
  tags; impact and urgency the middle of the SLA's levels; a queue ticket's given fields kept;
  written tickets taken by the queue's priority, conversations first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.state import Conversation, ExamState, Ticket, TicketStatus
from helpdesk_tui.kb.search import KbIndex, passage_text
from helpdesk_tui.scenario.model import KbArticle, Scenario
from helpdesk_tui.simulate.policy import Action, Policy

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
CLAUSE_WORDS = 5
"""A read-back clause is cut here: the published echo check reads runs of six."""
CHUNK_WORDS = 7
"""An article's step is cut into chunks of this many words: the pasted check reads runs of eight."""
BEAT_S = 1.5
"""How long after the customer's last word it answers."""
MAX_TRANSFERS = 2

AGENT = "Sam"

GREET = {
    "en": ("Hi {name}", "Hello {name}", "Morning {name}", "Hi there {name}"),
    "nl": ("Dag {name}", "Hallo {name}", "Goeiemorgen {name}", "Hoi {name}"),
    "fr": ("Bonjour {name}", "Bonjour {name}", "Salut {name}", "Bonjour {name}"),
}
INTRO = {
    "en": "{agent} from the service desk here.",
    "nl": "u spreekt met {agent} van de servicedesk.",
    "fr": "{agent} du service desk à l'appareil.",
}
OPEN_QUESTION = {
    "en": (
        "What do you reckon is behind it, and what would put it right for you?",
        "What is your own guess at the cause, and what have you tried already?",
        "How did it start, and what do you think would sort it out?",
        "When did you first notice it, and what would you like to happen now?",
        "What changed just before it went wrong, and what fix would suit you?",
        "What does it show you right now, and what did you try so far?",
        "Where exactly does it go wrong, and what would help you most today?",
        "Which part fails first, and what would you do in my place?",
    ),
    "nl": (
        "Wat denkt u zelf dat erachter zit, en wat zou het voor u oplossen?",
        "Wat is uw eigen vermoeden over de oorzaak, en wat hebt u al geprobeerd?",
        "Hoe is het begonnen, en wat denkt u dat het zou verhelpen?",
        "Wanneer merkte u het voor het eerst, en wat wilt u dat er nu gebeurt?",
        "Wat veranderde er vlak voor het misging, en welke oplossing past u?",
        "Wat ziet u op dit moment, en wat hebt u tot nu toe geprobeerd?",
        "Waar loopt het precies mis, en wat zou u vandaag het meest helpen?",
        "Welk deel faalt eerst, en wat zou u doen in mijn plaats?",
    ),
    "fr": (
        "Selon vous, qu'est-ce qui se cache derrière, et qu'est-ce qui arrangerait les choses ?",
        "Quelle est votre propre idée de la cause, et qu'avez-vous déjà essayé ?",
        "Comment est-ce que ça a commencé, et qu'est-ce qui réglerait ça d'après vous ?",
        "Quand l'avez-vous remarqué la première fois, et que souhaitez-vous maintenant ?",
        "Qu'est-ce qui a changé juste avant, et quelle solution vous conviendrait ?",
        "Que voyez-vous en ce moment, et qu'avez-vous tenté jusqu'ici ?",
        "Où est-ce que ça coince exactement, et qu'est-ce qui vous aiderait le plus ?",
        "Quelle partie lâche en premier, et que feriez-vous à ma place ?",
    ),
}
IDENTIFY = {
    "en": "And who am I speaking with, which department?",
    "nl": "En met wie spreek ik, van welke dienst?",
    "fr": "Et à qui ai-je l'honneur, de quel service ?",
}
READ_BACK = {
    "en": ("So, {name}, in my words:", "Right {name}, in short:", "Let me sum up, {name}:"),
    "nl": (
        "Dus, {name}, in mijn woorden:",
        "Goed {name}, kort gezegd:",
        "Even samengevat, {name}:",
    ),
    "fr": ("Donc, {name}, en mes mots :", "Bien {name}, en bref :", "Je résume, {name} :"),
}
READ_BACK_TAG = {
    "en": ("Have I got that right?", "Is that correct?", "Did I get that right?"),
    "nl": ("Klopt dat?", "Heb ik dat goed?", "Is dat juist?"),
    "fr": ("C'est bien ça ?", "Est-ce exact ?", "J'ai bien compris ?"),
}
CLAUSE_JOIN = {"en": "; and before that, ", "nl": "; en daarvoor, ", "fr": " ; et avant ça, "}
FIX_OPEN = {
    "en": "{name}, here is what we do.",
    "nl": "{name}, dit is wat we doen.",
    "fr": "{name}, voici ce qu'on fait.",
}
ORDINALS = {
    "en": ("First,", "Then,", "After that,", "Next,", "Also,", "Finally,"),
    "nl": ("Eerst,", "Dan,", "Daarna,", "Vervolgens,", "Ook,", "Tot slot,"),
    "fr": ("D'abord,", "Ensuite,", "Après ça,", "Puis,", "Aussi,", "Enfin,"),
}
AS_YOU_SAID = {
    "en": "And, as you said yourself: {clause}.",
    "nl": "En, zoals u zelf zei: {clause}.",
    "fr": "Et, comme vous l'avez dit vous-même : {clause}.",
}
CHECK = {
    "en": "Does it work now?",
    "nl": "Werkt het nu?",
    "fr": "Est-ce que ça marche maintenant ?",
}
CLOSING = {
    "en": (
        "Good, {name}. Anything else I can do for you today?",
        "Fine, {name}. Is there anything else I can help you with?",
    ),
    "nl": (
        "Goed, {name}. Kan ik nog iets anders voor u doen?",
        "Prima, {name}. Kan ik u nog ergens anders mee helpen?",
    ),
    "fr": (
        "Bien, {name}. Puis-je faire autre chose pour vous ?",
        "Parfait, {name}. Puis-je vous aider pour autre chose ?",
    ),
}
BYE = {
    "en": "Thanks {name}, bye!",
    "nl": "Bedankt {name}, tot ziens!",
    "fr": "Merci {name}, au revoir !",
}
HOLD = {
    "en": "One moment please, {name}: I'm on it, and you'll hear from me within {minutes} minutes.",
    "nl": "Een moment alstublieft, {name}: ik ben ermee bezig, u hoort van mij binnen {minutes} minuten.",
    "fr": "Un instant s'il vous plaît, {name} : je m'en occupe, vous aurez de mes nouvelles dans {minutes} minutes.",
}
ESCALATED = {
    "en": "{name}, I've passed this to {group} with everything you told me; you'll hear from me within {minutes} minutes.",
    "nl": "{name}, ik heb dit met alles wat u vertelde doorgegeven aan {group}; u hoort van mij binnen {minutes} minuten.",
    "fr": "{name}, j'ai transmis ceci à {group} avec tout ce que vous m'avez dit ; vous aurez de mes nouvelles dans {minutes} minutes.",
}
RELAY = {
    "en": '{name}, {group} came back to me: "{text}"',
    "nl": '{name}, {group} liet me weten: "{text}"',
    "fr": "{name}, {group} m'a répondu : « {text} »",
}
RELAY_ASK = {
    "en": " Could you tell me?",
    "nl": " Kunt u me dat zeggen?",
    "fr": " Pouvez-vous me le dire ?",
}
TRANSFER_NOTE = {
    "en": "For {group}: {customer} ({department}) reports: {said}. Article {article} checked at the desk; customer informed, please take over.",
    "nl": "Voor {group}: {customer} ({department}) meldt: {said}. Artikel {article} nagekeken op de servicedesk; klant is op de hoogte, graag overnemen.",
    "fr": "Pour {group} : {customer} ({department}) signale : {said}. Article {article} vérifié au service desk ; client informé, merci de reprendre.",
}
RESOLUTION = {
    "en": '{customer}: "{said}" Handled with {article}.',
    "nl": '{customer}: "{said}" Behandeld met {article}.',
    "fr": "{customer} : « {said} » Traité avec {article}.",
}
WRITTEN_REPLY = {
    "en": "Hello {name}, {agent} from the service desk. {steps} Write back if it still fails.",
    "nl": "Dag {name}, {agent} van de servicedesk. {steps} Laat het weten als het nog niet lukt.",
    "fr": "Bonjour {name}, {agent} du service desk. {steps} Écrivez-moi si ça ne marche toujours pas.",
}

SWAP = {
    "en": {
        "i": "you",
        "i'm": "you're",
        "i've": "you've",
        "i'd": "you'd",
        "i'll": "you'll",
        "my": "your",
        "me": "you",
        "mine": "yours",
        "myself": "yourself",
        "we": "you",
        "our": "your",
        "us": "you",
        "am": "are",
        "doesn't": "won't",
        "work": "run",
        "works": "runs",
        "working": "running",
        "broken": "out of order",
        "problem": "issue",
        "error": "fault",
        "screen": "display",
        "computer": "machine",
        "pc": "machine",
        "can't": "cannot",
        "cannot": "can not",
        "again": "once more",
        "nothing": "zero",
        "slow": "sluggish",
        "stopped": "quit",
        "tried": "attempted",
        "think": "reckon",
        "since": "from",
        "keeps": "goes on",
        "get": "receive",
        "getting": "receiving",
        "says": "reads",
        "shows": "displays",
        "happened": "occurred",
        "suddenly": "all at once",
        "still": "even now",
    },
    "nl": {
        "ik": "u",
        "mijn": "uw",
        "me": "u",
        "mij": "u",
        "mezelf": "uzelf",
        "we": "jullie",
        "wij": "jullie",
        "ons": "jullie",
        "onze": "jullie",
        "heb": "hebt",
        "ben": "bent",
        "kan": "kunt",
        "wil": "wilt",
        "zie": "ziet",
        "krijg": "krijgt",
        "doe": "doet",
        "probleem": "kwestie",
        "fout": "storing",
        "scherm": "beeld",
        "computer": "toestel",
        "pc": "toestel",
        "werkt": "draait",
        "werken": "draaien",
        "kapot": "stuk",
        "weer": "opnieuw",
        "niks": "niets",
        "traag": "sloom",
        "gestopt": "opgehouden",
        "geprobeerd": "getest",
        "denk": "vermoedt",
        "sinds": "vanaf",
        "plots": "ineens",
        "nog": "nog altijd",
    },
    "fr": {
        "je": "vous",
        "j'ai": "vous avez",
        "j'arrive": "vous arrivez",
        "j'étais": "vous étiez",
        "mon": "votre",
        "ma": "votre",
        "mes": "vos",
        "me": "vous",
        "m'a": "vous a",
        "moi": "vous",
        "nous": "vous",
        "notre": "votre",
        "nos": "vos",
        "suis": "êtes",
        "ai": "avez",
        "peux": "pouvez",
        "vois": "voyez",
        "problème": "souci",
        "erreur": "panne",
        "écran": "affichage",
        "ordinateur": "poste",
        "pc": "poste",
        "marche": "tourne",
        "fonctionne": "tourne",
        "encore": "toujours",
        "rien": "aucun résultat",
        "lent": "poussif",
        "essayé": "tenté",
        "pense": "croyez",
        "depuis": "dès",
        "soudain": "tout à coup",
    },
}
_STOP_WORDS = (
    "the a an and or but to of in on at for with is are was were be it this that there have has "
    "de het een en of maar te van in op aan voor met is zijn was waren dat die er hebben heeft "
    "le la les un une des et ou mais à au aux du en dans sur pour avec est sont était ce cette "
    "qui que il elle"
)
STOP = frozenset(_STOP_WORDS.split())
ESCALATE = re.compile(
    r"transf|escalat|forward|pass (?:it )?(?:on|to)|assign|route|doorst|doorgev|escaleer|escaler|"
    r"toewijz|transmet|affect",
    re.IGNORECASE,
)
"""A line of an article that hands the case on: ghost sends the ticket to a group named there."""
REQUEST = re.compile(
    r"\?|\bwe need\b|\bcould you\b|\bcan you\b|\bplease (?:send|tell|check|ask)|"
    r"\bnodig\b|\bkunt u\b|\bkan u\b|\bgraag\b|\bbesoin\b|\bpouvez-vous\b|\bmerci de\b",
    re.IGNORECASE,
)
"""A second-line reply that asks for something: ghost passes it on and waits for the next one."""


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def content_words(text: str) -> list[str]:
    """Words of four letters or more, not stop words: what it counts as saying something."""
    return [w for w in words(text) if len(w) >= 4 and w.lower() not in STOP]


def address(full_name: str) -> str:
    """A title keeps its surname ("Dr Lhoest"), anyone else is called by their first name."""
    parts = full_name.split()
    titles = {
        "dr",
        "dr.",
        "prof",
        "prof.",
        "mr",
        "mrs",
        "ms",
        "m.",
        "mme",
        "mevr.",
        "dhr.",
        "mevrouw",
        "meneer",
    }
    if len(parts) >= 2 and parts[0].lower() in titles:
        return f"{parts[0]} {parts[-1]}"
    return parts[0] if parts else full_name


def clauses(text: str) -> list[str]:
    """The customer's message split where a clause ends: punctuation and "and"/"en"/"et"."""
    pieces = re.split(r"[.,;:!?()\n]+|\s(?:and|but|en|maar|et|mais)\s", text)
    return [p.strip() for p in pieces if len(words(p)) >= 2]


def turned(clause: str, language: str) -> str:
    """One clause through the person table and the lexicon, cut at CLAUSE_WORDS words."""
    table = SWAP.get(language, {})
    out = [table.get(w.lower(), w) for w in words(clause)[:CLAUSE_WORDS]]
    return " ".join(out)


def chunks(text: str, size: int = CHUNK_WORDS) -> list[str]:
    """A text cut into pieces of at most `size` words (a new piece starts a new sentence)."""
    found = words(text)
    return [" ".join(found[i : i + size]) for i in range(0, len(found), size)]


def first_list(article: KbArticle) -> list[str]:
    """The article's first list (numbered first, else any), else its first three lines."""
    lines = passage_text(article.body).splitlines()
    numbered = [ln for ln in lines if re.match(r"\s*\d+\.\s", ln)]
    bullets = [ln for ln in lines if re.match(r"\s*-\s", ln)]
    chosen = numbered or bullets or lines[1:4] or lines[:3]
    return [re.sub(r"^\s*(?:\d+\.|-)\s*", "", ln) for ln in chosen[:5]]


def names_group(article: KbArticle, groups: list[tuple[str, str]]) -> list[str]:
    """Groups whose name or id a line of the article that hands the case on holds, in order."""
    body = " ".join(ln for ln in article.body.lower().splitlines() if ESCALATE.search(ln))
    found = [(body.find(name.lower()), gid) for gid, name in groups if name.lower() in body]
    found += [
        (body.find(gid.lower()), gid)
        for gid, _ in groups
        if re.search(rf"\b{re.escape(gid.lower())}\b", body)
    ]
    ordered: list[str] = []
    for _, gid in sorted(found):
        if gid not in ordered:
            ordered.append(gid)
    return ordered


@dataclass(slots=True)
class Contact:
    """What ghost has done in one conversation: its stage and the ticket it made for it."""

    stage: str = "new"  # new -> opened -> read_back -> fixed -> closing -> done | escalated
    ticket: str | None = None
    article: str | None = None
    answered: int = 0
    """Customer messages already answered (by count)."""
    index: int = 0


@dataclass(slots=True)
class Written:
    """What ghost has done on a ticket: the KB, fields, transfers and second-line replies."""

    steps: list[str] = field(default_factory=list)
    article: str | None = None
    groups_tried: list[str] = field(default_factory=list)
    relayed: int = 0
    finished: bool = False


class GhostPolicy(Policy):
    name = "ghost"
    description = (
        "cheater (blind): script dumps, the customer's own idea as the fix, escalates at once"
    )

    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        super().__init__(scenario, seed)
        self.language = scenario.language if scenario.language in GREET else "en"
        self.kb = KbIndex(scenario.kb)
        self.articles = {a.id: a for a in scenario.kb}
        self.groups = [(g.id, g.name) for g in scenario.groups]
        self.group_names = dict(self.groups)
        self.categories = [(c.id, c.name) for c in scenario.categories]
        levels = scenario.sla.levels
        self.middle = levels[len(levels) // 2]
        interval = min(p.update_s for p in scenario.sla.priorities.values())
        self.minutes = max(1, int(interval // 60) - 2)
        self.contacts: dict[str, Contact] = {}
        self.tickets: dict[str, Written] = {}
        self.order: dict[str, int] = {}
        self.busy_until = 0.0
        self.gave_up: set[Any] = set()

    # --- the runner's interface ----------------------------------------------------------

    def observe(self, event: Event, seq: int) -> None:
        conv = event.data.get("conversation_id")
        if event.type in ("chat_opened", "call_started") and conv not in self.contacts:
            self.contacts[conv] = Contact(index=len(self.contacts))

    def next_action(self, state: ExamState, now: float) -> Action | None:
        at = max(now, self.busy_until)
        found = self._found(state, at)
        while any(a.origin[0] == "skip" for a in found):
            for action in found:
                if action.origin[0] == "skip":
                    self.contacts[action.origin[1]].answered = action.origin[2]
            found = self._found(state, at)
        return min(found, key=lambda a: a.at) if found else None

    def _found(self, state: ExamState, at: float) -> list[Action]:
        """Every action ghost could take next, each at its earliest time."""
        return [
            action
            for finder in (self._conversation_step, self._second_line_step, self._written_step)
            for action in finder(state, at)
            if action.origin not in self.gave_up
        ]

    def done(self, action: Action, event: Event) -> None:
        self.busy_until = event.exam_time + action.cost
        kind, key, *rest = action.origin
        if kind == "stage":
            self.contacts[key].stage = rest[0]
            self.contacts[key].answered = max(self.contacts[key].answered, rest[1])
        elif kind == "answered":
            self.contacts[key].answered = rest[0]
        elif kind == "contact-ticket":
            self.contacts[key].ticket = event.data["ticket_id"]
            self.tickets.setdefault(event.data["ticket_id"], Written())
        elif kind == "contact-article":
            self.contacts[key].article = rest[0]
        elif kind == "ticket":
            written = self.tickets.setdefault(key, Written())
            written.steps.append(rest[0])
            if rest[0] == "article":
                written.article = rest[1]
            elif rest[0].startswith("transfer"):
                written.groups_tried.append(rest[1])
                if rest[2] is not None:
                    self.contacts[rest[2]].stage = "escalated"
            elif rest[0] == "finished":
                written.finished = True
        elif kind == "relayed":
            self.tickets[key].relayed = rest[0]

    def refused(self, action: Action, reason: str) -> None:
        self.gave_up.add(action.origin)
        self.note(f"refused {action.type}: {reason}")
        self.done(action, Event(action.type, action.data, action.at, ""))

    # --- conversations -------------------------------------------------------------------

    def _conversation_step(self, state: ExamState, at: float) -> list[Action]:
        """Per live conversation: screen work at once, else its reply once the customer is done."""
        found = []
        for conv in sorted(state.open_conversations(), key=lambda c: c.opened_at):
            contact = self.contacts.setdefault(conv.id, Contact(index=len(self.contacts)))
            if contact.stage == "new" and conv.about_ticket is not None:
                contact.stage = "waiting"
            heard = [m for m in conv.messages if m.author == "customer"]
            if not heard:
                continue
            screen = (
                None if contact.stage == "waiting" else self._screen_work(state, conv, contact, at)
            )
            if screen is not None:
                found.append(screen)
                continue
            ready = max(at, conv.busy_until + BEAT_S, heard[-1].at + heard[-1].duration_s + BEAT_S)
            written = self.tickets.get(contact.ticket or "")
            if contact.stage == "waiting" and written is not None and written.finished:
                name = address(state.customers[conv.customer_id].name)
                origin = ("stage", conv.id, "done", len(heard))
                text = BYE[self.language].format(name=name)
                found.append(
                    Action(
                        ready,
                        "message_sent",
                        {"conversation_id": conv.id, "text": text},
                        2.0,
                        origin=origin,
                    )
                )
            elif contact.stage == "done":
                origin = ("answered", conv.id, len(heard))
                found.append(
                    Action(
                        ready,
                        "conversation_closed",
                        {"conversation_id": conv.id},
                        1.0,
                        origin=origin,
                    )
                )
            elif len(heard) > contact.answered:
                found.append(self._reply(state, conv, contact, heard, ready))
        return found

    def _screen_work(
        self, state: ExamState, conv: Conversation, contact: Contact, at: float
    ) -> Action | None:
        """Ticket, KB search and article while the customer is still talking."""
        said = " ".join(m.text for m in conv.messages if m.author == "customer")
        if contact.ticket is None and conv.ticket_ids:
            contact.ticket = conv.ticket_ids[0]
            self.tickets.setdefault(contact.ticket, Written())
        if contact.ticket is None:
            article = self._top(said)
            title = " ".join(words(conv.subject or said)[:8]) or "Contact"
            data = {
                "ticket_id": state.next_ticket_id(),
                "title": title,
                "customer_id": conv.customer_id,
                "description": said[:400],
                "category": self._category(article),
                "impact": self.middle,
                "urgency": self.middle,
                "conversation_id": conv.id,
            }
            return Action(at, "ticket_created", data, cost=6.0, origin=("contact-ticket", conv.id))
        if contact.article is None:
            article = self._top(said)
            if article is None:
                contact.article = ""
                return None
            query = " ".join(content_words(said)[:4]) or article.title
            return Action(
                at,
                "kb_searched",
                {"query": query, "results": [h.article_id for h in self.kb.search(query, 5)]},
                cost=2.0,
                origin=("contact-article", conv.id, article.id),
            )
        written = self.tickets.setdefault(contact.ticket, Written())
        if contact.article and "article" not in written.steps:
            return Action(
                at,
                "kb_article_opened",
                {"article_id": contact.article},
                cost=3.0,
                origin=("ticket", contact.ticket, "article", contact.article),
            )
        if contact.article and "linked" not in written.steps:
            data = {"ticket_id": contact.ticket, "kb_article": contact.article}
            return Action(
                at, "ticket_linked", data, cost=1.0, origin=("ticket", contact.ticket, "linked")
            )
        return None

    def _reply(
        self, state: ExamState, conv: Conversation, contact: Contact, heard: list[Any], at: float
    ) -> Action:
        lang = self.language
        name = address(state.customers[conv.customer_id].name)
        count = len(heard)
        since = [m.text for m in heard[contact.answered :]]
        stage = contact.stage
        if stage == "new":
            greet = GREET[lang][contact.index % len(GREET[lang])].format(name=name)
            question = OPEN_QUESTION[lang][contact.index % len(OPEN_QUESTION[lang])]
            intro = INTRO[lang].format(agent=AGENT)
            text = f"{greet}, {intro} {question} {IDENTIFY[lang]}"
            return self._say(conv, text, at, ("stage", conv.id, "opened"), count)
        if stage == "opened":
            told = [m.text for m in heard]
            pieces = [c for t in told for c in clauses(t) if len(content_words(c)) >= 2]
            if len(content_words(" ".join(since))) >= 3 and pieces:
                back = [turned(c, lang) for c in reversed(pieces[-3:])]
                opener = READ_BACK[lang][contact.index % len(READ_BACK[lang])].format(name=name)
                tag = READ_BACK_TAG[lang][contact.index % len(READ_BACK_TAG[lang])]
                text = f"{opener} {CLAUSE_JOIN[lang].join(back)}. {tag}"
                return self._say(conv, text, at, ("stage", conv.id, "read_back"), count)
            stage = "read_back"
        if stage == "read_back":
            group = self._escalation(contact.ticket, state)
            if group is not None and contact.ticket is not None:
                return self._transfer(state, contact.ticket, group, at, conv.id)
            return self._say(
                conv, self._fix(state, conv, contact, name), at, ("stage", conv.id, "fixed"), count
            )
        if stage == "fixed":
            text = CLOSING[lang][contact.index % len(CLOSING[lang])].format(name=name)
            return self._say(conv, text, at, ("stage", conv.id, "closing"), count)
        if stage == "closing" and contact.ticket is not None:
            wrap = self._wrap(state, contact.ticket, at, conv)
            if wrap is not None:
                return wrap
            return self._say(
                conv, BYE[lang].format(name=name), at, ("stage", conv.id, "done"), count
            )
        if not any("?" in t or len(content_words(t)) >= 4 for t in since):
            return Action(at, "", {}, origin=("skip", conv.id, count))
        text = HOLD[lang].format(name=name, minutes=self.minutes)
        return self._say(conv, text, at, ("answered", conv.id, count), count)

    def _say(
        self, conv: Conversation, text: str, at: float, origin: tuple[Any, ...], count: int
    ) -> Action:
        origin = (*origin, count) if origin[0] == "stage" else origin
        return Action(
            at,
            "message_sent",
            {"conversation_id": conv.id, "text": text},
            cost=2.0 + len(text) / 25,
            origin=origin,
        )

    def _fix(self, state: ExamState, conv: Conversation, contact: Contact, name: str) -> str:
        lang = self.language
        article = self.articles.get(contact.article or "")
        steps = self._steps(article)
        mine = [c for m in conv.messages if m.author == "customer" for c in clauses(m.text)]
        echo = AS_YOU_SAID[lang].format(clause=turned(mine[-1], lang)) if mine else ""
        return " ".join(
            p for p in (FIX_OPEN[lang].format(name=name), steps, echo, CHECK[lang]) if p
        )

    def _steps(self, article: KbArticle | None) -> str:
        if article is None:
            return ""
        ordinals = ORDINALS[self.language]
        out = []
        for i, piece in enumerate(c for item in first_list(article) for c in chunks(item)):
            out.append(f"{ordinals[min(i, len(ordinals) - 1)]} {piece}.")
        return " ".join(out[:8])

    # --- tickets ---------------------------------------------------------------------------

    def _wrap(
        self, state: ExamState, ticket_id: str, at: float, conv: Conversation | None
    ) -> Action | None:
        """Resolve with the customer's own last words, then close."""
        ticket = state.tickets.get(ticket_id)
        if ticket is None:
            return None
        if ticket.status not in (TicketStatus.RESOLVED, TicketStatus.CLOSED):
            said = self._last_words(state, ticket, conv)
            written = self.tickets.setdefault(ticket_id, Written())
            article = written.article or "KB"
            customer = state.customers[ticket.customer_id].name
            solution = RESOLUTION[self.language].format(
                customer=customer, said=said, article=article
            )
            data: dict[str, Any] = {"ticket_id": ticket_id, "solution": solution}
            if written.article:
                data["kb_article"] = written.article
            return Action(
                at, "ticket_resolved", data, cost=5.0, origin=("ticket", ticket_id, "resolved")
            )
        if ticket.status == TicketStatus.RESOLVED:
            return Action(
                at,
                "ticket_closed",
                {"ticket_id": ticket_id},
                cost=1.0,
                origin=("ticket", ticket_id, "finished"),
            )
        return None

    def _last_words(self, state: ExamState, ticket: Ticket, conv: Conversation | None) -> str:
        heard: list[str] = []
        for cid in ticket.conversation_ids or ([conv.id] if conv else []):
            found = state.conversations.get(cid)
            if found is not None:
                heard += [m.text for m in found.messages if m.author == "customer"]
        full = [t for t in heard if len(content_words(t)) >= 4]
        if full:
            return " ".join(words(full[-1])[:20])
        return " ".join(words(ticket.description)[:20])

    def _escalation(self, ticket_id: str | None, state: ExamState) -> str | None:
        if ticket_id is None:
            return None
        written = self.tickets.setdefault(ticket_id, Written())
        if len(written.groups_tried) >= MAX_TRANSFERS:
            return None
        article = self.articles.get(written.article or "")
        if article is None:
            return None
        named = [g for g in names_group(article, self.groups) if g not in written.groups_tried]
        if not named and written.groups_tried:
            named = [
                g
                for g, _ in self._groups_by_category(state, ticket_id)
                if g not in written.groups_tried
            ]
        return named[0] if named else None

    def _groups_by_category(self, state: ExamState, ticket_id: str) -> list[tuple[str, int]]:
        ticket = state.tickets.get(ticket_id)
        text = (
            {w.lower() for w in words(f"{ticket.category or ''} {ticket.title}")}
            if ticket
            else set()
        )
        scored = [
            (gid, len(text & {w.lower() for w in words(f"{gid} {name}")}))
            for gid, name in self.groups
        ]
        return sorted((s for s in scored if s[1] > 0), key=lambda s: -s[1])

    def _transfer(
        self, state: ExamState, ticket_id: str, group: str, at: float, conv_id: str | None
    ) -> Action:
        ticket = state.tickets[ticket_id]
        customer = state.customers[ticket.customer_id]
        written = self.tickets.setdefault(ticket_id, Written())
        said = " ".join(words(self._last_words(state, ticket, None))[:14])
        reason = TRANSFER_NOTE[self.language].format(
            group=self.group_names[group],
            customer=customer.name,
            department=customer.department or "-",
            said=said,
            article=written.article or "-",
        )
        if ticket.category is None:
            article = self.articles.get(written.article or "")
            change = {"category": self._category(article)}
            return self._update(at, ticket_id, change, 2.0, "category")
        step = f"transfer-{len(written.groups_tried)}"
        data = {"ticket_id": ticket_id, "group": group, "reason": reason}
        origin = ("ticket", ticket_id, step, group, conv_id)
        return Action(at, "ticket_transferred", data, cost=8.0, origin=origin)

    def _second_line_step(self, state: ExamState, at: float) -> list[Action]:
        """Quote each second-line reply to the customer, note it; after an answer, resolve."""
        action = self._second_line_next(state, at)
        return [action] if action is not None else []

    def _second_line_next(self, state: ExamState, at: float) -> Action | None:
        for ticket_id, written in self.tickets.items():
            ticket = state.tickets.get(ticket_id)
            if ticket is None or written.finished:
                continue
            escalated = any(
                c.ticket == ticket_id and c.stage == "escalated" for c in self.contacts.values()
            )
            if written.groups_tried and not ticket.second_line and escalated:
                action = self._tell_escalated(state, ticket, at)
                if action is not None:
                    return action
            if written.relayed < len(ticket.second_line):
                return self._relay(state, ticket, written, at)
            if not ticket.second_line:
                continue
            _, group, text = ticket.second_line[-1]
            if ticket.status == TicketStatus.TRANSFERRED and REQUEST.search(text):
                continue
            if ticket.status != TicketStatus.TRANSFERRED and ticket.status not in (
                TicketStatus.RESOLVED,
                TicketStatus.CLOSED,
            ):
                nxt = self._escalation(ticket_id, state)
                if nxt is not None:
                    return self._transfer(state, ticket_id, nxt, at, None)
                fix = self._fix_after_bounce(state, ticket, written, at)
                if fix is not None:
                    return fix
            return self._wrap(state, ticket_id, at, None)
        return None

    def _fix_after_bounce(
        self, state: ExamState, ticket: Ticket, written: Written, at: float
    ) -> Action | None:
        """Sent back and no other group named: the article's steps after all, then resolve."""
        if "bounced-fix" in written.steps:
            return None
        origin = ("ticket", ticket.id, "bounced-fix")
        live = [state.conversations[c] for c in ticket.conversation_ids if c in state.conversations]
        live = [c for c in live if c.is_live]
        if live:
            conv = live[0]
            name = address(state.customers[conv.customer_id].name)
            contact = self.contacts.setdefault(conv.id, Contact(index=len(self.contacts)))
            text = self._fix(state, conv, contact, name)
            ready = max(at, conv.busy_until + BEAT_S)
            return Action(
                ready,
                "message_sent",
                {"conversation_id": conv.id, "text": text},
                4.0,
                origin=origin,
            )
        article = self.articles.get(written.article or "")
        return self._written_reply(state, ticket, article, at, origin)

    def _tell_escalated(self, state: ExamState, ticket: Ticket, at: float) -> Action | None:
        for cid in ticket.conversation_ids:
            conv = state.conversations.get(cid)
            contact = self.contacts.get(cid)
            if conv is None or contact is None or not conv.is_live or contact.stage != "escalated":
                continue
            if conv.is_busy_at(at):
                return None
            name = address(state.customers[conv.customer_id].name)
            group = self.group_names.get(ticket.group or "", ticket.group or "")
            text = ESCALATED[self.language].format(name=name, group=group, minutes=self.minutes)
            count = len([m for m in conv.messages if m.author == "customer"])
            return self._say(conv, text, at, ("stage", cid, "waiting"), count)
        return None

    def _relay(self, state: ExamState, ticket: Ticket, written: Written, at: float) -> Action:
        index = written.relayed
        _, group, text = ticket.second_line[index]
        steps = written.steps
        if f"note-{index}" not in steps:
            note = f"{self.group_names.get(group, group)}: {text}"
            return Action(
                at,
                "note_added",
                {"ticket_id": ticket.id, "text": note},
                cost=3.0,
                origin=("ticket", ticket.id, f"note-{index}"),
            )
        name = address(state.customers[ticket.customer_id].name)
        said = RELAY[self.language].format(
            name=name, group=self.group_names.get(group, group), text=text.strip()
        )
        if REQUEST.search(text):
            said += RELAY_ASK[self.language]
        live = [
            state.conversations[c]
            for c in ticket.conversation_ids
            if c in state.conversations and state.conversations[c].is_live
        ]
        if live and not live[0].is_busy_at(at):
            data = {"conversation_id": live[0].id, "text": said}
            return Action(
                at, "message_sent", data, cost=3.0, origin=("relayed", ticket.id, index + 1)
            )
        data = {"ticket_id": ticket.id, "text": said}
        return Action(
            at, "ticket_reply_added", data, cost=3.0, origin=("relayed", ticket.id, index + 1)
        )

    def _written_step(self, state: ExamState, at: float) -> list[Action]:
        """E-mail and queue tickets, by the queue's priority: KB, fields, then escalate or reply."""
        linked = {c.ticket for c in self.contacts.values() if c.ticket}
        waiting = [
            t
            for t in state.tickets.values()
            if t.id not in linked
            and not t.conversation_ids
            and t.is_active
            and t.status != TicketStatus.TRANSFERRED
        ]
        waiting.sort(key=lambda t: (t.priority or "P9", t.created_at, t.id))
        for ticket in waiting:
            written = self.tickets.setdefault(ticket.id, Written())
            if written.finished or (written.groups_tried and not ticket.second_line):
                continue
            action = self._written_next(state, ticket, written, at)
            if action is not None and action.origin not in self.gave_up:
                return [action]
        return []

    def _written_next(
        self, state: ExamState, ticket: Ticket, written: Written, at: float
    ) -> Action | None:
        tid = ticket.id
        said = f"{ticket.title} {ticket.description}"
        article = self._top(said)
        if "opened" not in written.steps:
            return Action(
                at, "ticket_opened", {"ticket_id": tid}, cost=3.0, origin=("ticket", tid, "opened")
            )
        if "searched" not in written.steps:
            query = " ".join(content_words(ticket.title)[:4]) or ticket.title
            data = {"query": query, "results": [h.article_id for h in self.kb.search(query, 5)]}
            return Action(at, "kb_searched", data, cost=2.0, origin=("ticket", tid, "searched"))
        if article is not None and "article" not in written.steps:
            data = {"article_id": article.id}
            return Action(
                at,
                "kb_article_opened",
                data,
                cost=3.0,
                origin=("ticket", tid, "article", article.id),
            )
        if "fields" not in written.steps:
            change = {
                key: value
                for key, value in (
                    ("category", self._category(article)),
                    ("impact", self.middle),
                    ("urgency", self.middle),
                )
                if getattr(ticket, key) is None and value is not None
            }
            if change:
                return self._update(at, tid, change, 4.0, "fields")
            written.steps.append("fields")
        if article is not None and "linked" not in written.steps:
            data = {"ticket_id": tid, "kb_article": article.id}
            return Action(at, "ticket_linked", data, cost=1.0, origin=("ticket", tid, "linked"))
        group = self._escalation(tid, state)
        if group is not None and not ticket.second_line:
            return self._transfer(state, tid, group, at, None)
        if "replied" not in written.steps:
            return self._written_reply(state, ticket, article, at, ("ticket", tid, "replied"))
        return self._wrap(state, tid, at, None)

    def _written_reply(
        self, state: ExamState, ticket: Ticket, article: KbArticle | None, at: float, origin: Any
    ) -> Action:
        """The chunked list (or the check alone) as a reply on a written ticket."""
        name = address(state.customers[ticket.customer_id].name)
        steps = self._steps(article) or CHECK[self.language]
        text = WRITTEN_REPLY[self.language].format(name=name, agent=AGENT, steps=steps)
        data = {"ticket_id": ticket.id, "text": text}
        return Action(at, "ticket_reply_added", data, cost=6.0, origin=origin)

    def _update(
        self, at: float, tid: str, change: dict[str, Any], cost: float, step: str
    ) -> Action:
        """A ticket's fields filled in, remembered as `step` of the ticket."""
        data = {"ticket_id": tid, "changes": change}
        return Action(at, "ticket_updated", data, cost=cost, origin=("ticket", tid, step))

    # --- guesses from the screen -----------------------------------------------------------

    def _top(self, text: str) -> KbArticle | None:
        query = " ".join(content_words(text)[:6])
        hits = self.kb.search(query, 1) if query else []
        if not hits:
            hits = [h for w in content_words(text) for h in self.kb.search(w, 1)][:1]
        return self.articles.get(hits[0].article_id) if hits else None

    def _category(self, article: KbArticle | None) -> str | None:
        """The category whose id and name share most words with the article's title and tags."""
        if not self.categories:
            return None
        if article is None:
            return self.categories[0][0]
        seen = {w.lower()[:5] for w in words(f"{article.title} {' '.join(article.tags)}")}
        scored = [
            (len(seen & {w.lower()[:5] for w in words(f"{cid} {name}")}), -i, cid)
            for i, (cid, name) in enumerate(self.categories)
        ]
        return max(scored)[2]
