"""sec21: the HTML report shows an invisible character as its code point (left by sec20).

See tests/ui/review/test_sec21_invisible.py for the other views and the list.
"""

from __future__ import annotations

from dataclasses import replace

from helpdesk_tui.assess.class_report import refused_row, render_class_html
from helpdesk_tui.assess.model import Evidence, Provenance
from helpdesk_tui.assess.report_html import render_html
from helpdesk_tui.printable import INVISIBLE


def test_the_html_report_shows_them(ideal: Evidence) -> None:
    good = Provenance("logs/a.jsonl", "ab" * 32, "ok", True, None, "SHA256:x (per-session)")
    one = replace(ideal.items["DATA-4"][0], summary="Sent pass\u200bword and \ufeffok")
    evidence = replace(ideal, items={**ideal.items, "DATA-4": [one]})
    html = render_html(evidence, good)
    assert "Sent pass⟨U+200B⟩word and ⟨U+FEFF⟩ok" in html
    assert not INVISIBLE.intersection(html)


def test_the_class_report_shows_them() -> None:
    row = refused_row("logs/a.jsonl", "refused", student="c\u200b0042")
    html = render_class_html([row], "en")
    assert "c⟨U+200B⟩0042" in html and "\u200b" not in html
