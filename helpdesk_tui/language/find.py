"""`find(pattern, analysis)`: a scenario pattern found in a message, through the layer.

An author writes a pattern once ("kabel", "redémarrer", "restart the pc");
a word of the message matches a pattern word when (first rule that holds):

1. `same`: the same normalised word, or the same lemma ("kabels", "redémarrez");
2. `start`: the message word starts with it ("printer" in "printers", "printer's");
   a short pattern word (an acronym such as AD, USB, pc: fewer than four letters)
   only with a plural or possessive ending ("USBs", "pc's"), since "AD" is not in
   "adresse", "added" or "adding";
3. `compound` (Dutch): it is the head or a part of a compound whose other part
   is a word ("kabel" in "beeldkabel", "netwerkkabels");
4. `typo`: one edit (two for words of ten letters or more) from it, same first
   letter, for pattern words of five letters or more, and only when the
   message word is not itself a word of the language: a typo never turns
   one real word into another ("reconnecter" is a word, so it is not a typo
   of "déconnecter"); prefixes the lexicon pairs as opposites (dé-/re-,
   ont-/ver-, un-/re-, aan-/af-) never stand for each other.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein

from helpdesk_tui.language import lemmas
from helpdesk_tui.language.analyse import analyse
from helpdesk_tui.language.lexicon import Lexicon, lexicon, opposite_prefixes
from helpdesk_tui.language.model import Analysis, Match, Token
from helpdesk_tui.language.phrases import Word, participle

TYPO_MIN_LENGTH = 5
"""Pattern words this long (or longer) tolerate one typo."""
TWO_TYPOS_LENGTH = 10
"""... and this long, two."""
SHORT_WORD = 4
"""Pattern words shorter than this are found whole, or with one of `SHORT_ENDINGS`."""
SHORT_ENDINGS = frozenset({"s", "'s", "es", "en", "'en", "'"})
"""What may follow a short pattern word in the same word: "VPNs", "pc's", "usb's"."""
COMPOUND_PART_MIN = 3
"""The other part of a compound has at least this many letters."""
COMPOUND_WORD_MIN = 4
"""A pattern word is looked for inside compounds only when this long."""

PatternWord = tuple[str, str]
"""(norm, lemma) of one word of a pattern."""


ACRONYM_MAX = 5
"""A word written in capitals this long or shorter ("SSID", "BIOS", "SLA") is an acronym."""


@lru_cache(maxsize=16384)
def pattern_words(pattern: str, lang: str) -> tuple[PatternWord, ...]:
    """A pattern read like a message: its words, normalised and lemmatised."""
    return tuple((t.norm, _lemma(t, lang)) for t in analyse(pattern, lang).tokens)


def _lemma(token: Token, lang: str) -> str:
    """An acronym is its own lemma (or the lexicon's synonym: fr "PC" is "ordinateur"):
    simplemma's dictionary reads "ssid" as a form of "say", "bios" of "boos" (angry) and
    "sla" of "slaan", so "What can you say?" used the glossary's "SSID" (e-worded6) and
    "Bent u boos?" would use "BIOS". Only for finding patterns: the rules and the act
    model read the message's lemmas as before."""
    text = token.text
    if not text[:2].isupper():
        return token.lemma
    text = text.removesuffix("'s").removesuffix("s")
    if len(text) <= ACRONYM_MAX and text.isupper() and text.isalpha():
        return lexicon(lang).synonyms.get(token.norm, token.norm)
    return token.lemma


def find(pattern: str, analysis: Analysis, thing: bool = False) -> Match | None:
    """The pattern's first hit in the message (the first one not negated, if any).

    `negated` is True when every occurrence is inside a negation's scope:
    callers must then not count the pattern as given. With `thing` (2.7: a glossary
    term names a thing), a one-word pattern is not found in a verb form of its lemma
    that it does not have itself: "switched", "switching" are no "switch".
    """
    lang = analysis.lang
    pat = pattern_words(pattern, lang)
    tokens = analysis.tokens
    if not pat or len(pat) > len(tokens):
        return None
    (first_norm, first_lemma), rest = pat[0], pat[1:]
    hits = []
    for i in range(len(tokens) - len(pat) + 1):
        # the first word tested on its own: most places fail there (COM-5 and the
        # procedure checks ask this of every message, a fifth of a long log's report)
        token = tokens[i]
        if word_rule(first_norm, first_lemma, token.norm, _lemma(token, lang), lang) is None:
            continue
        if all(_matches(p, tokens[i + k], lang) for k, p in enumerate(rest, 1)):
            if thing and not rest and _verb_form(first_norm, token.norm, lang):
                continue
            hits.append(i)
    if not hits:
        return None
    if _negates_itself(pattern, analysis.lang):
        free = hits  # "niet uw schuld", "don't worry": the negation is the pattern's own
    else:
        free = [i for i in hits if not any(t.negated for t in tokens[i : i + len(pat)])]
    first = free[0] if free else hits[0]
    span = (first, first + len(pat))
    words = tuple(t.text for t in tokens[span[0] : span[1]])
    return Match("pattern", "pattern:" + pattern, span, words, negated=not free)


@lru_cache(maxsize=65536)
def find_in(pattern: str, text: str, lang: str) -> Match | None:
    """`find(pattern, analyse(text, lang))`, answered once per pattern and text.

    The customers and the evidence ask the same question of the same message
    many times (each jargon term, fact and step of a case, at every message of
    it, and phrases recur all exam long); a `Match` is immutable, so one answer
    serves them all."""
    return find(pattern, analyse(text, lang))


@lru_cache(maxsize=16384)
def thing_in(pattern: str, text: str, lang: str) -> Match | None:
    """`find(pattern, analyse(text, lang), thing=True)`: a glossary term (COM-5), once per text."""
    return find(pattern, analyse(text, lang), thing=True)


def _verb_form(p_norm: str, t_norm: str, lang: str) -> bool:
    """(2.7) Is the word a verb form the pattern word is not: a past participle by the
    lexicon's list and shape ("switched", "gereset", "configuré"), or an English -ing form?"""
    if t_norm == p_norm:
        return False
    lex = lexicon(lang)
    if participle(Word(t_norm, t_norm), lex) and not participle(Word(p_norm, p_norm), lex):
        return True
    return lang == "en" and t_norm.endswith("ing") and not p_norm.endswith("ing")


@lru_cache(maxsize=16384)
def _negates_itself(pattern: str, lang: str) -> bool:
    return any(t.negated for t in analyse(pattern, lang).tokens)


def how(pattern_word: str, token: Token, lang: str) -> str | None:
    """Which rule of the module docstring matches one pattern word to one token, if any."""
    pat = pattern_words(pattern_word, lang)
    if len(pat) != 1:
        return None
    return word_rule(pat[0][0], pat[0][1], token.norm, _lemma(token, lang), lang)


def _matches(p: PatternWord, token: Token, lang: str) -> bool:
    return word_rule(p[0], p[1], token.norm, _lemma(token, lang), lang) is not None


@lru_cache(maxsize=131072)
def word_rule(p_norm: str, p_lemma: str, t_norm: str, t_lemma: str, lang: str) -> str | None:
    lex = lexicon(lang)
    p_bare, t_bare = p_norm.rstrip("'"), t_norm.rstrip("'")
    if p_bare == t_bare or p_lemma in (t_lemma, t_norm) or p_norm == t_lemma:
        return "same"
    if len(p_bare) < 2 or opposite_prefixes(p_norm, t_norm, lex):
        return None
    if t_norm.startswith(p_norm) and (
        len(p_bare) >= SHORT_WORD or t_norm[len(p_norm) :] in SHORT_ENDINGS
    ):
        return "start"
    if lex.compounds and _in_compound(p_norm, t_norm, lang):
        return "compound"
    if _typo(p_norm, t_norm, lex):
        return "typo"
    return None


def _in_compound(p: str, t: str, lang: str) -> bool:
    if len(p) < COMPOUND_WORD_MIN or len(t) < len(p) + COMPOUND_PART_MIN:
        return False
    for cut in range(COMPOUND_PART_MIN, len(t) - len(p) + 1):
        if not t[cut:].startswith(p):
            continue
        head = t[:cut]
        if lemmas.known(head, lang) or (head[-1] in "se" and lemmas.known(head[:-1], lang)):
            return True
    return False


def known_word(word: str, lex: Lexicon) -> bool:
    """A word of the language: simplemma's dictionary, or the lexicon's own words."""
    return word in lex.words or word in lex.synonyms or lemmas.known(word, lex.lang)


def _typo(p: str, t: str, lex: Lexicon) -> bool:
    n = len(p)
    if n < TYPO_MIN_LENGTH or not t or t[0] != p[0] or known_word(t, lex):
        return False
    edits = 2 if n >= TWO_TYPOS_LENGTH else 1
    for length in range(n - edits, n + edits + 1):
        if (
            length <= len(t)
            and DamerauLevenshtein.distance(p, t[:length], score_cutoff=edits) <= edits
        ):
            return True
    return False
