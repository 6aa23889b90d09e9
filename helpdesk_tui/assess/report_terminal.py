"""The report in the terminal, with Rich: what an assessor reads first, at a glance.

Every text from the log or the scenario goes in as `Text` (never as markup),
so a candidate's "[bold]" stays literal. When the log was not verified, every
section title carries the stamp, so a screenshot of one table cannot pass for
verified evidence.
"""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from helpdesk_tui.assess.course import course_lines
from helpdesk_tui.assess.model import (
    Evidence,
    EvidenceItem,
    EvidenceStatus,
    MoodPoint,
    Provenance,
    SlaRow,
)
from helpdesk_tui.assess.names import People, named
from helpdesk_tui.assess.overview import (
    STATUS_MARK,
    competency_rows,
    flag_line,
    header_rows,
    unverified_banner,
)
from helpdesk_tui.assess.texts import channel_name, clock, duration, tr
from helpdesk_tui.customers.causes import mood_cause
from helpdesk_tui.terminal_safe import SafeConsole

STATUS_STYLE: dict[EvidenceStatus, str] = {
    EvidenceStatus.FAVOURABLE: "green",
    EvidenceStatus.MIXED: "yellow",
    EvidenceStatus.UNFAVOURABLE: "red",
    EvidenceStatus.TO_CONFIRM: "cyan",
    EvidenceStatus.NOT_OBSERVED: "dim",
}
LEAN_MARK = {True: ("+", "green"), False: ("-", "red"), None: ("?", "cyan")}


class TerminalReport:
    """Builds the renderables of one report in one language."""

    def __init__(self, evidence: Evidence, provenance: Provenance, lang: str) -> None:
        self.evidence = evidence
        self.provenance = provenance
        self.lang = lang
        self.stamp = tr(lang, "report.unverified") if not provenance.verified else None

    def t(self, key: str, **values: object) -> str:
        return tr(self.lang, key, **values)

    def cause(self, point: MoodPoint) -> str:
        """Why the mood changed, in the report's language: " (waited 120 s without an answer)"."""
        return "" if point.cause == "start" else f" ({mood_cause(point.cause, self.lang)})"

    def title(self, key: str) -> Text:
        text = Text(self.t(key), style="bold")
        if self.stamp:
            text = Text.assemble((f"{self.stamp} ", "bold white on red"), text)
        return text

    def renderables(self, details: bool = True) -> list[RenderableType]:
        parts: list[RenderableType] = [self.header(), self.session(), self.competencies()]
        if self.evidence.sla:
            parts.append(self.sla())
        if any(lat.waits for lat in self.evidence.latencies):
            parts.append(self.latency())
        if self.evidence.inversions:
            parts.append(self.inversions())
        if any(len(m.points) > 1 for m in self.evidence.moods):
            parts.append(self.moods())
        if details:
            parts.append(self.details())
        return parts

    # ------------------------------------------------------------------ sections

    def header(self) -> RenderableType:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold")
        grid.add_column()
        for label, value in header_rows(self.evidence, self.provenance, self.lang):
            grid.add_row(label, Text(value))
        lines: list[RenderableType] = []
        banner = unverified_banner(self.provenance, self.lang)
        if banner:
            lines.append(Text(banner, style="bold white on red"))
        if not self.evidence.has_answer_key:
            lines.append(Text(self.t("report.no_answer_key"), style="yellow"))
        lines += [grid, Text(self.t("report.notice"), style="italic")]
        return Panel(Group(*lines), title=self.title("report.title"), title_align="left")

    def session(self) -> RenderableType:
        """How the session went (`assess.course`): resumes, pauses, the proctor, blocked keys."""
        lines = course_lines(self.evidence.course, self.lang)
        style = "green" if self.evidence.course.smooth else "yellow"
        shown = [Text(f"- {_with_seqs(text, seqs)}", style=style) for text, seqs in lines]
        return Panel(Group(*shown), title=self.title("section.session"), title_align="left")

    def competencies(self) -> RenderableType:
        table = Table(title=self.title("section.competencies"), title_justify="left", expand=True)
        table.add_column(self.t("col.id"), no_wrap=True)
        table.add_column(self.t("col.competency"), ratio=3)
        table.add_column(self.t("col.evidence"), no_wrap=True)
        table.add_column("+/-/?", no_wrap=True, justify="right")
        table.add_column(self.t("col.headline"), ratio=4)
        for row in competency_rows(self.evidence, self.lang):
            style = STATUS_STYLE[row.status]
            status = Text(
                f"{STATUS_MARK[row.status]} {self.t(f'status.{row.status.value}')}", style=style
            )
            counts = f"{row.n_for}/{row.n_against}/{row.n_judge}"
            table.add_row(
                row.id,
                Text(row.name),
                status,
                counts,
                Text(_with_seqs(named(row.headline, self.evidence.conversations), row.seqs)),
            )
        return table

    def sla(self) -> RenderableType:
        table = Table(title=self.title("section.sla"), title_justify="left", expand=True)
        for key in (
            "ticket",
            "priority",
            "arrival",
            "first_response",
            "transfer",
            "resolution",
            "result",
        ):
            # the ticket, its times and its result whole at any width (80 columns in a
            # file, 100 in tmux: the result was squeezed to nothing, the ids to "T-…"); the
            # targets and the transfers wrap instead
            whole = key in ("ticket", "priority", "arrival", "result")
            table.add_column(self.t(f"col.{key}"), no_wrap=whole)
        for row in self.evidence.sla:
            table.add_row(
                row.ticket_id,
                row.priority or "-",
                clock(row.arrival),
                _target_cell(
                    row.first_response_at,
                    row.first_response_state,
                    row.first_response_margin,
                    self.lang,
                ),
                ", ".join(f"{clock(at)} {group}" for at, group, _ in row.transfers_named()) or "-",
                _target_cell(
                    row.resolved_at, row.resolution_state, row.resolution_margin, self.lang
                ),
                self._result(row),
            )
        return table

    def _result(self, row: SlaRow) -> Text:
        met = row.met
        if met is None:
            return Text(self.t("result.running"), style="cyan")
        key, style = ("result.met", "green") if met else ("result.breached", "red")
        return Text(self.t(key), style=style)

    def latency(self) -> RenderableType:
        table = Table(title=self.title("section.latency"), title_justify="left", expand=True)
        rows = []
        for lat in self.evidence.latencies:
            if not lat.waits:
                continue
            rows.append(
                (
                    f"{lat.conversation_id} ({channel_name(self.lang, lat.channel)})",
                    lat.customer_id,
                    str(len(lat.waits)),
                    duration(lat.median_s, self.lang) if lat.median_s is not None else "-",
                    duration(lat.max_s or 0.0, self.lang),
                    duration(lat.limit_s, self.lang),
                    Text(str(lat.over_limit), style="red" if lat.over_limit else ""),
                    str(lat.while_busy),
                )
            )
        keys = ("conversation", "customer", "waits", "median", "longest", "limit", "over", "busy")
        for index, key in enumerate(keys):
            # the figures whole at 80 or 100 columns (their headers wrap: "Hors / limite"),
            # a French duration too ("3 min 00 s", bugs15); the names fold (ids are long words)
            names = key in ("conversation", "customer")
            widest = max((len(str(row[index])) for row in rows), default=0)
            table.add_column(
                self.t(f"col.{key}"),
                overflow="fold" if names else "ellipsis",
                min_width=None if names else max(6, widest),
            )
        for row in rows:
            table.add_row(*row)
        return table

    def inversions(self) -> RenderableType:
        table = Table(title=self.title("section.inversions"), title_justify="left", expand=True)
        for key in ("at", "worked_on", "waiting", "since", "records"):
            table.add_column(self.t(f"col.{key}"), no_wrap=True)
        for inv in self.evidence.inversions:
            table.add_row(
                clock(inv.at),
                f"{inv.ticket_id} ({inv.priority})",
                f"{inv.waiting_ticket_id} ({inv.waiting_priority})",
                clock(inv.waiting_since),
                f"{inv.seq}, {inv.waiting_seq}",
            )
        return table

    def moods(self) -> RenderableType:
        table = Table(title=self.title("section.moods"), title_justify="left", expand=True)
        table.add_column(self.t("col.customer"), no_wrap=True)
        table.add_column(self.t("col.moods"))
        for timeline in self.evidence.moods:
            if len(timeline.points) < 2:
                continue
            path = " → ".join(
                f"{clock(p.at)} {self.t(f'mood.{p.mood}')}{self.cause(p)}" for p in timeline.points
            )
            table.add_row(timeline.name, Text(path))
        return table

    def details(self) -> RenderableType:
        parts: list[RenderableType] = [self.title("section.details")]
        for row in competency_rows(self.evidence, self.lang):
            items = self.evidence.for_competency(row.id)
            heading = Text.assemble(
                (f"{row.id} ", "bold"), row.name, "  ",
                (self.t(f"status.{row.status.value}"), STATUS_STYLE[row.status]),
            )  # fmt: skip
            parts.append(heading)
            for item in items:
                parts.append(_item_line(item, self.evidence.conversations))
                if item.kind != "flag":
                    parts += [
                        Text(
                            f"      {_with_seqs(flag_line(f, self.lang), (f['seq'],))}", style="dim"
                        )
                        for f in item.figures.get("flags", [])
                    ]
        return Group(*parts)


