"""The 22 competencies with the assessor's verdicts, and the evidence of the one selected.

The evidence list shows each measured item (how it leans, what was measured)
and under it every log record behind it as a jump target: Enter on a record
moves the scrubber to that moment, Enter on an item to its first record.
The software measures; it never fills in a verdict. The overview mark
(+ speaks for, - against, ± mixed, ? to judge, · not observed) is the
report's, so the review and the report cannot tell an assessor different
things.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from helpdesk_tui.assess.model import Evidence, EvidenceItem, EvidenceStatus
from helpdesk_tui.assess.names import People, named
from helpdesk_tui.assess.overview import STATUS_MARK
from helpdesk_tui.assess.texts import tr
from helpdesk_tui.assess.verdicts import NOT_OBSERVED, NOT_PROVEN, PROVEN, Verdicts
from helpdesk_tui.i18n import N_, _, ngettext
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS, short_name
from helpdesk_tui.ui.format import labelled
from helpdesk_tui.ui.shown import append_shown

VERDICT_MARKS: dict[str | None, tuple[str, str]] = {
    PROVEN: ("✓", "bold green"),
    NOT_PROVEN: ("✗", "bold red"),
    NOT_OBSERVED: ("○", "bold yellow"),
    None: (" ", ""),
}
VERDICT_LABELS: dict[str | None, str] = {
    PROVEN: N_("proven"),
    NOT_PROVEN: N_("not proven"),
    NOT_OBSERVED: N_("not observed"),
    None: N_("undecided"),
}
STATUS_STYLES: dict[EvidenceStatus, str] = {
    EvidenceStatus.FAVOURABLE: "green",
    EvidenceStatus.MIXED: "yellow",
    EvidenceStatus.UNFAVOURABLE: "red",
    EvidenceStatus.TO_CONFIRM: "cyan",
    EvidenceStatus.NOT_OBSERVED: "grey50",
}
LEANS: dict[bool | None, tuple[str, str]] = {
    True: ("+", "bold green"),
    False: ("-", "bold red"),
    None: ("?", "bold cyan"),
}
SEQS_SHOWN = 40
"""Record targets listed under one item (the `[` `]` keys step through all of them)."""


def verdict_label(verdict: str | None) -> str:
    return _(VERDICT_LABELS[verdict])


class CompetencyList(OptionList):
    """One line per competency: the assessor's verdict, the id, the evidence mark, the name."""

    def __init__(
        self, evidence: Evidence, verdicts: Verdicts, language: str, **kwargs: object
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.evidence = evidence
        self.verdicts = verdicts
        self.language = language

    def on_mount(self) -> None:
        self.add_options([Option(self.prompt(cid), id=cid) for cid in COMPETENCY_IDS])
        self.highlighted = 0
        self.update_title()

    def prompt(self, cid: str) -> Text:
        mark, style = VERDICT_MARKS[self.verdicts.verdict(cid)]
        status = self.evidence.status(cid)
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(mark, style=style)
        line.append(f" {cid:<6} ", style="bold")
        line.append(STATUS_MARK[status], style=STATUS_STYLES[status])
        line.append(" " + short_name(cid, self.language))
        return line

    @property
    def selected(self) -> str:
        index = self.highlighted or 0
        return COMPETENCY_IDS[index]

    def refresh_competency(self, cid: str) -> None:
        self.replace_option_prompt(cid, self.prompt(cid))
        self.update_title()

    def update_title(self) -> None:
        decided = len(COMPETENCY_IDS) - len(self.verdicts.undecided)
        self.border_title = _("Competencies · decided {n}/{total}").format(
            n=decided, total=len(COMPETENCY_IDS)
        )


def verdict_text(evidence: Evidence, verdicts: Verdicts, cid: str, lang: str, ui_lang: str) -> Text:
    """The selected competency: its name, the evidence overview, the verdict and comment."""
    items = evidence.for_competency(cid)
    observed = [i for i in items if i.observed]
    status = evidence.status(cid)
    out = Text()
    out.append(f"{cid} ", style="bold")
    out.append(short_name(cid, ui_lang) + "\n")
    out.append(labelled(_("Evidence")), style="dim")
    out.append(
        f"{STATUS_MARK[status]} {tr(lang, f'status.{status.value}')}", style=STATUS_STYLES[status]
    )
    counts = [sum(1 for i in observed if i.favourable is lean) for lean in (True, False, None)]
    out.append(
        "  "
        + _("{plus} for, {minus} against, {judge} to judge").format(
            plus=counts[0], minus=counts[1], judge=counts[2]
        ),
        style="dim",
    )
    verdict = verdicts.items[cid]
    mark, style = VERDICT_MARKS[verdict.verdict]
    out.append("\n" + labelled(_("Verdict")), style="dim")
    out.append(f"{mark} {verdict_label(verdict.verdict)}".strip(), style=style or "italic")
    if verdict.comment:
        out.append("\n" + labelled(_("Comment")), style="dim")
        out.append(verdict.comment)
    return out


class VerdictPanel(Static):
    """The selected competency's overview and the verdict given so far."""


@dataclass(frozen=True, slots=True)
class Target:
    """A record an option jumps to, and the item it belongs to."""

    seq: int
    item: int


class EvidenceList(OptionList):
    """The selected competency's items, each with its records as jump targets."""

    @dataclass
    class Jump(Message):
        """Enter on an item or a record: move the scrubber to this record."""

        seq: int

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.targets: dict[str, Target] = {}
        self.competency: str | None = None
        self._last: tuple[list[EvidenceItem], Callable[[int], str]] | None = None
        self.people: People = {}
        """Conversation id -> (customer, subject): the texts name customers (bugs23)."""

    def show(
        self,
        cid: str,
        items: list[EvidenceItem],
        describe: Callable[[int], str],
        *,
        keep: bool = False,
    ) -> None:
        """List `items`; `describe(seq)` gives a record's line (time and what it was)."""
        if cid == self.competency and not keep:
            return
        highlighted = self.highlighted if keep else None
        self.competency = cid
        self._last = (items, describe)
        self.targets = {}
        options: list[Option] = []
        for number, item in enumerate(items):
            options.extend(self._item_options(number, item, describe))
        if not items:
            empty = Text(_("No evidence items for this competency."), style="dim")
            options.append(Option(empty, disabled=True))
        self.set_options(options)
        first = next((i for i, o in enumerate(options) if not o.disabled), None)
        self.highlighted = highlighted if highlighted is not None else first

    def _item_options(
        self, number: int, item: EvidenceItem, describe: Callable[[int], str]
    ) -> list[Option]:
        """The item, then one option per record behind it (the jump targets)."""
        options = [Option(self._item_prompt(item), id=f"item:{number}", disabled=not item.seqs)]
        if item.seqs:
            self.targets[f"item:{number}"] = Target(item.seqs[0], number)
        for k, seq in enumerate(item.seqs[:SEQS_SHOWN]):
            key = f"seq:{number}:{k}"
            self.targets[key] = Target(seq, number)
            options.append(Option(self._seq_prompt(describe(seq)), id=key))
        if len(item.seqs) > SEQS_SHOWN:
            left = len(item.seqs) - SEQS_SHOWN
            more = ngettext(
                "… {n} more record ([ ] step through them)",
                "… {n} more records ([ ] step through them)",
                left,
            )
            options.append(
                Option(
                    Text("  " + more.format(n=left), style="dim"),
                    disabled=True,
                )
            )
        return options

    def _seq_prompt(self, line: str) -> Text:
        """One line per record (cut to the list's width): many records stay scannable."""
        width = self.scrollable_content_region.width or 40
        text = Text("  ↳ " + line)
        text.truncate(max(10, width - 1), overflow="ellipsis")
        return text

    def on_resize(self) -> None:
        """Cut the record lines to the new width."""
        if self.competency is not None and self._last is not None:
            self.show(self.competency, *self._last, keep=True)

    def _item_prompt(self, item: EvidenceItem) -> Text:
        mark, style = LEANS[item.favourable] if item.observed else ("·", "grey50")
        out = Text()
        out.append(mark + " ", style=style)
        append_shown(
            out, named(item.summary, self.people), style="bold" if item.observed else "dim"
        )
        out.highlight_words([f"({cid})" for cid in self.people], "not bold dim")  # the id after
        if item.detail:
            append_shown(out, "\n  " + item.detail, style="dim")
        return out

    def select_seq(self, seq: int) -> None:
        """Highlight the first option that jumps to `seq` (after a `[` `]` step)."""
        for index, option in enumerate(self.options):
            target = self.targets.get(option.id or "")
            if target is not None and target.seq == seq and (option.id or "").startswith("seq:"):
                if self.highlighted != index:
                    self.highlighted = index
                return

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self.targets.get(event.option.id or "")
        if target is not None:
            self.post_message(self.Jump(target.seq))
