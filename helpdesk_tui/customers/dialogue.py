"""What a simulated customer understands in the candidate's words, and what they answer.

Fairness needs the same words to get the same answer for every candidate, so
matching is rule-based and deterministic: a scenario's patterns are matched
case- and accent-insensitively, on word starts, with one typo allowed in words
of five letters or more (docs/scenario-format.md). `"printer"` thus matches
"Printers", "prnter" and "PRINTER's", but not "print".

A reply is chosen in a fixed order (docs/simulation.md):

1. glossary jargon sent to a novice: the customer does not understand;
2. hidden facts the message asks for and that are not yet revealed (COM-2);
3. the incident's rules, the first whose patterns match;
4. facts asked again (the customer repeats the answer);
5. small built-in intents every customer understands (identification,
   "does it work now?", the closing question, a greeting, an acknowledgement);
6. the incident's fallback, or a built-in one.

The module is pure: no clock, no state; the simulation decides when to answer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from helpdesk_tui.scenario.model import Customer, DialogueRule, Fact, Incident, MoodNudge

TYPO_MIN_LENGTH = 5
"""Pattern words this long (or longer) tolerate one typo."""

_NON_WORD = re.compile(r"[^0-9a-z]+")

# --------------------------------------------------------------------------- matching


def normalise(text: str) -> str:
    """Lower case, accents removed, everything but letters and digits a single space."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _NON_WORD.sub(" ", plain).strip()


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[str, ...]:
    """The normalised words of a text (cached: the same patterns are matched all exam long)."""
    return tuple(normalise(text).split())


