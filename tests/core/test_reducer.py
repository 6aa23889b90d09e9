"""The one reducer: what it folds, and what it refuses before anything is logged."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.reducer import Refused, apply, check, reduce
from helpdesk_tui.core.sla import SlaProfile
from helpdesk_tui.core.state import ExamState, TicketStatus

from .kit import created, email, ev, fold, then

Payload = Callable[..., dict[str, Any]]

# The base exam every refusal starts from: a chat, a call and an e-mail ticket.
BASE = (
    ev("chat_opened", 1.0, conversation_id="chat-1", customer_id="c-ann", subject="Printer"),
    ev("call_started", 2.0, conversation_id="call-1", customer_id="c-bob"),
    email("T-1", 3.0),
)


@pytest.fixture
def base(session_started_data: Payload) -> ExamState:
    return fold(session_started_data(), *BASE)


REFUSALS: list[tuple[str, list[Event], Event, str]] = [
    # --- the lifecycle ------------------------------------------------------
    (
        "close-a-closed-ticket",
        [
            ev("ticket_resolved", 10, ticket_id="T-1", solution="Replaced the toner"),
            ev("ticket_closed", 20, ticket_id="T-1"),
        ],
        ev("ticket_closed", 30, ticket_id="T-1"),
        "ticket T-1 is closed",
    ),
    (
        "close-a-ticket-not-resolved",
        [ev("ticket_opened", 10, ticket_id="T-1")],
        ev("ticket_closed", 20, ticket_id="T-1"),
        "ticket T-1 is open; ticket_closed needs one of resolved",
    ),
    (
        "reopen-a-ticket-not-resolved",
        [],
        ev("ticket_reopened", 10, ticket_id="T-1"),
        "ticket_reopened needs one of resolved",
    ),
    (
        "pending-while-pending",
        [ev("ticket_pending", 10, ticket_id="T-1", waiting_on="customer")],
        ev("ticket_pending", 20, ticket_id="T-1", waiting_on="third_party"),
        "is pending_customer",
    ),
    (
        "note-on-a-closed-ticket",
        [
            ev("ticket_resolved", 10, ticket_id="T-1", solution="Fixed"),
            ev("ticket_closed", 20, ticket_id="T-1"),
        ],
        ev("note_added", 30, ticket_id="T-1", text="one more thing"),
        "is closed",
    ),
    ("unknown-ticket", [], ev("note_added", 10, ticket_id="T-404", text="x"), "no ticket T-404"),
    # --- transfers ----------------------------------------------------------
    (
        "transfer-to-an-unknown-group",
        [],
        ev("ticket_transferred", 10, ticket_id="T-1", group="facilities", reason="Needs a ladder"),
        "unknown group 'facilities'; the groups are network, workplace",
    ),
    (
        "transfer-with-an-empty-reason",
        [],
        ev("ticket_transferred", 10, ticket_id="T-1", group="network", reason="   "),
        "a transfer needs a reason",
    ),
    # --- fields and priority ------------------------------------------------
    (
        "priority-override-without-reason",
        [],
        ev("ticket_updated", 10, ticket_id="T-1", changes={}, priority_override="P1"),
        "overriding the priority needs a reason",
    ),
    (
        "priority-override-with-a-blank-reason",
        [],
        ev(
            "ticket_updated",
            10,
            ticket_id="T-1",
            changes={},
            priority_override="P1",
            override_reason=" ",
        ),
        "overriding the priority needs a reason",
    ),
    (
        "priority-override-to-an-unknown-priority",
        [],
        ev(
            "ticket_updated",
            10,
            ticket_id="T-1",
            changes={},
            priority_override="P0",
            override_reason="CEO",
        ),
        "unknown priority 'P0'",
    ),
    (
        "unknown-impact-level",
        [],
        ev("ticket_updated", 10, ticket_id="T-1", changes={"impact": "catastrophic"}),
        "impact 'catastrophic' is not one of high, medium, low",
    ),
    (
        "unknown-urgency-on-creation",
        [],
        created("T-2", 10, impact="high", urgency="yesterday"),
        "urgency 'yesterday' is not one of",
    ),
    (
        "unknown-category",
        [],
        ev("ticket_updated", 10, ticket_id="T-1", changes={"category": "plumbing"}),
        "unknown category 'plumbing'",
    ),
    (
        "blank-title",
        [],
        ev("ticket_updated", 10, ticket_id="T-1", changes={"title": "  "}),
        "a ticket needs a title",
    ),
    (
        "a-field-that-is-not-text",
        [],
        ev("ticket_updated", 10, ticket_id="T-1", changes={"impact": None}),
        "impact must be text",
    ),
    (
        "a-field-a-ticket-does-not-have",
        [],
        ev("ticket_updated", 10, ticket_id="T-1", changes={"status": "closed"}),
        "a ticket has no field status",
    ),
    (
        "an-update-that-changes-nothing",
        [],
        ev("ticket_updated", 10, ticket_id="T-1", changes={}),
        "nothing to change",
    ),
    (
        "pending-on-nobody",
        [],
        ev("ticket_pending", 10, ticket_id="T-1", waiting_on="the boss"),
        "waiting_on must be",
    ),
    (
        "resolve-without-a-solution",
        [],
        ev("ticket_resolved", 10, ticket_id="T-1", solution=""),
        "resolving needs a solution",
    ),
    ("empty-reply", [], ev("ticket_reply_added", 10, ticket_id="T-1", text=" "), "text is empty"),
    ("empty-note", [], ev("note_added", 10, ticket_id="T-1", text=""), "text is empty"),
    # --- creation -----------------------------------------------------------
    ("duplicate-ticket-id", [], created("T-1", 10), "ticket T-1 already exists"),
    ("duplicate-e-mail-ticket", [], email("T-1", 10), "ticket T-1 already exists"),
    (
        "ticket-for-an-unknown-customer",
        [],
        created("T-2", 10, customer="c-zoe"),
        "unknown customer",
    ),
    (
        "ticket-from-an-unknown-conversation",
        [],
        created("T-2", 10, conversation_id="chat-9"),
        "no conversation chat-9",
    ),
    (
        "an-e-mail-from-the-future",
        [],
        email("T-2", 10, created_at=60),
        "lies in the future",
    ),
    (
        "a-preloaded-ticket-in-an-unknown-status",
        [],
        ev(
            "ticket_preloaded",
            10,
            ticket_id="T-0",
            customer_id="c-ann",
            title="Old",
            description="",
            created_at=-600,
            status="lost",
        ),
        "unknown status 'lost'",
    ),
    (
        "a-preloaded-ticket-in-an-unknown-group",
        [],
        ev(
            "ticket_preloaded",
            10,
            ticket_id="T-0",
            customer_id="c-ann",
            title="Old",
            description="",
            created_at=-600,
            group="legal",
        ),
        "unknown group 'legal'",
    ),
    # --- links and the knowledge base ----------------------------------------
    (
        "unknown-kb-article-opened",
        [],
        ev("kb_article_opened", 10, article_id="KB-999"),
        "unknown KB article 'KB-999'",
    ),
    (
        "unknown-kb-article-as-solution",
        [],
        ev("ticket_resolved", 10, ticket_id="T-1", solution="See KB", kb_article="KB-999"),
        "unknown KB article 'KB-999'",
    ),
    (
        "unknown-kb-article-linked",
        [],
        ev("ticket_linked", 10, ticket_id="T-1", kb_article="KB-999"),
        "unknown KB article 'KB-999'",
    ),
    ("a-link-to-nothing", [], ev("ticket_linked", 10, ticket_id="T-1"), "needs a conversation"),
    (
        "a-link-to-an-unknown-conversation",
        [],
        ev("ticket_linked", 10, ticket_id="T-1", conversation_id="chat-9"),
        "no conversation chat-9",
    ),
    (
        "a-link-made-twice",
        [ev("ticket_linked", 10, ticket_id="T-1", conversation_id="chat-1", kb_article="KB-001")],
        ev("ticket_linked", 20, ticket_id="T-1", conversation_id="chat-1"),
        "already linked",
    ),
    (
        "search-results-that-are-not-article-ids",
        [],
        ev("kb_searched", 10, query="printer", results=[1, 2]),
        "must be article ids",
    ),
    # --- conversations -------------------------------------------------------
    (
        "message-to-an-ended-call",
        [ev("call_ended", 10, conversation_id="call-1", by="customer")],
        ev("message_sent", 20, conversation_id="call-1", text="Are you still there?"),
        "conversation call-1 has ended",
    ),
    (
        "the-customer-speaks-on-an-ended-call",
        [ev("call_ended", 10, conversation_id="call-1", by="candidate")],
        ev("customer_message", 20, conversation_id="call-1", text="Hello?"),
        "call call-1 has ended",
    ),
    (
        "hang-up-twice",
        [ev("call_ended", 10, conversation_id="call-1", by="customer")],
        ev("call_ended", 20, conversation_id="call-1", by="customer"),
        "has already ended",
    ),
    (
        "hang-up-a-chat",
        [],
        ev("call_ended", 10, conversation_id="chat-1", by="customer"),
        "is a chat, not a call",
    ),
    (
        "close-a-closed-chat",
        [ev("conversation_closed", 10, conversation_id="chat-1")],
        ev("conversation_closed", 20, conversation_id="chat-1"),
        "has already ended",
    ),
    (
        "an-empty-message",
        [],
        ev("message_sent", 10, conversation_id="chat-1", text="\n"),
        "the message is empty",
    ),
    (
        "message-to-an-unknown-conversation",
        [],
        ev("message_sent", 10, conversation_id="chat-9", text="Hi"),
        "no conversation chat-9",
    ),
    (
        "a-conversation-opened-twice",
        [],
        ev("chat_opened", 10, conversation_id="chat-1", customer_id="c-ann"),
        "conversation chat-1 already exists",
    ),
    (
        "a-call-from-an-unknown-customer",
        [],
        ev("call_started", 10, conversation_id="call-2", customer_id="c-zoe"),
        "unknown customer 'c-zoe'",
    ),
    # --- stimuli -------------------------------------------------------------
    (
        "second-line-reply-to-an-unknown-ticket",
        [],
        ev("second_line_reply", 10, ticket_id="T-9", group="network", text="Done"),
        "no ticket T-9",
    ),
    (
        "second-line-reply-from-an-unknown-group",
        [],
        ev("second_line_reply", 10, ticket_id="T-1", group="legal", text="Done"),
        "unknown group 'legal'",
    ),
    (
        "a-mood-for-an-unknown-customer",
        [],
        ev("mood_changed", 10, customer_id="c-zoe", mood="angry", cause="waited"),
        "unknown customer",
    ),
    (
        "an-unknown-mood",
        [],
        ev("mood_changed", 10, customer_id="c-ann", mood="ecstatic", cause="solved"),
        "mood 'ecstatic' is not one of calm, irritated, angry",
    ),
    # --- the session ----------------------------------------------------------
    (
        "time-going-backwards",
        [ev("note_added", 100, ticket_id="T-1", text="first")],
        ev("note_added", 99.5, ticket_id="T-1", text="second"),
        "exam time goes backwards (99.500 < 100.000)",
    ),
    (
        "an-event-after-the-exam-time",
        [],
        ev("note_added", 18000.5, ticket_id="T-1", text="late"),
        "past the end of the exam",
    ),
    (
        "anything-after-session-ended",
        [ev("session_ended", 50, reason="handed-in")],
        ev("note_added", 60, ticket_id="T-1", text="one more"),
        "the session has ended",
    ),
    (
        "a-stimulus-after-session-ended",
        [ev("session_ended", 50, reason="completed")],
        ev("customer_message", 60, conversation_id="chat-1", text="Hello?"),
        "the session has ended",
    ),
    (
        "ending-twice",
        [ev("session_ended", 50, reason="time-up")],
        ev("session_ended", 50, reason="time-up"),
        "the session has ended",
    ),
    ("an-unknown-end-reason", [], ev("session_ended", 50, reason="bored"), "unknown end reason"),
    (
        "pause-twice",
        [ev("session_paused", 10, reason="fire drill")],
        ev("session_paused", 20, reason="again"),
        "already paused",
    ),
    (
        "a-command-while-paused",
        [ev("session_paused", 10, reason="fire drill")],
        ev("ticket_opened", 20, ticket_id="T-1"),
        "the session is paused",
    ),
    ("speed-zero", [], ev("speed_changed", 10, speed=0), "the speed must be positive"),
]


@pytest.mark.parametrize(
    ("setup", "bad", "reason"), [r[1:] for r in REFUSALS], ids=[r[0] for r in REFUSALS]
)
def test_illegal_events_are_refused_with_a_reason(
    base: ExamState, setup: list[Event], bad: Event, reason: str
) -> None:
    state = then(base, *setup)
    before = copy.deepcopy(state)
    found = check(state, bad)
    assert found is not None and reason in found
    with pytest.raises(Refused) as info:
        apply(state, bad)
    assert info.value.reason == found
    assert info.value.event is bad
    assert state == before  # refused means nothing changed


def test_an_event_before_session_started_is_refused() -> None:
    state = ExamState()
    for event in (
        email("T-1", 0),
        ev("focus_moved", 0, area="queue"),
        ev("session_ended", 0, reason="completed"),
    ):
        assert check(state, event) == "the session has not started yet"
    with pytest.raises(Refused, match="not started"):
        reduce([ev("note_added", 0, ticket_id="T-1", text="x")])


def test_a_session_cannot_start_twice(base: ExamState, session_started_data: Payload) -> None:
    assert check(base, ev("session_started", 5, **session_started_data())) == (
        "the session has already started"
    )


def test_a_paused_session_still_takes_stimuli_and_system_events(base: ExamState) -> None:
    then(base, ev("session_paused", 10, reason="instructor"))
    assert check(base, ev("customer_message", 11, conversation_id="chat-1", text="Hi?")) is None
    assert check(base, ev("session_ended", 12, reason="proctor-stopped")) is None
    then(base, ev("session_resumed", 40, reason="instructor"))
    assert not base.paused
    assert check(base, ev("ticket_opened", 41, ticket_id="T-1")) is None


def test_the_exam_time_may_stop_exactly_at_the_duration(base: ExamState) -> None:
    then(base, ev("session_ended", 18000, reason="time-up"))
    assert base.ended and base.end_reason == "time-up"
    assert base.now == 18000.0
    assert base.time_left == 0.0


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"duration_s": 0}, "duration must be a positive"),
        ({"groups": [{"id": "network"}]}, "group 'network' needs a name"),
        ({"groups": [{"name": "No id"}]}, "every group needs an id"),
        (
            {"groups": [{"id": "a", "name": "A"}, {"id": "a", "name": "A again"}]},
            "group 'a' appears twice",
        ),
        ({"customers": ["c-ann"]}, "every customer needs an id"),
        (
            {
                "customers": [
                    {
                        "id": "c",
                        "name": "C",
                        "technical_level": "wizard",
                        "mood": "calm",
                        "patience_s": 1,
                    }
                ]
            },
            "technical_level must be one of novice, intermediate, expert",
        ),
        (
            {
                "customers": [
                    {
                        "id": "c",
                        "name": "C",
                        "technical_level": "novice",
                        "mood": "meh",
                        "patience_s": 1,
                    }
                ]
            },
            "mood must be one of calm, irritated, angry",
        ),
        (
            {"customers": [{"id": "c", "name": "C", "technical_level": "novice", "mood": "calm"}]},
            "patience_s must be",
        ),
        (
            {
                "customers": [
                    {
                        "id": "c",
                        "name": "C",
                        "technical_level": "novice",
                        "mood": "calm",
                        "patience_s": 1,
                    },
                    {
                        "id": "c",
                        "name": "D",
                        "technical_level": "novice",
                        "mood": "calm",
                        "patience_s": 1,
                    },
                ]
            },
            "customer 'c' appears twice",
        ),
        (
            {
                "customers": [
                    {"id": "c", "technical_level": "novice", "mood": "calm", "patience_s": 1}
                ]
            },
            "customer 'c' needs a name",
        ),
        (
            {
                "customers": [
                    {
                        "id": "c",
                        "name": "C",
                        "technical_level": "novice",
                        "mood": "calm",
                        "patience_s": 1,
                        "department": 3,
                    }
                ]
            },
            "department must be text",
        ),
        ({"categories": ["hardware", 7]}, "categories must be a list of ids"),
        ({"kb_articles": [""]}, "kb_articles must be a list of ids"),
    ],
)
def test_a_session_start_the_fold_could_not_use_is_refused(
    session_started_data: Payload, overrides: dict[str, Any], reason: str
) -> None:
    event = ev("session_started", 0, **session_started_data(**overrides))
    found = check(ExamState(), event)
    assert found is not None and reason in found


def _profile_with(
    sla_profile: SlaProfile, change: Callable[[dict[str, Any]], None]
) -> dict[str, Any]:
    raw = sla_profile.to_dict()
    change(raw)
    return raw


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda p: p.update(name=None), "'name' must be text"),
        (lambda p: p.update(levels=[]), "'levels' must be a non-empty list"),
        (lambda p: p.update(priorities={}), "at least one priority"),
        (lambda p: p["priorities"]["P1"].pop("update_s"), "priority 'P1' must have exactly"),
        (lambda p: p["priorities"]["P1"].update(name=1), "priority 'P1': 'name' must be text"),
        (
            lambda p: p["priorities"]["P2"].update(resolution_s=0),
            "'resolution_s' must be a positive",
        ),
        (
            lambda p: p["priorities"]["P2"].update(first_response_s="10"),
            "'first_response_s' must be",
        ),
        (lambda p: p["priorities"]["P3"].update(warning_at=1.5), "'warning_at' must be a fraction"),
        (lambda p: p.update(matrix=[]), "'matrix' must map"),
        (
            lambda p: p["matrix"].update(extreme={"high": "P1"}),
            "matrix row 'extreme' is not a level",
        ),
        (lambda p: p["matrix"]["high"].update(never="P1"), "column 'never' is not a level"),
        (lambda p: p["matrix"]["low"].update(low="P9"), "unknown priority 'P9'"),
        (
            lambda p: p.update(pausing_states=["waiting"]),
            "'pausing_states' must be a list of ticket statuses",
        ),
    ],
)
def test_a_session_start_with_an_unusable_sla_profile_is_refused(
    session_started_data: Payload,
    sla_profile: SlaProfile,
    change: Callable[[dict[str, Any]], None],
    reason: str,
) -> None:
    payload = session_started_data(sla_profile=_profile_with(sla_profile, change))
    found = check(ExamState(), ev("session_started", 0, **payload))
    assert found is not None
    assert found.startswith("SLA profile: ") and reason in found


def test_session_started_sets_up_the_exam(
    session_started_data: Payload, sla_profile: SlaProfile
) -> None:
    state = fold(session_started_data())
    assert state.started and not state.ended
    assert state.scenario_id == "printer-floor-2"
    assert state.duration_s == 18000.0 and state.time_left == 18000.0
    assert state.mode == "practice" and state.candidate_id == "cand-001"
    assert state.sla_profile == sla_profile
    assert state.groups == {"network": "Network team", "workplace": "Workplace support"}
    assert state.categories == ["hardware", "software", "access"]
    assert state.kb_articles == frozenset({"KB-001", "KB-002", "KB-003"})
    ann, bob = state.customers["c-ann"], state.customers["c-bob"]
    assert (ann.mood, ann.technical_level, ann.department, ann.patience_s) == (
        "calm",
        "novice",
        "Finance",
        120.0,
    )
    assert (bob.mood, bob.technical_level, bob.department) == ("irritated", "expert", "")


def test_without_a_list_of_articles_any_article_may_be_opened(
    session_started_data: Payload,
) -> None:
    state = fold(session_started_data(kb_articles=None))
    assert state.kb_articles is None
    then(state, ev("kb_article_opened", 5, article_id="KB-777"))
    assert state.kb_lookups[-1].article_id == "KB-777"


def test_chat_messages_unread_counts_and_focus(base: ExamState) -> None:
    then(
        base,
        ev("customer_message", 10, conversation_id="chat-1", text="My printer jams", rule_id="r1"),
        ev("customer_message", 12, conversation_id="chat-1", text="Hello??"),
    )
    chat = base.conversations["chat-1"]
    assert chat.channel == "chat" and chat.subject == "Printer"
    assert [m.author for m in chat.messages] == ["customer", "customer"]
    assert chat.unread() == 2
    assert chat.last_customer_at == 12.0
    then(base, ev("focus_moved", 15, area="conversation", target="chat-1"))
    assert base.focus == ("conversation", "chat-1")
    assert chat.unread() == 0
    then(
        base,
        ev("message_sent", 20, conversation_id="chat-1", text="Let me look", canned_id="greet"),
    )
    mine = chat.messages[-1]
    assert (mine.author, mine.text, mine.at, mine.canned_id, mine.seq) == (
        "candidate",
        "Let me look",
        20.0,
        "greet",
        base.last_seq,
    )
    assert chat.last_candidate_at == 20.0


def test_a_closed_chat_reopens_when_the_customer_writes_again(base: ExamState) -> None:
    then(base, ev("conversation_closed", 10, conversation_id="chat-1"))
    assert base.conversations["chat-1"].status == "closed"
    assert [c.id for c in base.open_conversations()] == ["call-1"]
    then(base, ev("customer_message", 20, conversation_id="chat-1", text="It broke again"))
    assert base.conversations["chat-1"].is_live


def test_talking_over_a_customer_on_a_call_is_recorded(base: ExamState) -> None:
    then(
        base,
        ev(
            "customer_message",
            10,
            conversation_id="call-1",
            text="So what happened is",
            duration_s=8,
        ),
    )
    call = base.conversations["call-1"]
    assert call.is_busy_at(17.9) and not call.is_busy_at(18.0)
    then(base, ev("message_sent", 12, conversation_id="call-1", text="Right"))
    then(base, ev("message_sent", 20, conversation_id="call-1", text="I see"))
    assert [m.interrupted for m in call.messages[1:]] == [True, False]


def test_typing_makes_the_customer_busy_and_a_hang_up_stops_it(base: ExamState) -> None:
    then(base, ev("customer_typing", 10, conversation_id="chat-1", duration_s=5))
    assert base.conversations["chat-1"].is_busy_at(14)
    then(base, ev("customer_message", 11, conversation_id="call-1", text="Well...", duration_s=30))
    then(base, ev("call_ended", 12, conversation_id="call-1", by="customer"))
    call = base.conversations["call-1"]
    assert call.status == "ended" and not call.is_live
    assert not call.is_busy_at(12)


def test_the_candidate_hanging_up_ends_a_call(base: ExamState) -> None:
    then(base, ev("conversation_closed", 10, conversation_id="call-1"))
    assert base.conversations["call-1"].status == "ended"


def test_customer_mood_changes_are_kept_with_their_cause(base: ExamState) -> None:
    then(
        base,
        ev(
            "mood_changed",
            30,
            customer_id="c-ann",
            mood="irritated",
            cause="waited 5 min",
            score=-2,
        ),
    )
    ann = base.customers["c-ann"]
    assert ann.mood == "irritated"
    assert ann.mood_history == [(30.0, "irritated", "waited 5 min")]


def test_kb_searches_and_articles_opened_are_kept_in_order(base: ExamState) -> None:
    then(
        base,
        ev("kb_searched", 10, query="printer jam", results=["KB-001", "KB-002"]),
        ev("kb_article_opened", 12, article_id="KB-002"),
    )
    search, opened = base.kb_lookups
    assert (search.query, search.article_id, search.results, search.at) == (
        "printer jam",
        None,
        ["KB-001", "KB-002"],
        10.0,
    )
    assert (opened.query, opened.article_id, opened.seq) == (None, "KB-002", base.last_seq)


def test_evidence_flags_keep_their_seq_and_time(base: ExamState) -> None:
    then(
        base, ev("evidence_flagged", 40, flag="rude", competency="C3", reason="shouted", ref_seq=3)
    )
    assert base.flags == [
        {
            "flag": "rude",
            "competency": "C3",
            "reason": "shouted",
            "ref_seq": 3,
            "seq": base.last_seq,
            "at": 40.0,
        }
    ]


def test_pause_resume_and_speed_are_state(base: ExamState) -> None:
    then(base, ev("speed_changed", 5, speed=4))
    assert base.speed == 4.0
    then(base, ev("session_paused", 6, reason="coffee"))
    assert base.paused
    then(base, ev("session_resumed", 6, reason="back", downtime_s=300))
    assert not base.paused


def test_speed_up_and_hints_exist_only_in_practice(session_started_data: Payload) -> None:
    state = fold(session_started_data(mode="exam"), email("T-1", 1))
    assert check(state, ev("speed_changed", 5, speed=2)) == "speed-up exists only in practice"
    assert check(state, ev("speed_changed", 5, speed=1)) is None
    assert check(state, ev("hint_requested", 5, ticket_id="T-1")) == "hints exist only in practice"
    practice = fold(session_started_data(), email("T-1", 1))
    assert check(practice, ev("hint_requested", 5, ticket_id="T-1")) is None
    assert check(practice, ev("hint_requested", 5, ticket_id="T-2")) == "there is no such ticket"


def test_events_that_only_matter_to_assessors_change_no_state(base: ExamState) -> None:
    before = copy.deepcopy(base)
    then(
        base,
        ev("disk_fault", 10, message="disk full", recovered_after_s=3),
        ev("lockdown_key_blocked", 11, key="ctrl+z"),
        ev("form_cancelled", 12, form="transfer", target="T-1"),
        ev("hint_requested", 13, ticket_id="T-1", hint="Check the toner"),
    )
    assert base.now == 13.0 and base.last_seq == before.last_seq + 4
    # ... but the session's own course, which the assessors' "Session" part reads (bugs12)
    marks = [(m.type, m.at, m.detail) for m in base.session_marks]
    assert marks == [("disk_fault", 10.0, "disk full"), ("lockdown_key_blocked", 11.0, "ctrl+z")]
    base.now, base.last_seq, base.session_marks = before.now, before.last_seq, []
    assert base == before


def test_reduce_takes_log_seqs_and_exam_time_only_moves_forward(
    session_started_data: Payload,
) -> None:
    state = reduce(
        [
            (1, ev("session_started", 0, **session_started_data())),
            (2, email("T-1", 5)),
            (7, ev("focus_moved", 5, area="ticket", target="T-1")),
        ]
    )
    assert state.last_seq == 7
    assert state.tickets["T-1"].history[0].seq == 2
    assert state.now == 5.0
    plain = fold(session_started_data(), email("T-1", 5))
    assert plain.last_seq == 2


def test_reduce_can_continue_an_existing_state(session_started_data: Payload) -> None:
    first = fold(session_started_data(), email("T-1", 5))
    both = reduce([email("T-2", 6)], first)
    assert both is first
    assert set(both.tickets) == {"T-1", "T-2"}


def test_the_next_ticket_id_skips_ids_already_taken(session_started_data: Payload) -> None:
    state = fold(session_started_data())
    assert state.next_ticket_id() == "T-1001"
    then(state, email("T-1002", 1))  # the scenario's e-mail took the next number
    assert state.next_ticket_id() == "T-1003"
    then(state, created(state.next_ticket_id(), 2))
    assert state.tickets["T-1003"].status == TicketStatus.OPEN
    assert state.next_ticket_id() == "T-1004"
