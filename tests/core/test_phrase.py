"""Phrases: the core's English, which a UI can say in its own language."""

from __future__ import annotations

import copy
import pickle

from helpdesk_tui.core.phrase import Phrase, say
from helpdesk_tui.core.state import TicketStatus

WORDS = {"{field} of {ticket} is {status}": "{ticket}: {field} {status}", "title": "titel"}


def dutch(text: str) -> str:
    return WORDS.get(text, text)


def test_a_phrase_is_its_english_text() -> None:
    phrase = Phrase("ticket {ticket} is closed", ticket="T-1")
    assert phrase == "ticket T-1 is closed" and isinstance(phrase, str)
    assert phrase.template == "ticket {ticket} is closed" and phrase.values == {"ticket": "T-1"}
    assert Phrase("in the queue since {at:.0f}s", at=-3600.4) == "in the queue since -3600s"


def test_statuses_and_lists_read_as_their_values_in_english() -> None:
    phrase = Phrase(
        "{status}; needs {allowed}",
        status=TicketStatus.PENDING_CUSTOMER,
        allowed=(TicketStatus.OPEN, TicketStatus.NEW),
    )
    assert phrase == "pending_customer; needs open, new"


def test_say_translates_the_template_nested_phrases_and_statuses() -> None:
    phrase = Phrase(
        "{field} of {ticket} is {status}",
        field=Phrase("title"),
        ticket="t-1",
        status=TicketStatus.CLOSED,
    )
    said = phrase.say(dutch, lambda status: f"<{status.value}>")
    assert said == "t-1: titel <closed>"  # values that are not phrases are left alone


def test_plain_text_is_said_as_it_is() -> None:
    assert say("no template here {x}", str.upper) == "no template here {x}"
    assert say(Phrase("closed"), str.upper) == "CLOSED"


def test_copies_and_pickles_keep_the_template() -> None:
    phrase = Phrase("reply: {text}", text="use {braces} freely")
    for copied in (copy.deepcopy(phrase), pickle.loads(pickle.dumps(phrase))):
        assert copied == "reply: use {braces} freely"
        assert isinstance(copied, Phrase) and copied.values == {"text": "use {braces} freely"}
