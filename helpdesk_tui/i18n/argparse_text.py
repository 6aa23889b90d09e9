"""argparse's own words, and every verb's help, in the user's language.

argparse asks `gettext.gettext` for its words ("usage: ", "options", "the following
arguments are required: %s") through the names `_` and `ngettext` it imported into its
module, so they come from the process's default domain, which we never install. We put
our own catalogue behind those two names instead (`install`), so `helpdesk-exam report
--help --lang nl` and an argparse error say "gebruik:" and "fout:" in the language the
rest of the command speaks. The verbs' own help lines (`help=`, `description=`) are
msgids too (`catalog.scan` reads them from `commands/`), translated when the help is
formatted (`Parser`), so the verbs' modules keep plain English literals.

The msgids below are argparse's own (Python 3.11-3.13); one missing from the catalogue
(another Python's wording) is shown in English, as before.
"""

from __future__ import annotations

import argparse

from helpdesk_tui import i18n
from helpdesk_tui.i18n import N_, ngettext

ARGPARSE_MSGIDS: tuple[str, ...] = (
    N_("usage: "),
    N_("options"),
    N_("positional arguments"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unrecognized arguments: %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ignored explicit argument %r"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("commands"),
    N_("actions"),
)
"""What argparse says to a user of ours, marked so the catalogue holds it."""


def _counted() -> tuple[str, ...]:
    """argparse's one count's message, marked for the catalogue's scan."""
    return (ngettext("expected %s argument", "expected %s arguments", 2),)


def _argparse_gettext(message: str) -> str:
    return i18n._(message)


def _argparse_ngettext(singular: str, plural: str, n: int) -> str:
    return i18n.ngettext(singular, plural, n)


def install() -> None:
    """Make argparse's words follow `i18n.set_language` (idempotent)."""
    argparse._ = _argparse_gettext  # type: ignore[attr-defined]
    argparse.ngettext = _argparse_ngettext  # type: ignore[attr-defined]


def preferred_language(argv: list[str]) -> str:
    """The language a command line asks for before it is parsed: `--lang X` (or
    `--lang=X`) when X is one of ours, else the locale's, else English (as every verb)."""
    for index, word in enumerate(argv):
        if word == "--":
            break
        value = None
        if word == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif word.startswith("--lang="):
            value = word.partition("=")[2]
        if value in i18n.LANGUAGES:
            return value
    return i18n.choose_language(None)


HEADING = N_("{heading}:")
"""A section's heading as the language writes it before its colon (French: a no-break
space); argparse adds the colon itself."""


def _heading(heading: str) -> str:
    """`heading` translated, with what the language puts before argparse's own colon."""
    return i18n.fill(i18n._(HEADING), heading=i18n._(heading)).removesuffix(":")


_FORMATTERS: dict[type, type] = {}


def _translating(base: type[argparse.HelpFormatter]) -> type[argparse.HelpFormatter]:
    """`base` (plain or raw description) that shows help lines in the current language."""
    if base not in _FORMATTERS:

        class Translating(base):  # type: ignore[valid-type,misc]
            def _get_help_string(self, action: argparse.Action) -> str | None:
                text = super()._get_help_string(action)
                return i18n._(text) if text else text

            def _format_text(self, text: str) -> str:
                return super()._format_text(i18n._(text) if text else text)

            def start_section(self, heading: str | None) -> None:
                super().start_section(_heading(heading) if heading else heading)

        _FORMATTERS[base] = Translating
    return _FORMATTERS[base]


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose help is in the current language; its sub-parsers are of its
    class (argparse's default), so every verb's help is too."""

    def _get_formatter(self) -> argparse.HelpFormatter:
        return _translating(self.formatter_class)(prog=self.prog)
