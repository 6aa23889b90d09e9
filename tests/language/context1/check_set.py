"""Self-check of the context1 blind set's format: keys, act names, labelled operator turns,
unique ids, and the counts the task asks for. Pure JSON: it runs no code of the language layer.

    python tests/language/context1/check_set.py          # problems, then counts per act per language

Exit status 1 when a problem is found.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).parent
LANGS = ("nl", "fr", "en")
DOCS = HERE.parents[2] / "docs" / "language.md"


def documented_acts(docs: Path = DOCS) -> tuple[str, ...]:
    """The act names of the table under "## Dialogue acts" in docs/language.md: issue 12's vocabulary,
    read from the docs rather than from the layer (the set was written blind to the layer)."""
    text = docs.read_text(encoding="utf-8")
    section = text.split("\n## Dialogue acts\n", 1)[1].split("\n## ", 1)[0]
    return tuple(re.findall(r"^\| `(\w+)` \|", section, flags=re.MULTILINE))


ACTS = documented_acts()
MIN_CONVERSATIONS = 50
MIN_OPERATOR_TURNS = 320
MIN_NEGATED = 20
TURNS_PER_CONVERSATION = (5, 25)
CONVERSATION_KEYS = {"id", "persona", "channel", "turns"}
CHANNELS = {"chat", "call"}


def load(lang: str, folder: Path = HERE) -> list[dict]:
    """The conversations of one language, one JSON object per line."""
    lines = (folder / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def conversation_problems(conv: dict, lang: str) -> list[str]:
    """What is wrong with one conversation's format (an empty list when nothing is)."""
    cid = conv.get("id", "?")
    out = []
    if set(conv) != CONVERSATION_KEYS:
        out.append(f"{cid}: keys {sorted(conv)}")
    if not str(cid).startswith(f"{lang}-"):
        out.append(f"{cid}: id does not start with {lang}-")
    if conv.get("channel") not in CHANNELS:
        out.append(f"{cid}: channel {conv.get('channel')!r}")
    if not isinstance(conv.get("persona"), str) or not conv.get("persona"):
        out.append(f"{cid}: no persona")
    operators = 0
    for n, turn in enumerate(conv.get("turns", [])):
        where = f"{cid} turn {n}"
        if not isinstance(turn.get("text"), str) or not turn["text"].strip():
            out.append(f"{where}: empty text")
        if turn.get("by") == "customer":
            if set(turn) != {"by", "text"}:
                out.append(f"{where}: customer turn keys {sorted(turn)}")
        elif turn.get("by") == "operator":
            operators += 1
            if set(turn) != {"by", "text", "acts", "negated"}:
                out.append(f"{where}: operator turn keys {sorted(turn)}")
                continue
            acts = turn["acts"]
            if not isinstance(acts, list) or any(a not in ACTS for a in acts):
                out.append(f"{where}: acts {acts!r}")
            elif len(set(acts)) != len(acts):
                out.append(f"{where}: an act twice {acts!r}")
            if not isinstance(turn["negated"], bool):
                out.append(f"{where}: negated {turn['negated']!r}")
        else:
            out.append(f"{where}: by {turn.get('by')!r}")
    low, high = TURNS_PER_CONVERSATION
    if not low <= operators <= high:
        out.append(f"{cid}: {operators} operator turns, not {low}-{high}")
    return out


def set_problems(convs_by_lang: dict[str, list[dict]]) -> list[str]:
    """Format problems of the whole set, the ids' uniqueness and the minimum counts."""
    out = []
    seen: Counter[str] = Counter()
    for lang, convs in convs_by_lang.items():
        for conv in convs:
            out += conversation_problems(conv, lang)
            seen[conv.get("id", "?")] += 1
        operators = [t for c in convs for t in c.get("turns", []) if t.get("by") == "operator"]
        if len(convs) < MIN_CONVERSATIONS:
            out.append(f"{lang}: {len(convs)} conversations, fewer than {MIN_CONVERSATIONS}")
        if len(operators) < MIN_OPERATOR_TURNS:
            out.append(f"{lang}: {len(operators)} operator turns, fewer than {MIN_OPERATOR_TURNS}")
        negated = sum(1 for t in operators if t.get("negated") is True)
        if negated < MIN_NEGATED:
            out.append(f"{lang}: {negated} negated operator turns, fewer than {MIN_NEGATED}")
    out += [f"id {cid} used {n} times" for cid, n in seen.items() if n > 1]
    return out


def counts(convs: list[dict]) -> dict[str, int]:
    """Conversations, operator turns, negated turns, turns with no act, and each act."""
    operators = [t for c in convs for t in c["turns"] if t["by"] == "operator"]
    acts = Counter(a for t in operators for a in t["acts"])
    head = {
        "conversations": len(convs),
        "operator turns": len(operators),
        "negated": sum(t["negated"] for t in operators),
        "no act": sum(1 for t in operators if not t["acts"]),
    }
    return head | {act: acts[act] for act in ACTS}


def main() -> int:
    convs_by_lang = {lang: load(lang) for lang in LANGS}
    problems = set_problems(convs_by_lang)
    for problem in problems:
        print("PROBLEM", problem)
    table = {lang: counts(convs) for lang, convs in convs_by_lang.items()}
    print(f"{'':16}" + "".join(f"{lang:>6}" for lang in LANGS))
    for key in table[LANGS[0]]:
        print(f"{key:16}" + "".join(f"{table[lang][key]:>6}" for lang in LANGS))
    print("ok" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
