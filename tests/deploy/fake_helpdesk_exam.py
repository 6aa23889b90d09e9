"""A stand-in `helpdesk-exam` for the deployment tests: records how it was called.

Copied next to each test's files with a `#!` line for the running Python. Every
call appends one JSON line to `calls.jsonl` beside the copy: argv, the
environment, the working folder, the user, which signals it starts with ignored,
and whether stdin/stdout are terminals.

`verify LOG ...` answers from the log's content, as the real one would by exit
code: a log containing SEALED is intact and sealed (0), TAMPERED fails (1),
anything else is intact but unsealed (3). `exam` and `resume` print a marker
and exit 0 (a call with --key also records whether the key can be read); with a file `hang` beside the copy they ignore SIGHUP and SIGTERM
and sleep instead (a process stuck on a dead terminal). `sitting ...` runs the real command.
"""

import json
import os
import signal
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def ignored_signals() -> list[str]:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("SigIgn:"):
                mask = int(line.split()[1], 16)
                return [signal.Signals(n).name for n in range(1, 32) if mask & (1 << (n - 1))]
    except (OSError, ValueError):
        pass
    return []


def main() -> int:
    args = sys.argv[1:]
    record = {
        "argv": args,
        "env": dict(os.environ),
        "cwd": os.getcwd(),
        "uid": os.getuid(),
        "ignored": ignored_signals(),
        "stdin_tty": os.isatty(0),
        "stdout_tty": os.isatty(1),
    }
    if "--key" in args:
        record["key_readable"] = os.access(args[args.index("--key") + 1], os.R_OK)
    with open(HERE / "calls.jsonl", "a", encoding="utf-8") as out:
        out.write(json.dumps(record) + "\n")
    if args[:1] == ["verify"]:
        text = Path(args[1]).read_text(encoding="utf-8", errors="replace")
        if "TAMPERED" in text:
            return 1
        return 0 if "SEALED" in text else 3
    if args[:1] == ["sitting"]:  # the register is the real thing: the wrapper's use of it is tested
        from helpdesk_tui.cli import main as real_main

        return real_main(args)
    if args[:1] == ["--version"]:
        print("helpdesk-exam 0.0-fake")
        return 0
    print(f"FAKE-{args[0].upper() if args else 'NOTHING'} uid={os.getuid()}", flush=True)
    if (HERE / "hang").exists():
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        (HERE / "hanging").write_text(str(os.getpid()))
        time.sleep(300)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
