"""Scenario format gaps (issue 13): several second-line question rounds, conditional steps.

The expected texts and times come from the kit scenario's own fields and the
documented rule (each round `delay_s` after the previous relay), not from the code.
"""

from __future__ import annotations

import dataclasses

import pytest
from simulate.kit import CRM, WIFI, Driver, make_scenario

from helpdesk_tui.scenario.model import ProcedureStep, SecondLineQuestion, condition_holds

CALL = "C-crm"
SECOND_QUESTION = "Application support: since when does the error show?"
FINAL = "Application support: we rolled back the update; the CRM is back."


def _two_rounds() -> Driver:
    second = dataclasses.replace(
        CRM.second_line,
        final_reply=FINAL,
        more=(SecondLineQuestion(SECOND_QUESTION, ("since when",)),),
    )
    crm = dataclasses.replace(CRM, second_line=second)
    incidents = tuple(crm if i.id == "crm" else i for i in make_scenario().incidents)
    return Driver(make_scenario(incidents=incidents))


def _transfer(d: Driver) -> str:
    ticket = d.at(310).state.next_ticket_id()
    d.submit(
        310, "ticket_created", ticket_id=ticket, title="CRM", customer_id="marc",
        conversation_id=CALL,
    )  # fmt: skip
    d.submit(320, "ticket_transferred", ticket_id=ticket, group="apps", reason="outage")
    return ticket


def test_the_second_line_asks_its_questions_in_turn_then_gives_its_final_reply() -> None:
    d = _two_rounds()
    _transfer(d)
    d.at(560)
    d.say(561, CALL, "Our colleagues ask which version of the CRM client you run?")
    d.at(561 + 240)
    replies = d.of_type("second_line_reply")
    assert [(r.data["text"], r.data["question"]) for r in replies][-1] == (SECOND_QUESTION, True)
    assert replies[-1].exam_time == 801.0
    d.say(820, CALL, "They also want to know: since when do you see the error?")
    assert (
        len([f for f in d.of_type("evidence_flagged") if f.data["flag"] == "relayed_question"]) == 2
    )
    d.at(820 + 240)
    last = d.of_type("second_line_reply")[-1]
    assert (last.data["text"], last.data["question"], last.exam_time) == (FINAL, False, 1060.0)


def test_the_second_question_waits_for_its_own_relay() -> None:
    d = _two_rounds()
    _transfer(d)
    d.at(560)
    d.say(561, CALL, "Which version do you run?")
    d.at(820)
    d.say(820, CALL, "Thanks, we are still on it.")  # not the second question's words
    d.at(1400)
    texts = [r.data["text"] for r in d.of_type("second_line_reply")]
    assert FINAL not in texts and texts[-1] == SECOND_QUESTION


def test_a_single_question_still_ends_with_the_final_reply() -> None:
    d = Driver()
    _transfer(d)
    d.at(560)
    d.say(561, CALL, "Which version of the CRM client do you run?")
    d.at(801)
    assert d.of_type("second_line_reply")[-1].data["question"] is False


# --------------------------------------------------------------------------- conditional steps


def test_conditions_read_how_the_ticket_arrived_and_the_answer_key() -> None:
    # WIFI arrives with impact low / urgency low; its key says medium / high; no category given.
    assert condition_holds("impact_wrong", WIFI)
    assert condition_holds("urgency_wrong", WIFI)
    assert condition_holds("fields_wrong", WIFI)
    assert not condition_holds("category_wrong", WIFI)  # empty is missing, not wrong
    right = dataclasses.replace(WIFI, ticket_impact="medium", ticket_urgency="high")
    assert not condition_holds("fields_wrong", right)
    assert condition_holds("transfer_needed", CRM) and not condition_holds("solved_here", CRM)
    assert condition_holds("solved_here", WIFI)


def test_a_conditional_step_applies_only_where_its_condition_holds() -> None:
    step = ProcedureStep(
        "fix", "Correct the category", events=("ticket_updated",), when="category_wrong"
    )
    wrong = dataclasses.replace(WIFI, ticket_category="printing")
    assert step.applies_in(wrong)
    assert not step.applies_in(WIFI)
    assert not step.applies_in(None)


def _case(incident, actions):  # noqa: ANN001, ANN202 - a small helper for the check below
    from helpdesk_tui.assess.cases import Case
    from helpdesk_tui.assess.tracker import Action

    acts = [
        Action(seq, float(seq), kind, {"ticket_id": "T-1"}, ("queue", None), (), ())
        for seq, kind in actions
    ]
    return Case(incident.id, incident.title, incident, incident.customer, 0.0, 0, actions=acts)


