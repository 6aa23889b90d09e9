"""UI strings in Dutch, English and French, through gettext.

The candidate reads the interface in the language they sit the exam in
(`--lang`, else the locale, else English); scenario text stays in the
scenario's own language. Strings are looked up when they are shown, not when
a module is imported, so one process (a test run, an instructor switching
language) can change language at any time: mark class-level strings with
`N_()` and translate them with `_()` where they are used.

The catalogues live beside this file (`locale/<lang>/LC_MESSAGES/helpdesk_exam.po`
and the compiled `.mo`); `python -m helpdesk_tui.i18n.catalog update` refreshes
them from the source (see that module).
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from pathlib import Path

from helpdesk_tui.i18n.elision import fill as _fill_in

DOMAIN = "helpdesk_exam"
LANGUAGES: tuple[str, ...] = ("en", "nl", "fr")
DEFAULT_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_cache: dict[str, gettext.NullTranslations] = {}
_current: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT_LANGUAGE


def translation(language: str) -> gettext.NullTranslations:
    """The catalogue of one language (cached); English falls back to the msgids."""
    if language not in _cache:
        _cache[language] = gettext.translation(
            DOMAIN, LOCALE_DIR, languages=[language], fallback=True
        )
    return _cache[language]


def set_language(language: str) -> None:
    """Speak `language` from now on (one of LANGUAGES)."""
    global _current, _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    _current = translation(language)
    _language = language


def current_language() -> str:
    return _language


def language_from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """The first supported language the locale variables name, as gettext reads them."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        for part in value.split(":"):
            code = part.split(".")[0].split("@")[0].split("_")[0].lower()
            if code in LANGUAGES:
                return code
        if value and name != "LANGUAGE":
            break  # gettext stops at the first of these that is set
    return None


def choose_language(requested: str | None, environ: Mapping[str, str] | None = None) -> str:
    """`--lang` when given, else the locale's language when we have it, else English."""
    if requested:
        return requested
    return language_from_environment(environ) or DEFAULT_LANGUAGE


def _(message: str) -> str:
    """The message in the current language."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The message for a count `n`, in the form the current language uses for it ("1
    ouverte", "2 ouvertes"; French counts 0 as one). Both texts are msgids: the catalogue
    holds one translation per plural form of each language (`catalog.PLURAL_FORMS`)."""
    return _current.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for translation without translating it yet (class-level text)."""
    return message


def gettext_in(language: str, message: str) -> str:
    """The message in one particular language (e.g. the scenario's, for text sent to customers)."""
    return translation(language).gettext(message)


def say_in(language: str, text: str) -> str:
    """`text` in `language` when it is a `Phrase` (the core's and the verifier's sentences,
    which keep their template and values), through that language's catalogue and grammar;
    any other text as it is. For a report or a command that speaks another language than
    the current one."""
    from helpdesk_tui.core.phrase import say

    return say(
        text,
        translation(language).gettext,
        fill=lambda template, **values: _fill_in(template, values, language),
    )


def fill(template: str, **values: object) -> str:
    """A translated template with its values, in the current language's grammar: in
    French, "de {name}" becomes "d'Isabelle" (`elision`)."""
    return _fill_in(template, values, _language)
