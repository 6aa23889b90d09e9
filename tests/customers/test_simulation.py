"""The simulation: timetable, replies, interruptions, follow-ups, second line, flags, restore."""

from __future__ import annotations

import dataclasses

import pytest
from simulate.kit import PRINTER, WALL, Driver, make_scenario

from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.core.session import ExamSession, MemorySink
from helpdesk_tui.customers.simulation import (
    MAX_FOLLOW_UPS,
    RestoreError,
    reading_s,
    restore,
    speaking_s,
    typing_s,
)
from helpdesk_tui.scenario.model import Message

CHAT, CALL = "C-printer", "C-crm"


def texts(d: Driver, event_type: str, **where: object) -> list[str]:
    return [e.data["text"] for e in d.of_type(event_type, **where)]


def flags(d: Driver, flag: str) -> list[dict[str, object]]:
    return [e.data for e in d.of_type("evidence_flagged", flag=flag)]


# --------------------------------------------------------------------------- the timetable


def test_queue_tickets_are_in_the_queue_at_zero_with_their_age() -> None:
    d = Driver()
    d.at(0)
    first = d.events[1]
    assert (first.type, first.exam_time) == ("ticket_preloaded", 0.0)
    assert first.data == {
        "ticket_id": "T-1001",
        "customer_id": "sara",
        "incident_id": "wifi",
        "title": "Meeting room: no Wi-Fi",
        "description": "Nobody in meeting room 3 can connect to the staff Wi-Fi since this morning.",
        "created_at": -60.0,
        "impact": "low",
        "urgency": "low",
    }


def test_an_email_takes_the_next_ticket_id_when_it_arrives() -> None:
    d = Driver()
    d.at(72)
    d.submit(
        100,
        "ticket_created",
        ticket_id="T-1002",
        title="Printer",
        customer_id="anna",
        conversation_id=CHAT,
    )
    d.at(200)
    email = d.of_type("email_received")[0]
    assert (email.exam_time, email.data["ticket_id"], email.data["incident_id"]) == (
        200.0,
        "T-1003",
        "mailbox",
    )


def test_a_chat_opens_and_the_customer_types_for_a_time_in_proportion() -> None:
    d = Driver()
    d.at(80)
    opened = d.of_type("chat_opened")[0]
    assert (opened.exam_time, opened.data["incident_id"]) == (60.0, "printer")
    typing = d.of_type("customer_typing")[0]
    first = PRINTER.messages[0].text
    assert (typing.exam_time, typing.data["duration_s"]) == (60.0, len(first) / 5)
    message = d.of_type("customer_message")[0]
    assert (message.exam_time, message.data["kind"]) == (60.0 + len(first) / 5, "script")


def test_typing_and_speaking_times_are_capped() -> None:
    long = "x" * 2000
    assert typing_s(long) == 15.0 and speaking_s(long) == 45.0
    assert typing_s("Hi") == 1.0 and reading_s(long) == 6.0


def test_a_call_streams_its_speech_and_is_busy_meanwhile() -> None:
    d = Driver()
    d.at(301)
    said = d.of_type("customer_message", conversation_id=CALL)[0]
    assert said.exam_time == 300.0
    assert said.data["duration_s"] == pytest.approx(len(said.data["text"]) / 14, abs=0.001)
    assert d.state.conversations[CALL].is_busy_at(301)


def test_a_ticket_made_from_a_conversation_belongs_to_its_incident() -> None:
    d = Driver()
    d.submit(
        80,
        "ticket_created",
        ticket_id="T-1002",
        title="Printer",
        customer_id="anna",
        conversation_id=CHAT,
    )
    assert d.state.tickets["T-1002"].incident_id == "printer"


# --------------------------------------------------------------------------- replies


def test_the_reply_comes_after_reading_then_typing() -> None:
    d = Driver()
    d.say(100, CHAT, "Which printer is it?")
    d.at(200)
    typing = [e for e in d.of_type("customer_typing", conversation_id=CHAT) if e.exam_time > 100][0]
    assert typing.exam_time == pytest.approx(100 + reading_s("Which printer is it?"))
    reply = d.of_type("customer_message", reveals=["model"])[0]
    assert reply.exam_time == pytest.approx(typing.exam_time + typing_s(reply.data["text"]))


