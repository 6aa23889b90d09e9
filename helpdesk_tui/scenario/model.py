"""The scenario as the rest of the program sees it: frozen, checked, in exam seconds.

The loader turns `scenario.toml`, the SLA profile and `kb/*.md` into these
objects only after validation found no errors, so code that receives a
`Scenario` can trust every reference in it (an incident's customer exists, an
answer's article is in `kb`). Every time is already in exam seconds (`*_s`),
so nothing downstream multiplies by 60 or wonders which unit a field is in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from helpdesk_tui.core.sla import SlaProfile


class Channel(StrEnum):
    """How an incident reaches the candidate."""

    CHAT = "chat"
    CALL = "call"
    EMAIL = "email"
    QUEUE = "queue"


class TechnicalLevel(StrEnum):
    NOVICE = "novice"
    INTERMEDIATE = "intermediate"
    EXPERT = "expert"


class Mood(StrEnum):
    CALM = "calm"
    IRRITATED = "irritated"
    ANGRY = "angry"


class MoodNudge(StrEnum):
    """Which way a dialogue rule moves the customer's mood."""

    CALMER = "calmer"
    ANGRIER = "angrier"


@dataclass(frozen=True, slots=True)
class KbArticle:
    """A knowledge-base article: a header (id, title, tags, language) and a Markdown body."""

    id: str
    title: str
    tags: tuple[str, ...]
    language: str
    body: str
    path: Path


@dataclass(frozen=True, slots=True)
class Group:
    """A team a ticket can be transferred to (second line, a third party)."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Customer:
    id: str
    name: str
    persona: str
    technical_level: TechnicalLevel
    mood: Mood
    patience_s: float
    department: str | None = None


@dataclass(frozen=True, slots=True)
class CannedReply:
    """A reply the candidate inserts with one key; `{agent}` is filled in."""

    id: str
    title: str
    text: str


MACRO_STATUSES: tuple[str, ...] = ("pending_customer", "pending_third_party", "open")
"""What a macro may set after its reply: waiting on the customer or a third party, or open."""


@dataclass(frozen=True, slots=True)
class Macro:
    """A canned public reply on a ticket that also sets its status, in one step
    (Zendesk's and Freshdesk's macros): e.g. ask for a detail and wait on the customer."""

    id: str
    title: str
    text: str
    status: str


@dataclass(frozen=True, slots=True)
class ProcedureStep:
    """A step, detected in what the candidate says (`patterns`) or by an action (`events`).

    Exactly one of the two is non-empty.
    """

    id: str
    label: str
    patterns: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    optional: bool = False
    """Done where it applies ("correct the category only if it is wrong"): not missing when absent."""
    channels: tuple[str, ...] = ()
    """The step applies only to incidents that come in these ways (empty: every channel)."""
    when: str | None = None
    """A condition on the incident's ticket (STEP_CONDITIONS): the step applies only when it holds."""

    def applies_to(self, channel: str) -> bool:
        return not self.channels or channel in self.channels

    def applies_in(self, incident: Incident | None) -> bool:
        """Channel and condition both allow the step for this incident.

        A conditional step never applies to a ticket the answer key does not
        know: nothing says whether its condition holds.
        """
        if incident is None:
            return not self.when
        if not self.applies_to(incident.channel.value):
            return False
        return self.when is None or condition_holds(self.when, incident)


STEP_CONDITIONS: dict[str, str] = {
    "category_wrong": "the ticket arrived with a category other than the answer key's",
    "impact_wrong": "the ticket arrived with an impact other than the answer key's",
    "urgency_wrong": "the ticket arrived with an urgency other than the answer key's",
    "fields_wrong": "the ticket arrived with a category, impact or urgency other than the key's",
    "transfer_needed": "the answer key transfers the incident to a group",
    "solved_here": "the answer key solves the incident at the service desk (no transfer)",
}
"""The closed vocabulary of `when` on a procedure step: each a fact of the scenario
(how the ticket arrived, what the answer key says), so the customers, the scripted
candidates and the evidence all read the same condition the same way."""

_PREFILLED = {
    "category_wrong": ("ticket_category", "category"),
    "impact_wrong": ("ticket_impact", "impact"),
    "urgency_wrong": ("ticket_urgency", "urgency"),
}


