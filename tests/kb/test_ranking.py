"""Ranking on the bundled knowledge bases, with expectations read from the articles' text.

No score is looked at: what must come first follows from where and how often the
articles say the query's words. Runs on both backends (FTS5 matching and the
pure-Python one; the ranking is the same BM25F).
"""

from __future__ import annotations

import itertools
import re
from functools import cache

import pytest
from bundled_kit import bundled_scenario

from helpdesk_tui import paths
from helpdesk_tui.kb.search import KbIndex, _without_title, fold, plain_text
from helpdesk_tui.scenario.model import KbArticle

from .test_search import ids


@cache
def knowledge_bases() -> dict[str, tuple[KbArticle, ...]]:
    """Each distinct bundled KB once (drills share their exam's), by its first scenario."""
    found: dict[frozenset[str], tuple[str, tuple[KbArticle, ...]]] = {}
    for folder in sorted(paths.scenarios_dir().iterdir()):
        if (folder / "scenario.toml").is_file():
            kb = bundled_scenario(folder).kb
            articles = tuple(kb.values()) if isinstance(kb, dict) else tuple(kb)
            found.setdefault(frozenset(a.id for a in articles), (folder.name, articles))
    return dict(found.values())


def words(text: str) -> list[str]:
    """Letters and digits, folded, as a reader splits words."""
    return [fold(w) for w in re.findall(r"[^\W_]+", text)]


@cache
def fields(article: KbArticle) -> tuple[list[str], list[str], list[str]]:
    """Title, tags and body as the article's words (the body as a reader sees it); read
    once per article (the ranking test asks for every pair of articles per query)."""
    body = plain_text(_without_title(article))
    return words(article.title), words(" ".join(article.tags)), words(body)


@pytest.fixture(params=["fts5", "python"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.mark.parametrize("kb", sorted(knowledge_bases()))
def test_an_articles_own_title_finds_it_first(kb: str, backend: str) -> None:
    articles = knowledge_bases()[kb]
    index = KbIndex(articles, use_fts=backend == "fts5")
    wrong = {a.id: ids(index.search(a.title + " "))[:1] for a in articles}
    assert {k: v for k, v in wrong.items() if v != [k]} == {}


def more_about(a: KbArticle, b: KbArticle, query: tuple[str, ...]) -> bool:
    """Both titles hold every query word, `a`'s title is made up more of them, and `a`'s
    tags and body each name every query word at least as often as `b`'s."""
    (ta, ga, ba), (tb, gb, bb) = fields(a), fields(b)
    if not all(w in ta and w in tb for w in query):
        return False
    share_a = sum(ta.count(w) for w in query) / len(ta)
    share_b = sum(tb.count(w) for w in query) / len(tb)
    return share_a > share_b and all(
        x.count(w) >= y.count(w) for w in query for x, y in ((ga, gb), (ba, bb))
    )


@pytest.mark.parametrize("kb", sorted(knowledge_bases()))
def test_the_article_more_about_the_query_words_ranks_first(kb: str, backend: str) -> None:
    """For every two words of a title: an article whose title is more about them, and
    whose tags and body name them at least as often, ranks above the other."""
    articles = knowledge_bases()[kb]
    index = KbIndex(articles, use_fts=backend == "fts5")
    wrong = []
    for a in articles:
        for query in itertools.combinations(sorted(set(fields(a)[0])), 2):
            rivals = [b for b in articles if b is not a and more_about(a, b, query)]
            if not rivals:
                continue
            order = ids(index.search(" ".join(query) + " "))
            for b in rivals:
                if order.index(a.id) > order.index(b.id):
                    wrong.append((" ".join(query), a.id, b.id))
    assert wrong == []


def test_mfa_phone_finds_the_lost_phone_article_first(backend: str) -> None:
    """The reported case: both titles say MFA and phone; the lost-phone article's title
    is shorter, its tags say phone twice ("new phone", "lost phone") and its body names
    MFA and the phone more often. The prompts article itself sends the reader there."""
    articles = knowledge_bases()["en-northwind-monday"]
    by_id = {a.id: a for a in articles}
    lost, prompts = by_id["kb-mfa-new-phone"], by_id["kb-mfa-prompts-not-arriving"]
    assert more_about(lost, prompts, ("mfa", "phone"))  # the reason, from the text
    assert "new or lost phone see" in prompts.body.replace("\n", " ")
    index = KbIndex(articles, use_fts=backend == "fts5")
    for typed in ("mfa phone", "mfa phone ", "mfa ph"):
        order = ids(index.search(typed))
        assert order.index(lost.id) < order.index(prompts.id), typed
