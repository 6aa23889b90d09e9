"""How far two labellers agree, and how far the layer is from each (issue 12's measurement).

    python benchmarks/bench_label_agreement.py [--set heldout10]

A set under tests/language/<set>/ has a second, independent labelling of the same messages
under tests/language/agreement/<set>/. Per language and act it prints the F1 of one labelling
against the other (F1 is symmetric: which one is called the truth does not matter), and the
layer's F1 against the first labeller, the second, and the messages both labelled alike. If the
labellers agreed below issue 12's 0.90, the target would ask more than the labels can tell; if
they agree far above the layer, what is left is the layer's.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from helpdesk_tui.language import ACTS, LANGUAGES, analyse  # noqa: E402

LABELLED = ROOT / "tests" / "language"
SECOND = LABELLED / "agreement"
TARGET = 0.90


def labels(folder: Path, lang: str) -> list[dict]:
    with (folder / f"{lang}.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def f1(truth: list[set[str]], read: list[set[str]], act: str) -> float:
    """F1 of `read` against `truth` for one act; 1.0 when neither has it anywhere."""
    tp = sum(act in t and act in r for t, r in zip(truth, read, strict=True))
    wrong = sum((act in t) != (act in r) for t, r in zip(truth, read, strict=True))
    return 1.0 if tp + wrong == 0 else 2 * tp / (2 * tp + wrong)


def agreement(name: str, lang: str) -> dict[str, dict[str, float]]:
    """Per act: labeller A ~ labeller B, layer ~ A, layer ~ B, layer ~ both where they agree."""
    first, second = labels(LABELLED / name, lang), labels(SECOND / name, lang)
    if [r["text"] for r in first] != [r["text"] for r in second]:
        raise SystemExit(f"{SECOND / name / lang}.jsonl: its texts are not {name}'s, in order")
    a = [set(r["acts"]) for r in first]
    b = [set(r["acts"]) for r in second]
    layer = [set(analyse(r["text"], lang).acts) for r in first]
    same = [i for i in range(len(a)) if a[i] == b[i]]
    agreed, layer_on_agreed = [a[i] for i in same], [layer[i] for i in same]
    return {
        act: {
            "A~B": f1(a, b, act),
            "layer~A": f1(a, layer, act),
            "layer~B": f1(b, layer, act),
            "layer~both": f1(agreed, layer_on_agreed, act),
        }
        for act in ACTS
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="heldout10", help="a set with a second labelling")
    name = parser.parse_args().set
    columns = ("A~B", "layer~A", "layer~B", "layer~both")
    totals: dict[str, list[float]] = {c: [] for c in columns}
    for lang in LANGUAGES:
        table = agreement(name, lang)
        print(f"{lang}: {'act':12} " + " ".join(f"{c:>10}" for c in columns))
        for act, row in table.items():
            print(f"    {act:12} " + " ".join(f"{row[c]:10.3f}" for c in columns))
            for c in columns:
                totals[c].append(row[c])
    for c, values in totals.items():
        met = sum(v >= TARGET for v in values)
        print(
            f"{c:10} pairs >= {TARGET}: {met}/{len(values)}  macro-F1 {sum(values) / len(values):.3f}"
        )


if __name__ == "__main__":
    main()
