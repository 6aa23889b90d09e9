"""Rules 2.20 (branch evid30): borrowed text given back in pieces out of order; ids in a frame.

Hand-written chats on the bundled exams. The wordings are none of the phrase banks' and not the
cheaters'. Each label is what an assessor would judge, decided from docs/assessment.md 3b (2.15:
"would the clause still be the article's, or the customer's, if you crossed out the little
words?"; an article's passage is no own sentence) and the standard's SIM-2/COM-3 (ways of
working shown on cases taken up), not from the code:

- An article's steps given back with each sentence's parts in another order ("Click
  'Forgotten your password?', on the sign-in screen") are still the article's steps: every
  part is a stretch of the article, only the parts were shuffled. The operator passed the
  article on; they did not tell Pauline the answer in their own words.
- The same when the steps come one a message in another order than the article's (step three
  first): the article read out, a step a message (2.19), whatever the order.
- The customer's own message given back part by part, last part first, is their words (Lisa's
  "The issue-note printer's got a red light and won't print a thing").
- An operator who explains two steps in their own words, in the article's order or in their
  own, with commas of their own, stays their own: they took up Pauline's case.
- A stock question made unique only by the ticket id or a number in its frame ("Re T-1001:
  what does it say on the screen right now?") put to two customers is the same stock question:
  it asks about no one's case (2.10's battery).
"""

from __future__ import annotations

import pytest

from helpdesk_tui.assess import integrity, substance

from .test_rules_2_12 import OTHER, asked
from .test_rules_2_15 import said_to_lisa
from .test_rules_2_19 import pauline
from .test_rules_2_21 import in_order

FILED = (  # the article's three steps, each sentence's parts given back last part first
    "Pauline, here's what to do: 1) Click 'Forgotten your password?', on the sign-in screen. "
    "2) Type it in, on the mobile number HR has on file, a code arrives by text. 3) The lock "
    "is lifted at once, twice, choose a new password. Does it work?",
)
SPREAD_BACKWARDS = (  # the steps word for word, one a message, the article's last step first
    "Last one first, Pauline: choose a new password twice and the lock is lifted at once. Okay?",
    "Before that, Pauline: a code arrives by text on the mobile number HR has on file; "
    "type it in. Okay?",
    "And to start, Pauline: on the sign-in screen, click 'Forgotten your password?'. Okay?",
)
OWN_IN_ORDER = (  # two steps in the operator's words and order, commas of their own
    "Pauline, that 'locked' message only means the password was tried a few times after your "
    "leave. Just below the box where you type it there's a small link, 'Forgotten your "
    "password?', so click that one for me.",
    "Lovely. In a minute your own mobile will buzz with a text from us, and the short code in "
    "it goes into the box on the screen.",
    "Perfect. Now make up a new password you'll remember, type it in twice, and you can send "
    "the rota through to the night staff well before twelve.",
)
OWN_OUT_OF_ORDER = (  # the same, the mobile first: the operator's own order
    "Pauline, keep your mobile near you, because in a minute it will buzz with a text from us "
    "with a short code in it. That 'locked' message only means the password was tried a few "
    "times after your leave.",
    "Lovely. Now, before you type the code, there's a small link under the password box, "
    "'Forgotten your password?', which you click first.",
    "Perfect. Type in the code, then make up a new password you'll remember, twice, and you "
    "can send the rota through before twelve.",
)


def test_steps_filed_the_other_way_round_are_the_articles() -> None:
    ctx, case = pauline(FILED)
    action = case.said()[-1]
    assert len(integrity._message_aligned(ctx, case, action)[0]) == 3
    assert not integrity.own_sentences(ctx, case, action)
    assert substance.engagement(ctx, case) is None


def test_read_in_order_the_filed_steps_were_her_case_taken_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Read in order (2.19's reading; 2.21's `in_order`) the filed steps passed as the answer
    in the operator's own words: the test above can fail."""
    monkeypatch.setattr(integrity, "aligned_at", in_order)
    ctx, case = pauline(FILED)
    taken = substance.engagement(ctx, case)
    assert taken is not None and taken.how == "answer"


