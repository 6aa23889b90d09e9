"""Issue 14's leftovers seen in a French and Dutch practice exam (branch bugs5's list in
docs/known-issues.md, fixed by branch bugs6): each test failed before its fix."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from helpdesk_tui import i18n
from helpdesk_tui.ui import keymap
from helpdesk_tui.ui.format import MOOD_LABELS, mood_label
from helpdesk_tui.ui.review import keys as review_keys
from helpdesk_tui.ui.screens.form_base import FormScreen
from helpdesk_tui.ui.screens.help import HelpScreen
from helpdesk_tui.ui.widgets.choice import ChoiceField, ChoiceList
from helpdesk_tui.ui.widgets.conversations import LIST_ROOM, list_entry, render_transcript

from .conftest import SIZE, Rig, screen_text
from .pilot import at, choose, form, new_ticket_from_chat, type_into


async def test_ctrl_s_saves_the_form_with_a_choice_list_open(rig: Rig) -> None:
    """The footer offers Ctrl+S while a form's choice list is open: it saves the form,
    with the value highlighted in the list (what the candidate sees)."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await new_ticket_from_chat(pilot)
        await type_into(pilot, "title", "Account locked")
        await choose(pilot, "category", "access")
        await choose(pilot, "urgency", "high")
        impact = form(app).query_one("#impact", ChoiceField)
        impact.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceList)
        await pilot.press("down", "down")  # from the blank prompt to the second impact
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, (ChoiceList, FormScreen))
        created = rig.last("ticket_created")
        assert created["title"] == "Account locked"
        assert created["impact"] == impact.options[1][1]


async def test_the_french_transcript_puts_a_no_break_space_before_the_colon(rig: Rig) -> None:
    i18n.set_language("fr")
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        await pilot.press("f4", *"Bonjour", "enter")
        await pilot.pause()
        conv = next(iter(rig.state.conversations.values()))
        name = rig.controller.customer_name(conv.customer_id)
        transcript = render_transcript(rig.controller, conv, rig.clock.now()).plain
        assert "Vous\u00a0: Bonjour" in transcript
        assert f"{name}\u00a0: " in transcript
        assert " : " not in transcript and "Vous:" not in transcript


def test_the_french_mood_agrees_with_humeur() -> None:
    """French "humeur" is feminine: "humeur irritée" for every customer (bugs5 saw "humeur
    irrité" for Isabelle); the scenarios give no customer's gender, so the mood is
    never said as an adjective of the customer."""
    i18n.set_language("fr")
    said = {mood: i18n._("mood {mood}").format(mood=mood_label(mood)) for mood in MOOD_LABELS}
    assert said == {
        "calm": "humeur calme",
        "irritated": "humeur irritée",
        "angry": "humeur en colère",
    }


@pytest.mark.parametrize(
    ("language", "home", "end"),
    [("en", "Home", "End"), ("nl", "Home", "End"), ("fr", "Début", "Fin")],
)
def test_home_and_end_are_named_as_the_keyboard_says(language: str, home: str, end: str) -> None:
    """French keyboards print Début and Fin on those keys, Dutch ones Home and End (bugs5
    saw Home and End in the French help)."""
    i18n.set_language(language)
    queue = {key.id: keymap.display_keys(key) for key in keymap.KEYS}
    scrub = {key.id: keymap.display_keys(key) for key in review_keys.KEYS}
    assert (queue["queue.first"], queue["queue.last"]) == (home, end)
    assert (scrub["scrub.start"], scrub["scrub.end"]) == (home, end)
    bound = {b.id: b.key_display for b in keymap.bindings("queue")}
    assert (bound["queue.first"], bound["queue.last"]) == (home, end)


@pytest.mark.parametrize("language", ["en", "nl", "fr"])
async def test_the_composer_names_whom_it_writes_to_and_leaves_its_keys_to_the_footer(
    rig: Rig, language: str
) -> None:
    """The footer says "Entrée Envoyer" under the box: the placeholder said it again
    ("À Isabelle Marchal (Entrée envoie)", bugs5)."""
    i18n.set_language(language)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        await pilot.press("f4")
        await pilot.pause()
        reply = app.main.conversations.input
        assert "Anna Peeters" in reply.placeholder
        assert i18n._(keymap.ENTER) not in reply.placeholder
        footer = screen_text(app).splitlines()[-2:]
        assert any(i18n._(keymap.ENTER) in line for line in footer)


