"""Evidence texts, where they are shown, name a conversation's customer and subject first.

bugs22's walk: "Gesprek C-helen-crm-down (Helen Carter): ...", "C-tom-lockout: geen van de
2 berichten ..." in the review and the report. An assessor reads who it was and what about;
the id may follow. The names are written here from the bundled scenario (Northwind's
customers), not read from the code; the items themselves (what tests and tools read) keep
their ids, and no status moves.
"""

from __future__ import annotations

import re

import pytest

from helpdesk_tui.assess.names import named
from helpdesk_tui.assess.pipeline import assess_log
from helpdesk_tui.assess.report_html import render_html
from helpdesk_tui.assess.report_terminal import terminal_text
from helpdesk_tui.assess.testing import simulated_log

CUSTOMERS = {  # en-northwind-monday's scenario.toml, as a reader sees it
    "C-helen-crm-down": "Helen Carter",
    "C-tom-lockout": "Tom Fischer",
    "C-liam-mfa-new-phone": "Liam O'Connor",
}
BARE_ID = re.compile(r"(?:^|[-+·] |Gesprek |Chat |Conversation |Appel )C-[a-z]")


@pytest.fixture(scope="module")
def assessed(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    log = simulated_log(tmp_path_factory.mktemp("named") / "naive.jsonl", "naive")
    return assess_log(log, None, unverified=True, language="nl")


def test_the_report_names_the_customer_before_the_id(assessed) -> None:  # type: ignore[no-untyped-def]
    text = terminal_text(assessed.evidence, assessed.provenance, "nl", width=400)
    lines = [line for line in text.splitlines() if re.search(r"^\s+[-+·] ", line)]
    cited = [line for line in lines if "C-" in line]
    assert cited, text
    for line in cited:
        assert not BARE_ID.search(line.strip()), line
    for cid, name in CUSTOMERS.items():
        with_id = [line for line in cited if f"({cid})" in line]
        assert with_id and all(line.index(name) < line.index(cid) for line in with_id), cid


def test_the_html_names_them_too_and_the_items_keep_their_ids(assessed) -> None:  # type: ignore[no-untyped-def]
    html = render_html(assessed.evidence, assessed.provenance, "nl")
    assert "Helen Carter, CRM unavailable for the whole Sales department (C-helen-crm-down)" in (
        html
    )
    raw = [i.summary for items in assessed.evidence.items.values() for i in items]
    assert any(s.startswith("Gesprek C-helen-crm-down (Helen Carter)") for s in raw)


def test_only_whole_ids_are_named() -> None:
    people = {"C-tom": ("Tom Fischer", "Locked out")}
    assert named("C-tom-2: x; XC-tom; C-tom (Tom Fischer): y", people) == (
        "C-tom-2: x; XC-tom; Tom Fischer, Locked out (C-tom): y"
    )
    assert named("C-tom (someone else)", people) == "Tom Fischer, Locked out (C-tom) (someone else)"


def test_the_reviews_evidence_list_names_them(assessed) -> None:  # type: ignore[no-untyped-def]
    from helpdesk_tui.ui.review.assessment import EvidenceList

    evidence_list = EvidenceList()  # the prompt needs no running app
    evidence_list.people = assessed.evidence.conversations
    items = [i for items in assessed.evidence.items.values() for i in items]
    shown = [evidence_list._item_prompt(i).plain for i in items if "C-tom-lockout" in i.summary]
    assert shown and all(s.index("Tom Fischer") < s.index("C-tom-lockout") for s in shown), shown
