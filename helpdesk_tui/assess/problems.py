"""Why a report cannot be trusted, kept as parts and worded in the report's language.

The pipeline used to compose its reasons as English sentences, so a Dutch or French
report made with `--unverified` carried English on every page (bugs9). Each reason is
now a catalogue key (`assess/texts.py`, "problem.*") with its data as values; the
report words it in its own language, and a refusal on the command line in English.

A fault the verifier names, and the reducer's reason for a record left out, are
`Phrase`s (their English, with template and values): the other languages word them
through the UI's catalogue (`i18n.say_in`; before bugs12 they said only the fault's
kind and pointed to `helpdesk-exam verify`).
"""

from __future__ import annotations

from typing import Any

from helpdesk_tui.assess.texts import tr
from helpdesk_tui.i18n import say_in

Part = dict[str, Any]
"""One reason: its catalogue key under "key", its data beside it."""


def unsealed(log: str, unsigned: int, torn_bytes: int | None) -> Part:
    return {"key": "problem.unsealed", "log": log, "unsigned": unsigned, "torn": torn_bytes}


def bad(log: str, line: int, seq: int | None, kind: str, message: str) -> Part:
    # "X does not verify: line 1: X has only a torn line" named the file twice (bugs9).
    detail = message.replace(f"{log} ", "it ", 1)
    return {"key": "problem.bad", "log": log, "line": line, "seq": seq, "kind": kind,
            "detail": detail, "message": message}  # fmt: skip


def left_out(n: int, seq: int, why: str, event_type: str = "") -> Part:
    """`why`: the reducer's reason (a `Phrase` where it has one), `event_type` the refused
    record's type, said before it."""
    return {"key": "problem.left_out", "n": n, "seq": seq, "why": why, "type": event_type}


def refused_records(log: str, n: int, seq: int, why: str, event_type: str = "") -> Part:
    """A log that verifies, with records the reducer refuses: signed, but not the exam's
    (`why` and `event_type` as in `left_out`)."""
    return {"key": "problem.refused_records", "log": log, "n": n, "seq": seq, "why": why,
            "type": event_type}  # fmt: skip


def no_scenario_file(folder: str, file: str) -> Part:
    return {"key": "problem.no_answer_key", "where": "problem.where.no_file", "folder": folder,
            "file": file}  # fmt: skip


def no_bundled_scenario(scenario_id: str, root: str) -> Part:
    return {"key": "problem.no_answer_key", "where": "problem.where.no_bundled", "id": scenario_id,
            "root": root}  # fmt: skip


def scenario_differs(folder: str, found: str, bound: str) -> Part:
    return {"key": "problem.scenario_differs", "folder": folder, "found": found[:16],
            "bound": bound[:16]}  # fmt: skip


def text(part: Part, lang: str) -> str:
    """One reason in `lang`."""
    key = part["key"]
    values = {k: v for k, v in part.items() if k != "key"}
    if key == "problem.unsealed":
        n = values.pop("unsigned")
        values["signed"] = (
            tr(lang, "problem.unsigned", n=n) if n else tr(lang, "problem.all_signed")
        )
        torn = values.pop("torn")
        values["torn"] = "" if torn is None else tr(lang, "problem.torn", bytes=torn)
    elif key == "problem.bad":
        values["fault"] = _fault(values, lang)
    elif key in ("problem.left_out", "problem.refused_records"):
        kind = values.pop("type", "")
        reason = str(values["why"]) if lang == "en" else say_in(lang, values["why"])
        values["why"] = f"{kind}: {reason}" if kind else reason
    elif key == "problem.no_answer_key":
        values["where"] = tr(lang, values["where"], **values)
    return tr(lang, key, **values)


def _fault(values: dict[str, Any], lang: str) -> str:
    message = values.get("message")
    if lang == "en" or message is None:
        return str(values["detail"])
    return say_in(lang, message)


def joined(parts: list[Part] | tuple[Part, ...], lang: str) -> str:
    return " ".join(text(part, lang) for part in parts)


def refusal(parts: list[Part] | tuple[Part, ...], lang: str) -> str:
    """Why a report is refused, and how to make it anyway."""
    return f"{joined(parts, lang)} {tr(lang, 'problem.add_unverified')}"
