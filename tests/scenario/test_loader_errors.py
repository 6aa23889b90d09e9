"""One test per kind of mistake in scenario.toml: the field path, the line and the hint.

Each case breaks one thing in the valid fixture and names the problem it must
produce: its exact field path, a fragment of the message that says what would
be right, and the line (found by a needle in the written file).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from helpdesk_tui.scenario.errors import Problem
from helpdesk_tui.scenario.loader import validate_scenario
from scenario.kit import line_of

Data = dict[str, Any]


def inc(d: Data, index: int) -> Data:
    return d["incidents"][index]


def answer(d: Data, index: int) -> Data:
    return d["incidents"][index]["answer"]


@dataclass(frozen=True)
class Case:
    name: str
    mutate: Callable[[Data], None]
    path: str
    fragment: str
    needle: str | None = None
    """Text on the line the problem must point at; None means no line."""
    occurrence: int = 1
    severity: str = "error"


def _set(target: Callable[[Data], Data], key: str, value: Any) -> Callable[[Data], None]:
    def mutate(d: Data) -> None:
        target(d)[key] = value

    return mutate


def _del(target: Callable[[Data], Data], key: str) -> Callable[[Data], None]:
    def mutate(d: Data) -> None:
        del target(d)[key]

    return mutate


def top(d: Data) -> Data:
    return d


def step(i: int) -> Callable[[Data], Data]:
    return lambda d: d["procedures"][0]["steps"][i]


def customer(i: int) -> Callable[[Data], Data]:
    return lambda d: d["customers"][i]


def incident(i: int) -> Callable[[Data], Data]:
    return lambda d: inc(d, i)


def answer_of(i: int) -> Callable[[Data], Data]:
    return lambda d: answer(d, i)


def message(i: int, m: int) -> Callable[[Data], Data]:
    return lambda d: inc(d, i)["messages"][m]


def second_line(d: Data) -> Data:
    return inc(d, 1)["second_line"]


I0 = 'incidents[0] (id "printer-blank")'
I1 = 'incidents[1] (id "vpn-down")'
I2 = 'incidents[2] (id "locked-account")'
STEP0 = 'procedures[0] (id "contact").steps[0] (id "greet")'

CASES = [
    # --- top level -------------------------------------------------------------
    Case("format missing", _del(top, "format"), "format", "add format = 1"),
    Case("format wrong", _set(top, "format", 2), "format", "must be 1", "format = 2"),
    Case(
        "id with spaces",
        _set(top, "id", "My Scenario"),
        "id",
        "lower-case letters",
        'id = "My Scenario"',
    ),
    Case("title missing", _del(top, "title"), "title", 'add title = "..."'),
    Case(
        "title a date",
        _set(top, "title", date(1979, 5, 27)),
        "title",
        "is a date/time (1979-05-27) — must be text in quotes",
        "title = 1979-05-27",
    ),
    Case("title empty", _set(top, "title", "  "), "title", "is empty", 'title = "  "'),
    Case(
        "language unknown",
        _set(top, "language", "de"),
        "language",
        "must be one of: en, fr, nl",
        'language = "de"',
    ),
    Case(
        "duration too long",
        _set(top, "duration_minutes", 400),
        "duration_minutes",
        "at most 300",
        "duration_minutes = 400",
    ),
    Case(
        "duration as text",
        _set(top, "duration_minutes", "30"),
        "duration_minutes",
        "is text ('30') — must be a number",
        'duration_minutes = "30"',
    ),
    Case(
        "duration a table",
        _set(top, "duration_minutes", {"a": 1}),
        "duration_minutes",
        "is a table — must be a number",
        "[duration_minutes]",
    ),
    Case(
        "sla profile unknown",
        _set(top, "sla_profile", "strict"),
        "sla_profile",
        "must be the name of a profile in",
        'sla_profile = "strict"',
    ),
    Case(
        "sla profile typo",
        _set(top, "sla_profile", "standrd"),
        "sla_profile",
        "did you mean 'standard'?",
        'sla_profile = "standrd"',
    ),
    Case(
        "default as text",
        _set(top, "default", "yes"),
        "default",
        "must be true or false",
        'default = "yes"',
    ),
    Case(
        "unknown top field",
        _set(top, "duration", 30),
        "duration",
        "unknown field 'duration' is ignored (did you mean 'duration_minutes'?)",
        "duration = 30",
        severity="warning",
    ),
    # --- groups, glossary, canned ------------------------------------------------
    Case("groups missing", _del(top, "groups"), "groups", "add at least one [[groups]] section"),
    Case(
        "groups as text",
        _set(top, "groups", "network"),
        "groups",
        "is text ('network') — must be an array of tables",
        'groups = "network"',
    ),
    Case("groups empty", _set(top, "groups", []), "groups", "is an empty list", "groups = []"),
    Case(
        "group not a table",
        _set(top, "groups", ["network", {"id": "apps", "name": "Apps"}]),
        "groups[0]",
        "is text ('network') — must be a table",
        "groups = [",
    ),
    Case(
        "group duplicate id",
        lambda d: d["groups"][1].update(id="network"),
        'groups[1] (id "network").id',
        "duplicate id 'network' — already used by groups[0] (id \"network\") (line",
        'id = "network"',
        2,
    ),
    Case(
        "group id with space",
        lambda d: d["groups"][0].update(id="net work"),
        'groups[0] (id "net work").id',
        "no spaces",
        'id = "net work"',
    ),
    Case(
        "glossary value a list",
        lambda d: d["glossary"].update(VPN=["x"]),
        "glossary.VPN",
        "is a list — must be the plain words",
        "VPN = [",
    ),
    Case(
        "glossary as text",
        _set(top, "glossary", "VPN"),
        "glossary",
        "must be a table: a [glossary] section",
        'glossary = "VPN"',
    ),
    Case(
        "canned unknown placeholder",
        lambda d: d["canned"][0].update(text="Hi {name}"),
        'canned[0] (id "greeting").text',
        "only {agent} is filled in",
        'text = "Hi {name}"',
        severity="warning",
    ),
    Case(
        "macro with an unknown status",
        lambda d: d.setdefault("macros", []).append(
            {"id": "ask", "title": "Ask", "text": "Since when?", "status": "resolved"}
        ),
        'macros[0] (id "ask").status',
        "must be one of: open, pending_customer, pending_third_party",
        'status = "resolved"',
    ),
    Case(
        "macro without a status",
        lambda d: d.setdefault("macros", []).append({"id": "ask", "title": "Ask", "text": "Hi"}),
        'macros[0] (id "ask").status',
        'missing — add status = "open"',
        "[[macros]]",
    ),
    # --- procedures and categories -------------------------------------------------
    Case(
        "step with both",
        _set(step(0), "event", "ticket_created"),
        STEP0,
        "has both patterns and event",
        "[[procedures.steps]]",
    ),
    Case(
        "step with neither",
        _del(step(0), "patterns"),
        STEP0,
        "has neither patterns nor event",
        "[[procedures.steps]]",
    ),
    Case(
        "step unknown event",
        _set(step(1), "event", "ticket_create"),
        'procedures[0] (id "contact").steps[1] (id "ticket").event',
        "did you mean 'ticket_created'?",
        'event = "ticket_create"',
    ),
    Case(
        "step event a number",
        _set(step(1), "event", 3),
        'procedures[0] (id "contact").steps[1] (id "ticket").event',
        "must be an event type or a list of them",
        "event = 3",
    ),
    Case(
        "step pattern without words",
        _set(step(0), "patterns", ["hello", "!!"]),
        f"{STEP0}.patterns[1]",
        "has no letters or digits",
        'patterns = ["hello", "!!"]',
    ),
    Case(
        "step patterns empty",
        _set(step(0), "patterns", []),
        f"{STEP0}.patterns",
        "is an empty list",
        "patterns = []",
    ),
    Case(
        "steps missing",
        lambda d: d["procedures"][0].pop("steps"),
        'procedures[0] (id "contact").steps',
        "add at least one [[procedures.steps]]",
        "[[procedures]]",
    ),
    Case(
        "duplicate step id",
        lambda d: step(1)(d).update(id="greet"),
        'procedures[0] (id "contact").steps[1] (id "greet").id',
        "each step of this procedure needs its own id",
        'id = "greet"',
        2,
    ),
    Case(
        "category unknown procedure",
        lambda d: d["categories"][0].update(procedure="contct"),
        'categories[0] (id "printing").procedure',
        "unknown procedure 'contct' (did you mean 'contact'?) — must be the id of a procedure: contact",
        'procedure = "contct"',
    ),
    # --- customers ---------------------------------------------------------------
    Case(
        "technical level unknown",
        _set(customer(0), "technical_level", "guru"),
        'customers[0] (id "anna").technical_level',
        "must be one of: expert, intermediate, novice",
        'technical_level = "guru"',
    ),
    Case(
        "mood unknown",
        _set(customer(0), "mood", "happy"),
        'customers[0] (id "anna").mood',
        "must be one of: angry, calm, irritated",
        'mood = "happy"',
    ),
    Case(
        "patience zero",
        _set(customer(0), "patience_minutes", 0),
        'customers[0] (id "anna").patience_minutes',
        "must be greater than 0",
        "patience_minutes = 0",
    ),
    Case(
        "patience nan",
        _set(customer(0), "patience_minutes", float("nan")),
        'customers[0] (id "anna").patience_minutes',
        "must be a finite number",
        "patience_minutes = nan",
    ),
    Case(
        "patience boolean",
        _set(customer(0), "patience_minutes", True),
        'customers[0] (id "anna").patience_minutes',
        "is true/false (true) — must be a number",
        "patience_minutes = true",
    ),
    Case(
        "persona missing",
        _del(customer(1), "persona"),
        'customers[1] (id "marc").persona',
        'add persona = "..."',
        "[[customers]]",
        2,
    ),
    # --- incidents: basics and times --------------------------------------------------
    Case(
        "incidents empty",
        _set(top, "incidents", []),
        "incidents",
        "is an empty list — add at least one [[incidents]]",
        "incidents = []",
    ),
    Case(
        "incident duplicate id",
        lambda d: inc(d, 2).update(id="vpn-down"),
        'incidents[2] (id "vpn-down").id',
        "already used by incidents[1]",
        'id = "vpn-down"',
        2,
    ),
    Case(
        "unknown customer",
        _set(incident(1), "customer", "mark"),
        f"{I1}.customer",
        "unknown customer 'mark' (did you mean 'marc'?) — must be the id of a customer: anna, marc",
        'customer = "mark"',
    ),
    Case(
        "channel unknown",
        _set(incident(0), "channel", "fax"),
        f"{I0}.channel",
        "must be one of: call, chat, email, queue",
        'channel = "fax"',
    ),
    Case(
        "at_minute past the end",
        _set(incident(1), "at_minute", 31),
        f"{I1}.at_minute",
        "must be within the exam: 0 to 30",
        "at_minute = 31",
    ),
    Case(
        "at_minute negative",
        _set(incident(1), "at_minute", -1),
        f"{I1}.at_minute",
        "must be at least 0",
        "at_minute = -1",
    ),
    Case(
        "queue ticket later",
        _set(incident(2), "at_minute", 5),
        f"{I2}.at_minute",
        'set at_minute = 0 (or channel = "email"',
        "at_minute = 5",
    ),
    Case(
        "queue without age",
        _del(incident(2), "age_minutes"),
        f"{I2}.age_minutes",
        "a queue ticket needs its age at minute 0",
        "[[incidents]]",
        3,
    ),
    Case(
        "email without subject",
        lambda d: (inc(d, 2).update(channel="email"), inc(d, 2).pop("subject")),
        f"{I2}.subject",
        "a email ticket arrives with a subject and a body",
        "[[incidents]]",
        3,
    ),
    Case(
        "chat without messages",
        _del(incident(0), "messages"),
        f"{I0}.messages",
        "needs at least one [[incidents.messages]]",
        "[[incidents]]",
        1,
    ),
    Case(
        "message negative time",
        _set(message(0, 1), "after_seconds", -5),
        f"{I0}.messages[1].after_seconds",
        "must be at least 0",
        "after_seconds = -5",
    ),
    Case(
        "message text missing",
        _del(message(0, 1), "text"),
        f"{I0}.messages[1].text",
        'add text = "..."',
        "[[incidents.messages]]",
        2,
    ),
    Case(
        "messages out of order",
        _set(message(0, 0), "after_seconds", 30),
        f"{I0}.messages[1].after_seconds",
        "sort them by after_seconds",
        "after_seconds = 20",
        severity="warning",
    ),
    Case(
        "message after the exam",
        _set(message(1, 0), "after_seconds", 1700),
        f"{I1}.messages[0].after_seconds",
        "after the exam ends (30 minutes)",
        "after_seconds = 1700",
        severity="warning",
    ),
    Case(
        "messages on a queue ticket",
        _set(incident(2), "messages", [{"after_seconds": 0, "text": "hi"}]),
        f"{I2}.messages",
        "messages are for chat and call",
        "[[incidents.messages]]",
        4,
        severity="warning",
    ),
    Case(
        "age on a chat",
        _set(incident(0), "age_minutes", 3),
        f"{I0}.age_minutes",
        "only a queue ticket has an age",
        "age_minutes = 3",
        severity="warning",
    ),
    Case(
        "ticket fields on a chat",
        _set(incident(0), "ticket_impact", "low"),
        f"{I0}.ticket_impact",
        "only a queue ticket arrives with fields filled in",
        'ticket_impact = "low"',
        severity="warning",
    ),
    Case(
        "queue ticket unknown level",
        _set(incident(2), "ticket_impact", "huge"),
        f"{I2}.ticket_impact",
        "is not a level of the SLA profile 'standard' — must be one of: high, medium, low",
        'ticket_impact = "huge"',
    ),
    Case(
        "queue ticket unknown category",
        _set(incident(2), "ticket_category", "printers"),
        f"{I2}.ticket_category",
        "did you mean 'printing'?",
        'ticket_category = "printers"',
    ),
    Case(
        "incident typo field",
        _set(incident(0), "fallbak", "x"),
        f"{I0}.fallbak",
        "did you mean 'fallback'?",
        'fallbak = "x"',
        severity="warning",
    ),
    # --- competencies ------------------------------------------------------------
    Case(
        "competency unknown",
        _set(incident(2), "competencies", ["DATA-2", "SOL-9"]),
        f"{I2}.competencies[1]",
        "unknown competency id 'SOL-9' (did you mean 'SOL-8'?) — must be one of the 22 ids",
        'competencies = ["DATA-2", "SOL-9"]',
    ),
    Case(
        "competencies as text",
        _set(incident(2), "competencies", "DATA-2"),
        f"{I2}.competencies",
        'must be a list of texts, e.g. competencies = ["DATA-2"]',
        'competencies = "DATA-2"',
    ),
    Case(
        "competency twice",
        _set(incident(2), "competencies", ["DATA-2", "DATA-2", "SOL-3"]),
        f"{I2}.competencies",
        "names DATA-2 more than once",
        'competencies = ["DATA-2", "DATA-2"',
        severity="warning",
    ),
    Case(
        "competency not covered",
        lambda d: inc(d, 1)["competencies"].remove("SOL-8"),
        "incidents",
        "no incident names SOL-8",
        "[[incidents]]",
        severity="warning",
    ),
    # --- facts, rules, follow-ups ------------------------------------------------------
    Case(
        "fact without answer",
        lambda d: inc(d, 0)["facts"][0].pop("answer"),
        f'{I0}.facts[0] (id "model").answer',
        'add answer = "..."',
        "[[incidents.facts]]",
    ),
    Case(
        "fact ask as text",
        lambda d: inc(d, 0)["facts"][0].update(ask="model"),
        f'{I0}.facts[0] (id "model").ask',
        'e.g. ask = ["model"]',
        'ask = "model"',
    ),
    Case(
        "fact key as text",
        lambda d: inc(d, 0)["facts"][0].update(key="yes"),
        f'{I0}.facts[0] (id "model").key',
        "must be true or false",
        'key = "yes"',
    ),
    Case(
        "duplicate fact id",
        lambda d: inc(d, 0)["facts"].append(dict(inc(d, 0)["facts"][0])),
        f'{I0}.facts[1] (id "model").id',
        "each fact of this incident needs its own id",
        'id = "model"',
        2,
    ),
    Case(
        "rule mood unknown",
        lambda d: inc(d, 0)["rules"][0].update(mood="happier"),
        f'{I0}.rules[0] (id "thanks").mood',
        "must be one of: angrier, calmer",
        'mood = "happier"',
    ),
    Case(
        "follow-up at zero",
        lambda d: inc(d, 0)["follow_up"].update(after_minutes=0),
        f"{I0}.follow_up.after_minutes",
        "must be greater than 0",
        "after_minutes = 0",
    ),
    Case(
        "follow-up as text",
        _set(incident(0), "follow_up", "hello?"),
        f"{I0}.follow_up",
        "must be a table: a [incidents.follow_up] section",
        'follow_up = "hello?"',
    ),
    # --- the answer key ---------------------------------------------------------------
    Case(
        "answer missing",
        _del(incident(2), "answer"),
        f"{I2}.answer",
        "add a [incidents.answer] table",
        "[[incidents]]",
        3,
    ),
    Case(
        "answer category unknown",
        _set(answer_of(0), "category", "print"),
        f"{I0}.answer.category",
        "unknown category 'print'",
        'category = "print"',
    ),
    Case(
        "answer impact not a level",
        _set(answer_of(0), "impact", "lo"),
        f"{I0}.answer.impact",
        "(did you mean 'low'?) — must be one of: high, medium, low",
        'impact = "lo"',
    ),
    Case(
        "answer urgency a list",
        _set(answer_of(0), "urgency", ["high"]),
        f"{I0}.answer.urgency",
        "is a list — must be text in quotes",
        'urgency = ["high"]',
    ),
    Case(
        "answer kb_article unknown",
        _set(answer_of(1), "kb_article", "kb-vpn"),
        f"{I1}.answer.kb_article",
        "unknown article 'kb-vpn' (did you mean 'kb-vpn-reset'?) — must be the id of an article in kb/: kb-password-reset, kb-printer-blank-pages",
        'kb_article = "kb-vpn"',
    ),
    Case(
        "answer transfer group unknown",
        _set(answer_of(1), "transfer_group", "netwrk"),
        f"{I1}.answer.transfer_group",
        "unknown group 'netwrk' (did you mean 'network'?)",
        'transfer_group = "netwrk"',
    ),
    Case(
        "answer without keywords",
        _del(answer_of(0), "solution_keywords"),
        f"{I0}.answer.solution_keywords",
        "needed unless the incident is transferred",
        "[incidents.answer]",
    ),
    Case(
        "keyword with an empty alternative",
        _set(answer_of(0), "solution_keywords", ["tape | | seal", "toner"]),
        f"{I0}.answer.solution_keywords[0]",
        "has an empty alternative — write the words between the bars",
        "solution_keywords = [",
    ),
    Case(
        "keyword both required and excluded",
        _set(answer_of(0), "solution_exclude", ["toner"]),
        f"{I0}.answer.solution_exclude[0]",
        "a word cannot be both required and excluded",
        "solution_exclude = [",
    ),
    Case(
        "step channel unknown",
        lambda d: d["procedures"][0]["steps"][0].update(channels=["phone"]),
        f"{STEP0}.channels[0]",
        "unknown channel 'phone' — must be one of chat, call, email, queue",
        '"phone"',
    ),
    Case(
        "step optional not a boolean",
        lambda d: d["procedures"][0]["steps"][0].update(optional="yes"),
        f"{STEP0}.optional",
        "must be true or false",
        'optional = "yes"',
    ),
    Case(
        "SLA labels in an unknown language",
        _set(top, "sla_labels", {"de": {"impact": {"low": "niedrig"}}}),
        "sla_labels.de",
        "unknown language 'de' — must be one of en, nl, fr",
        "[sla_labels.de]",
    ),
    Case(
        "SLA labels for an unknown use",
        _set(top, "sla_labels", {"fr": {"urgence": {"low": "basse"}}}),
        "sla_labels.fr.urgence",
        "unknown use 'urgence' (did you mean 'urgency'?) — must be one of impact, urgency, priority",
        "[sla_labels.fr.urgence]",
    ),
    Case(
        "SLA label for a level the profile does not have",
        _set(top, "sla_labels", {"fr": {"impact": {"lowest": "bas"}}}),
        "sla_labels.fr.impact.lowest",
        "'lowest' is not a level of the SLA profile (did you mean 'low'?) — must be one of: high, low, medium",
        "lowest = ",
    ),
    Case(
        "SLA label for an unknown priority",
        _set(top, "sla_labels", {"nl": {"priority": {"P9": "Negen"}}}),
        "sla_labels.nl.priority.P9",
        "'P9' is not a priority of the SLA profile",
        "P9 = ",
    ),
    Case(
        "chase on an unknown channel",
        lambda d: inc(d, 0).update(chase={"after_minutes": 5, "channel": "phone", "text": "News?"}),
        f"{I0}.chase.channel",
        "'phone' is not allowed — must be one of: call, chat, email",
        'channel = "phone"',
    ),
    Case(
        "chase without a wait",
        lambda d: inc(d, 0).update(chase={"channel": "call", "text": "News?"}),
        f"{I0}.chase.after_minutes",
        "missing",
        "[incidents.chase]",
    ),
    Case(
        "chase that comes after the exam",
        lambda d: inc(d, 0).update(chase={"after_minutes": 500, "channel": "call", "text": "?"}),
        f"{I0}.chase.after_minutes",
        "is not shorter than the exam",
        "after_minutes = 500",
        severity="warning",
    ),
    Case(
        "step condition unknown",
        lambda d: d["procedures"][0]["steps"][0].update(when="category_wrnog"),
        f"{STEP0}.when",
        "unknown condition 'category_wrnog' (did you mean 'category_wrong'?) — must be one of "
        "category_wrong, impact_wrong",
        'when = "category_wrnog"',
    ),
    Case(
        "second-line question without relay patterns",
        lambda d: inc(d, 1)["second_line"].update(questions=[{"text": "Since when?"}]),
        f"{I1}.second_line.questions[0].relay_patterns",
        "missing",
        "[[incidents.second_line.questions]]",
    ),
    Case(
        "further second-line questions without a first one",
        lambda d: inc(d, 1)["second_line"].update(
            question=False, questions=[{"text": "Since when?", "relay_patterns": ["since"]}]
        ),
        f"{I1}.second_line.questions",
        "are never asked — further questions follow the first one; set question = true",
        "[[incidents.second_line.questions]]",
    ),
    Case(
        "final reply without a question",
        lambda d: inc(d, 1)["second_line"].update(question=False, final_reply="Fixed."),
        f"{I1}.second_line.final_reply",
        "is never sent — the final reply follows the answer to the second line's question",
        'final_reply = "Fixed."',
        severity="warning",
    ),
    Case(
        "answer without solution",
        _del(answer_of(2), "solution"),
        f"{I2}.answer.solution",
        'add solution = "..."',
        "[incidents.answer]",
        3,
    ),
    Case(
        "alternative says nothing",
        lambda d: answer(d, 0).update(alternatives=[{}]),
        f"{I0}.answer.alternatives[0]",
        "give kb_article, solution_keywords and/or transfer_group",
        "[[incidents.answer.alternatives]]",
    ),
    Case(
        "alternative article unknown",
        lambda d: answer(d, 0)["alternatives"][0].update(kb_article="kb-toner"),
        f"{I0}.answer.alternatives[0].kb_article",
        "unknown article 'kb-toner'",
        'kb_article = "kb-toner"',
    ),
    Case(
        "no option fits",
        lambda d: answer(d, 1)["options"][0].update(fits=False),
        f"{I1}.answer.options",
        "no option has fits = true — exactly one option must",
        "[[incidents.answer.options]]",
    ),
    Case(
        "two options fit",
        lambda d: answer(d, 1)["options"][1].update(fits=True),
        f"{I1}.answer.options",
        "2 options have fits = true (workaround, repair)",
        "[[incidents.answer.options]]",
    ),
    Case(
        "option without why",
        lambda d: answer(d, 1)["options"][1].pop("why"),
        f'{I1}.answer.options[1] (id "repair").why',
        'add why = "..."',
        "[[incidents.answer.options]]",
        2,
    ),
    # --- second line -------------------------------------------------------------------
    Case(
        "second line missing",
        _del(incident(1), "second_line"),
        f"{I1}.second_line",
        "needs a [incidents.second_line] table",
        "[[incidents]]",
        2,
    ),
    Case(
        "second line group unknown",
        _set(second_line, "group", "netw"),
        f"{I1}.second_line.group",
        "unknown group 'netw'",
        'group = "netw"',
    ),
    Case(
        "second line other group",
        _set(second_line, "group", "apps"),
        f"{I1}.second_line.group",
        "differs from answer.transfer_group 'network'",
        'group = "apps"',
        severity="warning",
    ),
    Case(
        "second line delay negative",
        _set(second_line, "delay_minutes", -1),
        f"{I1}.second_line.delay_minutes",
        "must be at least 0",
        "delay_minutes = -1",
    ),
    Case(
        "question without relay",
        _del(second_line, "relay_patterns"),
        f"{I1}.second_line.relay_patterns",
        "give relay_patterns",
        "[incidents.second_line]",
        severity="warning",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_kind_of_mistake_names_path_line_and_fix(
    case: Case, data: Data, write_scenario: Callable[[Data], Path], sla_dir: Path
) -> None:
    case.mutate(data)
    folder = write_scenario(data)
    text = (folder / "scenario.toml").read_text(encoding="utf-8")

    problems = validate_scenario(folder, sla_dir)

    matching = [p for p in problems if p.field_path == case.path and p.severity == case.severity]
    assert matching, f"no {case.severity} at {case.path!r}; got:\n" + "\n".join(map(str, problems))
    problem = next((p for p in matching if case.fragment in p.message), None)
    assert problem is not None, (
        f"no message with {case.fragment!r} in {[p.message for p in matching]}"
    )
    expected_line = None if case.needle is None else line_of(text, case.needle, case.occurrence)
    assert problem.line == expected_line
    assert problem.file == folder / "scenario.toml"
    assert " — " in problem.message  # what is wrong — what would be right
    if expected_line is not None:
        assert f"{case.path} (line {expected_line}): " in str(problem)


def test_warnings_alone_still_load(
    data: Data, write_scenario: Callable[[Data], Path], sla_dir: Path
) -> None:
    from helpdesk_tui.scenario.loader import load_scenario

    data["incidents"][0]["fallbak"] = "typo"
    scenario = load_scenario(write_scenario(data), sla_dir)
    assert scenario.incident("printer-blank").fallback == "Sorry, I don't follow."


def test_every_problem_is_reported_in_one_round(
    data: Data, write_scenario: Callable[[Data], Path], sla_dir: Path
) -> None:
    data["language"] = "de"
    data["customers"][0]["mood"] = "happy"
    data["incidents"][1]["customer"] = "nobody"
    data["incidents"][2]["answer"]["impact"] = "huge"
    problems = validate_scenario(write_scenario(data), sla_dir)
    paths = {p.field_path for p in problems if p.is_error}
    assert paths == {
        "language",
        'customers[0] (id "anna").mood',
        f"{I1}.customer",
        f"{I2}.answer.impact",
    }


def test_problems_of_one_file_come_in_line_order(
    data: Data, write_scenario: Callable[[Data], Path], sla_dir: Path
) -> None:
    data["incidents"][2]["answer"]["impact"] = "huge"
    data["language"] = "de"
    data["customers"][0]["mood"] = "happy"
    problems: list[Problem] = validate_scenario(write_scenario(data), sla_dir)
    lines = [p.line for p in problems]
    assert lines == sorted(lines)
    assert len(problems) == 3


def test_an_empty_description_is_fine(
    data: Data, write_scenario: Callable[[Data], Path], sla_dir: Path
) -> None:
    data["description"] = ""
    assert validate_scenario(write_scenario(data), sla_dir) == []


def test_a_transfer_needs_no_solution_keywords(
    data: Data, write_scenario: Callable[[Data], Path], sla_dir: Path
) -> None:
    assert "solution_keywords" not in data["incidents"][1]["answer"]
    assert validate_scenario(write_scenario(data), sla_dir) == []
