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

from helpdesk_tui.customers.content_words import STEM_LENGTH, content_stems, words
from helpdesk_tui.customers.dialogue import (
    ASKED_DATA,
    ASKING_TO_TELL,
    IN_CONTEXT_RULE,
    LEADING,
    RESULT_QUESTION_WORDS,
    RESULT_WORDS,
    Restated,
    acts_in,
    acts_in_turn,
    asks_about_the_result,
    asks_closing,
    asks_new_in,
    line,
    restates_in_turn,
)
from helpdesk_tui.customers.mood import calming_in
from helpdesk_tui.customers.telling import sentences, telling
from helpdesk_tui.language import analyse
from helpdesk_tui.language.lexicon import lexicon
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
PRAISED_PHRASES: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (("that", "was", "it"),),
    "nl": (("dat", "was", "het"),),
    "fr": (("c", "etait", "ca"),),
}
"""(bugs18) "That was it" confirms only beside a word of `PRAISE` ("Super, dat was het!"): "Nee,
dat was het." answers the closing question (that is all), as every Lindeveld customer says it."""
PRAISE: dict[str, frozenset[str]] = {
    "en": frozenset(("great", "brilliant", "perfect", "super", "excellent", "fantastic",
                     "awesome", "wonderful", "finally")),
    "nl": frozenset(("super", "top", "perfect", "geweldig", "prima", "fantastisch",
                     "schitterend", "eindelijk", "fijn", "tof")),
    "fr": frozenset(("super", "parfait", "genial", "excellent", "formidable", "impeccable",
                     "enfin", "top")),
}  # fmt: skip
"""(bugs18) Words of relief or praise; not "yes", "ja", "oui" ("Ja, dat was het." answers "Was
dat alles?" too)."""
CAN_AGAIN: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "en": (frozenset(("can",)), frozenset(("again",))),
    "nl": (frozenset(("kan", "kunnen", "lukt")), frozenset(("weer", "terug", "opnieuw"))),
    "fr": (frozenset(("peux", "pouvons", "peut")), frozenset(("nouveau",))),
}
"""(bugs17) "I can log in again", "Ik kan weer afdrukken", "Je peux de nouveau imprimer": a verb
of being able, then "again" within the next three words of its clause (the answer key's "kan
hij de map na opnieuw aanmelden openen" is a plan, four words apart)."""
NEGATING = frozenset(("not", "no", "never", "niet", "geen", "nooit", "ne", "pas", "jamais",
                      "toujours", "nothing", "niets", "rien"))  # fmt: skip
"""(2.13) Words that keep a sentence from confirming even where the layer's negation scope does
not reach the verb ("Toujours pas, ça ne fonctionne pas.", "Het lukt nog altijd niet."). Not
"nog" (bugs17): "Het werkt nog." confirms; "nog niet" has its "niet"."""
NEGATING_IN: dict[str, frozenset[str]] = {
    "en": NEGATING, "nl": NEGATING, "fr": NEGATING | {"plus"},
}  # fmt: skip
"""(bugs17) "Ça marche plus." (spoken French drops the "ne"); in English "plus" adds."""
PARTLY = frozenset(("half", "partly", "partially", "sometimes", "gedeeltelijk", "deels",
                    "soms", "moitie", "partie", "partiellement", "parfois"))  # fmt: skip
"""(bugs17, bugs18) A fix that works in part or at times is no confirmation: "It only half
works.", "Het werkt maar half.", "Ça marche à moitié.", "Het werkt soms."."""
ELSEWHERE: dict[str, frozenset[str]] = {
    "en": frozenset(("colleague", "colleagues", "coworker", "coworkers", "worker", "else",
                     "elsewhere", "neighbour", "neighbor")),
    "nl": frozenset(("collega", "collegas", "elders", "buurman", "buurvrouw", "anderen")),
    "fr": frozenset(("collegue", "collegues", "ailleurs", "voisin", "voisine")),
}  # fmt: skip
"""(bugs18) Someone else's machine or another place: "Bij mijn collega werkt het wel.", "It
works for my colleague.", "Chez ma collègue ça marche." say where it is not the customer's
(the problem told again), not that their own works now."""
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
        if said & (NEGATING_IN[lang] | PARTLY | ELSEWHERE[lang]) or (
            said & PAST_FORMS and said & PAST_TIMES[lang]
        ):
            continue
        if _works_in(clauses, lang, praised=bool(said & PRAISE[lang])):
            return True
    return False


