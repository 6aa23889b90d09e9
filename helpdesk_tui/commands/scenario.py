"""`helpdesk-exam scenario validate|list|new|vary`: for scenario authors and instructors.

`validate` prints every problem of every scenario given, grouped per file,
and exits 2 when any is an error, so it fits in a CI job; `list` shows the
bundled scenarios, exams, practice and drills apart; `new` writes a starter
scenario that passes `validate`; `vary` makes parallel forms of a scenario
and, with `--check`, measures that they are the same exam.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Any, TextIO

from helpdesk_tui import i18n, paths
from helpdesk_tui.commands.errors import UserError
from helpdesk_tui.core.phrase import Phrase
from helpdesk_tui.i18n import N_, _, fill, ngettext
from helpdesk_tui.printable import printable_name
from helpdesk_tui.scenario.errors import Problem
from helpdesk_tui.scenario.loader import SCENARIO_ID, SCENARIO_KINDS, check_scenario, scenario_paths
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.scenario.observation import MIN_EXAM_OBSERVATIONS, exam_problems, opportunities
from helpdesk_tui.scenario.starter import LANGUAGES, write_starter
from helpdesk_tui.scenario.variation import SEED_RANGE, check_variation
from helpdesk_tui.ui.format import labelled


def register(subparsers: Any) -> None:
    """Add `scenario` and its sub-subcommands to the `helpdesk-exam` parser."""
    parser = subparsers.add_parser(
        "scenario",
        help="validate, list or create scenarios",
        description="Validate, list or create scenarios (see docs/scenario-format.md).",
    )
    parser.set_defaults(handler=lambda _args: _print_help(parser))
    sub = parser.add_subparsers(dest="scenario_command", metavar="ACTION", title="actions")

    validate = sub.add_parser(
        "validate",
        help="check scenario folders and report every problem",
        description="Check each scenario folder (or its scenario.toml), its KB articles and "
        "its SLA profile. Exits 0 when there are no errors (warnings allowed), 2 otherwise.",
    )
    validate.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="a scenario folder, its scenario.toml, or a bundled id",
    )
    validate.add_argument(
        "--exam",
        action="store_true",
        help=fill(
            _(
                "also check it can serve as an exam: every competency observed with at least "
                '{count} customers (always checked for kind = "exam"); prints the counts'
            ),
            count=MIN_EXAM_OBSERVATIONS,
        ),
    )
    validate.add_argument(
        "--lang",
        choices=("en", "nl", "fr"),
        help="the language of the problems and the counts (default: the locale's, else English)",
    )
    validate.add_argument(
        "--sla-profiles",
        type=Path,
        metavar="DIR",
        help="where SLA profiles are looked up (default: the bundled ones)",
    )
    validate.set_defaults(handler=run_validate)

    listing = sub.add_parser(
        "list",
        help="list the bundled scenarios",
        description="List the bundled scenarios, exams, practice and drills apart; * marks the default.",
    )
    listing.add_argument(
        "--lang",
        choices=("en", "nl", "fr"),
        help="the language of the listing (default: the locale's, else English)",
    )
    listing.set_defaults(handler=run_list)
    _register_vary(sub)

    new = sub.add_parser(
        "new",
        help="write a small valid starter scenario to edit",
        description="Write a starter scenario folder (scenario.toml and one KB article) that passes validate.",
    )
    new.add_argument(
        "name",
        metavar="NAME",
        help="the scenario's id and folder name: lower-case letters, digits and '-'",
    )
    new.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="en",
        help="the language of the customer text (default: en)",
    )
    new.add_argument(
        "--dir",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="where to create the folder (default: the current folder)",
    )
    new.set_defaults(handler=run_new)


def _print_help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


# --- validate ---------------------------------------------------------------------


def run_validate(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Validate each path; 0 when no path has an error, 2 otherwise."""
    i18n.set_language(i18n.choose_language(getattr(args, "lang", None)))
    out = out or sys.stdout
    errors = warnings = notes = 0
    seen_ids: dict[str, Path] = {}
    as_exam = getattr(args, "exam", False)
    for path in args.paths:
        scenario, problems = _check(path, args.sla_profiles)
        problems += _duplicate_id(scenario, seen_ids)
        if scenario is not None:
            problems += check_variation(scenario.folder, scenario)[1]
            if as_exam or scenario.kind == "exam":
                problems += exam_problems(scenario)
        errors += sum(p.is_error for p in problems)
        warnings += sum(p.severity == "warning" for p in problems)
        notes += sum(p.severity == "note" for p in problems)
        _print_problems(path, scenario, problems, out)
        if as_exam and scenario is not None:
            _print_opportunities(scenario, out)
    count = len(args.paths)
    checked = ngettext("{n} scenario checked", "{n} scenarios checked", count).format(n=count)
    counts = [
        ngettext("{n} error", "{n} errors", errors).format(n=errors),
        ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings),
    ]
    if notes:
        counts.append(ngettext("{n} note", "{n} notes", notes).format(n=notes))
    print(f"\n{labelled(checked)}{', '.join(counts)}.", file=out)
    return 2 if errors else 0


