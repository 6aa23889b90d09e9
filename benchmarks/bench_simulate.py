"""Benchmark: `helpdesk-exam simulate` of a 5-hour scenario with 48 incidents.

    python benchmarks/bench_simulate.py [--incidents 48] [--dir DIR] [--keep]

Generates the scenario into a temporary folder (it is a load test, not a
practice scenario: the texts repeat), checks that it validates, then runs
`simulate` with each policy writing a signed log on the same disk, and prints
the wall time of each run with its events and SLA breaches. Target (issue 5):
**< 10 s** for the ideal run. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from helpdesk_tui import paths
from helpdesk_tui.eventlog.verifier import verify_log
from helpdesk_tui.scenario.loader import load_scenario, validate_scenario
from helpdesk_tui.simulate.runner import run_headless

DURATION_MINUTES = 300
TARGET_S = 10.0

HEADER = """\
format = 1
id = "bench-five-hours"
title = "Benchmark: five hours at a busy service desk"
language = "en"
duration_minutes = {duration}
sla_profile = "standard"

[[groups]]
id = "network"
name = "Network team"

[[groups]]
id = "apps"
name = "Application support"

[glossary]
"DNS" = "the network's address book"
"VPN" = "the secure connection to the office"
"cache" = "stored copies of web pages"

[[canned]]
id = "greeting"
title = "Greeting"
text = "Good morning, service desk, you're speaking with {{agent}}. How can I help you?"

[[canned]]
id = "identify"
title = "Name and department"
text = "Could I have your full name and your department, please?"

[[canned]]
id = "closing"
title = "Closing question"
text = "Is there anything else I can do for you?"

[[procedures]]
id = "contact"
name = "Customer contact"
steps = [
  {{ id = "greet", label = "Greet", patterns = ["good morning", "hello", "service desk"] }},
  {{ id = "identify", label = "Name and department", patterns = ["your name", "full name", "your department"] }},
  {{ id = "ticket", label = "Register a ticket", event = "ticket_created" }},
  {{ id = "kb", label = "Consult the KB", event = "kb_article_opened" }},
  {{ id = "closing", label = "Anything else", patterns = ["anything else"] }},
  {{ id = "resolve", label = "Resolve", event = ["ticket_resolved", "ticket_transferred"] }},
  {{ id = "close", label = "Close", event = "ticket_closed" }},
]

[[procedures]]
id = "written"
name = "Written tickets"
steps = [
  {{ id = "open", label = "Open", event = "ticket_opened" }},
  {{ id = "classify", label = "Classify", event = "ticket_updated" }},
  {{ id = "kb", label = "Consult the KB", event = "kb_article_opened" }},
  {{ id = "reply", label = "Reply", event = "ticket_reply_added" }},
  {{ id = "handle", label = "Resolve or transfer", event = ["ticket_resolved", "ticket_transferred"] }},
]

[[categories]]
id = "desk"
name = "Desk and hardware"
procedure = "contact"

[[categories]]
id = "written"
name = "Written requests"
procedure = "written"
"""

CUSTOMER = """
[[customers]]
id = "c{n}"
name = "Customer {n}"
persona = "A colleague from department {dept}."
department = "Dept {dept}"
technical_level = "{level}"
mood = "{mood}"
patience_minutes = {patience}
"""

ARTICLE = """---
id: kb-{n}
title: Problem number {n} with the {thing}
tags: {thing}, case{n}
language: en
---
# Problem number {n} with the {thing}

