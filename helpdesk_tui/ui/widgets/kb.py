"""Knowledge-base search as you type, and the article in a Markdown view.

Search runs off the key path: a change of the query starts a short timer
(`DEBOUNCE_S`), and the ranking then runs in a worker thread, exclusive, so a
newer query overtakes an older one and a result that is no longer current is
dropped. The query box takes at most `LIMITS["search"]` characters. (Ranking
on every change, on the main thread, let a 200 KB paste hold the exam for
three minutes.) Enter ranks the current query at once, so "type, Enter"
never waits. Down goes from the box into the results. The query is *logged*
only once the candidate
settles on it: after a pause in typing (`SETTLE_S`), on Enter, or when they
open an article, and never the same query twice in a row. A log of every
keystroke would drown the evidence of what was searched for.

An open article marks one passage (a paragraph, list or quote block) that
`[` and `]` move; scrolling the article moves the mark to a passage in view,
so Ctrl+O puts into a reply or solution the passage the candidate is
reading, with its lines and list numbers (Ctrl+L a link). Links in an
article are text: a click is reported (`LinkBlocked`), nothing opens.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from helpdesk_tui.i18n import _
from helpdesk_tui.kb.search import passage_text
from helpdesk_tui.scenario.model import KbArticle
from helpdesk_tui.ui import keymap
from helpdesk_tui.ui.widgets.bounded import LIMITS, BoundedInput
from helpdesk_tui.ui.widgets.steady_input import SteadyInput

SETTLE_S = 1.5
"""Seconds without typing after which a query counts as searched (and is logged)."""
DEBOUNCE_S = 0.12
"""Seconds without typing before the results follow (a paste or fast typing ranks once)."""
RESULTS = 20


class ResultList(OptionList):
    """The ranked results: a new list repaints the list, without laying out the screen.

    Textual's `OptionList` sets its virtual size (the lines of all its options) as a
    reactive that lays out the whole screen when it changes, which every new result
    list with another number of hits did: the first results after F5 nearly always
    (issue 15: that layout met the candidate's next letter on a busy sitting server,
    the KB search's slow first keys). The list's own size does not depend on it (its
    height is the area's); only its scrollbar does, and showing or hiding that still
    lays the screen out (`show_vertical_scrollbar`, Textual's own)."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)


PASSAGE_KEYS: dict[str, int] = {"left_square_bracket": -1, "right_square_bracket": 1}


class SearchBox(SteadyInput, BoundedInput):
    """The query box: typing repaints only the box (`SteadyInput`), at most
    `LIMITS["search"]` characters with a counter near them (`BoundedInput`).

    While an article is open, `[` and `]` here mark its passages as they do in the
    article (qa-play9: "]" typed here replaced the query, and the article was gone)."""

    async def _on_key(self, event: events.Key) -> None:
        step = PASSAGE_KEYS.get(event.key)
        panel = self.parent
        if step is not None and isinstance(panel, KbPanel) and panel.article_open:
            event.stop()
            event.prevent_default()
            panel.action_passage(step)
            return
        await super()._on_key(event)

    def on_resize(self, event: events.Resize) -> None:
        """The long placeholder where it fits whole, else the short one: at 80 x 24 the box
        showed "Zoeken in de" and "Rechercher un", cut (bugs26's walk in nl and fr)."""
        whole = _("Search the knowledge base…")
        fits = cell_len(whole) <= self.content_size.width
        self.placeholder = whole if fits else _("Search…")


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


def packed(parts: list[str], width: int) -> list[str]:
    """`parts` joined by " · " into lines of at most `width` cells, broken only between
    parts (a part longer than the line keeps a line of its own)."""
    lines: list[str] = []
    for part in parts:
        joined = f"{lines[-1]} · {part}" if lines else part
        if lines and cell_len(joined) <= width:
            lines[-1] = joined
        else:
            lines.append(part)
    return lines


class PassageLine(Static):
    """Under an open article: which passage is marked and the keys for it, each part
    whole, on as many lines as the panel's width needs (bugs21's walk: at 100 columns
    one line showed "Passage 1/6 · [ ] · Ctrl+O" and lost the rest)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._parts: list[str] = []
        self._lines: list[str] = []

    def show(self, parts: list[str]) -> None:
        self._parts = parts
        self._pack()

    def on_resize(self, event: events.Resize) -> None:
        self._pack()

    def _pack(self) -> None:
        width = self.content_region.width or self.app.size.width
        lines = packed(self._parts, width)
        if lines != self._lines:
            self.update("\n".join(lines), layout=len(lines) != len(self._lines))
            self._lines = lines


SHORT_PANEL = 12
"""A KB panel shorter than this (80 x 24, the README's smallest terminal, gives it 9
lines) shows the search box on one line while an article is open: with its border,
the title and the passage line the article had two lines of text (bugs22's walk)."""


class KbPanel(Vertical):
    """Search box, ranked results, and the open article."""

    @dataclass
    class QuerySettled(Message):
        query: str
        results: list[str]

    @dataclass
    class OpenArticle(Message):
        article_id: str

    @dataclass
    class LinkBlocked(Message):
        """A link in an article was clicked: it does not open (see `ui.nowayout`)."""

        href: str

    def __init__(self, searcher: Any, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        keymap.install(self, "kb")
        self._searcher = searcher
        self._results: list[str] = []
        self._hits: list[Any] = []
        self._settle: Timer | None = None
        self._debounce: Timer | None = None
        self._shown_query: str | None = None
        self.article: KbArticle | None = None
        self._passages: list[Any] = []
        self.passage_index = 0
        self._view: Vertical | None = None
        """The article view (`_article_view`), once made."""

    def compose(self) -> ComposeResult:
        yield SearchBox(
            placeholder=_("Search the knowledge base…"), id="kb-query", limit=LIMITS["search"]
        )
        yield ResultList(id="kb-results")

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
        """Whether the article view is shown. Read by `check_action` each time the keys
        shown are worked out (every key and frame that changes them), so it looks at the
        view it made, not through the panel's widgets: a query walked every block of the
        open article, 14 ms a call under a profiler in tests/ui/test_playthrough.py
        (benchmarks/README.md, "The suite's time (branch suite-time16)")."""
        view = self._view
        return view is not None and view.parent is self and bool(view.display)

    # ------------------------------------------------------------------ search

    def search(self, query: str) -> None:
        """Rank and show results for the query now (Enter, start-up, tests)."""
        self._cancel_debounce()
        self._show_results(query, self._searcher(query, RESULTS))

    @property
    def searching(self) -> bool:
        """Results for the query in the box are still to come."""
        return self._shown_query != self.query_input.value

    def _cancel_debounce(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None

    def _search_later(self) -> None:
        self._cancel_debounce()
        self._debounce = self.set_timer(DEBOUNCE_S, self._search_now)

    def _search_now(self) -> None:
        self._debounce = None
        self._rank(self.query_input.value)

    @work(exclusive=True, thread=True, group="kb-search", description="KB search")
    def _rank(self, query: str) -> None:
        """Rank in a worker thread; a newer query makes this one's result moot."""
        hits = self._searcher(query, RESULTS)
        self.app.call_from_thread(self._show_results, query, hits)

    def _show_results(self, query: str, hits: list[Any]) -> None:
        if query != self.query_input.value:
            return  # overtaken by newer typing
        self._shown_query = query
        self._hits = hits
        self._results = [hit.article_id for hit in hits]
        self._show_hits()

    def _show_hits(self) -> None:
        options = self.results
        width = self._prompt_width(options)
        # One replacement, not clear then add: emptied in between, the list dropped its
        # scrollbar and got it back, two layouts of the screen on every key typed in the
        # search box (the costliest part of a KB search in bench_sitting's profile).
        options.set_options(
            [Option(hit_prompt(hit, width), id=hit.article_id) for hit in self._hits]
        )
        if self._hits:
            options.highlighted = 0

    def _prompt_width(self, options: OptionList) -> int:
        """The width the results' lines are cut to. With an article open the list is
        hidden and has no width: it was taken as 40, and a search typed there (`/`)
        showed, back on the list, every title wrapped to a second line in a 29-column
        pane and its id line gone (bugs7, 100 x 30). The panel's width is the list's;
        without a scrollbar a column stays free for the one more results bring."""
        width = options.scrollable_content_region.width
        if not width:
            width = self.content_region.width - options.styles.gutter.width
        if not options.show_vertical_scrollbar:
            width -= options.styles.scrollbar_size_vertical
        return width

    def on_resize(self) -> None:
        self.set_class(self.size.height < SHORT_PANEL, "-short")
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
        self._search_later()
        if self.article_open:
            self.back(focus=False)
        if self._settle is not None:
            self._settle.stop()
        self._settle = self.set_timer(SETTLE_S, self.settle)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "kb-query":
            return
        event.stop()
        if self.searching:
            self.search(self.query_input.value)
        self.settle()
        if self._results:
            self.results.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.settle()
            self.post_message(self.OpenArticle(event.option.id))

    # ------------------------------------------------------------------ article

    async def restore(self, query: str, article: KbArticle | None) -> None:
        """The search and the article the log says were in view (after `resume`): the
        query goes back in its box without being typed (nothing is logged again, the
        focus stays where it is)."""
        if query:
            box = self.query_input
            with box.prevent(Input.Changed):
                box.value = query
            self.search(query)
        if article is not None:
            await self.open_article(article, focus=False)

    async def open_article(self, article: KbArticle, *, focus: bool = True) -> None:
        """Show the article and mark its first passage."""
        self.article = article
        await self._article_view()
        self.query_one("#kb-results").display = False
        self.query_one("#kb-article").display = True
        self.add_class("-reading")
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
        if focus:
            self.query_one("#kb-article-scroll").focus()

    async def _article_view(self) -> None:
        """The article view, made on first use: Textual's Markdown pulls in a Markdown
        parser and a syntax highlighter, which the exam's start need not wait for."""
        if self._view is not None and self._view.parent is self:
            return
        from textual.widgets import Markdown

        view = Vertical(
            Static("", id="kb-article-title"),
            VerticalScroll(
                Markdown("", id="kb-markdown", open_links=False), id="kb-article-scroll"
            ),
            PassageLine("", id="kb-passage"),
            id="kb-article",
        )
        self._view = view
        await self.mount(view)

    def on_markdown_link_clicked(self, event: Any) -> None:
        """Links are text here: the click is reported, nothing opens."""
        event.stop()
        event.prevent_default()
        self.post_message(self.LinkBlocked(event.href))

    def back(self, *, focus: bool = True) -> None:
        """From the article back to the results."""
        if not self.article_open:
            return
        self.query_one("#kb-article").display = False
        self.query_one("#kb-results").display = True
        self.remove_class("-reading")
        if focus:
            self.results.focus()

    @property
    def passages(self) -> list[Any]:
        """The article's blocks that can be marked (MarkdownBlock widgets)."""
        return list(self._passages)

    @property
    def passage(self) -> str | None:
        """The passage in view as text for a reply, or None: the marked one while it is
        in view; after scrolling it away, the first one in view (the last one at the
        end of the article): the mark follows the reading."""
        if self.article is None or not self._passages:
            return None
        self._mark_in_view()
        return passage_text(self._passages[self.passage_index].source or "")

    def _mark_in_view(self) -> None:
        """Move the mark to a passage in view when the marked one was scrolled away."""
        scroller = self.query_one("#kb-article-scroll")
        view = scroller.content_region
        if not view.area:
            return
        marked = self._passages[self.passage_index]
        if marked.region.overlaps(view):
            return
        in_view = [i for i, block in enumerate(self._passages) if block.region.overlaps(view)]
        if not in_view:
            return
        at_end = scroller.scroll_y >= scroller.max_scroll_y
        self.passage_index = in_view[-1] if at_end else in_view[0]  # where the eye went
        self._mark_passage(scroll=False)

    def _mark_passage(self, *, scroll: bool = True) -> None:
        for index, block in enumerate(self._passages):
            block.set_class(index == self.passage_index, "-passage")
        label = self.query_one("#kb-passage", PassageLine)
        if not self._passages:
            label.show([])
            return
        words = _("Passage {n}/{total} · [ ] · Ctrl+O insert · Ctrl+L link")
        label.show(words.format(n=self.passage_index + 1, total=len(self._passages)).split(" · "))
        if scroll:
            self._passages[self.passage_index].scroll_visible(animate=False)

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("back", "passage"):
            return self.article_open
        if action == "results":
            return self.query_input.has_focus and bool(self._hits) and not self.article_open
        return True

    def action_results(self) -> None:
        """Down from the search box: into the results, on the first one."""
        if self.searching:
            self.search(self.query_input.value)
        self.results.focus()
        if self._hits and self.results.highlighted is None:
            self.results.highlighted = 0

    def action_back(self) -> None:
        self.back()

    def action_passage(self, delta: int) -> None:
        if self._passages:
            self.passage_index = (self.passage_index + delta) % len(self._passages)
            self._mark_passage()