MODEL = "It's the HP LaserJet 4250 with the sticker PRN-2-14."
SINCE = "Since this morning, after someone changed the toner."
"""The kit's facts `model` and `since` (simulate/kit.py, the printer incident)."""


def test_two_questions_read_together_are_answered_together_in_the_order_asked() -> None:
    # cust13 (docs/known-issues.md, cust12: "a reply with content to a message the candidate
    # has since followed with another is still said"): a customer who has not started the
    # first answer when the second question comes answers both in one message, the first
    # first, once they have read the second (docs/simulation.md, "Two messages in a row").
    d = Driver()
    d.say(100, CHAT, "Which printer is it, the exact model you use there?")
    d.say(101, CHAT, "Since when?")
    d.at(200)
    replies = d.of_type("customer_message", kind="reply")
    assert [e.data.get("reveals") for e in replies] == [["model", "since"]]
    assert replies[0].data["text"] == f"{MODEL} {SINCE}"
    typing = [e for e in d.of_type("customer_typing", conversation_id=CHAT) if e.exam_time > 100]
    assert typing[0].exam_time >= 101 + reading_s("Since when?")


def test_three_questions_in_a_row_make_one_answer() -> None:
    d = Driver()
    d.say(100, CHAT, "Which printer is it?")
    d.say(101, CHAT, "Since when?")
    d.say(102, CHAT, "Since when does it print blank pages, and which model is it?")
    d.at(200)
    replies = d.of_type("customer_message", conversation_id=CHAT)
    after = [e.data["text"] for e in replies if e.exam_time > 100]
    assert len(after) == 1 and after[0].startswith(f"{MODEL} {SINCE}")


def test_an_answer_already_typed_is_not_held_back_by_a_later_question() -> None:
    d = Driver()
    d.say(100, CHAT, "Which printer is it, the exact model you use there?")
    d.at(100 + reading_s("Which printer is it, the exact model you use there?") + 0.5)
    d.send(d.clock.source.value, CHAT, "Since when?")  # the customer is typing: they go on
    d.at(300)
    reveals = [e.data.get("reveals") for e in d.of_type("customer_message", kind="reply")]
    assert reveals == [["model"], ["since"]]


def test_a_courtesy_reply_to_the_newer_message_goes_when_the_answers_fold() -> None:
    d = Driver()
    d.say(100, CHAT, "Which printer is it, the exact model you use there?")
    d.say(101, CHAT, "I'm sorry about the trouble.")
    d.at(200)
    after = [e.data["text"] for e in d.of_type("customer_message", conversation_id=CHAT)
             if e.exam_time > 100]  # fmt: skip
    assert after == [MODEL]


def test_on_a_call_the_customer_answers_after_a_short_pause() -> None:
    d = Driver()
    d.say(306, CALL, "How many colleagues have the problem?")
    d.at(330)
    reply = d.of_type("customer_message", reveals=["scope"])[0]
    assert reply.exam_time == 307.0 and reply.data["duration_s"] > 0


# --------------------------------------------------------------------------- interruptions


def test_a_message_while_the_customer_types_is_an_interruption() -> None:
    d = Driver()
    sent = d.send(65, CHAT, "Which printer?")
    seq = d.events.index(sent) + 1
    [flag] = flags(d, "interruption")
    assert flag["competency"] == "COM-3" and flag["ref_seq"] == seq
    assert flag["conversation_id"] == CHAT and "typing (6.2 s left)" in str(flag["reason"])
    assert d.state.conversations[CHAT].messages[-1].interrupted
    d.at(120)
    assert texts(d, "customer_message", reveals=["model"])[0].startswith("Let me finish, please...")


def test_speaking_on_a_call_counts_too() -> None:
    d = Driver()
    d.send(302, CALL, "Hello?")
    assert "speaking" in str(flags(d, "interruption")[0]["reason"])


