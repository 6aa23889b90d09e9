"""Load a scenario folder into a checked `Scenario`, or report every problem in it.

A scenario is `scenario.toml` + `kb/*.md` + the SLA profile it names (see
docs/scenario-format.md). Validation reads all three, checks types, values
and every cross-reference, and collects all problems before giving up, so an
author fixes a draft in one round. It never raises on bad input: junk bytes,
wrong types or missing files all become `Problem`s.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from helpdesk_tui import paths
from helpdesk_tui.core.events import EVENT_SPECS, EventKind
from helpdesk_tui.core.phrase import Phrase
from helpdesk_tui.core.sla import SlaProfile
from helpdesk_tui.core.sla_labels import LABEL_USES, merge_labels
from helpdesk_tui.scenario._check import (
    At,
    Checker,
    choices_text,
    describe,
    did_you_mean,
    one_of,
    parse_toml,
    read_text,
    shown,
)
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS
from helpdesk_tui.scenario.errors import Problem, ScenarioInvalid
from helpdesk_tui.scenario.files import SCENARIO_MAX_BYTES, inside, special_entries
from helpdesk_tui.scenario.kb_article import LANGUAGES, header_value, load_kb_folder
from helpdesk_tui.scenario.model import (
    CHASE_CHANNELS,
    MACRO_STATUSES,
    STEP_CONDITIONS,
    Answer,
    AnswerAlternative,
    AnswerOption,
    CannedReply,
    Category,
    Channel,
    Chase,
    Customer,
    DialogueRule,
    Fact,
    FollowUp,
    Group,
    Incident,
    KbArticle,
    Macro,
    Message,
    Mood,
    MoodNudge,
    NewsRequest,
    Procedure,
    ProcedureStep,
    Scenario,
    SecondLine,
    SecondLineQuestion,
    TechnicalLevel,
    keyword_forms,
)
from helpdesk_tui.scenario.sla_profile import check_format, check_labels, check_sla_profile

SCENARIO_FILE = "scenario.toml"
_PROFILE_NAME = re.compile(r"[A-Za-z0-9_-]+")
MAX_DURATION_MINUTES = 300
MAX_PATTERNS_IN_LIST = 200
MAX_PATTERNS = 5_000
"""Patterns in one list, and in all the scenario's lists: each is read by the language
layer (about a millisecond), and a list of 100,000 kept `scenario validate` busy for
over two minutes (sec13). The bundled scenarios' longest list holds 19, all their lists
together fewer than 2,000 texts."""
MAX_PATTERN = 300
"""Characters of one pattern (the longest bundled has 64)."""
MAX_PATTERN_WORD = 40
"""Letters of one word of a pattern or glossary term (the longest bundled has 23,
"beeldscherminstellingen"; Dutch compounds of 40 letters are rare)."""
SCENARIO_ID = re.compile(r"[a-z0-9-]+")
SCENARIO_KINDS = ("exam", "practice", "drill")
"""What a scenario is for: `scenario list` shows them apart; an exam must observe every competency 3 times."""
STEP_EVENTS: tuple[str, ...] = tuple(
    sorted(name for name, spec in EVENT_SPECS.items() if spec.kind == EventKind.COMMAND)
)
"""Candidate actions a procedure step can wait for."""

_TOP_KEYS = (
    "format", "id", "title", "language", "duration_minutes", "sla_profile", "default",
    "kind", "aim", "description", "groups", "glossary", "canned", "macros", "procedures",
    "categories", "customers", "incidents", "sla_labels",
)  # fmt: skip
_INCIDENT_KEYS = (
    "id", "title", "customer", "channel", "at_minute", "age_minutes", "subject", "body",
    "competencies", "messages", "facts", "rules", "fallback", "follow_up", "news_request",
    "answer", "second_line", "ticket_category", "ticket_impact", "ticket_urgency", "chase",
)  # fmt: skip
_ANSWER_KEYS = (
    "category", "impact", "urgency", "kb_article", "solution", "solution_keywords",
    "transfer_group", "alternatives", "options", "customer_solution", "solution_exclude",
)  # fmt: skip
_CUSTOMER_KEYS = (
    "id", "name", "persona", "department", "technical_level", "mood", "patience_minutes",
)  # fmt: skip
_SECOND_LINE_KEYS = (
    "group", "delay_minutes", "reply", "question", "relay_patterns", "final_reply", "questions",
)  # fmt: skip
_OPTION_KEYS = (
    "id", "text", "kb_article", "solution_keywords", "fits", "why", "solution_exclude",
)  # fmt: skip
_ALTERNATIVE_KEYS = ("kb_article", "solution_keywords", "transfer_group")
_COMPETENCY_RANGES = "SIM-1..3, DATA-1..5, COM-1..6, SOL-1..8"

T = TypeVar("T")


# --- public API -------------------------------------------------------------------


def load_scenario(path: Path, sla_profiles_dir: Path | None = None) -> Scenario:
    """The scenario in `path` (its folder or its scenario.toml).

    Raises ScenarioInvalid carrying every problem (warnings too) when any is an error.
    """
    scenario, problems = check_scenario(path, sla_profiles_dir)
    if scenario is None:
        raise ScenarioInvalid(problems)
    return scenario


def validate_scenario(path: Path, sla_profiles_dir: Path | None = None) -> list[Problem]:
    """Every problem of the scenario in `path`; no errors in it means it loads."""
    return check_scenario(path, sla_profiles_dir)[1]


def check_scenario(
    path: Path, sla_profiles_dir: Path | None = None
) -> tuple[Scenario | None, list[Problem]]:
    """The scenario (None when there is any error) and every problem found."""
    folder, file = scenario_paths(Path(path))
    chk = Checker(file)
    if not folder.is_dir():
        chk.add(
            At(),
            Phrase(
                "no such folder '{folder}' — give a scenario folder (holding {file} and kb/) or its {file}",
                folder=str(folder),
                file=SCENARIO_FILE,
            ),
        )
        return None, chk.problems
    unsafe = [Problem(entry, "", None, why) for entry, why in special_entries(folder)]
    if unsafe:
        return None, unsafe
    text = read_text(file, chk, Phrase("scenario ({file})", file=SCENARIO_FILE), SCENARIO_MAX_BYTES)
    raw = None
    if text is not None:
        chk.text = text
        raw = parse_toml(text, chk)
    language = raw.get("language") if raw is not None else None
    kb = load_kb_folder(folder / "kb", language if language in LANGUAGES else None)
    if raw is None:
        return None, sort_problems(chk.problems + kb.problems)
    sla_path, sla, sla_problems = _sla_profile(chk, raw, folder, sla_profiles_dir)
    builder = _Builder(chk, raw, kb.articles, sla, article_ids=kb.ids)
    scenario = builder.scenario(folder, sla_path, kb.articles)
    problems = sort_problems(chk.problems + sla_problems + kb.problems)
    if scenario is None or any(p.is_error for p in problems):
        return None, problems
    return scenario, problems


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Problems file by file (in the order the files came up), each file's by line."""
    order: dict[Path, int] = {}
    for problem in problems:
        order.setdefault(problem.file, len(order))
    return sorted(
        problems,
        key=lambda p: (order[p.file], p.line is None, p.line or 0),
    )


