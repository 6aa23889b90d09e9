"""Where the candidate gave a case's answer: the answer key against what reached the customer.

An answer counts when a message in the customer's own conversation or a
reply on their own ticket holds every solution keyword of the key, of an
accepted alternative or of exactly one of the options (in a sentence that
is not a mere question nor a request for information, and not negated); or when the ticket is transferred
to the key's group. The resolution field is documentation (DATA-4): the
customer never reads it, so it is not the answer. Some messages hold the
words without being an answer, and are kept as hits that are **not
credited** ("to judge"): several options at once, text pasted from several
KB articles (`integrity.stuffed`), an echo of the customer's own words, a
message that names another customer's case (`integrity.wrong_recipients`).
SOL-2, SOL-7, SOL-8, SIM-1 and COM-2 all ask "when was the answer given", so
they share this one definition.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from helpdesk_tui.assess.cases import Case
from helpdesk_tui.assess.tracker import CUSTOMER_FACING, Action
from helpdesk_tui.assess.wording import find
from helpdesk_tui.customers.evidence_flags import content_stems
from helpdesk_tui.customers.telling import telling
from helpdesk_tui.scenario.model import Answer, AnswerOption, keyword_forms

ANSWERING = CUSTOMER_FACING
"""Where an answer counts: what the customer was told (not the resolution field)."""

ECHO_SHARE = 0.8
"""A paraphrase whose content words are at least this share the customer's is no answer."""

KEY = "key"
ALTERNATIVE = "alternative"
TRANSFER = "transfer"
ARTICLE = "article"
OPTION = "option"
SEVERAL = "several"
"""The keywords of more than one option in one message: no choice was made."""
NOT_CREDITED = frozenset({SEVERAL, "stuffed", "echo", "wrong_recipient", "titled", "not_followed"})
"""(2.26: `reach.py`) The key's words only in an article's title named in the message, or in
a message the customer answered with "I don't follow", are not the answer reaching them."""


@dataclass(frozen=True, slots=True)
class AnswerHit:
    """An action that gave (part of) the answer, and how it matched."""

    action: Action
    how: str
    option: AnswerOption | None = None

    @property
    def credited(self) -> bool:
        return self.how not in NOT_CREDITED


@lru_cache(maxsize=65536)
def all_match(keywords: tuple[str, ...], text: str, lang: str = "en") -> bool:
    """Every keyword is in the text's telling sentences, not negated (none: no match).

    A sentence that only asks ("Is it the cable?") tells the customer nothing, nor does
    one that asks them to tell ("Tell me more about the free counter"); one that asks
    them to do something ("Could you plug the cable in?") does (`customers.telling`).
    A keyword may list alternatives: "reconnect | connect again".
    """
    if not keywords:
        return False
    told = telling(text, lang)
    return all(any(_said(k, s, lang) for s in told) for k in keywords)


def _said(keyword: str, sentence: str, lang: str) -> bool:
    """One of the keyword's forms ("reconnect | connect again") in the sentence, not negated."""
    return any(find(form, sentence, lang) is not None for form in keyword_forms(keyword))


def explain(keywords: tuple[str, ...], text: str, lang: str) -> list[str]:
    """Which words of the message gave each keyword, by which rule of the language layer."""
    lines = []
    for keyword in keywords:
        for sentence in telling(text, lang):
            said = next(
                (h for f in keyword_forms(keyword) if (h := find(f, sentence, lang)) is not None),
                None,
            )
            if said is not None:
                lines.append(said.explain())
                break
    return lines


def hit_keywords(answer: Answer, hit: AnswerHit, lang: str) -> tuple[str, ...]:
    """The keywords a text hit was measured by (the option's, the key's or an alternative's)."""
    if hit.option is not None:
        return hit.option.solution_keywords
    if hit.how == KEY:
        return answer.solution_keywords
    if hit.how == ALTERNATIVE:
        text = hit.action.text or ""
        return next(
            (a.solution_keywords for a in answer.alternatives
             if all_match(a.solution_keywords, text, lang)),
            answer.solution_keywords,
        )  # fmt: skip
    return answer.solution_keywords


def excluded(exclude: tuple[str, ...], text: str, lang: str) -> bool:
    """A word the key says must not come with its keywords ("not together with those")."""
    return any(_said(word, s, lang) for word in exclude for s in telling(text, lang))


def transfer_groups(answer: Answer) -> frozenset[str]:
    groups = {answer.transfer_group, *(a.transfer_group for a in answer.alternatives)}
    return frozenset(g for g in groups if g)


def resolution_articles(answer: Answer) -> frozenset[str]:
    found = {answer.kb_article, *(a.kb_article for a in answer.alternatives)}
    return frozenset(a for a in found if a)


def text_hit(answer: Answer, text: str, lang: str) -> tuple[str, AnswerOption | None] | None:
    """Options first: they are the more specific match, and SOL-8 needs to know
    which one was chosen even when the text also holds the main keywords.
    Two options or more in one message is no choice (`SEVERAL`)."""
    given = [
        o for o in answer.options
        if all_match(o.solution_keywords, text, lang)
        and not excluded(o.solution_exclude, text, lang)
    ]  # fmt: skip
    if len(given) > 1:
        return SEVERAL, None
    if given:
        return OPTION, given[0]
    if all_match(answer.solution_keywords, text, lang) and not excluded(
        answer.solution_exclude, text, lang
    ):
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
        found = text_hit(answer, action.text, case.language)
        if found is not None:
            judged = case.cache.get("judged", {}).get(action.seq)
            how = judged if judged is not None and found[0] != SEVERAL else found[0]
            return AnswerHit(action, how, found[1] if how == OPTION else None)
    if action.type == "ticket_transferred" and action.data.get("group") in transfer_groups(answer):
        return AnswerHit(action, TRANSFER)
    return None


HIT_TYPES = (*sorted(ANSWERING), "ticket_transferred")
"""The only actions `_action_hit` can find an answer in: read alone, in the case's order,
not among every focus move and search of it (perf19: 133,000 actions of a padded
200,000-record log, 24,000 of them of these types)."""


def answer_hits(case: Case) -> list[AnswerHit]:
    """Every action of the case that gave the answer, in the order they happened."""
    answer = case.answer
    if answer is None:
        return []
    if "answer_hits" not in case.cache:
        case.cache["answer_hits"] = [
            hit
            for action in case.of_types(HIT_TYPES)
            if (hit := _action_hit(case, answer, action)) is not None
        ]
    return case.cache["answer_hits"]


def first_answer(case: Case) -> AnswerHit | None:
    """The first credited answer."""
    return next((h for h in answer_hits(case) if h.credited), None)


def chosen_option(case: Case) -> AnswerHit | None:
    """The first option the candidate gave (SOL-8), or the uncredited hit that came before it."""
    return next(
        (h for h in answer_hits(case) if h.option is not None or h.how in NOT_CREDITED), None
    )


def solving_action(case: Case) -> Action | None:
    """The first answer, transfer or resolution: the point questions should come before."""
    hit = first_answer(case)
    closing = case.first("ticket_resolved", "ticket_transferred")
    candidates = [a for a in (hit.action if hit else None, closing) if a is not None]
    return min(candidates, key=lambda a: a.seq) if candidates else None