def _one_edit(a: str, b: str) -> bool:
    """At most one insertion, deletion, substitution or swap of neighbours between a and b."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i = diff[0]
        return len(diff) == 2 and diff[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    short, long_ = (a, b) if la < lb else (b, a)
    for i in range(len(short)):
        if short[i] != long_[i]:
            return short[i:] == long_[i + 1 :]
    return True


@lru_cache(maxsize=65536)
def word_matches(pattern_word: str, text_word: str) -> bool:
    """Does a text word start with the pattern word (one typo allowed when it is long)?"""
    if text_word.startswith(pattern_word):
        return True
    n = len(pattern_word)
    if n < TYPO_MIN_LENGTH:
        return False
    return any(
        length <= len(text_word) and _one_edit(pattern_word, text_word[:length])
        for length in (n - 1, n, n + 1)
    )


def _phrase_at(pattern: tuple[str, ...], text: tuple[str, ...], start: int) -> bool:
    return all(word_matches(p, text[start + i]) for i, p in enumerate(pattern))


def matches_words(pattern: str, text_words: tuple[str, ...]) -> bool:
    """Does the pattern (one or more words) occur, word by word, in these words?"""
    pat = words(pattern)
    if not pat or len(pat) > len(text_words):
        return False
    return any(_phrase_at(pat, text_words, i) for i in range(len(text_words) - len(pat) + 1))


def matches(pattern: str, text: str) -> bool:
    """Does `pattern` occur in `text` (case, accents and one typo forgiven)?"""
    return matches_words(pattern, words(text))


def first_match(patterns: Iterable[str], text: str) -> str | None:
    """The first of `patterns` that occurs in `text`, or None."""
    text_words = words(text)
    return next((p for p in patterns if matches_words(p, text_words)), None)


def jargon_in(text: str, glossary: Mapping[str, str]) -> list[str]:
    """The glossary terms used in `text`, in glossary order (COM-5)."""
    text_words = words(text)
    return [term for term in glossary if matches_words(term, text_words)]


# --------------------------------------------------------------------------- built-in phrases

BUILT_IN: dict[str, dict[str, tuple[str, ...]]] = {
    "identify": {
        "en": ("your name", "full name", "who am i speaking", "who is calling", "your department",
               "which department", "what department"),
        "nl": ("uw naam", "je naam", "volledige naam", "met wie spreek", "uw afdeling",
               "welke afdeling", "je afdeling"),
        "fr": ("votre nom", "nom complet", "qui est a l appareil", "a qui ai je", "votre service",
               "quel service", "quel departement"),
    },
    "check": {
        "en": ("does it work", "did it work", "is it working", "working now", "try it now",
               "could you try", "can you try", "try again", "did that help"),
        "nl": ("werkt het", "lukt het", "probeer het", "probeert u", "kunt u proberen",
               "opnieuw proberen", "heeft het geholpen"),
        "fr": ("ca marche", "ca fonctionne", "essayez", "pouvez vous essayer", "reessayer",
               "est ce que ca marche"),
    },
    "closing": {
        "en": ("anything else", "something else", "anything more"),
        "nl": ("nog iets", "iets anders", "verder nog", "kan ik nog"),
        "fr": ("autre chose", "rien d autre", "quelque chose d autre"),
    },
    "greeting": {
        "en": ("good morning", "good afternoon", "hello", "hi", "service desk", "helpdesk"),
        "nl": ("goedemorgen", "goedemiddag", "hallo", "dag", "servicedesk", "helpdesk"),
        "fr": ("bonjour", "bonsoir", "service d assistance", "helpdesk", "service desk"),
    },
    "empathy": {
        "en": ("sorry", "apologi", "i understand", "understand", "i can imagine", "frustrating",
               "annoying", "that must be"),
        "nl": ("sorry", "excuses", "begrijp", "vervelend", "spijt", "ik snap", "kan me voorstellen"),
        "fr": ("desole", "excuse", "je comprends", "comprends", "navre", "regrettable", "j imagine"),
    },
    "progress": {
        "en": ("one moment", "moment please", "looking into", "i am checking", "i m checking",
               "working on", "keep you informed", "keep you posted", "keep you updated",
               "let you know", "an update", "quick update", "update on", "update you", "news",
               "progress", "passed", "forwarded",
               "transferred", "still being"),
        "nl": ("een moment", "momentje", "ik kijk", "ik zoek", "bezig", "op de hoogte",
               "laat het weten", "laat u weten", "een update", "nieuws", "stand van zaken",
               "doorgegeven", "doorgestuurd", "overgedragen"),
        "fr": ("un instant", "un moment", "je verifie", "je regarde", "je m en occupe",
               "je vous tiens", "tiens au courant", "nouvelles", "avancement", "transmis",
               "transfere", "en cours"),
    },
}  # fmt: skip
"""Patterns every simulated customer understands, per language, whatever the scenario says."""

LINES: dict[str, dict[str, str]] = {
    "en": {
        "fallback": "Sorry, I don't quite follow. Can you say that differently?",
        "confused": 'Sorry, what do you mean by "{term}"? I\'m not very technical.',
        "interrupted": "Let me finish, please...",
        "identify": "I'm {name}{from_department}.",
        "from_department": ", from {department}",
        "works": "Yes, it works now. Thank you!",
        "still_broken": "No, it still doesn't work.",
        "closing": "No, that's all. Thank you!",
        "closing_angry": "No. Just make sure it's sorted.",
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
        "from_department": ", van {department}",
        "works": "Ja, het werkt nu. Bedankt!",
        "still_broken": "Nee, het werkt nog steeds niet.",
        "closing": "Nee, dat was alles. Bedankt!",
        "closing_angry": "Nee. Zorg gewoon dat het opgelost raakt.",
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
        "from_department": ", du service {department}",
        "works": "Oui, ça marche maintenant. Merci !",
        "still_broken": "Non, ça ne marche toujours pas.",
        "closing": "Non, c'est tout. Merci !",
        "closing_angry": "Non. Faites simplement en sorte que ce soit réglé.",
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


def built_in_patterns(intent: str, language: str) -> tuple[str, ...]:
    """The built-in patterns of an intent in a language (English as a fallback)."""
    table = BUILT_IN[intent]
    return table.get(language, table["en"])


def intent_in(intent: str, text: str, language: str) -> bool:
    return first_match(built_in_patterns(intent, language), text) is not None


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


def matched_facts(facts: Sequence[Fact], text: str) -> list[Fact]:
    """Facts whose `ask` patterns occur in the text, in scenario order."""
    text_words = words(text)
    return [f for f in facts if any(matches_words(p, text_words) for p in f.ask)]


def matched_rule(rules: Sequence[DialogueRule], text: str) -> DialogueRule | None:
    """The first rule whose `when` patterns occur in the text."""
    text_words = words(text)
    return next((r for r in rules if any(matches_words(p, text_words) for p in r.when)), None)


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
    facts = matched_facts(incident.facts, text)
    new = [f for f in facts if f.id not in ctx.revealed]
    if new or (facts_first and facts):
        told = new or facts
        return Reply(" ".join(f.answer for f in told), reveals=tuple(f.id for f in new))
    rule = matched_rule(incident.rules, text)
    if rule is not None:
        return Reply(rule.reply, rule=rule)
    if facts:
        answer = " ".join(f.answer for f in facts)
        return Reply(line(ctx.language, "again", answer=answer))
    return _built_in(incident, text, ctx)


def _confused(incident: Incident, ctx: Context, term: str) -> str:
    if incident.fallback:
        return incident.fallback
    return line(ctx.language, "confused", term=term)


def _built_in(incident: Incident, text: str, ctx: Context) -> Reply:
    lang, mood = ctx.language, ctx.mood
    if intent_in("identify", text, lang):
        return Reply(_identify_line(ctx), intent="identify")
    if intent_in("check", text, lang):
        key = "works" if ctx.solution_given else "still_broken"
        return Reply(line(lang, key), intent="check", kind="ack" if ctx.solution_given else "reply")
    if intent_in("closing", text, lang):
        return Reply(mood_line(lang, "closing", mood), kind="closing", intent="closing")
    if intent_in("greeting", text, lang):
        return Reply(mood_line(lang, "greeting", mood), intent="greeting")
    if intent_in("empathy", text, lang) or intent_in("progress", text, lang):
        return Reply(mood_line(lang, "ack", mood), kind="ack", intent="ack")
    fallback = incident.fallback or line(lang, "fallback")
    return Reply(fallback, intent="fallback")


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
