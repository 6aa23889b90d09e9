"""`helpdesk-exam scenario validate|list|new`: for scenario authors and instructors.

`validate` prints every problem of every scenario given, grouped per file,
and exits 2 when any is an error, so it fits in a CI job; `list` shows the
bundled scenarios; `new` writes a starter scenario that passes `validate`.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Any, TextIO

from helpdesk_tui import paths
from helpdesk_tui.commands.errors import UserError
from helpdesk_tui.scenario.errors import Problem
from helpdesk_tui.scenario.loader import SCENARIO_ID, check_scenario, scenario_paths
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.scenario.starter import LANGUAGES, write_starter


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
        "paths", nargs="+", type=Path, metavar="PATH", help="a scenario folder or its scenario.toml"
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
        description="List the bundled scenarios; * marks the default.",
    )
    listing.set_defaults(handler=run_list)

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
    out = out or sys.stdout
    errors = warnings = 0
    seen_ids: dict[str, Path] = {}
    for path in args.paths:
        scenario, problems = _check(path, args.sla_profiles)
        problems += _duplicate_id(scenario, seen_ids)
        errors += sum(p.is_error for p in problems)
        warnings += sum(not p.is_error for p in problems)
        _print_problems(path, scenario, problems, out)
    count = len(args.paths)
    checked = f"{count} scenario{'s' if count != 1 else ''} checked"
    print(f"\n{checked}: {_plural(errors, 'error')}, {_plural(warnings, 'warning')}.", file=out)
    return 2 if errors else 0


def _check(path: Path, sla_profiles: Path | None) -> tuple[Scenario | None, list[Problem]]:
    """check_scenario, with a last guard: a bug in a checker is reported, not a traceback."""
    try:
        scenario, problems = check_scenario(path, sla_profiles)
        return scenario, problems + _wording(scenario)
    except Exception as exc:  # noqa: BLE001 - the promise is "never a traceback"
        message = f"internal error while checking ({type(exc).__name__}: {exc}) — please report this with the file"
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
        message = f"duplicate scenario id '{scenario.id}' — {seen[scenario.id]} uses it too; each scenario needs its own id"
        return [Problem(scenario.scenario_file, "id", None, message)]
    seen[scenario.id] = scenario.scenario_file
    return []


def _print_problems(
    path: Path, scenario: Scenario | None, problems: list[Problem], out: TextIO
) -> None:
    if not problems:
        print(
            f"{_shown(scenario_paths(path)[0])}: OK ({scenario.id if scenario else ''})", file=out
        )
        return
    current: Path | None = None
    for problem in problems:
        if problem.file != current:
            current = problem.file
            print(_shown(current), file=out)
        where = problem.where()
        where = f"{where}: " if where else ""
        print(f"  {problem.severity}: {where}{problem.message}", file=out)


def _shown(path: Path) -> str:
    """A path relative to the current folder when it is inside it, else as given."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


# --- list -------------------------------------------------------------------------


def run_list(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """One line per bundled scenario: id, language, duration, incidents, title."""
    out = out or sys.stdout
    folder = paths.scenarios_dir()
    try:
        candidates = sorted(p for p in folder.iterdir() if (p / "scenario.toml").is_file())
    except OSError as exc:
        raise UserError(
            f"{folder}: cannot list the bundled scenarios ({exc.strerror or exc}) — is helpdesk-exam installed completely?"
        ) from exc
    if not candidates:
        print(f"no scenarios in {folder}", file=out)
        return 0
    header = ("  id", "lang", "minutes", "incidents", "title")
    rows = [header, *(_row(p) for p in candidates)]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        cells = [c.ljust(w) for c, w in zip(row[:4], widths, strict=True)]
        print("  ".join([*cells, row[4]]).rstrip(), file=out)
    print("\n* the default: what `helpdesk-exam` starts", file=out)
    return 0


def _row(folder: Path) -> tuple[str, str, str, str, str]:
    try:
        scenario, problems = check_scenario(folder)
    except Exception:  # noqa: BLE001 - one broken scenario must not hide the others
        scenario, problems = None, []
    if scenario is None:
        errors = sum(p.is_error for p in problems)
        note = f"(invalid: {_plural(errors, 'error')} — run `helpdesk-exam scenario validate {_shown(folder)}`)"
        return f"  {folder.name}", "?", "?", "?", note
    mark = "*" if scenario.default else " "
    return (
        f"{mark} {scenario.id}",
        scenario.language,
        f"{scenario.duration_s / 60:g}",
        str(len(scenario.incidents)),
        scenario.title,
    )


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
