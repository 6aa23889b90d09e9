"""A call the candidate never spoke in was "jamais décroché" (never picked up) in the French
report of a Dutch sitting (bugs13), "never answered" in English: the exam has no key to
pick up a call (it is live as it comes in), so an assessor read a phone left ringing. The
item says what the log shows: nothing was said in it."""

from __future__ import annotations

import pytest

from helpdesk_tui.assess.texts import tr


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_a_silent_call_is_worded_as_nothing_said_not_as_not_picked_up(lang: str) -> None:
    text = tr(lang, "sim1.unanswered", conv="C-1", customer="Kevin", n=0).lower()
    for misleading in ("décroch", "never answered", "nooit beantwoord", "picked up"):
        assert misleading not in text, text
    said = {"en": "nothing said", "nl": "zei er niets in", "fr": "rien dit"}[lang]
    assert said in text
