"""`analyse(text, lang)`: one reading of a message, shared by customers and assessment.

The steps, each driven by the language's lexicon (lexicons/*.toml):

1. words, with elisions kept (tokens.py), normalised and lemmatised;
2. sentences and clauses: punctuation ends them, and so do the lexicon's
   terminator words ("but", "maar", "mais"...), which also end a negation;
3. negation, NegEx-style: a trigger negates its clause ("clause" triggers,
   for languages that put "niet"/"pas" after the verb) or the rest of it
   ("forward" triggers, such as "don't"); pseudo-triggers ("don't forget",
   "n'hésitez pas") are not negations;
4. act rules, each match naming its rule and words;
5. questions by form: a question mark, inversion ("Voyez-vous", "Kunt u",
   "Can you"), an opener ("est-ce que"), a question word, a tag ("right?",
   "toch", "n'est-ce pas"). A question is a clarifying `question` only when
   the sentence is not already an offer of help, an identification, a
   check, a closing, a hold, a greeting, a restatement or a request to do
   something.
"""

from __future__ import annotations

from dataclasses import dataclass

from helpdesk_tui import budget_cache
from helpdesk_tui.language import acts_model, lemmas
from helpdesk_tui.language.lexicon import MEMO_LIMIT, Lexicon, Phrase, PhraseSet, lexicon
from helpdesk_tui.language.model import LANGUAGES, Analysis, Match, Token
from helpdesk_tui.language.normalise import fold
from helpdesk_tui.language.phrases import (
    Word,
    dutch_infinitives,
    first_word_ok,
    imperative_form,
    match_after_first,
    match_at,
    participle,
)
from helpdesk_tui.language.spelling import correction
from helpdesk_tui.language.tokens import MAX_CHARS, Piece, pieces

NOT_A_QUESTION_WHEN = frozenset({"offer_help", "identify", "check", "closing", "hold", "greeting"})
"""A question clause carrying one of these acts is that act, not a clarifying question;
so is one that asks the customer to do something ("Can you restart it?")."""


@dataclass(frozen=True, slots=True)
class Layout:
    """Where sentences and clauses begin, and which words open a clause."""

    sentence: tuple[int, ...]
    clause: tuple[int, ...]
    """Clauses end at punctuation; segments also at terminator words (negation scopes)."""
    segment: tuple[int, ...]
    lead: tuple[bool, ...]
    asks: tuple[bool, ...]
    opens: tuple[bool, ...] = ()
    clause_ends: tuple[int, ...] = ()
    """Per clause: the index after its last word."""
    colon: tuple[bool, ...] = ()
    """(2.6) Per word: does a colon stand right before it, inside its sentence ("Je note : ...")?"""
    colon_end: tuple[bool, ...] = ()
    """(2.7) Per sentence: does it end with a colon ("Let me read back what I noted:")?"""
    unended: bool = False
    """(l-rules21) Does the message end without ".", "!" or "?" after its last word ("All good",
    "Gelukt"): the writer left it open, as a chat line asked aloud is."""
    """Words that open a clause by punctuation (after fillers): where a question word counts
    ("Je sais que c'est urgent": that "que" opens no question)."""
    """Per sentence: does it end with a question mark?"""


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    return lang


def analyse(text: str, lang: str) -> Analysis:
    """The analysis of one message in `lang` (nl, fr or en); deterministic and cached.

    Only the first `MAX_CHARS` characters are read (and kept as `text`), so a hostile
    message cannot make the reading or the cache grow without bound.
    """
    text = text[:MAX_CHARS]
    if _primed:
        found = _primed.get((text, lang))
        if found is not None:
            return found
    return _analyse(text, check_language(lang))


_primed: dict[tuple[str, str], Analysis] = {}
"""Analyses made by another process of this same code (`assess.prime`: the messages of a
long log read on the second core), answered before the cache. Empty but while a report
is made."""


def prime(analyses: list[Analysis]) -> None:
    """Answer `analyse(a.text, a.lang)` with `a` until `unprime()`. Only for analyses
    this function made (in a forked worker): they are equal to what it would return."""
    for analysis in analyses:
        _primed[analysis.text, analysis.lang] = analysis


def unprime() -> None:
    _primed.clear()


def _analyse_text(text: str, lang: str) -> Analysis:
    return acts_model.apply(rules_analysis(text, lang))


CACHE_MAX_CHARS = 2_000_000
"""The analyses kept hold at most this many characters of text (some 80 MB: an analysis
keeps about 40 bytes a character). A report of the 100,000-record bench log analyses
3,000 messages of 100-300 characters; 8,192 pasted chat messages of 2,000 characters kept
650 MB (sec14)."""
_analyse = budget_cache.BudgetCache(_analyse_text, maxsize=8192, max_chars=CACHE_MAX_CHARS)


def rules_analysis(text: str, lang: str) -> Analysis:
    """The rules' reading alone (lexicons and forms), before the act model decides."""
    lex = lexicon(lang)
    found = pieces(text, lex.elisions)
    words = [_word(p, lex) for p in found]
    layout = _layout(text, found, words, lex)
    _tu_imperatives(words, found, layout, lex)
    negation = _negation(words, layout, lex, found)
    negated, triggers = negation.negated, negation.triggers
    tokens = tuple(
        Token(p.text, fold(p.text), w.lemma, p.start, p.end, n)
        for p, w, n in zip(found, words, negated, strict=True)
    )
    forms = _question_forms(words, found, layout, lex)
    vetoed: list[Match] = []
    matches = _rule_matches(words, layout, negated, lex, tokens, forms, vetoed, triggers)
    kept = _without_yielding_instructions(matches, layout)
    vetoed += [m for m in matches if m not in kept]
    matches = _without_yielding_rules(kept, layout, lex, forms)
    vetoed += [m for m in kept if m not in matches]
    matches = _without_announcers(matches)
    matches = _without_inverted_imperatives(matches, layout, forms, (words, found, lex))
    matches = _without_consequences(matches, words, layout, lex)
    matches += _negated_instructions(words, layout, negated, lex, tokens, matches, triggers)
    matches += _prohibited(negation, lex, tokens, matches)
    matches += _question_matches(words, found, layout, lex, matches, tokens, forms)
    matches = _without_restated_findings(matches, layout)
    matches.sort(key=lambda m: (m.span, m.kind))
    acts = frozenset(m.kind for m in matches if not m.negated)
    negated_text = tuple(
        dict.fromkeys(
            _negated_phrase(text, m, tokens, layout, lex, triggers)
            for m in matches
            if m.negated and not _aside(m, negation, matches)
        )
    )
    ruled_out = tuple(m for m in vetoed if m.kind not in acts and not m.negated)
    return Analysis(text, lang, tokens, acts, tuple(matches), negated_text, ruled_out)


def _word(piece: Piece, lex: Lexicon) -> Word:
    """The word as the rules read it: normalised, lemmatised, a typo read as the lexicon
    word it was meant to be ("restrat" as "restart": spelling.py)."""
    norm = fold(piece.text)
    if norm in lex.elision_lemmas:
        return Word(norm, lex.elision_lemmas[norm])
    meant = correction(norm, lex.lang) if norm.isalpha() else None
    if meant is not None:
        return Word(meant, lex.synonyms.get(meant, lemmas.lemma(meant, lex.lang)))
    lemma = lemmas.lemma(piece.text.lower(), lex.lang) if norm.isalpha() else norm
    lemma = lex.synonyms.get(norm, lex.synonyms.get(lemma, lemma))
    return Word(norm, lemma)


def _tu_imperatives(words: list[Word], found: list[Piece], layout: Layout, lex: Lexicon) -> None:
    """(2.14) The French tu-imperative of a first-group verb is its stem + "e" ("Change",
    "Ferme", "Clique", "Paye"), a form the lemmatiser takes for the noun ("le change", "la
    ferme"), so "Ferme la fenêtre" and the colloquial "Change-le pas" told no step. Leading
    its clause (after fillers and negators) and followed by a determiner, a clitic or a
    negator (`tu_imperative.next`), or by a name written with a capital ("Ferme Edge"), it is
    read as the verb; "Commande livrée" stays a noun."""
    if not lex.imperative_endings:
        return
    next_ = lex.imperative_next
    for i, w in enumerate(words[:-1]):
        name = found[i + 1].text
        named = name.isalpha() and name.istitle() and not found[i + 1].sentence_start
        if not layout.lead[i] or not (words[i + 1].norm in next_ or named):
            continue
        if w.lemma in lex.verbs or layout.segment[i + 1] != layout.segment[i]:
            continue
        if i and layout.segment[i - 1] == layout.segment[i] and words[i - 1].norm in next_:
            continue  # "La touche ne marche pas": a determiner (or "là") before it, a noun
        if not (layout.opens[i] or _after_a_step(words, layout, lex, i)):
            continue  # "L'imprimante avance ... et mesure le format": its subject's verb
        written = found[i].text.lower()  # "branché" folds to "branche": a participle
        for ending, infinitive in lex.imperative_endings:
            verb = w.norm[: len(w.norm) - len(ending)] + infinitive
            if written.endswith(ending) and verb in lex.verbs:
                words[i] = Word(w.norm, verb)
                break


def _after_a_step(words: list[Word], layout: Layout, lex: Lexicon, i: int) -> bool:
    """Does word i follow "ne" that opens its clause, or a conjunction after an imperative
    that opens its sentence ("Ferme Outlook pis relance Teams")?"""
    before = words[i - 1].norm if i else ""
    if before in ("ne", "n'"):
        return layout.opens[i - 1]
    start = next(j for j in range(i + 1) if layout.sentence[j] == layout.sentence[i])
    return any(layout.opens[j] and words[j].lemma in lex.verbs for j in range(start, i))


