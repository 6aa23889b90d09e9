"""The words a scripted candidate chooses: canned replies, its own sentences, questions.

Every message the plan sends for a procedure step must contain one of the
step's patterns, or the step does not count; every question for a hidden
fact must contain one of the fact's `ask` patterns, or the customer does
not answer it. So the sentences here are built around those patterns, and
a novice gets no glossary jargon in them (COM-5).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from helpdesk_tui.assess.procedures import telling_acts
from helpdesk_tui.core.state import ExamState
from helpdesk_tui.customers import dialogue
from helpdesk_tui.customers.evidence_flags import STOP_WORDS
from helpdesk_tui.scenario.model import Fact, Incident, ProcedureStep, Scenario, keyword_forms
from helpdesk_tui.simulate import restate
from helpdesk_tui.simulate.jobs import Said, Style
from helpdesk_tui.simulate.phrases import (
    AGENT_NAME,
    DETERMINERS,
    DONE_ENDINGS,
    INCOMPLETE_OPEN,
    INFINITIVE_ENDINGS,
    NOT_DONE_ENDINGS,
    NOT_VERBS,
    OPEN_QUESTION_WORDS,
    PREPOSITIONS,
    PRONOUNS,
    YES_NO_STARTS,
    phrase,
)

_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_LITTLE_WORDS = frozenset(
    re.findall(
        r"\w+",
        "a an the to of in on for with it is are was has have had do does did you your i me my "
        "de het een van te heeft u je le la les un une du des est",
    )
)
"""Words a natural question does not end on."""


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(" ".join(text.split())) if s.strip()]


_TOKEN = re.compile(r"[^\W_][\w'’-]*")
SUMMARY_VALUES = 4
"""The values a fact's clause carries when no sentence of the customer's restates it."""
VALUE_CLAUSES = {"en": "{topic}: {values}", "nl": "{topic}: {values}", "fr": "{topic} : {values}"}
"""A fact's clause when no sentence of the customer's restates it without an echo: what it
is about (the fact's topic) and its values ("the old phone: traded, Saturday, wiped")."""
JOINTS: dict[str, tuple[str, str]] = {
    "en": ("; ", "; and "),
    "nl": ("; ", "; en "),
    "fr": (" ; ", " ; et "),
}
"""How a restatement's clauses (one per key fact) are joined, in each language."""
SUMMARY_ARTICLES = {"en": "the "}


def noun_with_article(language: str, topic: str) -> str:
    """A fact's topic as a noun phrase in a question: "the model" in English, but "the
    light", "your mobile" as they are (not "the the light", "the your mobile"); Dutch and
    French topics as they are (their article depends on the noun)."""
    article = SUMMARY_ARTICLES.get(language, "")
    first = dialogue.words(topic)[:1]
    if not article or (first and first[0] in DETERMINERS.get(language, ())):
        return topic
    return f"{article}{topic}"


def fact_values(answer: str, topic: str, language: str) -> list[tuple[int, str]]:
    """The values of a fact's answer, the likeliest first: numbers and codes, then content
    words ("There's" and "C'est" are none), none the topic already says; each with its place
    in the answer (a clause gives them in the answer's order)."""
    stop = STOP_WORDS.get(language, STOP_WORDS["en"])
    asks = OPEN_QUESTION_WORDS.get(language, ())  # "Since nine": the nine is the value
    said = {w[:5] for w in dialogue.words(topic)}
    found: list[tuple[bool, int, str]] = []
    for i, token in enumerate(_TOKEN.findall(answer)):
        parts = dialogue.words(token)
        digits = any(c.isdigit() for c in token)
        content = [p for p in parts if len(p) >= 5 and p not in stop and p not in asks]
        stem = (content[0] if content else "".join(parts))[:5]
        if (digits or content) and stem not in said:
            said.add(stem)
            found.append((not digits, i, token))
    return [(i, token) for _, i, token in sorted(found)]


TITLES = frozenset(
    ("dr", "prof", "mr", "mrs", "ms", "miss", "mx", "m", "mme", "mlle", "mevr", "dhr", "ir",
     "docteur", "professeur", "dokter", "maitre", "maître")
)  # fmt: skip
"""Words before a name that are a title, not a first name ("Dr Philippe Lhoest")."""


def address_name(full_name: str) -> str:
    """How the operator addresses a customer: by first name ("Tom"), or, when the name
    opens with a title, by title and surname ("Dr Lhoest": "Bonjour Dr" greets nobody)."""
    parts = full_name.split()
    if len(parts) >= 2 and parts[0].rstrip(".").casefold() in TITLES:
        return f"{parts[0]} {parts[-1]}"
    return parts[0] if parts else ""


def fill(text: str) -> str:
    """A canned reply's `{agent}` filled in (other braces left alone)."""
    return text.replace("{agent}", AGENT_NAME)


class Texts:
    """The words a scripted candidate chooses, for one scenario and style."""

    def __init__(self, scenario: Scenario, style: Style) -> None:
        self.scenario = scenario
        self.style = style
        self.language = scenario.language
        self.glossary = scenario.glossary

    def phrase(self, key: str, **values: str) -> str:
        return phrase(self.language, key, **values)

    def novice(self, state: ExamState, customer_id: str) -> bool:
        customer = state.customers.get(customer_id)
        return customer is not None and customer.technical_level == "novice"

    def plain(self, text: str, novice: bool) -> str:
        """For a novice: drop sentences with jargon, or spell each term out when all have some."""
        if not (novice and self.style.plain_words and self.glossary):
            return text
        kept = [s for s in sentences(text) if not self.jargon(s)]
        if kept:
            return " ".join(kept)
        for term, plain in self.glossary.items():
            text = re.sub(rf"\b{re.escape(term)}\w*", plain, text, flags=re.IGNORECASE)
        return text

    def with_jargon(self, text: str) -> str:
        if not (self.style.jargon and self.glossary):
            return text
        term = next(iter(self.glossary))
        return f"{text} {self.phrase('jargon', term=term)}"

    def canned_for(self, patterns: tuple[str, ...]) -> Said | None:
        """The first canned reply that contains one of the patterns."""
        if not self.style.use_canned:
            return None
        for canned in self.scenario.canned:
            if dialogue.first_match(patterns, canned.text, self.language):
                return fill(canned.text), canned.id
        return None

    def canned_for_act(self, act: str) -> Said | None:
        """The first canned reply the language layer reads as this act (e.g. the closing)."""
        if not self.style.use_canned:
            return None
        for canned in self.scenario.canned:
            if dialogue.intent_in(act, fill(canned.text), self.language):
                return fill(canned.text), canned.id
        return None

    def jargon(self, text: str) -> list[str]:
        return dialogue.jargon_in(text, self.glossary, self.language)

    def says(self, patterns: tuple[str, ...], text: str) -> bool:
        return dialogue.first_match(patterns, text, self.language) is not None

    def role(self, step: ProcedureStep) -> str:
        """What a pattern step is for, judged by which of our sentences it recognises."""
        probes = (
            ("closing", self.phrase("closing")),
            ("check", self.phrase("check")),
            ("inform", self.phrase("transferred", ticket="T-1", group="second line")),
            ("greeting", self.phrase("greeting")),
            ("identify", self.phrase("identify")),
        )
        for role, text in probes:
            if self.says(step.patterns, text):
                return role
        return "question"

    def for_step(self, step: ProcedureStep, role: str, novice: bool, incident: Incident) -> Said:
        """A message for a procedure step that contains one of its patterns.

        In this order: a canned reply; our own sentence for the role; a question
        for a hidden fact the step asks about; a sentence of the answer key (an
        advice step); a question made of the step's pattern.
        """
        canned = self.canned_for(step.patterns)
        if canned is not None and not (novice and self.jargon(canned[0])):
            return canned
        if role in ("closing", "check", "greeting", "identify"):
            own = self.phrase(role)
            if self.says(step.patterns, own):
                return own, None
        asked = [
            p
            for p in step.patterns
            if any(dialogue.mentioned(p, a, self.language) for f in incident.facts for a in f.ask)
        ]
        if asked:
            return self.question(self.best_pattern(tuple(asked), novice)), None
        advice = self._advice(step.patterns, incident, novice)
        if advice is not None:
            return advice, None
        pattern = self.best_pattern(step.patterns, novice)
        if telling_acts(step.patterns, self.language) and self._opens(pattern) == "verb":
            # (evid15) A telling step is not done by a question: "Faire changer le mot de passe"
            # is "Il faut changer votre mot de passe tout de suite", not "Avez-vous dû ... ?".
            return phrase(self.language, "tell_verb", pattern=pattern), None
        return self.question(pattern), None

    def _advice(self, patterns: tuple[str, ...], incident: Incident, novice: bool) -> str | None:
        """A sentence of the answer key (the fitting option first) with one of the patterns."""
        answer = incident.answer
        texts = [o.text for o in answer.options if o.fits] + [answer.solution]
        for text in texts:
            for sentence in sentences(text):
                if self.says(patterns, sentence):
                    plain = self.plain(sentence, novice)
                    return plain if self.says(patterns, plain) else None
        return None

    def _opens(self, pattern: str) -> str:
        """How a pattern opens: "open" (which, since...), "yes-no" (do, anyone...), a verb and
        its object ("verb": "changer votre mot de passe"; "done": "typed a code") or "noun".

        A verb phrase is no noun: "Pouvez-vous m'en dire plus sur changer votre mot de
        passe ?" is no question anyone asks, and "Pourriez-vous me préciser changer votre
        mot de passe ?" reads as a request to change it."""
        lang = self.language
        first, second = (list(dialogue.words(pattern)) + ["", ""])[:2]
        if first in OPEN_QUESTION_WORDS.get(lang, ()):
            return "open"
        if first in YES_NO_STARTS.get(lang, ()):
            return "yes-no"
        if first in PREPOSITIONS.get(lang, ()) and second:
            return "where"  # "on the web": a place, not a noun
        if second in PRONOUNS.get(lang, ()):
            return "yes-no"  # a verb first: "hoort u", "avez vous", "is there"
        if second in DETERMINERS.get(lang, ()) and first not in NOT_VERBS.get(lang, ()):
            return self._verb_form(pattern.split()[0].casefold())
        return "noun"

    def _verb_form(self, verb: str) -> str:
        """A verb-first pattern's form, by how its verb ends (see `phrases.DONE_ENDINGS`)."""
        lang = self.language
        if verb.endswith(DONE_ENDINGS.get(lang, ())) and not verb.endswith(
            NOT_DONE_ENDINGS.get(lang, ())
        ):
            return "done"
        if lang in INFINITIVE_ENDINGS and verb.endswith(INFINITIVE_ENDINGS[lang]):
            return "verb"
        return "yes-no"  # a finite verb first ("werkt de printer", "changez votre..."): as it is

    def question(self, pattern: str) -> str:
        """A question that contains `pattern` word for word, so the customer recognises it."""
        opens = self._opens(pattern)
        if opens == "noun":
            return self.phrase("ask", pattern=noun_with_article(self.language, pattern))
        if opens == "verb":
            return self.phrase("ask_verb", pattern=pattern)
        if opens == "done":
            return self.phrase("ask_done", pattern=pattern)
        if opens == "where":
            return self.phrase("ask_where", pattern=pattern)
        if opens == "yes-no" or len(dialogue.words(pattern)) >= 3:
            return pattern[:1].upper() + pattern[1:] + "?"
        return self.phrase("ask_direct", pattern=pattern)

    def complete(self, pattern: str) -> bool:
        """Is an open pattern a question as it stands? Not English "what does the bar", "what
        could someone" (after an auxiliary, a subject and no verb: a pronoun or a noun and
        nothing after it, or a determiner and one word), nor Dutch "waar staat" (a question word and one word after it that is
        a verb: it ends in -t, no subject)."""
        w = dialogue.words(pattern)
        lang = self.language
        marks = INCOMPLETE_OPEN.get(lang, ())
        if lang == "en" and len(w) >= 2 and w[1] in marks:
            rest = w[2:]
            if not rest:
                return False
            if rest[0] in PRONOUNS.get(lang, ()):
                return len(rest) >= 2
            if rest[0] in DETERMINERS.get(lang, ()):
                return len(rest) >= 3
            return len(rest) >= 2  # "what could someone": a subject, no verb
        if lang == "nl" and len(w) == 2 and w[0] in marks:
            return not w[1].endswith("t")
        return True

    def best_ask(self, fact: Fact, novice: bool) -> str:
        return self.best_pattern(fact.ask, novice)

    def best_pattern(self, patterns: tuple[str, ...], novice: bool) -> str:
        """The pattern that makes the most natural question, without jargon for a novice.

        An open question of two words or more ("since when"), then a noun or verb phrase
        ("big files", "typed a code"), then a yes-no opening ("anyone else"), then a single word;
        patterns that end on a little word ("how long has") come last in their group.
        """
        usable = [p for p in patterns if not (novice and self.jargon(p))]

        def rank(pattern: str) -> tuple[int, bool, int]:
            w = dialogue.words(pattern)
            opens = self._opens(pattern)
            groups = {"open": 0, "noun": 1, "verb": 1, "done": 1, "where": 1}
            group = groups.get(opens, 2) if len(w) >= 2 else 3
            if opens == "open" and not self.complete(pattern):
                group = 4  # "what does the bar", "waar staat": asked as it stands, no sentence
            dangling = bool(w) and w[-1] in _LITTLE_WORDS
            return (group, dangling, -len(w))

        return min(usable or list(patterns), key=rank)

    def customer_runs(self, incident: Incident) -> set[tuple[str, ...]]:
        """Runs of `restate.ECHO_RUN_WORDS` of what the customer says in the incident."""
        said = [m.text for m in incident.messages] + [f.answer for f in incident.facts]
        return set().union(*(restate.runs(t) for t in said))

    def summary(
        self,
        facts: list[Fact],
        incident: Incident,
        novice: bool,
        around: tuple[str, str] = ("", ""),
    ) -> str:
        """A restatement's summary in sentences: for each fact, the clause of the customer's
        answer that carries most of it, with the persons turned ("vous avez changé votre mot
        de passe"), cut where it would give back `ECHO_RUN_WORDS` of their words in a row (an
        echo, COM-4; `simulate.restate`); no jargon to a novice.

        A restatement restates the problem; it does not tell the customer what to do. A
        clause that would ("counter five's free today": the option's keywords, or words the
        customer acts on) is not chosen; the solution tells it, after the article. With
        `around` (the message's words before and after the summary), no clause gives back
        the customer's words in a row with them either (evid19: a frame's ", c'est ça" after
        "... la petite flèche descend").
        """
        joint, last = JOINTS.get(self.language, JOINTS["en"])
        said = [m.text for m in incident.messages] + [f.answer for f in incident.facts]
        theirs = self.customer_runs(incident)
        before, after = around
        names = restate.names_in(said)
        clauses: list[str] = []
        for fact in facts:

            def ok(text: str) -> bool:
                joined = [f"{clauses[-1]}{j}{text}" for j in (joint, last)] if clauses else []
                return (
                    not (novice and self.jargon(text))
                    and not self._suggests(joint.join([*clauses, text]), incident)
                    and not any(restate.runs(j) & theirs for j in joined)
                    and not (restate.runs(f"{before} {text} {after}") & theirs)
                )  # no echo across the join (" ... a sign-in; and ...") or the frame either

            clause = restate.best_clause(fact.answer, self.language, theirs, ok, names)
            if clause is None:
                clause = self._values_clause(fact, incident, novice, theirs, ok)
            if clause and clause not in clauses:
                clauses.append(clause)
        if len(clauses) < 2:
            return "".join(clauses)
        return joint.join(clauses[:-1]) + last + clauses[-1]

    def _values_clause(
        self,
        fact: Fact,
        incident: Incident,
        novice: bool,
        theirs: set[tuple[str, ...]],
        ok: Callable[[str], bool],
    ) -> str:
        """A fact's topic and values ("the old phone: traded, Saturday"), for a fact no
        sentence of the customer's restates without an echo (a short answer said in one
        run: "A 14 MB PDF, 24 pages."); "" when none fits either."""
        topic = self._topic_of(fact, incident, novice)
        chosen: list[tuple[int, str]] = []
        clause = ""
        form = VALUE_CLAUSES.get(self.language, VALUE_CLAUSES["en"])
        for value in fact_values(fact.answer, topic or "", self.language):
            values = ", ".join(v for _, v in sorted([*chosen, value]))
            trial = form.format(topic=self._with_article(topic), values=values) if topic else values
            if restate.runs(trial) & theirs or not ok(trial):
                continue
            chosen.append(value)
            clause = trial
            if len(chosen) == SUMMARY_VALUES:
                break
        return clause

    def _with_article(self, topic: str) -> str:
        """The restatement's first topic with an article where the language puts one before
        any noun ("so the old laptop: ..." in English; none in Dutch and French, whose
        article depends on the noun)."""
        first = dialogue.words(topic)[:1]
        article = SUMMARY_ARTICLES.get(self.language, "")
        if not article or not first:
            return topic
        if first[0] in DETERMINERS.get(self.language, ()) + NOT_VERBS.get(self.language, ()):
            return topic
        return f"{article}{topic}"

    def _topic_of(self, fact: Fact, incident: Incident, novice: bool) -> str | None:
        """What a fact is about, in the words it is asked by: a noun phrase ("free counter",
        "the light"), two words or more first, one that opens like a verb ("envoyé par",
        read as an instruction) last; none with jargon for a novice, none that
        suggests something to do. A question ("what does it say") is no topic: a fact
        asked only by questions is restated by its values alone."""
        usable = [
            p
            for p in fact.ask
            if self._opens(p) == "noun"
            and not set(dialogue.words(p)) & set(OPEN_QUESTION_WORDS.get(self.language, ()))
            and not (novice and self.jargon(p))
            and not self._suggests(p, incident)
        ]

        def rank(pattern: str) -> tuple[bool, bool, bool, int]:
            w = dialogue.words(pattern)
            verb = self._verb_form(pattern.split()[0].casefold()) != "yes-no"
            return (verb, len(w) < 2, bool(w) and w[-1] in _LITTLE_WORDS, -len(w))

        return min(usable, key=rank) if usable else None

    def _suggests(self, text: str, incident: Incident) -> bool:
        """Does the text tell the customer what to do: all the keywords of the answer, of an
        option or an alternative, or what makes the customer act (a rule's words)?"""
        answer = incident.answer
        sets = [answer.solution_keywords]
        sets += [o.solution_keywords for o in answer.options]
        sets += [a.solution_keywords for a in answer.alternatives]
        for keywords in sets:
            if keywords and all(self.says(keyword_forms(k), text) for k in keywords):
                return True
        return any(self.says(rule.when, text) for rule in incident.rules)

    def solution(self, incident: Incident, novice: bool) -> tuple[str, bool]:
        """What to tell the customer: the fitting option, else the key's sentences with its keywords.

        The second value says whether it is a workaround (an option) rather than the fix.
        """
        answer = incident.answer
        option = answer.fitting_option
        if option is not None:
            return self.plain(option.text, novice), True
        forms = tuple(f for k in answer.solution_keywords for f in keyword_forms(k))
        chosen = [s for s in sentences(answer.told) if self.says(forms, s)]
        text = " ".join(chosen) if chosen else answer.told
        return self.plain(text, novice), False

    def resolution(self, incident: Incident) -> str:
        option = incident.answer.fitting_option
        return option.text if option is not None else " ".join(incident.answer.solution.split())

    def target_article(self, incident: Incident) -> str | None:
        option = incident.answer.fitting_option
        if option is not None and option.kb_article:
            return option.kb_article
        return incident.answer.kb_article
