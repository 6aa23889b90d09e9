"""What a simulated customer understands in the candidate's words, and what they answer.

Fairness needs the same words to get the same answer for every candidate, so
matching is rule-based and deterministic, and it is the language layer's
(`helpdesk_tui.language`, docs/language.md): the assessment reads the same
messages through the same layer, so the customer and the evidence never
disagree. A scenario pattern is found with `language.find` (lemmas, Dutch
compounds, guarded typos); a pattern said inside a negation ("do not restart
it") is not *heard* as said, though it still counts as *mentioned* (a
question about a fact, jargon). The built-in intents are the layer's
dialogue acts.

A reply is chosen in a fixed order (docs/simulation.md):

1. glossary jargon sent to a novice: the customer does not understand;
2. hidden facts the message asks for and that are not yet revealed (COM-2);
3. the incident's rules, the first whose patterns match;
4. facts asked again (the customer repeats the answer);
5. the acts every customer understands (identification, "does it work
   now?" (before any solution or step: "it's still the same", a question,
   `acts_in_turn`), a restatement of what they said ("Yes, exactly.",
   `restates_in_turn`), the closing question (`asks_closing`), a greeting or offer of help, empathy,
   an apology, progress or a request to hold);
6. the incident's fallback, or a built-in one.

The module is pure: no clock, no state; the simulation decides when to answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from helpdesk_tui import budget_cache
from helpdesk_tui.customers.content_words import (
    CONTENT_MIN_LENGTH,
    PARAPHRASE_MIN_SHARE,
    PARAPHRASE_MIN_WORDS,
    STEM_LENGTH,
    content_stems,
    words,
)
from helpdesk_tui.customers.telling import sentences, telling, telling_acts, tells_in
from helpdesk_tui.language import Analysis, Match, analyse, find_in
from helpdesk_tui.language.find import thing_in
from helpdesk_tui.language.lexicon import lexicon
from helpdesk_tui.scenario.model import Customer, DialogueRule, Fact, Incident, MoodNudge

if TYPE_CHECKING:
    from helpdesk_tui.customers.in_context import Place, Reading

# --------------------------------------------------------------------------- matching


def heard(pattern: str, text: str, language: str) -> bool:
    """Is the pattern said in the text, outside any negation?"""
    hit = find_in(pattern, text, language)
    return hit is not None and not hit.negated


def mentioned(pattern: str, text: str, language: str) -> bool:
    """Does the pattern occur in the text at all (negated or not)?"""
    return find_in(pattern, text, language) is not None


def matches(pattern: str, text: str, language: str) -> bool:
    """Does `pattern` count as said in `text` (the layer's reading; negation applied)?"""
    return heard(pattern, text, language)


def first_match(patterns: Iterable[str], text: str, language: str) -> str | None:
    """The first of `patterns` said in `text` (negation applied), or None."""
    return next((p for p in patterns if heard(p, text, language)), None)


def first_mention(patterns: Iterable[str], text: str, language: str) -> str | None:
    """The first of `patterns` that occurs in `text`, negated or not."""
    return next((p for p in patterns if mentioned(p, text, language)), None)


def jargon_in(text: str, glossary: Mapping[str, str], language: str) -> list[str]:
    """The glossary terms used in `text`, in glossary order (COM-5): "not the DNS" still is jargon.
    A term names a thing: a verb form of its lemma ("I switched it off") is not the term (2.7)."""
    return [term for term in glossary if thing_in(term, text, language) is not None]


def acts_in(text: str, language: str) -> frozenset[str]:
    """The dialogue acts the layer reads in a message."""
    return analyse(text, language).acts


def intent_in(intent: str, text: str, language: str) -> bool:
    """Does the message carry this dialogue act (one of `language.ACTS`)?"""
    return intent in acts_in(text, language)


def acts_in_turn(
    text: str, language: str, proposed: bool, spoke_before: bool = False
) -> frozenset[str]:
    """The acts of a message at its place in the conversation: what the customer answers
    and what the evidence counts (one reading, so the two never disagree).

    A `check` asks whether it works *now*, which needs something to have been
    proposed: a solution or a step (`proposed`, or an instruction in the same
    message: "Restart it. Do you still see the error?"). Before that, "Do you still
    see the error?", "Ziet u nog steeds ...?", "Voyez-vous toujours ...?" ask about
    the problem: a clarifying `question` (issue 12's act definitions)."""
    found = acts_in(text, language)
    if "check" in found and not proposed and "instruction" not in found:
        found = (found - {"check"}) | {"question"}
    if "closing" in found and not proposed and found & THANKS_OPENING:
        found = found - {"closing"}
    if proposed and found == {"question"} and asks_about_the_result(text, language):
        found = frozenset({"check"})  # (2.8) "ok done that" -> "Is it still dropping?"
    if spoke_before and found == {"greeting"} and _farewell(text, language):
        found = frozenset({"closing"})  # (2.8) "Dag!", "Salut !" at the end of a chat
    return found


RESULT_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(("still", "now", "again", "anymore", "yet")),
    "nl": frozenset(("nog", "nu", "weer", "opnieuw", "steeds", "intussen", "ondertussen")),
    "fr": frozenset(("toujours", "maintenant", "encore", "enfin", "desormais")),
}
"""(2.8) Words of a yes/no question about the symptom that ask about its state now."""
RESULT_QUESTION_WORDS = 7
"""(2.8) A yes/no question this short, after something was proposed, asks about its result
("Did it connect?", "Vous avez l'image ?", "En de rest?"); a longer one needs a word of
`RESULT_WORDS` ("Is the screen still black when you open the lid?")."""
ASKING_TO_TELL: dict[str, frozenset[str]] = {
    "en": frozenset(("tell", "describe", "explain", "show", "say", "know", "remember", "other",
                     "else")),
    "nl": frozenset(("vertellen", "beschrijven", "uitleggen", "zeggen", "tonen", "weet", "weten",
                     "andere", "anders")),
    "fr": frozenset(("dire", "decrire", "expliquer", "montrer", "savez", "sais", "souvenez",
                     "autre", "autres")),
}  # fmt: skip
"""(2.8) Words of a yes/no question that asks the customer to tell something ("Can you
describe the other patients?"): a clarifying question still, after a step."""
LEADING = frozenset({"and", "so", "ok", "okay", "en", "dus", "oke", "et", "alors", "donc", "bon"})


