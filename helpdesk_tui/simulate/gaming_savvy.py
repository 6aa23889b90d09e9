"""`savvy`: a cheater who has read the published evidence rules, not their code.

Written blind (branch evid14, phase 1): from docs/assessment.md,
docs/candidate-guide.md, docs/exam-mode.md and the competency standard only,
never from `helpdesk_tui/assess/`, the language layer or the customers'
reading code. Committed before anything scored it: commit 4e6b73d, "evid14: savvy,
blind"; its figures and which of them are tricks: benchmarks/README.md, "A cheater who
read the rules (branch evid14)". Changed after that commit: this paragraph only.

Like the other cheaters (`gaming.py`) it reads only what the screen shows:
the customers' names and messages, the tickets' titles and texts, the SLA
column, the knowledge base, the canned replies, the procedures and the
groups. **It never reads the answer key** (the scenario's incidents). It
understands no case: every word it sends depends on the case only
mechanically:

- one opening per conversation that says every act the rules name: a
  greeting with the customer's name, empathy, an apology, every spoken step
  of the guessed procedure before the ticket (its first pattern), and a
  battery of generic clarifying questions (what happens, since when, which
  message, what was tried, who else);
- a "restatement" that gives back the customer's own content words in short
  runs (never six words in a row, the published echo guard), with "is that
  right?";
- a request to hold while it searches the KB for the ticket's title words,
  opens the top hit and pastes it (one article, only the first item of any
  list, so never "several options" or "stuffed"), then "does it work now?",
  then the closing question, then resolves with the title and the pasted
  text and closes;
- every sentence carries the customer's first name and one of several
  wordings, so no text goes to three customers (the template guard);
- a reply to every customer message as soon as they stopped typing or
  speaking (never interrupting), screen work during calls while the caller
  speaks;
- tickets taken in the order of the SLA column (priority, then arrival);
  category, impact and urgency guessed from keywords; a transfer when the
  guessed category's procedure transfers, to the group whose name shares
  most words with the case; the second line's words relayed to the customer
  and noted; an update with a group name and a time on a timer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.state import ExamState, TicketStatus
from helpdesk_tui.kb.search import KbIndex, passage_text
from helpdesk_tui.language.normalise import fold
from helpdesk_tui.scenario.model import Category, Procedure, Scenario
from helpdesk_tui.simulate.policy import Action, Policy

Then = Callable[[], None]
Step = tuple[str, dict[str, Any], Then | None]
Build = Callable[[ExamState], Step | None]
"""Makes the command from the state (None: does not apply now), without changing
anything: what follows from it (`Then`) runs only once it was logged."""

AFTER_S = 2.0
"""How long after the customer stopped typing or speaking the candidate answers."""
STALL_S = 75.0
"""A conversation that got no customer message this long moves on to its next step."""
UPDATE_SHARE = 0.6
"""Progress updates come at this share of the SLA's update interval."""
COST_S = 1.0
MAX_ACKS = 3
"""After the script, the customer's further messages get this many acknowledgements."""

WORD = re.compile(r"[\w'’-]+", re.UNICODE)

STOP: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "a",
            "an",
            "the",
            "i",
            "i'm",
            "i've",
            "it",
            "it's",
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "am",
            "my",
            "me",
            "you",
            "your",
            "we",
            "our",
            "and",
            "or",
            "but",
            "so",
            "to",
            "of",
            "in",
            "on",
            "at",
            "for",
            "with",
            "from",
            "by",
            "this",
            "that",
            "these",
            "those",
            "there",
            "here",
            "not",
            "no",
            "do",
            "does",
            "did",
            "have",
            "has",
            "had",
            "can",
            "can't",
            "could",
            "would",
            "will",
            "just",
            "very",
            "really",
            "again",
            "now",
            "then",
            "when",
            "what",
            "which",
            "who",
            "how",
            "why",
            "hi",
            "hello",
            "please",
            "thanks",
            "thank",
            "yes",
            "okay",
            "ok",
            "well",
            "also",
            "still",
            "all",
            "any",
            "some",
            "one",
            "up",
            "out",
            "about",
            "as",
            "if",
            "than",
            "too",
            "its",
            "they",
            "them",
            "their",
            "he",
            "she",
            "his",
            "her",
            "him",
            "get",
            "got",
        ]
    ),
    "nl": frozenset(
        [
            "de",
            "het",
            "een",
            "ik",
            "ben",
            "is",
            "zijn",
            "was",
            "waren",
            "mijn",
            "me",
            "mij",
            "u",
            "uw",
            "je",
            "jij",
            "we",
            "wij",
            "ons",
            "onze",
            "en",
            "of",
            "maar",
            "dus",
            "te",
            "van",
            "in",
            "op",
            "aan",
            "voor",
            "met",
            "door",
            "dit",
            "dat",
            "deze",
            "die",
            "er",
            "hier",
            "niet",
            "geen",
            "doe",
            "doet",
            "deed",
            "heb",
            "heeft",
            "had",
            "kan",
            "kunnen",
            "zou",
            "zal",
            "wil",
            "gewoon",
            "echt",
            "nog",
            "nu",
            "dan",
            "als",
            "wat",
            "welke",
            "wie",
            "hoe",
            "waarom",
            "hallo",
            "dag",
            "goedemorgen",
            "alstublieft",
            "dank",
            "bedankt",
            "ja",
            "oké",
            "ook",
            "al",
            "alle",
            "iets",
            "om",
            "uit",
            "over",
            "zo",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "l",
            "un",
            "une",
            "des",
            "du",
            "de",
            "d",
            "je",
            "j",
            "suis",
            "est",
            "sont",
            "était",
            "mon",
            "ma",
            "mes",
            "me",
            "m",
            "vous",
            "votre",
            "vos",
            "nous",
            "notre",
            "et",
            "ou",
            "mais",
            "donc",
            "à",
            "au",
            "aux",
            "en",
            "dans",
            "sur",
            "pour",
            "avec",
            "par",
            "ce",
            "cette",
            "ces",
            "cet",
            "c",
            "il",
            "y",
            "a",
            "ne",
            "n",
            "pas",
            "plus",
            "ai",
            "as",
            "avons",
            "avez",
            "ont",
            "peux",
            "peut",
            "pouvez",
            "fait",
            "faire",
            "très",
            "encore",
            "maintenant",
            "quand",
            "que",
            "qu",
            "quoi",
            "quel",
            "quelle",
            "qui",
            "comment",
            "pourquoi",
            "bonjour",
            "merci",
            "oui",
            "ok",
            "aussi",
            "tout",
            "tous",
            "se",
            "s",
            "sa",
            "son",
            "ses",
        ]
    ),
}

