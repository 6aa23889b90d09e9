"""`helpdesk-exam sitting new|add|status|close|rebuild|update|merge`: a sitting's register.

The register (`SITTING/sitting.json`) is a view of the sitting's folder: who
sits, on which scenario, which log, what state, the verdict files, the
outcome. It is kept up to date by the login, `exam`/`resume`,
`collect-logs.sh`, `reconcile` and `class-report`, and can always be made
again from the files with `rebuild`. See docs/deployment.md, "A sitting".
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from helpdesk_tui import i18n
from helpdesk_tui.commands.errors import UserError, message_of
from helpdesk_tui.i18n import N_, _
from helpdesk_tui.printable import printable_name
from helpdesk_tui.terminal_safe import SafeConsole

_DESCRIPTION = N_(
    """\
A sitting is one folder (exam.conf's logs_dir): one folder per candidate with
their logs, verdict files and decision, and the register sitting.json beside
them. NAME is a folder under --root (default $HELPDESK_EXAM_SITTINGS, else
/var/lib/helpdesk-exam/logs), or a path when it holds a slash (./logs/am).

  new NAME --scenario S [--pubkey FILE]   make the sitting and its register
  add NAME CANDIDATE...                   expected candidates (a folder each)
  status NAME [--json] [--refresh]        one row per candidate (as of the last update;
                                          --refresh derives them first, `room` is live)
  close NAME                              no more candidates; no-shows are absent
  rebuild NAME [--pubkey FILE]            make the register again from the files
  update NAME [CANDIDATE...]              derive these rows again (all without any)
  merge NAME SOURCE...                    bring in other servers' sitting folders

exit codes:
  0  done
  1  status: some candidate needs a look (broken or failed log, interrupted,
     another scenario than the sitting's, a log that names another candidate);
     merge: some file conflicted
  2  usage or input error"""
)

STATE_STYLES = {
    "waiting": "dim",
    "running": "green",
    "resumed": "green",
    "interrupted": "bold yellow",
    "broken": "bold red",
    "absent": "dim italic",
}

STATE_WORDS = {
    "waiting": N_("waiting"),
    "running": N_("running"),
    "resumed": N_("resumed"),
    "interrupted": N_("interrupted"),
    "handed-in": N_("handed in"),
    "time-up": N_("time up"),
    "stopped": N_("stopped"),
    "completed": N_("completed"),
    "ended": N_("ended"),
    "broken": N_("BROKEN"),
    "absent": N_("absent"),
}
"""The register's states in words (the room's words for the same states); the JSON keeps
the register's own."""
OUTCOME_WORDS = {"pass": N_("PASS"), "not_passed": N_("NOT PASSED")}
"""The reconciled outcome, as `reconcile` says it."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "sitting",
        help="a sitting's register: new, add, status, close, rebuild, update, merge",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    new = _verb(verbs, "new", N_("make a sitting and its register"))
    new.add_argument("--scenario", required=True, metavar="S", help="the scenario id or folder")
    new.add_argument("--pubkey", type=Path, metavar="FILE", help="the centre's public key")
    new.add_argument("--server", metavar="HOST", help="this server's name (default: hostname)")
    add = _verb(verbs, "add", N_("add the candidates expected"))
    add.add_argument("candidates", nargs="+", metavar="CANDIDATE")
    status = _verb(verbs, "status", N_("show the register: one row per candidate"))
    status.add_argument("--json", action="store_true", help="the rows as JSON, for scripts")
    status.add_argument(
        "--refresh",
        action="store_true",
        help="derive every row from the files first (as `update`; needs write access)",
    )
    _verb(verbs, "close", N_("close the sitting: no more candidates"))
    rebuild = _verb(verbs, "rebuild", N_("make the register again from the logs and verdicts"))
    rebuild.add_argument("--pubkey", type=Path, metavar="FILE", help="verify exam logs with it")
    update = _verb(verbs, "update", N_("derive candidates' rows again from their files"))
    update.add_argument("candidates", nargs="*", metavar="CANDIDATE")
    update.add_argument("--pubkey", type=Path, metavar="FILE", help="verify exam logs with it")
    merge = _verb(verbs, "merge", N_("merge other servers' sitting folders into this one"))
    merge.add_argument("sources", nargs="+", type=Path, metavar="SOURCE")
    parser.set_defaults(handler=run)


def _verb(verbs: Any, name: str, text: str) -> argparse.ArgumentParser:
    parser = verbs.add_parser(name, help=text, description=text)
    parser.add_argument("name", metavar="NAME", help="the sitting's name, or its folder")
    parser.add_argument("--root", type=Path, metavar="DIR", help="where named sittings live")
    parser.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        help="the output's language (default: from the locale, else en); --json is the same",
    )
    return parser


def run(args: argparse.Namespace) -> int:
    """Every verb speaks the proctor's language (`--lang`, else the locale; bugs16: only
    `status` did, the others English)."""
    from helpdesk_tui.sitting import RegisterError

    i18n.set_language(i18n.choose_language(getattr(args, "lang", None)))
    try:
        return _VERBS[args.verb](args)
    except RegisterError as exc:
        raise UserError(message_of(exc), 2) from None


def _sitting(args: argparse.Namespace, *, existing: bool = True) -> Any:
    from helpdesk_tui.sitting import Sitting, sitting_folder

    sitting = Sitting(sitting_folder(args.name, args.root))
    if existing and not sitting.exists():
        raise UserError(
            _(
                "there is no sitting register in {folder} (no sitting.json); make it with "
                "`helpdesk-exam sitting new {name} --scenario S`, or `sitting rebuild {name}` "
                "if the folder already holds the sitting's logs."
            ).format(folder=sitting.folder, name=args.name),
            2,
        )
    return sitting


def _new(args: argparse.Namespace) -> int:
    from helpdesk_tui.sitting import Sitting, sitting_folder

    folder = sitting_folder(args.name, args.root)
    sitting = Sitting.create(folder, args.scenario, pubkey=args.pubkey, server=args.server or "")
    print(
        _("sitting {name} made in {folder} (scenario {scenario})").format(
            name=sitting.name, folder=folder, scenario=args.scenario
        )
    )
    if not _known_scenario(args.scenario):
        print(
            _(
                "warning: '{scenario}' is neither a bundled scenario nor a folder here; every "
                "log of another scenario is flagged in `sitting status`, so check the name "
                "(`helpdesk-exam scenario list`)."
            ).format(scenario=args.scenario),
            file=sys.stderr,
        )
    return 0


def _known_scenario(name: str) -> bool:
    """A bundled id or an existing folder (bugs17: a typo in `--scenario` was taken without a
    word, and every candidate's log was later "not the sitting's"). Only a warning: the
    assessors' machine that merges the servers' folders need not hold a scenario folder."""
    from helpdesk_tui.commands.practice import bundled

    return Path(name).expanduser().is_dir() or any(
        name in (scenario_id, folder.name) for scenario_id, folder, _default in bundled()
    )


def _add(args: argparse.Namespace) -> int:
    sitting = _sitting(args)
    new = sitting.add(args.candidates)
    print(
        _("{added} added, {there} already there").format(
            added=len(new), there=len(args.candidates) - len(new)
        )
    )
    return 0


def _status(args: argparse.Namespace) -> int:
    sitting = _sitting(args)
    if args.refresh:
        sitting.refresh(all_rows=True)
    rows, document = sitting.rows(), sitting.document()
    notes = other_material(rows, str(document.get("scenario") or ""))
    if args.json:
        print(json.dumps({"sitting": document, "candidates": rows}, indent=1, sort_keys=True))
    else:
        show(document, rows, SafeConsole(), updated(sitting.file.path), notes)
    return 1 if notes or any(needs_look(row) for row in rows) else 0


def needs_look(row: dict[str, Any]) -> bool:
    """Broken, interrupted, failed, or a row with a problem: the one a readable log has is
    that it names another candidate (sec12: a copied or linked log passed with exit 0)."""
    return (
        row.get("state") in ("broken", "interrupted")
        or row.get("verified") == "FAILED"
        or bool(row.get("problem"))
    )


def planned_ids(plan: str) -> set[str]:
    """The scenario ids a sitting's plan stands for: the id it names, or the id in the
    folder it names (read bounded; a folder that cannot be read gives its name only)."""
    import tomllib

    from helpdesk_tui.scenario.files import read_bounded

    ids = {plan, Path(plan).name}
    try:
        text = read_bounded(Path(plan) / "scenario.toml", 2 << 20).decode("utf-8")
        found = tomllib.loads(text).get("id")
    except Exception:  # noqa: BLE001 - the plan is a hint: a folder it names may be gone
        found = None
    if isinstance(found, str):
        ids.add(found)
    return ids


def other_material(rows: list[dict[str, Any]], plan: str) -> list[str]:
    """A line for each candidate whose log is of another scenario than the sitting's plan
    (qa-sitting10: an exam.conf left from another sitting starts other material, and the
    register showed it nowhere). Each is a candidate who needs a look."""
    if not plan:
        return []
    ids = planned_ids(plan)
    notes = []
    for row in rows:
        sat = str(row.get("scenario") or "")
        if not sat or sat in ids or any(sat.startswith(f"{i}-form-") for i in ids):
            continue
        notes.append(
            _("{candidate}: sat {scenario}, not the sitting's {plan}").format(
                candidate=row.get("candidate", "?"), scenario=sat, plan=Path(plan).name
            )
        )
    return notes


def exam_clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


def assessed(row: dict[str, Any]) -> str:
    names = [
        a["name"] + ("" if a.get("complete") else "…")
        for a in row.get("assessors", [])
        if isinstance(a, dict)
    ]
    return ", ".join(names) or "-"


def updated(path: Path) -> str:
    """When the register last changed (UTC): a row is as its files were then, or since."""
    from datetime import UTC, datetime

    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC).strftime("%H:%M:%S UTC")
    except OSError:
        return "?"


LOG_COLUMN_MIN = 12
"""The fewest characters a line the log column needs beside the others to stay in the
table (qa-sitting8's 80-column table kept it at about 14, folded)."""


def _table(title: str, rows: list[dict[str, Any]], servers: list[str], *, with_log: bool) -> Table:
    """The register's table: one candidate a line; the log's column only `with_log`."""
    table = Table(
        title=title,
        title_justify="left",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    # "resumes": how often the session was resumed from its log (the column said "res")
    for column in (N_("candidate"), N_("state"), N_("time"), N_("resumes"), N_("verify")):
        table.add_column(_(column), no_wrap=True)
    # the assessors' names and the outcome's words wrap, a word a line if need be, rather
    # than cut the clock or the outcome (walk27); the header's one word stays whole
    table.add_column(_("assessors"), overflow="fold", min_width=cell_len(_("assessors")))
    table.add_column(_("outcome"), overflow="fold")
    if len(servers) > 1:  # a sitting merged from several servers
        table.add_column(_("server"), no_wrap=True)
    if with_log:
        # No minimum width: one pushed the table past an 80-column terminal, and Rich cut
        # every folded line of the log's name (qa-sitting8). Folded, it is all there.
        table.add_column(_("log"), overflow="fold")
    for row in rows:
        state = str(row.get("state", "?"))
        raw = str(row.get("outcome", ""))
        outcome = _(OUTCOME_WORDS[raw]) if raw in OUTCOME_WORDS else raw.upper() or "-"
        verified = str(row.get("verified") or "-")
        cells: list[Any] = [
            str(row.get("candidate", "?")),
            Text(
                _(STATE_WORDS[state]) if state in STATE_WORDS else state,
                style=STATE_STYLES.get(state, ""),
            ),
            exam_clock(float(row.get("exam_time", 0) or 0)) if row.get("log") else "-",
            str(row.get("resumes", 0)),
            Text(verified, style="red" if verified == "FAILED" else ""),
            assessed(row),
            Text(outcome, style="bold green" if raw == "pass" else ""),
        ]
        if len(servers) > 1:
            cells.append(str(row.get("server", "")))
        if with_log:
            cells.append(str(row.get("log") or "-"))
        # every cell a Text: Rich reads a str cell as markup, and the log's file name, the
        # assessors' names (their verdict files) and the servers are others' words; a log
        # named "[red]x[reverse]-y.jsonl" was listed as "x-y.jsonl" (sec20)
        table.add_row(*(Text(c) if isinstance(c, str) else c for c in cells))
    return table


def show(
    document: dict[str, Any],
    rows: list[dict[str, Any]],
    console: Console,
    as_of: str = "",
    notes: list[str] | None = None,
) -> None:
    """The register as a table: one candidate a line, the states coloured, a count per state,
    in the UI's language (`--lang`; bugs13: English only)."""
    title = _("sitting {name} · scenario {scenario}").format(
        name=document.get("name", "?"), scenario=document.get("scenario") or "-"
    )
    if as_of:
        title += " · " + _("last changed {time}").format(time=as_of)
    if document.get("closed"):
        title += " · " + _("closed {time}").format(time=document["closed"])
    servers = sorted({str(row.get("server", "")) for row in rows})
    table = _table(title, rows, servers, with_log=False)
    # The log column folds a long name into what is left; where the other columns leave it
    # almost nothing (80 columns, with assessors and an outcome: walk27 saw it vanish and
    # every other cell cut, "0:00:…", "NIET GESLAA…"), the logs go under the table instead.
    with_log = console.measure(table).maximum + LOG_COLUMN_MIN <= console.width
    if with_log:
        table = _table(title, rows, servers, with_log=True)
    console.print(table)
    if not with_log:
        for row in rows:
            if row.get("log"):
                console.print(
                    Text(f"{row.get('candidate', '?')}  {_('log')}: {row['log']}"),
                    overflow="fold",
                )
    counts: dict[str, int] = {}
    for row in rows:
        counts[str(row.get("state"))] = counts.get(str(row.get("state")), 0) + 1
    summary = ", ".join(
        f"{n} {_(STATE_WORDS[state]) if state in STATE_WORDS else state}"
        for state, n in sorted(counts.items())
    )
    console.print(
        _("{n} candidate(s): {summary}").format(n=len(rows), summary=summary or _("none yet")),
        markup=False,  # a state is the register's word (a file): not read as markup (sec20)
    )
    for row in rows:
        if row.get("problem"):
            console.print(Text(f"{row['candidate']}: {row['problem']}", style="yellow"))
    for note in notes or []:
        console.print(Text(note, style="yellow"))


def _close(args: argparse.Namespace) -> int:
    sitting = _sitting(args)
    rows = sitting.close()
    absent = sum(1 for row in rows if row["state"] == "absent")
    print(
        _("sitting {name} closed; {n} candidate(s) never started (absent)").format(
            name=sitting.name, n=absent
        )
    )
    return 0


def _rebuild(args: argparse.Namespace) -> int:
    sitting = _sitting(args, existing=False)
    if not sitting.folder.is_dir():
        raise UserError(
            _("{folder} is not a folder; give the sitting's folder.").format(folder=sitting.folder),
            2,
        )
    view = sitting.rebuild(sitting.public_key(args.pubkey))
    print(
        _("register {path} rebuilt: {n} candidate(s)").format(
            path=sitting.file.path, n=len(view["candidates"])
        )
    )
    return 0


def _update(args: argparse.Namespace) -> int:
    sitting = _sitting(args)
    key = sitting.public_key(args.pubkey)
    rows = sitting.refresh(args.candidates or None, key=key, all_rows=not args.candidates)
    for row in rows:  # tab-separated for scripts: the register's own words, in every language
        print(f"{row['candidate']}\t{row['state']}\t{row.get('verified') or '-'}")
    return 0


def _merge(args: argparse.Namespace) -> int:
    sitting = _sitting(args)
    report = sitting.merge(args.sources)
    print(
        _(
            "merged {folders} candidate folder(s) ({copied} file(s) copied), {witness} witness "
            "file(s) into {folder}"
        ).format(
            folders=len(report.candidates),
            copied=report.copied,
            witness=len(report.witness),
            folder=sitting.folder,
        )
    )
    for conflict in report.conflicts:  # names files another server's exam users wrote (sec23)
        print(_("conflict: {conflict}").format(conflict=printable_name(conflict)))
    return 1 if report.conflicts else 0


_VERBS = {
    "new": _new,
    "add": _add,
    "status": _status,
    "close": _close,
    "rebuild": _rebuild,
    "update": _update,
    "merge": _merge,
}
