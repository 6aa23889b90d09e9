"""Parallel forms: an equivalent scenario for every candidate, made from a base and a seed.

Neighbours in an exam room, and candidates of earlier sittings, can pass answers
on when everyone meets the same customers in the same order. A *form* changes
what can be passed on (customer names, departments, asset and ticket numbers,
phrasing, the order of incidents within blocks, arrival times within bounds)
and keeps what is measured (the answer key, the structure, the competencies
observed). The author says what may vary in `variation.toml` beside
`scenario.toml` (docs/authoring-exams.md); nothing varies that is not listed.

A form is a pure function of the base folder and the seed: the log header binds
the base's hash and the seed, so `report` can rebuild the very form a
candidate sat. Texts are changed in the files' text, not by re-serialising
TOML, so a form keeps the author's comments and layout and reads like the base.
"""

from __future__ import annotations

import random
import re
import shutil
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpdesk_tui.core.phrase import Phrase
from helpdesk_tui.eventlog.binding import folder_sha256
from helpdesk_tui.scenario._check import At, Checker, parse_toml, read_text
from helpdesk_tui.scenario.errors import Problem
from helpdesk_tui.scenario.model import Channel, Scenario

VARIATION_FILE = "variation.toml"
FORM_FILE = "form.toml"
VARIATION_FORMAT = 1
MAX_JITTER_MINUTES = 15.0
SEED_RANGE = (0, 2**31 - 1)

_TOP_KEYS = ("format", "jitter", "blocks", "customers", "tokens", "phrasing")
_JITTER_KEYS = ("minutes", "incidents")
_BLOCK_KEYS = ("id", "incidents")
_IDENTITY_KEYS = ("id", "names", "departments")
_SWAP_KEYS = ("text", "variants")
_AT_MINUTE = re.compile(r"^(\s*at_minute\s*=\s*)([-+0-9.eE_]+)(.*)$")
_INCIDENTS_HEADER = re.compile(r"^\s*\[\[\s*incidents\s*\]\]\s*(#.*)?$")
_OTHER_TOP_HEADER = re.compile(r"^\s*\[\[?\s*(?!incidents[.\]\s])[A-Za-z_]")


class FormError(Exception):
    """A form could not be made; the message names the file and what to change."""


@dataclass(frozen=True, slots=True)
class Swap:
    """A literal text of the base and the texts a form may put in its place."""

    text: str
    variants: tuple[str, ...]
    keep_original: bool = False
    """Phrasing may stay as the author wrote it; names and numbers always change."""


@dataclass(frozen=True, slots=True)
class Identity:
    """Other names (and departments) one customer may have in a form."""

    customer: str
    names: tuple[str, ...]
    departments: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Variation:
    """What the author allows to vary, read from variation.toml."""

    jitter_minutes: float = 0.0
    jitter: dict[str, float] = field(default_factory=dict)
    blocks: tuple[tuple[str, ...], ...] = ()
    identities: tuple[Identity, ...] = ()
    tokens: tuple[Swap, ...] = ()
    phrasing: tuple[Swap, ...] = ()

    def jitter_for(self, incident_id: str) -> float:
        return self.jitter.get(incident_id, self.jitter_minutes)


@dataclass(frozen=True, slots=True)
class FormMarker:
    """What `form.toml` in a generated form says about where it came from."""

    base_id: str
    base_sha256: str
    seed: int


@dataclass(frozen=True, slots=True)
class Form:
    """A generated form: where it is, what it came from, and what changed."""

    folder: Path
    marker: FormMarker
    replacements: dict[str, str]
    arrivals: dict[str, float]
    """Incident id -> its new arrival minute (only the incidents that moved)."""


# --- reading variation.toml ----------------------------------------------------------


def check_variation(folder: Path, scenario: Scenario) -> tuple[Variation | None, list[Problem]]:
    """The variation the base allows (None when there is no file or it has errors), and its problems."""
    file = Path(folder) / VARIATION_FILE
    if not file.exists():
        return None, []
    chk = Checker(file)
    text = read_text(file, chk, Phrase("variation ({file})", file=VARIATION_FILE))
    raw = parse_toml(text, chk) if text is not None else None
    if raw is None:
        return None, chk.problems
    chk.text = text or ""
    variation = _Reader(chk, raw, scenario).variation()
    if chk.has_errors:
        return None, chk.problems
    _warn_unused(chk, variation, _scenario_texts(scenario.folder))
    return variation, chk.problems


