"""The features the act model reads in one analysed message, each one a name an assessor can read.

The act model (acts_model.py, trained by train.py) weighs these names; nothing else reaches
it. Every feature is a fact about the message that the rules' analysis already holds:

- `rule:ID` - a rule of the lexicon matched (not negated), e.g. `rule:fr.question.inversion`;
  `neg:ID` - the same rule matched inside a negation (it did not count);
- `act:ACT` - the rules gave the act (their decision is one piece of evidence among others);
- `w:LEMMA` - a word of the message outside any negation, by its lemma; `nw:LEMMA` - inside one;
- `bi:LEMMA_LEMMA` - two words in a row (outside negation);
- `first:LEMMA`, `first2:LEMMA_LEMMA` - how the message opens; `open:LEMMA` - the first word
  of a later sentence; `last:LEMMA` - the message's last word;
- `form:...` - the message's form: a "?" anywhere / at the end, "!" at the end, negation
  present, how many sentences (1, 2, 3+) and words (1-3, 4-8, 9-15, 16+);
- (l-model13, off: `CHARS`) `c3:XYZ` - three letters in a row of a word outside negation, the word normalised
  (folded, lower-cased) and padded with `#` at both ends ("kabel" gives `#ka`, `kab`, `abe`,
  `bel`, `el#`): a writer's own spelling, compound or inflection of a word the others wrote
  ("herstartte", "rebootez", "paswoord") shares most of its trigrams with theirs, where its
  lemma (`w:`) is a feature no training message had. `CHARS` switches the family off.

Pure Python and deterministic: training (sklearn, offline) and the exam (pure Python
weights, acts_model.py) call the same function, so they cannot read a message differently.
"""

from __future__ import annotations

from functools import lru_cache

from helpdesk_tui.language.model import Analysis

SENTENCE_ENDS = frozenset(".!?\n")
CHARS = False
"""(l-model13) Character trigrams (`c3:`) of the words outside negation, off: the shipped
weights (2.9) have none. Measured on leave one writer out and on the bundled exams' verdicts
(benchmarks/README.md "Layer 2.11 (branch l-model13)"): trained with them, weights lost
competent verdicts; `train.py --write DIR` trains with them when this is on."""


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


@lru_cache(maxsize=16384)
def trigrams(norm: str) -> tuple[str, ...]:
    """The `c3:` features of one normalised word, padded with `#` (a one-letter word gives
    one: `#a#`). Cached: a word comes back in message after message."""
    padded = f"#{norm.lower()}#"
    return tuple(f"c3:{padded[i : i + 3]}" for i in range(len(padded) - 2))


def features(a: Analysis) -> set[str]:
    """The set of feature names present in the analysed message (binary features)."""
    out: set[str] = set()
    for m in a.matches:
        out.add(f"{'neg' if m.negated else 'rule'}:{m.rule}")
    out.update(f"act:{act}" for act in a.acts)
    text = a.text
    tokens = a.tokens
    sentences = 1
    prev_end = 0
    prev: str | None = None
    for i, t in enumerate(tokens):
        lemma = t.lemma.lower()
        gap = text[prev_end : t.start]
        opens = i == 0 or any(c in SENTENCE_ENDS for c in gap)
        if i and opens:
            sentences += 1
            out.add(f"open:{lemma}")
        if t.negated:
            out.add(f"nw:{lemma}")
            prev = None
        else:
            out.add(f"w:{lemma}")
            if CHARS:
                out.update(trigrams(t.norm))
            if prev is not None and not opens:
                out.add(f"bi:{prev}_{lemma}")
            prev = lemma
        prev_end = t.end
    if tokens:
        out.add(f"first:{tokens[0].lemma.lower()}")
        if len(tokens) > 1:
            out.add(f"first2:{tokens[0].lemma.lower()}_{tokens[1].lemma.lower()}")
        out.add(f"last:{tokens[-1].lemma.lower()}")
    stripped = text.rstrip()
    if "?" in text:
        out.add("form:has?")
    if stripped.endswith("?"):
        out.add("form:ends?")
    if stripped.endswith("!"):
        out.add("form:ends!")
    if any(t.negated for t in tokens):
        out.add("form:negation")
    if a.negated:
        out.add("form:negated_step")
    out.add(f"form:sentences{_bucket(sentences, (1, 2))}")
    out.add(f"form:words{_bucket(len(tokens), (3, 8, 15))}")
    return out