def _layout(text: str, found: list[Piece], words: list[Word], lex: Lexicon) -> Layout:
    sentence: list[int] = []
    clause: list[int] = []
    segment: list[int] = []
    lead: list[bool] = []
    opens: list[bool] = []
    asks: list[bool] = []
    colon: list[bool] = []
    colon_end: list[bool] = []
    skippable = lex.fillers | lex.negation.terminators | lex.negation.words
    for i, piece in enumerate(found):
        new_sentence = i == 0 or piece.sentence_start
        if new_sentence:
            if i:
                asks.append("?" in piece.gap)
                colon_end.append(":" in piece.gap)
            sentence.append(len(asks))
        else:
            sentence.append(sentence[-1])
        new_clause = new_sentence or piece.clause_start
        clause.append(clause[-1] + 1 if i and new_clause else (clause[-1] if i else 0))
        new_segment = new_clause or _terminates(words, i, lex)
        segment.append(segment[-1] + 1 if i and new_segment else (segment[-1] if i else 0))
        skip = words[i - 1].norm in skippable or words[i - 1].norm.endswith("n't") if i else False
        lead.append(new_segment or (lead[-1] and skip))
        prev_filler = i > 0 and words[i - 1].norm in lex.fillers
        opens.append(new_clause or (opens[-1] and prev_filler))
        colon.append(not new_sentence and ":" in piece.gap)
    if found:
        asks.append("?" in text[found[-1].end :])
        colon_end.append(":" in text[found[-1].end :])
        unended = not any(c in ".!?" for c in text[found[-1].end :])
        if unended and _offers_alternative(words, sentence, lex):
            asks[-1] = True  # (l-rules21) "RF gun or the voice headset": asked, left open
    ends = [0] * (clause[-1] + 1 if clause else 0)
    for i, c in enumerate(clause):
        ends[c] = i + 1
    return Layout(
        tuple(sentence),
        tuple(clause),
        tuple(segment),
        tuple(lead),
        tuple(asks),
        tuple(opens),
        tuple(ends),
        tuple(colon),
        tuple(colon_end),
        bool(found) and not any(c in ".!?" for c in text[found[-1].end :]),
    )


ADDRESSED = frozenset({"you", "u", "ya", "je", "jij", "ge", "gij", "vous", "tu"})
"""(l-rules21) The addressee after a verb-first word: "Gebruik je een Mac of Windows" asks."""


def _opens_with_step(words: list[Word], last: list[int], lex: Lexicon) -> bool:
    """(l-rules21) Does the sentence open (fillers aside) with an imperative step ("Restart the
    PC or the router", "Herstart de pc of de router"): the alternative is the step's, asked of
    nobody?"""
    said = [i for i in last if words[i].norm not in lex.fillers]
    if not said:
        return False
    first = said[0]
    w = words[first]
    if w.lemma not in lex.verbs or not imperative_form(w, lex.lang):
        return False
    return first + 1 >= len(words) or words[first + 1].norm not in ADDRESSED


ALTERNATIVE_WORDS = 12
"""(l-rules21) The longest sentence an alternative left open asks by itself: a chat question
("Alle scanners of enkel de uwe", "Is the light green or orange"); a longer one is more often
a statement or a step with an "or" inside."""


def _offers_alternative(words: list[Word], sentence: list[int], lex: Lexicon) -> bool:
    """(l-rules21) Does the message's last sentence offer an alternative (`questions.
    alternatives`, not its first word, not before a subject or a number), in at most
    `ALTERNATIVE_WORDS` words?"""
    q = lex.questions
    if not q.alternatives:
        return False
    last = [i for i, s in enumerate(sentence) if s == sentence[-1]]
    if len(last) > ALTERNATIVE_WORDS or _opens_with_step(words, last, lex):
        return False
    return any(
        words[i].norm in q.alternatives
        and i + 1 < len(words)
        and words[i + 1].norm not in q.not_alternative_before
        and not words[i + 1].norm.isdigit()
        for i in last[1:]
    )


def _terminates(words: list[Word], i: int, lex: Lexicon) -> bool:
    """Does word i end a negation's scope? Some terminators only before a subject: Dutch
    "dat u ..." (conjunction) ends one, "dat oude paswoord" (demonstrative) does not."""
    norm = words[i].norm
    if norm not in lex.negation.terminators:
        return False
    pairs = lex.negation.pairs
    if pairs and 0 < i < len(words) - 1 and (words[i - 1].norm, norm, words[i + 1].norm) in pairs:
        return False  # (2.9) "in en uit", "on and off": a pair of particles, one step
    if norm in lex.negation.coordinated and _coordinates(words, i, lex):
        return False  # (l-rules20) "débrancher et rebrancher": one negation, two verbs
    if (
        norm in lex.negation.intensifiers
        and i + 1 < len(words)
        and words[i + 1].norm in lex.negation.core
    ):
        return False  # (l-rules21) "wel niet": the adverb belongs to the negation
    if norm not in lex.negation.before_subject:
        return True
    return i + 1 < len(words) and words[i + 1].norm in lex.questions.subjects


def _coordinates(words: list[Word], i: int, lex: Lexicon) -> bool:
    """(l-rules20) Does the conjunction at i join two verbs in the same non-finite form, so
    that a negation before the first reaches the second? French and English: a bare verb
    (its own lemma) on each side ("désinstaller et réinstaller", "unplug and replug"); a
    French imperative ("débranchez et rebranchez") or an object between ("unplug the modem
    and restart it") joins two clauses as before. Dutch: "te" + infinitive before it, and
    "te" + infinitive after it within four words, no subject or negation word between
    ("niet te verwijderen en opnieuw te installeren"; "aan te laten en niet af te sluiten"
    is two steps, the second negated)."""
    if i == 0 or i + 1 >= len(words):
        return False
    before = words[i - 1]
    if not _bare_verb(before, lex):
        return False
    if lex.lang != "nl":
        after = words[i + 1]
        if after.norm in ("de", "d'", "to") and i + 2 < len(words):
            after = words[i + 2]
        return _bare_verb(after, lex)
    if i < 2 or words[i - 2].norm != "te":
        return False
    for j in range(i + 1, min(i + 5, len(words) - 1)):
        if words[j].norm in PERSONS or words[j].norm in lex.negation.core:
            return False  # "aan te laten en niet af te sluiten": its own negation, no join
        if words[j].norm == "te":
            return _bare_verb(words[j + 1], lex)
    return False


def _bare_verb(w: Word, lex: Lexicon) -> bool:
    """An instruction verb in its lemma's form: an infinitive (fr, nl) or the bare verb (en)."""
    if w.norm != w.lemma or w.lemma not in lex.verbs:
        return False
    return lex.lang != "fr" or w.norm.endswith(("er", "ir", "re"))


@dataclass(slots=True)
class Negations:
    """What the negation step found: the words in a scope, and (2.1) the prohibitions said
    with a verb or a phrase: their own words (`triggers`: "stop", "arrêtez d'", "wacht ...
    met"), the "wait" interjections that belong to one (`asides`), and each prohibition's
    (start, end of its words, end of its scope)."""

    negated: list[bool]
    triggers: set[int]
    asides: set[int]
    prohibitions: list[tuple[int, int, int]]


def _negation(
    words: list[Word], layout: Layout, lex: Lexicon, pieces_: list[Piece] | None = None
) -> Negations:
    """Which words stand in a negation's scope (NegEx), and the prohibitions (2.1)."""
    neg = lex.negation
    n = len(words)
    pseudo = _covered(neg.pseudo, words, lex, layout)
    found = Negations([False] * n, set(), set(), [])
    negated = found.negated
    for phrases, whole_clause in ((neg.clause, True), (neg.forward, False)):
        for i in range(n):
            if i in pseudo:
                continue
            w = words[i]
            for phrase in phrases.candidates(w.norm, w.bare):
                if not first_word_ok(phrase, w, lex):
                    continue
                end = match_at(phrase, words, i, lex, _segment_end(layout, i, n))
                if end is None or any(j in pseudo for j in range(i, end)):
                    continue
                start = _segment_start(layout, i) if whole_clause else i
                if (
                    whole_clause
                    and _contrasts(words, i, start, neg.contrast_next, layout)
                    and words[i - 1].norm not in neg.intensifiers
                ):
                    start = i  # (l-rules21) "zeker niet uw paswoord" prohibits, no contrast
                for j in range(start, _segment_end(layout, i, n)):
                    negated[j] = True
    _postverbal(words, layout, lex, pseudo, negated)
    _prohibitions(words, layout, lex, pseudo, found)
    _interjections(words, layout, lex, found)
    _fronted(words, layout, lex, found)
    if pieces_ is not None:
        _list_headers(words, pieces_, layout, lex, found)
    _postponements(words, layout, lex, found, lex.negation.postpone)
    _postponements(words, layout, lex, found, lex.negation.consequence, before=True)
    return found


def _postverbal(
    words: list[Word], layout: Layout, lex: Lexicon, pseudo: set[int], negated: list[bool]
) -> None:
    """(2.5) "Please turn the laptop not off", "And install nothing": a `postverbal` trigger
    after the imperative that opens its scope (after fillers and "please") negates the whole
    scope, the verb too. Between the verb and the trigger no auxiliary or copula ("make sure
    it's not plugged in"); after it no auxiliary ("check nothing is plugged in"), and
    after a `postverbal_contrast` trigger the scope's end or a particle ("not off"; "try chrome
    not edge" sets one against the other): elsewhere it stays a forward trigger."""
    neg = lex.negation
    post = neg.postverbal
    if not post:
        return
    n = len(words)
    heads = lex.questions.heads
    for i, w in enumerate(words):
        if w.norm not in post or i in pseudo:
            continue
        start = _segment_start(layout, i)
        v = start
        skip = lex.fillers | neg.terminators
        while v < i and words[v].norm in skip:
            v += 1
        if v >= i or words[v].lemma not in lex.verbs or words[v].norm in heads:
            continue
        if any(_auxiliary(words[j].norm, heads) for j in range(v + 1, i)):
            continue
        if i + 1 < n and layout.segment[i + 1] == layout.segment[i]:
            nxt = words[i + 1].norm
            if _auxiliary(nxt, heads):
                continue
            if w.norm in neg.postverbal_contrast and nxt not in neg.postverbal_particles:
                continue
        for j in range(start, _segment_end(layout, i, n)):
            negated[j] = True