def test_a_message_when_the_customer_is_quiet_is_no_interruption() -> None:
    d = Driver()
    d.say(72, CHAT, "Which printer?")
    assert flags(d, "interruption") == []


def test_the_reaction_line_speaks_the_scenario_language() -> None:
    d = Driver(make_scenario(language="fr"))
    d.send(65, CHAT, "Quelle imprimante ?")
    d.at(120)
    assert any(t.startswith("Laissez-moi finir") for t in d.customer_lines(CHAT))


# --------------------------------------------------------------------------- follow-ups


def test_a_customer_left_without_answer_writes_again() -> None:
    d = Driver()
    d.at(400)
    follow = d.of_type("customer_message", kind="follow_up", conversation_id=CHAT)
    assert follow and follow[0].data["text"] == "Hello? Is anyone there?"
    last_script = d.of_type("customer_message", kind="script", conversation_id=CHAT)[-1]
    typing = [
        e
        for e in d.of_type("customer_typing", conversation_id=CHAT)
        if e.exam_time > last_script.exam_time
    ][0]
    assert typing.exam_time == pytest.approx(last_script.exam_time + 120)


def test_an_answer_in_time_prevents_the_follow_up() -> None:
    d = Driver()
    d.say(100, CHAT, "One moment please, I'm looking into it.")
    d.at(400)
    assert d.of_type("customer_message", kind="follow_up", conversation_id=CHAT) == []


def test_follow_ups_stop_after_a_few() -> None:
    d = Driver()
    d.at(1200)
    assert (
        len(d.of_type("customer_message", kind="follow_up", conversation_id=CHAT)) == MAX_FOLLOW_UPS
    )


def test_without_a_scenario_follow_up_the_customer_says_so_in_their_mood() -> None:
    d = Driver()
    d.at(400)
    said = texts(d, "customer_message", kind="follow_up", conversation_id=CALL)
    assert said == ["This is taking far too long. Is anyone dealing with this?"]


def test_a_caller_left_waiting_hangs_up_in_the_end() -> None:
    d = Driver()
    d.at(1000)
    assert d.of_type("call_ended", conversation_id=CALL, by="customer")
    assert not d.state.conversations[CALL].is_live


# --------------------------------------------------------------------------- second line


def crm_transferred(d: Driver, group: str = "apps", at: float = 320.0) -> str:
    """The CRM call's ticket, created at 310 and transferred at `at`; its id."""
    ticket = d.at(310).state.next_ticket_id()
    d.submit(
        310,
        "ticket_created",
        ticket_id=ticket,
        title="CRM",
        customer_id="marc",
        conversation_id=CALL,
    )
    d.submit(at, "ticket_transferred", ticket_id=ticket, group=group, reason="outage")
    return ticket


def test_the_second_line_answers_after_its_delay() -> None:
    d = Driver()
    crm_transferred(d)
    d.at(320 + 240 - 1)
    assert d.of_type("second_line_reply") == []
    d.at(320 + 240)
    [reply] = d.of_type("second_line_reply")
    assert reply.data["question"] is True and reply.data["group"] == "apps"


def test_a_group_the_ticket_is_not_for_sends_it_back() -> None:
    d = Driver()
    crm_transferred(d, group="network")
    d.at(800)
    [reply] = d.of_type("second_line_reply")
    assert reply.exam_time == 440.0 and reply.data["question"] is False
    assert "not for our team" in reply.data["text"]


def test_a_relayed_question_is_flagged_and_answered_and_the_fix_follows() -> None:
    d = Driver()
    crm_transferred(d)
    d.at(560)
    d.say(561, CALL, "Our colleagues ask which version of the CRM client you run?")
    [flag] = flags(d, "relayed_question")
    assert flag["competency"] == "SOL-5" and flag["conversation_id"] == CALL
    d.at(600)
    assert "7.2" in d.customer_lines(CALL)[-1]
    d.at(561 + 240)
    fixed = d.of_type("second_line_reply")[-1]
    assert fixed.exam_time == 801.0 and fixed.data["question"] is False


