"""Which sentences of a message tell the customer something: one reading for both sides.

A solution option counts as given, for the simulated customer (who then tries it) and for
the evidence (SOL-2, SOL-7, SOL-8, SIM-1, COM-2: "when was the answer given"), only in a
sentence that tells. Two kinds of sentence do not:

- a mere question, by its "?" or by its form ("Remarquez-vous quelque chose concernant le
  mot de passe"), unless it asks the customer to do something ("Could you plug the cable
  in?" is an instruction);
- a request for information: the candidate asks the customer to look and tell, or to tell
  more ("Could you have a look at the free counter and tell me what you find?", "Tell me a
  little more about the free counter, please.", "Kijkt u eens naar de teller en zegt u me
  wat u ziet?", "Regardez le compteur et dites-moi ce que vous voyez"). Read clause by
  clause: one clause asks them to tell (tell, describe, let me know; zeggen, vertellen,
  laten weten; dire, décrire, indiquer), and every other clause only asks them to look
  (look, see, find, read; and check, controleren, vérifier when the request asks what they
  see or find: "Check the free counter and tell me what you find") or is politeness
  ("please"). A clause that asks anything else ("Go to counter five and tell me if it
  works", "Check the free counter and tell me if it works") gives the step: the sentence
  tells.

The module is pure; `customers.simulation` and `assess.solutions` both read through it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from helpdesk_tui.language import Analysis, analyse
from helpdesk_tui.language.analyse import rules_analysis

LANGS = frozenset({"nl", "fr", "en"})
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_QUOTE = re.compile(r"(?<![\w])['‘’](?!(?:t|k|n|s)\b)|['‘’](?![\w])")
"""A quote mark at a word's edge; not the apostrophe of a Flemish or Dutch elision ("'t", "'k",
"'n", "'s": "Dan is 't lint op." keeps its article, as the customer's reading keeps it)."""
_CLAUSE_BREAK = re.compile(r"[,;:]")

TELL: dict[str, frozenset[str]] = {
    "en": frozenset({"tell", "describe", "say", "report", "show"}),
    "nl": frozenset({"zeggen", "vertellen", "beschrijven", "melden", "doorgeven", "tonen"}),
    "fr": frozenset({"dire", "decrire", "raconter", "indiquer", "preciser", "montrer"}),
}
"""Verbs (lemmas, accents off) that ask the customer to tell what they know."""

TELL_PAIRS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("let", "know"),),
    "nl": (("laten", "weten"),),
    "fr": (("faire", "savoir"),),
}
"""Two lemmas in one clause that ask the same: "let me know", "laat me weten"."""

LOOK: dict[str, frozenset[str]] = {
    "en": frozenset({"look", "see", "find", "read", "notice", "watch"}),
    "nl": frozenset({"kijken", "bekijken", "zien", "lezen", "vinden", "merken", "opmerken"}),
    "fr": frozenset({"regarder", "voir", "lire", "trouver", "remarquer", "constater"}),
}
"""Verbs that ask the customer to look, no more: harmless beside a request to tell."""

CHECK: dict[str, frozenset[str]] = {
    "en": frozenset({"check", "inspect"}),
    "nl": frozenset({"controleren", "nakijken", "checken"}),
    "fr": frozenset({"verifier", "controler"}),
}
"""Verbs that ask the customer to check something: a step in many answer keys ("check the
cable"), so they ask only to look when the request to tell asks what the customer sees or
finds ("Check the free counter and tell me what you find", evid16); "... and tell me if it
works" asks them to try it."""

COORDINATORS: dict[str, frozenset[str]] = {
    "en": frozenset({"and", "then"}),
    "nl": frozenset({"en", "dan"}),
    "fr": frozenset({"et", "puis"}),
}

POLITE: dict[str, frozenset[str]] = {
    "en": frozenset({"please", "thanks", "thank", "you", "kindly"}),
    "nl": frozenset({"alstublieft", "alsjeblieft", "aub", "a.u.b", "dank", "u", "even", "eens"}),
    "fr": frozenset({"se", "il", "vous", "plaire", "svp", "merci"}),
}
"""A clause made of these alone ("please", "s'il vous plaît") asks nothing."""


def _lang(lang: str) -> str:
    return lang if lang in LANGS else "en"


def unquoted(text: str) -> str:
    """Quotes around a word ('Deleted Items') taken off; "don't" and "l'écran" keep theirs.

    The layer (LAYER_VERSION 1.0) keeps an opening quote on the word it
    starts, so "'Empty Folder'" would not hold the pattern "empty".
    """
    return _QUOTE.sub(" ", text)


def read(text: str, lang: str) -> Analysis:
    """The layer's reading of a text as the evidence and the customers read answers."""
    return analyse(unquoted(text), _lang(lang))


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


