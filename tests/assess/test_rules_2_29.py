"""Rules 2.29 (branch evid46): a case the second line must take, resolved without a transfer,
speaks against SOL-5.

Scripted on en-northwind-monday (the composite cheater that made the rule necessary was
measured on fr-val-de-lesse-garde, on a call; these are a chat and an e-mail on another exam,
in words of no bank or cheater). Which cases the second line must take and the groups' names
are read from the scenario's file itself, not from the code under test. The expectation is
docs/assessment.md's SOL-5 ("follows up escalations"): a case the key escalates that the
candidate closed at the first line had an escalation to follow up and got none.
"""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

from helpdesk_tui import paths
from helpdesk_tui.assess.evidence import gather_evidence
from helpdesk_tui.assess.model import Evidence, EvidenceItem
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import Scenario

from .kit import Step, play

FOLDER = paths.scenarios_dir() / "en-northwind-monday"
CHAT = "raj-vpn-certificate"  # the key: transfer to the network team
MAIL = "priya-phishing"  # the key: transfer to security


@cache
def exam() -> Scenario:
    return load_scenario(FOLDER)


@cache
def toml() -> dict[str, Any]:
    return tomllib.loads((FOLDER / "scenario.toml").read_text("utf-8"))


def key(incident_id: str) -> dict[str, Any]:
    found = next(i for i in toml()["incidents"] if i["id"] == incident_id)
    return found["answer"]


def group_name(group_id: str) -> str:
    return next(g["name"] for g in toml()["groups"] if g["id"] == group_id)


def first_line_case() -> str:
    """An incident of the exam the key solves where it stands: no group anywhere in its key."""
    return next(
        i["id"]
        for i in toml()["incidents"]
        if "transfer_group" not in i["answer"]
        and not any("transfer_group" in a for a in i["answer"].get("alternatives", []))
        and i["channel"] == "chat"
    )


def chat(incident_id: str, ticket: str, at: float = 10.0) -> list[Step]:
    """The customer's chat opens; the candidate answers once and registers the ticket."""
    case = next(i for i in exam().incidents if i.id == incident_id)
    answer = key(incident_id)
    conv = f"c-{incident_id}"
    return [
        (at, "chat_opened", {"conversation_id": conv, "customer_id": case.customer,
                             "incident_id": incident_id, "subject": case.title}),
        (at + 1, "customer_message", {"conversation_id": conv, "text": case.messages[0].text}),
        (at + 20, "message_sent", {"conversation_id": conv,
                                   "text": "Thanks for reaching out, I'm opening a ticket now."}),
        (at + 30, "ticket_created", {"ticket_id": ticket, "customer_id": case.customer,
                                     "conversation_id": conv, "title": case.title,
                                     "description": case.messages[0].text,
                                     "category": answer["category"], "impact": answer["impact"],
                                     "urgency": answer["urgency"]}),
    ]  # fmt: skip


def resolved(ticket: str, at: float) -> Step:
    return (at, "ticket_resolved", {"ticket_id": ticket, "solution": "Walked them through it."})


def sol5(steps: list[Step]) -> list[EvidenceItem]:
    evidence: Evidence = gather_evidence(play(exam(), steps, end_at=1200), exam())
    return list(evidence.for_competency("SOL-5"))


def against_unescalated(items: list[EvidenceItem], ticket: str) -> list[EvidenceItem]:
    return [
        i
        for i in items
        if i.subject == ticket and i.favourable is False and "transfer" in i.summary
    ]


def test_a_chat_the_key_escalates_resolved_at_the_first_line_speaks_against() -> None:
    items = sol5(chat(CHAT, "T-1001") + [resolved("T-1001", 200)])
    found = against_unescalated(items, "T-1001")
    assert len(found) == 1, [i.summary for i in items]
    assert group_name(key(CHAT)["transfer_group"]) in found[0].summary


def test_the_same_chat_transferred_to_the_keys_group_does_not() -> None:
    group = key(CHAT)["transfer_group"]
    steps = chat(CHAT, "T-1001") + [
        (150, "ticket_transferred", {"ticket_id": "T-1001", "group": group,
                                     "reason": "Certificate renewal is theirs."}),
        resolved("T-1001", 600),
    ]  # fmt: skip
    assert against_unescalated(sol5(steps), "T-1001") == []


def test_a_case_the_key_solves_where_it_stands_resolved_is_not_against() -> None:
    items = sol5(chat(first_line_case(), "T-1001") + [resolved("T-1001", 200)])
    assert against_unescalated(items, "T-1001") == []


def test_an_escalated_case_left_open_is_not_this_rules() -> None:
    """Not resolved: DATA-3 names the missing transfer; SOL-5 has nothing new to say."""
    assert against_unescalated(sol5(chat(CHAT, "T-1001")), "T-1001") == []


def test_an_email_the_key_escalates_resolved_unescalated_speaks_against() -> None:
    """The written channel: the e-mail's own ticket, answered and resolved, never transferred."""
    mail = next(i for i in exam().incidents if i.id == MAIL)
    steps: list[Step] = [
        (5.0, "email_received", {"ticket_id": "T-0900", "customer_id": mail.customer,
                                 "incident_id": MAIL, "title": mail.subject or mail.title,
                                 "description": mail.body or mail.title}),
        (20.0, "ticket_opened", {"ticket_id": "T-0900"}),
        (40.0, "ticket_reply_added", {"ticket_id": "T-0900",
                                      "text": "Thanks, I have looked into it for you."}),
        resolved("T-0900", 60.0),
    ]  # fmt: skip
    found = against_unescalated(sol5(steps), "T-0900")
    assert len(found) == 1
    assert group_name(key(MAIL)["transfer_group"]) in found[0].summary