class _Reader:
    def __init__(self, chk: Checker, raw: dict[str, Any], scenario: Scenario) -> None:
        self.chk, self.raw, self.scenario = chk, raw, scenario
        self.incidents = {i.id: i for i in scenario.incidents}
        self.customers = {c.id: c for c in scenario.customers}

    def variation(self) -> Variation:
        chk, raw, top = self.chk, self.raw, At()
        chk.unknown_keys(raw, top, _TOP_KEYS, Phrase("a variation file"))
        form = raw.get("format", VARIATION_FORMAT)
        if form != VARIATION_FORMAT:
            chk.error(
                top.key("format"),
                Phrase(
                    "is {value} — only format = {form} exists",
                    value=repr(form),
                    form=VARIATION_FORMAT,
                ),
            )
        minutes, per_incident = self._jitter()
        return Variation(
            jitter_minutes=minutes,
            jitter=per_incident,
            blocks=self._blocks(),
            identities=tuple(self._identity(at, t) for at, t in self._tables("customers")),
            tokens=tuple(self._swap(at, t, keep=False) for at, t in self._tables("tokens")),
            phrasing=tuple(self._swap(at, t, keep=True) for at, t in self._tables("phrasing")),
        )

    def _tables(self, key: str) -> list[tuple[At, dict[str, Any]]]:
        return self.chk.tables(self.raw, At(), key, required=False)

    def _jitter(self) -> tuple[float, dict[str, float]]:
        chk, at = self.chk, At().key("jitter")
        table = self.raw.get("jitter", {})
        if not isinstance(table, dict):
            chk.error(at, Phrase("must be a table: [jitter] with minutes = 1"))
            return 0.0, {}
        chk.unknown_keys(table, at, _JITTER_KEYS, Phrase("[jitter]"))
        minutes = chk.number(
            table, at, "minutes", required=False, minimum=0, maximum=MAX_JITTER_MINUTES
        )
        per: dict[str, float] = {}
        overrides = table.get("incidents", {})
        if not isinstance(overrides, dict):
            chk.error(
                at.key("incidents"),
                Phrase(
                    'must be a table of incident id = minutes, e.g. incidents = {{ "vpn-down" = 0.5 }}'
                ),
            )
            return minutes or 0.0, {}
        for incident_id in overrides:
            where = at.key("incidents")
            if incident_id not in self.incidents:
                chk.error(
                    where.key(incident_id),
                    Phrase(
                        "unknown incident '{ident}' — must be an incident id of scenario.toml",
                        ident=incident_id,
                    ),
                )
                continue
            value = chk.number(overrides, where, incident_id, minimum=0, maximum=MAX_JITTER_MINUTES)
            if value is not None:
                per[incident_id] = value
        return minutes or 0.0, per

    def _blocks(self) -> tuple[tuple[str, ...], ...]:
        seen: dict[str, int] = {}
        blocks: list[tuple[str, ...]] = []
        for at, table in self._tables("blocks"):
            self.chk.unknown_keys(table, at, _BLOCK_KEYS, Phrase("a block"))
            ids = self._strings(
                table, at, "incidents", minimum=2, example='["printer-blank", "vpn-down"]'
            )
            for incident_id in ids:
                self._block_member(at, incident_id, seen, len(blocks))
            blocks.append(tuple(ids))
        return tuple(blocks)

    def _block_member(self, at: At, incident_id: str, seen: dict[str, int], index: int) -> None:
        where = at.key("incidents")
        incident = self.incidents.get(incident_id)
        if incident is None:
            self.chk.error(
                where,
                Phrase(
                    "unknown incident '{ident}' — must be an incident id of scenario.toml",
                    ident=incident_id,
                ),
            )
        elif incident.channel == Channel.QUEUE:
            self.chk.error(
                where,
                Phrase(
                    "'{ident}' is a queue ticket: it is there at minute 0 in every form — leave it out of blocks",
                    ident=incident_id,
                ),
            )
        elif incident_id in seen:
            self.chk.error(
                where,
                Phrase(
                    "'{ident}' is already in blocks[{block}] — an incident belongs to one block at most",
                    ident=incident_id,
                    block=seen[incident_id],
                ),
            )
        seen.setdefault(incident_id, index)

    def _identity(self, at: At, table: dict[str, Any]) -> Identity:
        self.chk.unknown_keys(table, at, _IDENTITY_KEYS, Phrase("a customer's variation"))
        customer = self.chk.string(table, at, "id") or ""
        if customer and customer not in self.customers:
            self.chk.error(
                at.key("id"),
                Phrase(
                    "unknown customer '{ident}' — must be a customer id of scenario.toml",
                    ident=customer,
                ),
            )
        names = self._strings(
            table, at, "names", minimum=1, example='["Sofie Claes", "Lotte Janssens"]'
        )
        departments = self._strings(table, at, "departments", minimum=0, example='["Finance"]')
        return Identity(customer, tuple(names), tuple(departments))

    def _swap(self, at: At, table: dict[str, Any], *, keep: bool) -> Swap:
        self.chk.unknown_keys(table, at, _SWAP_KEYS, Phrase("a text to vary"))
        text = self.chk.string(table, at, "text") or ""
        variants = self._strings(
            table, at, "variants", minimum=1, example='["PRN-3-07", "PRN-1-22"]'
        )
        return Swap(text, tuple(v for v in variants if v != text), keep_original=keep)

    def _strings(
        self, table: dict[str, Any], at: At, key: str, *, minimum: int, example: str
    ) -> list[str]:
        value = table.get(key, [] if minimum == 0 else None)
        where = at.key(key)
        if value is None:
            self.chk.error(
                where,
                Phrase(
                    "missing — add {key} = {example}{reason}", key=key, example=example, reason=""
                ),
            )
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.chk.error(
                where,
                Phrase(
                    "must be a list of non-empty texts, e.g. {key} = {example}",
                    key=key,
                    example=example,
                ),
            )
            return []
        if len(value) < minimum:
            self.chk.error(
                where,
                Phrase(
                    "has {count} — needs at least {least}, e.g. {key} = {example}",
                    count=len(value),
                    least=minimum,
                    key=key,
                    example=example,
                ),
            )
        return list(value)


