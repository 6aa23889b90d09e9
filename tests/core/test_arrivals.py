"""Arrivals are seen (issue 14): what reaches a ticket while the candidate looks
elsewhere counts as unseen until they look at it or act on it, and a notice the
UI showed is logged with the record it announced."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from helpdesk_tui.core.phrase import say
from helpdesk_tui.core.reducer import Refused
from helpdesk_tui.core.state import Notice

from .kit import created, email, ev, fold, then

Payload = Callable[..., dict[str, Any]]


def test_an_email_arrives_unseen_until_the_candidate_looks_at_it(
    session_started_data: Payload,
) -> None:
    state = fold(session_started_data(), email("T-1", 10))
    ticket = state.tickets["T-1"]
    assert (ticket.unseen, ticket.worked_on) == (1, False)
    then(state, ev("focus_moved", 20, area="queue"))
    assert ticket.unseen == 1  # looking at the queue is not reading the ticket
    then(state, ev("focus_moved", 30, area="ticket", target="T-1"))
    assert (ticket.unseen, ticket.worked_on) == (0, False)


def test_second_line_replies_and_customer_messages_count_until_acted_on(
    session_started_data: Payload,
) -> None:
    state = fold(
        session_started_data(),
        ev("chat_opened", 1, conversation_id="chat-1", customer_id="c-ann"),
        created("T-1", 2, conversation_id="chat-1"),
        ev("ticket_transferred", 3, ticket_id="T-1", group="network", reason="Switch port"),
    )
    ticket = state.tickets["T-1"]
    assert (ticket.unseen, ticket.worked_on) == (0, True)
    then(
        state,
        ev("second_line_reply", 50, ticket_id="T-1", group="network", text="Port fixed"),
        ev("customer_message", 60, conversation_id="chat-1", text="Any news?"),
    )
    assert ticket.unseen == 2
    then(state, ev("hint_requested", 61, ticket_id="T-1"))
    assert ticket.unseen == 2  # a hint is not working on the ticket
    then(state, ev("note_added", 70, ticket_id="T-1", text="Second line fixed the port"))
    assert ticket.unseen == 0


CUSTOMER_WROTE = {"msgid": "The customer wrote on {ticket}", "values": {"ticket": "T-1"}}


def test_a_notice_is_logged_with_the_record_it_announced(session_started_data: Payload) -> None:
    state = fold(session_started_data(), email("T-1", 10))
    then(state, ev("notice_shown", 11, ref_seq=2, ticket_id="T-1", **CUSTOMER_WROTE))
    assert state.notices == [Notice(11.0, 3, 2, "The customer wrote on T-1", "T-1", None)]


def test_a_notice_is_kept_as_its_message_so_each_viewer_says_it_in_its_language(
    session_started_data: Payload,
) -> None:
    state = fold(session_started_data(), email("T-1", 10))
    then(state, ev("notice_shown", 11, ref_seq=2, ticket_id="T-1", **CUSTOMER_WROTE))
    dutch = {"The customer wrote on {ticket}": "De klant schreef op {ticket}"}
    said = say(state.notices[0].text, lambda msgid: dutch.get(msgid, msgid))
    assert said == "De klant schreef op T-1"


def test_a_schema_1_log_keeps_its_english_text_and_is_still_read(
    session_started_data: Payload,
) -> None:
    """Logs written before event schema 2 logged the notice's English text."""
    state = fold(session_started_data(schema_version=1), email("T-1", 10))
    then(
        state,
        ev("notice_shown", 11, ref_seq=2, text="The customer wrote on T-1", ticket_id="T-1"),
        ev("notice_shown", 12, ref_seq=2, text="Something no template made"),
    )
    dutch = {"The customer wrote on {ticket}": "De klant schreef op {ticket}"}
    said = [say(n.text, lambda msgid: dutch.get(msgid, msgid)) for n in state.notices]
    assert said == ["De klant schreef op T-1", "Something no template made"]
    with pytest.raises(Refused):  # schema 1 has no message ids
        then(state, ev("notice_shown", 13, ref_seq=2, **CUSTOMER_WROTE))


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"text": "The customer wrote on T-1"}, "not its text"),
        ({"msgid": "Hello {name}", "values": {"name": "x"}}, "is not a notice message id"),
        ({**CUSTOMER_WROTE, "values": {}}, "takes the values ticket"),
        ({**CUSTOMER_WROTE, "values": {"ticket": "T-1", "name": "x"}}, "takes the values"),
        ({**CUSTOMER_WROTE, "values": {"ticket": 7}}, "must be text"),
        ({**CUSTOMER_WROTE, "values": {"ticket": "T" * 501}}, "at most 500"),
        ({"msgid": CUSTOMER_WROTE["msgid"]}, "names its msgid and values"),
    ],
)
def test_a_notice_is_one_the_program_shows_with_its_own_values(
    session_started_data: Payload, data: dict[str, Any], reason: str
) -> None:
    state = fold(session_started_data(), email("T-1", 10))
    with pytest.raises(Refused) as refused:
        then(state, ev("notice_shown", 11, ref_seq=2, **data))
    assert reason in refused.value.reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"ref_seq": 9}, "ref_seq 9 is not an earlier record"),
        ({"ref_seq": 0}, "ref_seq 0 is not an earlier record"),
        ({"ref_seq": 1, "ticket_id": "T-9"}, "there is no ticket T-9"),
        ({"ref_seq": 1, "conversation_id": "c-9"}, "there is no conversation c-9"),
    ],
)
def test_a_notice_must_name_an_earlier_record_and_what_exists(
    session_started_data: Payload, data: dict[str, Any], reason: str
) -> None:
    state = fold(session_started_data(), email("T-1", 10))
    with pytest.raises(Refused) as refused:
        then(state, ev("notice_shown", 11, **CUSTOMER_WROTE, **data))
    assert refused.value.reason == reason
