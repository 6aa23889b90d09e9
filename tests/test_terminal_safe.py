"""terminal_safe: the one place that makes a hostile text printable on a terminal."""

from __future__ import annotations

import io

from rich.text import Text

from helpdesk_tui.terminal_safe import SafeConsole, printable


def test_every_control_character_but_line_breaks_and_tabs_is_made_visible() -> None:
    controls = "".join(chr(c) for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)])
    shown = printable(controls)
    assert "\n" in shown and "\t" in shown
    rest = shown.replace("\n", "").replace("\t", "")
    assert rest.isprintable() and len(rest) == len(controls) - 2
    assert printable("\x1b") == "\u241b" and printable("\x7f") == "\u2421"
    assert printable("\x9b") == "\ufffd"


def test_ordinary_text_is_left_as_it_is() -> None:
    text = "Bonjour Noël, ça marche ? Ja, dank u — 👍\nline two\tcolumn"
    assert printable(text) == text


def test_the_console_keeps_its_own_styles_and_drops_the_texts_codes() -> None:
    out = io.StringIO()
    console = SafeConsole(file=out, force_terminal=True, color_system="standard", width=80)
    console.print(Text("ok \x1b]0;T\x07 \x1b[2J", style="bold red"))
    printed = out.getvalue()
    assert "\x1b[1;31m" in printed  # Rich's style for bold red
    assert "\x1b]0;T" not in printed and "\x1b[2J" not in printed
    assert "ok \u241b]0;T" in printed


def test_bidi_controls_are_made_visible_not_obeyed() -> None:
    """sec13: a bidi override in a forged log's text (or a probed line) reached the
    assessor's terminal and the HTML report as it was: a terminal or browser that honours
    U+202E shows the rest of the line reversed ("Trojan Source", CVE-2021-42574). The
    scenario check refuses them in scenario texts and the text boxes drop them, so only
    a hostile file brings one."""
    bidi = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
    for code in bidi:
        shown = printable(f"I did {chr(code)}not restart")
        assert shown == f"I did \u27e8U+{code:04X}\u27e9not restart", hex(code)  # sec21: which
    assert printable("e\u0301 x \U0001f600") == "e\u0301 x \U0001f600"  # text, kept
    # sec21: a zero-width joiner shows as its code point, inside an emoji sequence too
    assert printable("\U0001f469\u200d\U0001f4bb") == "\U0001f469\u27e8U+200D\u27e9\U0001f4bb"