def condition_holds(when: str, incident: Incident) -> bool:
    """Whether a step's `when` holds for this incident (unknown conditions never do).

    "Wrong" means filled in by whoever logged the ticket, and not as the key
    says: an empty field is missing, not wrong (DATA-1 asks for it anyway).
    """
    if when in _PREFILLED:
        given, key = _PREFILLED[when]
        value = getattr(incident, given)
        return value is not None and value != getattr(incident.answer, key)
    if when == "fields_wrong":
        return any(condition_holds(c, incident) for c in _PREFILLED)
    if when == "transfer_needed":
        return incident.answer.transfer_group is not None
    if when == "solved_here":
        return incident.answer.transfer_group is None
    return False


@dataclass(frozen=True, slots=True)
class Procedure:
    id: str
    name: str
    steps: tuple[ProcedureStep, ...]


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    name: str
    procedure: str


@dataclass(frozen=True, slots=True)
class Message:
    """What the customer says unprompted, `after_s` seconds after the incident starts."""

    after_s: float
    text: str


@dataclass(frozen=True, slots=True)
class Fact:
    """A hidden fact, revealed when the candidate's message matches `ask` (COM-2).

    `key` marks a fact a good paraphrase restates (COM-4).
    """

    id: str
    ask: tuple[str, ...]
    answer: str
    key: bool = False


@dataclass(frozen=True, slots=True)
class DialogueRule:
    id: str
    when: tuple[str, ...]
    reply: str
    mood: MoodNudge | None = None


@dataclass(frozen=True, slots=True)
class FollowUp:
    """The customer writes again when the candidate stays silent for `after_s`."""

    after_s: float
    text: str


@dataclass(frozen=True, slots=True)
class NewsRequest:
    """A customer whose ticket is pending asks for news after `after_s`."""

    after_s: float
    text: str


CHASE_CHANNELS: tuple[str, ...] = ("chat", "call", "email")
"""How a customer may chase their ticket for news."""


@dataclass(frozen=True, slots=True)
class Chase:
    """A customer whose ticket got no update for `after_s` gets in touch (SOL-6).

    The wait counts from the ticket's creation, and again from each later
    update the customer receives; the customer chases once, by `channel`
    (chat, call or email), saying `text`.
    """

    after_s: float
    channel: str
    text: str


def keyword_forms(keyword: str) -> tuple[str, ...]:
    """The words a keyword accepts: "reconnect | connect again" is either one."""
    return tuple(f.strip() for f in keyword.split("|") if f.strip())


@dataclass(frozen=True, slots=True)
class AnswerAlternative:
    """Another article, solution or transfer that is also right."""

    kb_article: str | None = None
    solution_keywords: tuple[str, ...] = ()
    transfer_group: str | None = None


@dataclass(frozen=True, slots=True)
class AnswerOption:
    """One of several possible solutions; `fits` marks the one urgency and impact call for."""

    id: str
    text: str
    kb_article: str | None
    solution_keywords: tuple[str, ...]
    fits: bool
    why: str
    solution_exclude: tuple[str, ...] = ()
    """Words that, said with the keywords, make it another answer ("not together with those")."""


@dataclass(frozen=True, slots=True)
class Answer:
    """The answer key of one incident: what a good candidate does with it."""

    category: str
    impact: str
    urgency: str
    solution: str
    kb_article: str | None = None
    solution_keywords: tuple[str, ...] = ()
    transfer_group: str | None = None
    alternatives: tuple[AnswerAlternative, ...] = ()
    options: tuple[AnswerOption, ...] = ()
    customer_solution: str | None = None
    """What to tell the customer, in their words, apart from `solution` (the assessor's note)."""
    solution_exclude: tuple[str, ...] = ()

    @property
    def told(self) -> str:
        """The solution as the customer should hear it."""
        return self.customer_solution or self.solution

    @property
    def fitting_option(self) -> AnswerOption | None:
        return next((o for o in self.options if o.fits), None)