def asks_about_the_result(text: str, language: str) -> bool:
    """(rules 2.8) Is this question, read after a step or fix was proposed, a yes/no question
    about the symptom, so a check ("Is it still dropping?", "Il s'allume ?", "Werkt de
    scanner?") rather than a clarifying question? It opens with no question word ("Which
    printer ...?" still asks), and is short or asks about the state now (`RESULT_WORDS`)."""
    lang = language if language in RESULT_WORDS else "en"
    mine = [w for w in words(text) if w not in LEADING]
    if not mine or mine[0] in lexicon(lang).questions.words:
        return False
    if set(mine) & ASKING_TO_TELL[lang]:
        return False  # "Vous pouvez me décrire ...?", "Can you tell me ...?": asks for facts
    return len(mine) <= RESULT_QUESTION_WORDS or bool(set(mine) & RESULT_WORDS[lang])


FAREWELLS: dict[str, frozenset[str]] = {
    "en": frozenset(("bye", "cheers", "ciao", "later")),
    "nl": frozenset(("dag", "daag", "dagdag", "doei", "salu", "salut", "ciao", "hoi")),
    "fr": frozenset(("salut", "ciao", "bye", "tchao")),
}
"""(2.8) Greeting words that also take leave ("Dag!", "Salut !")."""
FAREWELL_WORDS = 3


def _farewell(text: str, language: str) -> bool:
    """(rules 2.8) A bare greeting word that also takes leave, said after the candidate has
    already spoken to the customer: "Dag!", "Dag Marie.", "Salut !" at a chat's end close it."""
    lang = language if language in FAREWELLS else "en"
    greeted = [m for m in analyse(text, language).matches if m.kind == "greeting"]
    said = {w for m in greeted for w in words(" ".join(m.words))}
    return bool(said) and said <= FAREWELLS[lang] and len(words(text)) <= FAREWELL_WORDS


THANKS_OPENING = frozenset({"greeting", "empathy"})
"""(rules 2.4) With nothing proposed yet, a closing read in a greeting or an empathy sentence is
their thanks ("Dag Lotte, fijn dat u ons contacteert", "Hey Kyle, good to hear from you",
"thank you for bearing with it so far"), not the closing question: the customer greets or
acknowledges, and the closing step is not shown."""


@dataclass(frozen=True, slots=True)
class Restated:
    """Why a message restates the customer: the layer's `restate` rule, or (rules 2.3) the
    reading in context: the customer's words it gives back."""

    rule: str
    words: tuple[str, ...]

    def explain(self) -> str:
        return f"restate: rule {self.rule} matched '{' '.join(self.words)}'"


IN_CONTEXT_RULE = "restate.in_context"
NOT_A_RESTATEMENT = frozenset({"instruction", "check", "identify", "offer_help", "closing"})
"""Acts that make a message do something else than give the problem back: tell the customer
what to do ("Since the update broke your wifi, restart the laptop"), check, identify, offer
help, close."""
CONFIRMING: dict[str, frozenset[str]] = {
    "en": frozenset((
        "right", "correct", "correctly", "understood", "understand", "understanding", "summary",
        "summarised", "summarized", "summed", "sound", "sounds", "accurate", "exactly", "true",
        "heard", "recap", "fair", "anything", "something", "missed", "miss", "forgot", "forgotten",
        "everything", "situation", "confirm", "confirmed",
    )),
    "nl": frozenset((
        "klopt", "klopte", "juist", "correct", "begrepen", "begrijp", "samengevat",
        "samenvatting", "gezegd", "helemaal", "zeker", "echt", "waar", "vergeten", "gemist",
        "alles", "iets", "situatie", "bevestigen", "bevestigt", "bevestig",
    )),
    "fr": frozenset((
        "compris", "comprends", "comprenne", "exact", "exactement", "correct", "juste", "vrai",
        "resume", "resumer", "bien", "entendu", "raison", "oublie", "manque", "rien", "tout",
        "quelque", "chose", "situation", "confirmez", "confirmer", "confirme",
    )),
}  # fmt: skip
"""Words of a confirmation tag or question ("is that right?", "klopt dat?", "ai-je bien
compris ?", "je résume bien ?"): they ask nothing new."""
CONFIRMING_TAGS: dict[str, tuple[str, ...]] = {
    "en": ("is that what's happening", "is that what is happening", "is that what happened",
           "is that what's going on"),
    "nl": ("is dat wat er gebeurt", "is dat wat er gebeurde", "is dat wat er gebeurd is",
           "is dat wat er aan de hand is"),
    "fr": ("c'est bien ce qui se passe", "c'est ce qui se passe", "est-ce bien ce qui se passe",
           "c'est bien ce qui s'est passé", "c'est ce qui s'est passé"),
}  # fmt: skip
"""(rules 2.28, branch e-worded16) Whole confirmation questions that ask whether the summary
before them is what happens ("Dit simplement : X. C'est bien ce qui se passe ?", "In gewone
woorden: X. Is dat wat er gebeurt?"): they ask nothing new, though "passe"/"gebeurt" are
neither the customer's words nor `CONFIRMING`'s, and "wat"/"ce qui" are question words. Only
the whole asking clause: "Qu'est-ce qui se passe avec l'imprimante ?" still asks."""
NOT_ASKING_WORDS = frozenset({"since", "sinds", "vanaf", "depuis"})
"""Question words of the lexicon that open a restating clause as prepositions ("Since the
update, ..."), not a question."""
YOU = frozenset({"you", "u", "ge", "gij", "je", "jij", "vous", "tu"})
_CLAUSE = re.compile(r"[,;:\u2013\u2014]+|\s-\s")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def restates_in_turn(text: str, language: str, customer_said: Sequence[str]) -> Restated | None:
    """Does the message restate the customer's problem, at its place in the conversation?
    What the customer answers ("Yes, exactly.") and what COM-4 credits (one reading).

    The layer's `restate` act (an opener: "So if I understand you...") is one. Read in
    context (rules 2.3), so is a message, with any opener or none, that gives back what the
    customer said (the paraphrase flag's measure: `PARAPHRASE_MIN_WORDS` of their content
    words or more, at least `PARAPHRASE_MIN_SHARE` of its own), does not tell, check,
    identify, offer or close (`NOT_A_RESTATEMENT`; such an act read only in the customer's
    own words, quoted back, does none of these), and asks nothing new: each question in it
    asks only whether it is right ("..., right?", "Klopt het?", "ai-je bien compris ?") or
    gives the customer's words back itself ("So your printer won't print?"), never opening
    with a question word or "did you"/"kunt u"/"avez-vous"."""
    if not customer_said:
        return None  # nothing said yet: nothing to restate
    core = without_invitation(text, language)
    if not words(core):
        return None
    # (2.4) An invitation to add ends the restatement as its tag: its "anything" closes nothing.
    found = analyse(core, language)
    layer = next((m for m in found.matches if m.kind == "restate" and not m.negated), None)
    if layer is not None and "restate" in found.acts:
        return Restated(layer.rule, tuple(layer.words))
    said = tuple(customer_said)
    if any(not _theirs(found, act, language, said) for act in found.acts & NOT_A_RESTATEMENT):
        return None
    return _in_context(core, language, said)


