"""`herald` (branch evid38): a twelfth cheater written blind from the published documents.

That it plays every bundled scenario blind, never reads the answer key (a scenario whose key is
changed gives it the same actions; its `Peeker` below, which reads the key, acts otherwise), does
the whole job and is deterministic is checked with the other blind cheaters in
test_gaming_blind_cheaters.py. Here: that its search opens what a reader of the hit list would
(the articles expected were chosen by hand from the knowledge bases' titles, for sentences
written for this test, not a scenario's), that a step is read out of an article as written by
hand below, and that no frame is given to two customers (the frames' pieces taken out of the
texts by hand-written rules, not by the generator).
"""

from __future__ import annotations

import pytest

from helpdesk_tui import paths
from helpdesk_tui.core.state import Conversation, Customer, ExamState, Message
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import KbArticle
from helpdesk_tui.simulate.gaming_herald import Case, FrameMaker, HeraldPolicy, article_steps
from helpdesk_tui.simulate.runner import run_headless

CALDER = paths.scenarios_dir() / "en-calder-valley-exam"
LINDEVELD = paths.scenarios_dir() / "nl-lindeveld-examen"
HAUTE_MEUSE = paths.scenarios_dir() / "fr-haute-meuse-examen"
VERHAEGHE = paths.scenarios_dir() / "nl-verhaeghe-dinsdag"


class Peeker(HeraldPolicy):
    """A herald that takes its category from the answer key."""

    def _category(self, state: ExamState, case: Case) -> str | None:
        return self.scenario.incidents[0].answer.category


@pytest.fixture(scope="module")
def policies() -> dict[str, HeraldPolicy]:
    return {
        "en": HeraldPolicy(load_scenario(CALDER)),
        "nl": HeraldPolicy(load_scenario(LINDEVELD)),
        "fr": HeraldPolicy(load_scenario(HAUTE_MEUSE)),
    }


def _state_with(said: str) -> ExamState:
    state = ExamState(language="en")
    state.customers["x"] = Customer("x", "Alex Vermeulen", "novice", "calm", 300.0)
    conv = Conversation("C-x", "chat", "x", 0.0)
    conv.messages.append(Message("customer", said, 1.0, 1))
    state.conversations["C-x"] = conv
    return state


@pytest.mark.parametrize(
    ("language", "said", "article"),
    [
        ("en", "My screen picture has turned upside down since lunch, everything sideways.",
         "kb-screen-rotated"),
        ("en", "Paper is stuck inside the office printer on the second floor.",
         "kb-printer-paper-jam"),
        ("nl", "Mijn camera geeft alleen een zwart beeld als ik in Teams vergader.",
         "kb-camera-zwart-beeld"),
        ("nl", "Excel loopt vast zodra ik mijn begrotingsbestand open.", "kb-excel-loopt-vast"),
    ],
)  # fmt: skip
def test_the_search_keeps_what_a_reader_of_the_hit_list_would(
    policies: dict[str, HeraldPolicy], language: str, said: str, article: str
) -> None:
    policy = policies[language]
    case = Case("C-x", "x", conversation_id="C-x")
    plan = policy._search_plan(_state_with(said), case, "")
    assert case.article == article
    kinds = [kind for kind, _ in plan]
    assert kinds[0] == "kb_searched" and "kb_article_opened" in kinds


def test_an_articles_steps_are_its_list_items_up_to_prose_first_sentence_each() -> None:
    body = (
        "# Title\n\nSome words before.\n\n"
        "1. Click **Start**, then [Settings](http://x). More text here.\n"
        "2. Choose `Display` in the list.\n"
        "3. Ok.\n\n"
        "- a later bullet list item here\n"
    )
    article = KbArticle("kb-t", "Title", (), "en", body, paths.scenarios_dir())
    assert article_steps(article) == [
        "Click Start, then Settings",
        "Choose Display in the list",
        "a later bullet list item here",
    ]
    prose = KbArticle(
        "kb-u",
        "T",
        (),
        "en",
        body.replace("- a later", "After that, a later"),
        paths.scenarios_dir(),
    )
    assert article_steps(prose) == ["Click Start, then Settings", "Choose Display in the list"]


def test_a_french_imperative_is_put_in_the_infinitive() -> None:
    maker = FrameMaker("fr", 1)
    texts = {maker.step("Cliquez sur Paramètres", "", ("c", i)) for i in range(40)}
    infinitive = [t for t in texts if "cliquer sur Paramètres" in t]
    assert infinitive and all("Cliquez sur" in t or "cliquer sur" in t for t in texts)


STEP = "Restart the router in the cupboard"
ECHO = "printer"


def _frame(text: str) -> str:
    """What is left of a framed step when the step and the customer's word are taken out."""
    lower = STEP[0].lower() + STEP[1:]
    return text.replace(STEP, "<s>").replace(lower, "<s>").replace(ECHO, "<e>")


def test_no_frame_is_given_to_two_customers() -> None:
    maker = FrameMaker("en", 7)
    frames = [
        _frame(maker.step(STEP, ECHO, (f"C-{c}", "kb-x", s))) for c in range(32) for s in range(6)
    ]
    assert all("<s>" in f for f in frames)
    assert len(set(frames)) == len(frames)


def test_the_same_customer_and_step_give_the_same_text_and_another_seed_another() -> None:
    one, two = FrameMaker("nl", 3), FrameMaker("nl", 3)
    key = ("C-a", "kb-x", 0)
    assert one.step("Klik op Start", "printer", key) == two.step("Klik op Start", "printer", key)
    assert one.step("Klik op Start", "printer", key) == one.step("Klik op Start", "printer", key)
    other = FrameMaker("nl", 4)
    assert other.step("Klik op Start", "printer", key) != one.step("Klik op Start", "printer", key)


def test_a_whole_run_sends_no_text_to_two_customers() -> None:
    """Every message and ticket reply of a run on Verhaeghe, by customer: none of four words or
    more goes to two of them (the template reading's trigger, docs/assessment.md 3b)."""
    scenario = load_scenario(VERHAEGHE)
    result = run_headless(scenario, HeraldPolicy(scenario))
    state = result.state
    who: dict[str, set[str]] = {}
    for event in result.events:
        if event.type == "message_sent":
            customer = state.conversations[event.data["conversation_id"]].customer_id
        elif event.type == "ticket_reply_added":
            customer = state.tickets[event.data["ticket_id"]].customer_id
        else:
            continue
        if len(event.data["text"].split()) >= 4:
            who.setdefault(event.data["text"], set()).add(customer)
    assert len(who) > 20
    assert [t for t, c in who.items() if len(c) > 1] == []
