"""A rough check, per competency, that a log holds evidence for it.

Not the assessment (that is `helpdesk_tui.assess`) and not the product's
text matching either: a test oracle of its own, from the standard's
"evidence the log can carry" table (standard/competencies.md), reading the
events with plain string tests written here (casefold, accents folded,
substring of whole words). It shares no code with `customers.dialogue` or
the language layer, so a matcher that drifts cannot make its own test pass.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.state import ExamState
from helpdesk_tui.scenario.model import Scenario, keyword_forms
from helpdesk_tui.simulate.runner import RunResult

SCREEN_WORK = {
    "ticket_created", "ticket_updated", "ticket_linked", "kb_searched", "kb_article_opened",
    "ticket_transferred", "ticket_resolved", "note_added", "ticket_closed",
}  # fmt: skip
MOOD_RANK = {"calm": 0, "irritated": 1, "angry": 2}
NEWS_WORDS = {
    "en": ("update", "working on", "get back to you", "news", "passed", "informed"),
    "nl": ("update", "bezig", "hoort", "nieuws", "doorgegeven", "op de hoogte"),
    "fr": ("point", "occupe", "reviens", "nouvelles", "transmis", "courant"),
}
"""Words of a progress message, as this oracle reads one (not the product's lexicon)."""
GREETINGS = {
    "en": ("good morning", "hello", "hi "),
    "nl": ("goedemorgen", "goeiemorgen", "dag ", "hallo"),
    "fr": ("bonjour",),
}


def fold(text: str) -> str:
    """Lower case, accents off, punctuation a space: enough to find a word in a sentence."""
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).casefold()
    return " " + " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split()) + " "


def says(text: str, phrase: str) -> bool:
    """The phrase starts a word of the text (so "kabel" is in "kabels", not in "beeldkabel")."""
    return (" " + fold(phrase).strip()) in fold(text)


def _of(events: list[Event], *types: str) -> list[Event]:
    return [e for e in events if e.type in types]


def _flags(state: ExamState, competency: str) -> list[dict[str, object]]:
    return [f for f in state.flags if f["competency"] == competency]


def _live_spans(events: list[Event]) -> dict[str, tuple[float, float]]:
    spans: dict[str, tuple[float, float]] = {}
    for e in events:
        conv = e.data.get("conversation_id")
        if e.type == "call_started":
            spans[conv] = (e.exam_time, float("inf"))
        elif e.type in ("call_ended", "conversation_closed") and conv in spans:
            spans[conv] = (spans[conv][0], min(spans[conv][1], e.exam_time))
    return spans


def _screen_during_call(events: list[Event]) -> bool:
    """Ticket or KB work while a call was live (SIM-1)."""
    spans = _live_spans(events).values()
    work = [e.exam_time for e in events if e.type in SCREEN_WORK]
    return bool(spans) and any(a <= t <= b for t in work for a, b in spans)


def _during_speech(events: list[Event]) -> bool:
    """Screen work while a caller is still speaking (SIM-3)."""
    calls = {e.data["conversation_id"] for e in _of(events, "call_started")}
    spans = [
        (e.exam_time, e.exam_time + e.data.get("duration_s", 0.0))
        for e in _of(events, "customer_message")
        if e.data["conversation_id"] in calls
    ]
    work = [e.exam_time for e in events if e.type in SCREEN_WORK]
    return any(a <= t < b for t in work for a, b in spans)


def _parallel_chats(events: list[Event]) -> bool:
    """A chat message while another chat is open (SIM-2)."""
    open_chats: set[str] = set()
    for e in events:
        if e.type == "chat_opened":
            open_chats.add(e.data["conversation_id"])
        elif e.type == "conversation_closed":
            open_chats.discard(e.data["conversation_id"])
        elif (
            e.type == "message_sent"
            and e.data["conversation_id"] in open_chats
            and len(open_chats) > 1
        ):
            return True
    return False


def _calmed_an_angry_customer(scenario: Scenario, events: list[Event]) -> bool:
    """A customer who started irritated or angry ends a mood change calmer than that."""
    start = {c.id: MOOD_RANK[c.mood.value] for c in scenario.customers if c.mood.value != "calm"}
    return any(
        e.data["customer_id"] in start and MOOD_RANK[e.data["mood"]] < start[e.data["customer_id"]]
        for e in _of(events, "mood_changed")
    )


def _kb_before_answer(scenario: Scenario, state: ExamState, events: list[Event]) -> bool:
    opened: dict[str, float] = {}  # first opening: one article may serve several incidents
    for e in _of(events, "kb_article_opened"):
        opened.setdefault(e.data["article_id"], e.exam_time)
    for ticket in state.tickets.values():
        if ticket.incident_id is None or ticket.resolved_at is None:
            continue
        answer = scenario.incident(ticket.incident_id).answer
        article = answer.fitting_option.kb_article if answer.fitting_option else answer.kb_article
        if article not in opened or opened[article] > ticket.resolved_at:
            return False
    return bool(opened)


def _told(state: ExamState, ticket_id: str) -> list[str]:
    """Everything the ticket's customer read: replies on it, messages in its conversations."""
    ticket = state.tickets[ticket_id]
    texts = [text for _, text in ticket.replies]
    for conv_id in ticket.conversation_ids:
        conv = state.conversations[conv_id]
        texts += [m.text for m in conv.messages if m.author == "candidate"]
    return texts


