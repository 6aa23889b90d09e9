"""(rules 2.26) Whether the answer reached the customer as something they can do.

The standard's SOL-7 asks the operator to *answer the customer's question*, and SIM-1 to talk
with the caller while following the screen. Two messages hold the answer key's words without
the answer reaching the customer:

- **titled**: the key's words are in the message only inside the title of a knowledge-base
  article named there ("Meanwhile I am following Mailbox full: use the Online Archive"). The
  title is the screen's label for the article, not a step; a knowledge base whose titles name
  their fixes would otherwise credit anyone who names the first hit of a search (the blind
  cheater `prompter`).
- **not followed**: the customer answered the message with their "I don't follow" line (the
  incident's `fallback`, else the simulator's built-in one) before the candidate wrote again:
  the customer says the words did not reach them ("Excusez-moi, je ne comprends pas bien.
  Qu'est-ce que je dois faire ?").

Both are kept as hits that are not credited (`solutions.NOT_CREDITED`), to judge, as several
options at once are; told again afterwards in words the customer took in, the answer counts
from there. In a call, an answer the caller said they did not follow and that was never told
again did not reach the caller: SIM-1's "answer in the call" speaks against
(`measure_sim._call_answer`), as an answer given only after the call does.
"""

from __future__ import annotations

import re

from helpdesk_tui.assess.cases import Case
from helpdesk_tui.assess.context import Context
from helpdesk_tui.assess.solutions import text_hit
from helpdesk_tui.core.state import Message
from helpdesk_tui.customers.dialogue import line

TITLED = "titled"
NOT_FOLLOWED = "not_followed"

TITLE_LEAST_WORDS = 3
"""A title shorter than this many words ("Wifi", "VPN") is a word anyone says, not a label."""


def fallback_lines(case: Case) -> frozenset[str]:
    """The customer's "I don't follow": the incident's fallback, and the built-in ones."""
    lines = {line(lang, "fallback") for lang in ("en", "nl", "fr")}
    if case.incident is not None and case.incident.fallback:
        lines.add(case.incident.fallback)
    return frozenset(lines)


def answered_not_followed(case: Case) -> list[Message]:
    """The candidate's messages in the case's conversations that the customer answered with
    their "I don't follow" line: the last one the candidate sent before it (2.24's reading of
    COM-5 and 2.26's of the answer are one)."""
    lines = fallback_lines(case)
    found: list[Message] = []
    for conv in case.conversations:
        last = None
        for m in conv.messages:
            if m.author == "candidate":
                last = m
            elif m.author == "customer" and last is not None and m.text.strip() in lines:
                found.append(last)
                last = None
    return found


def _title_pattern(title: str) -> re.Pattern[str] | None:
    parts = re.findall(r"\w+", title)
    if len(parts) < TITLE_LEAST_WORDS:
        return None
    return re.compile(r"\b" + r"\W+".join(re.escape(p) for p in parts) + r"\b", re.IGNORECASE)


def title_patterns(ctx: Context) -> tuple[re.Pattern[str], ...]:
    """Every knowledge-base article's title, as a run of its words whatever the punctuation."""
    known = ctx.cache.get("title_patterns")
    if known is None:
        kb = ctx.scenario.kb if ctx.scenario is not None else ()
        found = (_title_pattern(a.title) for a in kb)
        known = ctx.cache["title_patterns"] = tuple(p for p in found if p is not None)
    return known


def without_titles(text: str, patterns: tuple[re.Pattern[str], ...]) -> str:
    """The message with every article title named in it taken out (a title ends a sentence:
    what follows it is read on its own)."""
    for pattern in patterns:
        text = pattern.sub(" . ", text)
    return text


def mark_unreached(ctx: Context) -> None:
    """(2.26) Add to each case's judged messages (`integrity.mark_cases`) those whose answer did
    not reach the customer. It reads the messages' sentences (`text_hit`), so the pipeline calls
    it once the analyses are in (`Primer.finish`), before anything asks for the answers."""
    for case in ctx.cases:
        mark(ctx, case, case.cache.setdefault("judged", {}))


def mark(ctx: Context, case: Case, judged: dict[int, str]) -> None:
    """(2.26) Add to `judged` the case's messages whose answer did not reach the customer:
    the key's words only in a title named (`TITLED`), or words the customer said they did not
    follow before the candidate wrote again (`NOT_FOLLOWED`). A message already judged keeps its reason."""
    answer = case.answer
    if answer is None or not ON:
        return
    lost = {m.seq for m in answered_not_followed(case)}
    patterns = title_patterns(ctx)
    for action in case.said():
        text = action.text or ""
        if action.seq in judged or text_hit(answer, text, case.language) is None:
            continue
        if (
            any(p.search(text) for p in patterns)
            and text_hit(answer, without_titles(text, patterns), case.language) is None
        ):
            judged[action.seq] = TITLED
        elif action.seq in lost:
            judged[action.seq] = NOT_FOLLOWED


ON = True
"""Whether 2.26 reads the answers (a switch for measuring what it moves, `bench_reach.py`)."""
