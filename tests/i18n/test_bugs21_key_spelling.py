"""bugs21's walk: an open KB article's line said "Passage 1/6 · [ ] · ^O insert · ^L link"
where the key bars, the help and the dialogs write Ctrl+O (bugs20: "never ^S"). A candidate
reads one spelling of a key everywhere: no UI text of any language writes a key as ^X."""

from __future__ import annotations

import re

from helpdesk_tui.i18n.catalog import parse_po, po_path

CARET_KEY = re.compile(r"(?<![\w^])\^[A-Z](?![\w])")


def test_no_ui_text_writes_a_key_as_caret_letter() -> None:
    for language in ("en", "nl", "fr"):
        entries = parse_po(po_path(language).read_text(encoding="utf-8"))
        texts = [t for e in entries for t in (e.msgid, e.msgstr, *e.forms) if t]
        assert len(texts) > 1000
        wrong = [t for t in texts if CARET_KEY.search(t)]
        assert not wrong, (language, wrong)
