"""Matching the lexicon's phrases (lexicon.Phrase) over a message's tokens."""

from __future__ import annotations

from collections.abc import Sequence

from helpdesk_tui.language.lexicon import GAP, Element, Lexicon, Phrase


class Word:
    """What a phrase element needs to know about one token."""

    __slots__ = ("norm", "lemma", "bare")

    def __init__(self, norm: str, lemma: str) -> None:
        self.norm = norm
        self.lemma = lemma
        self.bare = norm.rstrip("'")


def element_matches(el: Element, w: Word, lex: Lexicon) -> bool:
    if el.any:
        return True
    if el.word_class:
        return _in_class(el.word_class, w, lex)
    if w.norm in el.words or w.bare in el.words:
        return True
    return w.norm.startswith(el.prefixes)  # a tuple: any of them (none: False)


def _in_class(name: str, w: Word, lex: Lexicon) -> bool:
    if name == "nt":
        return w.norm.endswith("n't") or w.norm in ("dont", "cant", "wont", "doesnt", "didnt")
    if name == "pp":
        return _participle(w.norm, lex)
    if name == "ing":
        return len(w.norm) > 5 and w.norm.endswith("ing") and w.norm.isalpha()
    if name == "vinf":
        return dutch_infinitive_shape(w, lex)
    infinitive = w.norm in lex.verbs  # the lemmatiser may miss it ("wissen" -> "wisse")
    if w.lemma not in lex.verbs and not infinitive:
        # (2.3) a Dutch imperative the lemmatiser reads as a noun ("Gebruik", "Open", "Log"):
        # its stem's infinitive is an instruction verb
        return name == "imp" and lex.lang == "nl" and _dutch_stem_verb(w, lex)
    if name == "imp" and lex.lang == "nl" and w.norm == w.lemma and _dutch_stem_verb(w, lex):
        return True
    if name == "verb":
        return True
    if name == "inf":
        return w.norm == w.lemma or infinitive
    if name == "imp":
        return w.lemma in lex.verbs and _imperative(w, lex.lang)
    return False


NOT_INFINITIVES = frozenset(
    {"even", "alleen", "misschien", "tegen", "binnen", "buiten", "boven", "beneden", "open", "geen",
     "een", "heen", "tussen", "morgen", "goedemorgen", "examen", "teken", "wagen", "keuken",
     "regen", "eigen", "tien", "negen", "zeven", "volgen", "verleden", "boeken", "euren", "uren",
     "mogen", "kunnen", "moeten", "willen", "zullen", "hebben", "zijn", "worden", "meen", "ken"}
)  # fmt: skip
"""Words that end like a Dutch infinitive and are none here (adverbs, nouns, numbers), or
are the modal and auxiliary infinitives that carry no step of their own."""


def dutch_infinitive_shape(w: Word, lex: Lexicon) -> bool:
    """`@vinf` (l-rules17): a Dutch infinitive by its shape, for the verb that closes a modal's
    middle field ("U moet ... op de groene knop drukken", "Je moet je kenteken aanpassen").
    The instruction verbs (`verbs`) are a few hundred; the steps a real queue's operator names
    (meebrengen, tonen, betalen, rijden, opladen) are any verb, and after "u moet", "gelieve",
    "je kan" the word in the infinitive's place is one. The lemmatiser reads an infinitive as
    itself (a plural noun, "knoppen", as its singular), so: its own lemma, ending in -en (or
    gaan, doen, staan, zien, slaan), not one of `NOT_INFINITIVES`."""
    if lex.lang != "nl" or w.norm in NOT_INFINITIVES or not w.norm.isalpha():
        return False
    if w.norm in lex.verbs:
        return True
    if w.norm != w.lemma or len(w.norm) < 4:
        return False
    return w.norm.endswith("en") or w.norm in ("gaan", "doen", "staan", "zien", "slaan")


def _dutch_stem_verb(w: Word, lex: Lexicon) -> bool:
    return w.norm == w.lemma and any(v in lex.verbs for v in dutch_infinitives(w.norm))