INVITING: dict[str, frozenset[str]] = {
    "en": frozenset(("add", "adding", "added", "miss", "missed", "missing", "forgot", "forget",
                     "forgotten", "overlooked", "overlook", "leave", "left")),
    "nl": frozenset(("aanvullen", "toevoegen", "vergeten", "vergat", "gemist", "mis", "mist")),
    "fr": frozenset(("ajouter", "ajoute", "ajouté", "compléter", "complété", "oublié", "oublie",
                     "oubliée", "manque", "manqué", "échappé")),
}  # fmt: skip
"""(rules 2.4) Words of an invitation to add to a summary ("or is there anything you would like
to add?", "Mis ik nog iets?", "ou vous voulez ajouter quelque chose ?"), with an `INDEFINITE`."""
INDEFINITE: dict[str, frozenset[str]] = {
    "en": frozenset(("anything", "something", "nothing")),
    "nl": frozenset(("iets", "niets")),
    "fr": frozenset(("quelque", "chose", "rien")),
}


def invites_addition(clause: str, language: str) -> bool:
    """Does the clause ask whether anything is to be added or was missed ("Anything I missed?",
    "wilt u nog iets aanvullen", "vous voulez ajouter quelque chose")? The confirmation tag of
    a restatement, in words that also open a closing question ("anything", "nog iets")."""
    lang = language if language in INVITING else "en"
    mine = set(words(clause))
    return not mine.isdisjoint(words(" ".join(INVITING[lang]))) and not mine.isdisjoint(
        words(" ".join(INDEFINITE[lang]))
    )


_CLAUSE_KEPT = re.compile(r"([,;:\u2013\u2014]+|\s-\s)")


def without_invitation(text: str, language: str) -> str:
    """The message without the invitation to add that ends a question of it (`invites_addition`):
    "Samengevat: X. Mis ik nog iets?" -> "Samengevat: X."; "X; klopt dat zo, of wilt u nog
    iets aanvullen?" -> "X; klopt dat zo ?" (the tag before it still asks whether it is right).
    Kept per text (`_uninvited`): every reading of a message at its place starts here
    (perf19: 15,000 readings of 3,100 texts in a padded 200,000-record review)."""
    return _uninvited(text, language)


def _without_invitation(text: str, language: str) -> str:
    kept = []
    for sentence in _SENTENCE_END.split(text):
        if "?" not in sentence:
            kept.append(sentence)
            continue
        parts = _CLAUSE_KEPT.split(sentence)
        cut = next(
            (i for i in range(0, len(parts), 2) if invites_addition(parts[i], language)), None
        )
        if cut is None:
            kept.append(sentence)
        elif words("".join(parts[:cut])):
            kept.append("".join(parts[: max(cut - 1, 0)]).rstrip() + " ?")
    return " ".join(kept)


_uninvited = budget_cache.BudgetCache(_without_invitation, maxsize=65536, max_chars=2_000_000)
"""Bounded as `content_words.words` is: a pasted message is kept once, not without end."""


def _theirs(found: Analysis, act: str, language: str, customer_said: tuple[str, ...]) -> bool:
    """Is every match of `act` the customer's own words given back, not the candidate's
    doing? ("..., et message : l'écran, écrit, Approuvez, A52": their «Approuvez la
    connexion» quoted, no step; "and your mobile: number, ...": no identification.) An
    instruction that only announces the candidate ("Laissez-moi reformuler", "Let me") is
    no step either."""
    theirs = set().union(*(content_stems(s, language) for s in customer_said))
    for m in found.matches:
        if m.kind != act or m.negated or m.overruled:
            continue
        if act == "instruction" and _lets_me(found, m.span[1]):
            continue
        if _model_only(m):
            if content_stems(" ".join(_feature_words(m)), language) <= theirs:
                continue  # (2.13) the model's guess from their words: "u hebt de kabel al ..."
            return False
        stems = content_stems(" ".join(m.words), language)
        if not stems or not stems <= theirs:
            return False
        if act == "instruction" and not _list_item(found, m):
            return False  # "..., restart the laptop": a step, even in a word they used
    return True


