"""What every measurement reads: the final state, the tracker, the cases and the language.

Measurements are small functions from a `Context` to evidence items, one
module per competency group, so each can be read (and tested) on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from helpdesk_tui.assess.cases import Case
from helpdesk_tui.assess.model import EvidenceItem
from helpdesk_tui.assess.texts import tr
from helpdesk_tui.assess.tracker import Action, ClosedWait, Tracker
from helpdesk_tui.core.state import ExamState
from helpdesk_tui.scenario.model import Scenario


@dataclass(slots=True)
class Context:
    state: ExamState
    tracker: Tracker
    scenario: Scenario | None
    lang: str
    cases: list[Case]
    waits: list[ClosedWait]
    end: float
    case_by_ticket: dict[str, Case] = field(default_factory=dict)
    case_by_conversation: dict[str, Case] = field(default_factory=dict)
    by_type: dict[str, list[Action]] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)
    """Results several measurements share (templates, bursts...), worked out once."""
    text_lang: str = ""
    """The language the candidate and the customers wrote in (the log's), which the
    language layer reads them in; `lang` is only the report's. Empty: `lang`."""

    def __post_init__(self) -> None:
        self.text_lang = self.text_lang or self.lang
        self.case_by_ticket = {t.id: c for c in self.cases for t in c.tickets}
        self.case_by_conversation = {v.id: c for c in self.cases for v in c.conversations}
        for action in self.tracker.actions:
            self.by_type.setdefault(action.type, []).append(action)

    def of_type(self, *types: str) -> list[Action]:
        """The candidate's actions of these types, in log order."""
        if len(types) == 1:
            return self.by_type.get(types[0], [])
        return sorted((a for t in types for a in self.by_type.get(t, [])), key=lambda a: a.seq)

    def t(self, key: str, **values: Any) -> str:
        return tr(self.lang, key, **values)

    def group_name(self, group_id: str) -> str:
        """A transfer group as the scenario names it ("Network team", not "network"); an
        id neither the scenario nor the log's header names as it is."""
        groups = self.cache.get("group_names")
        if groups is None:
            known = self.scenario.groups if self.scenario is not None else ()
            # the log's own names (session_started) where there is no answer key (bugs12)
            groups = {**self.state.groups, **{g.id: g.name for g in known}}
            self.cache["group_names"] = groups
        return groups.get(group_id) or group_id

    def customer_name(self, customer_id: str) -> str:
        customer = self.state.customers.get(customer_id)
        return customer.name if customer is not None else customer_id

    def item(
        self,
        competency: str,
        kind: str,
        summary: str,
        *,
        seqs: tuple[int, ...] | list[int] = (),
        observed: bool = True,
        favourable: bool | None,
        figures: dict[str, Any] | None = None,
        subject: str = "",
    ) -> EvidenceItem:
        """An item whose detail (how it is measured) comes from the text table."""
        return EvidenceItem(
            competency=competency,
            kind=kind,
            summary=summary,
            detail=self.t(f"detail.{kind}"),
            seqs=tuple(sorted({s for s in seqs if s is not None})),
            observed=observed,
            favourable=favourable if observed else None,
            figures=figures or {},
            subject=subject,
        )