def _warn_unused(chk: Checker, variation: Variation, texts: dict[Path, str]) -> None:
    """A listed text that occurs nowhere would vary nothing: probably a typo."""
    everything = "\n".join(texts.values())
    for kind, swaps in (("tokens", variation.tokens), ("phrasing", variation.phrasing)):
        for index, swap in enumerate(swaps):
            if swap.text and not _pattern([swap.text]).search(everything):
                chk.warning(
                    At().key(kind).item(index),
                    Phrase(
                        "'{text}' occurs nowhere in scenario.toml or kb/ — check the spelling (it must be written exactly as there)",
                        text=swap.text,
                    ),
                )


# --- making a form -------------------------------------------------------------------


def make_form(base: Scenario, variation: Variation, seed: int, out: Path) -> Form:
    """Write the form for `seed` into the empty or missing folder `out`."""
    if not SEED_RANGE[0] <= seed <= SEED_RANGE[1]:
        raise FormError(
            f"seed {seed} is out of range — use a whole number from 0 to {SEED_RANGE[1]}"
        )
    rng = random.Random(f"helpdesk-exam form {seed}")
    replacements = _replacements(base, variation, rng)
    arrivals = _arrivals(base, variation, rng)
    texts = _scenario_texts(base.folder)
    _copy_base(base.folder, Path(out))
    scenario_file = base.folder / "scenario.toml"
    for path, text in texts.items():
        changed = _replace_all(text, replacements)
        if path == scenario_file:
            changed = _set_arrivals(changed, [i.id for i in base.incidents], arrivals)
        (Path(out) / path.relative_to(base.folder)).write_text(changed, encoding="utf-8")
    marker = FormMarker(base.id, folder_sha256(base.folder), seed)
    _write_marker(Path(out) / FORM_FILE, marker)
    _verify_form(base, Path(out), seed)
    moved = {k: v for k, v in arrivals.items() if abs(v * 60 - base.incident(k).at_s) > 1e-6}
    return Form(Path(out), marker, replacements, moved)


