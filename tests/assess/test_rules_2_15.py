"""Rules 2.15 (branch evid24): borrowed text that tolerates inserted words; assembled questions.

Hand-written messages on the bundled Calder Valley exam (Lisa's stores printer, its article
`kb-stores-printer`). Each message's label is what an operator means by it, decided from the
standard's "in one's own words" (../shared/standard/competencies.md) and docs/assessment.md,
not from the code:

- An article's sentence with a short word put in every few words, its articles dropped
  ("Till 2 on trade counter so runs same stores yes system ...") is the article, pasted and
  spun: not the candidate's own sentence.
- The same step said inside a sentence of the operator's own ("While we sort the printer, could
  your lads carry on at till 2 on the trade counter?") is their own: they chose the step for
  this customer and said why.
- The customer's message given back whole with fillers and the pronouns turned is an echo:
  it tells and asks the customer nothing of the candidate's (2.10's engagement reads no own
  sentence in it). A restatement of the problem in the operator's words ("the printer in the
  Elland stores is stuck on a red light ...") is the competence itself (COM-4) and stays
  theirs.
- One question put to several customers with its stock parts paired anew each time asks about
  no one's case (2.10's battery); a question for this customer in words of one's own does.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.assess import integrity, substance
from helpdesk_tui.assess.cases import Case, build_cases
from helpdesk_tui.assess.context import Context
from helpdesk_tui.assess.evidence import EvidenceGatherer
from helpdesk_tui.assess.tracker import Action

from .kit import Step, play
from .test_rules_2_7 import exam, opened, say

LISA = "lisa-stores-printer"
OTHERS = ("joanne-ceo-calendar", "aisha-camera-black", "pauline-locked-out")


def context(steps: list[Step], lang: str = "en") -> Context:
    """The assessment's context of the scripted exam, as `EvidenceGatherer.result` builds it."""
    scenario = exam(lang)
    gatherer = EvidenceGatherer(scenario).feed_all(play(scenario, steps, end_at=900))
    state = gatherer.state
    cases = build_cases(state, gatherer.tracker, scenario)
    return Context(state, gatherer.tracker, scenario, lang, cases, gatherer.tracker.finish(),
                   state.now, text_lang=lang)  # fmt: skip


def said_to_lisa(text: str) -> tuple[Context, Case, Action]:
    """Lisa's chat opens, she says her first message, the candidate answers `text`."""
    ctx = context([*opened("en", LISA, 10), say(LISA, 30, text)])
    case = next(c for c in ctx.cases if c.customer_id == "lisa")
    return ctx, case, case.said()[-1]


SPUN = (  # the article's passage, a filler word every few words, its articles dropped
    "After paper jam, red light that so stays on after opening yes lid and switching so off "
    "and on means cutter is broken. Till 2 on trade counter so runs same stores yes system and "
    "prints issue notes: carry so on there yes at once."
)
OWN_STEP = (  # the article's step inside a sentence of the operator's own
    "While we sort the printer out, could your lads carry on at till 2 on the trade counter?",
    "Your lads can keep going from till 2 at the trade counter while Desktop Support brings "
    "you a replacement printer.",
    # one step quoted, as the operator chose it for this customer (no run of eight)
    "Right away: carry on at till 2 on the trade counter, it runs the same stores system.",
)


def test_an_articles_passage_with_fillers_put_in_is_borrowed() -> None:
    ctx, case, action = said_to_lisa(SPUN)
    assert not integrity.kb_copies(ctx, SPUN)  # no exact run of eight: the old rule missed it
    assert integrity.own_sentences(ctx, case, action) == []


@pytest.mark.parametrize("text", OWN_STEP)
def test_an_articles_step_in_a_sentence_of_ones_own_is_own(text: str) -> None:
    ctx, case, action = said_to_lisa(text)
    assert integrity.own_sentences(ctx, case, action) == [text]


ECHOED = "So issue-note printer's got yes red light and won't so print thing, is that right?"
RESTATED = (
    "So the printer in the Elland stores is stuck on a red light and nothing comes out, "
    "have I got that right?"
)


def test_the_customers_message_with_fillers_and_pronouns_turned_is_borrowed() -> None:
    ctx, case, action = said_to_lisa(ECHOED)
    assert integrity.echo_of(case, action) is None  # no exact run of six: the old rule missed it
    assert integrity.own_telling(ctx, case, action) == []


def test_a_restatement_in_ones_own_words_stays_own() -> None:
    ctx, case, action = said_to_lisa(RESTATED)
    assert integrity.own_telling(ctx, case, action) == [RESTATED]


def test_aligned_share_reads_words_in_order_in_one_stretch() -> None:
    assert integrity.aligned_share("abcde", "xxaYbcdeZ") == 1.0  # a word put in the source
    # (2.21) the same words in another order in one stretch: the bag is read, not the order
    assert integrity.aligned_share("abcde", "edcba") == 1.0
    # the same words in order, but scattered over a long text, are no borrowing
    assert integrity.aligned_share("abcde", "a" + "z" * 20 + "b" + "z" * 20 + "cde") == 0.6


PARTS = (  # stock parts, paired anew per customer; "{w}" is the customer's own word
    "which message appears on your screen",
    "since when the {w} has been like this",
    "what you have already tried with the {w}",
    "what exactly you see when the {w} acts up",
)
WORDS = {  # a word of each customer's first message: the slot the template fills
    LISA: "printer", "joanne-ceo-calendar": "calendar", "aisha-camera-black": "camera",
         "pauline-locked-out": "computer"}  # fmt: skip


def assembled(
    pairs: dict[str, tuple[int, int]], more: tuple[Step, ...] = ()
) -> tuple[Context, dict[str, str]]:
    """Each customer's chat opens and gets one question of two stock parts; then `more`."""
    steps: list[Step] = list(more)
    asked = {}
    for n, (incident_id, (a, b)) in enumerate(pairs.items()):
        w = WORDS[incident_id]
        asked[incident_id] = f"Could you tell me {PARTS[a].format(w=w)} and {PARTS[b].format(w=w)}?"
        steps += [*opened("en", incident_id, 10 + 60 * n), say(incident_id, 40 + 60 * n,
                                                              asked[incident_id])]  # fmt: skip
    return context(steps), asked


def is_assembled(ctx: Context, incident_id: str, question: str) -> bool:
    case = next(c for c in ctx.cases if c.incident is not None and c.incident.id == incident_id)
    seq = case.said()[-1].seq
    stems = substance._customer_stems(ctx, case.customer_id, seq)
    return substance._assembled(ctx, question, substance._names(ctx), stems, case.customer_id)


def test_one_question_of_stock_parts_paired_anew_per_customer_is_a_battery() -> None:
    ctx, asked = assembled({LISA: (0, 1), "joanne-ceo-calendar": (1, 2),
                            "aisha-camera-black": (2, 3), "pauline-locked-out": (3, 0)})  # fmt: skip
    assert all(is_assembled(ctx, i, q) for i, q in asked.items())


def test_a_question_of_ones_own_for_this_customer_is_no_battery() -> None:
    own = "Does the red light come on again when you open the lid and close it, and is paper in?"
    ctx, _ = assembled({"joanne-ceo-calendar": (1, 2), "aisha-camera-black": (2, 3),
                        "pauline-locked-out": (3, 0)},
                       (*opened("en", LISA, 300), say(LISA, 330, own)))  # fmt: skip
    assert not is_assembled(ctx, LISA, own)
