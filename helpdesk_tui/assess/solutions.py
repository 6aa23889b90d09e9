"""Where the candidate gave a case's answer: the answer key matched against actions.

An answer counts when a text that reaches the customer (a chat or call
message, a ticket reply, the resolution) holds every solution keyword of the
key, of an accepted alternative or of one of the options; when the ticket is
transferred to the key's group; or when it is resolved citing an accepted
article. A message the simulation flagged as a paraphrase does not count when
nearly all its content words are the customer's own: restating the
customer's "the pc in the workshop" is not telling them to log off there. SOL-2, SOL-7, SOL-8, SIM-1 and COM-2 all ask "when was the answer
given", so they share this one definition.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from helpdesk_tui.assess.cases import Case
from helpdesk_tui.assess.tracker import CUSTOMER_FACING, Action
from helpdesk_tui.customers.dialogue import matches
from helpdesk_tui.customers.evidence_flags import content_stems
from helpdesk_tui.scenario.model import Answer, AnswerOption

ANSWERING = CUSTOMER_FACING | {"ticket_resolved"}
"""Where an answer counts: what the customer was told, and the solution on the ticket."""

ECHO_SHARE = 0.8
"""A paraphrase whose content words are at least this share the customer's is no answer."""

KEY = "key"
ALTERNATIVE = "alternative"
TRANSFER = "transfer"
ARTICLE = "article"
OPTION = "option"


@dataclass(frozen=True, slots=True)
class AnswerHit:
    """An action that gave (part of) the answer, and how it matched."""

    action: Action
    how: str
    option: AnswerOption | None = None


@lru_cache(maxsize=65536)
def all_match(keywords: tuple[str, ...], text: str, language: str) -> bool:
    """Every keyword is said in the text, by the simulation's own reading (none: no match).

    A keyword inside a negation ("do not restart it") is not said.
    """
    return bool(keywords) and all(matches(k, text, language) for k in keywords)


def transfer_groups(answer: Answer) -> frozenset[str]:
    groups = {answer.transfer_group, *(a.transfer_group for a in answer.alternatives)}
    return frozenset(g for g in groups if g)


def resolution_articles(answer: Answer) -> frozenset[str]:
    found = {answer.kb_article, *(a.kb_article for a in answer.alternatives)}
    return frozenset(a for a in found if a)


def _text_hit(answer: Answer, text: str, lang: str) -> tuple[str, AnswerOption | None] | None:
    """Options first: they are the more specific match, and SOL-8 needs to know
    which one was chosen even when the text also holds the main keywords."""
    for option in answer.options:
        if all_match(option.solution_keywords, text, lang):
            return OPTION, option
    if all_match(answer.solution_keywords, text, lang):
        return KEY, None
    if any(all_match(alt.solution_keywords, text, lang) for alt in answer.alternatives):
        return ALTERNATIVE, None
    return None


def mere_echo(case: Case, action: Action) -> bool:
    """A flagged paraphrase whose content words are (nearly) all the customer's own."""
    if action.seq not in case.paraphrases or not action.text:
        return False
    mine = content_stems(action.text, case.language)
    said: set[str] = set()
    for text in case.customer_said_before(action.seq):
        said |= content_stems(text, case.language)
    return bool(mine) and len(mine & said) >= ECHO_SHARE * len(mine)


def _action_hit(case: Case, answer: Answer, action: Action) -> AnswerHit | None:
    if action.type in ANSWERING and action.text and not mere_echo(case, action):
        found = _text_hit(answer, action.text, case.language)
        if found is not None:
            return AnswerHit(action, found[0], found[1])
    if action.type == "ticket_transferred" and action.data.get("group") in transfer_groups(answer):
        return AnswerHit(action, TRANSFER)
    if action.type == "ticket_resolved":
        article = action.data.get("kb_article")
        if article in resolution_articles(answer):
            return AnswerHit(action, ARTICLE)
        option = next((o for o in answer.options if o.kb_article and o.kb_article == article), None)
        if option is not None:
            return AnswerHit(action, OPTION, option)
    return None


def answer_hits(case: Case) -> list[AnswerHit]:
    """Every action of the case that gave the answer, in the order they happened."""
    answer = case.answer
    if answer is None:
        return []
    if "answer_hits" not in case.cache:
        case.cache["answer_hits"] = [
            hit for action in case.actions if (hit := _action_hit(case, answer, action)) is not None
        ]
    return case.cache["answer_hits"]


def first_answer(case: Case) -> AnswerHit | None:
    hits = answer_hits(case)
    return hits[0] if hits else None


def chosen_option(case: Case) -> AnswerHit | None:
    """The first option the candidate gave (SOL-8), by its keywords or its article."""
    return next((h for h in answer_hits(case) if h.option is not None), None)


def solving_action(case: Case) -> Action | None:
    """The first answer, transfer or resolution: the point questions should come before."""
    hit = first_answer(case)
    closing = case.first("ticket_resolved", "ticket_transferred")
    candidates = [a for a in (hit.action if hit else None, closing) if a is not None]
    return min(candidates, key=lambda a: a.seq) if candidates else None