def _solutions_given(scenario: Scenario, state: ExamState) -> bool:
    """Every resolved ticket's customer was told words of its key, an alternative or the option."""
    resolved = [t for t in state.tickets.values() if t.incident_id and t.resolved_at is not None]

    def told_the_answer(ticket_id: str, incident_id: str) -> bool:
        answer = scenario.incident(incident_id).answer
        keysets = [answer.solution_keywords, *(a.solution_keywords for a in answer.alternatives)]
        keysets += [o.solution_keywords for o in answer.options if o.fits]
        told = " ".join(_told(state, ticket_id))
        return answer.transfer_group is not None or any(
            keys and all(any(_told_word(told, f) for f in keyword_forms(k)) for k in keys)
            for keys in keysets
        )

    return bool(resolved) and all(told_the_answer(t.id, t.incident_id or "") for t in resolved)


def _told_word(told: str, word: str) -> bool:
    """One form of a keyword ("counter 5 | free counter" has two) is in what the customer was told."""
    return says(told, word) or fold(word).strip() in fold(told)


def _fitting_options(scenario: Scenario, state: ExamState) -> bool:
    with_options = [
        t
        for t in state.tickets.values()
        if t.incident_id and scenario.incident(t.incident_id).answer.options
    ]
    return bool(with_options) and all(
        t.solution == scenario.incident(t.incident_id or "").answer.fitting_option.text  # type: ignore[union-attr]
        for t in with_options
    )


def _by_priority(state: ExamState, events: list[Event]) -> bool:
    """Nothing of lower priority was taken in hand while a higher one waited untouched."""
    touched: set[str] = set()
    for e in events:
        ticket_id = e.data.get("ticket_id")
        if e.kind.value != "command" or not isinstance(ticket_id, str) or ticket_id in touched:
            continue
        mine = state.tickets[ticket_id].priority or "P9"
        waiting = [
            t for t in state.tickets.values()
            if t.id not in touched and t.created_at <= e.exam_time and (t.priority or "P9") < mine
            and t.first_response_at is None and t.source != "candidate"
        ]  # fmt: skip
        if waiting:
            return False
        touched.add(ticket_id)
    return bool(touched)


def _progress_updates(scenario: Scenario, events: list[Event]) -> bool:
    words = NEWS_WORDS.get(scenario.language, NEWS_WORDS["en"])
    return any(
        sum(says(e.data["text"], w) for w in words) >= 2
        for e in _of(events, "message_sent", "ticket_reply_added")
    )


def _greets_first(scenario: Scenario, state: ExamState) -> bool:
    """Every conversation opens with a greeting (a canned one, or a greeting word)."""
    words = GREETINGS.get(scenario.language, GREETINGS["en"])
    firsts = [
        next((m.text for m in c.messages if m.author == "candidate"), None)
        for c in state.conversations.values()
        if not c.id.endswith("-news")
    ]
    return bool(firsts) and all(
        t is not None and any(fold(w).strip() in fold(t) for w in words) for t in firsts
    )


def checks(result: RunResult, scenario: Scenario) -> dict[str, Callable[[], bool]]:
    """Per competency id, a check of the run's log."""
    st, ev = result.state, result.events
    sent = _of(ev, "message_sent")
    novices = {c.id for c in st.customers.values() if c.technical_level == "novice"}
    return {
        "SIM-1": lambda: _screen_during_call(ev),
        "SIM-2": lambda: _parallel_chats(ev),
        "SIM-3": lambda: _during_speech(ev),
        "DATA-1": lambda: bool(_of(ev, "ticket_created")),
        "DATA-2": lambda: bool(_of(ev, "ticket_updated", "note_added")),
        "DATA-3": lambda: bool(_of(ev, "ticket_transferred")),
        "DATA-4": lambda: bool(_of(ev, "ticket_closed")),
        "DATA-5": lambda: (
            bool(_of(ev, "kb_searched"))
            and any("canned_id" in e.data for e in sent)
            and bool(_of(ev, "ticket_linked"))
        ),
        "COM-1": lambda: _greets_first(scenario, st),
        "COM-2": lambda: bool(_flags(st, "COM-2")),
        "COM-3": lambda: bool(sent) and not _flags(st, "COM-3"),
        "COM-4": lambda: bool(_flags(st, "COM-4")),
        "COM-5": lambda: (
            any(st.conversations[e.data["conversation_id"]].customer_id in novices for e in sent)
            and not _flags(st, "COM-5")
        ),
        "COM-6": lambda: _calmed_an_angry_customer(scenario, ev),
        "SOL-1": lambda: _kb_before_answer(scenario, st, ev),
        "SOL-2": lambda: _kb_before_answer(scenario, st, ev),
        "SOL-3": lambda: not result.breached_tickets,
        "SOL-4": lambda: _by_priority(st, ev),
        "SOL-5": lambda: bool(_flags(st, "SOL-5")),
        "SOL-6": lambda: _progress_updates(scenario, ev),
        "SOL-7": lambda: _solutions_given(scenario, st),
        "SOL-8": lambda: _fitting_options(scenario, st),
    }


def missing(result: RunResult, scenario: Scenario) -> list[str]:
    """The competency ids whose check fails."""
    return [cid for cid, check in checks(result, scenario).items() if not check()]
