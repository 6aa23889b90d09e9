"""`helpdesk-exam simulate SCENARIO --policy NAME`: a whole exam, headless, in seconds.

NAME is one of ideal, naive, idle, worded (the ideal's actions in words of
its own), worded-b, worded-c, worded-d, worded-e, worded-f, worded-g, worded-h, worded-i,
worded-j, worded-k, worded-l, worded-m, worded-n, worded-o and worded-p (the same with a second,
a third, a fourth, a fifth, a sixth, a seventh, an eighth, a ninth, a tenth, an eleventh, a
twelfth, a thirteenth, a fourteenth, a fifteenth and a sixteenth phrase bank; worded-n's operator
follows a company script, worded-o's operators write in a second language, worded-p's write plain
language), or a gaming candidate (shotgun, macro, parrot, ..., dispatcher, composite)
used to test that the evidence rules cannot be harvested.

For scenario authors it answers "can this be solved?": the ideal policy
must breach no SLA. For everyone building on logs (reports, reviews) it
makes realistic signed logs on demand. The run uses a virtual clock, so a
5-hour scenario takes seconds; the log is a practice log, signed with a key
made for this run unless an exam-centre key is given.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from helpdesk_tui.commands.errors import UserError

POLICY_NAMES = (
    "ideal", "naive", "idle", "worded", "worded-b", "worded-c", "worded-d", "worded-e",
    "worded-f", "worded-g", "worded-h", "worded-i", "worded-j", "worded-k", "worded-l", "worded-m",
    "worded-n", "worded-o", "worded-p", "shotgun", "macro", "parrot", "savvy", "lawyer", "forger",
    "mimic", "ghost", "tailor", "clerk", "usher", "broker", "courier", "envoy", "herald",
    "prompter", "dispatcher", "composite",
)  # fmt: skip
"""`simulate.policies.POLICIES`, named here so `--help` does not load the simulation."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "simulate",
        help="run a scenario headless with a scripted candidate",
        description="Run a whole scenario on a virtual clock with a scripted candidate and print "
        "a summary; with --out, write a signed, sealed log. ideal follows the answer key and "
        "breaches no SLA, naive works first come first served with jargon and no questions, "
        "idle does nothing; worded does what ideal does in words of its own (worded-b to "
        "worded-p: with a second to a sixteenth phrase bank by other writers); shotgun, macro and "
        "parrot try to harvest evidence without doing the job (to test the evidence rules); "
        "savvy, lawyer, forger, mimic, ghost, tailor, clerk, usher, broker, courier, envoy, "
        "herald, prompter and dispatcher do so from the published rules alone, and composite "
        "with all their tricks at once.",
    )
    parser.add_argument(
        "scenario", metavar="SCENARIO", help="a scenario folder, or the id of a bundled scenario"
    )
    parser.add_argument(
        "--policy",
        choices=POLICY_NAMES,
        default="ideal",
        help="the scripted candidate (default: ideal)",
    )
    parser.add_argument(
        "--out", type=Path, metavar="LOG", help="write the signed log to this new file"
    )
    parser.add_argument(
        "--key",
        type=Path,
        metavar="K",
        help="exam-centre private key to sign with (default: a key made for this run)",
    )
    parser.add_argument(
        "--lang",
        choices=("en", "nl", "fr"),
        help="the language of the summary (default: the locale's, else English)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=0,
        metavar="N",
        help="seed for the naive candidate's pace (default: 0)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from helpdesk_tui.commands.practice import find_scenario, load
    from helpdesk_tui.eventlog.errors import LogError

    scenario = load(find_scenario(args.scenario))
    signer = _signer(args.key) if args.key is not None else None
    if args.out is not None and args.out.exists():
        raise UserError(
            f"{args.out} already exists; a log is never overwritten. Choose a new file for --out."
        )
    from helpdesk_tui.simulate.runner import run_headless

    try:
        result = run_headless(scenario, args.policy, out=args.out, signer=signer, seed=args.seed)
    except LogError as exc:
        raise UserError(str(exc)) from None
    from helpdesk_tui import i18n

    previous = i18n.current_language()
    i18n.set_language(i18n.choose_language(getattr(args, "lang", None)))
    try:
        print("\n".join(summary_lines(result)))
    finally:
        i18n.set_language(previous)
    return 0


def _signer(path: Path) -> Any:
    from helpdesk_tui.eventlog.errors import LogError
    from helpdesk_tui.eventlog.keys import load_private_key

    try:
        return load_private_key(path)
    except LogError as exc:
        raise UserError(str(exc)) from None


def _decimal(value: float, language: str) -> str:
    """Seconds as the language writes them: 0.83 in English, 0,83 in Dutch and French."""
    text = f"{value:.2f}"
    return text if language == "en" else text.replace(".", ",")


def summary_lines(result: Any) -> list[str]:
    """A short summary: events, tickets with their SLA breaches, time taken, the log; in the
    current UI language (`--lang`; the policy's name, ids and the seal's reason as logged)."""
    from helpdesk_tui.i18n import _, current_language, ngettext
    from helpdesk_tui.ui.format import status_label, target_label

    tickets = sorted(result.tickets, key=lambda t: t.ticket_id)
    breached = [t for t in tickets if t.breaches]
    events = ngettext("{n} event", "{n} events", len(result.events)).format(n=len(result.events))
    lines = [
        _("{scenario} with the {policy} policy (seed {seed}): {events} in {seconds} s").format(
            scenario=result.scenario_id, policy=result.policy, seed=result.seed, events=events,
            seconds=_decimal(result.seconds, current_language()),
        ),
        _("Tickets: {count}, with an SLA breach: {breached}").format(
            count=len(tickets), breached=len(breached)
        ),
    ]  # fmt: skip
    for t in tickets:
        breaches = ", ".join(map(target_label, t.breaches)) if t.breaches else _("no breach")
        status = status_label(t.status)
        lines.append(
            f"  {t.ticket_id}  {t.priority or '--':3}  {status:<20} {breaches}  ({t.incident_id or '-'})"
        )
    flags = result.flags
    if flags:
        lines.append(_("Evidence flags: {flags}").format(
            flags=", ".join(f"{c} {n}" for c, n in sorted(flags.items()))
        ))  # fmt: skip
    lines += _moods(result.state)
    if result.refused:
        lines.append(_("Refused actions: {count}").format(count=result.refused))
    lines += [_("Note: {note}").format(note=note) for note in result.notes]
    if result.log_path is not None:
        lines.append(_("Log: {path} (sealed: time-up)").format(path=result.log_path))
    return lines


def _moods(state: Any) -> Iterable[str]:
    from helpdesk_tui.i18n import _
    from helpdesk_tui.ui.format import mood_label

    changed = [c for c in state.customers.values() if c.mood_history]
    if changed:
        moods = ", ".join(f"{c.id} {mood_label(c.mood)}" for c in changed)
        yield _("Moods at the end: {moods}").format(moods=moods)