def _model_only(m: Match) -> bool:
    """Was the act given by the act model alone, no rule of the layer matching it? Its `words`
    are then the features that pushed it up (`acts_model._reason`: "w:kabel +1.25"), not a
    span of the message."""
    return ".model." in m.rule


def _feature_words(m: Match) -> list[str]:
    """The message's words among a model match's features ("w:kabel +1.25", "bi:de_kabel
    +0.8" -> kabel, de, kabel); a feature of form ("form:words>15") names none."""
    found = []
    for feature in m.words:
        kind, _, rest = feature.partition(":")
        if kind in MODEL_WORD_FEATURES:
            found += rest.split(" ", 1)[0].split("_")
    return found


MODEL_WORD_FEATURES = frozenset({"w", "nw", "bi", "open", "first", "first2", "last"})
"""(2.13) The act model's features that name words of the message (`language.features`)."""


def _list_item(found: Analysis, m: Match) -> bool:
    """Does the match stand alone between punctuation, an item of a list of the customer's
    words ("..., écrit, Approuvez, A52"), with at most one other word ("et", "and")?"""
    text = found.text
    start, end = found.tokens[m.span[0]].start, found.tokens[m.span[1] - 1].end
    before = max(text.rfind(c, 0, start) for c in ",;:.!?\n")
    after = [i for c in ",;:.!?\n" if (i := text.find(c, end)) >= 0]
    segment = text[before + 1 : min(after, default=len(text))]
    return len(words(segment)) - len(words(" ".join(m.words))) <= 1


LET_ME = frozenset({"moi", "me", "mij", "nous", "us"})
"""The word after an imperative that makes it the candidate's announcement, not a step:
"Laissez-moi reformuler", "Let me recap", "Laat me even samenvatten"."""


def _lets_me(found: Analysis, after: int) -> bool:
    return after < len(found.tokens) and found.tokens[after].norm in LET_ME


SHORT_RESTATE_WORDS = 2
SHORT_RESTATE_SHARE = 0.66
"""(rules 2.8) A short restatement gives back fewer than `PARAPHRASE_MIN_WORDS` of the
customer's content words, but little of its own: two or more of theirs, two thirds of its own
or more ("Uw mails komen niet toe.", "Teams vindt uw camera niet.", "VPN down since the
update?")."""


def _shared_stems(mine: Iterable[str], theirs: set[str]) -> set[str]:
    """The stems of `mine` that agree with one of `theirs`: the same stem, or a whole short
    word that is the start of the other ("sync", "syncing"; the shorter of the two
    `CONTENT_MIN_LENGTH` long or more and under `STEM_LENGTH`). Found by look-ups, not by
    comparing every pair (perf25: 92,815 pairs compared for 2,821 messages of a 100k log)."""
    short = range(CONTENT_MIN_LENGTH, STEM_LENGTH)
    starts = {t[:n] for t in theirs for n in short if len(t) >= n}
    whole = {t for t in theirs if len(t) in short}
    return {
        m
        for m in mine
        if m in theirs
        or (len(m) in short and m in starts)
        or any(m[:n] in whole for n in short if n < len(m))
    }


@lru_cache(maxsize=16384)
def _in_context(text: str, language: str, customer_said: tuple[str, ...]) -> Restated | None:
    theirs: set[str] = set()
    for said in customer_said:
        theirs |= content_stems(said, language, short=True)
    confirming = _confirming_stems(language)
    mine = content_stems(text, language, short=True) - confirming
    shared = _shared_stems(mine, theirs)
    short = len(shared) >= SHORT_RESTATE_WORDS and len(shared) >= SHORT_RESTATE_SHARE * len(mine)
    if not short and (
        len(shared) < PARAPHRASE_MIN_WORDS or len(shared) < PARAPHRASE_MIN_SHARE * len(mine)
    ):
        return None
    if _asks_new_in(text, language, theirs, confirming):
        return None
    return Restated(IN_CONTEXT_RULE, tuple(sorted(shared)))


def asks_new_in(text: str, language: str, customer_said: Sequence[str]) -> bool:
    """(rules 2.14) Does a question of the message ask something new, not only whether the
    customer's words given back are right? As `_asks_new`, sentence by sentence, and stricter:
    a question word or an inverted "you" opening the asking clause asks, even in their words
    alone ("Which calendar won't sync with your phone?")."""
    theirs: set[str] = set()
    for said in customer_said:
        theirs |= content_stems(said, language, short=True)
    return _asks_new_in(text, language, theirs, _confirming_stems(language), strict=True)


def _asks_new_in(
    text: str, language: str, theirs: set[str], confirming: frozenset[str], strict: bool = False
) -> bool:
    for sentence in _SENTENCE_END.split(text):
        asks = "?" in sentence or "question" in analyse(sentence, language).acts
        if asks and _asks_new(sentence, language, theirs, confirming, strict):
            return True
    return False