def test_a_conditional_step_is_judged_only_where_it_applies() -> None:
    from helpdesk_tui.assess.procedures import check_procedure
    from helpdesk_tui.scenario.model import Procedure

    procedure = Procedure(
        "written", "Written",
        (
            ProcedureStep("open", "Open", events=("ticket_opened",)),
            ProcedureStep("fix", "Correct", events=("ticket_updated",), when="fields_wrong"),
            ProcedureStep("solve", "Solve", events=("ticket_resolved",)),
        ),
    )  # fmt: skip
    wrong = _case(WIFI, [(1, "ticket_opened"), (2, "ticket_resolved")])
    assert check_procedure(wrong, procedure).missing == ("fix",)  # it arrived wrong: required
    right = dataclasses.replace(WIFI, ticket_impact="medium", ticket_urgency="high")
    check = check_procedure(_case(right, [(1, "ticket_opened"), (2, "ticket_resolved")]), procedure)
    assert check.missing == () and [s.step_id for s in check.steps] == ["open", "solve"]


# --------------------------------------------------------------------------- chase


def _chasing(channel: str, after_s: float = 600.0) -> Driver:
    from helpdesk_tui.scenario.model import Chase

    mail = next(i for i in make_scenario().incidents if i.id == "mailbox")
    chased = dataclasses.replace(mail, chase=Chase(after_s, channel, "Any news on my mailbox?"))
    incidents = tuple(chased if i.id == "mailbox" else i for i in make_scenario().incidents)
    return Driver(make_scenario(incidents=incidents))


MAIL_AT = 200.0  # the kit's e-mail arrives at minute 3:20


@pytest.mark.parametrize(
    ("channel", "event_type"),
    [("chat", "chat_opened"), ("call", "call_started"), ("email", "customer_email")],
)
def test_an_untouched_ticket_is_chased_on_the_authors_channel(
    channel: str, event_type: str
) -> None:
    d = _chasing(channel)
    d.at(MAIL_AT + 599)
    assert d.of_type(event_type, incident_id="mailbox") == [] and d.of_type("customer_email") == []
    d.at(MAIL_AT + 600 + 30)
    if channel == "email":
        [mail] = d.of_type("customer_email")
        assert (mail.exam_time, mail.data["kind"]) == (MAIL_AT + 600, "chase")
        ticket = d.state.tickets[mail.data["ticket_id"]]
        assert ticket.customer_mails == [(MAIL_AT + 600, "Any news on my mailbox?")]
    else:
        [opened] = d.of_type(event_type, incident_id="mailbox")
        assert opened.exam_time == MAIL_AT + 600
        assert d.customer_lines(opened.data["conversation_id"]) == ["Any news on my mailbox?"]
        [said] = d.of_type("customer_message", conversation_id=opened.data["conversation_id"])
        assert said.data["kind"] == "chase"


def test_an_update_before_the_wait_is_over_avoids_the_chase_until_the_next_wait() -> None:
    d = _chasing("call")
    d.at(MAIL_AT + 1)
    ticket = next(t for t in d.state.tickets.values() if t.incident_id == "mailbox").id
    d.submit(MAIL_AT + 300, "ticket_reply_added", ticket_id=ticket, text="We are on it.")
    d.at(MAIL_AT + 600 + 30)
    assert d.of_type("call_started", incident_id="mailbox") == []
    d.at(MAIL_AT + 300 + 600)
    assert [e.exam_time for e in d.of_type("call_started", incident_id="mailbox")] == [900.0 + 200]


def test_a_resolved_ticket_is_not_chased() -> None:
    d = _chasing("chat")
    d.at(MAIL_AT + 1)
    ticket = next(t for t in d.state.tickets.values() if t.incident_id == "mailbox").id
    d.submit(MAIL_AT + 60, "ticket_resolved", ticket_id=ticket, solution="Re-added it.")
    d.at(MAIL_AT + 1200)
    assert d.of_type("chat_opened", incident_id="mailbox") == []


def _chase_items(d: Driver) -> list:  # noqa: ANN001
    from helpdesk_tui.assess.evidence import gather_evidence

    evidence = gather_evidence(list(enumerate(d.events, start=1)), d.scenario, "en")
    return [i for i in evidence.items["SOL-6"] if "chased" in i.figures]


def test_sol6_a_chase_speaks_against_and_names_the_chase() -> None:
    d = _chasing("email")
    d.at(MAIL_AT + 700)
    [item] = _chase_items(d)
    mail = d.of_type("customer_email")[0]
    assert item.favourable is False and item.figures["chased"] is True
    assert list(item.seqs) == [d.events.index(mail) + 1]
    assert "chased for news" in item.summary


