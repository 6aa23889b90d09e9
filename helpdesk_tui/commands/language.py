"""`helpdesk-exam language probe`: how the exam reads a wording, for authors and assessors.

    helpdesk-exam language probe [--lang nl|fr|en] [TEXT] [--json]
                                 [--scenario DIR --incident ID]

It prints what the language layer (docs/language.md) reads in a message: its
dialogue acts and the rule and words behind each, the words with their
lemmas, and what is negated. With a scenario and an incident it also shows
what that incident's customer would do with the message as its first one
(the facts they reveal, the dialogue rule that fires, their reply) and which
solution option, if any, the message gives, negation applied: the same code
the exam and the assessment run. Without TEXT it reads one message a line
from standard input; `--json` prints one JSON object a line.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from helpdesk_tui.commands.errors import UserError
from helpdesk_tui.i18n import N_, choose_language, gettext_in
from helpdesk_tui.i18n.elision import fill as fill_in

NOTHING_TO_PROBE = N_(
    "nothing probed: no message in {where} (blank lines are skipped). Give the message "
    'as TEXT (helpdesk-exam language probe "...") or one message a line on standard input.'
)
"""Said when there is nothing to read, not silence and exit 0 (bugs18): an author who pipes an
empty file must not take it for a list read and found empty."""
FROM_STDIN = N_("standard input")
AS_TEXT = N_("TEXT")
READING_A_TERMINAL = N_(
    "Reading messages from standard input, one a line; end with Ctrl+D (or give TEXT)."
)

MAX_LINES = 10_000
"""Lines read from standard input at most, blank ones too: a corpus of wordings to check,
not a stream without end. 100,000 lines took 55 s at load 20 (sec13); 10,000 take about
5 s (0.5 ms a message). A larger corpus is probed in parts."""
MAX_LINE_CHARS = 4000
"""... and characters of each (the layer reads no more of a message either)."""
MAX_LINE_BYTES = MAX_LINE_CHARS * 4
"""Bytes of a line read at once (UTF-8 takes at most 4 a character); the rest of a longer
line is read in pieces of this size and dropped, so memory stays bounded."""
MAX_INPUT_BYTES = 8 * 1024 * 1024
"""Bytes of standard input read at most (a 1 GB line would otherwise be read to its end)."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "language",
        help="check how the exam reads a message (language probe)",
        description="Tools for the language layer that reads the candidate's messages "
        "(see docs/language.md).",
    )
    parser.set_defaults(handler=lambda _args: _print_help(parser))
    sub = parser.add_subparsers(dest="language_command", metavar="ACTION", title="actions")
    probe = sub.add_parser(
        "probe",
        help="show the acts, lemmas, negations and rules the exam reads in a message",
        description="Show how the exam reads a message: dialogue acts with the rule and words "
        "behind each, lemmas, negated phrases; with --scenario and --incident also the facts "
        "the customer would reveal, the dialogue rule that fires, and the solution option the "
        "message gives. Without TEXT, reads one message a line from standard input.",
    )
    probe.add_argument("text", nargs="?", metavar="TEXT", help="the message (default: stdin)")
    probe.add_argument(
        "--lang",
        choices=("nl", "fr", "en"),
        help="the message's language (default: the scenario's, else en); also the language "
        "of the probe's own notices (default: the locale's, else en)",
    )
    probe.add_argument("--json", action="store_true", help="one JSON object per message")
    probe.add_argument(
        "--scenario", metavar="DIR", help="a scenario folder or bundled id, to try an incident"
    )
    probe.add_argument("--incident", metavar="ID", help="the incident of --scenario to try")
    probe.set_defaults(handler=run_probe)
    cache = sub.add_parser(
        "cache",
        help="build the packed lemma tables into a folder every exam reads (exam servers)",
        description="Build the packed lemma tables (docs/language.md) for each language into "
        "DIR, readable by everyone, so that exam processes read them (shared, about 10 ms) "
        "instead of each building its own (0.5-1 s of CPU and 5-9 MB of memory a session). "
        "install-exam-server.sh runs it; the login wrapper points exams at the folder "
        "(exam.conf: cache_dir).",
    )
    cache.add_argument("dir", metavar="DIR", type=Path, help="the folder (made if missing)")
    cache.add_argument(
        "--lang", choices=("nl", "fr", "en"), action="append", help="only this language (repeat)"
    )
    cache.set_defaults(handler=run_cache)