@dataclass(frozen=True, slots=True)
class SecondLineQuestion:
    """A further question the second line asks once the previous one was relayed."""

    text: str
    relay_patterns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SecondLine:
    """How the group a ticket was transferred to answers, after `delay_s` (SOL-5).

    With `question`, `reply` is its first question; `more` are asked in turn,
    each `delay_s` after the candidate relayed the one before, and
    `final_reply` comes after the last.
    """

    group: str
    delay_s: float
    reply: str
    question: bool = False
    relay_patterns: tuple[str, ...] = ()
    final_reply: str | None = None
    """What the group says once its question was answered (None: a built-in "fixed it")."""
    more: tuple[SecondLineQuestion, ...] = ()

    @property
    def questions(self) -> tuple[SecondLineQuestion, ...]:
        """Every question round in order (none when the first reply is not a question)."""
        if not self.question:
            return ()
        return (SecondLineQuestion(self.reply, self.relay_patterns), *self.more)

    def relay_patterns_for(self, text: str) -> tuple[str, ...]:
        """The relay patterns of the question the group said in `text` (() for news)."""
        return next((q.relay_patterns for q in self.questions if q.text == text), ())


@dataclass(frozen=True, slots=True)
class Incident:
    """One thing that happens to the candidate, starting at `at_s` on the exam clock."""

    id: str
    title: str
    customer: str
    channel: Channel
    at_s: float
    competencies: tuple[str, ...]
    answer: Answer
    messages: tuple[Message, ...] = ()
    facts: tuple[Fact, ...] = ()
    rules: tuple[DialogueRule, ...] = ()
    fallback: str | None = None
    follow_up: FollowUp | None = None
    news_request: NewsRequest | None = None
    second_line: SecondLine | None = None
    chase: Chase | None = None
    subject: str | None = None
    body: str | None = None
    age_s: float | None = None
    ticket_category: str | None = None
    ticket_impact: str | None = None
    ticket_urgency: str | None = None

    @property
    def is_conversation(self) -> bool:
        """A chat or a call: the customer talks, facts and rules apply live."""
        return self.channel in (Channel.CHAT, Channel.CALL)


@dataclass(frozen=True, slots=True)
class Scenario:
    """A whole scenario: its metadata, people, procedures, timetable, SLA profile and KB."""

    folder: Path
    id: str
    title: str
    language: str
    duration_s: float
    sla_profile: str
    sla: SlaProfile
    groups: tuple[Group, ...]
    procedures: tuple[Procedure, ...]
    categories: tuple[Category, ...]
    customers: tuple[Customer, ...]
    incidents: tuple[Incident, ...]
    kb: tuple[KbArticle, ...] = ()
    canned: tuple[CannedReply, ...] = ()
    macros: tuple[Macro, ...] = ()
    glossary: dict[str, str] = field(default_factory=dict)
    default: bool = False
    kind: str = "practice"
    """exam | practice | drill (docs/scenario-format.md)."""
    aim: str = ""
    """What a drill or practice scenario trains, in a line, for `scenario list`."""
    description: str = ""
    format: int = 1
    source_files: tuple[Path, ...] = ()
    """The files the scenario was read from (scenario.toml, the SLA profile, kb/*.md)."""
    _index: dict[tuple[str, str], Any] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        index: dict[tuple[str, str], Any] = {}
        for kind, items in (
            ("customer", self.customers),
            ("incident", self.incidents),
            ("article", self.kb),
            ("category", self.categories),
            ("group", self.groups),
            ("procedure", self.procedures),
            ("canned", self.canned),
        ):
            for item in items:
                index.setdefault((kind, item.id), item)
        object.__setattr__(self, "_index", index)

    @property
    def scenario_file(self) -> Path:
        return self.folder / "scenario.toml"

    def _get(self, kind: str, item_id: str) -> Any:
        try:
            return self._index[(kind, item_id)]
        except KeyError:
            raise KeyError(f"scenario {self.id!r} has no {kind} {item_id!r}") from None

    def customer(self, customer_id: str) -> Customer:
        return self._get("customer", customer_id)

    def incident(self, incident_id: str) -> Incident:
        return self._get("incident", incident_id)

    def article(self, article_id: str) -> KbArticle:
        return self._get("article", article_id)

    def category(self, category_id: str) -> Category:
        return self._get("category", category_id)

    def group(self, group_id: str) -> Group:
        return self._get("group", group_id)

    def procedure(self, procedure_id: str) -> Procedure:
        return self._get("procedure", procedure_id)

    def canned_reply(self, canned_id: str) -> CannedReply:
        return self._get("canned", canned_id)

    def procedure_for(self, category_id: str) -> Procedure:
        """The procedure a ticket of this category follows."""
        return self.procedure(self.category(category_id).procedure)

    def competencies_covered(self) -> frozenset[str]:
        """Every competency id some incident names."""
        return frozenset(c for i in self.incidents for c in i.competencies)
