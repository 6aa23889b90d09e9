"""One reading of a candidate message at its place in the case (rules 2.8, issue 12).

What did this message do where it stands: its dialogue acts in turn (a `check` needs
something proposed before it), whether it restates the customer, whether it asks the closing
question. The simulated customer (`dialogue._built_in`, `asks_about_facts`) and the evidence
(COM-1 and SOL-1's procedure steps, COM-2's clarifying questions, COM-4's restatement) both ask
`read_at` with a `Place`, so they cannot disagree about what a message did.

**Scope: the case.** A `Place` is built from everything the candidate wrote or said to this
incident's customer before the message (every conversation of the incident, a chase's too,
and ticket replies) and everything that customer said in the incident's conversations: the
customer is one person, and a step told by ticket reply or in the first call reached them as
surely as one told a minute ago in this chat. "Does it work now?" in the chase after a step
told by mail is a check for them and for the assessor alike (docs/assessment.md, 2.8).

Pure: no clock, no state.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from helpdesk_tui.customers.content_words import content_stems, words
from helpdesk_tui.customers.dialogue import (
    Restated,
    acts_in,
    acts_in_turn,
    asks_closing,
    line,
    restates_in_turn,
)
from helpdesk_tui.customers.telling import sentences, telling
from helpdesk_tui.language.normalise import fold
from helpdesk_tui.scenario.model import DialogueRule, Incident, MoodNudge

FIXED: dict[str, tuple[str, ...]] = {
    "en": ("fixed", "resolved", "solved", "sorted", "reset", "restarted", "rebooted", "cleared",
           "repaired", "restored", "unlocked", "reinstalled", "replaced", "increased", "enabled",
           "renewed", "working again", "back up", "back online"),
    "nl": ("opgelost", "hersteld", "gereset", "herstart", "heropgestart", "gedeblokkeerd",
           "ontgrendeld", "vergroot", "vervangen", "geïnstalleerd", "geactiveerd", "gewist",
           "vrijgemaakt", "in orde", "werkt terug", "werkt weer"),
    "fr": ("réglé", "résolu", "réparé", "réinitialisé", "relancé", "redémarré", "débloqué",
           "déverrouillé", "rétabli", "remplacé", "réinstallé", "activé", "augmenté", "vidé",
           "fonctionne à nouveau", "remarche", "refonctionne"),
}  # fmt: skip
"""(2.8) Words of a fix reported as done ("Update: it's fixed.", "Ik heb uw paswoord gereset",
"C'est réparé de notre côté"): news that something was changed for the customer, not that
the ticket moves ("I've forwarded your ticket", "je m'en occupe")."""


def proposes(text: str, language: str) -> bool:
    """(2.8) Does the message put something forward that a check can ask about: a step to take
    (`instruction`: "Restart it"), or the operator's own fix reported (`progress` with a word
    of `FIXED`)? "Is it quicker for you now?" after either asks whether it works."""
    found = acts_in(text, language)
    if "instruction" in found:
        return True
    return "progress" in found and _reports_a_fix(text, language)


def _reports_a_fix(text: str, language: str) -> bool:
    said = f" {' '.join(fold(text).split())} "
    return any(f" {fold(w)}" in said for w in FIXED.get(language, FIXED["en"]))


FIX_NEW_WORDS = 2
FIX_WORDS = 3
"""(2.13) How much of the group's fix a message tells to relay it: `FIX_NEW_WORDS` of the words
its earlier replies (its questions) did not say, or `FIX_WORDS` of any of its words. "we pushed
a new machine certificate ... restart it and connect the VPN again" -> "Raj, we pushed a new
machine certificate to the laptop." (pushed: new; machine, certificate, laptop) or "Your laptop
has a new certificate now. Restart and try the VPN." (laptop, certificate, restart); not "I'm
still waiting for the network team about your laptop." (laptop)."""


def relays_fix(text: str, language: str, fix: str, before: Iterable[str] = ()) -> bool:
    """(2.13) Does the message pass the second line's fix (`fix`, its reply once its questions
    were answered) on to the customer, however it is worded? News (`progress`) that reports a fix
    (`FIXED`: "the certificate is renewed"), or that tells enough of the fix's words (`FIX_WORDS`;
    `before`: the group's earlier replies). "Good news" or "fixed" is not needed: the customer
    reacts to the fix, not to a phrase."""
    if "progress" not in acts_in(text, language):
        return False
    if _reports_a_fix(text, language):
        return True
    theirs = content_stems(fix, language)
    known = set().union(*(content_stems(t, language) for t in before))
    told = content_stems(" ".join(telling(text, language)), language) & theirs
    return len(told - known) >= FIX_NEW_WORDS or len(told) >= FIX_WORDS


def heard_as_fix(rule: DialogueRule, incident: Incident, text: str, language: str) -> bool:
    """(2.13) Is `rule` the one the customer answers `text` with as the second line's fix
    relayed (`dialogue._fix_rule`)? COM-6 asks it of a calmer mood the rule caused, as the
    customer heard it."""
    second = incident.second_line
    if second is None or rule.mood != MoodNudge.CALMER or not listens_for_fix(rule.when, language):
        return False
    asked = [q.text for q in second.questions]
    fix = (second.final_reply or line(language, "fixed")) if asked else second.reply
    return relays_fix(text, language, fix, asked)


