"""Rules 2.21 (branch evid32): an article's steps told as descriptions are the article's steps.

Hand-written chats on the bundled exams: Pauline (Calder Valley, `kb-locked-out`), Ria
(Lindeveld, `kb-aanmelding-vergrendeld`) and Marie-Thérèse (Haute-Meuse,
`kb-session-verrouillee`), each locked out, each article's resolution three steps (the link
"Forgotten your password?", a code by text, a new password). The wordings are none of the
phrase banks' and not the cheaters'. Each label is what an assessor would judge, decided from
docs/assessment.md 3b ("would the clause still be the article's, or the customer's, if you
crossed out the little words?"; an article's passage is no own sentence) and the standard's
SIM-2/COM-3 (ways of working shown on cases taken up), not from the code:

- The article's steps, every one turned round so its verb comes last or made passive ("the
  'Forgotten your password?' link on the sign-in screen needs clicking"), one a sentence, the
  whole list in one message: cross out the little words and the turned verbs and what is left
  is the article's steps, word for word. The operator passed the article on; they did not tell
  the customer the answer in their own words, and did not take up the case by it.
- The same list with no punctuation between the steps, one clause of some twenty words: still
  the article's steps, three of them, not one step the operator chose to quote.
- An operator who explains two steps in their own words in one sentence ("just below the box
  there's a little link, and once you click it your phone gets a text with a short code") keeps
  them: the article's few words in it (click, text, code) are what anyone says about the fix,
  among many of the operator's own. They took up the case.
"""

from __future__ import annotations

import pytest
from rapidfuzz.distance import LCSseq

from helpdesk_tui.assess import integrity, substance

from .test_rules_2_7 import opened, say
from .test_rules_2_15 import context

CUSTOMERS = {  # lang: (incident, the operator's opening, the customer's reply after each message)
    "en": ("pauline-locked-out", "Hello Pauline, Sam here on the IT desk.", "Okay."),
    "nl": ("ria-aanmelding-geblokkeerd", "Dag Ria, u spreekt met Sam van de helpdesk.", "Oké."),
    "fr": (
        "marietherese-session-verrouillee",
        "Bonjour Madame, Sam du service desk à l'appareil.",
        "D'accord.",
    ),
}
DESCRIBED = {  # the article's three steps, each verb last or passive, one message
    "en": (
        "Pauline, the 'Forgotten your password' link on the sign-in screen needs clicking. "
        "The code arriving by text on the mobile number HR has on file needs typing in. "
        "A new password needs choosing twice. At once the lock is lifted. Does it work?"
    ),
    "nl": (
        "Ria, de bedoeling is dat u op het aanmeldscherm op Wachtwoord vergeten klikt. "
        "Een code per sms op de gsm die bij de personeelsdienst gekend is komt er. "
        "Een nieuw wachtwoord wordt daarna door de gebruiker zelf gekozen. Lukt het?"
    ),
    "fr": (
        "Madame, sur l'écran de connexion le bouton Mot de passe oublié est à cliquer. "
        "Par SMS sur le GSM connu des ressources humaines un code arrive. "
        "Un nouveau mot de passe est ensuite à choisir par vous-même. Ça fonctionne ?"
    ),
}
ONE_CLAUSE = {  # the same, no punctuation between the steps: one clause, no run of eight
    "en": (
        "Pauline, 'Forgotten your password' on the sign-in screen needs clicking the code "
        "arriving by text on the mobile HR has on file needs typing in a new password needs "
        "choosing twice and at once the lock is lifted. Does it work?"
    ),
    "nl": (
        "Ria, de bedoeling is dat u op het aanmeldscherm op Wachtwoord vergeten klikt een code "
        "per sms komt dan op uw gsm die bij de personeelsdienst gekend is een nieuw wachtwoord "
        "wordt daarna door u zelf gekozen. Lukt het?"
    ),
    "fr": (
        "Madame, sur l'écran de connexion le bouton Mot de passe oublié est à cliquer par SMS "
        "sur votre GSM connu des ressources humaines un code arrive un nouveau mot de passe est "
        "ensuite à choisir par vous-même. Ça fonctionne ?"
    ),
}
OWN_ONE_SENTENCE = {  # two steps in the operator's own words, one sentence
    "en": (
        "Pauline, just below the box where you type your password there's a little link, and "
        "once you click it your own phone gets a text from us with a short code to put in."
    ),
    "nl": (
        "Ria, net onder het vakje waar u uw wachtwoord typt staat een klein knopje, en als u "
        "daarop klikt krijgt u meteen een berichtje op uw eigen telefoon met een korte code."
    ),
    "fr": (
        "Madame, juste sous la case où vous tapez votre mot de passe il y a un petit lien, et "
        "dès que vous cliquez dessus votre téléphone reçoit un message avec un petit code."
    ),
}