def test_steps_read_out_in_another_order_are_the_article_read_out() -> None:
    ctx, case = pauline(SPREAD_BACKWARDS)
    reading = integrity.contact_reading(ctx, case)
    assert reading is not None and reading.article == "kb-locked-out"
    assert reading.messages == 3
    assert {seq for seq, _ in integrity.contact_passage(ctx, case)} == {
        a.seq for a in case.said()[1:]
    }
    assert substance.engagement(ctx, case) is None


@pytest.mark.parametrize("messages", [OWN_IN_ORDER, OWN_OUT_OF_ORDER], ids=["own", "own-order"])
def test_two_steps_explained_in_ones_own_words_stay_ones_own(messages: tuple[str, ...]) -> None:
    ctx, case = pauline(messages)
    assert integrity.contact_passage(ctx, case) == frozenset()
    for action in case.said()[1:]:
        assert not integrity._message_aligned(ctx, case, action)[0]
    taken = substance.engagement(ctx, case)
    assert taken is not None and taken.how == "answer"


GIVEN_BACK = "Won't print a thing, a red light, your issue-note printer has got, is that right?"
"""Lisa's "The issue-note printer's got a red light and won't print a thing." last part first."""


def test_her_words_given_back_last_part_first_are_hers() -> None:
    ctx, case, action = said_to_lisa(GIVEN_BACK)
    assert integrity._message_aligned(ctx, case, action)[1] == {GIVEN_BACK}


def test_read_in_order_her_words_given_back_were_the_operators(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(integrity, "aligned_at", in_order)
    ctx, case, action = said_to_lisa(GIVEN_BACK)
    assert not integrity._message_aligned(ctx, case, action)[1]


FILE_QUESTIONS = {  # a stock question, unique to each customer only by the file number
    "en": "Re T-10{n}: what does it say on the screen right now?",
    "fr": "Dossier T-10{n} : que dit l'écran en ce moment ?",
    "nl": "Dossier T-10{n}: wat staat er nu op het scherm?",
}


@pytest.mark.parametrize("lang", sorted(FILE_QUESTIONS))
def test_a_stock_question_with_each_file_number_is_a_battery(lang: str) -> None:
    frame = FILE_QUESTIONS[lang]
    got = asked(lang, frame.format(n="04"), frame.format(n="27"))
    assert got == {"SIM-2": None, "COM-3": None}


@pytest.mark.parametrize("lang", sorted(FILE_QUESTIONS))
def test_the_file_number_once_and_a_question_of_ones_own_elsewhere_is_credited(
    lang: str,
) -> None:
    got = asked(lang, FILE_QUESTIONS[lang].format(n="04"), OTHER[lang])
    assert got == {"SIM-2": True, "COM-3": True}


@pytest.mark.parametrize("lang", sorted(FILE_QUESTIONS))
def test_with_the_numbers_read_the_file_question_took_her_case_up(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without ids read away (2.19) the number made the stock question unique."""
    monkeypatch.setattr(substance, "_slot", lambda word, names: word in names)
    frame = FILE_QUESTIONS[lang]
    got = asked(lang, frame.format(n="04"), frame.format(n="27"))
    assert got == {"SIM-2": True, "COM-3": True}


CAMERA_SAID = (  # a customer's two messages about a black camera picture
    "In the Camera app as well: only black, with a small grey camera symbol in the middle.",
    "Next to the camera a small white light comes on when I open Teams.",
)
CAMERA_RESTATED = (
    "In the Camera app only black and the light: next to the camera a small white light comes "
    "on, with Teams open"
)
"""Words of both messages given back in one restatement: the customer's, whatever article says
the same (a contact's steps are read in any order, so such a restatement beside the article's
steps in another message would make the contact look read out)."""


def test_a_restatement_of_two_of_their_messages_is_theirs() -> None:
    ctx, _ = pauline(())
    assert not integrity._given_back(ctx, CAMERA_RESTATED, CAMERA_SAID[:1])
    assert not integrity._given_back(ctx, CAMERA_RESTATED, CAMERA_SAID[1:])
    assert integrity._given_back(ctx, CAMERA_RESTATED, (" ".join(CAMERA_SAID),))
