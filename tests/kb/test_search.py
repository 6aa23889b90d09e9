"""KB search: ranking, search-as-you-type, accents, highlighting, and queries that must not raise.

Every test runs on both backends (SQLite FTS5 and the pure-Python BM25), so the
fallback behaves like the real thing.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from helpdesk_tui.kb import search as search_module
from helpdesk_tui.kb.search import KbHit, KbIndex, fold, parse_query, plain_text
from helpdesk_tui.scenario.model import KbArticle


def article(
    article_id: str, title: str, body: str, tags: tuple[str, ...] = (), language: str = "en"
) -> KbArticle:
    return KbArticle(article_id, title, tags, language, body, Path(f"{article_id}.md"))


ARTICLES = (
    article(
        "kb-printer-blank",
        "Printer prints blank pages",
        "# Printer prints blank pages\n\nA new toner cartridge still has its **sealing tape**. "
        "Pull the tape out and print a test page.",
        ("printing", "toner"),
    ),
    article(
        "kb-toner",
        "Replace a toner cartridge",
        "Open the front cover, take out the old toner and slide the new toner in. "
        "Toner powder stains: wear gloves.",
        ("printing", "toner"),
    ),
    article(
        "kb-vpn",
        "Reset the VPN client",
        "Quit the VPN client, delete its profile and sign in again.",
        ("vpn", "network"),
    ),
    article(
        "kb-wifi-nl",
        "Wifi-verbinding herstellen",
        "Klik op het netwerkpictogram en kies het bedrijfsnetwerk. Vraag het wachtwoord aan de helpdesk.",
        ("netwerk", "wifi"),
        "nl",
    ),
    article(
        "kb-telephone-fr",
        "Téléphone sans tonalité",
        "Vérifiez que le câble du téléphone est branché. Redémarrez le téléphone si nécessaire. "
        "Le réseau de l'entreprise doit être accessible.",
        ("téléphonie",),
        "fr",
    ),
)


@pytest.fixture(params=["fts5", "python"])
def index(request: pytest.FixtureRequest) -> KbIndex:
    built = KbIndex(ARTICLES, use_fts=request.param == "fts5")
    assert built.backend == request.param
    return built


def ids(hits: list[KbHit]) -> list[str]:
    return [h.article_id for h in hits]


def marked(text: str, spans: tuple[tuple[int, int], ...]) -> list[str]:
    return [text[start:end] for start, end in spans]


def test_title_matches_rank_first(index: KbIndex) -> None:
    hits = index.search("toner")
    assert ids(hits) == ["kb-toner", "kb-printer-blank"]
    assert hits[0].score > hits[1].score


def test_all_words_must_match_when_some_article_has_them_all(index: KbIndex) -> None:
    assert ids(index.search("toner tape")) == ["kb-printer-blank"]


def test_any_word_matches_when_no_article_has_them_all(index: KbIndex) -> None:
    hits = index.search("vpn tape")
    assert set(ids(hits)) == {"kb-vpn", "kb-printer-blank"}


def test_the_last_word_is_a_prefix_while_typing(index: KbIndex) -> None:
    assert ids(index.search("vp")) == ["kb-vpn"]
    assert ids(index.search("reset the vp")) == ["kb-vpn"]
    assert ids(index.search("cartri")) == ["kb-toner", "kb-printer-blank"]


def test_a_finished_word_is_not_a_prefix(index: KbIndex) -> None:
    assert index.search("vp ") == []
    assert index.search("cartri.") == []


def test_earlier_words_are_whole_words(index: KbIndex) -> None:
    assert index.search("cartri ") == []
    hits = index.search("cartri toner ")  # no article has both: any word, and only "toner" counts
    assert ids(hits) == ["kb-toner", "kb-printer-blank"]
    assert marked(hits[0].title, hits[0].title_spans) == ["toner"]


def test_case_and_accents_do_not_matter(index: KbIndex) -> None:
    assert ids(index.search("TELEPHONE")) == ["kb-telephone-fr"]
    assert ids(index.search("tonalite")) == ["kb-telephone-fr"]
    assert ids(index.search("réseau")) == ids(index.search("reseau")) == ["kb-telephone-fr"]
    assert ids(index.search("Tonér")) == ["kb-toner", "kb-printer-blank"]


def test_dutch_words_and_prefixes(index: KbIndex) -> None:
    assert ids(index.search("wachtwoord")) == ["kb-wifi-nl"]
    assert ids(index.search("bedrijfsnet")) == ["kb-wifi-nl"]
    assert ids(index.search("verbinding")) == ["kb-wifi-nl"]


def test_tags_are_searched(index: KbIndex) -> None:
    assert ids(index.search("telephonie")) == ["kb-telephone-fr"]


def test_title_spans(index: KbIndex) -> None:
    hit = index.search("printer pag")[0]
    assert hit.article_id == "kb-printer-blank"
    assert marked(hit.title, hit.title_spans) == ["Printer", "pages"]


def test_snippet_spans_follow_accents(index: KbIndex) -> None:
    hit = index.search("telephone")[0]
    assert marked(hit.title, hit.title_spans) == ["Téléphone"]
    assert marked(hit.snippet, hit.snippet_spans) == ["téléphone", "téléphone"]


def test_snippet_skips_a_heading_repeating_the_title_and_markdown(index: KbIndex) -> None:
    hit = index.search("sealing")[0]
    assert hit.snippet.startswith("A new toner cartridge still has its sealing tape.")
    assert "**" not in hit.snippet and "#" not in hit.snippet
    assert marked(hit.snippet, hit.snippet_spans) == ["sealing"]


def test_a_long_body_is_cut_around_the_first_match() -> None:
    long = article("kb-long", "Long", "filler " * 60 + "needle in the middle " + "more " * 60)
    hit = KbIndex([long]).search("needle")[0]
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) <= search_module.SNIPPET_LENGTH + 2
    assert marked(hit.snippet, hit.snippet_spans) == ["needle"]


def test_an_empty_query_lists_every_article_by_title(index: KbIndex) -> None:
    hits = index.search("   ")
    assert ids(hits) == ["kb-printer-blank", "kb-toner", "kb-vpn", "kb-telephone-fr", "kb-wifi-nl"]
    assert all(h.score == 0 and h.title_spans == () and h.snippet_spans == () for h in hits)
    assert len(index.search("", limit=2)) == 2


def test_limit(index: KbIndex) -> None:
    assert len(index.search("toner", limit=1)) == 1
    assert index.search("toner", limit=0) == []


@pytest.mark.parametrize(
    "query",
    ['"', '""', "*", "toner*", "NEAR(", "NEAR(toner vpn", "-", "-toner", "toner -vpn", "AND", "OR NOT",
     "title:toner", "^toner", "(", ")", "{x}", "'", "toner\"", "\x00", "😀", "_", "a" * 500, "ç"],
)  # fmt: skip
def test_garbage_queries_never_raise(index: KbIndex, query: str) -> None:
    hits = index.search(query)
    assert isinstance(hits, list)
    assert all(isinstance(h, KbHit) for h in hits)


def test_fts_operators_are_searched_as_words(index: KbIndex) -> None:
    assert ids(index.search("NEAR(toner")) == ["kb-toner", "kb-printer-blank"]  # "near" is a word
    assert set(ids(index.search("toner AND vpn"))) == {"kb-toner", "kb-printer-blank", "kb-vpn"}
    assert ids(index.search("toner*")) == ["kb-toner", "kb-printer-blank"]
    assert index.search('"') == []


def test_both_backends_rank_alike() -> None:
    fts, python = KbIndex(ARTICLES, use_fts=True), KbIndex(ARTICLES, use_fts=False)
    for query in ("toner", "printer", "reset vpn", "net", "le", "tape toner cartridge"):
        assert ids(fts.search(query)) == ids(python.search(query)), query


def test_falls_back_when_fts5_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_module, "_open_fts", lambda *_: None)
    index = KbIndex(ARTICLES)
    assert index.backend == "python"
    assert ids(index.search("vpn")) == ["kb-vpn"]
    with pytest.raises(RuntimeError, match="FTS5"):
        KbIndex(ARTICLES, use_fts=True)


def test_an_empty_knowledge_base(index: KbIndex) -> None:
    for use_fts in (True, False):
        empty = KbIndex([], use_fts=use_fts)
        assert empty.search("toner") == [] and empty.search("") == []


def test_searches_from_several_threads() -> None:
    index = KbIndex(ARTICLES, use_fts=True)
    results: list[list[str]] = []

    def worker() -> None:
        for _ in range(50):
            results.append(ids(index.search("toner")))

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 200 and all(r == ["kb-toner", "kb-printer-blank"] for r in results)
    index.close()


def test_helpers() -> None:
    assert fold("Één Café") == "een cafe"
    assert parse_query("Réseau wi").terms == ("reseau", "wi") and parse_query("x y").prefix_last
    assert not parse_query("x y ").prefix_last and parse_query("!!").terms == ()
    assert (
        plain_text("# Title\n\n- item [link](http://x) `code` **bold**")
        == "Title item link code bold"
    )
    assert index_articles_are_kept()


def index_articles_are_kept() -> bool:
    return KbIndex(ARTICLES, use_fts=False).articles == ARTICLES


def test_a_table_reads_as_cells_and_rows_without_its_pipes_and_rule() -> None:
    """The Dutch priority article starts with a table: its result showed "· | im…"."""
    table = "| impact \\ urgency | high | low |\n|---|:--:|---|\n| high | P1 | P3 |\n"
    assert plain_text(table) == "impact \\ urgency, high, low; high, P1, P3;"
    assert plain_text("either a | b, not a table") == "either a | b, not a table"


def test_ascii_words_are_folded_without_unicode_decomposition(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every word of every result's text is folded to mark the matches, as the candidate
    types: through NFKD for each word, a search of bench_sitting's KB took 6-10 ms of CPU
    (in the worker thread, holding the interpreter while keys waited; issue 15). An ASCII
    word's fold is its lower case; the rest still go through the decomposition."""
    calls: list[str] = []
    normalize = search_module.unicodedata.normalize

    class Counted:
        combining = staticmethod(search_module.unicodedata.combining)

        @staticmethod
        def normalize(form: str, text: str) -> str:
            calls.append(text)
            return normalize(form, text)

    monkeypatch.setattr(search_module, "unicodedata", Counted)
    index = KbIndex(ARTICLES)
    calls.clear()
    hits = index.search("print", 20)
    assert hits and hits[0].article_id == "kb-printer-blank"
    assert calls == []  # the articles and the query are ASCII
    assert fold("Printer") == "printer"
    assert fold("Réseau Straße") == "reseau strasse"  # accents and ß as unicode61 folds them
    assert calls == ["Réseau Straße"]
    for text in ("ABC xyz", "Mixed Case-42", "  ~`!@#  "):
        assert fold(text) == normalize("NFKD", text).casefold()
