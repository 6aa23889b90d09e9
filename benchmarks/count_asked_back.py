"""Count how the labelled sets label a statement asked back (branch l-model26, layer 2.21).

    python benchmarks/count_asked_back.py [--show LANG/FORM/LABEL [N]]

A message counts when its last sentence ends in "?", is in statement order (it does not open
with a question word or an inverted auxiliary, after a restatement's opener such as "so", "dus",
"donc", "if I understood") and is said in the second person or closes on a tag ("correct",
"klopt dat", "n'est-ce pas"...). The patterns are read from the text alone, not from the
layer, so the count says how the writers label the form, not what the layer reads. Prints the
count per language, form (`tag` or `bare`) and label (`restate`, `question`, `both`, other),
and per set; docs/language.md "Restatements asked back" quotes it. Heuristic: forms, not
hand-checked messages.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "tests" / "language"
SETS = ("corpus", "dev2", "heldout", *(f"heldout{i}" for i in range(2, 25)), "secondlang")
ASKING = {
    "en": r"(what|when|where|why|how|which|who|whom|whose|do|does|did|can|could|is|are|was|were|"
    r"have|has|had|will|would|may|might|shall|should|am|any|anything|anyone|ok|okay|and|or)\b",
    "nl": r"(wat|wanneer|waar|waarom|hoe|welk|welke|wie|hoeveel|kan|kunt|kun|heeft|hebt|heb|is|"
    r"bent|ben|zijn|was|waren|werkt|ziet|zie|krijgt|gebruikt|weet|wil|wilt|moet|mag|zou|zoudt|"
    r"doet|staat|gaat|lukt|komt|verschijnt|hoort|vindt|krijg|mogen|kunnen|hadden|had|ok|oké|en|"
    r"of|nog)\b",
    "fr": r"(qu|que|quoi|quand|où|ou|comment|pourquoi|quel|quelle|quels|quelles|qui|combien|"
    r"est-ce|pouvez|avez|êtes|voulez|savez|est|y a|ok|d'accord|et|auriez|pourriez)\b",
}
SECOND = {
    "en": r"\b(you|your)\b",
    "nl": r"\b(u|uw|je|jouw|jij|jullie)\b",
    "fr": r"\b(vous|votre|vos|tu|ton|ta|tes)\b",
}
SUBJECT = {
    "en": r"(you|your)\b",
    "nl": r"(u|uw|je|jij|jouw)\b",
    "fr": r"(vous|votre|vos|tu|ton|ta)\b",
}
TAG = {
    "en": r"(,|\s)\s*(correct|right|yes|is that (right|correct|it|so)|isn't it|is it|did you|no|"
    r"yeah|true|this is problem|that's it|am i right|ok)\s*\?\s*$",
    "nl": r"(,|\s)\s*(klopt (dat|het)|toch|juist|ja|is dat (juist|zo|het|correct)|"
    r"dat is het( probleem)?|correct|niet|of niet|zie ik dat goed|begrijp ik dat goed)\s*\?\s*$",
    "fr": r"(,|\s)\s*(c'est (bien )?(ça|cela|juste|correct|exact|le problème)|n'est-ce pas|non|"
    r"oui|exact|correct|c'est bien ça|c'est ça le problème)\s*\?\s*$",
}
OPENER = {
    "en": r"^(so|if i understood|if i understand|ok,? (so|if)|just to (confirm|check)|let me check)",
    "nl": r"^(dus|als ik (het )?goed|ok,? (dus|als))",
    "fr": r"^(donc|si je comprends|ok,? (donc|si)|alors)",
}
UNDERSTOOD = (
    r"^(bien|goed|je comprends bien|i understood( you)?( correct(ly)?)?"
    r"|ik (het )?goed (versta|begrijp|heb))[ ,]*"
)


def form(text: str, lang: str) -> str | None:
    """`tag`, `bare` or None: is the message's last sentence a statement asked back?"""
    text = text.strip()
    if not text.endswith("?"):
        return None
    last = re.split(r"(?<=[.!])\s+", text)[-1].lower().lstrip("¿\"'« ")
    tagged = re.search(TAG[lang], last) is not None
    if not (tagged or re.search(SECOND[lang], last) or re.match(OPENER[lang], last)):
        return None
    body = re.sub(UNDERSTOOD, "", re.sub(OPENER[lang] + r"[ ,]*", "", last))
    if re.match(ASKING[lang], body):
        return None
    if lang == "fr" and re.search(r"\b\w+-(vous|tu|il|elle|on)\b", body) and not tagged:
        return None  # an inversion
    if not tagged and not re.match(SUBJECT[lang], body):
        return None
    return "tag" if tagged else "bare"


def label(acts: set[str]) -> str:
    if {"restate", "question"} <= acts:
        return "both"
    return "restate" if "restate" in acts else "question" if "question" in acts else "other"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", nargs="+", metavar="LANG/FORM/LABEL [N]")
    args = parser.parse_args()
    counts: Counter[tuple[str, str, str]] = Counter()
    per_set: dict[str, Counter[str]] = {}
    found: dict[str, list[str]] = {}
    for name in SETS:
        for lang in ("nl", "fr", "en"):
            path = ROOT / name / f"{lang}.jsonl"
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line:
                    continue
                item = json.loads(line)
                kind = form(item["text"], lang)
                if kind is None:
                    continue
                lab = label(set(item["acts"]))
                counts[lang, kind, lab] += 1
                per_set.setdefault(name, Counter())[lab] += 1
                found.setdefault(f"{lang}/{kind}/{lab}", []).append(f"{name}: {item['text']}")
    for key in sorted(counts):
        print(*key, counts[key])
    total = sum(per_set.values(), Counter())
    print("all sets:", dict(total))
    for name, c in per_set.items():
        print(f"  {name}: {dict(c)}")
    if args.show:
        n = int(args.show[1]) if len(args.show) > 1 else 20
        print("\n".join(found.get(args.show[0], [])[:n]))


if __name__ == "__main__":
    main()
