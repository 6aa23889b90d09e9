"""Self-check of the context2 set's format: keys, act names, labelled operator turns, ids, counts.

Run: ``python tests/language/context2/check_set.py`` (exit status 1 on any problem).
Pure JSON: it reads the three files and nothing of the language layer.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location(
    "context1_check", HERE.parent / "context1" / "check_set.py"
)
_context1_check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_context1_check)
LANGS = ("nl", "fr", "en")
ACTS = _context1_check.documented_acts()
"""Issue 12's vocabulary as the docs' table names it (context1's check reads it so; this set was
written blind to the layer too)."""
MIN_CONVERSATIONS = 50
MIN_OPERATOR_TURNS = 320
MIN_NEGATED = 20
TURNS_PER_CONVERSATION = (5, 25)
PERSONAS_PER_LANG = 5
CONVERSATION_KEYS = {"id", "persona", "channel", "turns"}
CHANNELS = {"chat", "call"}


def load(lang: str) -> list[dict]:
    """The conversations of one language, one JSON object per line."""
    lines = (HERE / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def problems(lang: str, conversations: list[dict]) -> list[str]:
    """Every format problem of one language's file, as readable sentences."""
    out: list[str] = []
    ids = Counter(c.get("id") for c in conversations)
    out += [f"{lang}: id {i!r} used {n} times" for i, n in ids.items() if n > 1]
    for c in conversations:
        cid = c.get("id")
        if set(c) != CONVERSATION_KEYS:
            out.append(f"{cid}: keys {sorted(c)}")
            continue
        if not str(cid).startswith(f"{lang}-"):
            out.append(f"{cid}: id does not start with {lang}-")
        if c["channel"] not in CHANNELS:
            out.append(f"{cid}: channel {c['channel']!r}")
        if not isinstance(c["persona"], str) or not c["persona"].strip():
            out.append(f"{cid}: empty persona")
        n_ops = 0
        for k, t in enumerate(c["turns"]):
            where = f"{cid} turn {k}"
            if t.get("by") == "customer":
                if set(t) != {"by", "text"}:
                    out.append(f"{where}: customer turn keys {sorted(t)}")
            elif t.get("by") == "operator":
                n_ops += 1
                if set(t) != {"by", "text", "acts", "negated"}:
                    out.append(f"{where}: operator turn keys {sorted(t)}")
                    continue
                if not isinstance(t["acts"], list) or any(a not in ACTS for a in t["acts"]):
                    out.append(f"{where}: acts {t['acts']!r}")
                elif len(set(t["acts"])) != len(t["acts"]):
                    out.append(f"{where}: repeated act in {t['acts']!r}")
                if not isinstance(t["negated"], bool):
                    out.append(f"{where}: negated {t['negated']!r}")
            else:
                out.append(f"{where}: by {t.get('by')!r}")
            if not isinstance(t.get("text"), str) or not t.get("text", "").strip():
                out.append(f"{where}: empty text")
        lo, hi = TURNS_PER_CONVERSATION
        if not lo <= n_ops <= hi:
            out.append(f"{cid}: {n_ops} operator turns, not {lo}..{hi}")
    figures = counts(conversations)
    if figures["conversations"] < MIN_CONVERSATIONS:
        out.append(f"{lang}: {figures['conversations']} conversations < {MIN_CONVERSATIONS}")
    if figures["operator"] < MIN_OPERATOR_TURNS:
        out.append(f"{lang}: {figures['operator']} operator turns < {MIN_OPERATOR_TURNS}")
    if figures["negated"] < MIN_NEGATED:
        out.append(f"{lang}: {figures['negated']} negated < {MIN_NEGATED}")
    if figures["personas"] != PERSONAS_PER_LANG:
        out.append(f"{lang}: {figures['personas']} personas, not {PERSONAS_PER_LANG}")
    return out


def counts(conversations: list[dict]) -> dict:
    """Conversations, operator turns, negated turns, personas and turns per act."""
    ops = [t for c in conversations for t in c.get("turns", []) if t.get("by") == "operator"]
    acts = Counter(a for t in ops for a in t.get("acts", []))
    return {
        "conversations": len(conversations),
        "operator": len(ops),
        "customer": sum(
            1 for c in conversations for t in c.get("turns", []) if t.get("by") == "customer"
        ),
        "negated": sum(1 for t in ops if t.get("negated") is True),
        "no_act": sum(1 for t in ops if not t.get("acts")),
        "personas": len({c.get("persona") for c in conversations}),
        "channels": dict(Counter(c.get("channel") for c in conversations)),
        "acts": {a: acts[a] for a in ACTS},
    }


def main() -> int:
    bad: list[str] = []
    all_ids: Counter = Counter()
    for lang in LANGS:
        conversations = load(lang)
        all_ids.update(c.get("id") for c in conversations)
        bad += problems(lang, conversations)
        f = counts(conversations)
        print(
            f"{lang}: {f['conversations']} conversations, {f['operator']} operator turns, "
            f"{f['customer']} customer turns, {f['negated']} negated, {f['no_act']} with no act, "
            f"{f['personas']} personas, channels {f['channels']}"
        )
        print("    " + "  ".join(f"{a} {n}" for a, n in f["acts"].items()))
    bad += [f"id {i!r} in several files" for i, n in all_ids.items() if n > 1]
    for line in bad:
        print("PROBLEM", line)
    print("ok" if not bad else f"{len(bad)} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
