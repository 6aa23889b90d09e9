"""Conversations named as an assessor knows them, in texts made with their ids.

The evidence texts cite a conversation by its id ("Gesprek C-helen-crm-down (Helen
Carter): ...", "C-tom-lockout: geen van de 2 berichten ..."): the rules make them so and
tests read them. An assessor reads a customer's name and the subject; this step, run only
where a text is shown (report, review), puts them first and keeps the id after them, so
"Gesprek Helen Carter, CRM down (C-helen-crm-down): ...". No rule reads what it returns.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from helpdesk_tui.core.state import ExamState
from helpdesk_tui.scenario.model import Scenario

People = Mapping[str, tuple[str, str]]
"""Conversation id -> (the customer's name, the conversation's subject)."""


def conversation_people(
    state: ExamState, scenario: Scenario | None = None
) -> dict[str, tuple[str, str]]:
    """Each conversation's customer name (else their id) and subject: the one it opened
    with, else its incident's title in the scenario (a chat opens without one)."""
    people = {}
    for conv in state.conversations.values():
        customer = state.customers.get(conv.customer_id)
        subject = conv.subject
        if not subject and scenario is not None and conv.incident_id:
            found = [i for i in scenario.incidents if i.id == conv.incident_id]
            subject = _short(found[0].title) if found else ""
        people[conv.id] = (customer.name if customer else conv.customer_id, subject)
    return people


def _short(title: str) -> str:
    """An incident's title up to its first ";" and without a closing "(call)": the rest is
    the author's note on the customer ("...; angry Head of Sales (call)")."""
    head = title.split(";")[0]
    if head.count("(") > head.count(")"):  # a note cut open by the ";"
        head = head[: head.rindex("(")]
    return re.sub(r"\s*\([^()]*\)$", "", head.strip()).strip()


def _pattern(people: People) -> re.Pattern[str] | None:
    if not people:
        return None
    ids = "|".join(re.escape(cid) for cid in sorted(people, key=len, reverse=True))
    # the id, whole, and the "(name)" a text may put after it
    return re.compile(rf"(?<![\w-])({ids})(?![\w-])(?: \(([^()]*)\))?")


def named(text: str, people: People) -> str:
    """`text` with each conversation id shown as "name, subject (id)"."""
    pattern = _pattern(people)
    if pattern is None:
        return text

    def label(found: re.Match[str]) -> str:
        cid, after = found.group(1), found.group(2)
        name, subject = people[cid]
        shown = f"{name}, {subject}" if subject else name
        kept = f" ({after})" if after is not None and after != name else ""
        return f"{shown} ({cid}){kept}"

    return pattern.sub(label, text)