def run_cache(args: argparse.Namespace) -> int:
    """Build the tables into `args.dir` (this process's cache folder is set to it)."""
    import os
    from functools import partial

    from helpdesk_tui.language import compiled, lemmas

    folder: Path = args.dir
    try:
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o755)  # the exam user reads it; only its owner writes
    except OSError as exc:
        raise UserError(f"{folder} cannot be made or opened ({exc.strerror}).") from None
    os.environ[compiled.ENV] = str(folder)  # this process's cache folder: DIR
    for lang in args.lang or ("en", "nl", "fr"):
        _, how = compiled.cached_tables(lang, partial(lemmas._pack, lang))
        files = sorted(folder.glob(f"lemmas-{lang}-*.bin"), key=lambda f: f.stat().st_mtime)
        if not files:
            raise UserError(f"the {lang} lemma tables could not be written to {folder} (is it "
                            "writable, is simplemma installed?).")  # fmt: skip
        print(f"{lang}: {files[-1]} ({how})")
    return 0


def _print_help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def run_probe(args: argparse.Namespace) -> int:
    from helpdesk_tui.commands.probe_view import Probe
    from helpdesk_tui.printable import escaped_unseen
    from helpdesk_tui.terminal_safe import printable

    if (args.scenario is None) != (args.incident is None):
        raise UserError("--scenario and --incident go together: name the scenario folder (or "
                        "bundled id) and one of its incident ids.")  # fmt: skip
    scenario, incident = _incident(args.scenario, args.incident)
    lang = args.lang or (scenario.language if scenario is not None else "en")
    if lang not in ("nl", "fr", "en"):
        raise UserError(f"the scenario's language is {lang!r}; probe reads nl, fr and en. "
                        "Give --lang.")  # fmt: skip
    probe = Probe(lang, scenario, incident)
    texts = _messages(args.text, sys.stdin, choose_language(args.lang))
    for text in texts:
        result = probe.read(text[:MAX_LINE_CHARS])
        if args.json:
            print(escaped_unseen(json.dumps(result.to_dict(), ensure_ascii=False)))
        else:
            print(printable("\n".join(result.lines())))
            print()
    return 0


def _messages(text: str | None, stream: TextIO, ui: str) -> list[str]:
    """The messages to probe: TEXT, else standard input's lines; none is an error said in the
    user's language `ui` (`--lang`, else the locale, as every verb), naming what held none."""
    if text is None and stream.isatty():
        print(gettext_in(ui, READING_A_TERMINAL), file=sys.stderr)
    texts = [text] if text is not None else _stdin_lines(stream)
    texts = [t for t in texts if t.strip()]
    if not texts:
        where = gettext_in(ui, FROM_STDIN if text is None else AS_TEXT)
        raise UserError(fill_in(gettext_in(ui, NOTHING_TO_PROBE), {"where": where}, ui))
    return texts


def _stdin_lines(stream: TextIO) -> list[str]:
    """Non-empty lines of standard input, bounded in lines, in bytes and per line (its first
    `MAX_LINE_CHARS` characters); undecodable bytes replaced, never fatal. Past a bound, one
    paragraph and nothing probed."""
    raw = getattr(stream, "buffer", None)
    read = raw.readline if raw is not None else stream.readline
    lines: list[str] = []
    count = size = 0
    try:
        while chunk := read(MAX_LINE_BYTES):
            count += 1
            size += len(chunk)
            whole = chunk
            while not _ends_line(chunk) and len(chunk) >= MAX_LINE_BYTES:
                chunk = read(MAX_LINE_BYTES)  # the rest of a long line: read and dropped
                size += len(chunk)
                if size > MAX_INPUT_BYTES:
                    break
            if count > MAX_LINES or size > MAX_INPUT_BYTES:
                raise UserError(
                    f"standard input holds more than {MAX_LINES:,} lines or "
                    f"{MAX_INPUT_BYTES // (1024 * 1024)} MB; the probe reads no more "
                    "(about 0.5 ms a line: 100,000 lines took a minute). Probe the corpus "
                    "in parts, e.g. with `split -l 10000`."
                )
            text = whole.decode("utf-8", "replace") if isinstance(whole, bytes) else whole
            text = text.rstrip("\r\n")
            if text.strip():
                lines.append(text[:MAX_LINE_CHARS])
        return lines
    except OSError as exc:
        raise UserError(f"standard input cannot be read ({exc.strerror}).") from None


def _ends_line(chunk: str | bytes) -> bool:
    return chunk.endswith(b"\n" if isinstance(chunk, bytes) else "\n")


def _incident(scenario_arg: str | None, incident_id: str | None) -> tuple[Any, Any]:
    if scenario_arg is None:
        return None, None
    from helpdesk_tui.commands.practice import find_scenario, load

    scenario = load(find_scenario(str(Path(scenario_arg))))
    ids = [i.id for i in scenario.incidents]
    if incident_id not in ids:
        raise UserError(f"{scenario.folder / 'scenario.toml'} has no incident {incident_id!r}; "
                        f"its incidents are: {', '.join(ids) or '-'}.")  # fmt: skip
    return scenario, scenario.incident(incident_id)
