"""`lawyer`: a second cheater, written blind from what a candidate can read (branch evid17).

It read docs/candidate-guide.md, docs/assessment.md and the competency standard,
and treats the published evidence rules as a contract to satisfy to the letter,
without doing the job. It never reads the answer key (the scenario's incidents,
facts, rules, solutions, glossary); it reads only what the screen shows: the
customers' messages, names and moods, the tickets, the knowledge base, the
procedures, the categories, the groups and the SLA's targets.

What it does, clause by clause:

- COM-1 / SOL-1: walks the procedure of the category it guesses, saying each
  step's own words in a sentence framed for the step (a question for the
  identification, check and closing steps, a statement otherwise), in the order
  the procedure lists them, and doing each action step (ticket, KB, transfer,
  note) between them.
- COM-2: asks every question the top KB article's text contains (its sentences
  with a "?"), or a stock battery when it has none, before anything else.
- COM-4: "restates" by giving back the customer's content words and codes, in a
  list (no run of six of their words: not an echo), with "is that right?".
- COM-6: empathy and an apology built from the customer's name and two of their
  own words, so no sentence is the same for three customers (not a template).
- SOL-2 / SOL-7: opens the top hit of a search for the customer's first words
  and pastes that one article's first list of steps as the solution, whatever
  the customer said after.
- DATA-3: transfers everything whose top article names a second-line group (it
  "cannot solve at once"), to the group named first.
- DATA-1 / DATA-2: writes the ticket from the customer's words, guesses the
  category from word overlap and impact and urgency from a few words
  ("everyone", "urgent"...).
- DATA-4: resolves with a note of its own words (ids, names, times, the
  article's id), never three quarters pasted, never the same twice.
- SOL-5 / SOL-6: relays every second-line reply to the customer and notes it;
  posts a progress update with the group's name and the next time on every
  transferred ticket well within the SLA's update interval.
- SIM-1 / SIM-3 / COM-3: searches the KB while a caller speaks, does its screen
  work during calls, and never sends while the customer types or speaks.
- SIM-2: answers every customer message within a few seconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.state import ExamState, TicketStatus
from helpdesk_tui.scenario.model import KbArticle, Procedure, ProcedureStep, Scenario
from helpdesk_tui.simulate.gaming import ACTION_COST_S, Build, GamingCandidate
from helpdesk_tui.simulate.phrases import AGENT_NAME
from helpdesk_tui.simulate.policy import Action

REPLY_S = 2.5
"""How long after a customer's message the lawyer answers (after they stop typing or speaking)."""
NUDGE_S = 40.0
"""When a customer says nothing this long after a turn, the lawyer goes on to its next turn."""
UPDATE_SHARE = 0.6
"""Progress updates on a transferred ticket every this share of the SLA's update interval."""
WAIT = "wait"

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "greet": "{P} {first}, {agent} from the service desk here.",
        "ask": "Could you give me {p}, please?",
        "check": "{P} now?",
        "closing": "Is there {p} I can help you with, {first}?",
        "tell": "Please note: {p}.",
        "empathy": "{first}, I understand: {w1} and {w2}, that is really annoying for you.",
        "apology": "I am sorry for the trouble, {first}.",
        "hold": "One moment please, {first}, I am looking into {w1} for you.",
        "battery": "What exactly do you see on your screen? Since when does it happen? "
        "Have you already tried anything?",
        "restate": "So, {first}, if I understand you correctly: {words}. Is that right?",
        "steps": "{first}, here is what to do:",
        "transfer": "{first}, I have transferred your ticket {ticket} to {group}, our second "
        "line; they will contact you and I will keep you posted.",
        "bye": "Thank you, {first}, have a nice day.",
        "progress": "{first}, an update on ticket {ticket}: {group} has it and is working on "
        "it; I will update you again within {minutes} minutes.|{first}, news on {ticket}: it "
        "is with {group} now, next update within {minutes} minutes.|Update for {first} "
        "({ticket}): {group} is handling it; you will hear from me within {minutes} minutes.",
        "relay": "{first}, {group} replied on ticket {ticket}: {text}",
        "ack": "Thank you for your e-mail, {first}.",
        "note-transfer": "Transferred to {group} at {time}; {first} informed, follow-up planned.",
        "note-relay": "{group} replied at {time}; passed on to {first}.",
        "note-answer": "{first} answered at {time}: {text}",
        "resolution": "{ticket} ({channel}, {first}): handled at {time} by {agent} with "
        "{article}; steps given, customer informed and confirmed, no further action.",
        "and": "and",
    },
    "nl": {
        "greet": "{P} {first}, u spreekt met {agent} van de helpdesk.",
        "ask": "Mag ik {p} even noteren?",
        "check": "{P} nu?",
        "closing": "Is er {p} waarmee ik u kan helpen, {first}?",
        "tell": "Let op: {p}.",
        "empathy": "{first}, ik begrijp het: {w1} en {w2}, dat is echt vervelend voor u.",
        "apology": "Sorry voor het ongemak, {first}.",
        "hold": "Een ogenblikje, {first}, ik kijk {w1} voor u na.",
        "battery": "Wat ziet u precies op uw scherm? Sinds wanneer gebeurt het? "
        "Heeft u al iets geprobeerd?",
        "restate": "Dus, {first}, als ik u goed begrijp: {words}. Klopt dat?",
        "steps": "{first}, zo doet u het:",
        "transfer": "{first}, ik heb uw ticket {ticket} doorgestuurd naar {group}, de tweede "
        "lijn; zij nemen contact met u op en ik hou u op de hoogte.",
        "bye": "Dank u, {first}, nog een fijne dag.",
        "progress": "{first}, een update over ticket {ticket}: {group} heeft het en werkt "
        "eraan; binnen {minutes} minuten hoort u opnieuw van mij.|{first}, nieuws over "
        "{ticket}: het ligt nu bij {group}, volgende update binnen {minutes} minuten.|Update "
        "voor {first} ({ticket}): {group} behandelt het; u hoort van mij binnen {minutes} "
        "minuten.",
        "relay": "{first}, {group} heeft geantwoord op ticket {ticket}: {text}",
        "ack": "Bedankt voor uw e-mail, {first}.",
        "note-transfer": "Doorgestuurd naar {group} om {time}; {first} ingelicht, opvolging "
        "gepland.",
        "note-relay": "{group} antwoordde om {time}; doorgegeven aan {first}.",
        "note-answer": "{first} antwoordde om {time}: {text}",
        "resolution": "{ticket} ({channel}, {first}): behandeld om {time} door {agent} met "
        "{article}; stappen gegeven, klant ingelicht en akkoord, geen verdere actie.",
        "and": "en",
    },
    "fr": {
        "greet": "{P} {first}, ici {agent} du service desk.",
        "ask": "Pouvez-vous me donner {p}, s'il vous plaît ?",
        "check": "Est-ce que {p} maintenant ?",
        "closing": "Puis-je faire {p} pour vous, {first} ?",
        "tell": "À noter : {p}.",
        "empathy": "{first}, je comprends : {w1} et {w2}, c'est vraiment pénible pour vous.",
        "apology": "Je suis désolé pour le désagrément, {first}.",
        "hold": "Un instant, {first}, je regarde {w1} pour vous.",
        "battery": "Que voyez-vous exactement à l'écran ? Depuis quand cela arrive-t-il ? "
        "Avez-vous déjà essayé quelque chose ?",
        "restate": "Donc, {first}, si je vous comprends bien : {words}. C'est bien ça ?",
        "steps": "{first}, voici ce qu'il faut faire :",
        "transfer": "{first}, j'ai transféré votre ticket {ticket} à l'équipe {group}, le "
        "second niveau ; elle vous contactera et je vous tiens au courant.",
        "bye": "Merci, {first}, bonne journée.",
        "progress": "{first}, un point sur le ticket {ticket} : l'équipe {group} s'en occupe ; "
        "je vous redonne des nouvelles d'ici {minutes} minutes.|{first}, du nouveau sur "
        "{ticket} : il est chez {group}, prochain point d'ici {minutes} minutes.|Point pour "
        "{first} ({ticket}) : {group} le traite ; vous aurez de mes nouvelles d'ici {minutes} "
        "minutes.",
        "relay": "{first}, l'équipe {group} a répondu sur le ticket {ticket} : {text}",
        "ack": "Merci pour votre e-mail, {first}.",
        "note-transfer": "Transféré à {group} à {time} ; {first} informé(e), suivi prévu.",
        "note-relay": "{group} a répondu à {time} ; transmis à {first}.",
        "note-answer": "{first} a répondu à {time} : {text}",
        "resolution": "{ticket} ({channel}, {first}) : traité à {time} par {agent} avec "
        "{article} ; étapes données, client informé et d'accord, rien d'autre à faire.",
        "and": "et",
    },
}


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