def test_a_relay_in_a_ticket_reply_counts_as_well() -> None:
    d = Driver()
    crm_transferred(d)
    d.at(560)
    d.submit(562, "ticket_reply_added", ticket_id="T-1003", text="Which CRM version do you run?")
    [flag] = flags(d, "relayed_question")
    assert "conversation_id" not in flag


def test_asking_before_the_second_line_asked_is_no_relay() -> None:
    d = Driver()
    crm_transferred(d)
    d.say(330, CALL, "Which version do you run?")
    assert flags(d, "relayed_question") == []


# --------------------------------------------------------------------------- news requests


def test_a_customer_whose_ticket_waits_asks_for_news_in_a_new_chat() -> None:
    d = Driver()
    crm_transferred(d)
    d.submit(330, "conversation_closed", conversation_id=CALL)
    d.at(320 + 300 + 30)
    news = d.of_type("customer_message", kind="news_request")
    assert [e.data["conversation_id"] for e in news] == ["C-crm-news"]
    opened = d.of_type("chat_opened", conversation_id="C-crm-news")[0]
    assert (opened.exam_time, opened.data["incident_id"]) == (620.0, "crm")


def test_an_update_postpones_the_news_request() -> None:
    d = Driver()
    crm_transferred(d)
    d.submit(330, "conversation_closed", conversation_id=CALL)
    d.submit(500, "ticket_reply_added", ticket_id="T-1003", text="We are still on it.")
    d.at(799)
    assert d.of_type("customer_message", kind="news_request") == []
    d.at(830)
    assert d.of_type("customer_message", kind="news_request")


# --------------------------------------------------------------------------- evidence flags


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Which printer is it?", True),
        ("Does the display show an error code", True),
        ("Is there anything else I can do for you?", False),
        ("Good morning, service desk. How can I help?", False),
        ("I will look into it.", False),
    ],
)
def test_clarifying_questions_are_flagged(text: str, flagged: bool) -> None:
    d = Driver()
    d.say(72, CHAT, text)
    assert bool(flags(d, "clarifying_question")) is flagged


def test_revealing_a_fact_is_a_clarifying_question_even_without_question_mark() -> None:
    d = Driver()
    d.say(72, CHAT, "Tell me the model.")
    [flag] = flags(d, "clarifying_question")
    assert "revealed hidden fact model" in str(flag["reason"])


def test_a_paraphrase_of_the_customer_is_flagged() -> None:
    d = Driver()
    d.at(90)
    d.say(
        90,
        CHAT,
        "So the printer next to your desk only prints empty pages, and the invoices are due?",
    )
    [flag] = flags(d, "paraphrase")
    assert flag["competency"] == "COM-4"


def test_a_solution_that_reuses_a_few_words_is_no_paraphrase() -> None:
    d = Driver()
    d.at(90)
    d.say(
        90,
        CHAT,
        "Open the printer, remove the sealing tape from the cartridge and print a test page.",
    )
    assert flags(d, "paraphrase") == []


def test_jargon_in_a_ticket_reply_to_a_novice_is_flagged() -> None:
    d = Driver()
    d.submit(
        80,
        "ticket_created",
        ticket_id="T-1002",
        title="Printer",
        customer_id="anna",
        conversation_id=CHAT,
    )
    d.submit(90, "ticket_reply_added", ticket_id="T-1002", text="Your DNS is fine.")
    [flag] = flags(d, "jargon")
    assert flag["competency"] == "COM-5" and "conversation_id" not in flag


def test_flags_and_moods_are_events_at_the_time_of_the_message() -> None:
    d = Driver()
    sent = d.send(65, CHAT, "Flush the DNS?")
    caused = [e for e in d.events if e.type in ("evidence_flagged", "mood_changed")]
    assert {e.exam_time for e in caused} == {sent.exam_time}
    assert {e.data["flag"] for e in caused if e.type == "evidence_flagged"} >= {
        "interruption",
        "jargon",
    }