def _auxiliary(norm: str, heads: frozenset[str]) -> bool:
    return norm in heads or norm.endswith(("'s", "'re", "'m", "n't")) or norm in ("be", "been")


def _list_headers(
    words: list[Word], found_: list[Piece], layout: Layout, lex: Lexicon, found: Negations
) -> None:
    """(2.3) "Twee dingen die u niet moet doen: 1. de kabel uittrekken; 2. ...", "Étape 5 (à
    ne pas faire) : vider le cache": a negated verb that stands for any step (`list_verbs`),
    last before a colon, heads a list of what not to do. The negation reaches over the colon
    to the end of the sentence after it, and on over each next sentence while the one before
    ends in a list number ("1.", "2.", "b.")."""
    n = len(words)
    negated = found.negated
    for i, w in enumerate(words[:-1]):
        if not negated[i] or w.norm not in lex.negation.list_verbs:
            continue
        if ":" not in found_[i + 1].gap or i + 1 != layout.clause_ends[layout.clause[i]]:
            continue
        j = i + 1
        while j < n:
            end = _sentence_end(layout, j, n)
            for k in range(j, end):
                negated[k] = True
            if not _list_number(words[end - 1].norm):
                break
            j = end
        found.triggers.add(i)


def _list_number(norm: str) -> bool:
    """A list item's number or letter ("1", "2", "b")."""
    return norm.isdigit() or (len(norm) == 1 and norm.isalpha())


def _postponements(
    words: list[Word],
    layout: Layout,
    lex: Lexicon,
    found: Negations,
    phrases: PhraseSet,
    before: bool = False,
) -> None:
    """(2.3) "don't run the update yet, wait for my go": beside a negated step of its sentence,
    the wait for the operator's word belongs to the postponement (to its end of clause),
    as an aside: no step of its own, not listed under `negated`. (2.5) With `before`, the
    negated step must come earlier in the sentence and be a step (an instruction verb):
    "Arrête de cliquer, tu vas bloquer ton compte" warns of a consequence."""
    if not phrases.phrases:
        return
    n = len(words)
    negated = found.negated
    for i, w in enumerate(words):
        if negated[i]:
            continue
        for phrase in phrases.candidates(w.norm, w.bare):
            if not first_word_ok(phrase, w, lex):
                continue
            clause_end = _clause_end(layout, i, n)
            end = match_at(phrase, words, i, lex, clause_end)
            if end is None:
                continue
            start, stop = _sentence_bounds(layout, layout.sentence[i])
            if before:
                stop = i
            if not any(
                negated[j] and (not before or words[j].lemma in lex.verbs)
                for j in range(start, stop)
                if not i <= j < clause_end
            ):
                continue
            for j in range(i, clause_end):
                negated[j] = True
                found.triggers.add(j)
                found.asides.add(j)
            break


def _contrasts(
    words: list[Word], i: int, start: int, contrast_next: frozenset[str], layout: Layout
) -> bool:
    """(2.3) "gebruik de usb-c-poort niet de gewone": a clause trigger two words or more after
    its clause's first word, before a determiner, negates only what follows it. (2.8) The
    determiner must stand in the trigger's own segment: in "Verwijder je app niet, dat helpt
    niks." the comma ends the prohibition and "dat" opens the next clause (heldout10)."""
    return (
        i > start + 1
        and i + 1 < len(words)
        and words[i + 1].norm in contrast_next
        and layout.segment[i + 1] == layout.segment[i]
    )


def _fronted(words: list[Word], layout: Layout, lex: Lexicon, found: Negations) -> None:
    """(2.2) "En aucun cas, ne réinitialisez la pompe": a negative adverbial that fills its
    own clause negates the next clause of its sentence too (the comma ends its scope
    otherwise). Followed by anything else in its clause, the clause's own scope holds."""
    n = len(words)
    for i, w in enumerate(words):
        for phrase in lex.negation.fronted.candidates(w.norm, w.bare):
            if not first_word_ok(phrase, w, lex):
                continue
            clause_end = _clause_end(layout, i, n)
            if match_at(phrase, words, i, lex, clause_end) != clause_end or clause_end >= n:
                continue
            if layout.sentence[clause_end] != layout.sentence[i]:
                continue
            for j in range(i, _segment_end(layout, clause_end, n)):
                found.negated[j] = True
            found.triggers.update(range(i, clause_end))
            break


def _prohibitions(
    words: list[Word], layout: Layout, lex: Lexicon, pseudo: set[int], found: Negations
) -> None:
    """(2.1) A prohibitive phrase negates from its first word to the end of the scope after
    it. It is matched up to the clause's end, not its scope's: "attendez avant de ...",
    "laat maar" hold a terminator word themselves. After an article its first word is a noun,
    no verb: "Ik zet u in de wacht met muziek" puts the customer on hold."""
    n = len(words)
    for i in range(n):
        if i in pseudo or (i and words[i - 1].norm in ARTICLES):
            continue
        w = words[i]
        for phrase in lex.negation.prohibitive.candidates(w.norm, w.bare):
            if not first_word_ok(phrase, w, lex):
                continue
            clause_end = _clause_end(layout, i, n)
            end = match_at(phrase, words, i, lex, clause_end)
            if end is None and phrase[-1].end:
                end = match_at(phrase, words, i, lex, _segment_end(layout, i, n))
            if end is None or end <= i:
                continue
            scope = _segment_end(layout, end if end < clause_end else end - 1, n)
            found.triggers.update(_own_words(phrase, words, i, end, lex))
            found.prohibitions.append((i, end, scope))
            for j in range(i, scope):
                found.negated[j] = True
            break


def _own_words(phrase, words: list[Word], i: int, end: int, lex: Lexicon) -> list[int]:
    """The positions of a prohibitive phrase's written words ("stop" in "stop @ing"), not of
    the step it names, by a word class ("saving") or by a written verb after its first word
    ("using" in "quit using")."""
    written = {w for el in phrase for w in el.words}
    return [
        j
        for j in range(i, end)
        if (words[j].norm in written or words[j].bare in written)
        and not (j > i and (words[j].lemma in lex.verbs or words[j].norm.endswith("ing")))
    ]


def _interjections(words: list[Word], layout: Layout, lex: Lexicon, found: Negations) -> None:
    """(2.1) "Wacht, sluit dat venster nog niet": a "wait" alone in its clause, before a
    negated clause of the same sentence, belongs to the prohibition (no step of its own)."""
    negated = found.negated
    for i, w in enumerate(words):
        if w.norm not in lex.negation.interjections or negated[i]:
            continue
        clause = layout.clause[i]
        alone = all(
            words[j].norm in lex.fillers or j == i
            for j in range(len(words))
            if layout.clause[j] == clause
        )
        nxt = layout.clause_ends[clause]
        if alone and nxt < len(words) and layout.sentence[nxt] == layout.sentence[i]:
            later = [j for j in range(nxt, len(words)) if layout.clause[j] == layout.clause[nxt]]
            if any(negated[j] for j in later):
                negated[i] = True
                found.triggers.add(i)
                found.asides.add(i)


def _covered(phrases: PhraseSet, words: list[Word], lex: Lexicon, layout: Layout) -> set:
    """The words of the pseudo-triggers. A pseudo-trigger does not reach over a word that
    negates (2.1): "Ne rebranchez rien tant que ..." is "ne ... rien", not "ne ... que"."""
    hit: set[int] = set()
    core = lex.negation.core
    for i, w in enumerate(words):
        for phrase in phrases.candidates(w.norm, w.bare):
            if first_word_ok(phrase, words[i], lex):
                end = match_at(phrase, words, i, lex, len(words))
                if end is None:
                    continue
                own = set(_own_words(phrase, words, i, end, lex))
                inner = [words[j] for j in range(i + 1, end) if j not in own]
                if any(x.norm in core or x.norm.endswith("n't") for x in inner):
                    continue
                hit.update(range(i, end))
    return hit


def _segment_start(layout: Layout, i: int) -> int:
    seg = layout.segment[i]
    while i > 0 and layout.segment[i - 1] == seg:
        i -= 1
    return i


def _segment_end(layout: Layout, i: int, n: int) -> int:
    seg = layout.segment[i]
    while i < n and layout.segment[i] == seg:
        i += 1
    return i


def _clause_end(layout: Layout, i: int, n: int) -> int:
    return layout.clause_ends[layout.clause[i]]


def _sentence_end(layout: Layout, i: int, n: int) -> int:
    s = layout.sentence[i]
    while i < n and layout.sentence[i] == s:
        i += 1
    return i


