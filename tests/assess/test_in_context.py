"""Rules 2.3 (branch evid12): COM-4 reads a restatement in context, COM-6 credits what calmed.

Scripted exams on the assessment's test scenario: Anna (chat-1) wrote "Hi, the printer only
prints empty pages." and, asked, "It is the HP LaserJet 4250 next to my desk." (the key fact
`model`). The expectations come from the standard's text: COM-4 "paraphrases what the customer
says to state the problem clearly" (in the candidate's words, not copied, not a template);
COM-6 "calms the customer" (the mood over time: what calmed her is what counts).
"""

from __future__ import annotations

from helpdesk_tui.assess.model import Evidence, EvidenceItem
from helpdesk_tui.scenario.model import Scenario

from .test_evidence import one, run
from .test_integrity import ANNA_FACT, to_all_three


def com4_after_fact(scenario: Scenario, text: str) -> EvidenceItem:
    steps = [*ANNA_FACT, (100, "message_sent", {"conversation_id": "chat-1", "text": text})]
    return one(run(scenario, steps), "COM-4", "paraphrase", "printer-blank")


def test_a_restatement_ending_on_a_tag_is_credited(scenario: Scenario) -> None:
    item = com4_after_fact(
        scenario, "Your HP LaserJet 4250 by the desk only gives empty pages, is that right?"
    )
    assert item.favourable is True and item.figures["restated"] == ["model"]


def test_a_restatement_with_no_opener_is_credited(scenario: Scenario) -> None:
    item = com4_after_fact(scenario, "Anna, the LaserJet 4250 at your desk prints empty pages.")
    assert item.favourable is True and item.figures["restated"] == ["model"]
    assert "restate.in_context" in item.summary  # the assessor is told which reading


def test_her_message_pasted_back_with_right_is_an_echo(scenario: Scenario) -> None:
    item = com4_after_fact(scenario, "It is the HP LaserJet 4250 next to my desk, right?")
    assert item.favourable is False and item.figures.get("echo") is True


def test_an_instruction_that_mentions_the_facts_is_no_restatement(scenario: Scenario) -> None:
    item = com4_after_fact(
        scenario, "Since your LaserJet 4250 prints empty pages, open its front cover and look."
    )
    assert item.favourable is False and item.figures["restated"] == []


def test_a_question_that_asks_something_new_is_no_restatement(scenario: Scenario) -> None:
    item = com4_after_fact(
        scenario, "Your LaserJet 4250 prints empty pages: when was the cartridge changed?"
    )
    assert item.favourable is False


def test_a_restatement_sent_to_three_customers_is_a_template(scenario: Scenario) -> None:
    stock = "The device at your desk prints or shows nothing, and that is the problem, right?"
    steps = [*ANNA_FACT, (100, "message_sent", {"conversation_id": "chat-1", "text": stock})]
    steps += to_all_three(stock)[1:]
    item = one(run(scenario, steps), "COM-4", "paraphrase", "printer-blank")
    assert item.favourable is False


# ---------------------------------------------------------------------- COM-6

IRRITATED = (400, "mood_changed", {"customer_id": "anna", "mood": "irritated", "cause": "waiting"})


def com6_after(scenario: Scenario, text: str, *others: tuple) -> Evidence:
    return run(scenario, [
        IRRITATED,
        *others,
        (610, "message_sent", {"conversation_id": "chat-1", "text": text}),
        (615, "mood_changed", {"customer_id": "anna", "mood": "calm", "cause": "empathy"}),
    ])  # fmt: skip


def test_an_apology_that_calmed_her_is_credited(scenario: Scenario) -> None:
    evidence = com6_after(scenario, "Anna, I'm sorry you had to wait this long for me.")
    assert one(evidence, "COM-6", "mood", "anna").favourable is True


def test_a_sympathetic_sorry_that_calmed_her_is_credited(scenario: Scenario) -> None:
    evidence = com6_after(scenario, "I'm sorry you're stuck with this printer, Anna.")
    assert one(evidence, "COM-6", "mood", "anna").favourable is True


def test_a_stock_apology_sent_to_everyone_is_still_not_credited(scenario: Scenario) -> None:
    stock = "We are very sorry for the long wait and thank you for your patience."
    others = to_all_three(stock)[1:]
    item = one(com6_after(scenario, stock, *others), "COM-6", "mood", "anna")
    assert item.favourable is False


