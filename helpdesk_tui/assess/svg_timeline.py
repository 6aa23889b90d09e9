"""The SLA timeline as hand-written SVG: one row per ticket, on the exam clock.

Each row shows the ticket's life (arrival to resolution or the end of the
exam), the periods its SLA clock was paused, when it got its first response,
was transferred and was resolved, its two deadlines, and the deadline of each
update it owed (from each public response to the next, `core.sla.update_windows`:
the exam's own rule). A marker is red when its target was missed. No chart library: the picture is simple, and plain SVG
prints sharply on A4 and needs nothing at view time.

Rows are split into charts of at most `ROWS_PER_CHART`, so a long exam's
timeline breaks across printed pages between charts, not through a row.
"""

from __future__ import annotations

from html import escape

from helpdesk_tui.assess.model import SlaRow
from helpdesk_tui.assess.texts import clock, tr

WIDTH = 720.0
LABEL_W = 100.0
PAD_R = 12.0
AXIS_H = 18.0
ROW_H = 20.0
ROWS_PER_CHART = 30
TICK_STEPS = (60, 120, 300, 600, 900, 1200, 1800, 3600, 7200)

GREEN = "#1a7f37"
RED = "#c62828"
GREY = "#8a8a8a"
PURPLE = "#6a3d9a"
FR_COLOUR = "#d98200"
RES_COLOUR = "#7b1010"
UPD_COLOUR = "#00838f"
PAUSE = "#cfe3f7"


