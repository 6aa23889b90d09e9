"""The instructor's overview of a group: per student, per competency, SLA met %, median reply.

One row per log, so a student who sat two practice exams shows twice, each
with its date. A log that was refused (does not verify, scenario missing)
stays in the table with the reason, rather than silently dropping a student.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from rich import box
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from helpdesk_tui.assess.model import EvidenceStatus
from helpdesk_tui.assess.overview import STATUS_MARK
from helpdesk_tui.assess.pipeline import AssessedLog
from helpdesk_tui.assess.report_html import CSP_META
from helpdesk_tui.assess.report_terminal import STATUS_STYLE
from helpdesk_tui.assess.texts import duration, percent, tr
from helpdesk_tui.printable import printable
from helpdesk_tui.same_id import CLAIM_MARK, claimed, tells
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS, short_name


@dataclass(frozen=True, slots=True)
class ClassRow:
    student: str
    log: str
    scenario_id: str = ""
    started: str = ""
    statuses: dict[str, EvidenceStatus] | None = None
    sla_met: float | None = None
    median_reply_s: float | None = None
    verified: bool = True
    refused: str | None = None
    scenario_title: str = ""
    """What an instructor calls the scenario; its id stays in the HTML's hover text."""


def class_row(assessed: AssessedLog) -> ClassRow:
    evidence = assessed.evidence
    return ClassRow(
        student=evidence.candidate_id or assessed.header.candidate_id,
        log=assessed.provenance.log_path,
        scenario_id=evidence.scenario_id,
        started=assessed.header.created,
        scenario_title=evidence.scenario_title,
        statuses=evidence.statuses(),
        sla_met=evidence.sla_met_ratio,
        median_reply_s=evidence.median_reply_s,
        verified=assessed.provenance.verified,
    )


def refused_row(log: str, reason: str, student: str = "?") -> ClassRow:
    """A log left out, with why; the why names the log (qa-sitting8: "log refused: The
    answer key is missing ..." said which scenario, not which of 7 logs). The row names
    the candidate (`student`: from the header, the register or the file name), not the
    log's path, which the column cut to "/tmp/qa8/sittings/am/c0…"."""
    why = reason if log in reason else f"{log}: {reason}"
    return ClassRow(student=student, log=log, refused=why)


def _names(rows: list[ClassRow]) -> list[str]:
    """Each row's student as the table shows it: an id that more than one log claims gets
    what tells its rows apart, "c0042 ‼ 09:00" (`same_id.tells`: the start, else the log's
    name), as the room does (bugs20 saw two rows "c0042" alike here)."""
    names = [row.student for row in rows]
    for student, places in claimed(names).items():
        found = tells([rows[i].started for i in places], [Path(rows[i].log).name for i in places])
        for place, tell in zip(places, found, strict=True):
            names[place] = f"{student} {CLAIM_MARK} {tell}"
    return names


STUDENT_WIDTH = 24
"""The terminal's student column: the table fits a terminal of 100 in French."""


def _fitted(name: str, width: int = STUDENT_WIDTH) -> str:
    """A student cell in `width` cells with what tells its row apart whole: the id gives
    way, not the tell (bugs22's walk: two ids 24 long read "simulated-naive ‼ 22:39…" on
    both rows, their seconds cut off); a tell longer than half the cell keeps its start.
    The warning under the table names the logs whole."""
    if len(name) <= width or f" {CLAIM_MARK} " not in name:
        return name
    student, tell = name.split(f" {CLAIM_MARK} ", 1)
    if len(tell) > width // 2:  # a log's name: its start, without ".jsonl"
        tell = tell.removesuffix(".jsonl")
        tell = tell if len(tell) <= width // 2 else tell[: width // 2 - 1] + "…"
    room = width - len(tell) - 3
    return (
        f"{student[: room - 1]}… {CLAIM_MARK} {tell}"
        if len(student) > room
        else (f"{student} {CLAIM_MARK} {tell}")
    )


def claim_warnings(rows: list[ClassRow], lang: str) -> list[str]:
    """One line per id that more than one log claims, naming the logs: a retyped id or a
    copied log, for the instructor to look into before grading either."""
    names = [row.student for row in rows]
    return [
        tr(lang, "class.claimed", n=len(places), student=student,
           logs=", ".join(rows[i].log for i in places))
        for student, places in claimed(names).items()
    ]  # fmt: skip


def _percent(value: float | None, lang: str) -> str:
    return percent(value, lang) if value is not None else "-"


def _reply(value: float | None, lang: str) -> str:
    return duration(value, lang) if value is not None else "-"


def _groups() -> list[tuple[str, list[str]]]:
    """The competencies by group, in order: ("SIM", ["SIM-1", "SIM-2", "SIM-3"]), ..."""
    groups: list[tuple[str, list[str]]] = []
    for cid in COMPETENCY_IDS:
        name = cid.split("-")[0]
        if not groups or groups[-1][0] != name:
            groups.append((name, []))
        groups[-1][1].append(cid)
    return groups