def chat(lang: str, text: str) -> tuple[object, object]:
    """The customer's chat: the opening, `text`, their short reply."""
    incident, opening, reply = CUSTOMERS[lang]
    ctx = context(
        [
            *opened(lang, incident, 10),
            say(incident, 20, opening),
            say(incident, 40, text),
            (60, "customer_message", {"conversation_id": f"c-{incident}", "text": reply}),
        ],
        lang,
    )
    return ctx, next(c for c in ctx.cases if c.incident and c.incident.id == incident)


def in_order(mine: str, source: str) -> tuple[float, int]:
    """2.15's reading, the stems in their order (rapidfuzz's LCS) in a stretch of the same width:
    what 2.21 replaces, to show the tests below can fail."""
    m = len(mine)
    if not m:
        return 0.0, 0
    width = m + int(m * integrity.WINDOW_SLACK)
    best = max(
        (LCSseq.similarity(mine, source[s : s + width]) for s in range(max(1, len(source)))),
        default=0,
    )
    return best / m, 0


LISTS = {"sentences": DESCRIBED, "one-clause": ONE_CLAUSE}
UNDONE = {  # what each list needs of 2.21: the reading undone, to show the tests can fail
    "sentences": ("aligned_at", in_order),  # the stems in their order (2.20 with no commas)
    "one-clause": ("STEP_STEMS", 10_000),  # a long clause one step whatever it holds (2.15)
}
CASES = [(how, lang) for how in LISTS for lang in sorted(LISTS[how])]


@pytest.mark.parametrize(("how", "lang"), CASES)
def test_steps_told_as_descriptions_in_one_message_are_the_articles(how: str, lang: str) -> None:
    text = LISTS[how][lang]
    ctx, case = chat(lang, text)
    action = case.said()[-1]
    # the list in one clause keeps no run of eight: 2.0's copy missed it, 2.21 reads it
    assert how == "sentences" or not integrity.kb_copies(ctx, text)
    assert integrity._message_aligned(ctx, case, action)[0]
    assert not integrity.own_sentences(ctx, case, action)
    assert substance.engagement(ctx, case) is None


@pytest.mark.parametrize(("how", "lang"), CASES)
def test_without_2_21_the_described_steps_took_up_the_case(
    how: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read in order, or a long clause counted as one step, the described steps were the
    operator's own answer: the test above can fail."""
    monkeypatch.setattr(integrity, *UNDONE[how])
    read_as_own_answer(*chat(lang, LISTS[how][lang]))


def read_as_own_answer(ctx: object, case: object) -> None:
    """The last message is no passage, and the case was taken up by it as the answer told: what
    a rule undone reads, to show its test can fail (2.21 here, 2.22 in test_rules_2_22)."""
    assert not integrity._message_aligned(ctx, case, case.said()[-1])[0]
    taken = substance.engagement(ctx, case)
    assert taken is not None and taken.how == "answer"


@pytest.mark.parametrize("lang", sorted(OWN_ONE_SENTENCE))
def test_two_steps_in_ones_own_words_in_one_sentence_stay_ones_own(lang: str) -> None:
    ctx, case = chat(lang, OWN_ONE_SENTENCE[lang])
    action = case.said()[-1]
    assert not integrity._message_aligned(ctx, case, action)[0]
    assert integrity.own_sentences(ctx, case, action)
    assert integrity.contact_passage(ctx, case) == frozenset()


def test_a_stem_counts_as_often_as_the_stretch_holds_it() -> None:
    """A clause saying "router" three times is not found three times in one "router"."""
    assert integrity.aligned_share("aaab", "ab") == 0.5
    assert integrity.aligned_share("dcba", "xxabcdxx") == 1.0
    assert integrity.aligned_share("abcd", "axxxxxxbcd") == 0.75
