"""The report as one self-contained HTML file that prints well on A4.

Inline CSS, inline SVG, no scripts, no fonts or images to fetch: the file can
be mailed, archived with the decision and printed years later. Every text
from the log or scenario is escaped. When the log was not verified, a fixed
"UNVERIFIED" stamp prints on every page and every section title carries it.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from helpdesk_tui.assess.course import course_lines
from helpdesk_tui.assess.model import Evidence, EvidenceItem, Provenance, SlaRow
from helpdesk_tui.assess.names import People, named
from helpdesk_tui.assess.overview import (
    STATUS_MARK,
    competency_rows,
    flag_line,
    header_rows,
    unverified_banner,
)
from helpdesk_tui.assess.svg_timeline import legend_svg, timeline_svgs
from helpdesk_tui.assess.texts import channel_name, clock, duration, tr
from helpdesk_tui.customers.causes import mood_cause
from helpdesk_tui.printable import printable

CSS = """
@page { size: A4; margin: 14mm 12mm 16mm 12mm;
  @bottom-right { content: counter(page) " / " counter(pages); font: 8pt sans-serif; color: #666; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 9.5pt/1.35 "DejaVu Sans", Arial, sans-serif; color: #111; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1.5px solid #333; break-after: avoid; }
h3 { font-size: 10pt; margin: 3mm 0 1mm; break-after: avoid; }
p.notice { font-style: italic; color: #333; margin: 1mm 0 3mm; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 2mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { text-align: left; background: #e9e9e9; font-weight: 600; }
th, td { padding: 1.2mm 1.5mm; border-bottom: 0.5px solid #bbb; vertical-align: top; }
table.meta td:first-child { font-weight: 600; width: 32mm; white-space: nowrap; }
table.meta td { border: none; padding: 0.4mm 1.5mm; }
td.nowrap, th.nowrap, span.nowrap { white-space: nowrap; }
.seqs { color: #666; font-size: 8pt; white-space: nowrap; }
.how { color: #555; font-size: 8pt; font-style: italic; margin: 0 0 1mm 5mm; }
.st-favourable { color: #1a7f37; } .st-mixed { color: #9a6700; } .st-unfavourable { color: #c62828; }
.st-to_confirm { color: #0b6aa2; } .st-not_observed { color: #777; }
.ok { color: #1a7f37; } .bad { color: #c62828; } .running { color: #0b6aa2; }
ul.items { list-style: none; margin: 0 0 2mm; padding: 0; }
ul.items li { margin: 0.6mm 0; padding-left: 5mm; text-indent: -5mm; break-inside: avoid; }
ul.items li.how { text-indent: 0; margin: 0 0 1.2mm; }
ul.items li.flag { text-indent: 0; padding-left: 9mm; color: #333; font-size: 8.5pt; }
.mark { display: inline-block; width: 5mm; text-indent: 0; font-weight: 700; }
.competency { break-inside: avoid; }
svg.timeline { display: block; margin: 1mm 0 2mm; break-inside: avoid; }
svg.legend { display: block; margin-bottom: 1mm; break-after: avoid; }
.banner { background: #c62828; color: #fff; font-weight: 700; padding: 1.5mm 3mm; margin: 2mm 0; }
.tag { background: #c62828; color: #fff; font-size: 8pt; padding: 0 1.5mm; margin-right: 2mm;
  vertical-align: middle; }
.stamp { position: fixed; top: 42%; left: 0; right: 0; text-align: center; transform: rotate(-28deg);
  font-size: 64pt; font-weight: 800; color: rgba(198, 40, 40, 0.16); letter-spacing: 4mm;
  pointer-events: none; z-index: 10; }
.warn { color: #9a6700; }
"""

LEAN_CLASS = {True: ("+", "ok"), False: ("-", "bad"), None: ("?", "running")}


CSP_META = (
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
    "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">"
)
"""A second lock behind the escaping (sec24): no script runs, nothing is loaded from
anywhere (no image, font, frame or remote style), no form goes out; only the report's own
inline styles apply. Every HTML report carries it, the class report too."""


class HtmlReport:
    """Builds the HTML of one report in one language."""

    def __init__(self, evidence: Evidence, provenance: Provenance, lang: str) -> None:
        self.evidence = evidence
        self.provenance = provenance
        self.lang = lang
        self.stamp = tr(lang, "report.unverified") if not provenance.verified else None

    def t(self, key: str, **values: object) -> str:
        return escape(tr(self.lang, key, **values))

    def h2(self, key: str) -> str:
        tag = f'<span class="tag">{escape(self.stamp)}</span>' if self.stamp else ""
        return f"<h2>{tag}{self.t(key)}</h2>"

    def render(self) -> str:
        body = [self.header(), self.session(), self.competencies()]
        if self.evidence.sla:
            body += [self.timeline(), self.sla()]
        if any(lat.waits for lat in self.evidence.latencies):
            body.append(self.latency())
        if self.evidence.inversions:
            body.append(self.inversions())
        if any(len(m.points) > 1 for m in self.evidence.moods):
            body.append(self.moods())
        body.append(self.details())
        stamp = f'<div class="stamp">{escape(self.stamp)}</div>' if self.stamp else ""
        title = f"{tr(self.lang, 'report.title')} — {self.evidence.candidate_id}"
        return (
            f'<!DOCTYPE html>\n<html lang="{escape(self.lang)}">\n<head>\n<meta charset="utf-8">\n'
            f"{CSP_META}\n<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{stamp}"
            + "\n".join(body)
            + "\n</body>\n</html>\n"
        )

    # ------------------------------------------------------------------ sections

    def header(self) -> str:
        rows = "".join(
            f"<tr><td>{escape(label)}</td><td>{escape(value)}</td></tr>"
            for label, value in header_rows(self.evidence, self.provenance, self.lang)
        )
        banner = unverified_banner(self.provenance, self.lang)
        extra = f'<div class="banner">{escape(banner)}</div>' if banner else ""
        if not self.evidence.has_answer_key:
            extra += f'<p class="warn">{self.t("report.no_answer_key")}</p>'
        return (
            f"<header><h1>{self.t('report.title')}</h1>{extra}"
            f'<table class="meta">{rows}</table><p class="notice">{self.t("report.notice")}</p></header>'
        )

    def session(self) -> str:
        """How the session went (`assess.course`), as the terminal report says it."""
        css = "ok" if self.evidence.course.smooth else "warn"
        lines = "".join(
            f'<li class="{css}">{escape(text)} {_seqs(seqs)}</li>'
            for text, seqs in course_lines(self.evidence.course, self.lang)
        )
        return f'<section>{self.h2("section.session")}<ul class="session">{lines}</ul></section>'

    def competencies(self) -> str:
        head = _head(
            self.t("col.id"), self.t("col.competency"), self.t("col.evidence"),
            f"{self.t('col.for')}/{self.t('col.against')}/{self.t('col.judge')}",
            self.t("col.headline"),
        )  # fmt: skip
        rows = []
        for row in competency_rows(self.evidence, self.lang):
            status = row.status.value
            rows.append(
                f'<tr><td class="nowrap">{row.id}</td><td>{escape(row.name)}</td>'
                f'<td class="nowrap st-{status}">{STATUS_MARK[row.status]} {self.t(f"status.{status}")}</td>'
                f'<td class="nowrap">{row.n_for}/{row.n_against}/{row.n_judge}</td>'
                f"<td>{escape(named(row.headline, self.evidence.conversations))} {_seqs(row.seqs)}</td></tr>"
            )
        return f"<section>{self.h2('section.competencies')}<table>{head}<tbody>{''.join(rows)}</tbody></table></section>"

    def timeline(self) -> str:
        charts = timeline_svgs(
            self.evidence.sla, self.evidence.duration_s, self.evidence.ended_at, self.lang
        )
        return f"<section>{self.h2('section.timeline')}{legend_svg(self.lang)}{''.join(charts)}</section>"

    def sla(self) -> str:
        keys = (
            "ticket",
            "priority",
            "arrival",
            "first_response",
            "transfer",
            "resolution",
            "result",
        )
        head = _head(*(self.t(f"col.{k}") for k in keys))
        rows = "".join(self._sla_row(row) for row in self.evidence.sla)
        return (
            f"<section>{self.h2('section.sla')}<table>{head}<tbody>{rows}</tbody></table></section>"
        )

    def _sla_row(self, row: SlaRow) -> str:
        transfers = (
            ", ".join(f"{clock(at)} {escape(group)}" for at, group, _ in row.transfers_named())
            or "-"
        )
        met = row.met
        result_key, css = (
            ("result.running", "running")
            if met is None
            else (("result.met", "ok") if met else ("result.breached", "bad"))
        )
        return (
            f'<tr><td><span class="nowrap">{escape(row.ticket_id)}</span><br><small>{escape(row.title)}</small></td>'
            f'<td>{escape(row.priority or "-")}</td><td class="nowrap">{clock(row.arrival)}</td>'
            f"<td>{_target(row.first_response_at, row.first_response_state, row.first_response_margin, row.first_response_deadline, self.lang)}</td>"
            f"<td>{transfers}</td>"
            f"<td>{_target(row.resolved_at, row.resolution_state, row.resolution_margin, row.resolution_deadline, self.lang)}</td>"
            f'<td class="{css}">{self.t(result_key)}</td></tr>'
        )

    def latency(self) -> str:
        keys = ("conversation", "customer", "waits", "median", "longest", "limit", "over", "busy")
        head = _head(*(self.t(f"col.{k}") for k in keys))
        rows = []
        for lat in self.evidence.latencies:
            if not lat.waits:
                continue
            over_css = "bad" if lat.over_limit else ""
            median = duration(lat.median_s, self.lang) if lat.median_s is not None else "-"
            rows.append(
                f"<tr><td>{escape(lat.conversation_id)} "
                f"({escape(channel_name(self.lang, lat.channel))})</td>"
                f"<td>{escape(lat.customer_id)}</td><td>{len(lat.waits)}</td><td>{median}</td>"
                f"<td>{duration(lat.max_s or 0.0, self.lang)}</td><td>{duration(lat.limit_s, self.lang)}</td>"
                f'<td class="{over_css}">{lat.over_limit}</td><td>{lat.while_busy}</td></tr>'
            )
        return f"<section>{self.h2('section.latency')}<table>{head}<tbody>{''.join(rows)}</tbody></table></section>"

    def inversions(self) -> str:
        keys = ("at", "worked_on", "waiting", "since", "records")
        head = _head(*(self.t(f"col.{k}") for k in keys))
        rows = "".join(
            f"<tr><td>{clock(i.at)}</td><td>{escape(i.ticket_id)} ({escape(i.priority)})</td>"
            f"<td>{escape(i.waiting_ticket_id)} ({escape(i.waiting_priority)})</td>"
            f'<td>{clock(i.waiting_since)}</td><td class="seqs">{i.seq}, {i.waiting_seq}</td></tr>'
            for i in self.evidence.inversions
        )
        return f"<section>{self.h2('section.inversions')}<table>{head}<tbody>{rows}</tbody></table></section>"

    def moods(self) -> str:
        head = _head(self.t("col.customer"), self.t("col.moods"))
        rows = []
        for timeline in self.evidence.moods:
            if len(timeline.points) < 2:
                continue
            path = " → ".join(
                f'{clock(p.at)} <span class="mood-{p.mood}">{self.t(f"mood.{p.mood}")}</span>'
                + ("" if p.cause == "start" else f" ({escape(mood_cause(p.cause, self.lang))})")
                for p in timeline.points
            )
            rows.append(f'<tr><td class="nowrap">{escape(timeline.name)}</td><td>{path}</td></tr>')
        return f"<section>{self.h2('section.moods')}<table>{head}<tbody>{''.join(rows)}</tbody></table></section>"

    def details(self) -> str:
        blocks = []
        for row in competency_rows(self.evidence, self.lang):
            status = row.status.value
            items = self.evidence.for_competency(row.id)
            blocks.append(
                f'<div class="competency"><h3>{row.id} {escape(row.name)} '
                f'<span class="st-{status}">— {self.t(f"status.{status}")}</span></h3>'
                f"{_items(items, self.lang, self.evidence.conversations)}</div>"
            )
        return f"<section>{self.h2('section.details')}{''.join(blocks)}</section>"


def _head(*labels: str) -> str:
    return "<thead><tr>" + "".join(f"<th>{label}</th>" for label in labels) + "</tr></thead>"


def _seqs(seqs: tuple[int, ...], limit: int = 8) -> str:
    if not seqs:
        return ""
    shown = ", ".join(str(s) for s in seqs[:limit]) + (", …" if len(seqs) > limit else "")
    return f'<span class="seqs">[{shown}]</span>'


def _target(
    at: float | None, state: str, margin: float | None, deadline: float | None, lang: str = "en"
) -> str:
    css = {"met": "ok", "breached": "bad"}.get(state, "running")
    when = clock(at) if at is not None else "-"
    sign = "+" if (margin or 0) >= 0 else ""
    due = f"<br><small>≤ {clock(deadline)}</small>" if deadline is not None else ""
    return f'<span class="{css}">{when} ({sign}{duration(margin or 0.0, lang)})</span>{due}'


def _items(items: list[EvidenceItem], lang: str, people: People) -> str:
    if not items:
        return ""
    lines = []
    explained: set[str] = set()
    for item in items:
        mark, css = LEAN_CLASS[item.favourable] if item.observed else ("·", "")
        lines.append(
            f'<li><span class="mark {css}">{mark}</span>{escape(named(item.summary, people))} {_seqs(item.seqs)}</li>'
        )
        lines += [
            f'<li class="flag">{escape(flag_line(f, lang))} {_seqs((f["seq"],))}</li>'
            for f in item.figures.get("flags", []) if item.kind != "flag"
        ]  # fmt: skip
        if item.kind not in explained:
            explained.add(item.kind)
            lines.append(f'<li class="how">{escape(item.detail)}</li>')
    return f'<ul class="items">{"".join(lines)}</ul>'


def render_html(evidence: Evidence, provenance: Provenance, lang: str | None = None) -> str:
    """The report's page, with no control character in it but line breaks and tabs: a
    text of the log holding one (a JSON escape can put ESC or BEL there) is written as
    its picture ("␛"), as the terminal report shows it. The log readers refuse such
    logs before they get here; this page does not count on its caller having done so."""
    return printable(HtmlReport(evidence, provenance, lang or evidence.language).render())


def write_html(
    path: Path, evidence: Evidence, provenance: Provenance, lang: str | None = None
) -> None:
    Path(path).write_text(render_html(evidence, provenance, lang), encoding="utf-8")
