"""Warnings about a scenario's patterns, read through the language layer (`scenario validate`).

Two traps the layer cannot decide for the author:

- a pattern word that starts other, common words of the language with another
  meaning: a pattern matches word starts, so "cache" also hears "cachet" and
  "print" hears "printer";
- a one-word pattern also hears the longer words that start with it and have
  another lemma, its derivations ("message" hears "messagerie", "print"
  "printer", "install" "installation"): listed for the author to confirm or to
  narrow (a phrase, "le message"): a note, counted apart from the warnings,
  never refused;
- solution options whose key words are all key words of another option: a
  message that gives the one then also gives the other, and the assessment
  cannot tell which option the candidate chose;
- a pattern of a dialogue rule that moves the customer's mood, said by a stock
  opener too (`STOCK_OPENERS`: the greetings and open questions every candidate
  writes, docs/authoring-exams.md): Tom's `gebeurt` heard "Wat is er gebeurd?", so
  his reassurance rule calmed him on a question nobody meant as comfort.

These checks read the language's whole dictionary, which takes a second, so
they run in `scenario validate` only, never while an exam loads its scenario.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import cache

from helpdesk_tui.core.phrase import Phrase
from helpdesk_tui.scenario._check import At, Checker
from helpdesk_tui.scenario.model import Scenario

PREFIX_MIN = 4
"""Pattern words shorter than this are not looked at (they are mostly whole words)."""
LONGER_BY = 1
"""Dictionary words at most this much longer than the pattern word count as traps: a
letter more is where another word hides ("cache" / "cachet", "print" / "prints" is an
inflection and is not one); longer words are mostly derivations of the same word."""
SHOWN = 4
INFLECTION_ENDINGS = {
    "nl": frozenset({"s", "e", "n", "t"}),
    "fr": frozenset({"s", "e", "x"}),
    "en": frozenset({"s", "d"}),
}
"""Letters that inflect a word rather than make another one."""


@cache
def _sorted_words(lang: str) -> tuple[str, ...]:
    """The language's dictionary words, folded and sorted (for prefix look-ups)."""
    from simplemma.strategies import DEFAULT_DICTIONARY_FACTORY

    from helpdesk_tui.language.normalise import fold

    words = DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)
    return tuple(sorted({fold(w) for w in words if w.isalpha()}))


def prefix_traps(word: str, lang: str) -> list[str]:
    """Real words that start with `word`, are a little longer, and have another lemma."""
    from helpdesk_tui.language.lemmas import lemma

    if len(word) < PREFIX_MIN or not word.isalpha():
        return []
    words = _sorted_words(lang)
    own = lemma(word, lang)
    endings = INFLECTION_ENDINGS.get(lang, frozenset())
    found: list[str] = []
    start = bisect.bisect_left(words, word)
    for at in range(start, len(words)):  # not `words[start:]`: a copy of the tail each time
        other = words[at]
        if not other.startswith(word):
            break
        if len(other) > len(word) + LONGER_BY:
            continue
        if other == word:
            found += [f for f in _accented(word, lang) if _unrelated(lemma(f.lower(), lang), own)]
        elif other[len(word) :] in endings:
            continue  # "kabel"/"kabels", "prise"/"prises": an inflection, the same word
        elif _unrelated(lemma(other, lang), own) and lemma(other, lang) != word:
            found.append(other)
    return found


DERIVATIONS_SHOWN = 6


def derivations(word: str, lang: str) -> list[str]:
    """Dictionary words more than `LONGER_BY` letters longer than `word` that start with it,
    have another lemma, and that the layer's start rule lets the one-word pattern hear
    ("message" -> "messagerie"), shortest first (the common ones are mostly short)."""
    from helpdesk_tui.language import analyse
    from helpdesk_tui.language.find import find
    from helpdesk_tui.language.lemmas import lemma

    if len(word) < PREFIX_MIN or not word.isalpha():
        return []
    words = _sorted_words(lang)
    own = lemma(word, lang)
    by_lemma: dict[str, str] = {}
    start = bisect.bisect_left(words, word)
    for at in range(start, len(words)):
        other = words[at]
        if not other.startswith(word):
            break
        if len(other) <= len(word) + LONGER_BY:
            continue
        other_lemma = lemma(other, lang)
        if other_lemma in (own, word) or lemma(other_lemma, lang) == own:
            continue  # an inflection of the same word ("printed", "printing", "printings")
        if other_lemma in by_lemma:
            continue  # one word per lemma: "cacheter", not also "cacheta", "cachetez"
        if find(word, analyse(other, lang)) is not None:
            named = other_lemma.startswith(word) and len(other_lemma) > len(word) + LONGER_BY
            by_lemma[other_lemma] = other_lemma if named else other  # "cacheter", not "cacheta"
    return sorted(by_lemma.values(), key=lambda w: (len(w), w))


