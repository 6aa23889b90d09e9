"""The `helpdesk-exam` command.

Each subcommand lives in its own module under `helpdesk_tui.commands` and
registers itself with `register(subparsers)`; this module only wires them
together, so adding a subcommand never touches another one.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import os
import sys
from collections.abc import Iterator, Sequence

from helpdesk_tui import __version__, i18n
from helpdesk_tui.commands.errors import UserError
from helpdesk_tui.i18n import _, argparse_text, fill
from helpdesk_tui.printable import printable

COMMAND_MODULES: tuple[str, ...] = (
    "practice",
    "exam",
    "resume",
    "keys",
    "verify",
    "scenario",
    "simulate",
    "report",
    "review",
    "reconcile",
    "observe",
    "class_report",
    "language",
    "witness",
    "sitting",
    "room",
)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with `only`, just that subcommand's module is imported (start-up)."""
    parser = argparse_text.Parser(
        prog="helpdesk-exam",
        description="A keyboard-first terminal exam environment for helpdesk operators.\n"
        "Without a subcommand it starts a practice exam on the bundled default scenario.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"helpdesk-exam {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for name in COMMAND_MODULES if only is None else (only,):
        try:
            module = importlib.import_module(f"helpdesk_tui.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"helpdesk_tui.commands.{name}":
                continue  # not built yet: --help lists only what exists
            raise
        module.register(subparsers)
    return parser


FREEZE_AT_EXIT = frozenset({"report", "class_report"})
"""Commands after which the program (`argv` None: not a call from a test) freezes what it
holds before it exits: the interpreter's last full garbage collection at exit otherwise
scans every object a long log's report made (the lemma and analysis caches, the
evidence) and frees nothing the exit would not, 0.1-0.5 s of a 100,000-record report.
Both only write their files (closed) and print; nothing of theirs waits for a collection."""

COLLECT_NOTHING = frozenset({"report"})
"""Commands the program runs with the cyclic garbage collector off from start to exit (and
then freezes, as `FREEZE_AT_EXIT`): one log's report keeps what it makes until it exits,
and turning the collector back on after the assessment made it walk every object of it at
once (a young collection of them all: 0.37 s of the padded 200,000-record log's report at
load 16, 21 objects freed; perf20). Not `class_report`: it reads log after log, and what
one log's report leaves in cycles must be freed before the next."""


@contextlib.contextmanager
def _collector_off(off: bool) -> Iterator[None]:
    """The collector off while the command runs (`COLLECT_NOTHING`), on again after it."""
    was_enabled = gc.isenabled()
    if off:
        gc.disable()
    try:
        yield
    finally:
        if off and was_enabled:
            gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (
        args_list[0].startswith("--") and args_list[0] not in ("--help", "--version")
    ):
        args_list = ["practice", *args_list]
    # A named subcommand needs only its own module: the others import what the
    # exam's start-up should not wait for (assessment, reports). Help needs all.
    module = args_list[0].replace("-", "_") if args_list else ""
    previous = i18n.current_language()
    try:
        return _parse_and_run(args_list, module, argv)
    finally:
        i18n.set_language(previous)


def _parse_and_run(args_list: list[str], module: str, argv: Sequence[str] | None) -> int:
    """Parse and run in the language the command line asks for (`--lang`, else the
    locale's): argparse's help and errors speak it too (bugs19), not only the verb."""
    argparse_text.install()
    i18n.set_language(argparse_text.preferred_language(args_list))
    parser = build_parser(module if module in COMMAND_MODULES else None)
    args = parser.parse_args(args_list)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        with _collector_off(argv is None and module in COLLECT_NOTHING):
            code = int(handler(args) or 0)
            if argv is None and module in FREEZE_AT_EXIT:
                gc.freeze()
        return code
    except UserError as exc:  # "helpdesk-exam : ..." in French, as argparse's own errors
        # printable: the message names files, and a file named "c ESC [ 2 J d.jsonl" cleared
        # the terminal of whoever ran `observe` or `report` on it (sec20; `verify` showed ␛)
        message = printable(str(exc))
        print(
            fill(_("{program}: {message}"), program="helpdesk-exam", message=message),
            file=sys.stderr,
        )
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except MemoryError:
        # A log or scenario this machine cannot hold (a 500 MB padded log under a memory
        # limit gave a traceback in qa-sitting8): say which files it was given.
        from helpdesk_tui.eventlog.records import MAX_LINE_BYTES, MAX_LOG_BYTES

        named = [a for a in args_list[1:] if not a.startswith("-") and os.path.exists(a)]
        files = printable(", ".join(named)) or "its input"
        print(
            f"helpdesk-exam {args_list[0]}: ran out of memory reading {files}. No session "
            f"log is that large (at most {MAX_LOG_BYTES >> 20} MiB, a line at most "
            f"{MAX_LINE_BYTES >> 20} MiB): check that it is the right file, or give the "
            "program more memory.",
            file=sys.stderr,
        )
        return 2
    except BrokenPipeError:
        # `helpdesk-exam verify LOG | head`: the reader left; say nothing more, no traceback.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    raise SystemExit(main())
