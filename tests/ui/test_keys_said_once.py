"""A dialog names its keys once: in its footer, not again in its text or buttons.

Found in the Dutch and French practice exams (docs/known-issues.md, branches
bugs3/bugs4): "Press Y to continue" above a footer saying "Y Continue". The
check: no text of the dialog outside its footer names a key the footer shows,
in any of the three languages.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Button, Static

from helpdesk_tui import i18n
from helpdesk_tui.ui.screens.handin import HandInScreen
from helpdesk_tui.ui.widgets.keybar import KeyBar
from tests.runtime.kit import exam_run, make_keys

from .conftest import SIZE, Rig

QUEUED = "T-1001"


def said_outside_the_footer(screen: Any) -> str:
    """Every text of the dialog but its footer's: statics and buttons."""
    texts = []
    for widget in screen.query("Static, Button"):
        if isinstance(widget, KeyBar) or any(isinstance(a, KeyBar) for a in widget.ancestors):
            continue
        if isinstance(widget, Button):
            texts.append(str(widget.label))
        elif isinstance(widget, Static):
            texts.append(str(widget.render()))
    return "\n".join(texts)


def footer_keys(screen: Any) -> set[str]:
    bar = screen.query_one(KeyBar)
    return {shown for shown, _text, _enabled, _key in bar._shown}


def assert_said_once(screen: Any) -> None:
    text = said_outside_the_footer(screen)
    for key in footer_keys(screen):
        for name in re.split(r"\s*/\s*", key):
            if len(name) == 1:  # a letter key: only as a key name ("Press Y", "(y)")
                pattern = rf"(Press|Druk op|Appuyez sur) {re.escape(name)}\b|\({re.escape(name)}\b"
            else:
                pattern = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
            assert not re.search(pattern, text, re.IGNORECASE), (name, text)


@pytest.mark.parametrize("language", i18n.LANGUAGES)
async def test_forms_questions_pickers_and_the_key_list(rig: Rig, language: str) -> None:
    i18n.set_language(language)
    rig.session.submit("ticket_updated", {"ticket_id": QUEUED, "changes": {"category": "access"}})
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        for opens in ("e", "p", "f1"):  # a form, the macro picker, the key list
            await pilot.press(opens)
            await pilot.pause()
            assert app.screen is not app.main, opens
            assert_said_once(app.screen)
            await pilot.press("escape")
            await pilot.pause()
        rig.session.submit("ticket_resolved", {"ticket_id": QUEUED, "solution": "Done."})
        app.main.redraw(force=True)
        await pilot.pause()
        await pilot.press("c")  # close: a yes/no question
        await pilot.pause()
        assert app.screen is not app.main
        assert_said_once(app.screen)


@pytest.mark.parametrize("language", i18n.LANGUAGES)
async def test_the_hand_in_questions(tmp_path: Path, language: str) -> None:
    i18n.set_language(language)
    run = exam_run(tmp_path, make_keys(tmp_path / "keys"))
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f10")
        assert isinstance(app.screen, HandInScreen)
        assert_said_once(app.screen)
        await pilot.press("y")
        await pilot.pause()
        assert app.screen.stage == 2
        assert_said_once(app.screen)


@pytest.mark.parametrize(
    ("language", "esc", "enter"), [("fr", "Échap", "Entrée"), ("en", "Esc", "Enter")]
)
def test_every_footer_names_esc_and_enter_as_the_help_does(
    language: str, esc: str, enter: str
) -> None:
    """The KB article's footer said "esc Résultats" and the reply box's "⏎ Envoyer"
    beside "Maj+Entrée" (French playtest at 100 x 30): Textual's names, not ours."""
    from helpdesk_tui.ui import keymap

    i18n.set_language(language)
    owners = {key.owner for key in keymap.KEYS}
    for owner in owners:
        for binding in keymap.bindings(owner):
            assert "Project-Id" not in (binding.key_display or "")  # never _("")
            if binding.show and binding.key in ("escape", "enter"):
                named = esc if binding.key == "escape" else enter
                assert binding.key_display and named in binding.key_display, (owner, binding)