STOPWORDS: dict[str, frozenset[str]] = {
    "en": _set(
        "the and that this with have from your what when will just there they them then "
        "than been were into about would could should which their only also still again "
        "hello thanks thank please sorry good morning afternoon yes okay it's i'm don't can't "
        "does doesn't didn't work working some very much here since"
    ),
    "nl": _set(
        "de het een en dat die dit met van voor naar niet maar ook nog wel als bij wat wordt "
        "heeft hebben zijn was waren mijn onze jullie u uw ik je jij hij zij ze we wij kan "
        "kunt kunnen moet moeten zou zal goedemorgen goeiemorgen dag hallo bedankt dank "
        "alstublieft sorry graag even toch want omdat heel sinds werkt"
    ),
    "fr": _set(
        "les des une que qui pour dans avec sur pas plus mais est sont été mon mes nous vous "
        "votre vos ils elle elles cette ces cela ça aussi encore tout tous très bien bonjour "
        "merci oui non peut pouvez puis fait faire depuis alors donc comme quand leur leurs "
        "suis avez avons j'ai c'est n'est marche fonctionne"
    ),
}

IMPACT_HIGH = (
    "everyone", "everybody", "all of us", "whole", "colleagues", "entire", "nobody", "team",
    "iedereen", "alle", "collega", "niemand", "hele", "afdeling",
    "tout le monde", "tous", "personne ne", "collègues", "service entier", "patients",
)  # fmt: skip
IMPACT_LOW = ("only me", "just me", "alleen ik", "alleen mijn", "seulement moi", "que moi")
URGENCY_HIGH = (
    "urgent", "asap", "right now", "immediately", "meeting", "deadline", "today", "now",
    "dringend", "meteen", "nu ", "vandaag", "vergadering", "onmiddellijk",
    "tout de suite", "maintenant", "réunion", "aujourd'hui", "immédiatement", "vite",
)  # fmt: skip
URGENCY_LOW = ("no rush", "when you have time", "geen haast", "geen spoed", "pas pressé")