URGENT: dict[str, tuple[str, ...]] = {
    "en": ("urgent", "asap", "immediately", "right now", "can't work", "cannot work",
           "stolen", "lost", "hacked", "waiting", "queue", "meeting", "deadline", "today"),
    "nl": ("dringend", "urgent", "meteen", "onmiddellijk", "nu", "kan niet werken",
           "gestolen", "verloren", "kwijt", "gehackt", "wachten", "vergadering", "vandaag"),
    "fr": ("urgent", "immédiatement", "tout de suite", "maintenant", "bloqué", "volé",
           "perdu", "piraté", "attendent", "réunion", "aujourd'hui"),
}  # fmt: skip
WIDE: dict[str, tuple[str, ...]] = {
    "en": ("everyone", "everybody", "all of us", "whole", "nobody", "no one", "colleagues",
           "the team", "all the", "tenants", "customers", "office"),
    "nl": ("iedereen", "niemand", "alle", "hele", "collega", "het team", "klanten",
           "kantoor", "afdeling"),
    "fr": ("tout le monde", "personne", "tous les", "toute l", "collègues", "l'équipe",
           "clients", "bureau", "service"),
}  # fmt: skip
GENERIC_GROUP_WORDS = frozenset(
    [
        "team",
        "support",
        "desk",
        "service",
        "and",
        "et",
        "en",
        "de",
        "het",
        "du",
        "des",
        "la",
        "le",
        "second",
        "line",
        "tweede",
        "lijn",
    ]
)