def _asks_new(
    sentence: str, language: str, theirs: set[str], confirming: frozenset[str], strict: bool = False
) -> bool:
    """Does the question's asking clause (its last) ask something new: a question word or an
    inverted "you" opening it, or words of its own that are not the customer's? (`strict`,
    2.14: the opening asks even when all its words are theirs.)"""
    clauses = [c for c in _CLAUSE.split(sentence) if words(c)]
    asking = words(clauses[-1]) if clauses else ()
    if asking in _confirmation_tags(language):
        return False  # (2.28) "c'est bien ce qui se passe ?": whether the summary is right
    own = content_stems(" ".join(asking), language) - confirming
    if not strict and not own - theirs:
        return False  # a tag ("right?", "klopt dat?", "c'est bien ça ?"), or their words alone
    lex = lexicon(language if language in ("nl", "fr", "en") else "en")
    opening = [
        w for w in asking if w not in NOT_ASKING_WORDS and w not in lex.questions.prepositions
    ]
    if opening and opening[0] in lex.questions.words:
        return True  # "..., which network do you see?"
    if strict and set(asking) & lex.questions.words - NOT_ASKING_WORDS:
        return True  # (2.14) in situ: "il est lent depuis quand ?", "exporter quelle période ?"
    if len(asking) > 1 and asking[1] in YOU and asking[0] not in YOU:
        return True  # "did you try ...?", "kunt u ...?", "avez-vous ...?"
    if not own - theirs:
        return False
    shared = own & theirs
    return len(shared) < 2 or len(shared) < PARAPHRASE_MIN_SHARE * len(own)


@lru_cache(maxsize=8)
def _confirmation_tags(language: str) -> frozenset[tuple[str, ...]]:
    """`CONFIRMING_TAGS` of the language as the words `_asks_new` compares."""
    return frozenset(words(tag) for tag in CONFIRMING_TAGS.get(language, ()))


@lru_cache(maxsize=8)
def _confirming_stems(language: str) -> frozenset[str]:
    listed = CONFIRMING.get(language, CONFIRMING["en"])
    return frozenset(w[:STEM_LENGTH] for w in listed)


def step_in(texts: Iterable[str], language: str) -> bool:
    """Was a step proposed in these (earlier) messages: an instruction to the customer?"""
    return any("instruction" in acts_in(t, language) for t in texts)


def asks_instead_of_closing(text: str, language: str) -> bool:
    """(layer 2.6) A clarifying question that does not close: "Do you know anything more about
    the people team?" holds a closing step's words ("anything more") but asks about the
    problem, so neither the candidate nor the assessment counts it as the closing question."""
    found = acts_in(text, language)
    return "question" in found and "closing" not in found


CLOSING_ACTS = frozenset({"closing", "offer_help"})


def asks_closing(
    text: str,
    language: str,
    patterns: tuple[str, ...] = (),
    proposed: bool = True,
    customer_said: Sequence[str] = (),
    spoke_before: bool = False,
) -> bool:
    """(rules 2.4) Does the message ask the closing question ("anything else?"), in the step's
    `patterns` or in the closing act? Read sentence by sentence: the sentence must carry the
    closing question's act (`closing` or `offer_help`, in turn: `acts_in_turn`), and not be
    plainly another act that shares its words:

    - a clarifying question: "Mag ik nog iets vragen over de printer: wat merkt u precies?",
      "Can I ask something else: what do you see?" (the sentence carries `question`);
    - a restatement's tag inviting the customer to add something: "Samengevat: ... Mis ik
      nog iets?", "...; is that right, or is there anything you would like to add?"
      (`invites_addition`, in a message that `restates_in_turn`).

    The `closing` act shows it without the patterns (as `step_acts` reads a worded step). The customer's "No, that's all" and the
    evidence (COM-1, SOL-1) read it alike; the scripted policy too."""
    restated: list[Restated | None] = []
    for sentence in _SENTENCE_END.split(text):
        if not words(sentence):
            continue
        found = acts_in_turn(sentence, language, proposed, spoke_before)
        if "closing" not in found and not (
            found & CLOSING_ACTS and first_match(patterns, sentence, language) is not None
        ):
            continue
        if "question" in found or _asks_a_question(sentence, language):
            continue
        if invites_addition(sentence, language):
            if not restated:
                restated.append(restates_in_turn(text, language, customer_said))
            if restated[0] is not None:
                continue
        return True
    return False


def _asks_a_question(sentence: str, language: str) -> bool:
    """The layer found a question's form in the sentence ("wat merkt u"), even where its acts
    keep only the closing the sentence's other words suggest ("Mag ik nog iets vragen over in
    de browser: wat merkt u daar precies?"); the closing question itself holds none."""
    return any(m.kind == "question" and not m.negated for m in analyse(sentence, language).matches)