def _rule_matches(
    words: list[Word],
    layout: Layout,
    negated: list[bool],
    lex: Lexicon,
    tokens: tuple[Token, ...],
    forms: dict[int, QuestionForm | None],
    vetoed: list[Match] | None = None,
    triggers: set[int] = frozenset(),  # type: ignore[assignment]
) -> list[Match]:
    """Every rule's first match in each sentence, with its words. A sign-off phrase where no
    sign-off can stand ("Kind regards" alone) goes to `vetoed`: the rules ruled it out."""
    found: list[Match] = []
    n = len(words)
    starts = _rule_starts(words, lex, layout)
    rules = lex.rules
    for index in sorted(starts):  # the rules in their order, each where it can start
        rule = rules[index]
        seen: set[int] = set()
        covered = 0
        for i, phrases in starts[index]:
            sentence = layout.sentence[i]
            if (
                i < covered
                or layout.clause[i] in seen
                or (
                    rule.where in ("start", "announces", "leads", "sentence") and not layout.lead[i]
                )
                or (rule.where == "sentence" and not _sentence_lead(words, layout, lex, i))
            ):
                continue
            if (
                rule.question is not None
                and _asks(forms[sentence], layout, i, words) != rule.question
            ):
                continue
            if rule.asks and not (
                forms[sentence] is not None
                or _in_clause(lex.requests, words, layout, i)
                or _polite_tail(lex.requests, words, layout, i)
            ):
                continue
            if not _placed(rule.where, layout, i, sentence):
                if vetoed is not None and rule.where == "signoff":
                    _veto_misplaced(rule, words, i, lex, layout, tokens, vetoed)
                continue
            end = _rule_end(
                rule.phrases, words, i, lex, layout, rule.where, rule.unless_next, phrases
            )
            if end is None or (rule.unless and _cancelled(rule.unless, words, layout, i, end)):
                continue
            if rule.where == "announces" and not (end < n and layout.colon[end]):
                continue  # 2.6: "Je note : ..." announces; "Je note votre numéro" does not
            if rule.where == "unended" and end != n:
                continue  # l-rules21: "All good, thanks" acknowledges; "All good" left open asks
            if rule.where == "leads" and _said_after(layout, i, end, n) < LEADS_WORDS:
                continue  # 2.7: "Let me read back what I noted:" alone restates nothing
            if rule.unless_clause and _in_clause(rule.unless_clause, words, layout, i):
                continue
            if rule.unless_sentence and _in_sentence(rule.unless_sentence, words, layout, i):
                continue
            if rule.with_sentence and not _in_sentence(rule.with_sentence, words, layout, i):
                continue
            if rule.bare and _conjugated_before(words, layout, i, end - 1):
                continue
            if rule.rules_out:
                if vetoed is not None:
                    vetoed.append(
                        Match(rule.act, rule.id, (i, end), tuple(t.text for t in tokens[i:end]))
                    )
                covered = end
                continue
            is_negated = (
                rule.negatable
                and any(negated[i:end])
                and not (rule.act != "instruction" and _own_negation(words, i, end, lex))
            ) or all(j in triggers for j in range(i, end))  # 2.1: a prohibition's own words
            if not is_negated:
                seen.add(layout.clause[i])
            covered = end
            words_hit = tuple(t.text for t in tokens[i:end])
            found.append(Match(rule.act, rule.id, (i, end), words_hit, is_negated))
    return found


def _conjugated_before(words: list[Word], layout: Layout, i: int, last: int) -> bool:
    """(l-rules17) Does a conjugated verb stand in word i's clause before `last`? The lemmatiser
    reads one as another word, an infinitive ("komt" -> "komen", "is" -> "zijn", "laat" ->
    "laten"); a noun's plural reads as its singular, which ends otherwise ("knoppen" -> "knop")."""
    start = i
    while start > 0 and layout.clause[start - 1] == layout.clause[i]:
        start -= 1
    return any(
        w.norm != w.lemma and w.lemma.endswith("n") and w.norm.isalpha() for w in words[start:last]
    )


LEADS_WORDS = 3
"""(2.7) How many words of its sentence a `leads` opener needs after it: the content it
announces ("Laissez-moi reformuler : <the problem>")."""


def _said_after(layout: Layout, i: int, end: int, n: int) -> int:
    """The words of its sentence that follow an opener matched at i..end: after its clause
    when punctuation closes that clause inside the sentence ("If I understood you correctly,
    <...>"), else after the match itself ("D'accord, donc <...>"), none when a colon ends the
    sentence (the opener's own words: "Je relis ce que j'ai noté :" alone)."""
    last = _sentence_end(layout, i, n)
    closes = layout.clause_ends[layout.clause[i]]
    if closes < last:
        return last - closes
    return 0 if layout.colon_end[layout.sentence[i]] else last - end


RuleStarts = tuple[
    tuple[int, tuple[Phrase, ...], dict[str, tuple[Phrase, ...]] | None, tuple[Phrase, ...]], ...
]
"""Per word: the rules (their index, in order) that can start there, each with its phrases that
can (in the rule's order), and those by the next word (`_by_next`)."""


def _rule_starts(
    words: list[Word], lex: Lexicon, layout: Layout
) -> dict[int, list[tuple[int, tuple[Phrase, ...]]]]:
    """Per rule (its index) that can start at a word of the message, those words (in order),
    each with the rule's phrases that can match from it as far as their first two elements
    tell: a rule is tried only there, and only with those phrases (perf24). The second
    element is read only when it is a set of words (a dictionary look-up of the next word's
    norm, `_by_next`); a class, a prefix, a wildcard, a gap or `$` after the first word, and
    a phrase opening with a gap, are left to the full match."""
    starts: dict[int, list[tuple[int, tuple[Phrase, ...]]]] = {}
    clause = layout.clause
    last = len(words) - 1
    for i, w in enumerate(words):
        nxt = words[i + 1].norm if i < last and clause[i + 1] == clause[i] else None
        for index, phrases, by_next, always in _word_rules(w, lex):
            if by_next is None:
                can = phrases
            elif nxt is None:
                can = always  # the clause ends after the word: a second word cannot match
            elif nxt[-1:] == "'":  # its bare form may be the one a phrase holds
                can = tuple(p for p in phrases if _second_may_match(p, nxt))
            else:
                can = by_next.get(nxt, always)
            if not can:
                continue
            at = starts.get(index)
            if at is None:
                starts[index] = [(i, can)]
            else:
                at.append((i, can))
    return starts


def _second_may_match(phrase: Phrase, nxt: str) -> bool:
    """May the phrase, its first element matching a word, go on at the next word (its norm)?
    As `element_matches` reads a second element of words alone: the norm or its bare form
    among them. Any other phrase may (`_by_next`)."""
    if not _by_its_second(phrase):
        return True
    words = phrase[1].words
    return nxt in words or nxt.rstrip("'") in words


def _by_its_second(phrase: Phrase) -> bool:
    """Is the phrase's second element a set of words alone, read at the word after its first?"""
    if len(phrase) < 2 or phrase[0].gap or phrase[0].clause_gap:
        return False
    el = phrase[1]
    return bool(el.words) and not (
        el.prefixes or el.any or el.word_class or el.gap or el.clause_gap or el.end
    )


def _by_next(
    phrases: tuple[Phrase, ...],
) -> tuple[dict[str, tuple[Phrase, ...]] | None, tuple[Phrase, ...]]:
    """The phrases (in order) by the next word that lets them go on: per word of a second
    element, the phrases holding it there and those whose second element is not a set of
    words (`always`, also the answer for any other next word); None when no phrase is read so."""
    if not any(_by_its_second(p) for p in phrases):
        return None, phrases
    always = tuple(p for p in phrases if not _by_its_second(p))
    seconds = {word for p in phrases if _by_its_second(p) for word in p[1].words}
    by_next = {
        word: tuple(p for p in phrases if not _by_its_second(p) or word in p[1].words)
        for word in seconds
    }
    return by_next, always


def _word_rules(w: Word, lex: Lexicon) -> RuleStarts:
    """The rules that can start at word `w`, with their phrases that can and those by the next
    word (`_by_next`, shared by every word that starts the same phrases) (perf24). A phrase's
    first element reads the word's norm, bare form and lemma only (`element_matches`), so the
    answer is kept per (norm, lemma) in `lex.word_rules` (at most `MEMO_LIMIT` words): the
    rules indexed by a first word (`rule_starts`) and the open ones (`open_rules`) are sorted
    out once per word, not once per rule and word of every message."""
    key = (w.norm, w.lemma)
    memo = lex.word_rules
    hit = memo.get(key)
    if hit is not None:
        return hit
    indices = set(lex.open_rules)
    for form in (w.norm, w.bare) if w.bare != w.norm else (w.norm,):
        indices.update(lex.rule_starts.get(form, ()))
    found = []
    shared = lex.phrase_nexts
    for index in sorted(indices):
        phrases = lex.rules[index].phrases.candidates(w.norm, w.bare)
        can = tuple(p for p in phrases if first_word_ok(p, w, lex))
        if can:
            ids = tuple(map(id, can))  # the lexicon's own phrases: alive as long as it is
            nexts = shared.get(ids)
            if nexts is None:
                nexts = _by_next(can)
                if len(shared) < MEMO_LIMIT:
                    shared[ids] = nexts
            found.append((index, can, *nexts))
    hit = tuple(found)
    if len(memo) < MEMO_LIMIT:
        memo[key] = hit
    return hit


def _veto_misplaced(
    rule, words: list[Word], i: int, lex: Lexicon, layout: Layout, tokens, vetoed: list[Match]
) -> None:
    """Record a sign-off phrase found where the rule says no sign-off stands."""
    end = _rule_end(rule.phrases, words, i, lex, layout, "", rule.unless_next)
    if end is not None:
        vetoed.append(Match(rule.act, rule.id, (i, end), tuple(t.text for t in tokens[i:end])))


def _own_negation(words: list[Word], i: int, end: int, lex: Lexicon) -> bool:
    """Does the matched phrase carry its negation itself? "niet leuk", "pas agréable",
    "not nice" are empathy: the phrase is negative, nothing it says is taken back. (Not
    for instructions: "Gelieve niet te herstarten" spans its trigger and is negated.)"""
    return any(_trigger(w, lex) for w in words[i:end])


def _trigger(w: Word, lex: Lexicon) -> bool:
    return w.norm in lex.negation.words or w.norm.endswith("n't")


ALTERNATIVES = frozenset({"or", "of", "ou"})
"""(2.7) A clause opening with one of these continues the question before it as an
alternative ("Anything else, or are you sorted?"): it asks nothing of its own."""