# Every sentence has several wordings and a {n} (the customer's first name) inside,
# so that no text reaches three customers.
TEXTS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "hello": ("Hello {n}, good morning,", "Good morning {n}, hello,", "Hello there {n},",
                  "Good afternoon {n}, hello,"),
        "feel": ("I'm sorry about this {n}, I understand how annoying that is.",
                 "I understand {n}, and I'm sorry you're having this trouble.",
                 "Sorry to hear that {n}, I understand it's frustrating.",
                 "I'm really sorry {n}, I understand this is a nuisance."),
        "steps": ("Could you confirm {steps} for me, {n}?", "{n}, may I ask {steps}?",
                  "First, {n}: {steps}?"),
        "ask": ("And {n}, what exactly happens, since when, do you see an error message, "
                "what have you tried already, and are colleagues affected too?",
                "Tell me {n}: what do you see exactly, since when has it happened, is there "
                "an error message, did you try anything yet, and is anyone else affected?",
                "{n}, could you describe what happens, since when, any message on the "
                "screen, what you tried, and whether others have it too?"),
        "restate": ("So {n}, if I've got it right: {words}. Is that right?",
                    "{n}, let me check I understood: {words}. Is that correct?",
                    "If I understand you well, {n}: {words}. Is that right?"),
        "hold": ("One moment please {n}, I'm looking this up for you.",
                 "Bear with me a moment {n} while I check our knowledge base.",
                 "Please hold on a moment {n}, I'm searching for the solution."),
        "paste": ("Here is what you can do, {n}: {kb}",
                  "{n}, please try the following: {kb}",
                  "This should help, {n}: {kb}"),
        "check": ("Could you try it now, {n}, and tell me: does it work now?",
                  "{n}, can you try it now? Is it working now?",
                  "Give it a try {n}: did that help, does it work now?"),
        "closing": ("Is there anything else I can help you with, {n}?",
                    "{n}, can I help you with anything else?",
                    "Anything else I can do for you today, {n}?"),
        "bye": ("Thank you {n}, have a good day, goodbye!", "Goodbye {n}, have a nice day!",
                "Thanks {n}, take care, goodbye!"),
        "ack": ("Thank you {n}, I'm on it and I'll keep you posted.",
                "Noted {n}, thank you, I'm working on it for you.",
                "Thanks {n}, I'm still on it, I'll get back to you shortly."),
        "inform": ("{n}, I've passed your ticket to {group}, the specialists; I'll follow "
                   "it up and keep you posted.",
                   "I have transferred this to {group}, {n}. I will follow it up myself "
                   "and keep you updated.",
                   "{n}, your ticket is escalated to {group} now; I'll keep you informed."),
        "update": ("Update for you {n} on {ticket}: {group} has it; I'll get back to you "
                   "within {mins} minutes.",
                   "{n}, news on {ticket}: it is with {group}, next update within {mins} "
                   "minutes.",
                   "Quick news {n}: {ticket} is being handled by {group}; you'll hear from "
                   "me within {mins} minutes."),
        "relay": ("{n}, {group} has replied: {text}", "News from {group}, {n}: {text}",
                  "{n}, {group} says: {text}"),
        "mail": ("Hello {n}, thank you for your message about \"{title}\". {kb} "
                 "Could you try it and let me know if it works now?",
                 "Good morning {n}, about \"{title}\": {kb} Can you try it now and tell "
                 "me whether it works?",
                 "Hello {n}, regarding \"{title}\": {kb} Please try it; is it working now?"),
        "and": (" and ",),
        "resolution": ("{title}: {kb}",),
    },
    "nl": {
        "hello": ("Goedemorgen {n}, hallo,", "Hallo {n}, goeiedag,", "Dag {n}, goedemorgen,",
                  "Goedemiddag {n}, hallo,"),
        "feel": ("Sorry daarvoor {n}, ik begrijp hoe vervelend dat is.",
                 "Ik begrijp het {n}, en het spijt me dat u hier last van heeft.",
                 "Vervelend om te horen {n}, excuses, ik snap dat het frustrerend is.",
                 "Het spijt me echt {n}, ik begrijp dat dit lastig is."),
        "steps": ("Mag ik {steps} van u, {n}?", "{n}, mag ik u vragen: {steps}?",
                  "Eerst even, {n}: {steps}?"),
        "ask": ("En {n}, wat gebeurt er precies, sinds wanneer, ziet u een foutmelding, "
                "wat heeft u al geprobeerd, en hebben collega's het ook?",
                "Vertel eens {n}: wat ziet u precies, sinds wanneer gebeurt het, is er een "
                "foutmelding, heeft u al iets geprobeerd, en heeft iemand anders het ook?",
                "{n}, kunt u beschrijven wat er gebeurt, sinds wanneer, welke melding u "
                "ziet, wat u probeerde, en of anderen het ook hebben?"),
        "restate": ("Dus {n}, als ik het goed begrijp: {words}. Klopt dat?",
                    "{n}, even controleren of ik het goed heb: {words}. Klopt dat zo?",
                    "Als ik u goed begrijp, {n}: {words}. Klopt dat?"),
        "hold": ("Een ogenblik alstublieft {n}, ik zoek het voor u op.",
                 "Momentje {n}, ik kijk even in onze kennisbank.",
                 "Even geduld {n}, ik zoek de oplossing op."),
        "paste": ("Dit kunt u doen, {n}: {kb}", "{n}, probeer het volgende: {kb}",
                  "Dit zou moeten helpen, {n}: {kb}"),
        "check": ("Kunt u het nu proberen, {n}, en zeggen: werkt het nu?",
                  "{n}, wilt u het eens proberen? Werkt het nu?",
                  "Probeer het eens {n}: heeft dat geholpen, werkt het nu?"),
        "closing": ("Kan ik u nog ergens anders mee helpen, {n}?",
                    "{n}, kan ik nog iets anders voor u doen?",
                    "Is er nog iets anders waarmee ik u kan helpen, {n}?"),
        "bye": ("Dank u {n}, nog een fijne dag, tot ziens!", "Tot ziens {n}, fijne dag!",
                "Bedankt {n}, het beste, dag!"),
        "ack": ("Dank u {n}, ik ben ermee bezig en houd u op de hoogte.",
                "Genoteerd {n}, dank u, ik werk eraan.",
                "Bedankt {n}, ik ben er nog mee bezig en kom zo bij u terug."),
        "inform": ("{n}, ik heb uw ticket doorgegeven aan {group}; ik volg het op en houd "
                   "u op de hoogte.",
                   "Ik heb dit doorgestuurd naar {group}, {n}. Ik volg het zelf op en houd "
                   "u op de hoogte.",
                   "{n}, uw ticket ligt nu bij {group}; ik laat u weten wat ze zeggen."),
        "update": ("Update voor u {n} over {ticket}: {group} is ermee bezig; ik kom binnen "
                   "{mins} minuten bij u terug.",
                   "{n}, nieuws over {ticket}: het ligt bij {group}, volgende update binnen "
                   "{mins} minuten.",
                   "Even nieuws {n}: {ticket} wordt behandeld door {group}; u hoort binnen "
                   "{mins} minuten van mij."),
        "relay": ("{n}, {group} heeft geantwoord: {text}", "Nieuws van {group}, {n}: {text}",
                  "{n}, {group} laat weten: {text}"),
        "mail": ("Goedemorgen {n}, dank u voor uw bericht over \"{title}\". {kb} "
                 "Kunt u het proberen en laten weten of het nu werkt?",
                 "Dag {n}, over \"{title}\": {kb} Wilt u het nu proberen en zeggen of het "
                 "werkt?",
                 "Hallo {n}, wat betreft \"{title}\": {kb} Probeer het eens; werkt het nu?"),
        "and": (" en ",),
        "resolution": ("{title}: {kb}",),
    },
    "fr": {
        "hello": ("Bonjour {n},", "Bonjour {n}, service d'assistance,", "Bonjour à vous {n},",
                  "Bonjour {n}, ici le service informatique,"),
        "feel": ("Je suis désolé {n}, je comprends que c'est pénible.",
                 "Je comprends {n}, et je suis désolé pour ce problème.",
                 "Désolé de l'apprendre {n}, je comprends que c'est frustrant.",
                 "Toutes mes excuses {n}, je comprends que c'est gênant."),
        "steps": ("Pouvez-vous me donner {steps}, {n} ?", "{n}, puis-je vous demander {steps} ?",
                  "D'abord, {n} : {steps} ?"),
        "ask": ("Et {n}, que se passe-t-il exactement, depuis quand, voyez-vous un message "
                "d'erreur, qu'avez-vous déjà essayé, et des collègues sont-ils touchés ?",
                "Dites-moi {n} : que voyez-vous exactement, depuis quand, y a-t-il un "
                "message d'erreur, avez-vous essayé quelque chose, et d'autres l'ont-ils ?",
                "{n}, pouvez-vous décrire ce qui se passe, depuis quand, quel message "
                "s'affiche, ce que vous avez essayé, et si d'autres l'ont aussi ?"),
        "restate": ("Donc {n}, si j'ai bien compris : {words}. C'est bien ça ?",
                    "{n}, je vérifie que j'ai bien compris : {words}. C'est exact ?",
                    "Si je vous comprends bien, {n} : {words}. Ai-je bien compris ?"),
        "hold": ("Un instant s'il vous plaît {n}, je regarde cela pour vous.",
                 "Patientez un instant {n}, je consulte notre base de connaissances.",
                 "Un petit moment {n}, je cherche la solution."),
        "paste": ("Voici ce que vous pouvez faire, {n} : {kb}",
                  "{n}, essayez ceci : {kb}", "Ceci devrait vous aider, {n} : {kb}"),
        "check": ("Pouvez-vous essayer maintenant, {n}, et me dire : est-ce que ça marche ?",
                  "{n}, pouvez-vous essayer ? Ça fonctionne maintenant ?",
                  "Essayez {n} : est-ce que ça va mieux, ça marche maintenant ?"),
        "closing": ("Puis-je encore vous aider pour autre chose, {n} ?",
                    "{n}, y a-t-il autre chose que je peux faire pour vous ?",
                    "Avez-vous besoin d'autre chose, {n} ?"),
        "bye": ("Merci {n}, bonne journée, au revoir !", "Au revoir {n}, bonne journée !",
                "Merci {n}, bonne fin de journée !"),
        "ack": ("Merci {n}, je m'en occupe et je vous tiens au courant.",
                "C'est noté {n}, merci, je travaille dessus.",
                "Merci {n}, je suis toujours dessus, je reviens vers vous bientôt."),
        "inform": ("{n}, j'ai transmis votre ticket à {group} ; je le suis et je vous "
                   "tiens au courant.",
                   "J'ai transféré ceci à {group}, {n}. Je fais le suivi moi-même et je "
                   "vous tiens informé.",
                   "{n}, votre ticket est escaladé vers {group} ; je vous tiens au courant."),
        "update": ("Des nouvelles pour vous {n} sur {ticket} : {group} s'en occupe ; je "
                   "reviens vers vous d'ici {mins} minutes.",
                   "{n}, point sur {ticket} : il est chez {group}, prochain point d'ici "
                   "{mins} minutes.",
                   "Petite nouvelle {n} : {ticket} est traité par {group} ; vous aurez de "
                   "mes nouvelles d'ici {mins} minutes."),
        "relay": ("{n}, {group} a répondu : {text}", "Des nouvelles de {group}, {n} : {text}",
                  "{n}, {group} nous dit : {text}"),
        "mail": ("Bonjour {n}, merci pour votre message concernant « {title} ». {kb} "
                 "Pouvez-vous essayer et me dire si ça marche maintenant ?",
                 "Bonjour {n}, au sujet de « {title} » : {kb} Pouvez-vous essayer "
                 "maintenant et me dire si ça fonctionne ?",
                 "Bonjour {n}, pour « {title} » : {kb} Essayez ; est-ce que ça marche ?"),
        "and": (" et ",),
        "resolution": ("{title} : {kb}",),
    },
}  # fmt: skip