LINES: dict[str, dict[str, str]] = {
    "en": {
        "fallback": "Sorry, I don't quite follow. Can you say that differently?",
        "confused": 'Sorry, what do you mean by "{term}"? I\'m not very technical.',
        "interrupted": "Let me finish, please...",
        "identify": "I'm {name}{from_department}.",
        "unknown_data": "I don't know it offhand.",
        "from_department": ", from {department}",
        "works": "Yes, it works now. Thank you!",
        "still_broken": "No, it still doesn't work.",
        "still_there": "It's still the same as before.",
        "closing": "No, that's all. Thank you!",
        "closing_angry": "No. Just make sure it's sorted.",
        "confirm": "Yes, exactly.",
        "greeting": "Hello.",
        "greeting_angry": "Yes, hello. Can we get on with it?",
        "ack": "Okay, thank you.",
        "ack_irritated": "Okay.",
        "ack_angry": "Fine. Please hurry.",
        "again": "As I said: {answer}",
        "wait_calm": "Hello? Are you still there?",
        "wait_irritated": "Hello? I'm still waiting for an answer.",
        "wait_angry": "This is taking far too long. Is anyone dealing with this?",
        "news": "Is there any news about my problem?",
        "bounce": "This is not for our team: please check the ticket and transfer it to the right group.",
        "fixed": "Thanks, that was what we needed. We have fixed it on our side; the user can try "
        "again now.",
    },
    "nl": {
        "fallback": "Sorry, ik begrijp het niet goed. Kunt u het anders zeggen?",
        "confused": 'Sorry, wat bedoelt u met "{term}"? Ik ben niet zo technisch.',
        "interrupted": "Laat me even uitspreken, alstublieft...",
        "identify": "Ik ben {name}{from_department}.",
        "unknown_data": "Dat weet ik niet vanbuiten.",
        "from_department": ", van {department}",
        "works": "Ja, het werkt nu. Bedankt!",
        "still_broken": "Nee, het werkt nog steeds niet.",
        "still_there": "Het is nog precies hetzelfde als eerst.",
        "closing": "Nee, dat was alles. Bedankt!",
        "closing_angry": "Nee. Zorg gewoon dat het opgelost raakt.",
        "confirm": "Ja, dat klopt.",
        "greeting": "Hallo.",
        "greeting_angry": "Ja, hallo. Kunnen we verder?",
        "ack": "Oké, bedankt.",
        "ack_irritated": "Oké.",
        "ack_angry": "Goed. Maar schiet wat op, alstublieft.",
        "again": "Zoals ik al zei: {answer}",
        "wait_calm": "Hallo? Bent u er nog?",
        "wait_irritated": "Hallo? Ik wacht nog steeds op een antwoord.",
        "wait_angry": "Dit duurt veel te lang. Is er iemand mee bezig?",
        "news": "Is er al nieuws over mijn probleem?",
        "bounce": "Dit is niet voor ons team: controleer het ticket en stuur het naar de juiste groep.",
        "fixed": "Bedankt, dat hadden we nodig. We hebben het aan onze kant opgelost; de gebruiker "
        "kan het nu opnieuw proberen.",
    },
    "fr": {
        "fallback": "Désolé, je ne comprends pas bien. Pouvez-vous le dire autrement ?",
        "confused": "Pardon, qu'entendez-vous par « {term} » ? Je ne suis pas très technique.",
        "interrupted": "Laissez-moi finir, s'il vous plaît...",
        "identify": "Je suis {name}{from_department}.",
        "unknown_data": "Je ne le connais pas par cœur.",
        "from_department": ", du service {department}",
        "works": "Oui, ça marche maintenant. Merci !",
        "still_broken": "Non, ça ne marche toujours pas.",
        "still_there": "C'est toujours pareil qu'avant.",
        "closing": "Non, c'est tout. Merci !",
        "closing_angry": "Non. Faites simplement en sorte que ce soit réglé.",
        "confirm": "Oui, c'est ça.",
        "greeting": "Bonjour.",
        "greeting_angry": "Oui, bonjour. On peut avancer ?",
        "ack": "D'accord, merci.",
        "ack_irritated": "D'accord.",
        "ack_angry": "Bon. Mais dépêchez-vous, s'il vous plaît.",
        "again": "Comme je l'ai dit : {answer}",
        "wait_calm": "Allô ? Vous êtes toujours là ?",
        "wait_irritated": "Allô ? J'attends toujours une réponse.",
        "wait_angry": "C'est beaucoup trop long. Quelqu'un s'en occupe ?",
        "news": "Y a-t-il du nouveau concernant mon problème ?",
        "bounce": "Ce n'est pas pour notre équipe : vérifiez le ticket et transférez-le au bon groupe.",
        "fixed": "Merci, c'est ce qu'il nous fallait. Nous l'avons réglé de notre côté ; "
        "l'utilisateur peut réessayer maintenant.",
    },
}
"""What customers and second-line groups say when the scenario gives no text of its own."""


def line(language: str, key: str, **values: str) -> str:
    """A built-in line in the scenario's language (English when the language has none)."""
    table = LINES.get(language, LINES["en"])
    return table.get(key, LINES["en"][key]).format(**values)


def mood_line(language: str, key: str, mood: str) -> str:
    """A line with a variant per mood (`ack_angry`...), else the plain one."""
    table = LINES.get(language, LINES["en"])
    variant = f"{key}_{mood}"
    return table[variant] if variant in table else table[key]


# --------------------------------------------------------------------------- replies


@dataclass(frozen=True, slots=True)
class Reply:
    """What the customer answers to one candidate message, and why.

    `kind` goes into the customer_message event: "reply" (facts, rules,
    fallback), "ack" and "closing" (lines that need no answer).
    """

    text: str
    kind: str = "reply"
    rule: DialogueRule | None = None
    reveals: tuple[str, ...] = ()
    confused_by: tuple[str, ...] = ()
    intent: str | None = None

    @property
    def rule_id(self) -> str | None:
        return self.rule.id if self.rule else None

    @property
    def nudge(self) -> MoodNudge | None:
        return self.rule.mood if self.rule else None


@dataclass(slots=True)
class Context:
    """What the customer knows when they answer: who they are and what they already said."""

    customer: Customer
    language: str
    mood: str = "calm"
    revealed: set[str] = field(default_factory=set)
    solution_given: bool = False
    step_given: bool = False
    """A step (an instruction) was proposed earlier in the conversation: a check is a check."""
    asked: frozenset[str] = frozenset()
    """The rules whose reply the customer already said (in any of their conversations)."""
    promise_stands: bool = False
    """The candidate told them when they will hear back, and that time (plus their
    patience) has not passed: they do not ask a question of theirs again."""
    customer_said: tuple[str, ...] = ()
    """What the customer said in the case so far (rules 2.8: every conversation of the
    incident): a restatement gives it back."""
    spoke_before: bool = False
    """(2.8) The candidate already wrote or said something to the customer in the case."""
    fix_relayed: bool = False
    """(2.13) The message passes the second line's fix on (`in_context.relays_fix`): the
    customer answers with the rule that listens for a fix, whatever else its words set off."""

    def place(self) -> Place:
        """Where the message stands, for the one reading in context (`in_context.read_at`)."""
        from helpdesk_tui.customers.in_context import Place

        proposed = self.solution_given or self.step_given
        return Place(proposed, tuple(self.customer_said), self.spoke_before)


