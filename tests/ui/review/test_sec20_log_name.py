"""sec20: the review's title names the verdict file, named after the log: a log named
"a ESC ] 0 ; PWNED BEL ESC [ 2 J b.jsonl" retitled and cleared the assessor's terminal
(Textual writes a text's ESC as it is; `SafeWriter` maps only bidi controls). The name is
shown with its control characters as pictures (`printable.printable_name`)."""

from __future__ import annotations

from pathlib import Path

from helpdesk_tui.core.events import Event
from helpdesk_tui.ui.review.app import ReviewApp
from helpdesk_tui.ui.review.session import open_review

from .logs import SIZE, screen_text, write_log
from .test_bidi_on_screen import terminal_bytes


async def test_a_log_named_with_escapes_is_named_in_pictures(
    tmp_path: Path, naive_events: list[Event]
) -> None:
    log = write_log(tmp_path / "a\x1b]0;PWNED\x07\x1b[2Jb.jsonl", naive_events[:40])
    app = ReviewApp(open_review(log, "An"))  # type: ignore[arg-type]
    async with app.run_test(size=(160, SIZE[1])) as pilot:
        await pilot.pause()
        written = terminal_bytes(app)
        assert "\x1b]0;PWNED" not in written and "\x1b[2J" not in written
        assert "a␛]0;PWNED␇␛[2Jb.jsonl" in screen_text(app)