def _asks(form: QuestionForm | None, layout: Layout, i: int, words: list[Word]) -> bool:
    """Is word i in an asking clause: the clause of the sentence's question form, or every
    clause of a sentence that ends in "?" without one? (2.7) The clause that ends a sentence
    with "?" asks too, after another question ("Hebt ge het kunnen testen, werkt het?"),
    unless it opens with an alternative's "or"."""
    if form is None:
        return False
    first, last = layout.clause[form[1][0]], layout.clause[form[1][1] - 1]
    clause = layout.clause[i]
    if first <= clause <= last:
        return True
    sentence = layout.sentence[i]
    ends = layout.clause_ends[clause]
    starts = ends - 1
    while starts > 0 and layout.clause[starts - 1] == clause:
        starts -= 1
    return (
        layout.asks[sentence]
        and (ends == len(layout.sentence) or layout.sentence[ends] != sentence)
        and words[starts].norm not in ALTERNATIVES
    )


SENTENCE_LEAD_WORDS = 4
"""(l-rules18) How many words (fillers aside) may stand before a `sentence` rule's match in its
sentence: a greeting or an acknowledgement ("Hi Tom, so ...", "Gotcha, so ...", "Hey, it's
Vinnie, so ..."); a longer clause before "so" is what the "so" follows from."""


def _sentence_lead(words: list[Word], layout: Layout, lex: Lexicon, i: int) -> bool:
    """(l-rules18) `sentence`: does word `i` open its sentence, after fillers or a short
    greeting or acknowledgement (`SENTENCE_LEAD_WORDS`): "So your modem ...", "Ok, so the
    driver ...", "Hi Tom, so ..."? After a clause of its own sentence, "so" says what follows
    from it ("You've used all your peak data, so you're on the slow speed"): no recap."""
    start, _ = _sentence_bounds(layout, layout.sentence[i])
    if not layout.opens[i]:
        return False  # "Hold the button down so the robot pairs": "so" inside its clause
    said = [w for w in words[start:i] if w.norm not in lex.fillers]
    return len(said) <= SENTENCE_LEAD_WORDS


def _placed(where: str, layout: Layout, i: int, sentence: int) -> bool:
    """`opening`: in the first sentence, not in the message's last clause; `first`: at the
    message's first word ("Dag Tom, ..." opens); `last`: in the message's last sentence,
    not at its first word ("... Dag Tom!" says goodbye); `opens`: where a clause opens by
    punctuation (after fillers), not after a conjunction ("j'ai donc mis" restates nothing);
    `signoff`: opening a clause of the message's last sentence, when that is not its first
    ("..., is that clear? Kind regards, Sarah"; "Kind regards" alone signs nothing off);
    (l-rules21) `unended`: leading the message's only sentence, which ends with no ".", "!" or
    "?" ("All good", "Gelukt": a state left open asks; "Opgelost." is news)."""
    if where == "opening":
        return sentence == 0 and layout.clause[i] != layout.clause[-1]
    if where == "last":
        return sentence == layout.sentence[-1] and i > 0
    if where == "first":
        return i == 0
    if where == "signoff":
        return sentence > 0 and layout.lead[i] and _before_signature(layout, sentence)
    if where == "opens":
        return layout.opens[i]
    if where == "unended":
        return layout.unended and layout.sentence[-1] == 0 and layout.lead[i]
    return True


SIGNATURE_WORDS = 4
"""A signature under a sign-off line is a name or a team: "Tom", "IT Service Desk"."""


def _before_signature(layout: Layout, sentence: int) -> bool:
    """(1.3) Is `sentence` the message's last, or the last but one with only a short
    signature line after it ("Kind regards,\nTom"; "Cordialement\nService informatique")?"""
    last = layout.sentence[-1]
    if sentence == last:
        return True
    return sentence == last - 1 and layout.sentence.count(last) <= SIGNATURE_WORDS


def _in_clause(unless: frozenset[str], words: list[Word], layout: Layout, i: int) -> bool:
    """Does an entry stand in word i's clause (several words: in that order)?"""
    clause = layout.clause[i]
    inside = [w.norm for w, c in zip(words, layout.clause, strict=True) if c == clause]
    if any(w in unless for w in inside):
        return True
    return _has_sequence(unless, inside)


POLITE_TAIL_WORDS = 4
"""(2.7) The longest clause that can be a request's polite tail ("..., s'il vous plaît.")."""


def _polite_tail(requests: frozenset[str], words: list[Word], layout: Layout, i: int) -> bool:
    """Is word i's clause followed, in its sentence, by a short clause with a request word
    ("Stel u even voor, alstublieft.", "Introduce yourself, please.")? That tail asks for it."""
    start = layout.clause_ends[layout.clause[i]]
    if start >= len(words) or layout.sentence[start] != layout.sentence[i]:
        return False
    end = layout.clause_ends[layout.clause[start]]
    return end - start <= POLITE_TAIL_WORDS and any(w.norm in requests for w in words[start:end])


def _has_sequence(entries: frozenset[str], norms: list[str]) -> bool:
    """Does one of the entries of several words stand in `norms`, in that order?"""
    several = [u for u in entries if " " in u]
    if not several:
        return False
    text = " " + " ".join(norms) + " "
    return any(f" {u} " in text for u in several)


def _in_sentence(unless: frozenset[str], words: list[Word], layout: Layout, i: int) -> bool:
    """Does an entry stand in word i's sentence? An entry of several words ("tot morgen")
    counts when they stand in that order (1.3: "tot" alone also ends "toegang tot de map")."""
    sentence = layout.sentence[i]
    inside = [w.norm for w, s in zip(words, layout.sentence, strict=True) if s == sentence]
    return any(w in unless for w in inside) or _has_sequence(unless, inside)


def _cancelled(unless: frozenset[str], words: list[Word], layout: Layout, i: int, end: int) -> bool:
    """Does an `unless` entry stand in the clause up to the match's end? An entry of
    several words ("il y a", "toutes les") counts when those words stand in that order."""
    start = i
    while start > 0 and layout.clause[start - 1] == layout.clause[i]:
        start -= 1
    if any(w.norm in unless or w.lemma in unless for w in words[start:end]):
        return True
    return _has_sequence(unless, [w.norm for w in words[start:end]])


def _rule_end(
    phrases: PhraseSet,
    words: list[Word],
    i: int,
    lex: Lexicon,
    layout: Layout,
    where: str,
    unless_next: frozenset[str] = frozenset(),
    starting: tuple[Phrase, ...] | None = None,
) -> int | None:
    """Where the first phrase that matches at word i ends. A phrase followed by one of
    `unless_next` does not match, and the next phrase is tried: "sorry again for" is
    not cancelled because "sorry" alone would be followed by "again". A phrase ending in
    a one-word wildcard is cancelled when that word is one of `unless_next`. `starting`:
    the phrases whose first element matches word i, when the caller knows them (`_word_rules`)."""
    n = len(words)
    stop = _clause_end(layout, i, n)
    if starting is None:
        w = words[i]
        starting = tuple(p for p in phrases.candidates(w.norm, w.bare) if first_word_ok(p, w, lex))
    for phrase in starting:
        end = match_after_first(phrase, words, i, lex, stop)
        if end is None or (where == "end" and end != _sentence_end(layout, i, n)):
            continue
        if end < n and words[end].norm in unless_next:
            continue
        if where == "announces" and not (end < n and layout.colon[end]):
            continue  # (l-rules22) the phrase that ends at the colon: "Ik noteer in het ticket: ..."
        if phrase[-1].any and words[end - 1].norm in unless_next:
            continue  # "ici *" takes the next word itself: "je vois ici que" names nobody
        return end
    return None


QuestionForm = tuple[str, tuple[int, int]]


def _sentence_bounds(layout: Layout, s: int) -> tuple[int, int]:
    idx = [i for i, k in enumerate(layout.sentence) if k == s]
    return idx[0], idx[-1] + 1


def _question_forms(
    words: list[Word], found: list[Piece], layout: Layout, lex: Lexicon
) -> dict[int, QuestionForm | None]:
    forms: dict[int, QuestionForm | None] = {}
    for s in sorted(set(layout.sentence)):
        start, end = _sentence_bounds(layout, s)
        forms[s] = _question_form(words, found, layout, lex, s, start, end)
    return forms


def _question_form(
    words: list[Word],
    found: list[Piece],
    layout: Layout,
    lex: Lexicon,
    s: int,
    start: int,
    end: int,
) -> QuestionForm | None:
    """The form that makes a sentence a question (and its words), or None."""
    tagged = _tagged(words, layout, lex, start, end)
    told = _find_tag(words, layout, lex, start, end, lex.questions.confirming, own_clause=True)
    if told is not None:
        return told  # (l-rules21) "..., heb ik dat goed?": only the tag asks, the rest is told
    if tagged is not None:
        return tagged  # "It's working now, isn't it?" asks about its whole statement
    form = _first_form(words, found, layout, lex, start, end)
    if layout.asks[s]:
        # the asking clause: the one with a question form, else the sentence's first
        # ("Your e-mail address, please?" asks for the address, not about "please")
        return "mark", (form[1] if form is not None else (start, end))
    return form


def _tagged(
    words: list[Word], layout: Layout, lex: Lexicon, start: int, end: int
) -> QuestionForm | None:
    """A statement ending in a tag ("..., right?", "..., hè", "..., n'est-ce pas"): the
    whole sentence asks, with or without "?"."""
    return _find_tag(words, layout, lex, start, end, lex.questions.tag_set)