def list_lines(app: object) -> list[str]:
    """The conversation list's lines as the screen shows them."""
    region = app.main.conversations.query_one("#conv-list").content_region  # type: ignore[attr-defined]
    rows = screen_text(app).splitlines()[region.y : region.bottom]  # type: ignore[arg-type]
    return [row[region.x : region.right] for row in rows]


@pytest.mark.parametrize("language", ["en", "nl", "fr"])
async def test_the_conversation_list_says_channel_and_time_whole_at_100_columns(
    rig: Rig, language: str
) -> None:
    """ "oproep · 1 min geleden" does not fit the list's 21 columns: it wrapped to a
    third line, and with the typing marker was cut ("geleden …", bugs5); the entry now says the time without "ago" when it must."""
    i18n.set_language(language)
    app = rig.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await at(pilot, 130)  # the call comes in
        await pilot.press("f4")
        await at(pilot, 130 + 75)  # Marc said something over a minute ago, still on the line
        lines = list_lines(app)
        assert len([line for line in lines if line.strip()]) == 4, lines  # two lines an entry
        assert not any(line.rstrip().endswith("…") for line in lines), lines
        call = next(line.strip() for line in lines if line.strip().startswith(i18n._("call")))
        assert "1 min" in call.replace("\xa0", " "), lines  # French: a no-break space (bugs19)


async def test_a_form_closed_with_esc_keeps_its_text_for_the_next_open(rig: Rig) -> None:
    """In tmux a candidate typed a reply, pressed F1 (nothing in a form), then Esc to
    close the help they expected: the form closed and the reply was gone. Esc still
    cancels (and is logged), but the text comes back when the same form is opened
    again for the same ticket, until it is saved."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "r")
        await type_into(pilot, "text", "Dear Anna")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
        assert rig.last("form_cancelled")["form"] == "reply"
        await pilot.press("r")
        await pilot.pause()
        assert form(app).query_one("#text", TextArea).text == "Dear Anna"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert rig.last("ticket_reply_added")["text"] == "Dear Anna"
        await pilot.press("r")
        await pilot.pause()
        assert form(app).query_one("#text", TextArea).text == ""  # saved: no draft left
        await pilot.press("escape", "i")  # another form of the same ticket starts empty
        await pilot.pause()
        assert form(app).query_one("#text", TextArea).text == ""


async def test_f1_in_a_form_lists_the_keys_and_esc_goes_back_to_the_form(rig: Rig) -> None:
    """F1 did nothing in a form, and the Esc that followed it closed the form."""
    app = rig.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2", "r")
        await type_into(pilot, "text", "Dear Anna")
        reply = form(app)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is reply
        assert reply.query_one("#text", TextArea).text == "Dear Anna"
        assert not rig.logged("form_cancelled")
        footer = screen_text(app).splitlines()[-2:]
        assert any(f"F1 {i18n._('Keys')}" in line for line in footer), footer


@pytest.mark.parametrize("language", ["en", "nl", "fr"])
def test_a_customer_typing_is_said_in_words_in_the_list(rig: Rig, language: str) -> None:
    """The list marked a customer typing with a bare "…", which read as text cut short
    ("chat · <1 min …", "geleden …"); it now says so, in place of the time."""
    i18n.set_language(language)
    seen = []
    for _second in range(400):
        rig.clock.advance(1)
        rig.controller.tick()
        now = rig.clock.now()
        for conv in rig.state.conversations.values():
            if conv.is_live and conv.is_busy_at(now):
                seen.append(list_entry(rig.controller, conv, now)[3])
    assert seen, "no customer typing or speaking in the first 400 s"
    words = {
        i18n._("call") + " · " + i18n._("speaking…"),
        i18n._("chat") + " · " + i18n._("typing…"),
    }
    assert set(seen) <= words, seen
    assert all(len(" " + detail) <= LIST_ROOM for detail in seen)


async def test_what_a_form_wrote_itself_is_no_draft(rig: Rig) -> None:
    """A pre-filled text (the new ticket's description from the chat) left as it was is
    not kept: the next open fills it afresh from what the case says then."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        ticket_form = await new_ticket_from_chat(pilot)
        assert ticket_form.target is not None
        assert "locked out" in ticket_form.query_one("#description", TextArea).text
        await pilot.press("escape")
        await pilot.pause()
        assert ticket_form.drafts == {}
