"""Lines never break at a no-break space: French "100 %", "4 min 14 s", "Appel X : ...".

French puts U+00A0 before its colon, its "%" and its units precisely so that no line
starts with ":" or "min" (tests/i18n/test_bugs19_french_units.py). But Rich (the reports)
and Textual (every screen) find their words with `\\s`, which in Python matches U+00A0 and
U+202F too: the French report's table read "Appel C-kevin-belpic-vingerafdruk" and then
": la solution ..." on the next line, "attente max 4" and then "min 14 s" (bugs19). Both
look their pattern up in their module's globals when they wrap, so replacing it makes a
no-break space part of the word around it. Another reach into internals, pinned with
Textual 8.2.x and Rich 14 like the others (an upgrade must check `rich._wrap.re_word` and
`textual._wrap.re_chunk` are still the patterns `words` and `compute_wrap_offsets` use).
"""

from __future__ import annotations

import re

NO_BREAK = "\u00a0\u202f"
_SPACE = rf"[^\S{NO_BREAK}]"
_WORD = rf"[\S{NO_BREAK}]"
RICH_WORD = re.compile(rf"{_SPACE}*{_WORD}+{_SPACE}*")
"""Rich's `\\s*\\S+\\s*` with the no-break spaces inside the word."""
TEXTUAL_CHUNK = re.compile(rf"{_WORD}+{_SPACE}*|{_SPACE}+")
"""Textual's `\\S+\\s*|\\s+` with the no-break spaces inside the word."""


def keep_rich() -> None:
    """Rich wraps at ordinary spaces only (reports, `verify`, the review's Rich text)."""
    from rich import _wrap

    _wrap.re_word = RICH_WORD


def keep_textual() -> None:
    """Textual wraps at ordinary spaces only (every screen of ours)."""
    from textual import _wrap

    _wrap.re_chunk = TEXTUAL_CHUNK