def _find_tag(
    words: list[Word],
    layout: Layout,
    lex: Lexicon,
    start: int,
    end: int,
    tag_set: PhraseSet,
    own_clause: bool = False,
) -> QuestionForm | None:
    """`_tagged` with the tags of `tag_set`. (l-rules21) With `own_clause` (the confirming tags)
    the form's words are the tag's clause alone: such a tag asks whether the statement was
    understood, not what the statement says."""
    tags = tag_set.phrases
    if end - start < MIN_TAGGED or not tags:
        return None
    # Which tag matches where does not change the answer, so the word's own conditions
    # (it leads a clause other than the sentence's first) are tested before any phrase.
    for j in range(max(start + 1, end - tag_set.longest - 3), end):
        if not layout.lead[j] or layout.clause[j] == layout.clause[start]:
            continue
        for tag in tag_set.candidates(words[j].norm, words[j].bare):
            stop = match_at(tag, words, j, lex, end)
            if j >= end - len(tag) - 3 and _tag_ends(stop, layout, end, own_clause):
                if own_clause and not _restates_enough(words, lex, start, j):
                    continue  # "Oui, c'est exact.": a confirmation, nothing restated or asked
                return "tag", ((j if own_clause else start), end)
    return None


TAG_ADDRESS_WORDS = 2
"""(l-rules21) The words of a form of address a tag may have after it in a clause of their own
("..., have I got that right, love", "..., klopt dat, Jan", "..., c'est ça, Madame Dubois")."""


def _tag_ends(stop: int | None, layout: Layout, end: int, addressed: bool = False) -> bool:
    """Does a tag matched up to `stop` end its sentence, or (a confirming tag, `addressed`) its
    clause with only a short address after it? Other tags do not reach over a comma: "Ah, ok,
    is interesting." and "d'accord, merci" ask nothing."""
    if stop is None:
        return False
    if stop == end:
        return True
    if not addressed:
        return False
    return layout.clause[stop] != layout.clause[stop - 1] and end - stop <= TAG_ADDRESS_WORDS


MIN_TAGGED = 4
"""A tag question needs a statement before it: "Right." alone is no question."""


def _first_form(
    words: list[Word], found: list[Piece], layout: Layout, lex: Lexicon, start: int, end: int
) -> QuestionForm | None:
    """The first question form in a sentence: at a clause's start, or a French inversion."""
    for j in range(start, end):
        hit = _form_at(words, found, layout, lex, j, end)
        if hit is not None:
            return hit
    return None


def _form_at(
    words: list[Word], found: list[Piece], layout: Layout, lex: Lexicon, j: int, end: int
) -> QuestionForm | None:
    q = lex.questions
    w = words[j]
    nxt = words[j + 1] if j + 1 < end else None
    if layout.opens[j]:
        for opener in q.opener_set.candidates(w.norm, w.bare):
            stop = match_at(opener, words, j, lex, end)
            if stop is not None:
                return "opener", (j, stop)
    inverted = q.hyphen_inversion and nxt is not None and nxt.norm in q.subjects
    if inverted and nxt.norm == "nous" and not w.norm.endswith(("ons", "sommes")):
        inverted = False  # (2.4) "rappelle-nous", "dites-nous": an imperative and its object
    # "Souvenez-vous de ..." tells; "Vous souvenez-vous de ...?" asks (pronoun before it)
    reflexive = (
        j > 0 and words[j - 1].norm in q.subjects and layout.clause[j - 1] == layout.clause[j]
    )
    if inverted and found[j + 1].hyphenated and (w.norm not in q.not_inverted or reflexive):
        return "inversion", (j, j + 2)
    if not layout.opens[j]:
        return None
    at_clause_start = j == 0 or found[j].clause_start
    if at_clause_start and w.norm in q.heads and nxt is not None and nxt.norm in q.subjects:
        if not layout.asks[layout.sentence[j]] and (
            _imperative_first(w, nxt, lex)
            or _after_subordinate(words, layout, lex, j)
            or _verb_first_statement(words, layout, lex, j)
            or _conditional_first(words, layout, lex, j)
        ):
            return None
        return "inversion", (j, j + 2)  # "Kunt u", "Can you"; not "dan zijn we" (V2 order)
    if w.norm in q.words and not (nxt is not None and nxt.norm in q.subjects):
        if not layout.asks[layout.sentence[j]] and _not_asking(words, layout, lex, j, end):
            return None
        return "question-word", (j, j + 1)
    return _after_preposition(words, layout, lex, j, end)


def _not_asking(words: list[Word], layout: Layout, lex: Lexicon, j: int, end: int) -> bool:
    """(2.3) A question word, in a sentence without "?", that asks nothing: an exclamation or
    a concession ("How lovely to hear from you", "hoe dringend het ook klinkt":
    `questions.not_asking`), or a relative word after a full clause of its sentence
    ("..., which is why you'll be asked for a new one": `questions.relatives`)."""
    q = lex.questions
    clause_end = layout.clause_ends[layout.clause[j]]
    if any(match_at(p, words, j, lex, clause_end) is not None for p in q.not_asking):
        return True
    if words[j].norm not in q.relatives or j == 0 or layout.sentence[j - 1] != layout.sentence[j]:
        return False
    before = j - 1
    clause = layout.clause[before]
    full = [k for k in range(before + 1) if layout.clause[k] == clause]
    return len([k for k in full if words[k].norm not in lex.fillers]) >= MIN_FULL_CLAUSE


MIN_FULL_CLAUSE = 3
"""Words (fillers aside) of the clause before a relative word: "Hi Tom, when did it start"
still asks; "..., the temporary one only works once, which is why ..." does not."""


def _after_preposition(
    words: list[Word], layout: Layout, lex: Lexicon, j: int, end: int
) -> QuestionForm | None:
    """(1.3) A question word right after a clause-opening preposition asks: "Op welk
    nummer kan ik u bereiken", "À quel numéro", "On which floor is it"."""
    q = lex.questions
    if words[j].norm not in q.prepositions or j + 1 >= end:
        return None
    if layout.clause[j + 1] != layout.clause[j] or words[j + 1].norm not in q.words:
        return None
    if j + 2 < end and words[j + 2].norm in q.subjects - ARTICLES:
        return None  # "from what you said", "van wat u zegt": a relative clause, no question
    return "question-word", (j, j + 2)


ARTICLES = frozenset({"the", "a", "an", "de", "het", "een", "le", "la", "les", "un", "une"})
"""Subjects that are articles: after "which"/"welk" they begin the noun asked about."""


NL_FIRST_PERSON = frozenset({"ik", "'k", "we", "wij"})
NL_POLITE = frozenset({"u", "ge", "gij"})
NL_FIRST_SINGULAR = frozenset({"heb", "ben", "zie", "doe", "vind", "ken", "krijg"})
"""(2.4) First-person singular forms that differ from the third person (heeft, is, ziet ...):
asked, they take "ik" or "je" ("Heb je ...", "Zie ik ..."); before "het", "er", an article or
an object without "?" the "ik" was dropped, as a chatting operator does ("heb een nieuw
gepusht", "ja, zie het", "Hey Sofie, ben er"), and nothing is asked."""
NL_PERSONS = frozenset(
    {"u", "je", "jij", "ge", "gij", "ik", "'k", "we", "wij", "hij", "ze", "zij", "jullie", "men"}
)


def _verb_first_statement(words: list[Word], layout: Layout, lex: Lexicon, j: int) -> bool:
    """(1.3) Dutch verb-first sentences without "?" that do not ask: a dropped topic before
    a first person and a participle closing the clause ("Heb ik net gedaan", "Hebben we
    al aangepast"), and the Flemish polite imperative with a request particle ("Doet u de
    laptop eens uit", "Steekt ge de kabel er efkes in")."""
    if lex.lang != "nl" or j + 1 >= len(words):
        return False
    nxt = words[j + 1].norm
    last = layout.clause_ends[layout.clause[j]] - 1
    if nxt in NL_FIRST_PERSON:
        return last > j + 1 and participle(words[last], lex)
    if words[j].norm in NL_FIRST_SINGULAR and nxt not in NL_PERSONS:
        return True  # (2.4) "heb het al gedaan", "zie het", "ben er": "ik" dropped, no question
    if nxt in NL_POLITE:
        clause = layout.clause[j]
        return any(
            w.norm in lex.questions.particles
            for w, c in zip(words[j + 2 :], layout.clause[j + 2 :], strict=False)
            if c == clause
        )
    return False


INSTRUCTION_YIELDS_TO = frozenset({"hold", "check", "identify", "closing", "offer_help", "empathy"})
"""A request in the same clause part as one of these acts is that act: "Can you hold?"
asks to wait, "Can you log in now?" checks, "Could you confirm your name?" identifies."""


def _without_yielding_instructions(matches: list[Match], layout: Layout) -> list[Match]:
    """Drop requests that another act explains: same clause part, or later in the clause."""
    others = [m for m in matches if m.kind in INSTRUCTION_YIELDS_TO and not m.negated]

    def explained(m: Match) -> bool:
        seg, clause = layout.segment[m.span[0]], layout.clause[m.span[0]]
        return any(
            any(layout.segment[i] == seg for i in range(*o.span))
            or (layout.clause[o.span[0]] == clause and o.span[0] <= m.span[0])
            for o in others
        )

    return [m for m in matches if not (m.kind == "instruction" and explained(m))]


def _without_yielding_rules(
    matches: list[Match], layout: Layout, lex: Lexicon, forms: dict[int, QuestionForm | None]
) -> list[Match]:
    """Drop the matches of rules with `yields_to` acts found in the same sentence; an
    entry "act@tag" yields only in a sentence that ends in a tag question, (2.8) "act@same"
    only to a match of that act on some of the same words ("sorry dat ge daarmee zit" is
    empathy, not an apology; "Sorry voor het wachten, ik begrijp het" is both)."""
    yielding = {r.id: r.yields_to for r in lex.rules if r.yields_to}
    if not yielding or not any(m.rule in yielding for m in matches):
        return matches
    present = {(m.kind, layout.sentence[m.span[0]]) for m in matches if not m.negated}
    spans = [(m.kind, m.span) for m in matches if not m.negated]

    def gives_way(m: Match) -> bool:
        sentence = layout.sentence[m.span[0]]
        tagged = (forms.get(sentence) or ("",))[0] == "tag"
        for entry in yielding.get(m.rule, ()):
            act, _, where = entry.partition("@")
            if where == "same":
                if any(k == act and s < m.span[1] and m.span[0] < e for k, (s, e) in spans):
                    return True
            elif (act, sentence) in present and (not where or tagged):
                return True
        return False

    return [m for m in matches if not gives_way(m)]