def matched_facts(facts: Sequence[Fact], text: str, language: str) -> list[Fact]:
    """Facts whose `ask` patterns occur in the text, in scenario order.

    Negation does not hide a question: "is the screen not black?" asks about the screen.
    """
    return [f for f in facts if first_mention(f.ask, text, language) is not None]


def matched_rule(
    rules: Sequence[DialogueRule], text: str, language: str, solution: Sequence[str] = ()
) -> DialogueRule | None:
    """The first rule whose `when` patterns are said in the text (negation applied).

    A rule that listens for a solution's words (`solution`: the customer tries the fix)
    hears them only where the candidate tells them (`told`): "Tell me more about the free
    counter" asks about the counter, it does not send the customer there. A rule whose
    words tell something other than a step (a promise of news, "keep you posted", "call you
    back"; sympathy: their acts are telling ones, `telling.telling_acts`, not only an
    instruction) does not hear them in a sentence that asks for
    data or about the problem and tells nothing of the kind (`telling.tells_in`, as the
    evidence reads a telling step since rules 2.6): "What number can I call you back on?"
    asks for a number, it promises no call (evid16)."""
    return next(
        (
            r for r in rules
            if (told(r.when, text, language) is not None if set(r.when) & set(solution)
                else _said_as_told(tuple(r.when), text, language))
        ),
        None,
    )  # fmt: skip


def _said_as_told(patterns: tuple[str, ...], text: str, language: str) -> bool:
    """A rule's pattern said, in a sentence that does what the rule's words do. A rule that
    listens for a step alone ("restart": its words are an instruction and tell nothing else)
    hears it in a question too: "Have you tried to restart?" puts the idea to the customer,
    who reacts to it."""
    if first_match(patterns, text, language) is None:
        return False
    if not telling_acts(patterns, language) - {"instruction"}:
        return True
    return any(
        first_match(patterns, s, language) is not None and tells_in(patterns, s, language)
        for s in sentences(text)
    )


def told(patterns: Iterable[str], text: str, language: str) -> str | None:
    """The first of `patterns` said in a sentence that tells the customer something: not a
    mere question, not a request for information (`customers.telling`, as the evidence
    reads the answer)."""
    sentences = telling(text, language)
    return next((p for p in patterns if any(heard(p, s, language) for s in sentences)), None)


NOT_ASKING = frozenset({"check", "progress", "hold"})
"""Acts that ask or tell something else than a fact: whether it works now, news on the
handling (a fix passed on), a request to wait. Not `instruction`: the layer reads some
restatements as one ("Goed, ik vat het even samen en ge zegt maar ...", worded-c), and a
restatement of facts already told is answered "Zoals ik al zei: ..."."""


def asks_about_facts(text: str, ctx: Context, again: bool = False) -> bool:
    """Can this message ask about a fact? Not a check ("Kunt ge het nog ne keer proberen
    en mij zeggen of het nu wel lukt?" asks whether it works, not how many times it was
    tried), and, for a fact already told (`again`), not news or a fix passed on that
    names its topic ("Après la coupure de courant, la box ... L'agence peut relancer le
    logiciel", read as `progress`), nor a request to hold, unless it also asks something (a
    question, an identification). A message with none of these acts (a restatement, a bare
    "Et le voyant ?") still can.

    A fact not yet told is still revealed by news or a step that names its topic (the
    customer adds what they know), as before: only a check is kept from revealing one."""
    reading = _read(text, ctx)
    acts = reading.acts
    if again and reading.restated:
        return False  # (2.4) their facts given back to confirm, not asked again
    if acts & {"question", "identify"}:
        return True
    return not acts & (NOT_ASKING if again else {"check"})


def respond(
    incident: Incident,
    text: str,
    ctx: Context,
    jargon: Sequence[str] = (),
    facts_first: bool = False,
) -> Reply:
    """The customer's answer to `text`, by the fixed order in the module docstring.

    `facts_first` (a second line's question relayed to the customer) answers
    with the facts asked for even when they were revealed before, ahead of
    the rules: the customer answers the question, whatever else it mentions.
    """
    if jargon:
        return Reply(_confused(incident, ctx, jargon[0]), confused_by=tuple(jargon))
    facts = matched_facts(incident.facts, text, ctx.language)
    if not facts_first and facts and not asks_about_facts(text, ctx, again=True):
        facts = [f for f in facts if f.id not in ctx.revealed]  # named, not asked again
        if not asks_about_facts(text, ctx):
            facts = []
    new = [f for f in facts if f.id not in ctx.revealed]
    if new or (facts_first and facts):
        told = new or facts
        return Reply(" ".join(f.answer for f in told), reveals=tuple(f.id for f in new))
    rule = _fix_rule(incident, ctx) or matched_rule(
        incident.rules, text, ctx.language, solution_patterns(incident)
    )
    if rule is not None:
        if ctx.promise_stands and rule.id in ctx.asked and expects_answer("reply", rule.reply):
            # "Hoe lang gaat dat duren?" was answered by "u hoort binnen 10 minuten van mij"
            ack = mood_line(ctx.language, "ack", ctx.mood)
            return Reply(ack, kind="ack", intent="ack")
        return Reply(rule.reply, rule=rule)
    if facts:
        answer = " ".join(f.answer for f in facts)
        return Reply(line(ctx.language, "again", answer=answer))
    return _built_in(incident, text, ctx)


