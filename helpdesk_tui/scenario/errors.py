"""Problems found in scenario files, and the exception that carries all of them.

Authors fix a scenario in rounds; reporting one problem per round would make
that slow, so validation collects every problem it finds and hands them over
together. Each problem names the file, the field path, the line where we can
find one, and says what is wrong and what would be right.

A problem's message is a `Phrase` (its English, which logs, tests and `str()` read,
with its template and values kept), so `validate --lang nl` and the refusal of
`practice` say it in the reader's language (`said`, `where_said`; the templates are in
the UI catalogues, bugs24).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from helpdesk_tui import i18n
from helpdesk_tui.core.phrase import Phrase, say
from helpdesk_tui.printable import printable, printable_name

Severity = Literal["error", "warning", "note"]
"""A note is listed for the author to confirm (`scenario validate`), counted apart."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (error) or suspicious (warning) in one file."""

    file: Path
    field_path: str
    line: int | None
    message: str
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def where(self) -> str:
        """The field path and line, e.g. `incidents[3].answer (line 88)`."""
        line = f"(line {self.line})" if self.line is not None else ""
        return " ".join(part for part in (self.field_path, line) if part)

    def __str__(self) -> str:
        where = self.where()
        prefix = f"{self.file}: {where}" if where else str(self.file)
        return f"{prefix}: {self.message}"

    def where_said(self) -> str:
        """`where`, in the current UI language: `incidents[3].answer (regel 88)`. What is
        said is printed: a field path is the file's own words (a quoted TOML key may hold
        ESC ] 0 ; ... BEL, which retitled the author's terminal in `validate`, `simulate` and
        `practice`, sec23), so every control character shows as its picture."""
        line = Phrase("(line {line})", line=self.line) if self.line is not None else ""
        return " ".join(part for part in (printable_name(self.field_path), said(line)) if part)

    def message_said(self) -> str:
        """The message in the current UI language, its control characters shown (the file's
        keys, values and file names are quoted in it, as in `where_said`)."""
        return printable(said(self.message))

    def said(self) -> str:
        """`str(self)` in the current UI language: the file, the place, the message (French
        puts a no-break space before each colon)."""
        where, file = self.where_said(), printable_name(str(self.file))
        prefix = _labelled(file) + where if where else file
        return _labelled(prefix) + self.message_said()


def _labelled(label: str) -> str:
    """ "label: ", as the language writes it (`ui.format.labelled`; French "label\u00a0: ")."""
    return i18n._("{label}: ").format(label=label)


def said(text: str) -> str:
    """A checker's text in the current UI language (a `Phrase`; any other text as it is)."""
    return say(text, i18n._, fill=i18n.fill)


class ScenarioInvalid(Exception):
    """A scenario, SLA profile or KB article that cannot be used, with every problem found.

    `problems` holds the errors and any warnings found alongside them, in the
    order they were found (file by file).
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        errors = [p for p in self.problems if p.is_error]
        first = str(errors[0]) if errors else "no details"
        more = f" (and {len(errors) - 1} more errors)" if len(errors) > 1 else ""
        super().__init__(f"{first}{more}")

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]