ANNOUNCED_BY = frozenset({"instruction", "hold"})
"""(2.7) Acts whose words can be a restatement's own opener: "Laissez-moi reformuler :",
"Even kijken of ik mee ben:", "Let me just check I've understood:" ask the customer to do or
wait for nothing."""


def _without_announcers(matches: list[Match]) -> list[Match]:
    """Drop an instruction or hold matched inside the words of a restatement's opener."""
    openers = [m.span for m in matches if m.kind == "restate" and not m.negated]
    if not openers:
        return matches
    return [
        m
        for m in matches
        if not (
            m.kind in ANNOUNCED_BY
            and any(start <= m.span[0] and m.span[1] <= end for start, end in openers)
        )
    ]


def _without_inverted_imperatives(
    matches: list[Match],
    layout: Layout,
    forms: dict[int, QuestionForm | None],
    text: tuple[list[Word], list[Piece], Lexicon] | None = None,
) -> list[Match]:
    """(1.3) A verb the sentence's question form inverts is asked, not told: "Utilisez-vous
    Outlook" asks; the reflexive imperatives ("Connectez-vous") are no inversion
    (questions.not_inverted), so they stay instructions."""

    def inverted(m: Match) -> bool:
        form = forms.get(layout.sentence[m.span[0]])
        if not m.rule.endswith(".instruction.imperative") or form is None:
            return False
        if form[0] == "mark" and text is not None and form[1][0] == m.span[0]:
            # (l-rules21) "Gebruik je een Mac of Windows?", "Utilisez-vous Outlook ou ... ?": the
            # mark's asking clause opens with the inversion, the verb is asked as without "?"
            words, found, lex = text
            end = layout.clause_ends[layout.clause[m.span[0]]]
            hit = _form_at(words, found, layout, lex, m.span[0], end)
            addressed = m.span[0] + 1 < len(words) and words[m.span[0] + 1].norm in ADDRESSED
            return hit is not None and hit[0] == "inversion" and addressed  # not "Doe de deur"
        return form[0] == "inversion" and form[1][0] == m.span[0]

    return [m for m in matches if not inverted(m)]


def _without_consequences(
    matches: list[Match], words: list[Word], layout: Layout, lex: Lexicon
) -> list[Match]:
    """(2.3) Drop the matches of rules with `after_step` words right before them that follow
    no instruction of their sentence: "..., en dan raakt u in een kringetje" tells what
    happens, "Klik op Start, dan kiest u Instellingen" is the next step."""
    after = {r.id: r.after_step for r in lex.rules if r.after_step}
    if not after:
        return matches

    def consequence(m: Match) -> bool:
        i = m.span[0]
        if m.rule not in after or i == 0 or words[i - 1].norm not in after[m.rule]:
            return False
        s = layout.sentence[i]
        if i - 1 == 0 or layout.sentence[i - 2] != s:
            return False  # "Dan klikt u op OK.": a sentence that opens with it goes on from before
        return not any(
            o.kind == "instruction" and not o.negated and o.span[0] < i - 1
            and layout.sentence[o.span[0]] == s
            for o in matches
        )  # fmt: skip

    return [m for m in matches if not consequence(m)]


def _question_matches(
    words: list[Word],
    found: list[Piece],
    layout: Layout,
    lex: Lexicon,
    acts: list[Match],
    tokens: tuple[Token, ...],
    forms: dict[int, QuestionForm | None],
) -> list[Match]:
    """A clarifying question per question sentence, when one of its asking clauses is no
    other act. The asking clauses are those that open with a question form; a sentence
    that ends in "?" without one asks in all its clauses."""
    out: list[Match] = []
    live = [m for m in acts if not m.negated]
    restated = {layout.sentence[m.span[0]] for m in live if m.kind == "restate"}
    settled = {layout.sentence[m.span[0]] for m in live if m.kind in YES_NO_IS_THAT_ACT}
    for s, form in forms.items():
        if form is None:
            continue
        start, end = _sentence_bounds(layout, s)
        if form[0] == "tag" and any(_tells(m, words, layout, lex, start) for m in acts):
            continue  # "Geen nieuwe kabel kopen, hè": a tag that insists, not a question
        if form[0] == "tag" and _restated_by_tag(words, layout, lex, live, s, start, form[1][0]):
            words_hit = tuple(t.text for t in tokens[start:end])
            out.append(Match("restate", f"{lex.lang}.restate.tagged", (start, end), words_hit))
            if not layout.asks[s]:
                continue  # (l-rules21) "..., have I got that right, love": a restatement, no question
            # with "?" the tag still asks the customer to confirm, as before 2.16
        if restated and _confirms(words, found, layout, lex, (s, start, end), form, restated):
            continue  # "So your printer won't print?", "..., klopt dat?": the restatement's
        asking = [form] if form[0] == "tag" else _all_forms(words, found, layout, lex, start, end)
        asking = asking or [form]
        if form[0] in ("mark", "tag") and asking == [form]:
            clauses = {layout.clause[i] for i in range(start, end)}
            if any(_blocks_question(m, layout, c) for m in acts for c in clauses):
                continue
        else:
            asking = [f for f in asking if not any(
                _blocks_question(m, layout, layout.clause[f[1][0]]) for m in acts
            )]  # fmt: skip
            if s in settled:  # "And now, does it print?": the yes/no question is the check
                asking = [f for f in asking if f[0] != "inversion"]
            if not asking:
                continue
            if form[0] != "mark":
                form = asking[0]
        a, b = (asking[0] if form[0] == "mark" and asking != [form] else form)[1]
        rule = f"{lex.lang}.question.{form[0]}"
        out.append(Match("question", rule, (a, b), tuple(t.text for t in tokens[a:b])))
    return out


RESTATED_AS = frozenset({"restate", "progress"})
"""(l-rules21) Acts a statement before a confirming tag may carry and still restate: the
customer's problem said as a finding ("Le paiement a été prélevé deux fois, c'est bien ça ?",
"De machtiging is verlopen, klopt dat?") is theirs, read back; the restatement takes its place
(`_without_restated_findings`)."""


def _without_restated_findings(matches: list[Match], layout: Layout) -> list[Match]:
    """(l-rules21) Drop the progress of a sentence a confirming tag makes a restatement."""
    restated = {layout.sentence[m.span[0]] for m in matches if m.rule.endswith(".restate.tagged")}
    if not restated:
        return matches
    return [
        m for m in matches if not (m.kind == "progress" and layout.sentence[m.span[0]] in restated)
    ]


MIN_RESTATED = 3
"""(l-rules21) Words (fillers aside) a statement needs before a confirming tag to restate
anything: "Oui, c'est bien ça." confirms, it restates nothing."""


def _restates_enough(words: list[Word], lex: Lexicon, start: int, tag: int) -> bool:
    """(l-rules21) Has the statement before a confirming tag `MIN_RESTATED` words, fillers aside?"""
    return len([w for w in words[start:tag] if w.norm not in lex.fillers]) >= MIN_RESTATED


def _restated_by_tag(
    words: list[Word], layout: Layout, lex: Lexicon, live: list[Match], s: int, start: int, tag: int
) -> bool:
    """(l-rules21) Is the statement before a confirming tag (`questions.confirming`, the form
    from `tag` on) a restatement? Not when it is another act of the rules' ("Restart it, is
    that right?"), and not when it reads back the customer's data ("Your username is
    claire.hughes, is that right?", "U woont op de Lindelaan 14, klopt dat?": an identify
    rule's words, or a number or an address in it): that identifies."""
    if tag <= start:
        return False  # another tag: its form is the whole sentence ("Het lampje knippert, hè?")
    said = [w for w in words[start:tag] if w.norm not in lex.fillers]
    if any(
        layout.sentence[m.span[0]] == s and m.span[0] < tag and m.kind not in RESTATED_AS
        for m in live
    ):
        return False
    if any(any(c.isdigit() or c == "@" for c in w.norm) for w in said):
        return False
    return not any(
        _rule_end(rule.phrases, words, j, lex, layout, "") is not None
        for rule in lex.rules
        if rule.act == "identify"
        for j in range(start, tag)
    )


YES_NO_IS_THAT_ACT = frozenset({"check", "identify", "offer_help"})
"""(2.3) Acts that a yes/no question (an inversion) anywhere in their sentence asks, not a
clarifying question: "And now, does it print?" checks; a question word in another clause
still asks ("Does it work now, and when did it break?")."""


def _confirms(
    words: list[Word],
    found: list[Piece],
    layout: Layout,
    lex: Lexicon,
    sentence: tuple[int, int, int],
    form: QuestionForm,
    restated: set[int],
) -> bool:
    """(2.3) Does the question sentence only ask the customer to confirm a restatement? A
    restating sentence asked by its "?" or a tag alone ("So your printer won't print?",
    "..., is that right?"), or a sentence that is a tag alone after a restatement
    ("Klopt dat?", "Correct ?"). It asks nothing new, so it is `restate`, not `question`."""
    s, start, end = sentence
    if s in restated and form[0] == "tag":
        return True
    if s in restated and form[0] == "mark":
        # a question word anywhere asks something new ("Vous étiez dans quel local ?")
        asks_new = any(words[j].norm in lex.questions.words for j in range(start, end))
        return not asks_new and not _all_forms(words, found, layout, lex, start, end)
    return any(match_at(tag, words, start, lex, end) == end for tag in lex.questions.tags)