def _fix_rule(incident: Incident, ctx: Context) -> DialogueRule | None:
    """(2.13) With the second line's fix relayed, the rule that listens for a fix (calmer, its
    words report one: `in_context.listens_for_fix`), before any other: "we pushed a new machine
    certificate ... restart it and connect the VPN again" is the fix, not the `restart` rule's
    "Restart? I already did" (en-northwind-monday, Raj)."""
    if not ctx.fix_relayed:
        return None
    from helpdesk_tui.customers.in_context import listens_for_fix

    return next(
        (
            r
            for r in incident.rules
            if r.mood == MoodNudge.CALMER and listens_for_fix(r.when, ctx.language)
        ),
        None,
    )


def _confused(incident: Incident, ctx: Context, term: str) -> str:
    if incident.fallback:
        return incident.fallback
    return line(ctx.language, "confused", term=term)


ACKNOWLEDGED = frozenset({"empathy", "apology", "progress", "hold"})
"""Acts the customer acknowledges ("Okay, thank you.")."""


def _read(text: str, ctx: Context) -> Reading:
    from helpdesk_tui.customers.in_context import read_at

    return read_at(text, ctx.language, ctx.place())


def _built_in(incident: Incident, text: str, ctx: Context) -> Reply:
    lang, mood = ctx.language, ctx.mood
    reading = _read(text, ctx)
    acts = reading.acts
    if "identify" in acts:
        return Reply(_identify_reply(text, ctx), intent="identify")
    if "check" not in acts and "check" in acts_in(text, lang):  # nothing proposed yet
        return Reply(line(lang, "still_there"), intent="question")
    if "check" in acts:
        key = "works" if ctx.solution_given else "still_broken"
        return Reply(line(lang, key), intent="check", kind="ack" if ctx.solution_given else "reply")
    if reading.restated:  # rules 2.3: "..., is that right?"
        # (2.4) before the closing: "..., or is there anything you would like to add?"
        return Reply(line(lang, "confirm"), kind="ack", intent="restate")
    if reading.closes:  # (2.8) the one reading in context: `in_context.read_at`
        return Reply(mood_line(lang, "closing", mood), kind="closing", intent="closing")
    if acts & {"greeting", "offer_help"}:
        if mood != "angry" and _greeted(ctx):
            return Reply("", kind="ack", intent="greeting")  # no bare "Bonjour." again
        return Reply(mood_line(lang, "greeting", mood), intent="greeting")
    if acts & ACKNOWLEDGED:
        return Reply(mood_line(lang, "ack", mood), kind="ack", intent="ack")
    fallback = incident.fallback or line(lang, "fallback")
    return Reply(fallback, intent="fallback")


def _greeted(ctx: Context) -> bool:
    """Has the customer already greeted in this conversation ("Bonjour, je n'arrive plus
    ...")? Then a greeting or an offer of help gets no bare greeting back: the customer
    has said hello and is telling the problem (their scripted messages go on)."""
    return any("greeting" in acts_in(said, ctx.language) for said in ctx.customer_said)


ASKED_DATA: dict[str, frozenset[str]] = {
    "en": frozenset({"number", "id", "username", "login", "badge", "staff", "employee",
                     "personnel", "phone", "extension", "payroll"}),
    "nl": frozenset({"nummer", "personeelsnummer", "gebruikersnaam", "login", "badge",
                     "badgenummer", "telefoonnummer", "gsm-nummer", "stamnummer", "id"}),
    "fr": frozenset({"matricule", "numero", "identifiant", "login", "badge", "telephone",
                     "poste", "id"}),
}  # fmt: skip
"""Words of an identification question that ask for data beyond the customer's name and
department (a staff number, a username): the scenario gives it as a fact, or they do not
know it."""


def _identify_reply(text: str, ctx: Context) -> str:
    """Who the customer is; asked for data the scenario does not give them (no fact answered
    it: "Et votre matricule, s'il vous plaît ?"), they say they do not know it offhand, once
    ("Je ne le connais pas par cœur"), after their name and department unless they said
    them already."""
    lang = ctx.language if ctx.language in ASKED_DATA else "en"
    unknown = line(lang, "unknown_data")
    who = _identify_line(ctx)
    if not set(words(text)) & ASKED_DATA[lang] or any(unknown in s for s in ctx.customer_said):
        return who
    if any(who in said for said in ctx.customer_said):
        return unknown  # their name and department are said: only what they do not know
    return f"{who} {unknown}"


def _identify_line(ctx: Context) -> str:
    c = ctx.customer
    dept = line(ctx.language, "from_department", department=c.department) if c.department else ""
    return line(ctx.language, "identify", name=c.name, from_department=dept)


def expects_answer(kind: str, text: str) -> bool:
    """Does the customer wait for an answer to this message (their patience runs)?

    Unprompted messages (scripted, follow-ups, news requests) always do; a reply
    does when it asks something back (a question mark), so "Okay, I'll wait."
    leaves the customer content and "Any idea how long that takes?" does not.
    """
    if kind in ("ack", "closing"):
        return False
    if kind == "reply":
        return "?" in text
    return True


def solution_patterns(incident: Incident) -> tuple[str, ...]:
    """Words that show the candidate gave a solution: the answer key's keywords."""
    answer = incident.answer
    found: list[str] = list(answer.solution_keywords)
    for alt in answer.alternatives:
        found.extend(alt.solution_keywords)
    fitting = answer.fitting_option
    if fitting is not None:
        found.extend(fitting.solution_keywords)
    # "reconnect | connect again": any of the forms is a solution word.
    return tuple(dict.fromkeys(f.strip() for k in found for f in k.split("|") if f.strip()))