WORD = re.compile(r"[^\W_][\w'’-]*", re.UNICODE)
STEP_LINE = re.compile(r"^\s*(?:\d+[.)]|[-*•])\s+(.*\S)")


def _words(text: str) -> list[str]:
    return [w.lower().strip("'’-") for w in WORD.findall(text)]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(slots=True)
class _Contact:
    """One chat or call, or one written ticket, as the lawyer follows it."""

    customer_id: str
    arrival: float
    channel: str
    conv_id: str | None = None
    ticket_id: str | None = None
    about_ticket: str | None = None
    said: list[str] = field(default_factory=list)
    phase: int = 0
    token: int = 0
    reply_pending: bool = False
    article: str | None = None
    group: str | None = None
    procedure: Procedure | None = None
    asked_second_line: bool = False
    updating: bool = False
    answers_from: int = 0
    """Where the customer's answers to the lawyer's questions begin in `said`."""


class LawyerPolicy(GamingCandidate):
    name = "lawyer"
    description = "satisfies each published evidence rule to the letter, without the job"

    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        super().__init__(scenario, seed)
        self.text = TEXT[self.language]
        self.stop = STOPWORDS[self.language]
        self.contacts: list[_Contact] = []
        self.by_conv_c: dict[str, _Contact] = {}
        self.by_ticket_c: dict[str, _Contact] = {}
        self._rotation = 0

    # ------------------------------------------------------------------ what the screen shows

    def observe(self, event: Event, seq: int) -> None:
        d, t = event.data, event.exam_time
        kind = event.type
        if kind in ("chat_opened", "call_started"):
            self._conversation(d, "chat" if kind == "chat_opened" else "call", t)
        elif kind in ("email_received", "ticket_preloaded"):
            self._written(d, t)
        elif kind == "customer_message" and d["conversation_id"] in self.by_conv_c:
            contact = self.by_conv_c[d["conversation_id"]]
            contact.said.append(d["text"])
            if len(contact.said) == 1 and contact.conv_id is not None:
                # SIM-3: the KB searched while the customer still speaks (or just wrote).
                self.later(t + 0.3, "search", self._search(contact))
            self._customer_spoke(contact, t)
        elif kind == "customer_email" and d["ticket_id"] in self.by_ticket_c:
            contact = self.by_ticket_c[d["ticket_id"]]
            contact.said.append(d["text"])
            if contact.asked_second_line:
                contact.asked_second_line = False
                self.later(t + 3.0, "note answer", self._note(contact, "note-answer", d["text"]))
            self.later(t + REPLY_S, "answer e-mail", self._email_answer(contact))
        elif kind == "second_line_reply" and d["ticket_id"] in self.by_ticket_c:
            self._second_line(self.by_ticket_c[d["ticket_id"]], d, t)
        elif kind == "ticket_created" and d.get("conversation_id") in self.by_conv_c:
            contact = self.by_conv_c[d["conversation_id"]]
            contact.ticket_id = d["ticket_id"]
            self.by_ticket_c[d["ticket_id"]] = contact

    def _conversation(self, d: dict[str, Any], channel: str, t: float) -> None:
        if d["conversation_id"] in self.by_conv_c:
            return
        contact = _Contact(d["customer_id"], t, channel, conv_id=d["conversation_id"])
        about = d.get("ticket_id")
        if about:
            contact.about_ticket = about
            contact.ticket_id = about
        self.contacts.append(contact)
        self.by_conv_c[contact.conv_id or ""] = contact
        # A customer who says nothing at first is greeted anyway.
        contact.token += 1
        self.later(t + 6.0, "turn", self._turn(contact, contact.token))

    def _written(self, d: dict[str, Any], t: float) -> None:
        if d["ticket_id"] in self.by_ticket_c:
            return
        contact = _Contact(d["customer_id"], t, "e-mail", ticket_id=d["ticket_id"])
        contact.said.append(f"{d.get('title', '')}. {d.get('description', '')}")
        self.contacts.append(contact)
        self.by_ticket_c[d["ticket_id"]] = contact
        # SOL-4: queued tickets in the order of the priority the queue shows.
        rank = self._rank(d)
        start = t + 2.0 + 12.0 * rank
        status = d.get("status", "new")
        if status in ("transferred", "pending_third_party", "pending_customer"):
            contact.group = d.get("group")
            self._start_updates(contact, start)
            return
        self.later(start, "open ticket", self._open(contact))  # type: ignore[arg-type]
        self.later(start + 1, "search", self._search(contact))
        self.later(start + 2, "open article", self._open_article(contact))
        self.later(start + 3, "classify", self._classify(contact))
        self.later(start + 4, "reply", self._written_reply(contact))
        self.later(start + 5, "transfer", self._transfer(contact))
        self.later(start + 60, "resolve", self._resolve_c(contact))
        self.later(start + 62, "close", self._close(contact))  # type: ignore[arg-type]

    def _rank(self, d: dict[str, Any]) -> int:
        if d.get("impact") and d.get("urgency"):
            priority = self.scenario.sla.matrix.get(d["impact"], {}).get(d["urgency"])
            names = sorted(self.scenario.sla.priorities)
            if priority in names:
                return names.index(priority)
        return len(self.scenario.sla.priorities)

    # ------------------------------------------------------------------ the conversation's turns

    def _customer_spoke(self, contact: _Contact, t: float) -> None:
        if contact.reply_pending:
            return
        contact.token += 1
        contact.reply_pending = True
        self.later(t + REPLY_S, "turn", self._turn(contact, contact.token))

    def _turn(self, contact: _Contact, token: int) -> Build:
        def build(state: ExamState) -> Any:
            if token != contact.token:
                return None
            conv = state.conversations.get(contact.conv_id or "")
            if conv is None or not conv.is_live or contact.phase >= 5:
                return None
            if conv.busy_until > max(state.now, self.free_at):
                return WAIT, conv.busy_until + 0.4, conv.id
            text = self._turn_text(state, contact)[:1990]
            return "message_sent", {"conversation_id": conv.id, "text": text}

        return build

    def _turn_text(self, state: ExamState, c: _Contact) -> str:
        first = self._first(state, c)
        if c.about_ticket is not None:
            return self._chase_text(state, c, first)
        if c.phase == 0:
            self._choose(c)
            parts = [self._step_words(c, "greet", first), self._step_words(c, "ask", first)]
            mood = state.customers[c.customer_id].mood if c.customer_id in state.customers else ""
            if mood in ("irritated", "angry"):
                parts += [self._empathy(c, first), self.text["apology"].format(first=first)]
            parts.append(self._questions(c))
            return " ".join(p for p in parts if p)
        if c.phase == 1:
            return self._restate(c, first)
        if c.phase == 2:
            if c.group is not None:
                ticket = c.ticket_id or ""
                told = self.text["transfer"].format(first=first, ticket=ticket, group=c.group)
                return " ".join(p for p in (told, self._step_words(c, "tell", first)) if p)
            steps = self._steps(c, first)
            check = self._step_words(c, "check", first)
            return " ".join(p for p in (steps, self._step_words(c, "tell", first), check) if p)
        if c.phase == 3:
            return self._step_words(c, "closing", first) or self.text["closing"].format(
                p=_closing_words(self.language), first=first
            )
        return self.text["bye"].format(first=first)

    def _chase_text(self, state: ExamState, c: _Contact, first: str) -> str:
        if c.phase == 0:
            greet = self._step_words(c, "greet", first)
            news = self._progress(state, c, first)
            return f"{greet} {news}".strip()
        if c.phase == 1:
            return self._step_words(c, "closing", first) or self.text["bye"].format(first=first)
        return self.text["bye"].format(first=first)

    def done(self, action: Action, event: Event) -> None:
        super().done(action, event)
        if action.label != "turn":
            return
        contact = self.by_conv_c.get(action.data.get("conversation_id", ""))
        if contact is None:
            return
        t = action.at + action.cost
        contact.reply_pending = False
        phase = contact.phase
        contact.phase += 1
        if contact.about_ticket is not None:
            if contact.phase >= 2:
                contact.phase = 5
                self.later(t + 8.0, "hang up", self._close_conv(contact))  # type: ignore[arg-type]
                return
        elif phase == 0:
            contact.answers_from = len(contact.said)
            self.later(t + 0.5, "register", self._register(contact))
            self.later(t + 1.5, "open article", self._open_article(contact))
        elif phase == 1:
            self.later(t + 0.5, "open article", self._open_article(contact))
            if contact.group is not None:
                self.later(t + 1.0, "transfer", self._transfer(contact))
        elif phase == 2 and contact.group is not None:
            self.later(t + 0.5, "note", self._note(contact, "note-transfer", ""))
            self._start_updates(contact, t)
        elif phase == 4:
            contact.phase = 5
            self.later(t + 1.0, "resolve", self._resolve_c(contact))
            self.later(t + 3.0, "close", self._close(contact))  # type: ignore[arg-type]
            self.later(t + 4.0, "hang up", self._close_conv(contact))  # type: ignore[arg-type]
            return
        contact.token += 1
        self.later(t + NUDGE_S, "turn", self._turn(contact, contact.token))

    # ------------------------------------------------------------------ words

    def _choose(self, c: _Contact) -> None:
        """The top article for the customer's first words, the category, and a group to
        transfer to when the article names one."""
        if c.procedure is not None:
            return
        hits = self._hits(c)
        c.article = hits[0] if hits else None
        article = self.scenario.article(c.article) if c.article else None
        c.procedure = self._procedure(c, article)
        if article is not None and self._step_lines(c):
            return
        body = article.body.lower() if article is not None else ""
        found = [(body.find(g.name.lower()), i, g.name) for i, g in enumerate(self.scenario.groups)
                 if g.name.lower() in body]  # fmt: skip
        if found:
            c.group = min(found)[2]
        elif self.scenario.groups:
            said = {w[:5] for w in _words(" ".join(c.said)) if len(w) > 3}
            scored = [(len(said & {w[:5] for w in _words(g.name) if len(w) > 3}), -i, g.name)
                      for i, g in enumerate(self.scenario.groups)]  # fmt: skip
            c.group = max(scored)[2]

    def _hits(self, c: _Contact) -> list[str]:
        words = [w for w in _words(" ".join(c.said)) if w not in self.stop and len(w) > 3]
        query = " ".join(words[:8])
        return [h.article_id for h in self.kb.search(query, limit=3)] if query else []

    def _category_id(self, c: _Contact, article: KbArticle | None) -> str:
        seen = " ".join(c.said)
        if article is not None:
            seen += " " + article.title + " " + " ".join(article.tags)
        stems = {w[:5] for w in _words(seen) if len(w) > 3}
        scored = [
            (len(stems & {w[:5] for w in _words(cat.name) if len(w) > 3}), -i, cat.id)
            for i, cat in enumerate(self.scenario.categories)
        ]
        return max(scored)[2]

    def _procedure(self, c: _Contact, article: KbArticle | None) -> Procedure | None:
        if not self.scenario.categories:
            return None
        wanted = next(
            cat.procedure
            for cat in self.scenario.categories
            if cat.id == self._category_id(c, article)
        )
        return next((p for p in self.scenario.procedures if p.id == wanted), None)

    def _step_words(self, c: _Contact, kind: str, first: str) -> str:
        """The procedure's steps of this kind, each in a sentence of its own with its words."""
        out = []
        for step in c.procedure.steps if c.procedure else ():
            if not step.patterns or _kind(step) != kind:
                continue
            p = step.patterns[0].split("|")[0].strip()
            out.append(self.text[kind].format(p=p, P=_cap(p), first=first, agent=AGENT_NAME))
        if kind == "greet" and not out:
            out.append(self.text["greet"].format(P="", p="", first=first, agent=AGENT_NAME))
        return " ".join(out).strip()

    def _content(self, c: _Contact) -> list[str]:
        """The customer's content words and codes, each once: their answers first."""
        seen: dict[str, None] = {}
        for said in [*c.said[c.answers_from :], *c.said[: c.answers_from]]:
            for w in _words(said):
                if (any(ch.isdigit() for ch in w) or len(w) > 3) and w not in self.stop:
                    seen.setdefault(w, None)
        return list(seen)

    def _empathy(self, c: _Contact, first: str) -> str:
        words = self._content(c) or ["dit", "dat"]
        w1, w2 = words[0], words[min(1, len(words) - 1)]
        return self.text["empathy"].format(first=first, w1=w1, w2=w2)

    def _questions(self, c: _Contact) -> str:
        """Every question of the top article's text, or the stock battery."""
        asked: list[str] = []
        if c.article:
            body = self.scenario.article(c.article).body
            for line in body.splitlines():
                line = line.strip("#>*-• \t")
                for sentence in re.findall(r"[^.!?:]*\?", line):
                    sentence = sentence.strip(" \"'«»")
                    if len(sentence.split()) >= 3 and sentence not in asked:
                        asked.append(_cap(sentence))
        return " ".join(asked[:5]) or self.text["battery"]

    def _restate(self, c: _Contact, first: str) -> str:
        words = self._content(c)[:14]
        pairs = [" ".join(words[i : i + 2]) for i in range(0, len(words), 2)]
        listed = ", ".join(pairs[:-1]) + f" {self.text['and']} {pairs[-1]}" if len(pairs) > 1 else (
            pairs[0] if pairs else "")  # fmt: skip
        return self.text["restate"].format(first=first, words=listed)

    def _steps(self, c: _Contact, first: str) -> str:
        """The top article's first list of steps, pasted as it is."""
        intro = self.text["steps"].format(first=first)
        lines = self._step_lines(c)
        return " ".join([intro, *(f"{i}. {s}" for i, s in enumerate(lines[:6], 1))])

    def _step_lines(self, c: _Contact) -> list[str]:
        """The top article's first list (numbered or bulleted), item by item."""
        lines: list[str] = []
        if not c.article:
            return lines
        for line in self.scenario.article(c.article).body.splitlines():
            m = STEP_LINE.match(line)
            if m:
                lines.append(m.group(1).replace("**", ""))
            elif lines and line.strip() and not line.startswith(" "):
                break
        return lines

    def _progress(self, state: ExamState, c: _Contact, first: str) -> str:
        ticket = state.tickets.get(c.ticket_id or "")
        group = state.groups.get(ticket.group or "", ticket.group) if ticket else None
        group = group or c.group or (self.scenario.groups[0].name if self.scenario.groups else "")
        minutes = max(1, int(self._interval(state, c) * UPDATE_SHARE / 60))
        frames = self.text["progress"].split("|")
        self._rotation += 1
        frame = frames[self._rotation % len(frames)]
        return frame.format(first=first, ticket=c.ticket_id or "", group=group, minutes=minutes)

    def _interval(self, state: ExamState, c: _Contact) -> float:
        ticket = state.tickets.get(c.ticket_id or "")
        targets = self.scenario.sla.priorities.get(ticket.priority or "") if ticket else None
        if targets is None:
            return min(p.update_s for p in self.scenario.sla.priorities.values())
        return targets.update_s

    def _first(self, state: ExamState, c: _Contact) -> str:
        """The customer's first name, as the screen shows it."""
        customer = state.customers.get(c.customer_id)
        return customer.name.split()[0] if customer is not None else ""

    def _clock(self, t: float) -> str:
        return f"{int(t // 3600)}:{int(t % 3600 // 60):02d}"

    # ------------------------------------------------------------------ commands

    def _search(self, c: _Contact) -> Build:
        def build(state: ExamState) -> Any:
            said = " ".join(c.said[:1])
            words = [w for w in _words(said) if w not in self.stop and len(w) > 3][:6]
            if not words:
                return None
            query = " ".join(words)
            results = [h.article_id for h in self.kb.search(query, limit=5)]
            return "kb_searched", {"query": query, "results": results}

        return build

    def _open_article(self, c: _Contact) -> Build:
        def build(state: ExamState) -> Any:
            self._choose(c)
            if c.article is None:
                return None
            return "kb_article_opened", {"article_id": c.article}

        return build

    def _register(self, c: _Contact) -> Build:
        def build(state: ExamState) -> Any:
            if c.ticket_id is not None or c.conv_id not in state.conversations:
                return None
            self._choose(c)
            said = " ".join(c.said) or "Contact"
            article = self.scenario.article(c.article) if c.article else None
            impact, urgency = self._levels(said)
            return "ticket_created", {
                "ticket_id": state.next_ticket_id(),
                "title": " ".join(said.split()[:8]),
                "customer_id": c.customer_id,
                "description": said[:1500],
                "category": self._category_id(c, article),
                "impact": impact,
                "urgency": urgency,
                "conversation_id": c.conv_id,
            }

        return build

    def _levels(self, said: str) -> tuple[str, str]:
        levels = self.scenario.sla.levels
        text = f" {said.lower()} "

        def level(high: tuple[str, ...], low: tuple[str, ...]) -> str:
            if any(w in text for w in high):
                return levels[0]
            if any(w in text for w in low):
                return levels[-1]
            return levels[len(levels) // 2]

        return level(IMPACT_HIGH, IMPACT_LOW), level(URGENCY_HIGH, URGENCY_LOW)

    def _classify(self, c: _Contact) -> Build:
        """Fills in what the ticket lacks; trusts what it has."""

        def build(state: ExamState) -> Any:
            ticket = state.tickets.get(c.ticket_id or "")
            if ticket is None or not ticket.is_active:
                return None
            self._choose(c)
            article = self.scenario.article(c.article) if c.article else None
            impact, urgency = self._levels(" ".join(c.said))
            changes = {}
            if not ticket.category:
                changes["category"] = self._category_id(c, article)
            if not ticket.impact:
                changes["impact"] = impact
            if not ticket.urgency:
                changes["urgency"] = urgency
            if not changes:
                return None
            return "ticket_updated", {"ticket_id": ticket.id, "changes": changes}

        return build

    def _written_reply(self, c: _Contact) -> Build:
        def build(state: ExamState) -> Any:
            ticket = state.tickets.get(c.ticket_id or "")
            if ticket is None or not ticket.is_active:
                return None
            self._choose(c)
            first = self._first(state, c)
            parts = [
                self._step_words(c, "greet", first),
                self.text["ack"].format(first=first),
                self._empathy(c, first),
                self._restate(c, first),
            ]
            if c.group is not None:
                parts.append(self.text["transfer"].format(first=first, ticket=ticket.id,
                                                          group=c.group))  # fmt: skip
            else:
                parts.append(self._steps(c, first))
            parts.append(self.text["closing"].format(p=_closing_words(self.language), first=first))
            text = " ".join(p for p in parts if p)[:3990]
            return "ticket_reply_added", {"ticket_id": ticket.id, "text": text}

        return build

    def _email_answer(self, c: _Contact) -> Build:
        def build(state: ExamState) -> Any:
            ticket = state.tickets.get(c.ticket_id or "")
            if ticket is None or ticket.status == TicketStatus.CLOSED:
                return None
            first = self._first(state, c)
            if ticket.status in (TicketStatus.TRANSFERRED, TicketStatus.PENDING_THIRD_PARTY):
                text = self._progress(state, c, first)
            else:
                text = f"{self.text['ack'].format(first=first)} {self._restate(c, first)}"
            return "ticket_reply_added", {"ticket_id": ticket.id, "text": text}

        return build

    def _transfer(self, c: _Contact) -> Build:
        def build(state: ExamState) -> Any:
            ticket = state.tickets.get(c.ticket_id or "")
            if c.group is None or ticket is None or ticket.resolved_at is not None:
                return None
            if ticket.status in (TicketStatus.CLOSED, TicketStatus.TRANSFERRED):
                return None
            group = next((g.id for g in self.scenario.groups if g.name == c.group), None)
            if group is None:
                return None
            reason = " ".join(" ".join(c.said).split()[:40]) or c.group
            return "ticket_transferred", {"ticket_id": ticket.id, "group": group, "reason": reason}

        return build

    def _note(self, c: _Contact, key: str, said: str) -> Build:
        def build(state: ExamState) -> Any:
            ticket = state.tickets.get(c.ticket_id or "")
            if ticket is None or ticket.status == TicketStatus.CLOSED:
                return None
            group = state.groups.get(ticket.group or "", c.group or "")
            text = self.text[key].format(
                group=group, time=self._clock(state.now), first=self._first(state, c),
                text=" ".join(said.split()[:30]),
            )  # fmt: skip
            return "note_added", {"ticket_id": ticket.id, "text": text}

        return build

    def _resolve_c(self, c: _Contact) -> Build:
        def build(state: ExamState) -> Any:
            ticket = state.tickets.get(c.ticket_id or "")
            if ticket is None or ticket.resolved_at is not None:
                return None
            if ticket.status in (TicketStatus.CLOSED, TicketStatus.TRANSFERRED):
                return None
            if not ticket.category:
                return None
            text = self.text["resolution"].format(
                ticket=ticket.id, channel=c.channel, first=self._first(state, c),
                time=self._clock(state.now), agent=AGENT_NAME, article=c.article or "-",
            )  # fmt: skip
            data = {"ticket_id": ticket.id, "solution": text}
            if c.article:
                data["kb_article"] = c.article
            return "ticket_resolved", data

        return build

    def _start_updates(self, c: _Contact, t: float) -> None:
        if c.updating:
            return
        c.updating = True
        self.later(t + 30.0, "progress", self._update(c))

    def _update(self, c: _Contact) -> Build:
        def build(state: ExamState) -> Any:
            ticket = state.tickets.get(c.ticket_id or "")
            if ticket is None or ticket.resolved_at is not None or not ticket.is_active:
                c.updating = False
                return None
            first = self._first(state, c)
            text = self._progress(state, c, first)
            # the next one, whether or not this one is sent now
            interval = self._interval(state, c) * UPDATE_SHARE
            self.later(state.now + interval, "progress", self._update(c))
            return "ticket_reply_added", {"ticket_id": ticket.id, "text": text}

        return build

    def _second_line(self, c: _Contact, d: dict[str, Any], t: float) -> None:
        self.later(t + REPLY_S, "relay", self._relay(c, d["group"], d["text"]))
        self.later(t + REPLY_S + 2, "note", self._note(c, "note-relay", ""))
        if d.get("question"):
            c.asked_second_line = True
        else:
            self.later(t + REPLY_S + 30, "take back", self._take_back(c))
            self.later(t + REPLY_S + 32, "resolve", self._resolve_c(c))
            self.later(t + REPLY_S + 34, "close", self._close(c))  # type: ignore[arg-type]

    def _relay(self, c: _Contact, group_id: str, said: str) -> Build:
        def build(state: ExamState) -> Any:
            ticket = state.tickets.get(c.ticket_id or "")
            if ticket is None or ticket.status == TicketStatus.CLOSED:
                return None
            text = self.text["relay"].format(
                first=self._first(state, c), group=state.groups.get(group_id, group_id),
                ticket=ticket.id, text=said,
            )  # fmt: skip
            conv = state.conversations.get(c.conv_id or "")
            if conv is not None and conv.is_live and conv.busy_until <= state.now:
                return "message_sent", {"conversation_id": conv.id, "text": text}
            return "ticket_reply_added", {"ticket_id": ticket.id, "text": text}

        return build

    def _take_back(self, c: _Contact) -> Build:
        def build(state: ExamState) -> Any:
            ticket = state.tickets.get(c.ticket_id or "")
            if ticket is None or ticket.status not in (
                TicketStatus.TRANSFERRED, TicketStatus.PENDING_THIRD_PARTY,
                TicketStatus.PENDING_CUSTOMER,
            ):  # fmt: skip
                return None
            return "ticket_opened", {"ticket_id": ticket.id}

        return build

    # ------------------------------------------------------------------ the runner's interface

    def next_action(self, state: ExamState, now: float) -> Action | None:
        """As `GamingCandidate.next_action`, but a turn may have to wait for the customer to
        stop typing or speaking: it moves to that time, and the lawyer looks at the
        conversation then (a `focus_moved`), so the runner wakes it even with no stimulus."""
        wake: tuple[float, str] | None = None
        for item in list(self.pending):
            at = max(item.at, self.free_at, now)
            made = item.build(state)
            if made is None:
                if item.at <= now:
                    self.pending.remove(item)
                continue
            if made[0] == WAIT:
                item.at = made[1]
                wake = min(wake, (made[1], made[2])) if wake else (made[1], made[2])
                continue
            if wake is not None and wake[0] < at:
                break
            self.pending.sort()
            event_type, data = made
            return Action(round(at, 3), event_type, data, ACTION_COST_S, item.label, item)
        self.pending.sort()
        if wake is None:
            return None
        look = {"area": "conversation", "target": wake[1]}
        return Action(round(max(wake[0], self.free_at, now), 3), "focus_moved", look, 0.0, "look")


def _kind(step: ProcedureStep) -> str:
    """How the lawyer frames a step's words: greet, ask, check, closing or tell."""
    key = step.id.lower()
    if any(k in key for k in ("greet", "begroet", "accueil")):
        return "greet"
    if key in ("check", "verifier", "controleren", "verify") or key.startswith("control"):
        return "check"
    if any(k in key for k in ("closing", "cloture", "afsluitvraag")):
        return "closing"
    if any(k in key for k in ("ident", "verif", "scope", "impact")):
        return "ask"
    return "tell"


def _closing_words(language: str) -> str:
    return {"en": "anything else", "nl": "nog iets", "fr": "autre chose"}.get(language, "")