def _print_opportunities(scenario: Scenario, out: TextIO) -> None:
    """Per competency, how many customers' incidents observe it (an exam needs 3 each)."""
    heading = _("observation opportunities (customers per competency, an exam needs {count}):")
    print("  " + heading.format(count=MIN_EXAM_OBSERVATIONS), file=out)
    for cid, customers in opportunities(scenario).items():
        mark = " " if len(customers) >= MIN_EXAM_OBSERVATIONS else "!"
        print(f"  {mark} {cid:<7}{len(customers):>3}  {', '.join(customers)}", file=out)


def _bundled_or(path: Path) -> Path:
    """`path`, or the bundled scenario it names when no such file or folder exists here
    (bugs17: `scenario validate en-northwind-monday` and `scenario vary` said "no such folder"
    where `simulate` and `practice` take the id)."""
    if path.exists() or len(path.parts) != 1:
        return path
    from helpdesk_tui.commands.practice import bundled

    for scenario_id, folder, _default in bundled():
        if str(path) in (scenario_id, folder.name):
            return folder
    return path


def _check(path: Path, sla_profiles: Path | None) -> tuple[Scenario | None, list[Problem]]:
    """check_scenario, with a last guard: a bug in a checker is reported, not a traceback."""
    path = _bundled_or(path)
    try:
        scenario, problems = check_scenario(path, sla_profiles)
        return scenario, problems + _wording(scenario)
    except Exception as exc:  # noqa: BLE001 - the promise is "never a traceback"
        message = Phrase(
            "internal error while checking ({error}) — please report this with the file",
            error=f"{type(exc).__name__}: {exc}",
        )
        return None, [Problem(scenario_paths(path)[1], "", None, message)]


def _wording(scenario: Scenario | None) -> list[Problem]:
    """The language layer's warnings on the scenario's patterns (scenario/wording.py)."""
    if scenario is None or scenario.language not in ("nl", "fr", "en"):
        return []
    from helpdesk_tui.scenario._check import Checker
    from helpdesk_tui.scenario.wording import wording_warnings

    file = scenario.scenario_file
    chk = Checker(file, file.read_text(encoding="utf-8"))
    wording_warnings(scenario, chk)
    return chk.problems


def _duplicate_id(scenario: Scenario | None, seen: dict[str, Path]) -> list[Problem]:
    """Scenario ids are unique across scenarios: they name the scenario in every log."""
    if scenario is None:
        return []
    if scenario.id in seen:
        message = Phrase(
            "duplicate scenario id '{ident}' — {other} uses it too; each scenario needs its own id",
            ident=scenario.id,
            other=str(seen[scenario.id]),
        )
        return [Problem(scenario.scenario_file, "id", None, message)]
    seen[scenario.id] = scenario.scenario_file
    return []


def _print_problems(
    path: Path, scenario: Scenario | None, problems: list[Problem], out: TextIO
) -> None:
    current: Path | None = None
    if not [p for p in problems if p.severity != "note"]:
        print(
            f"{_shown(scenario_paths(path)[0])}: OK ({scenario.id if scenario else ''})", file=out
        )
        current = scenario_paths(path)[0]
    for problem in problems:
        if problem.file != current:
            current = problem.file
            print(printable_name(_shown(current)), file=out)  # a KB file's own name (sec23)
        where = problem.where_said()
        where = labelled(where) if where else ""
        print(
            f"  {labelled(_(SEVERITY[problem.severity]))}{where}{problem.message_said()}", file=out
        )


SEVERITY = {"error": N_("error"), "warning": N_("warning"), "note": N_("note")}
"""The problem's kind in the reader's language (bugs23's walk: "error:" under a Dutch
locale); the problems' own sentences too since bugs24 (`Problem.said`)."""


