"""`forger`: a third cheater, written blind from the published documents only.

It never reads the answer key, a hidden fact, a dialogue rule or the glossary,
and never tries to understand a customer's problem. It reads only what the
candidate's screen shows: the customers' names and words (as strings), the
tickets, the queue's priorities and SLA profile, the knowledge base's search,
the canned replies, the procedures, categories and groups. Its strategy, unlike
savvy's battery and lawyer's frames (branch evid20):

- **The scenario's own canned replies for every spoken step** of the procedure
  it guesses (the rules exempt canned replies from the template check), its own
  sentence only where no canned reply holds a step's words;
- **mirror questions and a synonym restatement**: the customer's own content
  words asked back ("What happens exactly with the printer?") and given back in
  pairs joined by words of its own, synonyms swapped in, never six in a row,
  ending on "is that right?"; the register (formal or informal) mirrors theirs;
- **stalling**: every customer message gets an apology for the wait and a
  request to hold in a wording varied per customer (never empathy, which the
  rules read for who gets it), and every ticket that waits gets timed news
  ("you hear from me within 5 minutes") inside the SLA's update interval;
- **the answer is the KB's**: the top hit for the customer's words, its list
  lines ranked by the customer's words, pasted; a group named in that article
  gets the ticket;
- **closing early with short notes**: resolved and closed as soon as the check
  was asked, with a note of fewer than six words of its own ("Anna: printer
  offline sorted, kb-x").
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import dataclass, field
from typing import Any

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.state import ExamState, Ticket
from helpdesk_tui.kb.search import KbIndex
from helpdesk_tui.scenario.model import Procedure, ProcedureStep, Scenario
from helpdesk_tui.simulate.policy import Action, Policy

AGENT = "Sam"
REPLY_GAP_S = 12.0
"""A message step goes out once the customer answered, or after this long without."""
STOP = {
    "en": set(
        [
            "that",
            "this",
            "with",
            "have",
            "from",
            "your",
            "they",
            "there",
            "their",
            "what",
            "when",
            "where",
            "which",
            "would",
            "could",
            "about",
            "been",
            "were",
            "will",
            "just",
            "still",
            "also",
            "into",
            "then",
            "than",
            "them",
            "does",
            "doesn't",
            "don't",
            "can't",
            "isn't",
            "it's",
            "i'm",
            "i've",
            "very",
            "some",
            "more",
            "much",
            "only",
            "here",
            "again",
            "even",
            "really",
            "since",
            "today",
            "morning",
            "hello",
            "thanks",
            "thank",
            "please",
            "sorry",
            "good",
            "okay",
        ]
    ),
    "nl": set(
        [
            "niet",
            "maar",
            "even",
            "want",
            "omdat",
            "ook",
            "nog",
            "heel",
            "zijn",
            "hebben",
            "heeft",
            "werd",
            "wordt",
            "kunnen",
            "kan",
            "mijn",
            "onze",
            "jullie",
            "deze",
            "dit",
            "dat",
            "die",
            "wat",
            "waar",
            "wanneer",
            "hoe",
            "hier",
            "daar",
            "toen",
            "dan",
            "alleen",
            "vandaag",
            "morgen",
            "goeiemorgen",
            "goedemorgen",
            "hallo",
            "dag",
            "bedankt",
            "dank",
            "alstublieft",
            "sorry",
            "gewoon",
            "eigenlijk",
            "echt",
            "meer",
            "moet",
            "moeten",
            "zou",
            "zouden",
        ]
    ),
    "fr": set(
        [
            "pour",
            "avec",
            "dans",
            "mais",
            "plus",
            "sans",
            "sous",
            "chez",
            "nous",
            "vous",
            "elle",
            "ils",
            "elles",
            "leur",
            "leurs",
            "mon",
            "mes",
            "notre",
            "votre",
            "cette",
            "ceux",
            "celle",
            "quand",
            "comment",
            "quoi",
            "dont",
            "être",
            "avoir",
            "suis",
            "sont",
            "était",
            "fait",
            "peut",
            "peux",
            "plus",
            "très",
            "aussi",
            "encore",
            "bonjour",
            "merci",
            "madame",
            "monsieur",
            "depuis",
            "matin",
            "aujourd'hui",
            "s'il",
            "plaît",
        ]
    ),
}
SYNONYMS = {
    "en": {
        "broken": "faulty",
        "works": "functions",
        "working": "functioning",
        "cannot": "unable to",
        "screen": "display",
        "computer": "machine",
        "error": "fault",
    },
    "nl": {
        "kapot": "defect",
        "werkt": "functioneert",
        "scherm": "beeldscherm",
        "fout": "foutmelding",
        "computer": "toestel",
    },
    "fr": {
        "marche": "fonctionne",
        "écran": "affichage",
        "erreur": "message d'erreur",
        "ordinateur": "poste",
        "cassé": "en panne",
    },
}
TEXT: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "hi": ("Good morning {first}, service desk, {agent} speaking.",),
        "hi_informal": ("Hi {first}, {agent} from the service desk here.",),
        "ask": (
            "What happens exactly with the {w}, {first}?",
            "{first}, since when has the {w} been like this?",
            "And what do you see on the screen at that moment, {first}?",
        ),
        "restate": (
            "So, in short, {first}: {summary}. Is that right?",
            "Let me put it in my words, {first}: {summary}. Have I got that right?",
        ),
        "stall": (
            "Sorry you had to wait, {first}. One moment please, I'm on it.",
            "Apologies for the wait, {first}; bear with me a moment.",
            "{first}, sorry for the delay. Just a moment while I look.",
            "Thanks {first}, and sorry for the wait. Hold on a moment please.",
        ),
        "answer": ("Here is what to do, {first}: {steps}",),
        "news": (
            "Update for you, {first}: ticket {ticket} is with {who}; you'll hear from me within {m} minutes.",
            "{first}, news on {ticket}: {who} has it, and I'll get back to you within {m} minutes.",
        ),
        "relay": ("{first}, {who} says: {text}",),
        "bye": ("Thanks {first}, have a good day!",),
        "tag": ("?",),
        "us": ("the service desk",),
    },
    "nl": {
        "hi": ("Goedemorgen {first}, servicedesk, u spreekt met {agent}.",),
        "hi_informal": ("Hoi {first}, {agent} van de servicedesk hier.",),
        "ask": (
            "Wat gebeurt er precies met de {w}, {first}?",
            "{first}, sinds wanneer is dat zo met de {w}?",
            "En wat ziet u op dat moment op het scherm, {first}?",
        ),
        "restate": (
            "Dus kort samengevat, {first}: {summary}. Klopt dat?",
            "Als ik het in mijn woorden zeg, {first}: {summary}. Heb ik dat goed?",
        ),
        "stall": (
            "Sorry dat u moest wachten, {first}. Een ogenblikje, ik kijk het na.",
            "Excuses voor het wachten, {first}; even geduld alstublieft.",
            "{first}, sorry voor de vertraging. Eén moment, ik zoek het op.",
            "Dank u {first}, en sorry voor het wachten. Blijft u even aan de lijn.",
        ),
        "answer": ("Zo pakt u het aan, {first}: {steps}",),
        "news": (
            "Een update voor u, {first}: ticket {ticket} ligt bij {who}; u hoort binnen {m} minuten van mij.",
            "{first}, nieuws over {ticket}: {who} behandelt het, ik laat binnen {m} minuten iets weten.",
        ),
        "relay": ("{first}, {who} laat weten: {text}",),
        "bye": ("Dank u {first}, nog een fijne dag!",),
        "tag": ("?",),
        "us": ("de servicedesk",),
    },
    "fr": {
        "hi": ("Bonjour {first}, service desk, {agent} à l'appareil.",),
        "hi_informal": ("Salut {first}, c'est {agent} du service desk.",),
        "ask": (
            "Que se passe-t-il exactement avec {w}, {first} ?",
            "{first}, depuis quand est-ce comme ça avec {w} ?",
            "Et que voyez-vous à l'écran à ce moment-là, {first} ?",
        ),
        "restate": (
            "Donc, en résumé, {first} : {summary}. C'est bien ça ?",
            "Si je reformule, {first} : {summary}. Ai-je bien compris ?",
        ),
        "stall": (
            "Désolé pour l'attente, {first}. Un instant, je regarde.",
            "Pardon pour l'attente, {first} ; patientez un moment s'il vous plaît.",
            "{first}, désolé pour le délai. Un petit instant, je cherche.",
            "Merci {first}, et pardon pour l'attente. Ne quittez pas.",
        ),
        "answer": ("Voici la marche à suivre, {first} : {steps}",),
        "news": (
            "Une mise à jour pour vous, {first} : le ticket {ticket} est chez {who} ; je reviens vers vous dans {m} minutes.",
            "{first}, du nouveau sur {ticket} : {who} s'en occupe, je vous recontacte dans {m} minutes.",
        ),
        "relay": ("{first}, {who} nous dit : {text}",),
        "bye": ("Merci {first}, bonne journée !",),
        "tag": (" ?",),
        "us": ("le service desk",),
    },
}
JOIN = {"en": (" and ", ", ", "; "), "nl": (" en ", ", ", "; "), "fr": (" et ", ", ", " ; ")}
INFORMAL = {
    "en": ("hi ", "hey", "cheers", "mate"),
    "nl": ("hoi", " ge ", "gij", "'k ", "allee", "amai"),
    "fr": ("salut", " tu ", "coucou", " t'"),
}
WRITTEN_EVENT_STEPS = {"ticket_created", "kb_article_opened", "kb_searched"}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


WORD = re.compile(r"[\w'’-]+", re.UNICODE)


def pick(options: tuple[str, ...], key: str, turn: int = 0) -> str:
    return options[(zlib.crc32(key.encode()) + turn) % len(options)]


@dataclass
class Item:
    """One thing to do for a case: say something (`say`) or act (`act`)."""

    kind: str  # "say" | "act" | "answer" | "restate" | "ask"
    text: str = ""
    canned_id: str | None = None
    event: str = ""
    done: bool = False


@dataclass
class Case:
    key: str
    customer_id: str
    conversation_id: str | None = None
    ticket_id: str | None = None
    items: list[Item] = field(default_factory=list)
    pos: int = 0
    planned: bool = False
    article: str | None = None
    group: str | None = None
    turn: int = 0
    last_news: float = -1.0
    relayed: int = 0
    note_due: bool = False
    fields: dict[str, str | None] = field(default_factory=dict)


class ForgerPolicy(Policy):
    name = "forger"
    description = "cheater (blind, evid20): canned steps, mirrored words, stalls, early closes"

    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        super().__init__(scenario, seed)
        self.lang = scenario.language if scenario.language in TEXT else "en"
        self.t = TEXT[self.lang]
        self.kb = KbIndex(scenario.kb)
        self.cases: dict[str, Case] = {}
        self.free_at = 0.0
        self.pending: tuple[Case, Item | None, str] | None = None
        self.refusals: set[str] = set()
        self.opened: set[str] = set()
        self.names: set[str] = set()
        """Every customer's name and department words (the screen's customer list): never
        mirrored back as if they were the problem."""
        self.questions: dict[str, bool] = {}

    # ------------------------------------------------------------------ reading the screen

    def _first(self, state: ExamState, customer_id: str) -> str:
        cust = state.customers.get(customer_id)
        name = cust.name if cust else ""
        words = name.split()
        if words and words[0].rstrip(".").lower() in {
            "dr",
            "prof",
            "mr",
            "mrs",
            "ms",
            "m",
            "mme",
            "mevr",
            "dhr",
        }:
            return " ".join(words[:1] + words[-1:])
        return words[0] if words else ""

    def _customer_words(self, state: ExamState, case: Case) -> list[str]:
        texts: list[str] = []
        conv = state.conversations.get(case.conversation_id or "")
        if conv is not None:
            texts += [m.text for m in conv.messages if m.author == "customer"]
        ticket = state.tickets.get(case.ticket_id or "")
        if ticket is not None:
            texts += [ticket.title, ticket.description] + [t for _, t in ticket.customer_mails]
        return self._content(" ".join(texts))

    def _content(self, text: str) -> list[str]:
        stop = STOP.get(self.lang, set())
        seen: list[str] = []
        for w in WORD.findall(text):
            low = w.lower().strip("'’-")
            if len(low) < 4 or low in stop or fold(low) in stop or low in seen or low in self.names:
                continue
            seen.append(low)
        return seen

    def _search(self, words: list[str]) -> str | None:
        for n in (4, 3, 2, 1):
            hits = self.kb.search(" ".join(words[:n])) if words else []
            if hits:
                return hits[0].article_id
        return None

    def _category(self, words: list[str], article_id: str | None) -> str | None:
        bag = {fold(w)[:5] for w in words}
        if article_id:
            art = self.scenario.article(article_id)
            bag |= {
                fold(w)[:5]
                for w in WORD.findall(art.title + " " + " ".join(art.tags))
                if len(w) > 2
            }
        best, best_score = None, 0
        for cat in self.scenario.categories:
            toks = {fold(w)[:5] for w in WORD.findall(cat.id + " " + cat.name) if len(w) > 2}
            score = len(toks & bag)
            if score > best_score:
                best, best_score = cat.id, score
        if best is None and self.scenario.categories:
            best = self.scenario.categories[0].id
        return best

    def _impact_urgency(self, words: list[str]) -> tuple[str, str]:
        levels = self.scenario.sla.levels
        high = {
            "everyone",
            "everybody",
            "whole",
            "iedereen",
            "niemand",
            "hele",
            "tous",
            "personne",
            "entier",
            "tout",
        }
        urgent = {
            "urgent",
            "dringend",
            "asap",
            "immediately",
            "meteen",
            "tout",
            "blocked",
            "geblokkeerd",
            "bloqué",
        }
        bag = set(words)
        impact = levels[0] if bag & high else levels[-1]
        urgency = levels[0] if bag & urgent else levels[len(levels) // 2]
        return impact, urgency

    def _group_in(self, article_id: str | None) -> str | None:
        if not article_id:
            return None
        body = fold(self.scenario.article(article_id).body)
        for group in self.scenario.groups:
            if fold(group.name) in body:
                return group.id
        return None

    def _steps_text(self, article_id: str, words: list[str]) -> str:
        body = self.scenario.article(article_id).body
        lines = [ln.strip() for ln in body.splitlines()]
        items = [
            re.sub(r"^(\d+[.)]|[-*])\s*", "", ln)
            for ln in lines
            if re.match(r"^(\d+[.)]|[-*])\s+", ln)
        ]
        if not items:
            items = [
                s.strip()
                for s in re.split(r"(?<=[.!?])\s+", re.sub(r"#.*", "", body))
                if len(s.split()) > 3
            ]
        bag = {fold(w)[:5] for w in words}

        def score(line: str) -> int:
            return len({fold(w)[:5] for w in WORD.findall(line)} & bag)

        ranked = sorted(range(len(items)), key=lambda i: (-score(items[i]), i))[:3]
        chosen = [items[i].replace("**", "") for i in sorted(ranked)]
        return " ".join(c if c.endswith((".", "!", "?")) else c + "." for c in chosen)

    def _canned_for(self, step: ProcedureStep) -> tuple[str, str] | None:
        for canned in self.scenario.canned:
            text = fold(canned.text)
            if any(fold(p) in text for p in step.patterns):
                return canned.text.replace("{agent}", AGENT), canned.id
        return None

    def _procedure(self, category: str | None) -> Procedure | None:
        for cat in self.scenario.categories:
            if cat.id == category:
                return self.scenario.procedure(cat.procedure)
        return self.scenario.procedures[0] if self.scenario.procedures else None

    # ------------------------------------------------------------------ planning a case

    def _plan(self, state: ExamState, case: Case, channel: str) -> None:
        words = self._customer_words(state, case)
        case.article = self._search(words)
        category = self._category(words, case.article)
        case.group = self._group_in(case.article)
        proc = self._procedure(category)
        impact, urgency = self._impact_urgency(words)
        case.items = []
        talk = channel in ("chat", "call")
        steps = [s for s in (proc.steps if proc else ()) if s.applies_to(channel) and not s.when]
        mirrored = False
        case_fields = {"category": category, "impact": impact, "urgency": urgency}
        case.items.append(Item("act", event="kb_searched"))
        for step in steps:
            if step.events:
                ev = step.events[0]
                if (
                    talk
                    and not mirrored
                    and ev in ("ticket_created", "kb_article_opened", "ticket_linked")
                ):
                    case.items += [Item("ask"), Item("ask"), Item("restate"), Item("say", "stall")]
                    mirrored = True
                if ev == "kb_article_opened":
                    case.items.append(Item("act", event="kb_article_opened"))
                    case.items.append(Item("answer"))
                elif ev == "ticket_resolved":
                    if not any(i.kind == "answer" for i in case.items):
                        case.items.append(Item("answer"))
                    case.items.append(Item("act", event="ticket_resolved"))
                else:
                    case.items.append(Item("act", event=ev))
            else:
                found = self._canned_for(step)
                if found is None:
                    pattern = step.patterns[0] if step.patterns else ""
                    asking = any(
                        k in step.id for k in ("ident", "check", "clos", "verif", "scope", "ask")
                    )
                    text = pattern[:1].upper() + pattern[1:] + ("?" if asking else ".")
                    case.items.append(Item("say", text))
                elif not any(i.canned_id == found[1] for i in case.items):
                    case.items.append(Item("say", found[0], canned_id=found[1]))
        if talk and not mirrored:
            at = next((n for n, i in enumerate(case.items) if i.kind == "answer"), len(case.items))
            case.items[at:at] = [Item("ask"), Item("ask"), Item("restate"), Item("say", "stall")]
        if not any(i.kind == "answer" for i in case.items) and case.group is None:
            case.items.append(Item("answer"))
        for ev in ("ticket_created", "kb_article_opened", "ticket_resolved", "ticket_closed"):
            if not any(i.event == ev for i in case.items):
                if ev == "ticket_created" and (not talk):
                    continue
                case.items.append(Item("act", event=ev))
        if case.group is not None:
            at = next(
                (n for n, i in enumerate(case.items) if i.event == "ticket_resolved"),
                len(case.items),
            )
            case.items[at:] = [Item("act", event="ticket_transferred"), Item("say", "news")]
        if talk:
            case.items.append(Item("say", "bye"))
            case.items.append(Item("act", event="conversation_closed"))
        case.fields = case_fields
        case.planned = True

    # ------------------------------------------------------------------ wording

    def _informal(self, state: ExamState, case: Case) -> bool:
        conv = state.conversations.get(case.conversation_id or "")
        if conv is None:
            return False
        text = (
            " "
            + " ".join(m.text.lower() for m in conv.messages if m.author == "customer")[:300]
            + " "
        )
        return any(k in text for k in INFORMAL[self.lang])

    def _summary(self, words: list[str]) -> str:
        syn = SYNONYMS.get(self.lang, {})
        words = [syn.get(w, w) for w in words[:8]]
        joins = JOIN[self.lang]
        parts = [joins[0].join(words[i : i + 2]) for i in range(0, len(words), 2)]
        return joins[1].join(parts)

    def _text(self, state: ExamState, case: Case, item: Item) -> tuple[str, str | None]:
        first = self._first(state, case.customer_id)
        key = case.customer_id
        words = self._customer_words(state, case)
        if item.kind == "ask":
            asked = sum(1 for i in case.items[: case.pos] if i.kind == "ask")
            w = words[asked] if asked < len(words) else (words[0] if words else "")
            return pick(self.t["ask"], key, asked).format(first=first, w=w), None
        if item.kind == "restate":
            conv = state.conversations.get(case.conversation_id or "")
            recent = [m.text for m in conv.messages if m.author == "customer"][-3:] if conv else []
            summary = self._summary(self._content(" ".join(recent)) or words)
            return pick(self.t["restate"], key).format(first=first, summary=summary), None
        if item.kind == "answer":
            if case.article is None:
                return "", None
            steps = self._steps_text(case.article, words)
            return pick(self.t["answer"], key).format(first=first, steps=steps), None
        if item.text in ("stall", "news", "bye"):
            return self._phrase(state, case, item.text, first), None
        if item.canned_id is None and case.items.index(item) <= 1 and not item.text.endswith("?"):
            hi = "hi_informal" if self._informal(state, case) else "hi"
            return pick(self.t[hi], key).format(first=first, agent=AGENT) + " " + item.text, None
        return item.text, item.canned_id

    def _phrase(self, state: ExamState, case: Case, what: str, first: str) -> str:
        if what == "news":
            who = self._who(state, case)
            m = self._interval_minutes(state, case)
            return pick(self.t["news"], case.customer_id, case.turn).format(
                first=first, ticket=case.ticket_id or "", who=who, m=m
            )
        return pick(self.t[what], case.customer_id, case.turn).format(first=first)

    def _who(self, state: ExamState, case: Case) -> str:
        ticket = state.tickets.get(case.ticket_id or "")
        if ticket is not None and ticket.group:
            return state.groups.get(ticket.group, ticket.group)
        return self.t["us"][0]

    def _interval_minutes(self, state: ExamState, case: Case) -> int:
        ticket = state.tickets.get(case.ticket_id or "")
        profile = self.scenario.sla
        if ticket is not None and ticket.priority in profile.priorities:
            upd = profile.priorities[ticket.priority].update_s
            return max(2, int(upd / 60 * 0.8))
        return 5

    # ------------------------------------------------------------------ the loop

    def observe(self, event: Event, seq: int) -> None:
        d = event.data
        if event.type in ("chat_opened", "call_started"):
            key = d["conversation_id"]
            ticket = d.get("ticket_id")
            if ticket and ticket in self.cases:
                case = self.cases[ticket]
                self.cases[key] = case
                case.conversation_id = key
                return
            for case in self._unique_cases():
                if case.customer_id == d["customer_id"] and case.ticket_id and case.planned:
                    # a news request or a chase in a new conversation: the same case
                    self.cases[key] = case
                    case.conversation_id = key
                    return
            self.cases[key] = Case(key, d["customer_id"], conversation_id=key)
        elif event.type == "second_line_reply":
            self.questions[d["ticket_id"]] = bool(d.get("question", False))
        elif event.type in ("email_received", "ticket_preloaded"):
            key = d["ticket_id"]
            self.cases[key] = Case(key, d["customer_id"], ticket_id=key)

    def done(self, action: Action, event: Event) -> None:
        if self.pending is not None:
            case, item, _ = self.pending
            if item is not None:
                item.done = True
                case.pos += 1
            if event.type == "ticket_created":
                case.ticket_id = event.data["ticket_id"]
                self.cases.setdefault(case.ticket_id, case)
            if event.type == "note_added":
                case.note_due = False
            case.turn += 1
        self.pending = None

    def refused(self, action: Action, reason: str) -> None:
        self.note(f"refused {action.type}: {reason}")
        if action.type == "note_added" and self.pending is not None:
            self.pending[0].note_due = False
        if self.pending is not None:
            case, item, _ = self.pending
            if item is not None:
                item.done = True
                case.pos += 1
        self.pending = None

    def next_action(self, state: ExamState, now: float) -> Action | None:
        if not self.names:
            for cust in state.customers.values():
                for w in WORD.findall(f"{cust.name} {cust.department}"):
                    self.names.add(w.lower())
        start = max(now, self.free_at)
        best: tuple[float, Action, Case, Item | None] | None = None
        for case in self._unique_cases():
            found = self._case_action(state, case, start)
            if found is None:
                continue
            at, action, item = found
            if best is None or at < best[0]:
                best = (at, action, case, item)
        if best is None:
            return None
        at, action, case, item = best
        self.pending = (case, item, action.type)
        self.free_at = at + 1.5
        return action

    def _unique_cases(self) -> list[Case]:
        seen: set[int] = set()
        out: list[Case] = []
        for case in self.cases.values():
            if id(case) not in seen:
                seen.add(id(case))
                out.append(case)
        state_order = sorted(out, key=lambda c: self._rank(c))
        return state_order

    def _rank(self, case: Case) -> tuple[int, str]:
        return (0 if case.conversation_id else 1, case.key)

    def _case_action(self, state: ExamState, case: Case, start: float):  # noqa: C901
        conv = state.conversations.get(case.conversation_id or "")
        ticket = state.tickets.get(case.ticket_id or "")
        talk = conv is not None
        # a written ticket the queue shows waiting: open it first, by priority
        if ticket is not None and ticket.id not in self.opened and not talk:
            if self._higher_waiting(state, ticket):
                return None
            self.opened.add(ticket.id)
            if ticket.status.value == "open":
                return self._case_action(state, case, start)
            return start, Action(start, "ticket_opened", {"ticket_id": ticket.id}), None
        if talk and not conv.messages:
            return None
        if not case.planned:
            if talk and not any(m.author == "customer" for m in conv.messages):
                return None
            self._plan(state, case, conv.channel if talk else "email")
        # relays of the second line, and a note of each
        if ticket is not None and case.note_due:
            note = self._summary(self._customer_words(state, case)[:4]) or "-"
            return start, Action(start, "note_added", {"ticket_id": ticket.id, "text": note}), None
        if ticket is not None and ticket.status.value in ("transferred", "pending_third_party"):
            relay = self._relay(state, case, ticket, conv, start)
            if relay is not None:
                return relay
        if case.pos >= len(case.items):
            return self._after(state, case, conv, ticket, start)
        item = case.items[case.pos]
        if item.kind == "act":
            return self._act(state, case, item, conv, ticket, start)
        # something to say
        text, canned = self._text(state, case, item)
        if not text.strip() or (talk and not conv.is_live and item.text != "news"):
            item.done = True
            case.pos += 1
            return self._case_action(state, case, start)
        if talk and conv.is_live:
            at = max(start, conv.busy_until + 0.5)
            last_me = conv.last_candidate_at
            last_them = conv.last_customer_at
            if last_me is not None and (last_them is None or last_them <= last_me):
                at = max(at, last_me + REPLY_GAP_S)
            if state.now < conv.busy_until:
                return None
            data: dict[str, Any] = {"conversation_id": conv.id, "text": text}
            if canned:
                data["canned_id"] = canned
            return at, Action(at, "message_sent", data), item
        if ticket is None:
            item.done = True
            case.pos += 1
            return None
        return (
            start,
            Action(start, "ticket_reply_added", {"ticket_id": ticket.id, "text": text}),
            item,
        )

    def _higher_waiting(self, state: ExamState, ticket: Ticket) -> bool:
        mine = ticket.priority or "P9"
        for other in state.tickets.values():
            if (
                other.id != ticket.id
                and other.id not in self.opened
                and other.status.value in ("new", "open")
                and other.priority
                and other.priority < mine
            ):
                return True
        return False

    def _act(self, state, case, item, conv, ticket, start):  # noqa: C901, ANN001
        ev = item.event
        fields = case.fields
        words = self._customer_words(state, case)

        def skip():
            item.done = True
            case.pos += 1
            return self._case_action(state, case, start)

        if ev == "kb_searched":
            query = " ".join(words[:3]) or "help"
            results = [h.article_id for h in self.kb.search(query)][:10]
            return start, Action(start, "kb_searched", {"query": query, "results": results}), item
        if ev == "ticket_created":
            if ticket is not None or conv is None:
                return skip()
            title = conv.subject or " ".join(words[:4]) or "Request"
            desc = self._summary(words) or title
            data = {
                "ticket_id": state.next_ticket_id(),
                "title": title[:80],
                "customer_id": case.customer_id,
                "description": desc,
                "conversation_id": conv.id,
                **{k: v for k, v in fields.items() if v},
            }
            return start, Action(start, "ticket_created", data), item
        if ev == "kb_article_opened":
            if case.article is None:
                return skip()
            return start, Action(start, "kb_article_opened", {"article_id": case.article}), item
        if ticket is None:
            return skip()
        tid = ticket.id
        if ev == "ticket_linked":
            if case.article and case.article not in ticket.kb_articles:
                return (
                    start,
                    Action(start, "ticket_linked", {"ticket_id": tid, "kb_article": case.article}),
                    item,
                )
            return skip()
        if ev == "ticket_updated":
            changes = {k: v for k, v in fields.items() if v and getattr(ticket, k) is None}
            if not changes:
                return skip()
            return (
                start,
                Action(start, "ticket_updated", {"ticket_id": tid, "changes": changes}),
                item,
            )
        if ev == "ticket_transferred":
            group = case.group or (self.scenario.groups[0].id if self.scenario.groups else None)
            if group is None or ticket.status.value not in ("new", "open", "pending_customer"):
                return skip()
            fill = self._fill_fields(ticket, fields, start)
            if fill is not None:
                return fill
            first = self._first(state, case.customer_id)
            reason = f"{first}: {' '.join(words[:3])}"
            return (
                start,
                Action(
                    start,
                    "ticket_transferred",
                    {"ticket_id": tid, "group": group, "reason": reason},
                ),
                item,
            )
        if ev == "ticket_resolved":
            if ticket.status.value in ("resolved", "closed"):
                return skip()
            fill = self._fill_fields(ticket, fields, start)
            if fill is not None:
                return fill
            first = self._first(state, case.customer_id)
            done_word = {"en": "sorted", "nl": "opgelost", "fr": "réglé"}[self.lang]
            note = f"{first}: {' '.join(words[:2])} {done_word}"
            data = {
                "ticket_id": tid,
                "solution": note + (f", {case.article}" if case.article else ""),
            }
            if case.article:
                data["kb_article"] = case.article
            return start, Action(start, "ticket_resolved", data), item
        if ev == "ticket_closed":
            if ticket.status.value != "resolved":
                return skip()
            return start, Action(start, "ticket_closed", {"ticket_id": tid}), item
        if ev == "conversation_closed":
            if conv is None or not conv.is_live:
                return skip()
            at = max(start, conv.busy_until + 0.5)
            if state.now < conv.busy_until:
                return None
            return at, Action(at, "conversation_closed", {"conversation_id": conv.id}), item
        if ev == "ticket_pending":
            return (
                start,
                Action(start, "ticket_pending", {"ticket_id": tid, "waiting_on": "customer"}),
                item,
            )
        if ev == "note_added":
            note = self._summary(words[:4]) or "-"
            return start, Action(start, "note_added", {"ticket_id": tid, "text": note}), item
        if ev == "ticket_reply_added":
            first = self._first(state, case.customer_id)
            return (
                start,
                Action(
                    start,
                    "ticket_reply_added",
                    {"ticket_id": tid, "text": self._phrase(state, case, "stall", first)},
                ),
                item,
            )
        return skip()

    @staticmethod
    def _fill_fields(ticket: Ticket, fields: dict[str, str | None], start: float):  # noqa: ANN205
        """The guessed fields a ticket without a category still lacks, saved first (a transfer
        and a resolution go out with a category)."""
        if ticket.category is not None:
            return None
        changes = {k: v for k, v in fields.items() if v and getattr(ticket, k) is None}
        if not changes:
            return None
        data = {"ticket_id": ticket.id, "changes": changes}
        return start, Action(start, "ticket_updated", data), None

    def _relay(self, state, case, ticket, conv, start):  # noqa: ANN001
        first = self._first(state, case.customer_id)
        if len(ticket.second_line) > case.relayed:
            _, group, text = ticket.second_line[case.relayed]
            who = state.groups.get(group, group)
            msg = pick(self.t["relay"], case.customer_id).format(first=first, who=who, text=text)
            case.relayed += 1
            case.last_news = state.now
            case.note_due = True
            return self._tell(state, case, conv, ticket, msg, start)
        return None

    def _tell(self, state, case, conv, ticket, text, start):  # noqa: ANN001
        if conv is not None and conv.is_live:
            if state.now < conv.busy_until:
                return None
            return (
                start,
                Action(start, "message_sent", {"conversation_id": conv.id, "text": text}),
                None,
            )
        return (
            start,
            Action(start, "ticket_reply_added", {"ticket_id": ticket.id, "text": text}),
            None,
        )

    def _after(self, state, case, conv, ticket, start):  # noqa: ANN001
        """The plan is done: keep the customer quiet with timed news, answer what they write,
        and close the case once the second line is through."""
        if ticket is None:
            return None
        first = self._first(state, case.customer_id)
        status = ticket.status.value
        if status in ("transferred", "pending_third_party"):
            if (
                ticket.second_line
                and case.relayed >= len(ticket.second_line)
                and not self.questions.get(ticket.id, True)
            ):
                # the group is through: close the case early
                case.items += [
                    Item("act", event="ticket_resolved"),
                    Item("act", event="ticket_closed"),
                ]
                return self._case_action(state, case, start)
            gap = self._interval_minutes(state, case) * 60
            since = max(case.last_news, ticket.last_response_at or 0)
            if state.now - since >= gap:
                case.last_news = state.now
                case.turn += 1
                return self._tell(
                    state, case, conv, ticket, self._phrase(state, case, "news", first), start
                )
            return None
        if (
            conv is not None
            and conv.is_live
            and conv.last_customer_at is not None
            and (conv.last_candidate_at or -1) < conv.last_customer_at
            and state.now >= conv.busy_until
        ):
            return self._tell(
                state, case, conv, ticket, self._phrase(state, case, "stall", first), start
            )
        return None
