"""What `language probe` shows for one message: the layer's reading, and a scenario's.

Everything here calls the code the exam and the assessment call (the layer,
`customers.dialogue.respond`, `assess.solutions.all_match`), so what an
author sees is what a candidate gets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from helpdesk_tui.language import ACTS, Analysis, analyse, find


@dataclass
class Reading:
    """One message as the layer (and, with an incident, the customer) reads it."""

    analysis: Analysis
    scenario: dict[str, Any] | None = None
    lines_extra: list[str] = field(default_factory=list)

    def acts(self) -> list[str]:
        return [a for a in ACTS if a in self.analysis.acts]

    def to_dict(self) -> dict[str, Any]:
        a = self.analysis
        data: dict[str, Any] = {
            "text": a.text,
            "lang": a.lang,
            "acts": self.acts(),
            "negated": list(a.negated),
            "matches": [
                {
                    "kind": m.kind,
                    "rule": m.rule,
                    "span": list(m.span),
                    "words": list(m.words),
                    "negated": m.negated,
                    "overruled": m.overruled,
                }
                for m in a.matches
            ],  # fmt: skip
            "tokens": [
                {"text": t.text, "norm": t.norm, "lemma": t.lemma, "negated": t.negated}
                for t in a.tokens
            ],
        }
        if self.scenario is not None:
            data["scenario"] = self.scenario
        return data

    def lines(self) -> list[str]:
        a = self.analysis
        out = [f"{a.text}  [{a.lang}]", f"  acts:    {', '.join(self.acts()) or '(none)'}"]
        out += [f"  why:     {line}" for line in a.explain()] or ["  why:     no rule matched"]
        lemmas = " ".join(
            f"{t.text}{'=' + t.lemma if t.lemma != t.norm else ''}{'(neg)' if t.negated else ''}"
            for t in a.tokens
        )
        out.append(f"  words:   {lemmas}")
        out.append(f"  negated: {'; '.join(a.negated) or '(nothing)'}")
        return out + self.lines_extra


class Probe:
    """Reads messages in one language, optionally as one incident's customer."""

    def __init__(self, lang: str, scenario: Any = None, incident: Any = None) -> None:
        self.lang = lang
        self.scenario = scenario
        self.incident = incident

    def read(self, text: str) -> Reading:
        reading = Reading(analyse(text, self.lang))
        if self.incident is not None:
            reading.scenario = self._as_customer(text)
            reading.lines_extra = _scenario_lines(reading.scenario)
        return reading

    def _as_customer(self, text: str) -> dict[str, Any]:
        from helpdesk_tui.customers import dialogue

        incident, scenario = self.incident, self.scenario
        customer = scenario.customer(incident.customer)
        jargon = []
        if customer.technical_level.value == "novice":
            jargon = dialogue.jargon_in(text, scenario.glossary, self.lang)
        ctx = dialogue.Context(customer=customer, language=self.lang, mood=customer.mood.value)
        reply = dialogue.respond(incident, text, ctx, jargon)
        return {
            "incident": incident.id,
            "facts_revealed": list(reply.reveals),
            "rule": reply.rule_id,
            "built_in": reply.intent,
            "jargon": list(reply.confused_by),
            "reply": reply.text,
            "solution": self._solution(text),
        }

    def _solution(self, text: str) -> dict[str, Any]:
        """Which part of the answer key the message gives, by the assessment's own test."""
        from helpdesk_tui.assess.solutions import all_match

        answer = self.incident.answer
        gives = [o.id for o in answer.options if all_match(o.solution_keywords, text, self.lang)]
        if all_match(answer.solution_keywords, text, self.lang):
            gives.append("key")
        gives += [
            f"alternative {n}"
            for n, alt in enumerate(answer.alternatives, 1)
            if all_match(alt.solution_keywords, text, self.lang)
        ]
        keywords = {k for o in answer.options for k in o.solution_keywords}
        keywords |= set(answer.solution_keywords)
        keywords |= {k for alt in answer.alternatives for k in alt.solution_keywords}
        analysis = analyse(text, self.lang)
        negated = sorted(
            k for k in keywords if (hit := find(k, analysis)) is not None and hit.negated
        )
        return {"gives": gives, "negated_keywords": negated}


def _scenario_lines(data: dict[str, Any]) -> list[str]:
    facts = ", ".join(data["facts_revealed"]) or "(none)"
    rule = data["rule"] or (f"(none; built-in: {data['built_in']})" if data["built_in"] else "-")
    sol = data["solution"]
    lines = [
        f"  incident {data['incident']}, as the first message to its customer:",
        f"    facts revealed: {facts}",
        f"    dialogue rule:  {rule}",
    ]
    if data["jargon"]:
        lines.append(f"    jargon (novice): {', '.join(data['jargon'])}")
    lines.append(f"    reply:          {data['reply']}")
    lines.append(f"    solution given: {', '.join(sol['gives']) or '(none)'}")
    if sol["negated_keywords"]:
        lines.append(f"    negated, not given: {', '.join(sol['negated_keywords'])}")
    return lines