def _unrelated(other_lemma: str, own: str) -> bool:
    return (
        other_lemma != own and not other_lemma.startswith(own) and not own.startswith(other_lemma)
    )


def _accented(word: str, lang: str) -> list[str]:
    """The dictionary's accented spellings of a folded word ("cache" -> "caché")."""
    from helpdesk_tui.language.lemmas import _accent_index

    original = _accent_index(lang).get(word)
    return [original] if original and original != word else []


def _patterns(scenario: Scenario) -> Iterator[tuple[At, str]]:
    """Every pattern of the scenario, with where it stands in scenario.toml."""
    for i, inc in enumerate(scenario.incidents):
        at = At().key("incidents").item(i, inc.id)
        for j, fact in enumerate(inc.facts):
            for k, p in enumerate(fact.ask):
                yield at.key("facts").item(j, fact.id).key("ask").item(k), p
        for j, rule in enumerate(inc.rules):
            for k, p in enumerate(rule.when):
                yield at.key("rules").item(j, rule.id).key("when").item(k), p
        ans = at.key("answer")
        for k, p in enumerate(inc.answer.solution_keywords):
            yield ans.key("solution_keywords").item(k), p
        for j, opt in enumerate(inc.answer.options):
            for k, p in enumerate(opt.solution_keywords):
                yield ans.key("options").item(j, opt.id).key("solution_keywords").item(k), p
    for i, proc in enumerate(scenario.procedures):
        for j, step in enumerate(proc.steps):
            for k, p in enumerate(step.patterns):
                at = At().key("procedures").item(i, proc.id).key("steps").item(j, step.id)
                yield at.key("patterns").item(k), p


def wording_warnings(scenario: Scenario, chk: Checker) -> None:
    """Add the warnings of the module docstring to `chk` (one per pattern word)."""
    from helpdesk_tui.language.find import pattern_words

    lang = scenario.language
    warned: set[str] = set()
    for at, pattern in _patterns(scenario):
        words = pattern_words(pattern, lang)
        for norm, _lemma in words if len(words) == 1 else ():
            if norm in warned:
                continue
            traps = prefix_traps(norm, lang)
            if traps:
                warned.add(norm)
                shown = ", ".join(traps[:SHOWN]) + (", ..." if len(traps) > SHOWN else "")
                chk.warning(
                    at,
                    Phrase(
                        "'{word}' in {pattern} also matches the start of other words ({shown}) — "
                        "a pattern matches word starts: write the longer word or a phrase if "
                        "those are not meant (check with: helpdesk-exam language probe)",
                        word=norm,
                        pattern=repr(pattern),
                        shown=shown,
                    ),
                )
    _derivations(scenario, chk)
    _overlapping_options(scenario, chk)
    _stock_openers(scenario, chk)


STOCK_OPENERS: dict[str, tuple[str, ...]] = {
    "nl": (
        "Goedemorgen, u spreekt met de servicedesk.",
        "Dag, met de helpdesk. Waarmee kan ik u helpen?",
        "Hoe kan ik u helpen?",
        "Wat kan ik voor u doen?",
        "Wat is er gebeurd?",
        "Wat is er aan de hand?",
        "Wat is het probleem?",
        "Wat loopt er mis?",
        "Wanneer is het gebeurd?",
        "Vertelt u maar rustig wat er gebeurd is.",
        "Mag ik uw naam en uw dienst?",
    ),
    "fr": (
        "Bonjour, service d'assistance, je vous écoute.",
        "Bonjour, que puis-je faire pour vous ?",
        "Comment puis-je vous aider ?",
        "Que se passe-t-il ?",
        "Qu'est-ce qui se passe ?",
        "Qu'est-ce qui s'est passé ?",
        "Quel est le problème ?",
        "Depuis quand cela se passe-t-il ?",
        "Racontez-moi ce qui se passe.",
        "Pouvez-vous me donner votre nom et votre service ?",
    ),
    "en": (
        "Good morning, service desk speaking.",
        "Hello, this is the helpdesk. How can I help you?",
        "How can I help?",
        "What can I do for you?",
        "What happened?",
        "What's happening?",
        "What's the problem?",
        "What's going on?",
        "When did it happen?",
        "Tell me what's happening and we'll have a look at it together.",
        "Can I take your name and department, please?",
    ),
}
"""Greetings and open questions any candidate writes before knowing the problem; the list
docs/authoring-exams.md ("Rules a greeting sets off") gives. A rule that one of them sets
off fires for every candidate, whatever they do."""