def _shown(path: Path) -> str:
    """A path relative to the current folder when it is inside it, else as given."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


# --- list -------------------------------------------------------------------------


def run_list(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """The bundled scenarios, exams, practice and drills apart, one line each."""
    i18n.set_language(i18n.choose_language(getattr(args, "lang", None)))
    out = out or sys.stdout
    folder = paths.scenarios_dir()
    try:
        candidates = sorted(p for p in folder.iterdir() if (p / "scenario.toml").is_file())
    except OSError as exc:
        raise UserError(
            fill(
                _(
                    "{folder}: cannot list the bundled scenarios ({why}) — is helpdesk-exam "
                    "installed completely?"
                ),
                folder=folder,
                why=exc.strerror or exc,
            )
        ) from exc
    if not candidates:
        print(fill(_("no scenarios in {folder}"), folder=folder), file=out)
        return 0
    header = ("  id", _("lang"), _("minutes"), _("incidents"), _("title"))
    listed = [_row(p) for p in candidates]
    widths = [max(len(r[i]) for r in [header, *(row for _, row in listed)]) for i in range(4)]
    for kind in (*SCENARIO_KINDS, None):
        rows = [row for k, row in listed if k == kind]
        if not rows:
            continue
        print(fill(_("{title}:"), title=_(_KIND_TITLES[kind])), file=out)
        for row in [header, *rows]:
            cells = [c.ljust(w) for c, w in zip(row[:4], widths, strict=True)]
            print("  " + "  ".join([*cells, row[4]]).rstrip(), file=out)
        print(file=out)
    print(_("* the default: what `helpdesk-exam` starts"), file=out)
    return 0


_KIND_TITLES = {
    "exam": N_("Exams (full-length, every competency observed at least 3 times)"),
    "practice": N_("Practice"),
    "drill": N_("Drills (short, one group of competencies each)"),
    None: N_("Invalid"),
}


def _row(folder: Path) -> tuple[str | None, tuple[str, str, str, str, str]]:
    try:
        scenario, problems = check_scenario(folder)
    except Exception:  # noqa: BLE001 - one broken scenario must not hide the others
        scenario, problems = None, []
    if scenario is None:
        errors = sum(p.is_error for p in problems)
        note = fill(
            ngettext(
                "(invalid: {n} error — run `helpdesk-exam scenario validate {folder}`)",
                "(invalid: {n} errors — run `helpdesk-exam scenario validate {folder}`)",
                errors,
            ),
            n=errors,
            folder=_shown(folder),
        )
        return None, (f"  {folder.name}", "?", "?", "?", note)
    mark = "*" if scenario.default else " "
    title = f"{scenario.title} — {scenario.aim}" if scenario.aim else scenario.title
    return scenario.kind, (
        f"{mark} {scenario.id}",
        scenario.language,
        f"{scenario.duration_s / 60:g}",
        str(len(scenario.incidents)),
        title,
    )


# --- vary -------------------------------------------------------------------------


def _register_vary(sub: Any) -> None:
    vary = sub.add_parser(
        "vary",
        help="make a parallel form of a scenario, or check that forms are equivalent",
        description="Make an equivalent form of SCENARIO from its variation.toml and a seed "
        "(--seed N --out DIR), or make K forms and check with every scripted candidate that "
        "they measure the same (--check K). See docs/authoring-exams.md.",
    )
    vary.add_argument(
        "scenario",
        type=Path,
        metavar="SCENARIO",
        help="the base scenario's folder, or a bundled id",
    )
    vary.add_argument("--seed", type=int, metavar="N", help="which form (a whole number)")
    vary.add_argument(
        "--out", type=Path, metavar="DIR", help="where to write the form (a new folder)"
    )
    vary.add_argument(
        "--check", type=int, metavar="K", help="make K forms (seeds 1..K) and compare them"
    )
    vary.add_argument(
        "--policies",
        default="ideal,naive,idle",
        metavar="LIST",
        help="with --check: the scripted candidates, comma-separated (default: ideal,naive,idle)",
    )
    vary.add_argument(
        "--tolerance",
        type=int,
        default=1,
        metavar="T",
        help="with --check: how far a figure may differ between forms (default: 1)",
    )
    vary.set_defaults(handler=run_vary)


def run_vary(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Write one form, or check K forms; 0 when done (and equivalent), 1 when not equivalent."""
    out = out or sys.stdout
    if (args.check is None) == (args.seed is None):
        raise UserError("give either --seed N --out DIR (one form) or --check K (compare K forms)")
    base = _base_scenario(args.scenario)
    variation, problems = check_variation(base.folder, base)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise UserError("\n".join(str(p) for p in errors))
    if variation is None:
        raise UserError(
            f"{base.folder / 'variation.toml'}: no such file — a form varies only what the author "
            "lists there (docs/authoring-exams.md shows one)"
        )
    if args.check is not None:
        return _check_forms(base, variation, args, out)
    return _one_form(base, variation, args, out)