def scenario_paths(path: Path) -> tuple[Path, Path]:
    """(folder, scenario.toml) for a path naming either of them."""
    if path.name == SCENARIO_FILE or path.is_file():
        return path.parent, path
    return path, path / SCENARIO_FILE


# --- the SLA profile ----------------------------------------------------------------


def _sla_profile(
    chk: Checker, raw: dict[str, Any], folder: Path, sla_profiles_dir: Path | None
) -> tuple[Path | None, SlaProfile | None, list[Problem]]:
    name = chk.string(raw, At(), "sla_profile")
    if name is None:
        return None, None, []
    profiles_dir = sla_profiles_dir if sla_profiles_dir is not None else paths.sla_profiles_dir()
    found = find_sla_profile(name, folder, profiles_dir)
    if found is None:
        chk.error(
            At().key("sla_profile"),
            Phrase(
                "no SLA profile '{name}'{close} — must be the name of a profile in {folder}: "
                "{choices} (or a .toml path inside the scenario folder: no '..', no absolute "
                "path, no link)",
                name=name,
                close=did_you_mean(name, _profile_names(profiles_dir)),
                folder=str(profiles_dir),
                choices=choices_text(_profile_names(profiles_dir)),
            ),
        )
        return None, None, []
    profile, problems = check_sla_profile(found)
    return found, profile, problems


def find_sla_profile(name: str, folder: Path, sla_profiles_dir: Path) -> Path | None:
    """A bundled profile by name first, else a path inside the scenario folder.

    Never a path out of either folder: a bundled name is a plain file name, and a
    path is refused when it is absolute, climbs with `..` or passes a symbolic link.
    """
    candidates: list[Path | None] = []
    if _PROFILE_NAME.fullmatch(name):
        candidates.append(inside(sla_profiles_dir, f"{name}.toml"))
    candidates += [inside(folder, name), inside(folder, f"{name}.toml")]
    there: list[Path] = []
    for candidate in candidates:
        if candidate is None:
            continue
        try:
            mode = os.lstat(candidate).st_mode
        except (OSError, ValueError):
            continue
        if stat.S_ISREG(mode):
            return candidate
        there.append(candidate)
    # A folder (or FIFO) by that name is what the author named: reading it says what it is,
    # where "no SLA profile" sent them looking for a file that is there (bugs17).
    return there[0] if there else None


def _profile_names(folder: Path) -> list[str]:
    try:
        return sorted(p.stem for p in folder.glob("*.toml"))
    except OSError:
        return []


# --- the scenario file --------------------------------------------------------------


