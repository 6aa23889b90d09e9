"""Turn the labeller's draft (act codes per message number) into the set's lines.

The draft is one line a message, ``<number> <codes> [# note]``, numbered as
``build.py`` prints the messages (1-based); the codes are the act codes below and
``NG`` for a negated instruction (``-`` or nothing else: no act). This script knows
only those codes: it writes ``{lang}.jsonl`` (text, acts, negated, note) and
``slots.tsv`` (line, language, the phrases a line stands for), and stops on a
number out of order or an unknown code.

    python tests/language/exam1/convert.py DRAFT_DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from build import LANGUAGES, messages  # noqa: E402

CODES = {
    "gr": "greeting",
    "of": "offer_help",
    "id": "identify",
    "qu": "question",
    "re": "restate",
    "em": "empathy",
    "ap": "apology",
    "pr": "progress",
    "in": "instruction",
    "ch": "check",
    "cl": "closing",
    "ho": "hold",
}
ORDER = list(CODES.values())


def parse(line: str, expected: int) -> tuple[list[str], bool, str]:
    body, _, note = line.partition("#")
    number, *codes = body.split()
    if int(number) != expected:
        raise SystemExit(f"draft line {expected}: numbered {number}")
    unknown = [code for code in codes if code not in CODES and code not in ("NG", "-")]
    if unknown:
        raise SystemExit(f"draft line {expected}: unknown codes {unknown}")
    acts = sorted({CODES[code] for code in codes if code in CODES}, key=ORDER.index)
    return acts, "NG" in codes, note.strip()


def main(draft_dir: Path) -> int:
    slots = ["line\tlang\tphrases"]
    for lang in LANGUAGES:
        texts = messages(lang)
        draft = (draft_dir / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
        if len(draft) != len(texts):
            raise SystemExit(f"{lang}: {len(draft)} draft lines for {len(texts)} messages")
        lines = []
        for number, ((where, text), line) in enumerate(zip(texts, draft, strict=True), 1):
            acts, negated, note = parse(line, number)
            record = {"text": text, "acts": acts, "negated": negated}
            if note:
                record["note"] = note
            lines.append(json.dumps(record, ensure_ascii=False))
            slots.append(f"{number}\t{lang}\t{where}")
        (HERE / f"{lang}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (HERE / "slots.tsv").write_text("\n".join(slots) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