def words(text: str) -> list[str]:
    return [w.strip("'’-") for w in WORD.findall(fold(text)) if w.strip("'’-")]


def shared(a: str, b: str, stop: frozenset[str]) -> int:
    """How many content words of `a` have a word of `b` starting alike (5 letters)."""
    heads = {w[:5] for w in words(b) if w not in stop and len(w) > 2}
    return len({w for w in words(a) if w not in stop and len(w) > 2 and w[:5] in heads})


@dataclass
class Case:
    """One thing that reached the candidate, as the screen shows it."""

    index: int
    customer_id: str
    arrival: float
    channel: str
    conv_id: str | None = None
    ticket_id: str | None = None
    subject: str = ""
    customer_said: list[str] = field(default_factory=list)
    stage: int = 0
    last_customer: float = 0.0
    spoke_at: float = -1.0
    acks: int = 0
    category: str | None = None
    group: str | None = None
    article: str | None = None
    relayed: int = 0
    done: bool = False


@dataclass(order=True)
class _Pending:
    at: float
    order: int
    label: str = field(compare=False)
    build: Build = field(compare=False)
    conv_id: str | None = field(default=None, compare=False)


class SavvyPolicy(Policy):
    """Says every act the rules name, understands nothing (see the module's docstring)."""

    name = "savvy"
    description = "a cheater who read the published rules: every act, no understanding"

    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        super().__init__(scenario, seed)
        self.lang = scenario.language if scenario.language in TEXTS else "en"
        self.t = TEXTS[self.lang]
        self.stop = STOP[self.lang]
        self.kb = KbIndex(scenario.kb)
        self.articles = {a.id: a for a in scenario.kb}
        self.procedures: dict[str, Procedure] = {p.id: p for p in scenario.procedures}
        self.categories: tuple[Category, ...] = scenario.categories
        self.groups = {g.id: g.name for g in scenario.groups}
        self.cases: list[Case] = []
        self.by_conv: dict[str, Case] = {}
        self.by_ticket: dict[str, Case] = {}
        self.queue: list[_Pending] = []
        self.count = 0
        self.taken: set[str] = set()
        self.free_at = 0.0

    # ------------------------------------------------------------------ what arrives

    def observe(self, event: Event, seq: int) -> None:
        d, at = event.data, event.exam_time
        if event.type in ("chat_opened", "call_started"):
            case = self._case(
                d["customer_id"], at, "chat" if event.type == "chat_opened" else "call"
            )
            case.conv_id = d["conversation_id"]
            case.subject = d.get("subject", "")
            self.by_conv[case.conv_id] = case
            if d.get("ticket_id"):
                case.ticket_id = d["ticket_id"]
                self.by_ticket[d["ticket_id"]] = case
            self.later(at + AFTER_S, "opening", self._opening(case), case.conv_id)
            if case.channel == "call":
                self.later(at + 0.5, "search", self._search(case))
            self.later(at + STALL_S, "stall", self._stall(case, 0))
        elif event.type == "customer_message" and d["conversation_id"] in self.by_conv:
            case = self.by_conv[d["conversation_id"]]
            case.customer_said.append(d["text"])
            case.last_customer = at
            answer = self._answer(case, at, len(case.customer_said))
            self.later(at + AFTER_S, "answer", answer, case.conv_id)
            if case.channel == "call":
                self.later(at + 0.3, "search", self._search(case))
        elif event.type in ("email_received", "ticket_preloaded"):
            case = self._case(d["customer_id"], at, "written")
            case.ticket_id = d["ticket_id"]
            case.subject = d["title"]
            case.customer_said.append(d["description"])
            self.by_ticket[case.ticket_id] = case
            self.later(at + 1.0, "take", self._take_in_order())
            self.later(at + 20.0, "written", self._written(case))
        elif event.type == "customer_email" and d["ticket_id"] in self.by_ticket:
            case = self.by_ticket[d["ticket_id"]]
            case.customer_said.append(d["text"])
            self.later(at + 15.0, "mail-ack", self._mail_ack(case))
        elif event.type == "second_line_reply" and d["ticket_id"] in self.by_ticket:
            case = self.by_ticket[d["ticket_id"]]
            self.later(at + 5.0, "relay", self._relay(case, d["group"], d["text"]))
        elif event.type == "ticket_created" and "conversation_id" in d:
            case = self.by_conv.get(d["conversation_id"])
            if case is not None:
                case.ticket_id = d["ticket_id"]
                self.by_ticket[d["ticket_id"]] = case

    def _case(self, customer_id: str, at: float, channel: str) -> Case:
        case = Case(len(self.cases), customer_id, at, channel)
        self.cases.append(case)
        return case

    # ------------------------------------------------------------------ words

    def say(self, key: str, case: Case, **values: Any) -> str:
        options = self.t[key]
        return options[case.index % len(options)].format(**values)

    def first_name(self, state: ExamState, case: Case) -> str:
        customer = state.customers.get(case.customer_id)
        return customer.name.split()[0] if customer and customer.name else ""

    def case_text(self, case: Case) -> str:
        return " ".join([case.subject, *case.customer_said])

    def guess_category(self, case: Case) -> Category | None:
        spoken = case.channel != "written"
        fitting = [c for c in self.categories if self._spoken(c) == spoken] or list(self.categories)
        if not fitting:
            return None
        text = self.case_text(case)
        return max(fitting, key=lambda c: shared(c.name + " " + c.id, text, self.stop))

    def _spoken(self, category: Category) -> bool:
        procedure = self.procedures.get(category.procedure)
        return procedure is not None and any(s.patterns for s in procedure.steps)

    def procedure(self, case: Case) -> Procedure | None:
        category = self.guess_category(case)
        return self.procedures.get(category.procedure) if category else None

    def transfers(self, case: Case) -> bool:
        procedure = self.procedure(case)
        return procedure is not None and any(
            s.events == ("ticket_transferred",) for s in procedure.steps
        )

    def guess_group(self, case: Case) -> str | None:
        if not self.groups:
            return None
        text = self.case_text(case)
        category = self.guess_category(case)
        if category is not None:
            text += " " + category.name
        stop = self.stop | GENERIC_GROUP_WORDS
        return max(self.groups, key=lambda g: shared(self.groups[g] + " " + g, text, stop))

    def levels(self, state: ExamState, case: Case) -> tuple[str, str]:
        levels = state.sla_profile.levels if state.sla_profile else ("high", "medium", "low")
        text = " " + fold(self.case_text(case)) + " "
        middle = levels[len(levels) // 2]
        urgent = any(fold(w) in text for w in URGENT[self.lang])
        wide = any(fold(w) in text for w in WIDE[self.lang])
        return (levels[0] if wide else middle, levels[0] if urgent else middle)

    def spoken_steps(self, case: Case) -> list[str]:
        """The first pattern of each spoken step before the procedure's first action."""
        procedure = self.procedure(case)
        said: list[str] = []
        for step in procedure.steps if procedure else ():
            if step.events:
                break
            if step.patterns and step.id not in ("greet",):
                said.append(step.patterns[0])
        return said

    def restate_words(self, case: Case) -> str:
        """The customer's content words, in runs of at most four words of theirs."""
        said = " ".join(case.customer_said[-2:])
        runs: list[list[str]] = [[]]
        for w in WORD.findall(said):
            if fold(w).strip("'’-") in self.stop:
                if runs[-1]:
                    runs.append([])
                continue
            if len(runs[-1]) >= 3:
                runs.append([])
            runs[-1].append(w)
        parts = [" ".join(r) for r in runs if r][:6]
        return (
            self.t["and"][0].join([", ".join(parts[:-1]), parts[-1]])
            if len(parts) > 1
            else (parts[0] if parts else case.subject)
        )

    def top_hits(self, case: Case) -> list[str]:
        query = " ".join(w for w in words(case.subject or " ".join(case.customer_said[:1]))
                         if w not in self.stop)[:190]  # fmt: skip
        hits = self.kb.search(query, limit=5) if query else []
        if not hits and case.customer_said:
            first = [w for w in words(case.customer_said[0]) if w not in self.stop][:6]
            hits = self.kb.search(" ".join(first), limit=5)
        return [h.article_id for h in hits]

    def pasted(self, case: Case, limit: int = 900) -> str:
        """The top article's text: its paragraphs, only the first item of any list."""
        article = self.articles.get(case.article or "")
        if article is None:
            return ""
        kept: list[str] = []
        in_list = False
        for line in passage_text(article.body).splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                in_list = False
                continue
            item = re.match(r"^(\d+[.)]|[-*+•])\s+", line)
            if item:
                if in_list:
                    continue
                in_list = True
                line = line[item.end() :]
            else:
                in_list = False
            kept.append(line)
        text = " ".join(kept)
        return text[:limit].rsplit(" ", 1)[0] if len(text) > limit else text

    # ------------------------------------------------------------------ commands

    def later(self, at: float, label: str, build: Build, conv_id: str | None = None) -> None:
        self.count += 1
        self.queue.append(_Pending(at, self.count, label, build, conv_id))

    def _opening(self, case: Case) -> Build:
        def build(state: ExamState) -> Step | None:
            if case.stage > 0 or not self._open_conv(state, case):
                return None
            n = self.first_name(state, case)
            parts = [self.say("hello", case, n=n), self.say("feel", case, n=n)]
            steps = self.spoken_steps(case)
            if steps:
                parts.append(self.say("steps", case, n=n, steps=", ".join(steps)))
            parts.append(self.say("ask", case, n=n))

            def then() -> None:
                case.stage = 1

            return self._say(case, " ".join(parts), then)

        return build

    def _open_conv(self, state: ExamState, case: Case) -> bool:
        conv = state.conversations.get(case.conv_id or "")
        return conv is not None and conv.status == "open"

    def _answer(self, case: Case, at: float, count: int) -> Build:
        """The next step of the script, whatever the customer said (once per turn)."""

        def build(state: ExamState) -> Step | None:
            if len(case.customer_said) != count or case.spoke_at >= at:
                return None  # another message came, or it was answered already
            return self._next_step(state, case)

        return build

    def _stall(self, case: Case, stage: int) -> Build:
        """A customer who says nothing more: move on to the next step anyway."""

        def build(state: ExamState) -> Step | None:
            if case.stage != stage or case.done or not self._open_conv(state, case):
                return None
            step = self._next_step(state, case)
            if step is None:
                return None
            kind, data, first = step

            def then() -> None:
                if first is not None:
                    first()
                self.later(state.now + STALL_S, "stall", self._stall(case, case.stage))

            return kind, data, then

        return build

    def _next_step(self, state: ExamState, case: Case) -> Step | None:
        if not self._open_conv(state, case):
            return None
        n = self.first_name(state, case)
        now = state.now
        if case.stage == 0:
            return self._opening(case)(state)
        if case.stage == 1:

            def then1() -> None:
                case.stage = 2
                self.later(now + COST_S, "ticket", self._create(case))
                self.later(now + 2 * COST_S, "search", self._search(case))
                self.later(now + 3 * COST_S, "take", self._take_in_order())

            text = self.say("restate", case, n=n, words=self.restate_words(case))
            return self._say(case, text + " " + self.say("hold", case, n=n), then1)
        if case.stage == 2:
            if self.transfers(case):
                group = self.guess_group(case)

                def then2t() -> None:
                    case.stage = 3
                    case.group = group
                    self.later(now + COST_S, "transfer", self._transfer(case))
                    self.later(now + 3 * COST_S, "update", self._update(case))

                name = self.groups.get(group or "", "")
                return self._say(case, self.say("inform", case, n=n, group=name), then2t)

            def then2() -> None:
                case.stage = 3

            kb = self.pasted(case)
            text = self.say("paste", case, n=n, kb=kb) if kb else ""
            return self._say(case, (text + " " + self.say("check", case, n=n)).strip(), then2)

        def then3() -> None:
            case.stage = 4

        if case.stage == 3:
            closing = self._canned_closing(case)
            if closing is not None and case.conv_id is not None:
                return "message_sent", {"conversation_id": case.conv_id, **closing}, then3
            return self._say(case, self.say("closing", case, n=n), then3)
        if case.stage == 4:

            def then4() -> None:
                case.stage = 5
                if case.group is None:
                    self.later(now + 3 * COST_S, "resolve", self._resolve(case))
                    self.later(now + 15.0, "close-conv", self._close_conv(case))

            return self._say(case, self.say("bye", case, n=n), then4)
        if case.acks >= MAX_ACKS:
            return None

        def then5() -> None:
            case.acks += 1

        return self._say(case, self.say("ack", case, n=n), then5)

    def _say(self, case: Case, text: str, then: Then | None) -> Step | None:
        if not text or case.conv_id is None:
            return None
        return "message_sent", {"conversation_id": case.conv_id, "text": text[:1990]}, then

    def _canned_closing(self, case: Case) -> dict[str, Any] | None:
        procedure = self.procedure(case)
        patterns = (
            [p for s in procedure.steps if s.id == "closing" for p in s.patterns]
            if procedure
            else []
        )
        for canned in self.scenario.canned:
            if any(fold(p) in fold(canned.text) for p in patterns):
                return {"text": canned.text.replace("{agent}", "Sam"), "canned_id": canned.id}
        return None

    def _query(self, case: Case) -> str:
        text = case.subject or (case.customer_said[0] if case.customer_said else "")
        return " ".join(w for w in words(text) if w not in self.stop)[:190]

    def _search(self, case: Case) -> Build:
        """Search the title's words, then open the top hit (once more where it was open)."""

        def build(state: ExamState) -> Step | None:
            if case.article is not None:
                return "kb_article_opened", {"article_id": case.article}, None
            hits = self.top_hits(case)
            if not hits:
                return None
            now = state.now

            def then() -> None:
                case.article = hits[0]
                self.later(now + COST_S, "open", self._search(case))

            return "kb_searched", {"query": self._query(case) or hits[0], "results": hits}, then

        return build

    def _create(self, case: Case) -> Build:
        def build(state: ExamState) -> Step | None:
            if case.ticket_id is not None or not case.customer_said:
                return None
            category = self.guess_category(case)
            impact, urgency = self.levels(state, case)
            title = case.subject or " ".join(WORD.findall(case.customer_said[0])[:8])
            data = {
                "ticket_id": state.next_ticket_id(),
                "title": title or "?",
                "customer_id": case.customer_id,
                "description": "\n".join(case.customer_said)[:3900],
                "category": category.id if category else None,
                "impact": impact,
                "urgency": urgency,
                "conversation_id": case.conv_id,
            }
            return "ticket_created", data, None

        return build

    def _take_in_order(self) -> Build:
        """Take every waiting ticket, highest priority first (the SLA column)."""

        def build(state: ExamState) -> Step | None:
            waiting = [
                t
                for t in state.tickets.values()
                if t.status is TicketStatus.NEW and t.id not in self.taken
            ]
            if not waiting:
                return None
            first = min(waiting, key=lambda t: (t.priority or "P9", t.created_at))
            now = state.now

            def then() -> None:
                self.taken.add(first.id)
                if len(waiting) > 1:
                    self.later(now + COST_S, "take", self._take_in_order())

            return "ticket_opened", {"ticket_id": first.id}, then

        return build

    def _written(self, case: Case) -> Build:
        """Classify, look up, reply with the paste; then resolve or transfer."""

        def build(state: ExamState) -> Step | None:
            ticket = state.tickets.get(case.ticket_id or "")
            if ticket is None or ticket.status in (TicketStatus.RESOLVED, TicketStatus.CLOSED):
                return None
            now = state.now
            if ticket.id not in self.taken:
                taking = self._take_in_order()(state)
                if taking is None:
                    return None
                kind, data, first = taking

                def retry() -> None:
                    if first is not None:
                        first()
                    self.later(now + COST_S, "written", self._written(case))

                return kind, data, retry
            category = self.guess_category(case)
            impact, urgency = self.levels(state, case)
            wanted = {
                "category": category.id if category else None,
                "impact": impact,
                "urgency": urgency,
            }
            changes = {k: v for k, v in wanted.items() if v and getattr(ticket, k) != v}

            def then() -> None:
                self.later(now + COST_S, "search", self._search(case))
                self.later(now + 3 * COST_S, "mail", self._mail(case))

            if not changes:
                return "ticket_opened", {"ticket_id": ticket.id}, then
            return "ticket_updated", {"ticket_id": ticket.id, "changes": changes}, then

        return build

    def _mail(self, case: Case) -> Build:
        def build(state: ExamState) -> Step | None:
            ticket = state.tickets.get(case.ticket_id or "")
            if ticket is None or ticket.status in (TicketStatus.RESOLVED, TicketStatus.CLOSED):
                return None
            n = self.first_name(state, case)
            now = state.now
            if self._mail_transfers(case):
                group = self.guess_group(case)

                def then_t() -> None:
                    case.group = group
                    self.later(now + COST_S, "transfer", self._transfer(case))
                    self.later(now + 3 * COST_S, "update", self._update(case))

                text = self.say("inform", case, n=n, group=self.groups.get(group or "", ""))
                return "ticket_reply_added", {"ticket_id": ticket.id, "text": text}, then_t

            def then() -> None:
                self.later(now + 60.0, "resolve", self._resolve(case))

            kb = self.pasted(case)
            text = self.say("mail", case, n=n, title=case.subject, kb=kb)
            return "ticket_reply_added", {"ticket_id": ticket.id, "text": text[:3990]}, then

        return build

    def _mail_transfers(self, case: Case) -> bool:
        """A written ticket goes to a group whose own words are in it (keywords only)."""
        group = self.guess_group(case)
        if group is None or case.article is not None:
            return False
        stop = self.stop | GENERIC_GROUP_WORDS
        return shared(self.groups[group], self.case_text(case), stop) > 0

    def _mail_ack(self, case: Case) -> Build:
        def build(state: ExamState) -> Step | None:
            ticket = state.tickets.get(case.ticket_id or "")
            if ticket is None or ticket.status is TicketStatus.CLOSED:
                return None
            text = self.say("ack", case, n=self.first_name(state, case))
            return "ticket_reply_added", {"ticket_id": ticket.id, "text": text}, None

        return build

    def _transfer(self, case: Case) -> Build:
        def build(state: ExamState) -> Step | None:
            if case.ticket_id not in state.tickets or case.group is None:
                return None
            reason = case.subject or " ".join(case.customer_said[:1]) or case.group
            data = {"ticket_id": case.ticket_id, "group": case.group, "reason": reason[:900]}
            return "ticket_transferred", data, None

        return build

    def _update(self, case: Case) -> Build:
        """A progress message on a timer, with a group name and a time, until it is solved."""

        def build(state: ExamState) -> Step | None:
            ticket = state.tickets.get(case.ticket_id or "")
            if ticket is None or ticket.status in (TicketStatus.RESOLVED, TicketStatus.CLOSED):
                return None
            profile = state.sla_profile
            targets = profile.priorities.get(ticket.priority or "") if profile else None
            every = (targets.update_s if targets else 900.0) * UPDATE_SHARE
            now = state.now

            def then() -> None:
                self.later(now + every, "update", self._update(case))

            n = self.first_name(state, case)
            group = self.groups.get(case.group or "", "")
            mins = max(5, int(every // 60))
            text = self.say("update", case, n=n, ticket=ticket.id, group=group, mins=mins)
            conv = state.conversations.get(case.conv_id or "")
            if conv is not None and conv.status == "open" and conv.busy_until <= now:
                return "message_sent", {"conversation_id": conv.id, "text": text}, then
            return "ticket_reply_added", {"ticket_id": ticket.id, "text": text}, then

        return build

    def _relay(self, case: Case, group: str, said: str) -> Build:
        """The second line's words to the customer, then into a note."""

        def build(state: ExamState) -> Step | None:
            ticket = state.tickets.get(case.ticket_id or "")
            if ticket is None:
                return None
            n = self.first_name(state, case)
            text = self.say("relay", case, n=n, group=self.groups.get(group, group), text=said)
            now = state.now

            def then() -> None:
                case.relayed += 1
                self.later(now + COST_S, "note", self._note(case, said))
                if "?" not in said:
                    self.later(now + 60.0, "resolve", self._resolve(case))

            if self._open_conv(state, case) and case.conv_id is not None:
                return "message_sent", {"conversation_id": case.conv_id, "text": text[:1990]}, then
            return "ticket_reply_added", {"ticket_id": ticket.id, "text": text[:3990]}, then

        return build

    def _note(self, case: Case, text: str) -> Build:
        def build(state: ExamState) -> Step | None:
            if case.ticket_id not in state.tickets:
                return None
            return "note_added", {"ticket_id": case.ticket_id, "text": text[:3990]}, None

        return build

    def _resolve(self, case: Case) -> Build:
        def build(state: ExamState) -> Step | None:
            ticket = state.tickets.get(case.ticket_id or "")
            if ticket is None or ticket.status in (TicketStatus.RESOLVED, TicketStatus.CLOSED):
                return None
            now = state.now
            if ticket.category is None:
                category = self.guess_category(case)
                if category is None:
                    return None

                def again() -> None:
                    self.later(now + COST_S, "resolve", self._resolve(case))

                changes = {"category": category.id}
                return "ticket_updated", {"ticket_id": ticket.id, "changes": changes}, again
            kb = self.pasted(case) or " ".join(case.customer_said[-1:]) or ticket.title
            solution = self.say("resolution", case, title=case.subject or ticket.title, kb=kb)
            data: dict[str, Any] = {"ticket_id": ticket.id, "solution": solution[:3990]}
            if case.article:
                data["kb_article"] = case.article

            def then() -> None:
                case.done = True
                self.later(now + 10.0, "close", self._close(case))

            return "ticket_resolved", data, then

        return build

    def _close(self, case: Case) -> Build:
        def build(state: ExamState) -> Step | None:
            ticket = state.tickets.get(case.ticket_id or "")
            if ticket is None or ticket.status is not TicketStatus.RESOLVED:
                return None
            return "ticket_closed", {"ticket_id": ticket.id}, None

        return build

    def _close_conv(self, case: Case) -> Build:
        def build(state: ExamState) -> Step | None:
            if not self._open_conv(state, case) or case.conv_id is None:
                return None
            return "conversation_closed", {"conversation_id": case.conv_id}, None

        return build

    # ------------------------------------------------------------------ the runner's side

    def next_action(self, state: ExamState, now: float) -> Action | None:
        """The earliest pending command that applies, built from the state as it is now.

        Nothing changes the state before the command's time but a stimulus, after
        which the runner asks again; so a command is built now and what follows
        from it happens in `done`. A message waits until the customer stopped
        typing or speaking (no interruption). One that does not apply is
        dropped once its time has come, kept (for after a stimulus) before.
        """
        self.queue.sort()
        start = max(now, self.free_at)
        for item in list(self.queue):
            conv = state.conversations.get(item.conv_id or "")
            if conv is not None and conv.busy_until + AFTER_S > max(item.at, start):
                item.at = conv.busy_until + AFTER_S
                return self.next_action(state, now)
            built = item.build(state)
            if built is None:
                if item.at <= now:
                    self.queue.remove(item)
                continue
            kind, data, then = built
            data = {k: v for k, v in data.items() if v is not None}
            at = max(item.at, start)
            return Action(at, kind, data, cost=COST_S, label=item.label, origin=(item, then))
        return None

    def done(self, action: Action, event: Event) -> None:
        item, then = action.origin
        if item in self.queue:
            self.queue.remove(item)
        self.free_at = event.exam_time + action.cost
        if event.type == "message_sent" and event.data["conversation_id"] in self.by_conv:
            self.by_conv[event.data["conversation_id"]].spoke_at = event.exam_time
        if then is not None:
            then()

    def refused(self, action: Action, reason: str) -> None:
        item, _ = action.origin
        if item in self.queue:
            self.queue.remove(item)
        self.note(f"{action.label} refused: {reason}")