def _base_scenario(path: Path) -> Scenario:
    scenario, problems = _check(path, None)
    if scenario is None:
        errors = [str(p) for p in problems if p.is_error]
        raise UserError("the base scenario has errors — fix them first:\n" + "\n".join(errors))
    return scenario


def _one_form(base: Scenario, variation: Any, args: argparse.Namespace, out: TextIO) -> int:
    from helpdesk_tui.scenario.variation import FormError, make_form

    if args.out is None:
        raise UserError("--seed needs --out DIR: the new folder to write the form into")
    if not SEED_RANGE[0] <= args.seed <= SEED_RANGE[1]:
        raise UserError(
            f"--seed {args.seed} is out of range — use a whole number from 0 to {SEED_RANGE[1]}"
        )
    try:
        form = make_form(base, variation, args.seed, args.out)
    except FormError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"{args.out}: cannot write the form ({exc.strerror or exc})") from None
    print(f"form {args.seed} of {base.id} written to {_shown(form.folder)}", file=out)
    for old, new in sorted(form.replacements.items()):
        print(f"  {old} -> {new}", file=out)
    for incident_id, minute in sorted(form.arrivals.items(), key=lambda kv: kv[1]):
        print(f"  {incident_id} arrives at minute {minute:g}", file=out)
    return 0


def _check_forms(base: Scenario, variation: Any, args: argparse.Namespace, out: TextIO) -> int:
    from helpdesk_tui.scenario.variation import FormError
    from helpdesk_tui.simulate.forms import check_forms
    from helpdesk_tui.simulate.policies import POLICIES

    if not 1 <= args.check <= 50:
        raise UserError(f"--check {args.check}: give a number of forms from 1 to 50")
    policies = [p.strip() for p in args.policies.split(",") if p.strip()]
    unknown = [p for p in policies if p not in POLICIES]
    if unknown or not policies:
        raise UserError(
            f"--policies: unknown {', '.join(unknown) or '(none given)'} — choose from {', '.join(POLICIES)}"
        )
    try:
        report = check_forms(base, variation, range(1, args.check + 1), policies, args.tolerance)
    except FormError as exc:
        raise UserError(str(exc)) from None
    _print_equivalence(report, out)
    return 0 if report.equivalent else 1


def _print_equivalence(report: Any, out: TextIO) -> None:
    seeds = ("base", *(str(s) for s in report.seeds))
    print(
        f"{report.scenario_id}: the base and {len(report.seeds)} forms, per scripted candidate",
        file=out,
    )
    print(
        f"  {'policy':<8}{'figure':<12}" + "".join(f"{s:>6}" for s in seeds) + "  spread", file=out
    )
    for policy in report.policies:
        column = report.column(policy)
        spreads = report.spreads(policy)
        for figure in ("breaches", "favourable"):
            values = "".join(f"{getattr(m, figure):>6}" for m in column)
            print(f"  {policy:<8}{figure:<12}{values}  {spreads[figure]:>6}", file=out)
        items = {k: v for k, v in spreads.items() if k not in ("breaches", "favourable") and v}
        shown = ", ".join(f"{k} {v}" for k, v in items.items()) or "none"
        print(f"  {policy:<8}{'items':<12}differ by competency: {shown}", file=out)
    verdict = "equivalent" if report.equivalent else "NOT equivalent"
    print(f"\n{verdict} within a tolerance of {report.tolerance} per figure", file=out)
    for policy in report.policies:
        differing = report.differing(policy)
        if differing:
            listed = ", ".join(f"{k} (spread {v})" for k, v in differing.items())
            print(f"  {policy}: {listed}", file=out)


# --- new --------------------------------------------------------------------------


def run_new(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Write a starter scenario folder DIR/NAME."""
    out = out or sys.stdout
    name = args.name
    if not SCENARIO_ID.fullmatch(name):
        suggestion = re.sub(r"[^a-z0-9-]+", "-", name.lower()).strip("-") or "my-scenario"
        raise UserError(
            f"'{name}' is not a valid scenario name — use lower-case letters, digits and '-', e.g. {suggestion}"
        )
    folder = args.dir / name
    try:
        written = write_starter(folder, name, args.lang)
    except FileExistsError:
        raise UserError(
            f"{folder} already exists and is not empty — choose another NAME or --dir"
        ) from None
    except OSError as exc:
        raise UserError(
            f"{folder}: cannot write the starter ({exc.strerror or exc}) — check the folder's permissions"
        ) from exc
    print(f"created {_shown(folder)}:", file=out)
    for path in written:
        print(f"  {_shown(path)}", file=out)
    print(f"next: edit it, then run `helpdesk-exam scenario validate {_shown(folder)}`", file=out)
    return 0
