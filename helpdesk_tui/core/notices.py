"""The notices the exam shows the candidate, as the log keeps them: a message id and its values.

A notice ("New chat from Tom") is logged as shown (`notice_shown`), so an
assessor can see that the candidate could know of an arrival. Event schema 1
logged its English text; a Dutch proctor watching the exam then read English.
Schema 2 logs the message id (the English template, also the catalogue's
msgid) and its values, so every viewer says it in its own language
(`Phrase.say`). The set of message ids is closed, like the event types: a
record naming another id, or other values, is refused.

`notice_phrase` reads both: a schema-1 text is matched back to its template
where it was made from one (every text this program logged was), so older
logs are shown translated too; a text that matches none stays as it was.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from helpdesk_tui.core.phrase import Phrase

NOTICES_SINCE_SCHEMA = 2
"""The event schema from which `notice_shown` carries `msgid` and `values`, not `text`."""


def N_(text: str) -> str:  # noqa: N802 - the catalogue's marker (helpdesk_tui.i18n.catalog)
    """Marks a template for the catalogue; the core itself never translates."""
    return text


NEW_EMAIL = N_("New e-mail {ticket} from {name}: {title}")
CUSTOMER_WROTE = N_("The customer wrote on {ticket}")
SECOND_LINE_REPLIED = N_("{group} replied on {ticket}")
CALLING = N_("{name} is calling")
NEW_CHAT = N_("New chat from {name}")
ASKS_FOR_NEWS = N_("{name} asks for news")
NEW_MESSAGE = N_("New message from {name}")

TEMPLATES: tuple[str, ...] = (
    NEW_EMAIL,
    CUSTOMER_WROTE,
    SECOND_LINE_REPLIED,
    CALLING,
    NEW_CHAT,
    ASKS_FOR_NEWS,
    NEW_MESSAGE,
)
"""Every notice the exam can show: the closed set of `notice_shown.msgid`."""

MAX_VALUE = 500
"""Characters of one value (a ticket title is the longest, at most 200 in a scenario)."""

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def placeholders(template: str) -> frozenset[str]:
    return frozenset(_PLACEHOLDER.findall(template))


def check_notice(msgid: str, values: Mapping[str, Any]) -> str | None:
    """Why this message id and these values are not a notice this program shows, or None."""
    if msgid not in TEMPLATES:
        return f"'{msgid}' is not a notice message id"
    if set(values) != placeholders(msgid):
        wanted = ", ".join(sorted(placeholders(msgid)))
        return f"the notice '{msgid}' takes the values {wanted}"
    for name, value in values.items():
        if not isinstance(value, str) or len(value) > MAX_VALUE:
            return f"the notice value '{name}' must be text of at most {MAX_VALUE} characters"
    return None


def notice_phrase(data: Mapping[str, Any]) -> str:
    """A `notice_shown` record's notice: a `Phrase` (English, sayable in any language),
    or a schema-1 text that no template made, as it is."""
    if "msgid" in data:
        return Phrase(data["msgid"], **data["values"])
    text = str(data.get("text", ""))
    found = _legacy(text)
    return Phrase(found[0], **found[1]) if found is not None else text


def _legacy(text: str) -> tuple[str, dict[str, str]] | None:
    """The template and values a schema-1 text was made from (the longest template first,
    so "New e-mail T-1 from Ann: VPN" is never read as another)."""
    for template, pattern in _patterns():
        match = pattern.fullmatch(text)
        if match is not None:
            return template, match.groupdict()
    return None


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Each template as a pattern: its literal parts exact, each value one or more characters."""
    found = []
    for template in sorted(TEMPLATES, key=len, reverse=True):
        parts = _PLACEHOLDER.split(template)  # literal, name, literal, name, ...
        regex = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)
        )
        found.append((template, re.compile(regex, re.DOTALL)))
    return found