@dataclass
class _Builder:
    """Builds the model from parsed TOML, checking as it goes.

    The ids each list defines are gathered from the raw tables first, so a
    reference to a customer whose other fields are wrong is not reported as
    unknown as well: one mistake, one message.
    """

    chk: Checker
    raw: dict[str, Any]
    articles: tuple[KbArticle, ...]
    sla: SlaProfile | None
    article_ids: frozenset[str] = frozenset()
    duration_min: float | None = None
    ids: dict[str, set[str]] = field(default_factory=dict)
    patterns_read: int = 0

    def scenario(
        self, folder: Path, sla_path: Path | None, articles: tuple[KbArticle, ...]
    ) -> Scenario | None:
        chk, raw, top = self.chk, self.raw, At()
        chk.unknown_keys(raw, top, _TOP_KEYS, Phrase("a scenario"))
        check_format(chk, raw)
        scenario_id = chk.string(
            raw,
            top,
            "id",
            pattern=SCENARIO_ID,
            pattern_text=Phrase('lower-case letters, digits and "-", e.g. "en-northwind-monday"'),
        )
        title = chk.string(raw, top, "title")
        language = chk.string(raw, top, "language", choices=LANGUAGES)
        self.duration_min = chk.number(
            raw, top, "duration_minutes", minimum=1, maximum=MAX_DURATION_MINUTES
        )
        default = chk.boolean(raw, top, "default")
        kind = chk.string(raw, top, "kind", required=False, choices=SCENARIO_KINDS) or "practice"
        aim = self._optional_text(raw, top, "aim") or ""
        description = self._optional_text(raw, top, "description") or ""
        self._gather_ids()
        groups = self._list("groups", self._group, Phrase("group"))
        glossary = self._glossary()
        canned = self._list("canned", self._canned, Phrase("canned reply"), required=False)
        macros = self._list("macros", self._macro, Phrase("macro"), required=False)
        procedures = self._list("procedures", self._procedure, Phrase("procedure"))
        categories = self._list("categories", self._category, Phrase("category"))
        customers = self._list("customers", self._customer, Phrase("customer"))
        incidents = self._list("incidents", self._incident, Phrase("incident"))
        if kind != "drill":  # a drill trains one group of competencies by design
            self._check_coverage(incidents)
        if language is not None:
            self._check_article_languages(language)
        sla = self._sla_with_labels(language)
        if (
            chk.has_errors
            or scenario_id is None
            or title is None
            or language is None
            or self.duration_min is None
            or self.sla is None
            or sla_path is None
        ):
            return None
        return Scenario(
            folder=folder,
            id=scenario_id,
            title=title,
            language=language,
            duration_s=self.duration_min * 60,
            sla_profile=str(raw["sla_profile"]),
            sla=sla or self.sla,
            groups=groups,
            procedures=procedures,
            categories=categories,
            customers=customers,
            incidents=incidents,
            kb=articles,
            canned=canned,
            macros=macros,
            glossary=glossary,
            default=default,
            kind=kind,
            aim=aim,
            description=description,
            source_files=(self.chk.file, sla_path, *(a.path for a in articles)),
        )

    def _sla_with_labels(self, language: str | None) -> SlaProfile | None:
        """The profile with the scenario's `[sla_labels]` on top of its own labels; warns
        about a level or priority that would read as written (in English) in the
        scenario's language."""
        profile = self.sla
        if profile is None:
            return None
        own = check_labels(
            self.chk, self.raw, "sla_labels", profile.levels, dict(profile.priorities)
        )
        profile = replace(profile, labels=merge_labels(profile.labels, own))
        if language is not None and language != "en":
            self._check_labels_complete(profile, language)
        return profile

    def _check_labels_complete(self, profile: SlaProfile, language: str) -> None:
        for use in LABEL_USES:
            keys = profile.priorities if use == "priority" else profile.levels
            missing = [k for k in keys if not profile.has_label(use, k, language)]
            if missing:
                sample = missing[0]
                self.chk.warning(
                    At().key("sla_profile"),
                    Phrase(
                        "{use} {keys} of profile '{profile}' have no '{language}' label — they "
                        "would read as written in a '{language}' exam; add "
                        '[sla_labels.{language}.{use}] {sample} = "..." to the scenario (or '
                        "[labels.{language}.{use}] to the profile)",
                        use=use,
                        keys=", ".join(repr(k) for k in missing),
                        profile=profile.id,
                        language=language,
                        sample=sample,
                    ),
                )

    # --- helpers ------------------------------------------------------------------
    def _list(
        self,
        key: str,
        build: Callable[[At, dict[str, Any]], T | None],
        what: str,
        *,
        required: bool = True,
    ) -> tuple[T, ...]:
        """Build each entry of an array of tables and check their ids are unique."""
        entries = self.chk.tables(self.raw, At(), key, required=required)
        built = [build(at, table) for at, table in entries]
        self.chk.unique(((at, _text_id(t)) for at, t in entries), what)
        return tuple(b for b in built if b is not None)

    def _gather_ids(self) -> None:
        for key in ("groups", "procedures", "categories", "customers", "canned", "incidents"):
            value = self.raw.get(key)
            items = value if isinstance(value, list) else []
            self.ids[key] = {i for t in items if isinstance(t, dict) and (i := _text_id(t))}
        self.ids["articles"] = {a.id for a in self.articles} | set(self.article_ids)

    def _optional_text(self, table: dict[str, Any], at: At, key: str) -> str | None:
        """Optional text where empty is harmless (a description, a fallback)."""
        if table.get(key) == "":
            return ""
        return self.chk.string(table, at, key, required=False)

    def _ref(
        self,
        table: dict[str, Any],
        at: At,
        key: str,
        kind: str,
        what: str,
        *,
        required: bool = True,
    ) -> str | None:
        """A text field naming an id of `kind`; reports an unknown one with the known ones."""
        value = self.chk.string(table, at, key, required=required)
        where = Phrase(" in kb/") if kind == "articles" else ""
        if value is not None and value not in self.ids[kind]:
            known = self.ids[kind]
            self.chk.error(
                at.key(key),
                Phrase(
                    "unknown {what} '{value}'{close} — must be the id of {a_what}{where}: {choices}",
                    what=_REFERRED[what][0],
                    value=value,
                    close=did_you_mean(value, known),
                    a_what=_REFERRED[what][1],
                    where=where,
                    choices=choices_text(known),
                ),
            )
        return value

    def _level(
        self, table: dict[str, Any], at: At, key: str, *, required: bool = True
    ) -> str | None:
        """An impact or urgency: one of the SLA profile's levels."""
        value = self.chk.string(table, at, key, required=required)
        if value is not None and self.sla is not None and value not in self.sla.levels:
            self.chk.error(
                at.key(key),
                Phrase(
                    "'{value}' is not a level of the SLA profile '{profile}'{close} — must be one of: {levels}",
                    value=value,
                    profile=self.sla.id,
                    close=did_you_mean(value, self.sla.levels),
                    levels=", ".join(self.sla.levels),
                ),
            )
        return value

    def _patterns(
        self, table: dict[str, Any], at: At, key: str, *, required: bool = True, why: str = ""
    ) -> tuple[str, ...]:
        """Patterns the simulation listens for: each needs at least one letter or digit.

        A pattern may list alternatives with "|" ("reconnect | connect again"):
        any one of them will do, so each must hold a word too.
        """
        found = self.chk.strings(table, at, key, required=required, why=why, limit=None) or ()
        if len(found) > MAX_PATTERNS_IN_LIST:
            self.chk.error(
                at.key(key),
                Phrase(
                    "holds {count:,} patterns — a list holds at most {most}: the words a "
                    "candidate may use for one thing, not a dictionary",
                    count=len(found),
                    most=MAX_PATTERNS_IN_LIST,
                ),
            )
            return ()
        self.patterns_read += len(found)
        if self.patterns_read > MAX_PATTERNS:
            if self.patterns_read - len(found) <= MAX_PATTERNS:  # said once, where it tips over
                self.chk.error(
                    at.key(key),
                    Phrase(
                        "brings the scenario to more than {most:,} patterns in all — no exam "
                        "needs that many; the patterns from here on are not read",
                        most=MAX_PATTERNS,
                    ),
                )
            return ()
        bad = {i for i, p in enumerate(found) if self._overlong_pattern(p, at.key(key).item(i))}
        for index, pattern in enumerate(found):
            if index in bad:
                continue
            if not any(c.isalnum() for c in pattern):
                self.chk.error(
                    at.key(key).item(index),
                    Phrase(
                        "{pattern} has no letters or digits — a pattern must contain a word to listen for",
                        pattern=repr(pattern),
                    ),
                )
            elif "|" in pattern and not all(
                any(c.isalnum() for c in f) for f in pattern.split("|")
            ):
                self.chk.error(
                    at.key(key).item(index),
                    Phrase(
                        '{pattern} has an empty alternative — write the words between the bars, e.g. "reconnect | connect again"',
                        pattern=repr(pattern),
                    ),
                )
        return tuple(p for i, p in enumerate(found) if i not in bad)

    def _overlong_pattern(self, pattern: str, where: At) -> bool:
        """A pattern longer than `MAX_PATTERN` or with a word longer than `MAX_PATTERN_WORD`
        is an error (a slip: words run together, a block pasted), named without printing
        it whole; it is left out, so nothing later reads it (one 200,000-letter word took
        validation 2 s and 90 MB, silently)."""
        if len(pattern) > MAX_PATTERN:
            self.chk.error(
                where,
                Phrase(
                    "is {value} — a pattern is at most {most} characters: a few words the "
                    "candidate writes or says, alternatives split by |",
                    value=shown(pattern),
                    most=MAX_PATTERN,
                ),
            )
            return True
        word = max(re.findall(r"\w+", pattern), key=len, default="")
        if len(word) > MAX_PATTERN_WORD:
            self.chk.error(
                where,
                Phrase(
                    "has a word of {count:,} letters ({word}) — a pattern word is at most "
                    "{most} letters, longer than any word of the language: put spaces between "
                    "the words, or remove the slip",
                    count=len(word),
                    word=shown(word, 20),
                    most=MAX_PATTERN_WORD,
                ),
            )
            return True
        return False

    # --- top-level lists ----------------------------------------------------------
    def _group(self, at: At, t: dict[str, Any]) -> Group | None:
        self.chk.unknown_keys(t, at, ("id", "name"), Phrase("a group"))
        group_id, name = self.chk.ident(t, at), self.chk.string(t, at, "name")
        return Group(group_id, name) if group_id and name else None

    def _glossary(self) -> dict[str, str]:
        table = self.chk.table(self.raw, At(), "glossary", required=False) or {}
        glossary: dict[str, str] = {}
        for term, explanation in table.items():
            if self._overlong_pattern(term, At(("glossary", term), f"glossary[{shown(term, 20)}]")):
                continue
            if isinstance(explanation, str) and explanation.strip() and term.strip():
                glossary[term] = explanation
            else:
                self.chk.error(
                    At().key("glossary").key(term),
                    Phrase(
                        'is {value} — must be the plain words for the term, e.g. "{term}" = "..."',
                        value=describe(explanation),
                        term=term,
                    ),
                )
        return glossary

    def _canned(self, at: At, t: dict[str, Any]) -> CannedReply | None:
        chk = self.chk
        chk.unknown_keys(t, at, ("id", "title", "text"), Phrase("a canned reply"))
        canned_id, title, text = (
            chk.ident(t, at),
            chk.string(t, at, "title"),
            chk.string(t, at, "text"),
        )
        for placeholder in re.findall(r"\{([^{}]*)\}", text or ""):
            if placeholder != "agent":
                chk.warning(
                    at.key("text"),
                    Phrase(
                        "'{placeholder}' is left as it is — only {{agent}} is filled in (with the candidate's name)",
                        placeholder="{" + placeholder + "}",
                    ),
                )
        return CannedReply(canned_id, title, text) if canned_id and title and text else None

    def _macro(self, at: At, t: dict[str, Any]) -> Macro | None:
        """A canned public reply that also sets the ticket's status (see `Macro`)."""
        chk = self.chk
        chk.unknown_keys(t, at, ("id", "title", "text", "status"), Phrase("a macro"))
        macro_id, title, text = (
            chk.ident(t, at),
            chk.string(t, at, "title"),
            chk.string(t, at, "text"),
        )
        status = chk.string(t, at, "status", choices=list(MACRO_STATUSES))
        if not (macro_id and title and text and status):
            return None
        return Macro(macro_id, title, text, status)

    def _procedure(self, at: At, t: dict[str, Any]) -> Procedure | None:
        chk = self.chk
        chk.unknown_keys(t, at, ("id", "name", "steps"), Phrase("a procedure"))
        procedure_id, name = chk.ident(t, at), chk.string(t, at, "name")
        entries = chk.tables(t, at, "steps")
        steps = [self._step(step_at, step) for step_at, step in entries]
        chk.unique(((a, _text_id(s)) for a, s in entries), Phrase("step of this procedure"))
        if not procedure_id or not name or not entries or None in steps:
            return None
        return Procedure(procedure_id, name, tuple(s for s in steps if s is not None))

    def _step(self, at: At, t: dict[str, Any]) -> ProcedureStep | None:
        chk = self.chk
        chk.unknown_keys(
            t,
            at,
            ("id", "label", "patterns", "event", "optional", "channels", "when"),
            Phrase("a procedure step"),
        )
        step_id, label = chk.ident(t, at), chk.string(t, at, "label")
        has_patterns, has_event = "patterns" in t, "event" in t
        if has_patterns == has_event:
            which = (
                Phrase("both patterns and event")
                if has_patterns
                else Phrase("neither patterns nor event")
            )
            chk.error(
                at,
                Phrase(
                    'has {which} — give exactly one: patterns = [...] (words the candidate writes or says) or event = "ticket_created" (a candidate action)',
                    which=which,
                ),
            )
            return None
        patterns = self._patterns(t, at, "patterns") if has_patterns else ()
        events = self._step_events(t, at) if has_event else ()
        optional = chk.boolean(t, at, "optional")
        channels = self._step_channels(t, at)
        when = self._step_condition(t, at)
        if not step_id or not label or not (patterns or events):
            return None
        return ProcedureStep(step_id, label, patterns, events, optional, channels, when)

    def _step_condition(self, t: dict[str, Any], at: At) -> str | None:
        """`when`: one condition of the closed vocabulary (STEP_CONDITIONS)."""
        when = self.chk.string(t, at, "when", required=False)
        if when is None or when in STEP_CONDITIONS:
            return when
        known = tuple(STEP_CONDITIONS)
        self.chk.error(
            at.key("when"),
            Phrase(
                "unknown condition '{when}'{close} — must be one of {known} "
                "(docs/scenario-format.md, conditional steps)",
                when=when,
                **one_of(when, known),
            ),
        )
        return None

    def _step_channels(self, t: dict[str, Any], at: At) -> tuple[str, ...]:
        """`channels`: the step applies only to incidents that come in these ways."""
        found = self.chk.strings(t, at, "channels", required=False) or ()
        known = tuple(c.value for c in Channel)
        for index, channel in enumerate(found):
            if channel not in known:
                self.chk.error(
                    at.key("channels").item(index),
                    Phrase(
                        "unknown channel '{channel}'{close} — must be one of {known}",
                        channel=channel,
                        **one_of(channel, known),
                    ),
                )
        return tuple(c for c in found if c in known)

    def _step_events(self, t: dict[str, Any], at: At) -> tuple[str, ...]:
        value = t["event"]
        items = [value] if isinstance(value, str) else value
        where = at.key("event")
        if not isinstance(items, list) or not items or not all(isinstance(i, str) for i in items):
            self.chk.error(
                where,
                Phrase(
                    'is {value} — must be an event type or a list of them, e.g. event = "ticket_created" or event = ["ticket_resolved", "ticket_transferred"]',
                    value=describe(value),
                ),
            )
            return ()
        for item in items:
            if item not in STEP_EVENTS:
                self.chk.error(
                    where,
                    Phrase(
                        "unknown event type '{item}'{close} — must be a candidate action: {known}",
                        item=item,
                        **one_of(item, STEP_EVENTS),
                    ),
                )
        return tuple(items) if all(i in STEP_EVENTS for i in items) else ()

    def _category(self, at: At, t: dict[str, Any]) -> Category | None:
        chk = self.chk
        chk.unknown_keys(t, at, ("id", "name", "procedure"), Phrase("a category"))
        category_id, name = chk.ident(t, at), chk.string(t, at, "name")
        procedure = self._ref(t, at, "procedure", "procedures", "procedure")
        return (
            Category(category_id, name, procedure) if category_id and name and procedure else None
        )

    def _customer(self, at: At, t: dict[str, Any]) -> Customer | None:
        chk = self.chk
        chk.unknown_keys(t, at, _CUSTOMER_KEYS, Phrase("a customer"))
        customer_id, name = chk.ident(t, at), chk.string(t, at, "name")
        persona = chk.string(t, at, "persona")
        level = chk.string(t, at, "technical_level", choices=[v.value for v in TechnicalLevel])
        mood = chk.string(t, at, "mood", choices=[v.value for v in Mood])
        patience = chk.number(t, at, "patience_minutes", positive=True)
        department = self._optional_text(t, at, "department") or None
        if not (customer_id and name and persona and level and mood) or patience is None:
            return None
        return Customer(
            customer_id, name, persona, TechnicalLevel(level), Mood(mood), patience * 60, department
        )

    # --- incidents ----------------------------------------------------------------
    def _incident(self, at: At, t: dict[str, Any]) -> Incident | None:
        chk = self.chk
        chk.unknown_keys(t, at, _INCIDENT_KEYS, Phrase("an incident"))
        incident_id, title = chk.ident(t, at), chk.string(t, at, "title")
        customer = self._ref(t, at, "customer", "customers", "customer")
        channel_name = chk.string(t, at, "channel", choices=[c.value for c in Channel])
        channel = Channel(channel_name) if channel_name else None
        at_min = self._at_minute(t, at, channel)
        competencies = self._competencies(t, at)
        messages = self._messages(t, at, channel, at_min)
        facts = self._facts(t, at)
        rules = self._rules(t, at)
        fallback = self._optional_text(t, at, "fallback") or None
        follow_up = self._timed(t, at, "follow_up", FollowUp)
        news_request = self._timed(t, at, "news_request", NewsRequest)
        chase = self._chase(t, at)
        answer = self._answer(t, at)
        second_line = self._second_line(t, at, answer)
        ticket = self._ticket_fields(t, at, channel)
        if chk.has_errors or not (incident_id and title and customer and channel and answer):
            return None
        if at_min is None:
            return None
        return Incident(
            id=incident_id, title=title, customer=customer, channel=channel, at_s=at_min * 60,
            competencies=competencies, answer=answer, messages=messages, facts=facts,
            rules=rules, fallback=fallback, follow_up=follow_up, news_request=news_request,
            second_line=second_line, chase=chase, **ticket,
        )  # fmt: skip

    def _at_minute(self, t: dict[str, Any], at: At, channel: Channel | None) -> float | None:
        value = self.chk.number(t, at, "at_minute", minimum=0)
        if value is None:
            return None
        if self.duration_min is not None and value > self.duration_min:
            self.chk.error(
                at.key("at_minute"),
                Phrase(
                    "is {value:g} — must be within the exam: 0 to {most:g} (duration_minutes)",
                    value=value,
                    most=self.duration_min,
                ),
            )
            return None
        if channel == Channel.QUEUE and value != 0:
            self.chk.error(
                at.key("at_minute"),
                Phrase(
                    'is {value:g} — a queue ticket is in the queue when the exam starts: set at_minute = 0 (or channel = "email" for a ticket that arrives later)',
                    value=value,
                ),
            )
            return None
        return value

    def _competencies(self, t: dict[str, Any], at: At) -> tuple[str, ...]:
        found = self.chk.strings(t, at, "competencies") or ()
        where = at.key("competencies")
        for index, comp in enumerate(found):
            if comp not in COMPETENCY_IDS:
                self.chk.error(
                    where.item(index),
                    Phrase(
                        "unknown competency id '{comp}'{close} — must be one of the 22 ids {ranges}",
                        comp=comp,
                        close=did_you_mean(comp, COMPETENCY_IDS),
                        ranges=_COMPETENCY_RANGES,
                    ),
                )
        duplicates = sorted({c for c in found if found.count(c) > 1})
        if duplicates:
            self.chk.warning(
                where,
                Phrase(
                    "names {ids} more than once — name each competency once",
                    ids=", ".join(duplicates),
                ),
            )
        return found

    def _messages(
        self, t: dict[str, Any], at: At, channel: Channel | None, at_min: float | None
    ) -> tuple[Message, ...]:
        chk = self.chk
        conversation = channel in (Channel.CHAT, Channel.CALL)
        entries = chk.tables(t, at, "messages", required=False)
        where = at.key("messages")
        if conversation and t.get("messages") in (None, []):
            chk.error(
                where,
                Phrase(
                    "missing — a {channel} needs at least one [[incidents.messages]] with after_seconds and text: what the customer says first",
                    channel=channel,
                ),
            )
        elif channel is not None and not conversation and entries:
            chk.warning(
                where,
                Phrase(
                    "are never said — a {channel} ticket carries its text in subject and body; messages are for chat and call",
                    channel=channel,
                ),
            )
        messages: list[Message] = []
        for entry_at, entry in entries:
            chk.unknown_keys(entry, entry_at, ("after_seconds", "text"), Phrase("a message"))
            after = chk.number(entry, entry_at, "after_seconds", minimum=0)
            text = chk.string(entry, entry_at, "text")
            if after is not None and messages and after < messages[-1].after_s:
                chk.warning(
                    entry_at.key("after_seconds"),
                    Phrase(
                        "{after:g} comes before the previous message ({before:g}) — messages are said in file order; sort them by after_seconds",
                        after=after,
                        before=messages[-1].after_s,
                    ),
                )
            if (
                after is not None
                and at_min is not None
                and self.duration_min is not None
                and at_min * 60 + after > self.duration_min * 60
            ):
                chk.warning(
                    entry_at.key("after_seconds"),
                    Phrase(
                        "{after:g} seconds after at_minute = {at_min:g} is after the exam ends ({most:g} minutes) — the candidate never sees it",
                        after=after,
                        at_min=at_min,
                        most=self.duration_min,
                    ),
                )
            if after is not None and text:
                messages.append(Message(after, text))
        return tuple(messages)

    def _facts(self, t: dict[str, Any], at: At) -> tuple[Fact, ...]:
        chk = self.chk
        entries = chk.tables(t, at, "facts", required=False)
        facts: list[Fact] = []
        for entry_at, entry in entries:
            chk.unknown_keys(entry, entry_at, ("id", "ask", "answer", "key"), Phrase("a fact"))
            fact_id, ask = chk.ident(entry, entry_at), self._patterns(entry, entry_at, "ask")
            answer, key = chk.string(entry, entry_at, "answer"), chk.boolean(entry, entry_at, "key")
            if fact_id and ask and answer:
                facts.append(Fact(fact_id, ask, answer, key))
        chk.unique(((a, _text_id(e)) for a, e in entries), Phrase("fact of this incident"))
        return tuple(facts)

    def _rules(self, t: dict[str, Any], at: At) -> tuple[DialogueRule, ...]:
        chk = self.chk
        entries = chk.tables(t, at, "rules", required=False)
        rules: list[DialogueRule] = []
        for entry_at, entry in entries:
            chk.unknown_keys(
                entry, entry_at, ("id", "when", "reply", "mood"), Phrase("a dialogue rule")
            )
            rule_id, when = chk.ident(entry, entry_at), self._patterns(entry, entry_at, "when")
            reply = chk.string(entry, entry_at, "reply")
            mood = chk.string(
                entry, entry_at, "mood", required=False, choices=[m.value for m in MoodNudge]
            )
            if rule_id and when and reply:
                rules.append(DialogueRule(rule_id, when, reply, MoodNudge(mood) if mood else None))
        chk.unique(((a, _text_id(e)) for a, e in entries), Phrase("rule of this incident"))
        return tuple(rules)

    def _timed(
        self, t: dict[str, Any], at: At, key: str, make: Callable[[float, str], T]
    ) -> T | None:
        """A follow-up or news request: after_minutes and text."""
        table = self.chk.table(t, at, key, required=False)
        if table is None:
            return None
        where = at.key(key)
        self.chk.unknown_keys(table, where, ("after_minutes", "text"), Phrase("a {key}", key=key))
        after = self.chk.number(table, where, "after_minutes", positive=True)
        text = self.chk.string(table, where, "text")
        return make(after * 60, text) if after is not None and text else None

    def _chase(self, t: dict[str, Any], at: At) -> Chase | None:
        """`[incidents.chase]`: after_minutes, channel (chat, call or email), text."""
        chk = self.chk
        table = chk.table(t, at, "chase", required=False)
        if table is None:
            return None
        where = at.key("chase")
        chk.unknown_keys(table, where, ("after_minutes", "channel", "text"), Phrase("a chase"))
        after = chk.number(table, where, "after_minutes", positive=True)
        channel = chk.string(table, where, "channel", choices=CHASE_CHANNELS)
        text = chk.string(table, where, "text")
        if after is not None and self.duration_min is not None and after >= self.duration_min:
            chk.warning(
                where.key("after_minutes"),
                Phrase(
                    "{after:g} minutes is not shorter than the exam ({most:g}) — the customer "
                    "would never chase; give a wait shorter than the exam",
                    after=after,
                    most=self.duration_min,
                ),
            )
        if after is None or channel is None or not text:
            return None
        return Chase(after * 60, channel, text)

    def _ticket_fields(self, t: dict[str, Any], at: At, channel: Channel | None) -> dict[str, Any]:
        """subject, body, age and pre-filled fields of email and queue tickets."""
        chk = self.chk
        ticket = channel in (Channel.EMAIL, Channel.QUEUE)
        why = Phrase(
            "a {channel} ticket arrives with a subject and a body: its title and text",
            channel=channel,
        )
        subject = chk.string(t, at, "subject", required=ticket, why=why)
        body = chk.string(t, at, "body", required=ticket, why=why)
        age = chk.number(
            t,
            at,
            "age_minutes",
            required=channel == Channel.QUEUE,
            minimum=0,
            why=Phrase("a queue ticket needs its age at minute 0"),
        )
        if age is not None and channel not in (Channel.QUEUE, None):
            chk.warning(
                at.key("age_minutes"),
                Phrase(
                    'is ignored for a {channel} incident — only a queue ticket has an age at minute 0 (set channel = "queue" or remove it)',
                    channel=channel,
                ),
            )
        prefilled = {
            "ticket_category": self._ref(
                t, at, "ticket_category", "categories", "category", required=False
            ),
            "ticket_impact": self._level(t, at, "ticket_impact", required=False),
            "ticket_urgency": self._level(t, at, "ticket_urgency", required=False),
        }
        for key, value in prefilled.items():
            if value is not None and channel not in (Channel.QUEUE, None):
                chk.warning(
                    at.key(key),
                    Phrase(
                        "is ignored for a {channel} incident — only a queue ticket arrives with fields filled in",
                        channel=channel,
                    ),
                )
        return {
            "subject": subject,
            "body": body,
            "age_s": None if age is None else age * 60,
            **prefilled,
        }

    # --- the answer key -----------------------------------------------------------
    def _answer(self, t: dict[str, Any], at: At) -> Answer | None:
        chk = self.chk
        table = chk.table(t, at, "answer")
        if table is None:
            return None
        where = at.key("answer")
        chk.unknown_keys(table, where, _ANSWER_KEYS, Phrase("an answer key"))
        category = self._ref(table, where, "category", "categories", "category")
        impact, urgency = self._level(table, where, "impact"), self._level(table, where, "urgency")
        kb_article = self._ref(table, where, "kb_article", "articles", "article", required=False)
        solution = chk.string(table, where, "solution")
        transfer_group = self._ref(
            table, where, "transfer_group", "groups", "group", required=False
        )
        keywords = self._patterns(
            table,
            where,
            "solution_keywords",
            required=transfer_group is None and "transfer_group" not in table,
            why=Phrase(
                "words a correct solution contains; needed unless the incident is transferred"
            ),
        )
        alternatives = self._alternatives(table, where)
        options = self._options(table, where)
        customer_solution = self._optional_text(table, where, "customer_solution")
        exclude = self._exclusions(table, where, keywords)
        if not (category and impact and urgency and solution):
            return None
        return Answer(
            category,
            impact,
            urgency,
            solution,
            kb_article,
            keywords,
            transfer_group,
            alternatives,
            options,
            customer_solution,
            exclude,
        )

    def _exclusions(
        self, table: dict[str, Any], at: At, keywords: tuple[str, ...]
    ) -> tuple[str, ...]:
        """`solution_exclude`: words that, said together with the keywords, make it another answer."""
        found = self._patterns(table, at, "solution_exclude", required=False)
        forms = {f for k in keywords for f in keyword_forms(k)}
        for index, word in enumerate(found):
            if any(f in forms for f in keyword_forms(word)):
                self.chk.error(
                    at.key("solution_exclude").item(index),
                    Phrase(
                        "{word} is also one of solution_keywords — a word cannot be both required and excluded; drop it from one of the two",
                        word=repr(word),
                    ),
                )
        return found

    def _alternatives(self, table: dict[str, Any], at: At) -> tuple[AnswerAlternative, ...]:
        found: list[AnswerAlternative] = []
        for entry_at, entry in self.chk.tables(table, at, "alternatives", required=False):
            self.chk.unknown_keys(entry, entry_at, _ALTERNATIVE_KEYS, Phrase("an alternative"))
            if not any(k in entry for k in _ALTERNATIVE_KEYS):
                self.chk.error(
                    entry_at,
                    Phrase(
                        "says nothing — give kb_article, solution_keywords and/or transfer_group"
                    ),
                )
                continue
            found.append(
                AnswerAlternative(
                    self._ref(entry, entry_at, "kb_article", "articles", "article", required=False),
                    self._patterns(entry, entry_at, "solution_keywords", required=False),
                    self._ref(entry, entry_at, "transfer_group", "groups", "group", required=False),
                )
            )
        return tuple(found)

    def _options(self, table: dict[str, Any], at: At) -> tuple[AnswerOption, ...]:
        chk = self.chk
        entries = chk.tables(table, at, "options", required=False)
        options: list[AnswerOption] = []
        for entry_at, entry in entries:
            chk.unknown_keys(entry, entry_at, _OPTION_KEYS, Phrase("an option"))
            option_id, text = chk.ident(entry, entry_at), chk.string(entry, entry_at, "text")
            kb_article = self._ref(
                entry, entry_at, "kb_article", "articles", "article", required=False
            )
            keywords = self._patterns(entry, entry_at, "solution_keywords")
            fits, why = chk.boolean(entry, entry_at, "fits"), chk.string(entry, entry_at, "why")
            exclude = self._exclusions(entry, entry_at, keywords or ())
            if option_id and text and keywords and why:
                options.append(
                    AnswerOption(option_id, text, kb_article, keywords, fits, why, exclude)
                )
        chk.unique(((a, _text_id(e)) for a, e in entries), Phrase("option of this answer"))
        fitting = [
            _text_id(e) or f"[{i}]" for i, (_, e) in enumerate(entries) if e.get("fits") is True
        ]
        if entries and len(fitting) != 1:
            what = (
                Phrase("no option has")
                if not fitting
                else Phrase("{count} options have", count=len(fitting))
            )
            detail = f" ({', '.join(fitting)})" if fitting else ""
            chk.error(
                at.key("options"),
                Phrase(
                    "{what} fits = true{detail} — exactly one option must: the one that fits the incident's urgency and impact",
                    what=what,
                    detail=detail,
                ),
            )
        return tuple(options)

    def _second_line(self, t: dict[str, Any], at: At, answer: Answer | None) -> SecondLine | None:
        chk = self.chk
        transfer = answer.transfer_group if answer else None
        table = chk.table(t, at, "second_line", required=False)
        where = at.key("second_line")
        if table is None:
            if transfer is not None and "second_line" not in t:
                chk.error(
                    where,
                    Phrase(
                        "missing — an incident whose answer.transfer_group is '{transfer}' needs a [incidents.second_line] table: group, delay_minutes, reply",
                        transfer=transfer,
                    ),
                )
            return None
        chk.unknown_keys(table, where, _SECOND_LINE_KEYS, Phrase("a second line"))
        group = self._ref(table, where, "group", "groups", "group")
        delay = chk.number(table, where, "delay_minutes", minimum=0)
        reply = chk.string(table, where, "reply")
        question = chk.boolean(table, where, "question")
        relay = self._patterns(table, where, "relay_patterns", required=False)
        if group and transfer and group != transfer:
            chk.warning(
                where.key("group"),
                Phrase(
                    "'{group}' differs from answer.transfer_group '{transfer}' — the second line answers only when the ticket reaches this group",
                    group=group,
                    transfer=transfer,
                ),
            )
        if question and not relay:
            chk.warning(
                where.key("relay_patterns"),
                Phrase(
                    "missing — with question = true, give relay_patterns: what the candidate must ask the customer, so relaying the question can be seen"
                ),
            )
        final = self._optional_text(table, where, "final_reply")
        if final and not question:
            chk.warning(
                where.key("final_reply"),
                Phrase(
                    "is never sent — the final reply follows the answer to the second line's question; set question = true, or put this text in reply"
                ),
            )
        more = self._more_questions(table, where, question)
        if not group or delay is None or not reply or more is None:
            return None
        return SecondLine(group, delay * 60, reply, question, relay, final, more)

    def _more_questions(
        self, table: dict[str, Any], where: At, question: bool
    ) -> tuple[SecondLineQuestion, ...] | None:
        """`[[incidents.second_line.questions]]`: further rounds, each text + relay_patterns."""
        chk = self.chk
        if "questions" not in table:
            return ()
        entries = chk.tables(table, where, "questions")
        if entries and not question:
            chk.error(
                where.key("questions"),
                Phrase(
                    "are never asked — further questions follow the first one; set question = true "
                    "and put the first question in reply"
                ),
            )
            return None
        found: list[SecondLineQuestion] = []
        for entry_at, entry in entries:
            chk.unknown_keys(
                entry, entry_at, ("text", "relay_patterns"), Phrase("a second-line question")
            )
            text = chk.string(entry, entry_at, "text")
            relay = self._patterns(entry, entry_at, "relay_patterns")
            if text and relay:
                found.append(SecondLineQuestion(text, relay))
        return tuple(found) if len(found) == len(entries) else None

    # --- the scenario as a whole --------------------------------------------------
    def _check_coverage(self, incidents: tuple[Incident, ...]) -> None:
        """Warn when some competency has no incident: an exam must let each be shown."""
        raw = self.raw.get("incidents")
        named: set[str] = set()
        for item in raw if isinstance(raw, list) else []:
            comps = item.get("competencies") if isinstance(item, dict) else None
            if isinstance(comps, list):
                named.update(c for c in comps if isinstance(c, str))
        missing = [c for c in COMPETENCY_IDS if c not in named]
        if missing and isinstance(raw, list) and raw:
            self.chk.warning(
                At().key("incidents"),
                Phrase(
                    "no incident names {ids} — an exam must give the candidate a chance to show "
                    "all 22 competencies; add them to some incident's competencies (fine for a "
                    "practice draft)",
                    ids=", ".join(missing),
                ),
            )

    def _check_article_languages(self, language: str) -> None:
        for article in self.articles:
            if article.language != language:
                self.chk.problems.append(
                    Problem(
                        article.path,
                        "language",
                        header_value(article.path, "language")[1],
                        Phrase(
                            "is '{article}' but the scenario's language is '{language}' — candidates read the KB in the scenario's language",
                            article=article.language,
                            language=language,
                        ),
                        "warning",
                    )
                )


_REFERRED = {
    "procedure": (Phrase("procedure"), Phrase("a procedure")),
    "customer": (Phrase("customer"), Phrase("a customer")),
    "category": (Phrase("category"), Phrase("a category")),
    "article": (Phrase("article"), Phrase("an article")),
    "group": (Phrase("group"), Phrase("a group")),
}
"""What a reference names, bare and with its article, as `_ref`'s message says it."""


def _text_id(table: dict[str, Any]) -> str | None:
    value = table.get("id")
    return value if isinstance(value, str) and value else None
