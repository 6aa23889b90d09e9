"""Search-as-you-type over a scenario's knowledge base.

Candidates look articles up while a customer waits (SOL-2), so the search
must answer on every key press, rank the right article first and forgive
accents and case: a Dutch or French candidate types "telefoon" or "reseau"
and still finds "Téléfoon" or "réseau". The last word is a prefix while it is
being typed. Matching is SQLite FTS5 (in memory, tokenizer
`unicode61 remove_diacritics 2`), with a pure-Python match of the same shape
when this SQLite lacks FTS5. Highlighting is computed here, not by FTS5, so
both backends mark the same spans and the UI only has to style them.

Ranking is BM25F (Robertson and Zaragoza, "The Probabilistic Relevance
Framework", 2009), computed here for both backends: each field (title, tags,
body) is normalised by its *own* length before the fields are weighted and
the term saturates. FTS5's `bm25()` weighted the fields and then normalised
by the whole article's length, so a title hit (weight 10) saturated the term
at once and the article's length decided the order: "mfa phone" put the
shorter MFA-prompts article above the lost-phone one, whose title is *more*
about a phone and whose tags and body name MFA and the phone more often.

The user's text never reaches FTS5 as query syntax: it is split into words
and each word is quoted, so `"`, `*`, `NEAR(` or `-` cannot raise.
"""

from __future__ import annotations

import bisect
import math
import re
import sqlite3
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from helpdesk_tui.scenario.model import KbArticle

Span = tuple[int, int]

TITLE_WEIGHT = 10.0
TAGS_WEIGHT = 5.0
BODY_WEIGHT = 1.0
SNIPPET_LENGTH = 160
"""Characters of body text shown under each hit."""
_SNIPPET_LEAD = 40
"""Characters of context kept before the first match."""

_WORD = re.compile(r"[^\W_]+")
"""A token as unicode61 sees it: letters and digits; everything else separates."""


@dataclass(frozen=True, slots=True)
class KbHit:
    """One search result; spans are (start, end) offsets of matches in title and snippet."""

    article_id: str
    title: str
    score: float
    title_spans: tuple[Span, ...]
    snippet: str
    snippet_spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class _Query:
    """The words to find, folded; the last one is a prefix while it is being typed."""

    terms: tuple[str, ...]
    prefix_last: bool

    def matches(self, token: str) -> bool:
        """Does a folded token match a term (a prefix match for the last one, while it is
        typed)? This runs for every word of every result's text as the candidate types."""
        if token in self.terms:
            return True
        return self.prefix_last and bool(self.terms) and token.startswith(self.terms[-1])


def fold(text: str) -> str:
    """Lower case without accents: what unicode61 remove_diacritics 2 compares."""
    if text.isascii():  # most words: the same, without the decomposition (5 times faster)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def parse_query(text: str) -> _Query:
    """Words of the query; the last is a prefix unless the user typed a space after it."""
    terms = tuple(fold(w) for w in _WORD.findall(text))
    terms = tuple(t for t in terms if t)
    prefix = bool(terms) and bool(text) and _WORD.fullmatch(text[-1]) is not None
    return _Query(terms, prefix)


_TABLE_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*(?::?-+:?[ \t]*)?$", re.M)
_TABLE_ROW = re.compile(r"^[ \t]*\|(.*?)\|?[ \t]*$", re.M)


def _table_row(match: re.Match[str]) -> str:
    cells = [cell.strip() for cell in match.group(1).split("|")]
    return ", ".join(cell for cell in cells if cell) + ";"


def plain_text(markdown: str) -> str:
    """Markdown reduced to one line of readable text, for indexing and snippets. A
    table's rows read "cell, cell;" (its pipes and rule line showed in the KB's
    results as "· | impact \\ urgentie | hoog |...")."""
    text = _TABLE_ROW.sub(_table_row, _TABLE_RULE.sub("", markdown))
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links and images
    text = re.sub(r"^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+", "", text, flags=re.MULTILINE)
    text = re.sub(r"```[^\n]*", " ", text)
    text = re.sub(r"(\*\*|__|\*|`|~~)", "", text)
    return re.sub(r"\s+", " ", text).strip()


_LIST_ITEM = re.compile(r"^(\s*)(?:(\d+)[.)]|[-*+])\s+(.*)$")


