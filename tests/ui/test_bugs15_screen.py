"""A Dutch and a French practice played at 100 x 30 (bugs15): what was cut off, and the
notice after the proctor's pause that bugs13 saw and nobody has reproduced since."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from helpdesk_tui import i18n
from helpdesk_tui.commands import practice
from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.i18n import _
from helpdesk_tui.ui.screens.proctor import ProctorCodeScreen, ProctorPausedScreen
from helpdesk_tui.ui.widgets.ticket_detail import LABEL_WIDTH
from tests.runtime.kit import PROCTOR_CODE, exam_run, logged, make_keys

APP = {"tick_interval": None, "handle_signals": False, "tune_gc": False}


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_keys(tmp_path_factory.mktemp("centre") / "keys")


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_ticket_areas_labels_fit_their_column(lang: str) -> None:
    """Dutch "Koppelingen" (11) pushed its value one column right of every other row's
    ("Koppelingen –" under "Prioriteit P2 Hoog"); it is "Gekoppeld" now."""
    labels = ("Customer", "Status", "Group", "Category", "Priority", "Links", "Solution")
    i18n.set_language(lang)
    try:
        assert {label: _(label) for label in labels if len(_(label)) > LABEL_WIDTH} == {}
    finally:
        i18n.set_language("en")


async def test_a_long_kb_title_ends_in_an_ellipsis(tmp_path: Path) -> None:
    """French at 100 x 30: "kb-image-retournee L'image de" and nothing to say the title
    went on (it wrapped, and the line under it was hidden). Now one line ending in "…"."""
    args = argparse.Namespace(
        scenario="fr-haute-meuse-examen", lang="fr", logs=tmp_path, candidate="Kim"
    )
    run = practice.prepare(args, clock=ManualClock(), app_options=APP)
    try:
        app = run.app
        async with app.run_test(size=(100, 30)) as pilot:
            kb = app.main.kb
            article = next(
                a for a in run.app.controller.scenario.kb if a.id == "kb-image-retournee"
            )
            await kb.open_article(article)
            await pilot.pause()
            title = kb.query_one("#kb-article-title", Static)
            line = app.screen._compositor.render_strips()[title.region.y].text
            shown = line[title.region.x : title.region.right].strip()
            assert shown.startswith("kb-image-retournee L'image") and shown.endswith("…")
            assert len(f"kb-image-retournee {article.title}") > title.region.width - 2
    finally:
        i18n.set_language("en")
        run.writer.close()


def _sarah(run: Any) -> str | None:
    state = run.session.state
    for conv in state.conversations.values():
        if state.customers[conv.customer_id].name.startswith("Sarah"):
            return conv.id
    return None


async def _code(pilot: Any) -> None:
    await pilot.press("f12")
    assert isinstance(pilot.app.screen, ProctorCodeScreen)
    pilot.app.screen.query_one(Input).value = PROCTOR_CODE
    await pilot.press("enter")


@pytest.mark.parametrize("over", ["code", "menu"])
async def test_no_notice_for_the_conversation_in_view_after_the_proctors_pause(
    tmp_path: Path, key_file: Path, over: str
) -> None:
    """bugs13 (nl-lindeveld-examen, Dutch, 100 x 30): after the proctor's pause a notice
    "Nieuw bericht van Sarah El Amrani" came up while her conversation was in view. Tried
    here with a driven clock: Sarah answers while the proctor's code screen or menu is over
    the exam (her message held), then pause, 120 s, resume. No notice comes for her."""
    run = exam_run(tmp_path, key_file, scenario="nl-lindeveld-examen", lang="nl")
    app = run.app
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            while _sarah(run) is None and run.session.now() < 3000:
                app.advance(5)
            await pilot.pause()
            sarah = _sarah(run)
            await pilot.press("f4")
            for _step in range(8):
                if app.main.conversation_id == sarah:
                    break
                await pilot.press("f7")
            assert (app.main.conversation_id, app.main.area) == (sarah, "conversation")
            await pilot.press(*"Dag Sarah, welke camera gebruik je?", "enter")
            said = len(run.session.state.conversations[sarah].messages)
            await pilot.press("f12")
            if over == "menu":
                app.screen.query_one(Input).value = PROCTOR_CODE
                await pilot.press("enter")
            while len(run.session.state.conversations[sarah].messages) == said:
                app.advance(0.5)
                assert run.session.now() < 3000
            await pilot.pause()
            if over == "code":
                app.screen.query_one(Input).value = PROCTOR_CODE
                await pilot.press("enter")
            await pilot.press("p")
            assert isinstance(app.screen, ProctorPausedScreen)
            app.advance(120)
            await _code(pilot)
            await pilot.press("r")
            await pilot.pause()
            app.advance(1)
            await pilot.pause()
            assert app.screen is app.main and app.main.conversation_id == sarah
            shown = [n.message for n in app._notifications]
            # her chat's own notice may still stand (Textual's toasts expire on the wall clock)
            assert not [t for t in shown if "Sarah" in t and t.startswith("Nieuw bericht")], shown
        notices = logged(run, "notice_shown")
        about_her = [d for d in notices if d.get("conversation_id") == sarah]
        assert [d["msgid"] for d in about_her] == ["New chat from {name}"]  # when it opened
    finally:
        i18n.set_language("en")