def listens_for_fix(patterns: Iterable[str], language: str) -> bool:
    """(2.13) Do a dialogue rule's `when` patterns listen for a fix reported ("has been fixed",
    "renewed": a word of `FIXED`)? The rule the customer answers a relayed fix with."""
    return _reports_a_fix(" . ".join(patterns), language)


WORKS: dict[str, frozenset[str]] = {
    "en": frozenset(("works", "working", "worked", "connects", "connected", "fixed", "sorted",
                     "solved", "resolved")),
    "nl": frozenset(("werkt", "werkte", "lukt", "lukte", "gelukt", "opgelost", "hersteld")),
    "fr": frozenset(("marche", "marchent", "remarche", "fonctionne", "fonctionnent",
                     "refonctionne", "regle", "resolu", "repare")),
}  # fmt: skip
"""(2.13) Words a customer says the fix worked with ("it connects!", "het werkt terug", "ça
remarche"), folded: the scenario author's wording as much as the simulated customer's own line."""
WORKS_PHRASES: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (("that", "did", "it"), ("did", "the", "trick"), ("done", "the", "trick"),
           ("m", "back", "in"), ("am", "back", "in")),
    "nl": (),
    "fr": (),
}  # fmt: skip
"""(bugs17) Confirmations with no word of `WORKS` ("That did it, thanks!", "I'm back in"), as
folded words. Not "dat was het", "c'est bon", "all good" or "in orde": a customer answers the
closing question with them too ("Nee, dat was het.": that is all, said by every Lindeveld
customer)."""
CAN_AGAIN: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "en": (frozenset(("can",)), frozenset(("again",))),
    "nl": (frozenset(("kan", "kunnen", "lukt")), frozenset(("weer", "terug", "opnieuw"))),
    "fr": (frozenset(("peux", "pouvons", "peut")), frozenset(("nouveau",))),
}
"""(bugs17) "I can log in again", "Ik kan weer afdrukken", "Je peux de nouveau imprimer": a verb
of being able, then "again" within the next three words of its clause (the answer key's "kan
hij de map na opnieuw aanmelden openen" is a plan, four words apart)."""
NEGATING = frozenset(("not", "no", "never", "niet", "geen", "nooit", "ne", "pas", "jamais",
                      "toujours", "nothing", "niets", "rien", "moitie"))  # fmt: skip
"""(2.13) Words that keep a sentence from confirming even where the layer's negation scope does
not reach the verb ("Toujours pas, ça ne fonctionne pas.", "Het lukt nog altijd niet."). Not
"nog" (bugs17): "Het werkt nog." confirms; "nog niet" has its "niet"."""
NEGATING_IN: dict[str, frozenset[str]] = {
    "en": NEGATING, "nl": NEGATING, "fr": NEGATING | {"plus"},
}  # fmt: skip
"""(bugs17) "Ça marche plus." (spoken French drops the "ne"); in English "plus" adds."""
PAST_FORMS = frozenset(("worked", "werkte", "lukte", "marchait", "fonctionnait"))
PAST_TIMES: dict[str, frozenset[str]] = {
    "en": frozenset(("yesterday", "ago", "last", "before", "earlier", "used", "monday",
                     "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")),
    "nl": frozenset(("gisteren", "vroeger", "vorige", "vorig", "eerder", "voordien", "daarnet",
                     "daarjuist", "toen", "maandag", "dinsdag", "woensdag", "donderdag",
                     "vrijdag", "zaterdag", "zondag")),
    "fr": frozenset(("hier", "avant", "auparavant", "dernier", "derniere", "encore", "lundi",
                     "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")),
}  # fmt: skip
"""(bugs17) A past form of `WORKS` with a time before the call describes the problem ("It worked
on Thursday.", "Het werkte gisteren nog."), where "It worked!" after a step confirms."""


SUBORDINATING: dict[str, frozenset[str]] = {
    "en": frozenset(("if", "that", "whether", "when", "once", "unless", "until", "as")),
    "nl": frozenset(("als", "dat", "of", "wanneer", "zodra", "tot", "zolang", "indien")),
    "fr": frozenset(("si", "que", "qu", "quand", "lorsque", "des", "pourvu")),
}  # fmt: skip
"""(2.13) Words that make the clause after them a condition or a report, not the customer's
confirmation: "Als het maar opgelost raakt" (as long as it gets solved), "Op mijn pc staat dat
het afdrukken gelukt is" (the screen says so: the problem). A clause's first word is its
subject, not a conjunction ("Oké, dat werkt.", "That works, thanks!": `THAT`)."""