def passage_text(markdown: str) -> str:
    """A passage as a reply can carry it: Markdown marks out, its lines and list
    numbers kept ("1. ... 2. ..." stays a list a customer can follow).

    A list written with lazy numbers (1. 1. 1.) is numbered as it is shown.
    A line that is not a new item continues the one before it.
    """
    out: list[str] = []
    numbers: dict[int, int] = {}
    joinable = False
    for raw in markdown.splitlines():
        line = _inline_plain(raw.strip().lstrip(">").strip())
        if not line:
            joinable = False
            continue
        item = _LIST_ITEM.match(raw)
        if item is None:
            if joinable:
                out[-1] = f"{out[-1]} {line}"
            else:
                out.append(line)
            joinable = True
            continue
        indent, number, text = len(item.group(1)), item.group(2), _inline_plain(item.group(3))
        for deeper in [level for level in numbers if level > indent]:
            del numbers[deeper]
        if number is None:
            out.append(" " * indent + f"- {text}")
        else:
            numbers[indent] = numbers[indent] + 1 if indent in numbers else int(number)
            out.append(" " * indent + f"{numbers[indent]}. {text}")
        joinable = True
    return "\n".join(out)


def _inline_plain(text: str) -> str:
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"(\*\*|__|\*|`|~~)", "", text).strip()


def _without_title(article: KbArticle) -> str:
    """The body without a first heading that repeats the title: snippets show the text."""
    first, _, rest = article.body.lstrip().partition("\n")
    if first.startswith("#") and fold(first.lstrip("#").strip()) == fold(article.title.strip()):
        return rest
    return article.body


def spans(text: str, query: _Query) -> tuple[Span, ...]:
    """(start, end) of every word of `text` that matches the query."""
    if not query.terms:
        return ()
    return tuple(
        (m.start(), m.end()) for m in _WORD.finditer(text) if query.matches(fold(m.group()))
    )


def snippet(body: str, query: _Query) -> tuple[str, tuple[Span, ...]]:
    """A window of the body around its first match, with the matches in it."""
    found = spans(body, query)
    start = 0
    if found and found[0][0] > _SNIPPET_LEAD:
        start = body.rfind(" ", 0, found[0][0] - _SNIPPET_LEAD) + 1
    end = min(len(body), start + SNIPPET_LENGTH)
    if end < len(body):
        cut = body.rfind(" ", start, end)
        end = cut if cut > start else end
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(body) else ""
    shift = len(lead) - start
    inside = tuple((s + shift, e + shift) for s, e in found if s >= start and e <= end)
    return f"{lead}{body[start:end]}{tail}", inside


class KbIndex:
    """An in-memory full-text index of KB articles, searched as the user types."""

    def __init__(self, articles: Iterable[KbArticle], *, use_fts: bool | None = None) -> None:
        """`use_fts=None` uses FTS5 when available; False forces the pure-Python BM25."""
        self._articles: tuple[KbArticle, ...] = tuple(articles)
        self._bodies = tuple(plain_text(_without_title(a)) for a in self._articles)
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        if use_fts is not False:
            self._db = _open_fts(self._articles, self._bodies)
            if self._db is None and use_fts:
                raise RuntimeError("this Python's SQLite has no FTS5")
        self._ranking = Bm25f(self._articles, self._bodies)

    @property
    def backend(self) -> str:
        """ "fts5" or "python": which ranking is in use."""
        return "fts5" if self._db is not None else "python"

    @property
    def articles(self) -> tuple[KbArticle, ...]:
        return self._articles

    def search(self, query: str, limit: int = 20) -> list[KbHit]:
        """Best matches first. An empty query lists every article by title; a query
        with no letters or digits finds nothing."""
        if limit <= 0:
            return []
        if not query.strip():
            return self._everything(limit)
        parsed = parse_query(query)
        if not parsed.terms:
            return []
        ranked = self._rank(parsed, limit, require_all=True)
        if not ranked and len(parsed.terms) > 1:
            ranked = self._rank(parsed, limit, require_all=False)
        return [self._hit(index, score, parsed) for index, score in ranked]

    def _rank(self, query: _Query, limit: int, *, require_all: bool) -> list[tuple[int, float]]:
        found = self._matching(query, require_all)
        return self._ranking.rank(query, limit, require_all=require_all, candidates=found)

    def _matching(self, query: _Query, require_all: bool) -> Iterable[int] | None:
        """The articles FTS5 finds (indexes), or None: the ranking matches them itself."""
        if self._db is None:
            return None
        parts = [f'"{t}"' for t in query.terms]
        if query.prefix_last:
            parts[-1] += "*"
        match = (" AND " if require_all else " OR ").join(parts)
        with self._lock:
            rows = self._db.execute("SELECT rowid FROM kb WHERE kb MATCH ?", (match,)).fetchall()
        return [rowid - 1 for (rowid,) in rows]

    def _hit(self, index: int, score: float, query: _Query) -> KbHit:
        article = self._articles[index]
        text, found = snippet(self._bodies[index], query)
        return KbHit(article.id, article.title, score, spans(article.title, query), text, found)

    def _everything(self, limit: int) -> list[KbHit]:
        order = sorted(range(len(self._articles)), key=lambda i: fold(self._articles[i].title))
        empty = _Query((), False)
        return [self._hit(i, 0.0, empty) for i in order[:limit]]

    def close(self) -> None:
        if self._db is not None:
            self._db.close()


