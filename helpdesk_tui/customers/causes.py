"""A mood change's cause, in a reader's language.

The customer simulation logs why a mood changed in English, the log's own
words ("waited 150 s without an answer; empathy", `customers/simulation.py`);
the log keeps them. Whoever shows them to a person says them in that
person's language with this one table: `observe` and `review` in the UI's,
`report` (terminal and HTML) in the report's.
"""

from __future__ import annotations

import re

from helpdesk_tui import i18n
from helpdesk_tui.i18n import N_

MOOD_CAUSES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"waited (?P<seconds>\d+) s without an answer"),
        N_("waited {seconds} s without an answer"),
    ),
    (re.compile(r"interrupted"), N_("was interrupted")),
    (re.compile(r"jargon \((?P<words>.*)\)"), N_("jargon ({words})")),
    (re.compile(r"empathy"), N_("empathy")),
    (re.compile(r"progress update"), N_("progress update")),
    (re.compile(r"rule (?P<rule>\S+)"), N_("rule {rule}")),
)
"""The causes the simulation logs, each as a pattern of its words and the msgid saying it."""


BETWEEN = N_("; ")
"""Between two causes; French puts a no-break space before the semicolon."""


def mood_cause(cause: str, language: str | None = None) -> str:
    """A logged cause in `language` (default: the UI's current one); a cause this
    version does not know is said as logged."""
    parts = []
    for part in cause.split("; "):
        shown = part
        for pattern, msgid in MOOD_CAUSES:
            if match := pattern.fullmatch(part):
                text = i18n._(msgid) if language is None else i18n.gettext_in(language, msgid)
                shown = text.format(**match.groupdict())
                break
        parts.append(shown)
    between = i18n._(BETWEEN) if language is None else i18n.gettext_in(language, BETWEEN)
    return between.join(parts)  # French: a no-break space before the semicolon
