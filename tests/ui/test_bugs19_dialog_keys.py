"""Under a dialog the key bar shows the dialog's keys, not the screen's (bugs19).

The review's dialogs (a comment, a jump, leaving with unsaved verdicts, F1's list) had no
key bar of their own: the review's three lines of keys stayed at the bottom, dimmed,
where none of them works, and the dialog's keys (Ctrl+S keeps the comment, Esc cancels)
were only in its text. What an assessor needs: the bottom rows say what the dialog
takes, and nothing of the review's shows through. Observe's and the room's F1 lists are
the same dialog. (The exam's dialogs already have theirs: `ModalScreen > KeyBar`.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.core.events import Event
from helpdesk_tui.ui.review.app import ReviewApp
from helpdesk_tui.ui.review.dialogs import CommentDialog, ConfirmLeave, JumpDialog, KeysHelp
from helpdesk_tui.ui.review.session import open_review
from helpdesk_tui.ui.widgets.keybar import KeyBar

from .review.logs import screen_text, simulated_events, write_log
from .test_bugs20_key_names import CARET
from .test_viewers_languages import observing

SIZE = (100, 30)

DIALOG_KEYS = {  # what each dialog takes, as its own text tells the user (hand-written)
    "c": (CommentDialog, ("Esc", "Ctrl+S")),
    "g": (JumpDialog, ("Esc", "Enter")),
    "f1": (KeysHelp, ("Esc",)),
    "q": (ConfirmLeave, ("Esc", "s", "d")),
}


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return simulated_events("ideal")


KEY_NAMES = {"fr": {"Esc": "Échap", "Enter": "Entrée"}}
"""How a French keyboard's keys are named (as the exam's French help names them)."""


def bottom(app: object, rows: int = 3) -> str:
    return "\n".join(screen_text(app).splitlines()[-rows:])


def words_of(bar: KeyBar) -> set[str]:
    """The descriptions a key bar shows (its entries' text after the key)."""
    return {str(text).split(" ", 1)[-1].strip() for text, _key in bar._entries}


def dialog_problems(app: object, key: str, language: str, review_words: set[str]) -> list[str]:
    """What is wrong with the bottom rows under the dialog `key` opened (none: [])."""
    dialog, shown = DIALOG_KEYS[key]
    if not isinstance(app.screen, dialog):
        return [f"{key}: {type(app.screen).__name__} open, not {dialog.__name__}"]
    text = bottom(app)
    words = text.split()
    problems = [
        f"{key}: {name!r} not shown in {text!r}"
        for name in (KEY_NAMES.get(language, {}).get(n, n) for n in shown)
        if name not in words and not any(w.startswith(name) for w in words)
    ]
    bars = list(app.screen.query(KeyBar))
    own = words_of(bars[0]) if bars else set()
    left = [w for w in review_words - own if w and w in text]
    if left:
        problems.append(f"{key}: the review's {left} show through: {text!r}")
    if not bars:
        problems.append(f"{key}: no key bar of its own")
    elif not (bars[0].region.height >= 3 and bars[0].region.bottom == SIZE[1]):
        # as tall as the review's three lines, at the bottom
        problems.append(f"{key}: its key bar is at {bars[0].region}")
    return problems


@pytest.mark.parametrize("language", ["en", "nl", "fr"], indirect=True)
async def test_a_review_dialog_shows_its_own_keys_over_the_reviews(
    tmp_path: Path, events: list[Event], language: str
) -> None:
    """Each dialog in turn on one review (one app start a language, not one a dialog: the
    start is most of the cost), closed with Esc before the next; leaving comes last, after
    a verdict left unsaved so that it asks first. The comment dialog also writes its key
    as its text does, Ctrl+S, never Textual's ^S (bugs20, test_bugs20_key_names.CARET)."""
    log = write_log(tmp_path / "exam.jsonl", events)
    app = ReviewApp(open_review(log, "An Peeters"), ui_language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        review_words = words_of(app.screen.query_one(KeyBar))
        assert not CARET.search(bottom(app)), bottom(app)
        for key in DIALOG_KEYS:
            if key == "q":
                await pilot.press("p")  # a verdict not saved: leaving asks first
            await pilot.press(key)
            await pilot.pause()
            assert dialog_problems(app, key, language, review_words) == []
            if key == "c":  # bugs20: the dialog's words and its key bar say the same key
                text = screen_text(app)
                assert "Ctrl+S" in "\n".join(text.splitlines()[:-3])  # the dialog's own words
                assert " Ctrl+S " in bottom(app), bottom(app)
                assert not CARET.search(text), text
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is app.review, f"{key}: Esc left {type(app.screen).__name__} open"


async def test_observes_key_list_shows_how_to_close_it(tmp_path: Path, events: list[Event]) -> None:
    app = observing(tmp_path, events, 200)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, KeysHelp)
        assert "Esc" in bottom(app) and "Close the list" in bottom(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, KeysHelp)
