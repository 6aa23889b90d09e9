"""perf23: 2.15's aligned reading of a message (`integrity._message_aligned`) read once per
text and what its customer had said or written before (`customer_wrote`), and kept per
message as before.

The expected answers come from a fresh reading of each message, on a context and a case with
empty caches (nothing kept from any other message), not from the kept ones: a reading kept by
the text alone hands a message sent again after the customer spoke the answer of the first
sending, and fails here.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from bundled_kit import on_scenario_runs

from helpdesk_tui.assess import integrity
from helpdesk_tui.assess.cases import Case, build_cases
from helpdesk_tui.assess.context import Context
from helpdesk_tui.assess.evidence import EvidenceGatherer
from helpdesk_tui.assess.tracker import Action

from .test_rules_2_7 import incident, opened, say
from .test_rules_2_15 import context
from .test_rules_2_21 import CUSTOMERS
from .test_rules_2_22 import WOVEN


def fresh(ctx: Context, case: Case, action: Action) -> tuple[frozenset[str], ...]:
    """The message's aligned clauses read with nothing kept: a new context, the case's
    caches emptied for the reading (and given back after it)."""
    kept = case.cache
    case.cache = {}
    try:
        return integrity._message_aligned(replace(ctx, cache={}), case, action)
    finally:
        case.cache = kept


def test_the_same_text_before_and_after_the_customer_gives_it_back() -> None:
    """The woven steps sent, the customer pastes them back, the same text sent again: the
    second sending's clauses are the customer's words now (2.15's `customer_borrowed`), the
    first's were not; each reading is the fresh one, not the other sending's."""
    lang = "en"
    incident_id = CUSTOMERS[lang][0]
    conv = f"c-{incident_id}"
    second = incident(lang, incident_id).messages[1].text
    ctx = context(
        [
            *opened(lang, incident_id, 10),
            (20, "customer_message", {"conversation_id": conv, "text": second}),
            say(incident_id, 30, WOVEN[lang]),
            (40, "customer_message", {"conversation_id": conv, "text": WOVEN[lang]}),
            say(incident_id, 50, WOVEN[lang]),
        ],
        lang,
    )
    case = next(c for c in ctx.cases if c.incident and c.incident.id == incident_id)
    first, again = [a for a in case.said() if a.text == WOVEN[lang]]
    want_first, want_again = fresh(ctx, case, first), fresh(ctx, case, again)
    assert want_first != want_again  # the customer's words moved the reading
    assert not want_first[1] and want_again[1]
    assert integrity._message_aligned(ctx, case, first) == want_first
    assert integrity._message_aligned(ctx, case, again) == want_again
    assert integrity.aligned_clauses(ctx, case, again)[1] == want_again[1]


def test_a_text_sent_twice_while_the_customer_is_silent() -> None:
    """Two messages of one text with the same words of the customer before them share one
    reading (kept once), and it is the fresh reading of each."""
    lang = "en"
    incident_id = CUSTOMERS[lang][0]
    ctx = context(
        [*opened(lang, incident_id, 10), say(incident_id, 30, WOVEN[lang]),
         say(incident_id, 40, WOVEN[lang])],
        lang,
    )  # fmt: skip
    case = next(c for c in ctx.cases if c.incident and c.incident.id == incident_id)
    one, two = case.said()[-2:]
    assert integrity.customer_wrote(case, one) == integrity.customer_wrote(case, two)
    assert integrity._message_aligned(ctx, case, one) == fresh(ctx, case, one)
    assert integrity._message_aligned(ctx, case, two) is integrity._message_aligned(ctx, case, one)
    assert len(ctx.cache["aligned_read"]) == 1


RUNS = [
    ("en-calder-valley-exam", "broker"),
    ("nl-verhaeghe-dinsdag", "worded"),
    ("fr-haute-meuse-examen", "ideal"),
]


@pytest.mark.parametrize(("scenario_id", "policy"), on_scenario_runs(RUNS))
def test_a_run_reads_every_message_as_afresh(
    bundled_runs, bundled_scenarios, scenario_id: str, policy: str
) -> None:
    """Every message of a whole run (broker: the cheater 2.22 reads; a phrase bank; the ideal
    candidate), kept reading against the fresh one, each at its place in its case."""
    scenario = bundled_scenarios[scenario_id]
    fold = EvidenceGatherer(scenario).feed_all(
        enumerate(bundled_runs[scenario_id, policy].events, 1)
    )
    state = fold.state
    cases = build_cases(state, fold.tracker, scenario)
    ctx = Context(state, fold.tracker, scenario, state.language, cases, fold.tracker.finish(),
                  state.now, text_lang=state.language)  # fmt: skip
    read = [
        (integrity._message_aligned(ctx, case, action), fresh(ctx, case, action))
        for case in cases
        for action in case.said()
    ]
    assert len(read) > 20
    assert all(kept == want for kept, want in read)
    assert any(want != (frozenset(), frozenset()) for _, want in read)
