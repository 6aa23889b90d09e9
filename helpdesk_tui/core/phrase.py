"""Text the core writes for people (refusals, ticket history), sayable in any UI language.

The core has no UI language: the log, the reports and the tests read its
English. A `Phrase` *is* that English string, and also keeps its template
and values, so the candidate's UI can say the same thing in Dutch or French
(`Phrase.say(translate)`): the template goes through the UI's catalogue,
and so does any value that is itself a phrase or a ticket status. Templates
are extracted into the catalogues like the UI's own strings (`Phrase("...")`
is a marker, see `helpdesk_tui.i18n.catalog`).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any

Translate = Callable[[str], str]
Fill = Callable[..., str]
"""Fills a translated template with its values (`str.format`, or the UI's, which also
elides French words before a value: `helpdesk_tui.i18n.fill`)."""


class Phrase(str):
    """English text built from `template.format(**values)`, keeping both."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, **values: Any) -> Phrase:
        self = super().__new__(cls, _render(template, values, _same, _plain_word))
        self.template = template
        self.values = values
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        """Copies and pickles keep the template and values (str's own would not)."""
        return (_rebuild, (self.template, self.values))

    def say(
        self,
        translate: Translate,
        word: Callable[[StrEnum], str] | None = None,
        fill: Fill | None = None,
    ) -> str:
        """This phrase through `translate`; a ticket status through `word` (its label);
        the values filled in by `fill` (`str.format` by default)."""
        return _render(self.template, self.values, translate, word or _plain_word, fill)


def say(
    text: str,
    translate: Translate,
    word: Callable[[StrEnum], str] | None = None,
    fill: Fill | None = None,
) -> str:
    """`text` in the UI's language when it is a `Phrase`; any other text as it is."""
    return text.say(translate, word, fill) if isinstance(text, Phrase) else text


def _render(
    template: str,
    values: dict[str, Any],
    translate: Translate,
    word: Callable[[StrEnum], str],
    fill: Fill | None = None,
) -> str:
    shown = {name: _value(value, translate, word, fill) for name, value in values.items()}
    translated = translate(template)
    return fill(translated, **shown) if fill is not None else translated.format(**shown)


def _value(
    value: Any, translate: Translate, word: Callable[[StrEnum], str], fill: Fill | None
) -> Any:
    """Phrases and statuses in the language; a tuple as a list; numbers keep their format."""
    if isinstance(value, Phrase):
        return value.say(translate, word, fill)
    if isinstance(value, StrEnum):
        return word(value)
    if isinstance(value, tuple):
        return ", ".join(str(_value(v, translate, word, fill)) for v in value)
    return value


def _same(text: str) -> str:
    return text


def _plain_word(value: StrEnum) -> str:
    return value.value


def _rebuild(template: str, values: dict[str, Any]) -> Phrase:
    return Phrase(template, **values)
