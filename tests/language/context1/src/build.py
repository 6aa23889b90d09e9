"""Turn the hand-written .txt sources (labels written inline, turn by turn) into JSONL.

Format: '# <persona key> <chat|call>' starts a conversation; 'C: text' is a customer turn;
'O acts | text' an operator turn (acts comma-separated, '-' for none; 'O!' = negated true).
This only transcribes; it assigns no label.
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent


def convert(lang: str) -> None:
    personas = {}
    convs = []
    for raw in (HERE / f"{lang}.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("@"):
            key, desc = line[1:].split(" ", 1)
            personas[key] = desc.strip()
        elif line.startswith("#"):
            key, channel = line[1:].split()
            convs.append(
                {
                    "id": f"{lang}-{len(convs) + 1:03d}",
                    "persona": personas[key],
                    "channel": channel,
                    "turns": [],
                }
            )
        elif line.startswith("C:"):
            convs[-1]["turns"].append({"by": "customer", "text": line[2:].strip()})
        elif line.startswith("O"):
            head, text = line.split("|", 1)
            neg = head.startswith("O!")
            acts = head[2 if neg else 1 :].strip()
            acts = [] if acts == "-" else [a.strip() for a in acts.split(",")]
            convs[-1]["turns"].append(
                {"by": "operator", "text": text.strip(), "acts": acts, "negated": neg}
            )
        else:
            sys.exit(f"{lang}: bad line {raw!r}")
    out = HERE.parent / f"{lang}.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for c in convs:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    ops = sum(1 for c in convs for t in c["turns"] if t["by"] == "operator")
    print(lang, len(convs), "conversations", ops, "operator turns")


if __name__ == "__main__":
    for lang in sys.argv[1:] or ["nl", "fr", "en"]:
        if (HERE / f"{lang}.txt").exists():
            convert(lang)