class Scale:
    """Exam seconds to x; the domain starts before 0 when a ticket was already waiting."""

    def __init__(self, start: float, end: float) -> None:
        self.start = start
        self.end = max(end, start + 60.0)

    def x(self, t: float) -> float:
        span = self.end - self.start
        t = min(max(t, self.start), self.end)
        return LABEL_W + (t - self.start) / span * (WIDTH - LABEL_W - PAD_R)

    def inside(self, t: float) -> bool:
        return self.start <= t <= self.end

    def ticks(self) -> list[float]:
        span = self.end - self.start
        step = next((s for s in TICK_STEPS if span / s <= 12), TICK_STEPS[-1])
        first = -(-self.start // step) * step
        count = int((self.end - first) // step) + 1
        return [first + i * step for i in range(count)]


def _f(value: float) -> str:
    return f"{value:.1f}"


def _hm(t: float) -> str:
    sign = "-" if t < 0 else ""
    whole = int(abs(t))
    return f"{sign}{whole // 3600}:{whole % 3600 // 60:02d}"


def timeline_svgs(rows: list[SlaRow], duration_s: float, ended_at: float, lang: str) -> list[str]:
    """One SVG per chunk of rows, all on the same scale."""
    if not rows:
        return []
    start = min(0.0, min(r.arrival for r in rows))
    scale = Scale(start, max(duration_s, ended_at))
    chunks = [rows[i : i + ROWS_PER_CHART] for i in range(0, len(rows), ROWS_PER_CHART)]
    return [_chart(chunk, scale, ended_at, lang) for chunk in chunks]


def _chart(rows: list[SlaRow], scale: Scale, ended_at: float, lang: str) -> str:
    height = AXIS_H + ROW_H * len(rows) + 4
    parts = [
        f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_f(WIDTH)} {_f(height)}" '
        f'width="100%" role="img" aria-label="{escape(tr(lang, "section.timeline"))}" '
        'font-family="DejaVu Sans, Arial, sans-serif" font-size="9">'
    ]
    parts += _axis(scale, height, ended_at)
    for index, row in enumerate(rows):
        parts += _row(row, index, scale, ended_at, lang)
    parts.append("</svg>")
    return "".join(parts)


def _axis(scale: Scale, height: float, ended_at: float) -> list[str]:
    parts = []
    if scale.start < 0:
        x0, x1 = scale.x(scale.start), scale.x(0.0)
        parts.append(
            f'<rect x="{_f(x0)}" y="{_f(AXIS_H)}" width="{_f(x1 - x0)}" '
            f'height="{_f(height - AXIS_H)}" fill="#eeeeee"/>'
        )
    for t in scale.ticks():
        x = _f(scale.x(t))
        parts.append(
            f'<line x1="{x}" y1="{_f(AXIS_H - 3)}" x2="{x}" y2="{_f(height)}" stroke="#dddddd"/>'
        )
        parts.append(
            f'<text x="{x}" y="{_f(AXIS_H - 6)}" text-anchor="middle" fill="#444">{_hm(t)}</text>'
        )
    end_x = _f(scale.x(ended_at))
    parts.append(
        f'<line x1="{end_x}" y1="{_f(AXIS_H)}" x2="{end_x}" y2="{_f(height)}" stroke="#222" '
        'stroke-dasharray="2,2"/>'
    )
    return parts


def _row(row: SlaRow, index: int, scale: Scale, ended_at: float, lang: str) -> list[str]:
    top = AXIS_H + index * ROW_H
    mid = top + ROW_H / 2
    parts = []
    if index % 2:
        parts.append(
            f'<rect x="0" y="{_f(top)}" width="{_f(WIDTH)}" height="{_f(ROW_H)}" fill="#f5f5f5" '
            'fill-opacity="0.7"/>'
        )
    label = f"{row.ticket_id} {row.priority or ''}".strip()
    parts.append(f'<text x="4" y="{_f(mid + 3)}" fill="#111">{escape(label)}</text>')
    stop = row.resolved_at if row.resolved_at is not None else ended_at
    parts.append(
        f'<line x1="{_f(scale.x(row.arrival))}" y1="{_f(mid)}" x2="{_f(scale.x(stop))}" '
        f'y2="{_f(mid)}" stroke="{GREY}" stroke-width="3"/>'
    )
    parts += _overdue(row, scale, mid, stop)
    parts += _pauses(row, scale, mid, ended_at)
    parts += _deadline(row.first_response_deadline, scale, top, FR_COLOUR, "3,2")
    parts += _deadline(row.resolution_deadline, scale, top, RES_COLOUR, None)
    parts += _update_deadlines(row, scale, top, lang)
    parts += _markers(row, scale, mid)
    return parts


def _update_deadlines(row: SlaRow, scale: Scale, top: float, lang: str) -> list[str]:
    """A short dotted tick in the row's upper half where each update was due: teal when
    the next response or the resolution came in time (or the window still ran), red
    when it was missed. Its tooltip says when and how it ended."""
    parts = []
    for _start, deadline, state in row.updates:
        if not scale.inside(deadline):
            continue
        colour = RED if state == "breached" else UPD_COLOUR
        result = tr(lang, "result.running" if state == "ok" else f"result.{state}")
        note = tr(lang, "timeline.update_due", at=clock(deadline), result=result)
        x = _f(scale.x(deadline))
        parts.append(
            f'<line class="update-deadline" x1="{x}" y1="{_f(top + 2)}" x2="{x}" '
            f'y2="{_f(top + ROW_H / 2 - 1)}" stroke="{colour}" stroke-width="1.6" '
            f'stroke-dasharray="1,1">{_title(note)}</line>'
        )
    return parts


def _overdue(row: SlaRow, scale: Scale, mid: float, stop: float) -> list[str]:
    """The stretch of the life line past a deadline that was missed, in red."""
    missed = [
        deadline
        for deadline, state in (
            (row.first_response_deadline, row.first_response_state),
            (row.resolution_deadline, row.resolution_state),
        )
        if deadline is not None and state == "breached" and deadline < stop
    ]
    if not missed:
        return []
    start = min(missed)
    return [
        f'<line x1="{_f(scale.x(start))}" y1="{_f(mid)}" x2="{_f(scale.x(stop))}" y2="{_f(mid)}" '
        f'stroke="{RED}" stroke-width="3" stroke-opacity="0.55"/>'
    ]


def _pauses(row: SlaRow, scale: Scale, mid: float, ended_at: float) -> list[str]:
    parts = []
    for start, end in row.pauses:
        stop = ended_at if end is None else end
        if row.resolved_at is not None and start >= row.resolved_at:
            continue
        x0, x1 = scale.x(start), scale.x(stop)
        parts.append(
            f'<rect x="{_f(x0)}" y="{_f(mid - 4)}" width="{_f(max(x1 - x0, 1.0))}" height="8" '
            f'fill="{PAUSE}" stroke="#7aa7d6" stroke-width="0.5"/>'
        )
    return parts


def _deadline(
    deadline: float | None, scale: Scale, top: float, colour: str, dash: str | None
) -> list[str]:
    if deadline is None:
        return []
    x = _f(scale.x(deadline))
    if not scale.inside(deadline):
        return [
            f'<text x="{x}" y="{_f(top + ROW_H / 2 + 3)}" text-anchor="end" fill="{colour}">&#8250;</text>'
        ]
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    title = f"<title>{clock(deadline)}</title>"
    return [
        f'<line x1="{x}" y1="{_f(top + 3)}" x2="{x}" y2="{_f(top + ROW_H - 3)}" stroke="{colour}" '
        f'stroke-width="1.6"{dashes}>{title}</line>'
    ]


def _markers(row: SlaRow, scale: Scale, mid: float) -> list[str]:
    parts = [
        _circle(scale.x(row.arrival), mid, "#333", f"{clock(row.arrival)} seq {row.arrival_seq}")
    ]
    if row.first_response_at is not None:
        colour = RED if row.first_response_state == "breached" else GREEN
        note = f"{clock(row.first_response_at)} seq {row.first_response_seq}"
        parts.append(_triangle(scale.x(row.first_response_at), mid - 4, colour, note))
    for at, group, seq in row.transfers_named():
        parts.append(_diamond(scale.x(at), mid, PURPLE, f"{clock(at)} {group} seq {seq}"))
    if row.resolved_at is not None:
        colour = RED if row.resolution_state == "breached" else GREEN
        parts.append(
            _square(
                scale.x(row.resolved_at),
                mid,
                colour,
                f"{clock(row.resolved_at)} seq {row.resolved_seq}",
            )
        )
    return parts


def _title(note: str) -> str:
    """A tooltip; none for a legend's sample shape (an empty <title> reads as a blank)."""
    return f"<title>{escape(note)}</title>" if note else ""


def _circle(x: float, y: float, colour: str, note: str) -> str:
    return f'<circle cx="{_f(x)}" cy="{_f(y)}" r="3.5" fill="{colour}">{_title(note)}</circle>'


def _triangle(x: float, y: float, colour: str, note: str) -> str:
    points = f"{_f(x)},{_f(y - 5)} {_f(x - 4.5)},{_f(y + 4)} {_f(x + 4.5)},{_f(y + 4)}"
    return f'<polygon points="{points}" fill="{colour}">{_title(note)}</polygon>'


def _diamond(x: float, y: float, colour: str, note: str) -> str:
    points = f"{_f(x)},{_f(y - 5)} {_f(x + 5)},{_f(y)} {_f(x)},{_f(y + 5)} {_f(x - 5)},{_f(y)}"
    return f'<polygon points="{points}" fill="{colour}">{_title(note)}</polygon>'


def _square(x: float, y: float, colour: str, note: str) -> str:
    return (
        f'<rect x="{_f(x - 4)}" y="{_f(y - 4)}" width="8" height="8" fill="{colour}">'
        f"{_title(note)}</rect>"
    )


def legend_svg(lang: str) -> str:
    """The key to the markers, drawn with the same shapes; each entry titled (a tooltip
    and what a screen reader says), its sample shapes untitled."""
    y = 10.0
    entries = [
        (_circle(8, y, "#333", ""), "legend.arrival"),
        (_triangle(8, y, GREEN, ""), "legend.first_response"),
        (_diamond(8, y, PURPLE, ""), "legend.transfer"),
        (_square(8, y, GREEN, ""), "legend.resolution"),
        (f'<line x1="8" y1="3" x2="8" y2="17" stroke="{FR_COLOUR}" stroke-width="1.6" stroke-dasharray="3,2"/>', "legend.fr_deadline"),
        (f'<line x1="8" y1="3" x2="8" y2="17" stroke="{RES_COLOUR}" stroke-width="1.6"/>', "legend.res_deadline"),
        (f'<line x1="8" y1="2" x2="8" y2="9" stroke="{UPD_COLOUR}" stroke-width="1.6" stroke-dasharray="1,1"/>', "legend.update_deadline"),
        (f'<rect x="2" y="6" width="12" height="8" fill="{PAUSE}" stroke="#7aa7d6" stroke-width="0.5"/>', "legend.paused"),
        (_square(8, y, RED, ""), "legend.late"),
    ]  # fmt: skip
    parts = []
    x = 0.0
    for shape, key in entries:
        label = escape(tr(lang, key))
        parts.append(
            f'<g transform="translate({_f(x)},0)"><title>{label}</title>{shape}'
            f'<text x="18" y="13">{label}</text></g>'
        )
        x += 22 + len(label) * 5.2
    return (
        f'<svg class="legend" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_f(max(x, WIDTH))} 20" '
        'width="100%" font-family="DejaVu Sans, Arial, sans-serif" font-size="9">'
        + "".join(parts)
        + "</svg>"
    )
