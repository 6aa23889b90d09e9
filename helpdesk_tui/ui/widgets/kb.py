"""Knowledge-base search as you type, and the article in a Markdown view.

Search runs on every key press (the index is in memory and answers in well
under a millisecond for a scenario's KB), so results and their highlighted
matches follow the typing. The query is *logged* only once the candidate
settles on it: after a pause in typing (`SETTLE_S`), on Enter, or when they
open an article, and never the same query twice in a row. A log of every
keystroke would drown the evidence of what was searched for.

An open article marks one passage (a paragraph, list or quote block) that
`[` and `]` move; Ctrl+O puts it into a reply or solution, Ctrl+L a link.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from helpdesk_tui.i18n import _
from helpdesk_tui.kb.search import plain_text
from helpdesk_tui.scenario.model import KbArticle
from helpdesk_tui.ui import keymap
from helpdesk_tui.ui.widgets.steady_input import SteadyInput

SETTLE_S = 1.5
"""Seconds without typing after which a query counts as searched (and is logged)."""
RESULTS = 20


def highlighted(text: str, spans: tuple[tuple[int, int], ...], style: str) -> Text:
    out = Text(text, no_wrap=True, overflow="ellipsis")
    for start, end in spans:
        out.stylize(style, start, end)
    return out


def hit_prompt(hit: Any, width: int) -> Text:
    """Title (matches marked) on one line; id and snippet (matches marked) on the next,
    each cut to `width` (an option list wraps its prompts otherwise)."""
    title = highlighted(hit.title, tuple(hit.title_spans), "bold reverse")
    title.stylize("bold", 0, len(title))
    snippet = Text(f"{hit.article_id} · ", style="dim")
    snippet.append_text(highlighted(hit.snippet, tuple(hit.snippet_spans), "underline"))
    for line in (title, snippet):
        line.truncate(max(8, width), overflow="ellipsis")
    return Text("\n").join([title, snippet])


class KbPanel(Vertical):
    """Search box, ranked results, and the open article."""

    @dataclass
    class QuerySettled(Message):
        query: str
        results: list[str]

    @dataclass
    class OpenArticle(Message):
        article_id: str

    def __init__(self, searcher: Any, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        keymap.install(self, "kb")
        self._searcher = searcher
        self._results: list[str] = []
        self._hits: list[Any] = []
        self._settle: Timer | None = None
        self.article: KbArticle | None = None
        self._passages: list[Any] = []
        self.passage_index = 0

    def compose(self) -> ComposeResult:
        yield SteadyInput(placeholder=_("Search the knowledge base…"), id="kb-query")
        yield OptionList(id="kb-results")

    def on_mount(self) -> None:
        self.search("")

    @property
    def query_input(self) -> Input:
        return self.query_one("#kb-query", Input)

    @property
    def results(self) -> OptionList:
        return self.query_one("#kb-results", OptionList)

    @property
    def article_open(self) -> bool:
        views = self.query("#kb-article")
        return bool(views) and views.first().display

    # ------------------------------------------------------------------ search

    def search(self, query: str) -> None:
        """Rank and show results for the query as typed."""
        self._hits = self._searcher(query, RESULTS)
        self._results = [hit.article_id for hit in self._hits]
        self._show_hits()

    def _show_hits(self) -> None:
        options = self.results
        width = options.scrollable_content_region.width or 40
        options.clear_options()
        options.add_options(
            [Option(hit_prompt(hit, width), id=hit.article_id) for hit in self._hits]
        )
        if self._hits:
            options.highlighted = 0

    def on_resize(self) -> None:
        self._show_hits()

    def settle(self) -> None:
        """The candidate settled on the query: report it for the log."""
        if self._settle is not None:
            self._settle.stop()
            self._settle = None
        query = self.query_input.value
        if query.strip():
            self.post_message(self.QuerySettled(query, list(self._results)))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "kb-query":
            return
        event.stop()
        self.search(event.value)
        if self.article_open:
            self.back(focus=False)
        if self._settle is not None:
            self._settle.stop()
        self._settle = self.set_timer(SETTLE_S, self.settle)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "kb-query":
            return
        event.stop()
        self.settle()
        if self._results:
            self.results.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.settle()
            self.post_message(self.OpenArticle(event.option.id))

    # ------------------------------------------------------------------ article

    async def open_article(self, article: KbArticle) -> None:
        """Show the article and mark its first passage."""
        self.article = article
        await self._article_view()
        self.query_one("#kb-results").display = False
        self.query_one("#kb-article").display = True
        title = Text(no_wrap=True, overflow="ellipsis")
        title.append(f"{article.id} ", style="dim")
        title.append(article.title, style="bold")
        self.query_one("#kb-article-title", Static).update(title, layout=False)
        markdown = self.query_one("#kb-markdown")
        await markdown.update(article.body)
        self._passages = [
            block
            for block in markdown.children
            if hasattr(block, "source")
            and not (block.name or "").startswith("heading")
            and (block.source or "").strip()
        ]
        self.passage_index = 0
        self._mark_passage()
        self.query_one("#kb-article-scroll").scroll_home(animate=False)
        self.query_one("#kb-article-scroll").focus()

    async def _article_view(self) -> None:
        """The article view, made on first use: Textual's Markdown pulls in a Markdown
        parser and a syntax highlighter, which the exam's start need not wait for."""
        if self.query("#kb-article"):
            return
        from textual.widgets import Markdown

        view = Vertical(
            Static("", id="kb-article-title"),
            VerticalScroll(Markdown("", id="kb-markdown"), id="kb-article-scroll"),
            Static("", id="kb-passage"),
            id="kb-article",
        )
        await self.mount(view)

    def back(self, *, focus: bool = True) -> None:
        """From the article back to the results."""
        if not self.article_open:
            return
        self.query_one("#kb-article").display = False
        self.query_one("#kb-results").display = True
        if focus:
            self.results.focus()

    @property
    def passages(self) -> list[Any]:
        """The article's blocks that can be marked (MarkdownBlock widgets)."""
        return list(self._passages)

    @property
    def passage(self) -> str | None:
        """The marked passage as plain text, or None."""
        if self.article is None or not self._passages:
            return None
        return plain_text(self._passages[self.passage_index].source or "")

    def _mark_passage(self) -> None:
        for index, block in enumerate(self._passages):
            block.set_class(index == self.passage_index, "-passage")
        label = self.query_one("#kb-passage", Static)
        if not self._passages:
            label.update("", layout=False)
            return
        label.update(
            _("Passage {n}/{total} · [ ] · ^O insert · ^L link").format(
                n=self.passage_index + 1, total=len(self._passages)
            ),
            layout=False,
        )
        self._passages[self.passage_index].scroll_visible(animate=False)

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("back", "passage"):
            return self.article_open
        return True

    def action_back(self) -> None:
        self.back()

    def action_passage(self, delta: int) -> None:
        if self._passages:
            self.passage_index = (self.passage_index + delta) % len(self._passages)
            self._mark_passage()