def dutch_infinitives(stem: str) -> tuple[str, ...]:
    """The infinitives a Dutch stem may come from: gebruik-en, klik-k-en, geef -> geven."""
    if len(stem) < 3 or not stem.isalpha():
        return ()
    found = [stem + "en", stem + stem[-1] + "en"]
    if stem[-1] == "e" or stem[-2:] in ("aa", "ta", "ga"):
        found.append(stem + "n" if stem[-1] == "e" else stem + "an")  # doe-n, ga-an, sta-an
    soft = {"f": "v", "s": "z"}.get(stem[-1], stem[-1])
    if len(stem) >= 3 and stem[-2] == stem[-3] and stem[-2] in "aeou":
        found.append(stem[:-2] + soft + "en")
    return tuple(found)


def match_at(phrase: Phrase, words: Sequence[Word], i: int, lex: Lexicon, end: int) -> int | None:
    """The end index (exclusive) when `phrase` matches from word `i` (not past `end`), else None."""
    return _match_from(phrase, 0, words, i, lex, end)


def match_after_first(
    phrase: Phrase, words: Sequence[Word], i: int, lex: Lexicon, end: int
) -> int | None:
    """`match_at` for a phrase whose first element is known to match word i (`first_word_ok`,
    `i < end`): the rest of it from word i + 1; a phrase opening with a gap from word i."""
    el = phrase[0]
    if el.gap or el.clause_gap:
        return _match_from(phrase, 0, words, i, lex, end)
    return _match_from(phrase, 1, words, i + 1, lex, end)


def _match_from(
    phrase: Phrase, k: int, words: Sequence[Word], i: int, lex: Lexicon, end: int
) -> int | None:
    """`match_at` of the phrase's elements from the k-th on: a loop over the elements, not
    a call and a copy of the rest per element (it runs a few hundred times per message)."""
    n = len(phrase)
    while k < n:
        el = phrase[k]
        if el.end:
            return i if i >= end and k == n - 1 else None
        if el.gap or el.clause_gap:
            for skip in range(GAP + 1 if el.gap else max(end - i, 0) + 1):
                found = _match_from(phrase, k + 1, words, i + skip, lex, end)
                if found is not None:
                    return found
                if i + skip >= end:
                    break
            return None
        if i >= end or not element_matches(el, words[i], lex):
            return None
        i += 1
        k += 1
    return i


def first_word_ok(phrase: Phrase, w: Word, lex: Lexicon) -> bool:
    """A cheap test before a full match: can the phrase start at this word?"""
    el = phrase[0]
    return el.gap or el.clause_gap or (not el.end and element_matches(el, w, lex))


def participle(w: Word, lex: Lexicon) -> bool:
    """Is the word a past participle (`@pp`)?"""
    return _participle(w.norm, lex)


def _participle(norm: str, lex: Lexicon) -> bool:
    """A past participle ("gereset", "reset", "réinitialisé"), by the lexicon's list and shapes."""
    if norm in lex.participles:
        return True
    shape = lex.participle_shape
    return len(norm) >= 5 and norm.startswith(shape[0]) and norm.endswith(shape[1])


def imperative_form(w: Word, lang: str) -> bool:
    """(l-rules21) `_imperative` for the question forms (analyse._opens_with_step)."""
    return _imperative(w, lang)


def _imperative(w: Word, lang: str) -> bool:
    """A form an imperative takes: English the bare verb; French any finite form
    ("redémarrez", "débranche"); Dutch the stem ("start", "trek", "probeer"), not the
    -t form ("belt", "gaat"), which needs its "u" ("Klikt u", rule nl.instruction.polite)."""
    if lang == "en":
        return w.norm == w.lemma
    if w.norm == w.lemma:
        return False
    if lang == "fr" and w.norm.endswith("ant"):
        return False  # (l-rules21) a present participle: "En attendant, ..." tells no step
    if lang == "nl" and w.norm.endswith("t"):
        return w.lemma[:-2] == w.norm or w.lemma[:-3] == w.norm
    if lang == "nl" and w.norm.endswith("d"):
        # l-rules20: a stem in -d is its infinitive's ("antwoord", "meld", "raad"); a -d added
        # to another stem is the participle ("zijn wel bewaard", "is hersteld"), no step
        return w.lemma in dutch_infinitives(w.norm)
    return True