_NOT = re.compile(r"n['\u2019]t\b")
_CLAUSE_BREAK = re.compile(r"[,;:]")
THAT = frozenset(("that", "dat"))
"""Also a demonstrative: the clause's subject where it opens the clause ("Oké, dat werkt.")."""


def _works_in(clauses: list[tuple[str, ...]], language: str, praised: bool = False) -> bool:
    """A word of `WORKS` with no conjunction before it in its sentence (a clause's first word
    that is also a demonstrative, `THAT`, is its subject); a `PRAISED_PHRASES` one counts in a
    sentence that holds a word of `PRAISE` (`praised`)."""
    phrases = WORKS_PHRASES[language] + (PRAISED_PHRASES[language] if praised else ())
    for clause in clauses:
        for i, word in enumerate(clause):
            if word in WORKS[language] or _phrase_at(clause, i, phrases):
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


def _phrase_at(clause: tuple[str, ...], i: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """One of `phrases` starts at word `i`."""
    for phrase in phrases:
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
def acts_at(
    text: str,
    language: str,
    proposed: bool,
    spoke_before: bool,
    customer_said: tuple[str, ...] = (),
) -> frozenset[str]:
    """`read_at`'s acts but `restate` and `closing`, which only the restatement and the closing
    question decide: what a procedure step and COM-2 read at the message's place, without the
    restatement reading (the customer's words so far), most of `read_at`'s cost. With
    `customer_said` (2.14) it reads the turn as `read_at` does: a check after the customer
    reported the step done, a question that only gives their words back asks nothing."""
    found = _in_turn(text, language, proposed, spoke_before, customer_said)
    if "question" in found and _restates_asking_nothing(text, language, customer_said):
        found = found - {"question"}
    if tells_a_finding(text, language, found, spoke_before, customer_said) and (
        restates_in_turn(text, language, customer_said) is None
    ):
        found = frozenset({"progress"})
    return found - {"restate", "closing"}


def asks_at(
    text: str,
    language: str,
    proposed: bool,
    spoke_before: bool,
    customer_said: tuple[str, ...] = (),
) -> bool:
    """Does `text` ask a clarifying question at its place (`read_at`'s `question`)?"""
    return "question" in acts_at(text, language, proposed, spoke_before, customer_said)


@lru_cache(maxsize=65536)
def read_at(text: str, language: str, place: Place) -> Reading:
    """The one reading of `text` at `place`: acts in turn; `restate` only when it restates
    the customer at that place; `closing` only when it asks the closing question; (2.14) no
    `question` when its questions only give the customer's words back for a yes."""
    said = place.customer_said
    found = set(_in_turn(text, language, place.proposed, place.spoke_before, said))
    restated = restates_in_turn(text, language, said)
    closes = "closing" in found and asks_closing(
        text, language, (), place.proposed, said, place.spoke_before
    )
    if restated is None and finding_at(text, language, place):
        found.add("progress")  # (2.14) "Orange means it's on but gets no signal."
    if "check" in found and restated is not None and restated.rule == IN_CONTEXT_RULE:
        restated = None  # (2.14) "Kunt ge inloggen?" after "gedaan" asks whether it works
    found.discard("restate")
    if restated is not None:
        found.add("restate")
        if _asks_nothing_new(text, language, restated, said):
            found.discard("question")
    if not closes:
        found.discard("closing")
    return Reading(frozenset(found), restated, closes)


@lru_cache(maxsize=65536)
def finding_at(text: str, language: str, place: Place) -> bool:
    """(2.14) Is `text` a finding told at `place` (`tells_a_finding`, not a restatement):
    `progress` that only its place gives it? The one test every reader of progress asks: the
    customer's reply (`read_at`), a procedure step (`acts_at`), the mood (`calming_at`), COM-6
    and SOL-6's news (ctx-read3: before, the last three read progress in the message alone)."""
    said = place.customer_said
    found = _in_turn(text, language, place.proposed, place.spoke_before, said)
    if not tells_a_finding(text, language, found, place.spoke_before, said):
        return False
    return restates_in_turn(text, language, said) is None


def calming_at(text: str, language: str, place: Place) -> frozenset[str]:
    """(2.14, ctx-read3) The acts of `text` that calm its customer at `place`: the mood's own
    sentence-by-sentence reading (`mood.calming_in`, rules 2.13) and a finding told
    (`finding_at`), which the customer acknowledges as news on their case. The simulated mood
    and COM-6 both read calming so, as the customer's reply does."""
    found = calming_in(text, language)
    return found | FINDING if finding_at(text, language, place) else found


# ------------------------------------------------------------------ rules 2.14 (issue 12)


def _in_turn(
    text: str, language: str, proposed: bool, spoke_before: bool, said: tuple[str, ...]
) -> frozenset[str]:
    """`dialogue.acts_in_turn`, and (2.14) after the customer reported a step done or its
    result (`reports_done`: "gedaan", "c'est fait", "it's back"; never in their first turn,
    which tells the problem: "Outlook geeft een foutmelding als ik het open"), something was proposed
    (a step the layer missed still was one) and a yes/no question about it is a check."""
    done = spoke_before and len(said) > 1 and reports_done(said[-1], language)
    found = acts_in_turn(text, language, proposed or done, spoke_before)
    if done and asks_if_it_works(text, language, found, said[:-1]):
        return frozenset({"check"})
    if (proposed or done) and found == BOTH and asks_about_the_result(text, language):
        return frozenset({"check"})  # "Has it arrived?" after a step: it asks nothing else
    return found


BOTH = frozenset({"check", "question"})


DONE: dict[str, frozenset[str]] = {
    "en": frozenset(("done", "did", "worked", "works", "working", "fixed", "connected",
                     "reconnected", "back", "printed", "printing", "scanned", "cleared",
                     "deleted", "pressed", "pushed", "restarted", "rebooted",
                     "wiped", "installed", "removed", "clicked", "paired", "joined", "loads",
                     "loaded", "sorted", "arrived", "received")),
    "nl": frozenset(("gedaan", "gelukt", "lukt", "werkt", "gaat", "terug", "verbonden",
                     "ingestoken", "ingelezen", "ontvangen", "gevonden", "toegevoegd",
                     "geupload", "verstuurd", "geinstalleerd", "binnen", "weer", "beter",
                     "herstart", "opgelost", "aangekomen")),
    "fr": frozenset(("marche", "remarche", "fonctionne", "recu", "redemarre", "connecte",
                     "connectee", "revenu", "revenue", "remis", "remise", "rebranche",
                     "allume", "ouvre", "active", "installe", "publie",
                     "trouve", "accepte", "mieux", "acces", "rallume", "arrive")),
}  # fmt: skip
"""(2.14) Words of a customer's short turn that report a step done or its result ("ok done
that", "hij staat terug aan", "il s'allume", "it's back"): what the operator asks next, yes or
no, is whether it works."""
DONE_AT_END: dict[str, frozenset[str]] = {
    "en": frozenset(("in", "up", "open", "done")),
    "nl": frozenset(("erop", "gedaan")),
    "fr": frozenset(("ligne", "allume", "ouvert", "fait")),
}
"""(2.14) Words that report a result only as a turn's first or last word ("I'm in.", "c'est
fait", "fait, clôture OK"), not inside a description ("it's in the drawer", "le pc fait du
bruit"). Not "now", "on", "moved", "voilà": an answer to a question says them too ("lights
are on", "yeah, 3 times now", "it was moved yesterday", "Voilà, et j'ai une réunion")."""
DONE_MAX_WORDS = 10
NOT_DONE: dict[str, frozenset[str]] = {
    "en": frozenset(("not", "no", "nope", "nothing", "still", "same", "never", "cant", "t",
                     "yet", "failed", "error")),
    "nl": frozenset(("niet", "geen", "nee", "niks", "nog", "steeds", "nooit", "fout")),
    "fr": frozenset(("pas", "non", "rien", "toujours", "jamais", "plus", "erreur", "encore")),
}  # fmt: skip
"""(2.14) Words that make a customer's report one of failure ("still red", "gaat ook niet",
"toujours rien"): a question after it may ask about the problem."""


def reports_done(said: str, language: str) -> bool:
    """(2.14) Does the customer's turn report a step done or its result, briefly, with no
    question and no failure ("gedaan", "ok, verbonden met eduroam", "c'est fait", "It's back
    now.")? Not "it's still red", "nope", "gaat ook niet", nor a description they are asked for."""
    lang = language if language in DONE else "en"
    mine = words(said)
    if not mine or len(mine) > DONE_MAX_WORDS or "?" in said:
        return False
    if set(mine) & NOT_DONE[lang]:
        return False
    return bool(set(mine) & DONE[lang]) or bool({mine[0], mine[-1]} & DONE_AT_END[lang])


CHECK_MAX_WORDS = 10
"""(2.14) A yes/no question after the customer reported a step done asks whether it works when
it is this short and names what they could not do ("Can you see next month's sailings as
well?"), or is short enough to ask about nothing else (`dialogue.RESULT_QUESTION_WORDS`)."""
MAY_BE_A_CHECK = frozenset({"question", "identify", "instruction"})


def asks_if_it_works(
    text: str, language: str, found: frozenset[str], before: tuple[str, ...]
) -> bool:
    """(2.14) Read right after the customer reported a step done: is this a yes/no question
    about the result ("Has it arrived?", "Kunt ge bellen?", "Vous êtes connecté ?", "And your
    phone?")? One question, no question word opening it, not a request to tell something, no
    other act than a question, an identification or a "can you" read as a step; a step only
    when it names what the customer said they could not do ("Kunt ge inloggen?" after "ik kan
    niet inloggen"), never a new one ("Can you restart it?")."""
    if not found <= MAY_BE_A_CHECK or text.count("?") != 1:
        return False  # an empty reading too: "And the booking app?" asks by its form
    if not text.rstrip().endswith("?"):
        return False
    lang = language if language in DONE else "en"
    mine = [w for w in words(text) if w not in LEADING]
    if not mine or len(mine) > CHECK_MAX_WORDS or set(mine) & lexicon(lang).questions.words:
        return False  # a question word anywhere: "Vous utilisez quel bouton ?", "Depuis quand ?"
    if set(mine) & ALTERNATIVE[lang]:
        return False  # "Orange ou blanc ?", "wifi or mobile data?": which of two, not whether
    if set(mine) & ASKING_TO_TELL[lang]:
        return False
    if "identify" in found and set(mine) & (ASKED_DATA[lang] - DEVICES):
        return False  # "And your staff number?" identifies
    theirs = set().union(*(content_stems(s, language, short=True) for s in before))
    named = bool(content_stems(text, language, short=True) & theirs)
    if "instruction" in found:
        return named
    return named or len(mine) <= RESULT_QUESTION_WORDS or bool(set(mine) & RESULT_WORDS[lang])


READ_AS_CHECK = frozenset({"identify", "instruction"})
"""(2.14) Acts a message read alone may carry that its place reads as a check instead
(`asks_if_it_works`: "Kunt ge inloggen?", "Vous êtes connectée ?" after "c'est fait")."""


def steps_at(
    text: str, language: str, alone: Iterable[str], at: frozenset[str], in_turn: frozenset[str]
) -> frozenset[str]:
    """The acts a procedure step reads in a message (`assess.integrity._acts_at`): those of
    `in_turn` as its place reads them (`at`: `acts_at`), the others as the message alone
    (`alone`), but (2.14) not an identification or a step the place reads as a check, and
    a finding the place reads as `progress` (`tells_a_finding`), so the evidence and the
    customer read one check and one piece of news."""
    found = (set(alone) - in_turn) | (at & in_turn)
    if "check" in at and not at & READ_AS_CHECK:
        found -= READ_AS_CHECK
    if at == FINDING and not acts_in(text, language):
        found |= FINDING
    return frozenset(found)


def _forbids(text: str, language: str, mine: Sequence[str]) -> bool:
    """(2.14) Does the statement forbid a step or make one unnecessary ("Don't unplug it", "Ge
    moet geen nieuwe aanvraag indienen", "Pas besoin de redémarrer")? A negation the layer read,
    one opening the message, or one beside a word of need. A contrast stays a finding: "Then
    it's the scanner's mail setting, not your mailbox."
    """
    if _negation_read(text, language):
        return True
    lang = language if language in NOT_TOLD else "en"
    negators = lexicon(lang).negation.core | NOT_TOLD[lang]
    if set(mine[:2]) & negators:
        return True
    return bool(set(mine) & negators) and bool(set(mine) & NEED[lang])


NEED: dict[str, frozenset[str]] = {
    "en": frozenset(("need", "needs", "have", "must")),
    "nl": frozenset(("hoeft", "hoef", "moet", "moogt", "nodig")),
    "fr": frozenset(("besoin", "inutile", "faut", "devez", "dois")),
}
"""(2.14) Words of need: beside a negation they make a step unnecessary."""


def _negation_read(text: str, language: str) -> bool:
    """Did the layer read a negation in the message (a negated phrase or act)?"""
    found = analyse(text, language)
    return bool(found.negated) or any(m.negated for m in found.matches)


FINDING = frozenset({"progress"})
FINDING_MIN_WORDS = 4
FINDING_MAX_WORDS = 25
FINDING_MAX_SENTENCES = 2
"""(2.14, ctx-read3) A finding is told in a sentence or two ("Gisteren is uw modem herstart. Ik
zie vandaag weer zes onderbrekingen.": every finding of context1-3 has 21 words or fewer, two
sentences or fewer). A longer act-less text is an article's lines pasted ("Here is what to do,
Doris: Reception prints vouchers in the visitor book app: ... A voucher works on 2 devices for 24
hours.", the cheater `forger` to a customer whose mailbox is full: read as a finding by its
"visitor", the customer thanked it as news and the run forked, northwind 4 breaches -> 3)."""
NOT_TOLD: dict[str, frozenset[str]] = {
    "en": frozenset(("t",)),
    "nl": frozenset(),
    "fr": frozenset(("ne", "n")),
}
"""(2.14) Negation words `words()` leaves of a contraction ("don't" -> "don", "t"; "n'est"),
beside the lexicon's own (`Negation.core`)."""


def tells_a_finding(
    text: str, language: str, found: frozenset[str], spoke_before: bool, said: tuple[str, ...]
) -> bool:
    """(2.14) Is this act-less statement a finding told to the customer, news on their case
    ("Orange means it's on but not getting a signal from the laptop.", "Your 12-month discount
    ended on the 1st.", "Then it's the scanner's mail setting, not your mailbox" without its
    negation)? Said after the operator's first message and after the customer described
    something, about a thing they named (a content word of theirs), a statement of four words
    or more: no question, no exclamation (a well-wish: "Succes op de spoed!"), no negation (a
    step made unnecessary or forbidden: "Ge moet geen nieuwe aanvraag indienen"). The
    restatement, which also names their things, is read before it (`read_at`)."""
    if found or not spoke_before or not said or "?" in text:
        return False
    if text.rstrip().endswith("!"):
        return False
    mine = words(text)
    if not FINDING_MIN_WORDS <= len(mine) <= FINDING_MAX_WORDS or _forbids(text, language, mine):
        return False
    if len(sentences(text)) > FINDING_MAX_SENTENCES:
        return False
    return _names_their_thing(_unaddressed(text), language, said)


def _names_their_thing(text: str, language: str, said: tuple[str, ...]) -> bool:
    """(2.14) Does `text` name a thing the customer named: a content word of theirs
    (`content_stems`), the same word or lemma, not only its first letters ("wachten", to
    wait, is no "wachtwoord", password; ctx-read3)?"""
    theirs = set().union(*(content_stems(s, language, short=True) for s in said))
    shared = content_stems(text, language, short=True) & theirs
    if not shared:
        return False
    mine = _forms(text, language, shared) - PEOPLE.get(language, PEOPLE["en"])
    return any(mine & _forms(s, language, shared) for s in said)


PEOPLE: dict[str, frozenset[str]] = {
    "en": frozenset(("people", "person", "persons", "someone", "everyone", "anyone", "everybody",
                     "colleague", "colleagues", "customer", "customers", "client", "clients",
                     "staff", "queue", "queuing")),
    "nl": frozenset(("mensen", "mens", "persoon", "personen", "iemand", "iedereen", "collega",
                     "collegas", "klant", "klanten", "client", "clienten", "burger", "burgers",
                     "rij", "wachtrij")),
    "fr": frozenset(("gens", "personne", "personnes", "quelqu", "monde", "collegue", "collegues",
                     "client", "clients", "patient", "patients", "file")),
}  # fmt: skip
"""(2.14, ctx-read3) Words for the people around the customer, folded: no thing of their case.
"Rudi, da's stressy, zeker als er mensen op u wachten." gives back "mensen" from "er staan
hier mensen te roepen": sympathy, not a finding (it forked worded-f's lindeveld run)."""


def _forms(text: str, language: str, stems: set[str]) -> set[str]:
    """The folded words and lemmas of `text` whose stem is one of `stems`."""
    found: set[str] = set()
    for token in analyse(text, language).tokens:
        for word in (*words(token.norm), *words(token.lemma)):  # "reader's": reader, s
            if word[:STEM_LENGTH] in stems:
                found.add(word)
    return found


_NAME = r"(?:[A-Z][\w.'\u2019-]*|" + "|".join(
    ("mevrouw", "meneer", "madame", "monsieur", "mademoiselle", "sir", "madam", "dokter",
     "docteur", "dr", "mr", "mrs", "ms", "mme", "mevr", "dhr")
) + ")"  # fmt: skip
_ADDRESS_START = re.compile(rf"^\s*{_NAME}(?:\s+{_NAME}){{0,2}}\s*,")
_ADDRESS_END = re.compile(rf",\s*{_NAME}(?:\s+{_NAME}){{0,2}}\s*([.!?]*)\s*$")
"""Who is spoken to, set off by a comma at the message's start or end: one to three words,
each a capitalised word or a title ("Kyle, ...", "Dr Gobert, ...", "..., mevrouw De Smet.");
also an opener ("Right, ..."), no thing of the customer's either. "Your printer, ..." is not
one (a lower-case word). The end's punctuation stays ("What happens with the phone, Liam?")."""


def _unaddressed(text: str) -> str:
    """(2.14, ctx-read3) The statement without the words it addresses the customer by: naming
    them is no thing of theirs. "Kyle, honestly, that would drive anyone up the wall." shares
    only "Kyle" with what Kyle said; read as a finding it forked worded-h's calder run (Kyle
    answered "Okay." to sympathy, 22 -> 15 favourable); "Dr Gobert, c'est pas le fun
    pantoute." forked worded-i's haute-meuse run."""
    return _ADDRESS_END.sub(r"\1", _ADDRESS_START.sub(" ", text))


ALTERNATIVE: dict[str, frozenset[str]] = {
    "en": frozenset(("or",)),
    "nl": frozenset(("of",)),
    "fr": frozenset(("ou",)),
}
"""(2.14) An alternative question asks which, a clarifying question, not whether it works."""
DEVICES = frozenset({"phone", "telephone", "gsm", "poste", "extension", "badge", "login"})
"""Words of `dialogue.ASKED_DATA` that also name the device or account a check asks about
("And your phone?" after "the laptop works now")."""


def _restates_asking_nothing(text: str, language: str, said: tuple[str, ...]) -> bool:
    """`read_at`'s test for `acts_at`: a restatement whose questions ask nothing new."""
    if not said:
        return False
    restated = restates_in_turn(text, language, said)
    return restated is not None and _asks_nothing_new(text, language, restated, said)


def _asks_nothing_new(text: str, language: str, restated: Restated, said: tuple[str, ...]) -> bool:
    """(2.14) A restatement typed as a question ("So Outlook won't start at all?", "You were
    billed for five users when you have three?"): the customer's words given back, asking only
    for a yes. Read in context (`restate.in_context`) its questions already ask nothing new;
    the layer's restatement (an opener: "So ...") is checked the same way, each question
    sentence, and neither may open its asking clause with a question word or an inverted
    "you" (`dialogue.asks_new_in`)."""
    return not asks_new_in(_unaddressed(text), language, said)  # not "..., Liam?" (ctx-read3)
