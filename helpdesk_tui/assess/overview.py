"""What all three report formats show first: one row per competency, and the log's standing.

Shared so the terminal, HTML and JSON reports (and the review TUI later)
cannot tell an assessor different things about the same log.
"""

from __future__ import annotations

from dataclasses import dataclass

from helpdesk_tui.assess import problems
from helpdesk_tui.assess.model import Evidence, EvidenceItem, EvidenceStatus, Provenance
from helpdesk_tui.assess.texts import T, clock, flag_name, flag_reason, key_shown, tr
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS, short_name

STATUS_MARK: dict[EvidenceStatus, str] = {
    EvidenceStatus.FAVOURABLE: "+",
    EvidenceStatus.MIXED: "±",
    EvidenceStatus.UNFAVOURABLE: "-",
    EvidenceStatus.TO_CONFIRM: "?",
    EvidenceStatus.NOT_OBSERVED: "·",
}


@dataclass(frozen=True, slots=True)
class CompetencyRow:
    id: str
    name: str
    status: EvidenceStatus
    n_for: int
    n_against: int
    n_judge: int
    headline: str
    seqs: tuple[int, ...]


def headline(items: list[EvidenceItem]) -> EvidenceItem | None:
    """The item an assessor should read first: something against, else the first observed."""
    observed = [i for i in items if i.observed]
    against = [i for i in observed if i.favourable is False]
    return (against or observed or [None])[0]


def competency_rows(evidence: Evidence, lang: str) -> list[CompetencyRow]:
    rows = []
    for cid in COMPETENCY_IDS:
        items = evidence.for_competency(cid)
        observed = [i for i in items if i.observed]
        first = headline(items)
        rows.append(
            CompetencyRow(
                id=cid,
                name=short_name(cid, lang),
                status=evidence.status(cid),
                n_for=sum(1 for i in observed if i.favourable is True),
                n_against=sum(1 for i in observed if i.favourable is False),
                n_judge=sum(1 for i in observed if i.favourable is None),
                headline=first.summary if first else "",
                seqs=first.seqs if first else (),
            )
        )
    return rows


def flag_line(flag: dict[str, object], lang: str) -> str:
    """A simulation flag folded into an item, as one line under it, in the report's language."""
    name = flag_name(str(flag.get("flag", "")), lang)
    return tr(lang, "join.labelled", label=f"⚑ {name}", value=flag_reason(flag, lang))


def word(lang: str, kind: str, value: str) -> str:
    """A closed-set value from the log (a mode, an end reason) in `lang`; unknown ones as logged."""
    key = f"{kind}.{value}"
    return tr(lang, key) if key in T else value


def problem_text(provenance: Provenance, lang: str) -> str | None:
    """Why the log or its answer key cannot be trusted, in `lang` (None: nothing wrong)."""
    if provenance.problem_parts:
        return problems.joined(provenance.problem_parts, lang)
    return provenance.problem


def verification_text(provenance: Provenance, lang: str) -> str:
    text = tr(lang, f"verify.{provenance.verification}")
    problem = problem_text(provenance, lang)
    if not problem:
        return text
    return tr(lang, "join.labelled", label=text, value=problem)


def unverified_banner(provenance: Provenance, lang: str) -> str | None:
    """The stamp text every page and section carries when the log was not verified."""
    if provenance.verified:
        return None
    return tr(
        lang,
        "report.unverified_why",
        why=problem_text(provenance, lang) or verification_text(provenance, lang),
    )


def rules_text(rules: dict[str, str], lang: str) -> str:
    """The measurement in one line: the rules' and the language layer's versions and hashes."""
    return tr(
        lang, "rules.line", version=rules.get("version", "-"), hash=rules.get("hash", "-"),
        layer_version=rules.get("layer_version", "-"), layer_hash=rules.get("layer_hash", "-"),
    )  # fmt: skip


def language_layer_text(provenance: Provenance, lang: str, mode: str = "exam") -> str:
    """Which rules read the words: the report's layer, and the session's when it differs;
    a practice log's session is named a practice, not an exam (bugs22's walk)."""
    exam = provenance.exam_language_layer
    tail = ".practice" if mode == "practice" else ""
    layer = provenance.language_layer
    if not exam:
        return tr(lang, "layer.exam_unknown" + tail, layer=layer)
    if exam == layer:
        return tr(lang, "layer.same" + tail, layer=layer)
    return tr(lang, "layer.differs" + tail, layer=layer, exam=exam)


def header_rows(evidence: Evidence, provenance: Provenance, lang: str) -> list[tuple[str, str]]:
    """Who, what and which log: the lines above every report."""
    ended = word(lang, "ended", evidence.end_reason or "-")
    rows = [
        (tr(lang, "label.candidate"), evidence.candidate_id or "-"),
        (tr(lang, "label.scenario"), f"{evidence.scenario_title} ({evidence.scenario_id})"),
        (tr(lang, "label.session"), evidence.session_id or "-"),
        (tr(lang, "label.mode"), word(lang, "mode", evidence.mode)),
        (
            # a practice log's clock is no exam's, as the review's header says (bugs21)
            tr(lang, "label.practice_time" if evidence.mode == "practice" else "label.exam_time"),
            f"{clock(evidence.ended_at)} / {clock(evidence.duration_s)} ({ended})",
        ),
        (tr(lang, "label.records"), f"{evidence.events} (seq 1-{evidence.last_seq})"),
        (tr(lang, "label.log"), f"{provenance.log_path} (sha256 {provenance.log_sha256[:16]}…)"),
        (tr(lang, "label.verification"), verification_text(provenance, lang)),
    ]
    if evidence.rules:
        rows.append((tr(lang, "label.rules"), rules_text(evidence.rules, lang)))
    if provenance.key:
        rows.append((tr(lang, "label.key"), key_shown(provenance.key, lang)))
    if provenance.language_layer:
        rows.append(
            (tr(lang, "label.language_layer"), language_layer_text(provenance, lang, evidence.mode))
        )
    if evidence.hints:
        rows.append((tr(lang, "label.hints"), str(evidence.hints)))
    if provenance.generated:
        rows.append((tr(lang, "label.generated"), provenance.generated))
    return rows
