"""Rules 2.19 (branch evid28): a contact's messages read together against its article.

Hand-written chats with Pauline on the bundled Calder Valley exam (locked out after three weeks'
leave; her article `kb-locked-out` lists three numbered steps: "Forgotten your password?", the
code by text, a new password twice). The wordings are none of the phrase banks' and not the
cheaters'. Each chat's label is what an assessor would judge, decided from the standard's
SIM-2/COM-3 ("communicates ... while following the information on screen", "lets the customer
finish explaining the problem": ways of working shown on cases taken up) and docs/assessment.md
3b (2.15: an article's passage is no own sentence; one step quoted stays the operator's), not
from the code:

- The article read out a step a message, a frame and a check around each step ("Next one,
  Pauline: ... Does that work now?") or a filler put in every few words, is the article's
  passage spread over messages: the operator passed the article on, they did not take up
  Pauline's case. Her quick replies are to judge.
- The same three steps walked through in the operator's own words, Pauline's situation (the
  screen that says "locked", her mobile, the rota before twelve) woven in, is the competence:
  taken up, credited.
- The article's steps quoted word for word, one a message, inside a walk-through that mostly
  tells Pauline things of the operator's own about her case, stays the operator's: they chose
  the steps for her and said why.
- One step quoted, the rest in the operator's own words, stays the operator's (2.15).

The same in Dutch with Ria on the Lindeveld exam (`kb-aanmelding-vergrendeld`, whose steps are
one list item cut by semicolons): the article read out a step a message is the article's; the
walk-through in the operator's words is theirs. A read-out of its shortest parts (under five
content words each) is not read: a strict expected failure, the documented limit.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.assess import integrity, substance
from helpdesk_tui.assess.cases import Case

from .kit import Step
from .test_rules_2_7 import evidence_of, one, opened, say
from .test_rules_2_15 import context

PAULINE = "pauline-locked-out"
CONV = f"c-{PAULINE}"
OPENING = "Hello Pauline, Sam here on the IT desk. Let's get you back in."

READ_OUT = {  # the article's three steps, one a message, in a frame with a check; "the" turned
    # into "your": no run of eight of the article's words (2.0's KB copy) is left
    "framed": (
        "First thing to try, Pauline: on your sign-in screen, click 'Forgotten your password?'. "
        "Does that work now?",
        "Next one, Pauline: a code arrives by text on your mobile number HR has on your file; "
        "type it in. Is it working now?",
        "Then please, Pauline: choose your new password twice and your lock is lifted at once. "
        "Any better now?",
    ),
    "fillers": (  # a short word every few words, the determiners turned, the name put in
        "So Pauline, on your sign-in screen, yes, click so 'Forgotten your password?' Okay?",
        "Right, a code so arrives by text, Pauline, on your mobile number yes HR has on your "
        "file, so type it in. Okay?",
        "And so choose your new password, Pauline, twice, yes, and your lock is lifted so at "
        "once. Okay?",
    ),
}
WOVEN = (  # the same steps, in the operator's own words, her situation woven in
    "Pauline, that 'locked' message only means the password was tried a few times after your "
    "leave. Just below the box where you type it there's a small link that says 'Forgotten "
    "your password?': click that one for me.",
    "Lovely. In a minute your own mobile will buzz with a text from us; the short code in it "
    "goes into the box on the screen.",
    "Perfect. Now make up a new password you'll remember and type it in twice, and you can "
    "send the rota through to the night staff well before twelve.",
)
QUOTED_IN_OWN = (  # the steps word for word, one a message, inside a walk-through of her own
    "Pauline, that 'locked' message only means the password was tried a few times after your "
    "three weeks away, nothing is broken and the rota will still go out before twelve.",
    "Here is the way back in: on your sign-in screen, click 'Forgotten your password?'.",
    "Your mobile is the one HR took down when you started, so the text with the code will come "
    "to the phone you have with you this morning.",
    "Then: a code arrives by text on your mobile number HR has on your file; type it in.",
    "After that you pick a new password of your own, one you'll remember after a holiday, and "
    "the night staff get their shifts as usual.",
)
ONE_QUOTED = (  # one step quoted, the rest the operator's own
    "Pauline, that 'locked' message only means the password was tried a few times after your "
    "leave. Right away: on your sign-in screen, click 'Forgotten your password?'.",
    "Lovely. In a minute your own mobile will buzz with a text from us; the short code in it "
    "goes into the box on the screen.",
    "Perfect. Now make up a new password you'll remember and type it in twice, and you can "
    "send the rota through to the night staff well before twelve.",
)
REPLIES = ("Okay, I've clicked it.", "Yes, there's a text with numbers. I've typed them.")


def chat(messages: tuple[str, ...]) -> list[Step]:
    """Pauline's chat: the opening within seconds, then each message, her reply after each."""
    steps = [*opened("en", PAULINE, 10), say(PAULINE, 20, OPENING)]
    for k, text in enumerate(messages):
        at = 40 + 30 * k
        steps.append(say(PAULINE, at, text))
        if k < len(REPLIES):
            steps.append((at + 15, "customer_message", {"conversation_id": CONV,
                                                        "text": REPLIES[k]}))  # fmt: skip
    return steps


