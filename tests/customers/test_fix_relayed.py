"""A second line's fix relayed in any words is the fix to the customer (rules 2.13, bugs16).

en-northwind-monday, Raj (VPN certificate): the Network team asks for the asset tag, then
"we pushed a new machine certificate to the laptop. The user can restart it and connect the VPN
again." Before 2.13 his `fixed` rule listened for "good news", "renewed", "is fixed", "connect
again"...: a relay in other words ("we pushed a new machine certificate ... connect the VPN
again", worded-h) set off his `restart` rule instead, on the second line's own "restart" ("I've
already restarted it twice, as I said.", angrier). What a person expects Raj to do is in the
scenario's own `fixed` reply: try it, and it connects.
"""

from __future__ import annotations

import pytest
from simulate.kit import Driver

from helpdesk_tui import paths
from helpdesk_tui.scenario.loader import load_scenario

FIXED_REPLY = (
    "Let me try... it connects! And I can see the finance share again. Great, thanks for "
    "following it up."
)
RESTART_REPLY = "I've already restarted it twice, as I said."


def _fix_arrived() -> tuple[Driver, str]:
    """Raj's chat, his ticket transferred to the Network team, their question relayed and
    answered, their fix arrived: the conversation's id."""
    d = Driver(load_scenario(paths.scenarios_dir() / "en-northwind-monday"))
    d.at(11 * 60 + 40)
    conv = next(e.data["conversation_id"] for e in d.of_type("chat_opened", customer_id="raj"))
    ticket = d.state.next_ticket_id()
    d.submit(720, "ticket_created", ticket_id=ticket, title="VPN certificate", customer_id="raj",
             conversation_id=conv)  # fmt: skip
    d.submit(730, "ticket_transferred", ticket_id=ticket, group="network", reason="certificate")
    d.at(730 + 3 * 60 + 1)
    assert d.of_type("second_line_reply")[-1].data["question"] is True
    d.say(930, conv, "The network team needs the asset tag on the sticker under your laptop.")
    d.at(930 + 3 * 60 + 1)
    assert d.of_type("second_line_reply")[-1].data["question"] is False
    return d, conv


@pytest.mark.parametrize(
    "text",
    [
        "Raj, we pushed a new machine certificate to your laptop. You can restart it and connect "
        "the VPN again.",
        "The network team came back: your laptop has a new certificate now. Restart it and try "
        "the VPN.",
        "Good news: the certificate is renewed, restart and connect again.",
    ],
)
def test_the_fix_relayed_in_any_words_is_answered_as_the_fix(text: str) -> None:
    d, conv = _fix_arrived()
    d.say(1200, conv, text)
    d.at(1260)
    assert d.customer_lines(conv)[-1] == FIXED_REPLY
    moods = [e.data["cause"] for e in d.of_type("mood_changed", customer_id="raj")]
    assert "rule restart" not in moods


def test_a_restart_before_any_fix_is_still_the_restart_rule() -> None:
    """Not every message after the transfer is the fix: "restart it" with no fix to relay is
    the step Raj already took."""
    d = Driver(load_scenario(paths.scenarios_dir() / "en-northwind-monday"))
    d.at(11 * 60 + 40)
    conv = next(e.data["conversation_id"] for e in d.of_type("chat_opened", customer_id="raj"))
    d.say(720, conv, "Could you restart the laptop once more?")
    d.at(780)
    assert RESTART_REPLY in d.customer_lines(conv)


def test_news_that_is_not_the_fix_is_not_answered_as_the_fix() -> None:
    d, conv = _fix_arrived()
    d.say(1200, conv, "I'm still waiting for the network team about your laptop, I'll keep you "
                      "posted.")  # fmt: skip
    d.at(1260)
    assert FIXED_REPLY not in d.customer_lines(conv)