def test_sol6_an_update_before_the_chase_avoids_it_and_is_credited() -> None:
    d = _chasing("call")
    d.at(MAIL_AT + 1)
    ticket = next(t for t in d.state.tickets.values() if t.incident_id == "mailbox").id
    d.submit(MAIL_AT + 300, "ticket_reply_added", ticket_id=ticket, text="We are on it.")
    d.submit(MAIL_AT + 700, "focus_moved", area="queue")  # the log runs past the wait
    [item] = _chase_items(d)
    assert item.favourable is True and item.figures == {
        "chased": False, "updates": 1, "after_s": 600.0,
    }  # fmt: skip


def test_sol6_a_ticket_solved_before_the_wait_ran_out_is_no_chase_opportunity() -> None:
    d = _chasing("chat")
    d.at(MAIL_AT + 1)
    ticket = next(t for t in d.state.tickets.values() if t.incident_id == "mailbox").id
    d.submit(MAIL_AT + 60, "ticket_resolved", ticket_id=ticket, solution="Re-added it.")
    d.at(MAIL_AT + 900)
    assert _chase_items(d) == []


@pytest.mark.parametrize(
    ("channel", "event_type"), [("chat", "chat_opened"), ("call", "call_started")]
)
def test_a_chase_by_chat_or_call_is_linked_to_its_ticket_by_its_own_record(
    channel: str, event_type: str
) -> None:
    """The customer gets in touch about their ticket: the conversation is linked to it when
    it opens (one record, the reducer's link: the ticket shows it, a reply in it updates
    the ticket), and replaying the log gives the same link."""
    from helpdesk_tui.core.reducer import reduce

    d = _chasing(channel)
    d.at(MAIL_AT + 630)
    ticket = next(t for t in d.state.tickets.values() if t.incident_id == "mailbox")
    [opened] = d.of_type(event_type, incident_id="mailbox")
    cid = opened.data["conversation_id"]
    assert opened.data["ticket_id"] == ticket.id
    assert ticket.conversation_ids == [cid] and d.state.conversations[cid].ticket_ids == [ticket.id]
    assert d.of_type("ticket_linked") == []  # no candidate action was made up
    assert ticket.history[-1].summary == f"linked to conversation {cid}"
    replayed = reduce(list(enumerate(d.events, start=1)))
    assert replayed.tickets[ticket.id].conversation_ids == [cid]
    assert ticket.last_response_at is None
    d.say(MAIL_AT + 660, cid, "Sorry for the wait, Ben: I am re-adding the mailbox now.")
    assert d.state.tickets[ticket.id].last_response_at == MAIL_AT + 660  # a reply in it updates


def test_a_chase_for_a_ticket_that_is_gone_is_refused() -> None:
    from helpdesk_tui.core.reducer import check

    d = _chasing("chat")
    d.at(MAIL_AT + 1)
    event = dataclasses.replace(
        d.events[-1],
        type="chat_opened",
        data={"conversation_id": "C-x", "customer_id": "ben", "ticket_id": "T-9999"},
    )
    refused = check(d.state, event)
    assert refused is not None and "T-9999" in str(refused)


def test_a_chase_conversation_is_titled_in_the_customers_words_not_the_incidents() -> None:
    from helpdesk_tui.scenario.model import Chase

    mail = next(i for i in make_scenario().incidents if i.id == "mailbox")
    chased = dataclasses.replace(mail, subject=None, chase=Chase(600.0, "chat", "Any news?"))
    d = Driver(make_scenario(incidents=(chased,)))
    d.at(MAIL_AT + 630)
    [opened] = d.of_type("chat_opened", incident_id="mailbox")
    assert (
        opened.data["subject"] == "Any news?"
    )  # the title names the answer: "Shared mailbox missing"


def test_data5_expects_no_link_of_a_chase_that_was_linked_when_it_opened() -> None:
    from helpdesk_tui.assess.evidence import gather_evidence

    def expected_links(d: Driver) -> int:
        d.at(MAIL_AT + 700)
        evidence = gather_evidence(list(enumerate(d.events, start=1)), d.scenario, "en")
        [links] = [i for i in evidence.items["DATA-5"] if i.kind == "tool_links"]
        return links.figures["expected"]

    chased = _chasing("chat")
    expected = expected_links(chased)
    assert chased.of_type("chat_opened", incident_id="mailbox")  # the chase came
    assert expected == expected_links(Driver(make_scenario()))  # as if it had not