def _stock_openers(scenario: Scenario, chk: Checker) -> None:
    """A warning per pattern of a mood rule that a stock opener also says (module docstring).
    A rule without a mood may answer a greeting on purpose (northwind's `greeting`)."""
    from helpdesk_tui.language import find_in

    def heard(pattern: str, text: str, lang: str) -> bool:  # as the customers hear it
        hit = find_in(pattern, text, lang)
        return hit is not None and not hit.negated

    lang = scenario.language
    openers = STOCK_OPENERS.get(lang, STOCK_OPENERS["en"])
    for i, inc in enumerate(scenario.incidents):
        for j, rule in enumerate(inc.rules):
            if rule.mood is None:
                continue  # a reply to a greeting ("Hi. Can you help me ...?") is what it is for
            for k, pattern in enumerate(rule.when):
                said = next((o for o in openers if heard(pattern, o, lang)), None)
                if said is None:
                    continue
                at = At().key("incidents").item(i, inc.id).key("rules").item(j, rule.id)
                chk.warning(
                    at.key("when").item(k),
                    Phrase(
                        "rule '{rule}': the pattern {pattern} is also said by the stock opener "
                        "{said} — every candidate who greets or asks that sets the rule off; "
                        "write the phrase the rule is meant for (check with: helpdesk-exam "
                        "language probe)",
                        rule=rule.id,
                        pattern=repr(pattern),
                        said=repr(said),
                    ),
                )


def _derivations(scenario: Scenario, chk: Checker) -> None:
    """One note per one-word pattern that also hears derivations (`derivations`)."""
    from helpdesk_tui.language.find import pattern_words

    lang = scenario.language
    warned: set[str] = set()
    for at, pattern in _patterns(scenario):
        words = pattern_words(pattern, lang)
        if len(words) != 1 or len(pattern.split()) != 1:
            continue
        norm = words[0][0]
        if norm in warned:
            continue
        warned.add(norm)
        heard = derivations(norm, lang)
        if heard:
            more = len(heard) - DERIVATIONS_SHOWN
            shown = ", ".join(heard[:DERIVATIONS_SHOWN])
            if more > 0:
                shown = Phrase("{words}, ... ({more} more)", words=shown, more=more)
            chk.note(
                at,
                Phrase(
                    "the one-word pattern {pattern} also hears longer words that start with it "
                    '({shown}) — confirm they are meant, or narrow it to a phrase ("le message", '
                    '"the printer"); check with: helpdesk-exam language probe',
                    pattern=repr(pattern),
                    shown=shown,
                ),
            )


def _overlapping_options(scenario: Scenario, chk: Checker) -> None:
    from helpdesk_tui.language.find import pattern_words

    lang = scenario.language
    for i, inc in enumerate(scenario.incidents):
        options = inc.answer.options
        keys = [
            frozenset(lem for k in o.solution_keywords for _n, lem in pattern_words(k, lang))
            for o in options
        ]
        for a, b in ((a, b) for a in range(len(options)) for b in range(len(options)) if a != b):
            if not keys[a] or not keys[a] <= keys[b] or (keys[a] == keys[b] and a > b):
                continue
            at = At().key("incidents").item(i, inc.id).key("answer").key("options")
            at = at.item(a, options[a].id).key("solution_keywords")
            same = (
                Phrase("the same key words as")
                if keys[a] == keys[b]
                else Phrase("only key words of")
            )
            chk.warning(
                at,
                Phrase(
                    "option '{first}' has {same} option '{second}' — a message that gives "
                    "'{second}' also counts as '{first}'; give each option a key word of its own",
                    first=options[a].id,
                    same=same,
                    second=options[b].id,
                ),
            )