def pauline(messages: tuple[str, ...]) -> tuple[object, Case]:
    ctx = context(chat(messages))
    return ctx, next(c for c in ctx.cases if c.customer_id == "pauline")


@pytest.mark.parametrize("how", sorted(READ_OUT))
def test_an_article_read_out_a_step_a_message_is_the_articles(how: str) -> None:
    ctx, case = pauline(READ_OUT[how])
    passage = integrity.contact_passage(ctx, case)
    assert {seq for seq, _ in passage} == {a.seq for a in case.said()[1:]}  # every step message
    assert substance.engagement(ctx, case) is None
    for action in case.said()[1:]:
        assert not integrity.own_sentences(ctx, case, action)


@pytest.mark.parametrize("how", sorted(READ_OUT))
def test_in_one_message_alone_each_step_stays_the_operators(how: str) -> None:
    """The measure reads the contact, not the message: each step alone is one step quoted
    (2.15), which is why the article read out a step a message passed before 2.19."""
    ctx, case = pauline(READ_OUT[how])
    for action in case.said()[1:]:
        assert not integrity.kb_copies(ctx, action.text or "")
        assert not integrity._message_aligned(ctx, case, action)[0]


@pytest.mark.parametrize("how", sorted(READ_OUT))
def test_without_the_contact_read_whole_the_read_out_took_up_her_case(
    how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(integrity, "CONTACT_ARTICLE_SHARE", 1.01)
    ctx, case = pauline(READ_OUT[how])
    taken = substance.engagement(ctx, case)
    assert taken is not None and taken.how == "answer"


@pytest.mark.parametrize(
    "messages", [WOVEN, QUOTED_IN_OWN, ONE_QUOTED], ids=["woven", "quoted-in-own", "one-quoted"]
)
def test_a_walk_through_of_ones_own_stays_taken_up(messages: tuple[str, ...]) -> None:
    ctx, case = pauline(messages)
    assert integrity.contact_passage(ctx, case) == frozenset()
    taken = substance.engagement(ctx, case)
    assert taken is not None and taken.how == "answer"


def test_the_walk_through_with_quotes_is_read_but_mostly_her_own() -> None:
    """Its two quoted steps lie in the article's order over two messages (the reading finds
    them) and are under half of what the operator told her."""
    ctx, case = pauline(QUOTED_IN_OWN)
    reading = integrity.contact_reading(ctx, case)
    assert reading is not None and reading.article == "kb-locked-out"
    assert reading.messages == 2 and reading.share < integrity.CONTACT_ARTICLE_SHARE


@pytest.mark.parametrize(
    ("messages", "credited"), [(READ_OUT["framed"], None), (READ_OUT["fillers"], None),
                               (WOVEN, True), (QUOTED_IN_OWN, True)],
)  # fmt: skip
def test_her_quick_replies_are_credited_only_where_her_case_was_taken_up(
    messages: tuple[str, ...], credited: bool | None
) -> None:
    """(2.25) Where her case was taken up, the `+` also needs something she told used after:
    she tells nothing here but "I've clicked it" (her situation in the walk-through is the
    scenario's, never said in this chat), so the items are to judge for that reason alone."""
    got = evidence_of("en", chat(messages))
    for cid in ("SIM-2", "COM-3"):
        item = one(got, cid, CONV)
        assert item.favourable is None
        if credited is None:  # the item says why: the article read out
            assert item.figures["article_read"] == "kb-locked-out"
        else:  # taken up (2.19 does not hold it back); nothing she told was used (2.25)
            assert "article_read" not in item.figures and item.figures["heard"] is False


RIA = "ria-aanmelding-geblokkeerd"
NL_OPENING = "Dag Ria, u spreekt met Sam van de helpdesk. We lossen het samen op."
NL_READ_OUT = (
    "Probeer eerst dit, Ria: na vijf foute pogingen wordt uw aanmelding tien minuten "
    "vergrendeld. Lukt het nu?",
    "Volgende stap, Ria: klik op uw aanmeldscherm op Wachtwoord vergeten, er komt een code per "
    "sms op uw gsm. Werkt het nu?",
    "Dan graag, Ria: daarna kiest u zelf een nieuw wachtwoord. Is het daarmee opgelost?",
)
NL_SHORT_STEPS = (  # the article's shortest parts, each under five content words
    "Probeer eerst dit, Ria: klik op uw aanmeldscherm op Wachtwoord vergeten. Lukt het nu?",
    "Volgende stap, Ria: er komt een code per sms op uw gsm die bij uw personeelsdienst gekend "
    "is. Werkt het nu?",
    "Dan graag, Ria: daarna kiest u zelf een nieuw wachtwoord. Is het daarmee opgelost?",
)
NL_WOVEN = (
    "Ria, dat 'vergrendeld' betekent enkel dat het wachtwoord een paar keer fout getypt is. "
    "Onder het vakje waar u het typt, staat een knopje Wachtwoord vergeten: klik daar eens op.",
    "Goed zo. Zo meteen krijgt u een sms op uw eigen gsm met een korte code; die typt u in het "
    "vakje op het scherm.",
    "Prima. Kies nu zelf een nieuw wachtwoord dat u goed kunt onthouden, dan kunt u de "
    "uurroosters nog voor twaalf uur doorsturen.",
)


def ria(messages: tuple[str, ...]) -> tuple[object, Case]:
    """Ria's chat, as Pauline's: the opening, each message, "Oké, gedaan." after each."""
    steps = [*opened("nl", RIA, 10), say(RIA, 20, NL_OPENING)]
    for k, text in enumerate(messages):
        steps.append(say(RIA, 40 + 30 * k, text))
        steps.append((55 + 30 * k, "customer_message", {"conversation_id": f"c-{RIA}",
                                                        "text": "Oké, gedaan."}))  # fmt: skip
    ctx = context(steps, "nl")
    return ctx, next(c for c in ctx.cases if c.customer_id == "ria")


@pytest.mark.parametrize(
    "messages",
    [
        NL_READ_OUT,
        pytest.param(NL_SHORT_STEPS, marks=pytest.mark.xfail(
            strict=True, reason="2.19's limit: steps under five content words are not read")),
    ],
    ids=["read-out", "short-steps"],
)  # fmt: skip
def test_a_dutch_article_read_out_a_step_a_message_is_the_articles(
    messages: tuple[str, ...],
) -> None:
    ctx, case = ria(messages)
    assert integrity.contact_passage(ctx, case)
    assert substance.engagement(ctx, case) is None


def test_a_dutch_walk_through_of_ones_own_stays_taken_up() -> None:
    ctx, case = ria(NL_WOVEN)
    assert integrity.contact_passage(ctx, case) == frozenset()
    taken = substance.engagement(ctx, case)
    assert taken is not None and taken.how == "answer"
