"""The words a scripted candidate chooses: canned replies, its own sentences, questions.

Every message the plan sends for a procedure step must contain one of the
step's patterns, or the step does not count; every question for a hidden
fact must contain one of the fact's `ask` patterns, or the customer does
not answer it. So the sentences here are built around those patterns, and
a novice gets no glossary jargon in them (COM-5).
"""

from __future__ import annotations

import re

from helpdesk_tui.core.state import ExamState
from helpdesk_tui.customers import dialogue
from helpdesk_tui.customers.evidence_flags import STOP_WORDS
from helpdesk_tui.scenario.model import Fact, Incident, ProcedureStep, Scenario, keyword_forms
from helpdesk_tui.simulate.jobs import Said, Style
from helpdesk_tui.simulate.phrases import (
    AGENT_NAME,
    OPEN_QUESTION_WORDS,
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
RESTATE_WORDS_PER_FACT = 6


def restatement(answers: list[str], language: str) -> str:
    """The facts' values in a list of their own (codes, names, numbers, content words).

    Not the customer's sentences: a copy of those is an echo (COM-4). The
    values are what a restatement must carry; the candidate's words around
    them (the phrase that opens the restatement) are the candidate's own.
    """
    stop = STOP_WORDS.get(language, STOP_WORDS["en"])
    parts = []
    for answer in answers:
        kept: list[str] = []
        for token in _TOKEN.findall(answer):
            plain = " ".join(dialogue.words(token))
            valuable = any(c.isdigit() for c in token) or (len(plain) >= 5 and plain not in stop)
            if valuable and token not in kept:
                kept.append(token)
        if kept:
            parts.append(", ".join(kept[:RESTATE_WORDS_PER_FACT]))
    return "; ".join(parts) + "."


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
        return self.question(self.best_pattern(step.patterns, novice)), None

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
        """How a pattern opens: "open" (which, since...), "yes-no" (do, anyone...) or "noun"."""
        first = dialogue.words(pattern)[:1]
        if first and first[0] in OPEN_QUESTION_WORDS.get(self.language, ()):
            return "open"
        if first and first[0] in YES_NO_STARTS.get(self.language, ()):
            return "yes-no"
        second = dialogue.words(pattern)[1:2]
        if second and second[0] in PRONOUNS.get(self.language, ()):
            return "yes-no"  # a verb first: "hoort u", "avez vous", "is there"
        return "noun"

    def question(self, pattern: str) -> str:
        """A question that contains `pattern` word for word, so the customer recognises it."""
        opens = self._opens(pattern)
        if opens == "noun":
            return self.phrase("ask", pattern=pattern)
        if opens == "yes-no" or len(dialogue.words(pattern)) >= 3:
            return pattern[:1].upper() + pattern[1:] + "?"
        return self.phrase("ask_direct", pattern=pattern)

    def best_ask(self, fact: Fact, novice: bool) -> str:
        return self.best_pattern(fact.ask, novice)

    def best_pattern(self, patterns: tuple[str, ...], novice: bool) -> str:
        """The pattern that makes the most natural question, without jargon for a novice.

        An open question of two words or more ("since when"), then a noun phrase
        ("big files"), then a yes-no opening ("anyone else"), then a single word;
        patterns that end on a little word ("how long has") come last in their group.
        """
        usable = [p for p in patterns if not (novice and self.jargon(p))]

        def rank(pattern: str) -> tuple[int, bool, int]:
            w = dialogue.words(pattern)
            opens = self._opens(pattern)
            group = {"open": 0, "noun": 1, "yes-no": 2}[opens] if len(w) >= 2 else 3
            dangling = bool(w) and w[-1] in _LITTLE_WORDS
            return (group, dangling, -len(w))

        return min(usable or list(patterns), key=rank)

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