def _with_seqs(text: str, seqs: tuple[int, ...], limit: int = 6) -> str:
    if not seqs:
        return text
    shown = ", ".join(str(s) for s in seqs[:limit]) + (", …" if len(seqs) > limit else "")
    return f"{text} [{shown}]"


def _target_cell(at: float | None, state: str, margin: float | None, lang: str = "en") -> Text:
    style = {"met": "green", "breached": "red"}.get(state, "cyan")
    when = clock(at) if at is not None else "-"
    sign = "+" if (margin or 0) >= 0 else ""
    return Text(f"{when} ({sign}{duration(margin or 0.0, lang)})", style=style)


def _item_line(item: EvidenceItem, people: People) -> Text:
    summary = named(item.summary, people)  # customers by name, ids after (bugs23)
    if not item.observed:
        return Text(f"  · {_with_seqs(summary, item.seqs)}", style="dim")
    mark, style = LEAN_MARK[item.favourable]
    return Text.assemble(("  " + mark + " ", style), _with_seqs(summary, item.seqs))


def render_terminal(
    evidence: Evidence,
    provenance: Provenance,
    lang: str | None = None,
    console: Console | None = None,
    details: bool = True,
) -> None:
    """Print the report to the console (stdout by default)."""
    console = console or SafeConsole()
    report = TerminalReport(evidence, provenance, lang or evidence.language)
    for part in report.renderables(details):
        console.print(part)


def terminal_text(
    evidence: Evidence, provenance: Provenance, lang: str | None = None, width: int = 120
) -> str:
    """The report as plain text (for tests and for piping into a file)."""
    console = SafeConsole(width=width, record=True, file=_Null(), color_system=None)
    render_terminal(evidence, provenance, lang, console)
    return console.export_text()


class _Null:
    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        return None