def _clauses(analysis: Analysis) -> list[list[str]]:
    """The lemmas of each clause: cut at a comma, semicolon or colon and at "and"/"then"."""
    lang = analysis.lang
    clauses: list[list[str]] = [[]]
    last_end = 0
    for token in analysis.tokens:
        if _CLAUSE_BREAK.search(analysis.text[last_end : token.start]) and clauses[-1]:
            clauses.append([])
        last_end = token.end
        if token.norm in COORDINATORS[lang]:
            if clauses[-1]:
                clauses.append([])
            continue
        if not token.negated:
            clauses[-1].append(token.lemma)
    return [c for c in clauses if c]


def _tells(lemmas: list[str], lang: str) -> bool:
    found = set(lemmas)
    return bool(found & TELL[lang]) or any(a in found and b in found for a, b in TELL_PAIRS[lang])


@lru_cache(maxsize=65536)
def asks_to_tell(sentence: str, lang: str) -> bool:
    """A request for information: look-and-tell, or tell-me-more (module docstring)."""
    lang = _lang(lang)
    clauses = _clauses(read(sentence, lang))
    telling = [c for c in clauses if _tells(c, lang)]
    if not telling:
        return False
    looks = LOOK[lang] | (CHECK[lang] if any(set(c) & LOOK[lang] for c in telling) else set())
    return all(_tells(c, lang) or set(c) & looks or set(c) <= POLITE[lang] for c in clauses)


def mere_question(sentence: str, lang: str) -> bool:
    """A sentence that only asks: by its "?" or by its form, and not an instruction either."""
    analysis = read(sentence, lang)
    if "instruction" in analysis.acts:
        return False
    if sentence.rstrip().endswith("?"):
        return True
    found = {m.kind for m in analysis.matches if m.kind in analysis.acts and not m.negated}
    return "question" in found and not {"restate", "progress"} & found


@lru_cache(maxsize=65536)
def telling(text: str, lang: str) -> tuple[str, ...]:
    """The sentences of the text that tell the customer something (module docstring)."""
    return tuple(
        s for s in sentences(text) if not mere_question(s, lang) and not asks_to_tell(s, lang)
    )


# ---------------------------------------------------------------------- a telling step or rule


def acts_read(text: str, lang: str) -> frozenset[str]:
    """The acts the layer reads in a text, none from a negated match (the evidence's reading,
    `assess.wording.acts`)."""
    analysis = read(text, lang)
    return frozenset(m.kind for m in analysis.matches if m.kind in analysis.acts and not m.negated)


TELLING_ACTS = frozenset({"greeting", "progress", "instruction", "empathy", "apology", "hold"})
"""Acts that tell the customer something: a step whose patterns carry one of these and none of
`ASKING_ACTS` is a telling step ("Tell the customer when they will hear from you", "Greet and
introduce yourself", "advise ...")."""

ASKING_ACTS = frozenset({"identify", "question", "check", "closing", "offer_help"})
"""Acts that ask the customer something: a step whose patterns carry one of these is an asking
step (identification, scope, the check, the closing question), done by a question."""

ASKS_FOR_DATA = frozenset({"identify", "question"})
"""A sentence with one of these acts asks the customer for data or about the problem."""


@lru_cache(maxsize=4096)
def pattern_acts(patterns: tuple[str, ...], language: str) -> frozenset[str]:
    """The acts of a step's patterns read as one text: how a step knows what it is for.

    (l-model13) The rules' acts and the layer's together: the act model may add an act (the
    rules read a bare "personeelsnummer", "matricule", "employee number" as no act, the model
    as `identify`, what the verification step asks for), never take one the rules found in
    the author's words. The patterns joined are no message a writer wrote, and retrained
    weights moved them: 2.10's took `identify` from the nl/fr verification steps, weights
    trained on seventeen writers `instruction` from the Dutch "informeren" steps. Read by the
    rules alone, the verification steps would lose the model's `identify`
    (tests/customers/test_step_acts.py)."""
    text = " . ".join(patterns)
    rules = rules_analysis(unquoted(text), _lang(language))
    own = frozenset(m.kind for m in rules.matches if m.kind in rules.acts and not m.negated)
    return own | acts_read(text, language)


def telling_acts(patterns: tuple[str, ...], language: str) -> frozenset[str]:
    """(evid15) A telling step's own acts (its patterns tell, none asks); empty for an asking
    step or one whose patterns carry no act (a scope question, a verification)."""
    found = pattern_acts(patterns, language)
    return frozenset() if found & ASKING_ACTS else found & TELLING_ACTS


def tells_in(patterns: tuple[str, ...], sentence: str, language: str) -> bool:
    """(evid15) Does this sentence, holding one of a telling step's patterns, do the step? Not
    when it asks the customer for data or about the problem and tells nothing the step tells:
    "And the best number to call you back on?" holds the `inform` step's "call you back" but
    asks for a phone number (`identify`); "Good morning, who am I speaking with?" still greets
    (`greeting` beside `identify`)."""
    own = telling_acts(patterns, language)
    if not own:
        return True
    found = acts_read(sentence, language)
    return not ASKS_FOR_DATA & found or bool(own & found)
