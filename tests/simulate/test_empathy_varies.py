"""The ideal candidate's empathy varies from customer to customer (branch evid15), as a competent
operator's does: no sentence of it, with the customer's name read away, reaches three customers
(docs/assessment.md: a stock sentence "reached three customers or more"; a name put in does not
make it another sentence), so COM-6 could read names away without costing the ideal anything.
Counted here on the run's own messages, by the customers' names the scenario gives, not by the
evidence code.
"""

from __future__ import annotations

import re

import pytest
from bundled_kit import on_scenario_runs

from helpdesk_tui.simulate.runner import RunResult

SIX = (
    "en-calder-valley-exam",
    "en-northwind-monday",
    "fr-haute-meuse-examen",
    "fr-val-de-lesse-garde",
    "nl-lindeveld-examen",
    "nl-verhaeghe-dinsdag",
)
SENTENCE = re.compile(r"(?<=[.!?])\s+")
EMPATHY = re.compile(r"\b(understand|sorry|comprends|désolé|begrijp|spijt)\b", re.IGNORECASE)


@pytest.mark.parametrize(("scenario_id", "policy"), on_scenario_runs((s, "ideal") for s in SIX))
def test_no_empathy_sentence_by_name_reaches_three_customers(
    bundled_runs: dict[tuple[str, str], RunResult],
    bundled_scenarios: dict,
    scenario_id: str,
    policy: str,
) -> None:
    scenario = bundled_scenarios[scenario_id]
    firsts = {c.name.split()[0] for c in scenario.customers}
    reached: dict[str, set[str]] = {}
    for event in bundled_runs[(scenario_id, policy)].events:
        if event.type not in ("message_sent", "ticket_reply_added"):
            continue
        for sentence in SENTENCE.split(event.data.get("text") or ""):
            named = [n for n in firsts if re.search(rf"\b{re.escape(n)}\b", sentence)]
            if len(named) != 1 or not EMPATHY.search(sentence):
                continue
            key = re.sub(rf"\b{re.escape(named[0])}\b", "", sentence).lower()
            reached.setdefault(key, set()).add(named[0])
    assert sum(len(who) for who in reached.values()) >= 2  # it does speak to upset customers
    assert max(len(who) for who in reached.values()) < 3, reached