def confirms_fix(text: str, language: str) -> bool:
    """(rules 2.13) Does the customer's message say the fix works: a sentence, not a question,
    with a word of `WORKS`, no negation (`NEGATING`, "n't") and no conjunction before it
    (`SUBORDINATING`)? "No, it still doesn't work." is none; "Let me try... it connects! And I
    can see the finance share again." is one. DATA-4's `closed_unsolved` reads the customer's
    confirmation so. Read on the folded words (the layer's `fold`), not the layer's analysis:
    DATA is measured before the report's worker has analysed the messages (`assess.prime`)."""
    lang = language if language in WORKS else "en"
    for sentence in sentences(text):
        if sentence.rstrip().endswith("?") or _NOT.search(fold(sentence)):
            continue
        clauses = [words(c) for c in _CLAUSE_BREAK.split(sentence)]
        said = {w for clause in clauses for w in clause if not _compares(clause, w)}
        if said & NEGATING_IN[lang] or (said & PAST_FORMS and said & PAST_TIMES[lang]):
            continue
        if _works_in(clauses, lang):
            return True
    return False


_NOT = re.compile(r"n['\u2019]t\b")
_CLAUSE_BREAK = re.compile(r"[,;:]")
THAT = frozenset(("that", "dat"))
"""Also a demonstrative: the clause's subject where it opens the clause ("Oké, dat werkt.")."""


def _works_in(clauses: list[tuple[str, ...]], language: str) -> bool:
    """A word of `WORKS` with no conjunction before it in its sentence (a clause's first word
    that is also a demonstrative, `THAT`, is its subject)."""
    for clause in clauses:
        for i, word in enumerate(clause):
            if word in WORKS[language] or _phrase_at(clause, i, language):
                return True
            can, again = CAN_AGAIN[language]
            if word in can and again.intersection(clause[i + 1 : i + 4]):
                return True
            if word in SUBORDINATING[language] and not (i == 0 and word in THAT):
                return False
    return False


FASTER = frozenset(("vite", "rapide", "rapidement", "fluide"))
"""(bugs17) "Ça marche plus vite": "plus" compares there, where "Ça marche plus." negates."""


def _compares(clause: tuple[str, ...], word: str) -> bool:
    """Is this "plus" the comparison of "plus vite" (every "plus" of the clause is looked at)?"""
    return word == "plus" and all(
        clause[i + 1 : i + 2] and clause[i + 1] in FASTER
        for i, w in enumerate(clause)
        if w == "plus"
    )


def _phrase_at(clause: tuple[str, ...], i: int, language: str) -> bool:
    """A phrase of `WORKS_PHRASES` starts at word `i`."""
    for phrase in WORKS_PHRASES[language]:
        end = i + len(phrase)
        if clause[i:end] == phrase:
            return True
    return False


@dataclass(frozen=True, slots=True)
class Place:
    """Where a message stands in its case (the scope is the case: see the module docstring)."""

    proposed: bool = False
    """A step or a fix was put to the customer before (or the answer key's solution told)."""
    customer_said: tuple[str, ...] = ()
    """What the customer wrote or said in the case before the message."""
    spoke_before: bool = False
    """The candidate already wrote or said something to this customer in the case."""


def place_after(
    told: Iterable[str],
    customer_said: Sequence[str],
    language: str,
    solution_given: bool = False,
) -> Place:
    """The place after the candidate `told` these messages (in the case, in order) and the
    customer said `customer_said`; `solution_given`: the answer key's solution was told."""
    told = tuple(told)
    proposed = solution_given or any(proposes(t, language) for t in told)
    return Place(proposed, tuple(customer_said), bool(told))


@dataclass(frozen=True, slots=True)
class Reading:
    """What a message did at its place: the customer's and the evidence's one reading."""

    acts: frozenset[str]
    """Its acts in turn (`dialogue.acts_in_turn`), `restate` and `closing` as below."""
    restated: Restated | None
    """Why it restates the customer (`dialogue.restates_in_turn`), or None."""
    closes: bool
    """It asks the closing question (`dialogue.asks_closing`, without a step's patterns)."""

    def shows(self, act: str) -> bool:
        return act in self.acts


@lru_cache(maxsize=65536)
def acts_at(text: str, language: str, proposed: bool, spoke_before: bool) -> frozenset[str]:
    """`read_at`'s acts but `restate` and `closing`, which only the restatement and the closing
    question decide: what a procedure step and COM-2 read at the message's place, without the
    restatement reading (the customer's words so far), most of `read_at`'s cost."""
    return acts_in_turn(text, language, proposed, spoke_before) - {"restate", "closing"}


def asks_at(text: str, language: str, proposed: bool, spoke_before: bool) -> bool:
    """Does `text` ask a clarifying question at its place (`read_at`'s `question`)?"""
    return "question" in acts_at(text, language, proposed, spoke_before)


@lru_cache(maxsize=65536)
def read_at(text: str, language: str, place: Place) -> Reading:
    """The one reading of `text` at `place`: acts in turn; `restate` only when it restates
    the customer at that place; `closing` only when it asks the closing question."""
    found = set(acts_in_turn(text, language, place.proposed, place.spoke_before))
    restated = restates_in_turn(text, language, place.customer_said)
    closes = "closing" in found and asks_closing(
        text, language, (), place.proposed, place.customer_said, place.spoke_before
    )
    found.discard("restate")
    if restated is not None:
        found.add("restate")
    if not closes:
        found.discard("closing")
    return Reading(frozenset(found), restated, closes)