# --------------------------------------------------------------------------- restore


def _play(d: Driver, until: float) -> None:
    d.say(72, CHAT, "Good morning, which printer is it?")
    d.submit(
        95,
        "ticket_created",
        ticket_id="T-1002",
        title="Printer",
        customer_id="anna",
        conversation_id=CHAT,
    )
    d.send(96, CHAT, "Since when?")  # an interruption: Anna is answering
    d.at(until)


def test_restore_rebuilds_a_simulation_that_carries_on_identically() -> None:
    whole = Driver()
    _play(whole, 400)
    crm_transferred(whole, at=420)
    whole.at(1000)

    part = Driver()
    _play(part, 400)
    sim, state = restore(part.scenario, part.events)
    assert state.last_seq == len(part.events)
    clock = ManualClock()
    clock.source.value = 400
    sink = MemorySink()
    sink.events = list(part.events)
    resumed = Driver.__new__(Driver)
    resumed.scenario, resumed.clock, resumed.sink, resumed.sim = part.scenario, clock, sink, sim
    resumed.session = ExamSession(clock, sink, sim, wall_clock=lambda: WALL, state=state)
    crm_transferred(resumed, at=420)
    resumed.at(1000)
    assert [e.to_dict() for e in resumed.events] == [e.to_dict() for e in whole.events]


def test_restore_refuses_a_log_of_another_scenario() -> None:
    d = Driver()
    d.at(100)
    other = dataclasses.replace(
        make_scenario(), incidents=(dataclasses.replace(PRINTER, at_s=30.0),)
    )
    with pytest.raises(RestoreError):
        restore(other, d.events)


def test_a_scripted_message_is_skipped_once_the_chat_is_closed() -> None:
    longer = dataclasses.replace(
        PRINTER, messages=(*PRINTER.messages, Message(200.0, "Still there?"))
    )
    d = Driver(make_scenario(incidents=(longer,)))
    d.say(72, CHAT, "Is there anything else?")
    d.at(100)
    d.submit(100, "conversation_closed", conversation_id=CHAT)
    d.at(400)
    assert "Still there?" not in d.customer_lines(CHAT)


def test_a_still_question_before_any_step_is_answered_and_flagged_as_a_question() -> None:
    """bugs10 (qa-play9): "Do you still ...?" before anything was proposed got "No, it still
    doesn't work." and no COM-2 flag; after a step the same words are a check (no flag,
    the check's answer). Customer and flag read it alike (`dialogue.acts_in_turn`)."""
    d = Driver()
    d.say(72, CHAT, "Do you still get blank pages?")
    d.at(150)
    assert len(flags(d, "clarifying_question")) == 1
    assert texts(d, "customer_message", kind="reply")[-1] == "It's still the same as before."
    d.say(160, CHAT, "Please switch the printer off and on again.")
    d.at(250)
    d.say(260, CHAT, "Do you still get blank pages?")
    d.at(400)
    assert len(flags(d, "clarifying_question")) == 1  # the check is not a question
    assert "No, it still doesn't work." in texts(d, "customer_message", kind="reply")


def test_two_rule_replies_folded_together_keep_both_rules() -> None:
    # docs/simulation.md, "Two messages in a row": a folded reply loses nothing, "its rule"
    # included. The log names both rules (cust13 kept the older one only, so the newer was
    # never marked as said: docs/known-issues.md), and a resumed customer reads both back.
    d = Driver()
    d.say(100, CHAT, "Could it be the print spooler?")  # the printer's `jargon` rule
    d.say(101, CHAT, "Pull the sealing tape off, please.")  # its `thanks` rule
    d.at(200)
    replies = [e for e in d.of_type("customer_message", conversation_id=CHAT) if e.exam_time > 100]
    assert len(replies) == 1
    assert replies[0].data["rule_id"].split() == ["jargon", "thanks"]
    sim, _ = restore(d.scenario, d.events)
    assert sim._asked["printer"] == {"jargon", "thanks"}