def _open_fts(articles: Sequence[KbArticle], bodies: Sequence[str]) -> sqlite3.Connection | None:
    """An in-memory FTS5 table of the articles, or None when FTS5 is missing."""
    db = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        db.execute(
            "CREATE VIRTUAL TABLE kb USING fts5("
            "article_id UNINDEXED, title, tags, body, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
    except sqlite3.OperationalError:
        db.close()
        return None
    db.executemany(
        "INSERT INTO kb (rowid, article_id, title, tags, body) VALUES (?, ?, ?, ?, ?)",
        [
            (i + 1, a.id, a.title, " ".join(a.tags), body)
            for i, (a, body) in enumerate(zip(articles, bodies, strict=True))
        ],
    )
    return db


class Bm25f:
    """BM25F over title, tags and body (k1 1.2, b 0.75 in every field).

    A term's frequency in each field is divided by that field's length relative
    to the field's average, then weighted, then summed, and only the sum
    saturates: a long body does not make a title hit count less, and a word the
    article names often in its body still counts beside a title hit.
    """

    K1 = 1.2
    B = (0.75, 0.0, 0.75)
    WEIGHTS = (TITLE_WEIGHT, TAGS_WEIGHT, BODY_WEIGHT)

    def __init__(self, articles: Sequence[KbArticle], bodies: Sequence[str]) -> None:
        self._docs: list[tuple[Counter[str], ...]] = [
            tuple(
                Counter(fold(w) for w in _WORD.findall(text))
                for text in (article.title, " ".join(article.tags), body)
            )
            for article, body in zip(articles, bodies, strict=True)
        ]
        self._lengths = [tuple(sum(f.values()) for f in doc) for doc in self._docs]
        self._vocabulary = sorted({word for doc in self._docs for field in doc for word in field})
        count = len(self._docs) or 1
        self._average = tuple(
            (sum(lengths[f] for lengths in self._lengths) / count) or 1.0 for f in range(3)
        )

    def rank(
        self,
        query: _Query,
        limit: int,
        *,
        require_all: bool,
        candidates: Iterable[int] | None = None,
    ) -> list[tuple[int, float]]:
        """The best `limit` of `candidates` (None: the articles having all the query's words,
        or any with `require_all` False), best first; ties by the article's order."""
        terms = range(len(query.terms))
        last = len(query.terms) - 1
        completions = self._completions(query.terms[last]) if query.prefix_last else None
        freqs = [
            [self._field_freqs(doc, query, t, completions if t == last else None) for t in terms]
            for doc in self._docs
        ]
        having = [sum(1 for doc in freqs if any(doc[t])) for t in terms]
        if candidates is None:
            candidates = self._matching(freqs, require_all)
        total = len(self._docs)
        scores = []
        for d in candidates:
            score = 0.0
            for t in terms:
                idf = max(math.log((total - having[t] + 0.5) / (having[t] + 0.5)), 1e-6)
                weighted = sum(
                    weight * freq / (1 - b + b * length / average)
                    for weight, b, freq, length, average in zip(
                        self.WEIGHTS,
                        self.B,
                        freqs[d][t],
                        self._lengths[d],
                        self._average,
                        strict=True,
                    )
                )
                score += idf * weighted * (self.K1 + 1) / (weighted + self.K1)
            scores.append((d, score))
        scores.sort(key=lambda item: (-item[1], item[0]))
        return scores[:limit]

    def _completions(self, prefix: str) -> list[str]:
        """The words of any article that start with `prefix` (the vocabulary is sorted)."""
        words = self._vocabulary
        start = end = bisect.bisect_left(words, prefix)
        while end < len(words) and words[end].startswith(prefix):
            end += 1
        return words[start:end]

    @staticmethod
    def _field_freqs(
        doc: tuple[Counter[str], ...], query: _Query, t: int, completions: list[str] | None
    ) -> list[int]:
        """How often term `t` occurs in each field; for the last term while typing
        (`completions`: the words it is a prefix of), how often any of its completions do."""
        term = query.terms[t]
        if completions is None:
            return [field[term] for field in doc]
        return [
            sum(field.get(word, 0) for word in completions)
            if len(completions) < len(field)
            else sum(n for token, n in field.items() if token.startswith(term))
            for field in doc
        ]

    @staticmethod
    def _matching(freqs: list[list[list[int]]], require_all: bool) -> list[int]:
        """Without FTS5: the articles with every term (or any)."""
        having = all if require_all else any
        return [d for d, doc in enumerate(freqs) if having(any(f) for f in doc)]