def _tells(m: Match, words: list[Word], layout: Layout, lex: Lexicon, start: int) -> bool:
    """Does the sentence from `start` tell the customer not to do something? A rule's
    negated instruction does; a negated instruction verb only where it stands as a step:
    first after the trigger ("N'achetez pas ...", "Don't buy ...") or as a Dutch
    infinitive closing its clause ("Niet op die knop drukken"), not a verb of a statement
    ("Het is de laptop die niet opstart, toch?")."""
    if (
        m.kind != "instruction"
        or m.span[0] < start
        or layout.sentence[m.span[0]] != layout.sentence[start]
    ):
        return False
    if not m.negated:
        return False  # "Herstart hem, ok?" may well ask; a negated step is insisted on
    if not m.rule.endswith(".instruction.negated"):
        return True
    i = m.span[0]
    before = words[start:i]
    if all(_trigger(w, lex) or w.norm in lex.fillers for w in before):
        return True
    w = words[i]
    infinitive = w.norm.endswith("n") and (w.norm == w.lemma or w.norm in lex.verbs)
    return lex.lang == "nl" and infinitive and i + 1 == layout.clause_ends[layout.clause[i]]


def _all_forms(
    words: list[Word], found: list[Piece], layout: Layout, lex: Lexicon, start: int, end: int
) -> list[QuestionForm]:
    """Every question form that opens a clause of the sentence (the first per clause)."""
    seen: dict[int, QuestionForm] = {}
    for j in range(start, end):
        if layout.clause[j] in seen:
            continue
        hit = _form_at(words, found, layout, lex, j, end)
        if hit is not None:
            seen[layout.clause[j]] = hit
    return list(seen.values())


def _blocks_question(m: Match, layout: Layout, clause: int) -> bool:
    if m.negated or layout.clause[m.span[0]] != clause:
        return False
    return m.kind in NOT_A_QUESTION_WHEN or m.rule.endswith(".instruction.request")


def _negated_instructions(
    words: list[Word],
    layout: Layout,
    negated: list[bool],
    lex: Lexicon,
    tokens: tuple[Token, ...],
    matches: list[Match],
    triggers: set[int] = frozenset(),  # type: ignore[assignment]
) -> list[Match]:
    """Every instruction verb inside a negation's scope that no rule matched, as a negated
    instruction: "Never share your password", "You don't need to restart", "Herstart hem
    zonder de kabel uit te trekken", "Vous n'avez pas besoin de redémarrer". A rule reads an
    instruction where it starts a clause; a negation moves the verb ("don't need to
    restart", "ne l'éteignez pas"), so the negated ones are found by their verb, wherever
    it stands in the scope. They carry no act (they are negated); they are listed under
    `negated` with their words, so an assessor sees what the message told the customer
    *not* to do."""
    taken = {i for m in matches if m.negated for i in range(*m.span)}
    out: list[Match] = []
    n = len(words)
    i = 0
    while i < n:
        w = words[i]
        is_verb = _instruction_verb(w, lex)
        trigger = w.norm in lex.negation.words or w.norm.endswith("n't") or i in triggers
        if not (negated[i] and is_verb and not trigger) or i in taken:
            i += 1
            continue
        end = i + 1
        while end < n and negated[end] and layout.segment[end] == layout.segment[i]:
            end += 1
        rule = f"{lex.lang}.instruction.negated"
        out.append(Match("instruction", rule, (i, end), tuple(t.text for t in tokens[i:end]), True))
        taken.update(range(i, end))
        i = end
    return out


def _aside(m: Match, negation: Negations, matches: list[Match]) -> bool:
    """(2.1) A negated match of a prohibition's own words only ("Wait", "Attendez" before
    the step it holds off) is not listed when a step of its own is: the step says it all."""
    if not all(j in negation.triggers for j in range(*m.span)):
        return False
    if all(j in negation.asides for j in range(*m.span)):
        return True
    return any(
        o.negated and not all(j in negation.triggers for j in range(*o.span)) for o in matches
    )


def _prohibited(
    negation: Negations, lex: Lexicon, tokens: tuple[Token, ...], matches: list[Match]
) -> list[Match]:
    """(2.1) A prohibition whose step no instruction verb names ("blijf van die
    instellingen af", "leave it") is itself the negated instruction, as rule
    `LANG.instruction.prohibited`, so the message shows what it told the customer not to do."""
    out: list[Match] = []
    for start, _end, scope in negation.prohibitions:
        if any(m.negated and m.span[0] < scope and start < m.span[1] for m in matches):
            continue
        rule = f"{lex.lang}.instruction.prohibited"
        words = tuple(t.text for t in tokens[start:scope])
        out.append(Match("instruction", rule, (start, scope), words, True))
    return out


def _after_subordinate(words: list[Word], layout: Layout, lex: Lexicon, j: int) -> bool:
    """Is clause j the main clause after a subordinate one in the same sentence? Dutch
    then puts the verb first without asking: "Als ge op de knop duwt, gebeurt er niks"."""
    clause = layout.clause[j]
    k = j
    while k > 0 and layout.clause[k - 1] == clause:
        k -= 1
    if k == 0 or layout.sentence[k - 1] != layout.sentence[j]:
        return False
    first = k - 1
    while first > 0 and layout.clause[first - 1] == layout.clause[k - 1]:
        first -= 1
    while first < k - 1 and words[first].norm in lex.fillers - lex.questions.subordinators:
        first += 1
    return words[first].norm in lex.questions.subordinators


def _conditional_first(words: list[Word], layout: Layout, lex: Lexicon, j: int) -> bool:
    """(2.9) Is clause j a condition put verb-first, its main clause opening with a consequent
    ("dan") later in the same sentence? Dutch says "if" so without asking: "Ziet de gebruiker
    de agenda niet, dan ontbreken de rechten", "Krijgt u een foutmelding, dan ..."."""
    consequents = lex.questions.consequents
    if not consequents or words[j].norm in lex.questions.requesting:
        return False
    sentence = layout.sentence[j]
    k = layout.clause_ends[layout.clause[j]]
    while k < len(words) and layout.sentence[k] == sentence:
        if words[k].norm in consequents:
            return True
        k = layout.clause_ends[layout.clause[k]]
    return False


PERSONS = frozenset(
    {"u", "je", "jij", "ge", "gij", "jullie", "we", "wij", "ik", "hij", "zij", "ze"}
)
"""Dutch subject pronouns: "Gebruik je Chrome" asks, "Gebruik de oude versie" tells."""


def _imperative_first(w: Word, nxt: Word, lex: Lexicon) -> bool:
    """A Dutch verb-first sentence without "?" whose verb is an instruction verb's bare
    stem and whose next word is no pronoun tells the customer to act ("Doe de app
    open", "Gebruik dat oude paswoord niet meer"); "Werkt de printer" (-t) asks."""
    if lex.lang != "nl" or nxt.norm in PERSONS:
        return False
    return any(v in lex.verbs for v in dutch_infinitives(w.norm))


def _instruction_verb(w: Word, lex: Lexicon) -> bool:
    """An instruction verb by its lemma, or (Dutch) by the stem an imperative is: "Gebruik",
    "Klik", "Geef" are read as nouns or stems by the lemmatiser, their infinitives are verbs."""
    if w.lemma in lex.verbs or w.norm in lex.verbs:
        return True
    return lex.lang == "nl" and any(v in lex.verbs for v in dutch_infinitives(w.norm))


def _negated_phrase(
    text: str,
    m: Match,
    tokens: tuple[Token, ...],
    layout: Layout,
    lex: Lexicon,
    triggers: set[int] = frozenset(),  # type: ignore[assignment]
) -> str:
    """The negated words of a match (not the trigger, nor a prohibitive phrase's own words:
    "stop saving" lists "saving"), to the end of the negation's scope."""
    span = range(*m.span)
    start = next((i for i in span if i not in triggers and _negated_word(tokens[i], lex)), None)
    if start is None and any(i in triggers for i in span):
        after = m.span[1]
        while after < len(tokens) and after in triggers:
            after += 1
        stepped = after < len(tokens) and tokens[after].negated
        start = after if stepped and layout.segment[after] == layout.segment[m.span[0]] else None
    start = m.span[0] if start is None else start
    stop = max(m.span[1], start + 1)
    while (
        stop < len(tokens)
        and tokens[stop].negated
        and layout.segment[stop] == layout.segment[start]
    ):
        stop += 1
    return _closing_quote(text, tokens[start].start, tokens[stop - 1].end)


_QUOTE_PAIRS = {'"': '"', "\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d"}


def _closing_quote(text: str, begin: int, end: int) -> str:
    """The excerpt with both quotes of a quotation it cuts: quotes are no tokens, so
    'Stop clicking "Retry"' would otherwise show its negated words as `clicking "Retry`."""
    for opening, closing in _QUOTE_PAIRS.items():
        excerpt = text[begin:end]
        if closing == opening:
            opens = excerpt.count(opening) % 2 == 1
            closes = False
        else:
            opens = excerpt.count(opening) > excerpt.count(closing)
            closes = excerpt.count(closing) > excerpt.count(opening)
        if opens:
            at = text[end : end + 3].find(closing)
            if at >= 0 and not text[end : end + at].strip():
                end += at + 1
        if closes:
            before = text[max(0, begin - 3) : begin]
            at = before.rfind(opening)
            if at >= 0 and not before[at + 1 :].strip():
                begin -= len(before) - at
    return text[begin:end]


def _negated_word(token: Token, lex: Lexicon) -> bool:
    trigger = token.norm in lex.negation.words or token.norm.endswith("n't")
    return token.negated and not trigger


analyse.cache_clear = _analyse.cache_clear  # type: ignore[attr-defined]
analyse.cache_info = _analyse.cache_info  # type: ignore[attr-defined]
