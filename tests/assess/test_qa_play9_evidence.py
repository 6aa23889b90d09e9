"""Evidence claims found wrong for what a candidate did, reading the reports of three
exams played by hand (branch qa-play9); each reproduced on the test scenario first."""

from __future__ import annotations

from helpdesk_tui.scenario.model import Scenario

from .test_evidence import one, run


def test_screen_work_during_a_call_never_answered_does_not_speak_for_sim1(
    scenario: Scenario,
) -> None:
    """Dutch exam: a call the candidate never said a word in (the caller hung up after
    three "Is anyone working on this?") got "+ 2 screen actions while the call was
    live" under SIM-1: a KB search for another customer's chat, made while it rang."""
    evidence = run(scenario, [
        (244, "kb_searched", {"query": "printer", "results": ["kb-printer-blank-pages"]}),
        (250, "kb_article_opened", {"article_id": "kb-printer-blank-pages"}),
    ])  # fmt: skip
    item = one(evidence, "SIM-1", "screen_during_call", "call-1")
    assert item.favourable is False
    assert item.figures == {"screen_actions": 2, "answered": False}
    assert "nothing said" in item.summary


def test_a_call_answered_keeps_its_screen_work(scenario: Scenario) -> None:
    evidence = run(scenario, [
        (244, "kb_searched", {"query": "vpn", "results": ["kb-vpn-reset"]}),
        (250, "message_sent", {"conversation_id": "call-1", "text": "Hello Marc, I'm on it."}),
    ])  # fmt: skip
    item = one(evidence, "SIM-1", "screen_during_call", "call-1")
    assert item.favourable is True and item.figures["screen_actions"] == 1


def test_the_answer_said_only_among_several_options_is_to_judge_not_absent(
    scenario: Scenario,
) -> None:
    """English exam: the caller was told "sign in at any free counter ... and Desktop
    Support will swap the reader" (the key's option and another at once). SOL-7 said
    "the key's words only in a message that cannot count: several options at once",
    while SIM-1 said "the answer key's solution was not given in the call": false for
    what was said, and it spoke against the candidate."""
    both = "Use a hotspot now, or reinstall the VPN client."
    evidence = run(scenario, [(262, "message_sent", {"conversation_id": "call-1", "text": both})])
    item = one(evidence, "SIM-1", "call_answer", "call-1")
    assert item.favourable is None
    assert "not given" not in item.summary and "several options at once" in item.summary
    assert item.seqs  # the message to look at
    sol7 = one(evidence, "SOL-7", "answer", "vpn-down")
    assert sol7.favourable is None and sol7.seqs[0] in item.seqs


def test_a_dutch_or_french_report_names_the_channel_in_its_language(scenario: Scenario) -> None:
    """ "Geen ticket aangemaakt voor '...' (call)": the channel stayed English in the Dutch
    and French reports (DATA-1 and the reply-latency table)."""
    from helpdesk_tui.assess.evidence import gather_evidence
    from helpdesk_tui.assess.texts import channel_name

    from .kit import play, stimuli

    for lang, word in (("nl", "(oproep)"), ("fr", "(appel)"), ("en", "(call)")):
        evidence = gather_evidence(play(scenario, stimuli(), end_at=900), scenario, language=lang)
        item = one(evidence, "DATA-1", "ticket_missing", "vpn-down")
        assert item.summary.endswith(word), item.summary
    assert channel_name("nl", "call") == "oproep" and channel_name("fr", "email") == "e-mail"


def test_a_still_question_before_the_solution_counts_for_com2(scenario: Scenario) -> None:
    """bugs10: "Do you still ...?" asked before any solution is a clarifying question
    (issue 12: `check` asks whether it works *now*); COM-2 said "0 questions before the
    solution". After a step the same words are a check and do not count."""
    base = one(run(scenario, []), "COM-2", "clarifying_questions", "printer-blank")
    evidence = run(scenario, [
        (70, "message_sent", {"conversation_id": "chat-1", "text": "Do you still get blank pages?"}),
        (80, "message_sent", {"conversation_id": "chat-1", "text": "Please restart the printer."}),
        (90, "message_sent", {"conversation_id": "chat-1", "text": "Do you still get blank pages?"}),
    ])  # fmt: skip
    item = one(evidence, "COM-2", "clarifying_questions", "printer-blank")
    assert (
        item.figures["questions_before_solution"] == base.figures["questions_before_solution"] + 1
    )


def test_a_customer_who_ended_worse_than_she_started_is_not_calmed(scenario: Scenario) -> None:
    """bugs10: COM-6 gave "+" to "Aisha Hussain: calm → irritated → angry → irritated;
    ended irritated" (the competency: calms the customer; she ended worse than she came in).
    Calmer than at her worst is not enough when the start was calmer still."""
    sorry = "I'm so sorry you had to wait, I understand how frustrating this is."
    evidence = run(scenario, [
        (400, "mood_changed", {"customer_id": "anna", "mood": "irritated", "cause": "waiting"}),
        (600, "mood_changed", {"customer_id": "anna", "mood": "angry", "cause": "waiting"}),
        (610, "message_sent", {"conversation_id": "chat-1", "text": sorry}),
        (615, "mood_changed", {"customer_id": "anna", "mood": "irritated", "cause": "empathy"}),
    ])  # fmt: skip
    item = one(evidence, "COM-6", "mood", "anna")
    assert (item.figures["start"], item.figures["worst"], item.figures["end"]) == (
        "calm", "angry", "irritated",
    )  # fmt: skip
    assert item.favourable is False
    assert "worse than at the start (calm)" in item.summary


def test_an_angry_caller_calmed_back_one_step_is_still_credited(scenario: Scenario) -> None:
    """The other side (unchanged): Marc came in angry and ended irritated, calmed by the
    candidate's own words: calmer than he started, "+"."""
    evidence = run(scenario, [
        (250, "message_sent", {"conversation_id": "call-1",
                               "text": "I'm so sorry, I understand this is really annoying."}),
        (252, "mood_changed", {"customer_id": "marc", "mood": "irritated", "cause": "empathy"}),
    ])  # fmt: skip
    item = one(evidence, "COM-6", "mood", "marc")
    assert (item.figures["start"], item.figures["end"]) == ("angry", "irritated")
    assert item.favourable is True and "worse" not in item.summary
