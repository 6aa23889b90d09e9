"""Rules 2.22 (branch evid35): the customer's own words woven into an article's steps.

Hand-written chats on the bundled exams: Pauline (Calder Valley, `kb-locked-out`), Ria
(Lindeveld, `kb-aanmelding-vergrendeld`) and Marie-Thérèse (Haute-Meuse,
`kb-session-verrouillee`), each locked out, each having said two messages (who they are, that
the computer says "locked", the rota/uurroosters/horaires due before noon). The wordings are
mine, none of the phrase banks' and not the cheater `broker`'s (which puts one of the
customer's words after every second word of a step; here they come in pairs and at the ends).
Each label is what an assessor would judge, decided from docs/assessment.md 3b ("would the
clause still be the article's, or the customer's, if you crossed out the little words?"), not
from the code:

- The article's three steps, every word kept in its order, with the customer's own words put
  in between ("computer locked", "rota", "night staff"), one step a sentence: cross out the
  words the customer had said and what is left is the article's steps, word for word. The
  customer's words add nothing they had not said. The operator passed the article on; they did
  not take up the case by telling the answer.
- An operator who quotes one step with the customer's own things in it ("on your computer at
  Wainhouse Court click ...") and says the rest in their own words (they stay on the line, the
  code comes to the phone, a new password she will remember, the rota out before twelve) has
  chosen the step for this customer: one step quoted is no passage (2.15), and the quoted
  step stays among their own sentences though it reads as the article's and the customer's.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.assess import integrity, substance

from .test_rules_2_7 import incident, opened, say
from .test_rules_2_15 import context
from .test_rules_2_21 import CUSTOMERS, read_as_own_answer

WOVEN = {  # the article's steps word for word, the customer's own words put in between
    "en": (
        "Pauline, on the sign-in screen computer locked click 'Forgotten your password' "
        "Wainhouse Court. A code arrives by text rota on the mobile number HR has on file "
        "night staff type it in. Choose a new password twice shifts twelve the lock is lifted "
        "at once. Does it work?"
    ),
    "nl": (
        "Ria, klik op het aanmeldscherm computer vergrendeld op Wachtwoord vergeten "
        "poetsdienst. Er komt een code uurroosters per sms op de gsm ploeg die bij de "
        "personeelsdienst gekend is twaalf uur. Daarna kiest de gebruiker vrouwen zelf een "
        "nieuw wachtwoord doorsturen. Lukt het?"
    ),
    "fr": (
        "Madame, cliquez sur Mot de passe oublié ordinateur verrouillé sur l'écran de connexion "
        "entretien. Un code arrive par SMS horaires sur le GSM équipe connu des ressources "
        "humaines midi. Choisissez ensuite dames vous-même un nouveau mot de passe horaires "
        "équipe. Ça fonctionne ?"
    ),
}
ONE_STEP_AND_OWN = {  # one step quoted with the customer's things in it, the rest one's own
    "en": (
        "Pauline, on your computer at Wainhouse Court click 'Forgotten your password?' on the "
        "sign-in screen. I'll stay on the line while a little code comes by text to your phone, "
        "and then you pick something new you'll remember, so the rota goes out before twelve."
    ),
    "nl": (
        "Ria, klik op uw computer op het aanmeldscherm op Wachtwoord vergeten. Ik blijf bij u "
        "terwijl er een codeje naar uw telefoon komt, en dan bedenkt u iets nieuws dat u "
        "onthoudt, zodat de uurroosters nog voor twaalf uur vertrekken."
    ),
    "fr": (
        "Sur l'écran de connexion de votre ordinateur, Marie-Thérèse, cliquez sur Mot de passe "
        "oublié. "
        "Je reste avec vous pendant qu'un petit code arrive par SMS sur votre téléphone, puis "
        "vous inventez quelque chose de nouveau dont vous vous souviendrez, pour que les horaires "
        "partent avant midi."
    ),
}


def chat(lang: str, text: str) -> tuple[object, object]:
    """The customer's chat: the opening, their second message, `text`, their short reply."""
    incident_id, opening, reply = CUSTOMERS[lang]
    conv = f"c-{incident_id}"
    second = incident(lang, incident_id).messages[1].text
    ctx = context(
        [
            *opened(lang, incident_id, 10),
            say(incident_id, 20, opening),
            (30, "customer_message", {"conversation_id": conv, "text": second}),
            say(incident_id, 40, text),
            (60, "customer_message", {"conversation_id": conv, "text": reply}),
        ],
        lang,
    )
    return ctx, next(c for c in ctx.cases if c.incident and c.incident.id == incident_id)


@pytest.mark.parametrize("lang", sorted(WOVEN))
def test_the_customers_words_woven_into_the_steps_are_the_articles(lang: str) -> None:
    ctx, case = chat(lang, WOVEN[lang])
    action = case.said()[-1]
    assert len(integrity._message_aligned(ctx, case, action)[0]) >= 2
    assert not integrity.own_sentences(ctx, case, action)
    assert substance.engagement(ctx, case) is None


@pytest.mark.parametrize("lang", sorted(WOVEN))
def test_without_2_22_the_woven_steps_took_up_the_case(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read against each source alone, the woven steps were the operator's own answer: the
    test above can fail."""
    monkeypatch.setattr(integrity, "WOVEN_SHARE", 2.0)
    read_as_own_answer(*chat(lang, WOVEN[lang]))


@pytest.mark.parametrize("lang", sorted(ONE_STEP_AND_OWN))
def test_one_step_with_the_customers_things_and_the_rest_in_ones_own_words(lang: str) -> None:
    ctx, case = chat(lang, ONE_STEP_AND_OWN[lang])
    action = case.said()[-1]
    step = integrity.sentences(ONE_STEP_AND_OWN[lang])[0]
    assert integrity.woven_borrowed(ctx, case, step, action) >= integrity.WOVEN_SHARE
    assert not integrity._message_aligned(ctx, case, action)[0]
    assert step in integrity.own_sentences(ctx, case, action)
    assert integrity.contact_passage(ctx, case) == frozenset()


def test_a_clause_mostly_the_customers_is_not_the_articles() -> None:
    """The customer's words given back with a few of the article's are a restatement (theirs,
    2.15), not a step of the article: the article must give more of the clause than they do."""
    ctx, case = chat("en", "Pauline, so the computer at Wainhouse Court says locked and the "
                     "rota for the night staff must go before twelve, a password problem.")  # fmt: skip
    action = case.said()[-1]
    sentence = integrity.clauses(action.text or "")[0]
    assert integrity.woven_borrowed(ctx, case, sentence, action) == 0.0


def test_the_customers_words_are_read_as_they_stood_at_each_message() -> None:
    """What the customer had said is kept per message: the words of their second message are
    in what the woven answer after it is read against, and not in what the operator's opening
    before it is (a cache kept per case would hand the opening the later words)."""
    ctx, case = chat("en", WOVEN["en"])
    opening, woven = case.said()[0], case.said()[-1]
    second = integrity._stem_set(ctx, incident("en", CUSTOMERS["en"][0]).messages[1].text)
    assert second <= integrity._customer_stems(ctx, case, woven)
    assert not second <= integrity._customer_stems(ctx, case, opening)