def _verify_form(base: Scenario, out: Path, seed: int) -> None:
    """A form must load and be the same exam; a replacement that hit an id or key is named."""
    from helpdesk_tui.scenario.loader import check_scenario  # the loader does not know forms

    profile = next(
        (p for p in base.source_files if p.suffix == ".toml" and p.name != "scenario.toml"), None
    )
    profiles_dir = None if profile is None or profile.parent == base.folder else profile.parent
    form, problems = check_scenario(out, profiles_dir)
    file = base.folder / VARIATION_FILE
    if form is None:
        first = next((str(p) for p in problems if p.is_error), "it does not load")
        raise FormError(
            f"{file}: form {seed} does not load ({first}) — a listed text probably also occurs in "
            "an id or a reference; list only texts people read"
        )
    changed = structure_differences(base, form)
    if changed:
        raise FormError(
            f"{file}: form {seed} differs from the base in {', '.join(changed)} — a listed text "
            "also occurs in an id or the answer key; list only texts people read"
        )


def _replacements(base: Scenario, variation: Variation, rng: random.Random) -> dict[str, str]:
    """Old text -> new text, chosen once per form so every file says the same."""
    found: dict[str, str] = {}
    taken = {c.name for c in base.customers}
    for identity in variation.identities:
        customer = base.customer(identity.customer)
        free = [n for n in identity.names if n not in taken - {customer.name}] or list(
            identity.names
        )
        name = rng.choice(free)
        taken.add(name)
        found.update(_name_parts(customer.name, name))
        if identity.departments and customer.department:
            found.setdefault(customer.department, rng.choice(identity.departments))
    for swap in (*variation.tokens, *variation.phrasing):
        choices = [*swap.variants, swap.text] if swap.keep_original else list(swap.variants)
        found[swap.text] = rng.choice(choices) if choices else swap.text
    return {old: new for old, new in found.items() if old != new}


def _name_parts(old: str, new: str) -> dict[str, str]:
    """The full name, and first and last names apart (customers sign with their first name)."""
    parts = {old: new}
    old_words, new_words = old.split(), new.split()
    if len(old_words) >= 2 and len(new_words) >= 2:
        parts.setdefault(old_words[0], new_words[0])
        parts.setdefault(" ".join(old_words[1:]), " ".join(new_words[1:]))
    return parts


def _arrivals(base: Scenario, variation: Variation, rng: random.Random) -> dict[str, float]:
    """Every incident's arrival minute in the form: blocks permuted over their slots, then jittered."""
    minutes = {i.id: i.at_s / 60 for i in base.incidents}
    for block in variation.blocks:
        slots = sorted(minutes[i] for i in block)
        order = list(block)
        rng.shuffle(order)
        minutes.update(zip(order, slots, strict=True))
    last = base.duration_s / 60 - 1
    for incident in base.incidents:
        bound = variation.jitter_for(incident.id)
        if incident.channel == Channel.QUEUE or bound <= 0 or minutes[incident.id] <= 0:
            continue
        moved = minutes[incident.id] + rng.uniform(-bound, bound)
        minutes[incident.id] = round(min(max(moved, 0.1), max(last, 0.1)), 1)
    return minutes


def _pattern(texts: Iterable[str]) -> re.Pattern[str]:
    """One alternation, longest first, on word boundaries: replacements never chain."""
    ordered = sorted(set(texts), key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(t) for t in ordered) + r")(?!\w)")


def _replace_all(text: str, replacements: dict[str, str]) -> str:
    if not replacements:
        return text
    return _pattern(replacements).sub(lambda m: replacements[m.group(1)], text)


def _set_arrivals(text: str, incident_ids: list[str], arrivals: dict[str, float]) -> str:
    """Rewrite the `at_minute` of the n-th [[incidents]] table, keeping every other byte."""
    lines = text.splitlines(keepends=True)
    index, inside, done = -1, False, set()
    for n, line in enumerate(lines):
        if _INCIDENTS_HEADER.match(line):
            index, inside = index + 1, True
            continue
        if _OTHER_TOP_HEADER.match(line):
            inside = False
            continue
        match = _AT_MINUTE.match(line.rstrip("\n"))
        if inside and match and index not in done and index < len(incident_ids):
            minute = arrivals[incident_ids[index]]
            ending = line[len(line.rstrip("\n")) :]
            lines[n] = f"{match.group(1)}{minute:g}{match.group(3)}{ending}"
            done.add(index)
    return "".join(lines)