def test_the_rules_hash_covers_the_customers_reading() -> None:
    """Rules 2.3 read COM-4 and COM-6 through the customers' modules: a change there is a
    change of measurement, so their source is hashed with the rules."""
    from pathlib import Path

    from helpdesk_tui.assess import rules

    customers = Path(rules.__file__).parent.parent / "customers"
    # 2.4 (evid13) reads the closing question there too; compared as numbers: "2.11" > "2.3"
    assert tuple(map(int, rules.RULES_VERSION.split("."))) >= (2, 3)
    assert {"dialogue.py", "mood.py"} <= set(rules.CUSTOMER_RULE_MODULES)
    assert all((customers / name).is_file() for name in rules.CUSTOMER_RULE_MODULES)


# ---------------------------------------------------------------------- COM-6, rules 2.4
# Anna's rule `thanks` ("tape", "try again", mood calmer) calms her when the candidate tells her
# to pull the sealing tape. The KB article she is helped from says "A new toner cartridge still
# has its sealing tape: pull the tape out and print a test page." (18 words). Issue: a calmer
# nudge from a rule counts as the candidate's own words only when the rule's words are theirs.


def com6_by_rule(scenario: Scenario, text: str, *others: tuple) -> EvidenceItem:
    evidence = run(scenario, [
        IRRITATED,
        *others,
        (610, "message_sent", {"conversation_id": "chat-1", "text": text}),
        (615, "mood_changed", {"customer_id": "anna", "mood": "calm", "cause": "rule thanks"}),
    ])  # fmt: skip
    return one(evidence, "COM-6", "mood", "anna")


def test_a_rule_set_off_by_her_fix_in_own_words_is_credited(scenario: Scenario) -> None:
    item = com6_by_rule(scenario, "Anna, the new cartridge has a strip of tape: pull it off.")
    assert item.favourable is True


def test_a_rule_set_off_by_a_pasted_article_is_not_credited(scenario: Scenario) -> None:
    pasted = (
        "Here is what you can do: A new toner cartridge still has its sealing tape: pull the "
        "tape out and print a test page."
    )
    assert com6_by_rule(scenario, pasted).favourable is False


def test_a_rule_set_off_by_a_stock_sentence_is_not_credited(scenario: Scenario) -> None:
    """The rule's words ("try again") are only in a sentence sent to all three customers; the
    rest of Anna's message is hers but sets nothing off."""
    stock = "Sorry for the trouble, please try again."
    others = to_all_three(stock)[1:]
    text = f"Anna, I had a look at your printer. {stock}"
    assert com6_by_rule(scenario, text, *others).favourable is False


def test_a_rule_set_off_by_her_own_words_given_back_is_not_credited(scenario: Scenario) -> None:
    """A message that is mostly what the customer wrote earns no personal calming, whatever
    its words set off."""
    said = "I pulled some tape off the drum and the printer still only prints empty pages."
    told = (200, "customer_message", {"conversation_id": "chat-1", "text": said})
    text = said.replace(".", "?")
    assert com6_by_rule(scenario, text, told).favourable is False


def test_stock_empathy_around_a_pasted_article_is_not_credited(scenario: Scenario) -> None:
    """The parrot's message: stock empathy, then the article; the mood calmed on the empathy."""
    stock = "I'm sorry for the inconvenience, I understand."
    others = to_all_three(stock)[1:]
    text = (
        f"{stock} Here is what you can do: A new toner cartridge still has its sealing tape: "
        "pull the tape out and print a test page."
    )
    evidence = com6_after(scenario, text, *others)
    assert one(evidence, "COM-6", "mood", "anna").favourable is False


def test_an_apology_before_a_pasted_article_is_mostly_borrowed(scenario: Scenario) -> None:
    """Issue: a message that is mostly pasted KB text earns no personal calming (the apology
    is 3 words of 21; the article's sentence the other 18)."""
    text = (
        "So sorry, Anna. A new toner cartridge still has its sealing tape: pull the tape out "
        "and print a test page."
    )
    assert one(com6_after(scenario, text), "COM-6", "mood", "anna").favourable is False