Check the {thing}, then apply fix {n}: restart the {thing} service and try again.
"""

THINGS = ("printer", "laptop", "monitor", "phone", "scanner", "mailbox", "badge", "headset")
LEVELS = ("novice", "intermediate", "expert")
MOODS = ("calm", "irritated", "calm", "angry")


def _s(text: str) -> str:
    return json.dumps(text)


def incident(n: int, at_minute: float) -> str:
    """One incident; the channel, transfer and options vary with its number."""
    thing = THINGS[n % len(THINGS)]
    channel = ("chat", "call", "email", "chat", "queue" if n % 10 == 4 else "email")[n % 5]
    if channel == "queue":
        at_minute = 0.0
    written = channel in ("email", "queue")
    transfer = n % 6 == 5
    impact, urgency = (("high", "medium"), ("medium", "high"), ("low", "medium"), ("low", "low"))[
        n % 4
    ]
    lines = [
        "[[incidents]]",
        f'id = "i{n}"',
        f'title = "Case {n}: the {thing} fails"',
        f'customer = "c{n % 12}"',
        f'channel = "{channel}"',
        f"at_minute = {at_minute:.2f}",
        'competencies = ["SIM-2", "DATA-1", "COM-2", "SOL-2", "SOL-7"]',
    ]
    if channel == "queue":
        lines.append("age_minutes = 0.5")
    if written:
        lines += [
            f"subject = {_s(f'My {thing} fails')}",
            f"body = {_s(f'Since this morning my {thing} fails with error {n}. Please help.')}",
        ]
    else:
        lines += [
            'fallback = "Sorry, I don\'t follow."',
            "[[incidents.messages]]",
            "after_seconds = 0",
            f"text = {_s(f'Hi, my {thing} stopped working this morning.')}",
            "[[incidents.messages]]",
            "after_seconds = 20",
            f"text = {_s(f'I need the {thing} for a meeting soon!')}",
            "[[incidents.facts]]",
            'id = "since"',
            'ask = ["since when", "when did"]',
            'answer = "Since nine, right after the update."',
            "key = true",
            "[[incidents.facts]]",
            'id = "error"',
            'ask = ["error message", "what does it say"]',
            f"answer = {_s(f'It says error {n} on the {thing}.')}",
            "key = true",
            "[[incidents.rules]]",
            'id = "fixed"',
            f'when = ["fix {n}"]',
            'reply = "That worked, thank you!"',
            'mood = "calmer"',
            "[incidents.follow_up]",
            "after_minutes = 2",
            'text = "Hello? Are you still there?"',
        ]
    lines += [
        "[incidents.answer]",
        f'category = "{"written" if written else "desk"}"',
        f'impact = "{impact}"',
        f'urgency = "{urgency}"',
        f'kb_article = "kb-{n}"',
        f"solution = {_s(f'Restart the {thing} service and apply fix {n}.')}",
        f'solution_keywords = ["fix {n}"]',
    ]
    if transfer:
        lines.append('transfer_group = "network"')
        lines += [
            "[incidents.second_line]",
            'group = "network"',
            "delay_minutes = 3",
            f"reply = {_s(f'Network team: fix {n} is applied, the user can try again.')}",
            "question = false",
        ]
    return "\n".join(lines) + "\n"


def write_scenario(folder: Path, incidents: int) -> Path:
    """A valid 5-hour scenario with `incidents` incidents, spread over the whole exam."""
    (folder / "kb").mkdir(parents=True)
    parts = [HEADER.format(duration=DURATION_MINUTES)]
    for n in range(12):
        parts.append(
            CUSTOMER.format(
                n=n, dept=n % 5, level=LEVELS[n % 3], mood=MOODS[n % 4], patience=2 + n % 3
            )
        )
    step = (DURATION_MINUTES - 20) / incidents
    for n in range(incidents):
        parts.append(incident(n, 2 + n * step))
        thing = THINGS[n % len(THINGS)]
        (folder / "kb" / f"kb-{n}.md").write_text(ARTICLE.format(n=n, thing=thing), "utf-8")
    (folder / "scenario.toml").write_text("\n".join(parts), "utf-8")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--incidents", type=int, default=48)
    parser.add_argument(
        "--dir", type=Path, help="where to put the scenario and logs (default: a temp folder)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="bench-simulate-", dir=args.dir))
    try:
        return _run(root, args.incidents)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
        else:
            print(f"kept: {root}")


def _run(root: Path, incidents: int) -> int:
    folder = write_scenario(root / "bench-five-hours", incidents)
    errors = [p for p in validate_scenario(folder, paths.sla_profiles_dir()) if p.is_error]
    if errors:
        print("the generated scenario does not validate:", *errors[:5], sep="\n  ")
        return 2
    scenario = load_scenario(folder)
    print(
        f"scenario: {len(scenario.incidents)} incidents, {scenario.duration_s / 3600:.0f} h, {folder}"
    )
    worst = 0.0
    for policy in ("ideal", "naive", "idle"):
        log = root / f"{policy}.jsonl"
        began = time.perf_counter()
        result = run_headless(scenario, policy, out=log)
        took = time.perf_counter() - began
        worst = max(worst, took) if policy == "ideal" else worst
        status = verify_log(log, None, folder).status
        print(
            f"  {policy:5}  {took:6.2f} s  {len(result.events):6d} events  "
            f"{len(result.tickets):3d} tickets  {len(result.breached_tickets):3d} breached  "
            f"log {log.stat().st_size / 1e6:.1f} MB, verify: {status}"
        )
    verdict = "met" if worst < TARGET_S else "MISSED"
    print(f"target: ideal run < {TARGET_S:.0f} s: {verdict} ({worst:.2f} s)")
    return 0 if worst < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