def _scenario_texts(folder: Path) -> dict[Path, str]:
    """scenario.toml and the KB articles: the texts a form may change."""
    folder = Path(folder)
    files = [folder / "scenario.toml", *sorted((folder / "kb").glob("*.md"))]
    return {p: p.read_text(encoding="utf-8") for p in files if p.is_file() and not p.is_symlink()}


def _copy_base(base: Path, out: Path) -> None:
    if out.exists() and any(out.iterdir()):
        raise FormError(f"{out} already exists and is not empty — give a new folder for the form")
    ignore = shutil.ignore_patterns(VARIATION_FILE, FORM_FILE, ".*", "__pycache__")
    shutil.copytree(base, out, ignore=ignore, dirs_exist_ok=True, symlinks=True)


def _write_marker(path: Path, marker: FormMarker) -> None:
    path.write_text(
        "# Written by `helpdesk-exam scenario vary`: this folder is a parallel form of a base\n"
        "# scenario. Edit the base and its variation.toml, not this folder.\n"
        f'base_id = "{marker.base_id}"\n'
        f'base_sha256 = "{marker.base_sha256}"\n'
        f"seed = {marker.seed}\n",
        encoding="utf-8",
    )


def read_marker(folder: Path) -> FormMarker | None:
    """The form marker of a scenario folder, or None for a base scenario (or an unreadable marker)."""
    path = Path(folder) / FORM_FILE
    if not path.is_file() or path.is_symlink() or path.stat().st_size > 4096:
        return None
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None
    base_id, digest, seed = raw.get("base_id"), raw.get("base_sha256"), raw.get("seed")
    if not (isinstance(base_id, str) and isinstance(digest, str) and isinstance(seed, int)):
        return None
    return FormMarker(base_id, digest, seed)


# --- checking that a form is the same exam -------------------------------------------


def structure(scenario: Scenario) -> dict[str, Any]:
    """What must not differ between forms: ids, channels, people's roles, the answer key."""
    return {
        "customers": sorted((c.id, c.technical_level.value, c.mood.value, c.patience_s) for c in scenario.customers),
        "incidents": sorted(
            (
                i.id, i.customer, i.channel.value, i.competencies, len(i.messages), len(i.facts),
                len(i.rules), i.answer.category, i.answer.impact, i.answer.urgency,
                i.answer.kb_article, i.answer.transfer_group, i.age_s,
            )
            for i in scenario.incidents
        ),
        "groups": sorted(g.id for g in scenario.groups),
        "categories": sorted(c.id for c in scenario.categories),
        "articles": sorted(a.id for a in scenario.kb),
        "procedures": sorted((p.id, tuple(s.id for s in p.steps)) for p in scenario.procedures),
        "duration_s": scenario.duration_s,
    }  # fmt: skip


def structure_differences(base: Scenario, form: Scenario) -> list[str]:
    """The parts of the structure that differ (empty: the same exam)."""
    left, right = structure(base), structure(form)
    return [key for key in left if left[key] != right[key]]


def ensure_form(base: Scenario, seed: int, forms_dir: Path) -> Path:
    """The folder of form `seed` under `forms_dir`, made now or reused when it is exactly that form.

    Exam sessions of one sitting share forms: the first candidate on a seed makes
    it, the next ones reuse it. A folder that is not exactly what the base and
    seed give (edited, half written, another base) is refused, never used.
    """
    variation, problems = check_variation(base.folder, base)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise FormError(str(errors[0]))
    if variation is None:
        raise FormError(
            f"{base.folder / VARIATION_FILE}: no such file — this scenario has no parallel forms; "
            "start it without a form seed, or write its variation.toml (docs/authoring-exams.md)"
        )
    target = Path(forms_dir) / f"{base.id}-form-{seed}"
    fresh = Path(forms_dir) / f".{base.id}-form-{seed}.new"
    shutil.rmtree(fresh, ignore_errors=True)
    Path(forms_dir).mkdir(parents=True, exist_ok=True)
    make_form(base, variation, seed, fresh)
    try:
        if target.exists():
            if folder_sha256(target) != folder_sha256(fresh):
                raise FormError(
                    f"{target} is not form {seed} of {base.id} as its base gives it now (edited, or "
                    "the base changed) — move it away; it is made again at the next start"
                )
            return target
        fresh.rename(target)
        return target
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