def render_class_terminal(rows: list[ClassRow], lang: str, console: Console) -> None:
    """One row a student, one column a group of competencies ("SIM" over "123", a mark a
    competency): 85 columns in French, so it fits a terminal of 100 (bugs13: a column a
    competency made 147, printed whatever the terminal's width, and its rows wrapped)."""
    table = Table(
        title=tr(lang, "class.title"), title_justify="left", caption=tr(lang, "class.legend"),
        box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1),
    )  # fmt: skip
    table.add_column(tr(lang, "col.student"), no_wrap=True, max_width=STUDENT_WIDTH)
    groups = _groups()
    for name, ids in groups:
        numbers = "".join(cid.split("-")[1] for cid in ids)
        table.add_column(f"{name}\n{numbers}", no_wrap=True, min_width=max(len(name), len(ids)))
    table.add_column(tr(lang, "col.sla_met"), justify="right")
    table.add_column(tr(lang, "col.median_reply"), justify="right")
    for row, student in zip(rows, _names(rows), strict=True):
        if row.refused is not None or row.statuses is None:
            cells = [Text("")] * len(groups)
            name = f"{student} ({tr(lang, 'class.refused_mark')})"
            table.add_row(Text(name, style="red"), *cells, "", "")
            continue
        name = _fitted(student) + ("" if row.verified else f" ({tr(lang, 'report.unverified')})")
        statuses = row.statuses
        marks = [
            Text.assemble(*((STATUS_MARK[statuses[c]], STATUS_STYLE[statuses[c]]) for c in ids))
            for _name, ids in groups
        ]
        table.add_row(
            Text(name), *marks, _percent(row.sla_met, lang), _reply(row.median_reply_s, lang)
        )
    needed = Measurement.get(console, console.options.update(width=1000), table).maximum
    saved = console.width
    console.width = max(saved, needed)  # print(width=) is capped at the console's width
    try:
        console.print(table, crop=False)
    finally:
        console.width = saved
    for warning in claim_warnings(rows, lang):
        console.print(Text(warning, style="bold red"), soft_wrap=True)
    for row in rows:
        if row.refused is not None:
            why = tr(lang, "class.refused_of", student=row.student, why=row.refused)
            console.print(Text(why, style="red"), soft_wrap=True)


CLASS_CSS = """
@page { size: A4 landscape; margin: 12mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 9pt/1.3 "DejaVu Sans", Arial, sans-serif; color: #111; }
h1 { font-size: 14pt; margin: 0 0 3mm; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; } tr { break-inside: avoid; }
th, td { border: 0.5px solid #bbb; padding: 1mm; text-align: center; }
th.v { height: 24mm; vertical-align: bottom; }
th.v span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
td.name, th.name { text-align: left; white-space: nowrap; }
.favourable { background: #d8f0dc; } .unfavourable { background: #f8d7d7; }
.mixed { background: #fcefc7; } .to_confirm { background: #d7e9f7; } .not_observed { color: #999; }
.refused { color: #c62828; text-align: left; }
p.legend { color: #444; margin-top: 2mm; }
"""


def render_class_html(rows: list[ClassRow], lang: str) -> str:
    heads = "".join(
        f'<th class="v" title="{escape(short_name(c, lang))}"><span>{c}</span></th>'
        for c in COMPETENCY_IDS
    )
    body = []
    for row, student in zip(rows, _names(rows), strict=True):
        if row.refused is not None or row.statuses is None:
            body.append(
                f'<tr><td class="name">{escape(student)}</td><td class="refused" colspan="{len(COMPETENCY_IDS) + 2}">'
                f"{escape(tr(lang, 'class.refused', why=row.refused or ''))}</td></tr>"
            )
            continue
        name = escape(student) + (
            "" if row.verified else f" <b>{escape(tr(lang, 'report.unverified'))}</b>"
        )
        cells = "".join(
            f'<td class="{row.statuses[c].value}" title="{escape(tr(lang, "status." + row.statuses[c].value))}">'
            f"{STATUS_MARK[row.statuses[c]]}</td>"
            for c in COMPETENCY_IDS
        )
        body.append(
            f'<tr><td class="name">{name}<br><small title="{escape(row.scenario_id)}">'
            f"{escape(row.scenario_title or row.scenario_id)} {escape(row.started[:10])}</small></td>"
            f"{cells}<td>{_percent(row.sla_met, lang)}</td><td>{_reply(row.median_reply_s, lang)}</td></tr>"
        )
    title = escape(tr(lang, "class.title"))
    warnings = "".join(f'<p class="refused">{escape(w)}</p>\n' for w in claim_warnings(rows, lang))
    return printable(  # a student's name from a log: no control character (see render_html)
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n{CSP_META}\n'
        f"<title>{title}</title>\n"
        f"<style>{CLASS_CSS}</style>\n</head>\n<body>\n<h1>{title}</h1>\n<table><thead><tr>"
        f'<th class="name">{escape(tr(lang, "col.student"))}</th>{heads}'
        f"<th>{escape(tr(lang, 'col.sla_met'))}</th><th>{escape(tr(lang, 'col.median_reply'))}</th>"
        f"</tr></thead><tbody>{''.join(body)}</tbody></table>\n{warnings}"
        f'<p class="legend">{escape(tr(lang, "class.legend"))}</p>\n</body>\n</html>\n'
    )
