"""How far the act model may overrule the rules: leave-one-set-out and a blind set, by margin.

    python benchmarks/bench_acts_margin.py [--blind SET] [--lang nl] [--exam-weight 0 0.5 1]

Needs the `train` extra (scikit-learn). For each writer's set, the model is trained on the
others (as train.py --loso does) and its scores on the held-out messages are kept; then the
acts are decided at several margins (`acts_model.MARGIN`: how sure the model must be to add an
act the rules did not give, `add`, or to take away one they gave, `remove`) without training
again. The blind set, which no fold trains on, is scored by a model trained on every set.
(2.9) The exam's own sentences (train.EXAM_SETS) are in every fold's training, never held out,
at each `--exam-weight` given (0: left out); every (add, remove) pair of 0-2.0 is printed.
What it cannot show: how the exam's own messages (the scripted candidates' templates, the
knowledge base's solution texts) fare at a margin; benchmarks/bench_evidence.py shows that,
with `acts_model.MARGIN` changed by hand (benchmarks/README.md, "The act model's margin").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from helpdesk_tui.language import acts_model, train  # noqa: E402
from helpdesk_tui.language.model import ACTS, LANGUAGES, Analysis  # noqa: E402

STEPS = (2.0, 1.5, 1.0, 0.5, 0.0)
MARGINS: tuple[tuple[float, float], ...] = tuple((a, r) for a in STEPS for r in STEPS)
"""(add, remove) pairs, each of 0-2.0 (2.9: the two swept separately)."""

Row = tuple[frozenset[str], bool, Analysis, dict[str, float]]


def decide(scores: dict[str, float], rules: Analysis, add: float, remove: float) -> frozenset[str]:
    """acts_model.decide_scores with the two margins as parameters (the same gates)."""
    barred = {m.kind for m in rules.ruled_out}
    if acts_model.instruction_gated(rules):
        barred.add("instruction")
    if "question" not in rules.acts and acts_model.question_gated(rules):
        barred.add("question")
    firm = acts_model._firm_acts(rules)
    if len(rules.text.split()) > acts_model.LONG_WORDS:
        add = remove = max(add, acts_model.LONG_MARGIN)  # (2.9) long texts keep 2.0, as shipped
    return frozenset(
        a
        for a in ACTS
        if a in scores
        and a not in barred
        and (a in firm or scores[a] > (-remove if a in rules.acts else add))
    )


def scored(train_on: list[str], target: str, lang: str, data: dict, exam: list) -> list[Row]:
    weights = acts_model.parse({"langs": {lang: train.fit(
        [e for s in train_on for e in data[s, lang]] + exam)}}, "fold")[lang]  # fmt: skip
    table = acts_model.Table(weights)
    return [(e.acts, e.negated, e.rules, table.scores(e.feats)) for e in data[target, lang]]


def figures(rows: dict[str, list[Row]], add: float, remove: float) -> tuple[int, float, int]:
    """Pairs >= 0.90, macro-F1 and negated instructions given, over the languages in `rows`."""
    counts = {}
    for lang, items in rows.items():
        c = train.Counts()
        for acts, negated, rules, scores in items:
            c.add(acts, decide(scores, rules, add, remove), negated)
        counts[lang] = c
    f1 = [counts[lang].f1(act) for lang in counts for act in ACTS]
    neg = sum(c.negated_given for c in counts.values())
    return sum(x >= train.TARGET for x in f1), sum(f1) / len(f1), neg


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blind", help="a labelled set no fold trains on (e.g. heldout11)")
    parser.add_argument("--lang", choices=LANGUAGES)
    parser.add_argument("--exam-weight", type=float, nargs="+", default=[train.EXAM_WEIGHT])
    args = parser.parse_args()
    langs = (args.lang,) if args.lang else LANGUAGES
    sets = list(train.SETS)
    if args.blind:
        train.SETS = (*train.SETS, args.blind)  # records() reads only named sets
    data = {(s, lang): train.examples(s, lang) for s in train.SETS for lang in langs}
    exam = {lang: train.exam_examples(lang, 1.0) for lang in langs}
    for weight in args.exam_weight:
        for lang in langs:
            for e in exam[lang]:
                e.weight = weight
        table(
            {lang: exam[lang] if weight else [] for lang in langs}, sets, langs, data, args, weight
        )


def table(exam: dict, sets: list[str], langs: tuple[str, ...], data: dict, args, weight) -> None:
    folds = {
        held: {
            lang: scored([s for s in sets if s != held], held, lang, data, exam[lang])
            for lang in langs
        }
        for held in sets
    }
    blind = (
        {lang: scored(sets, args.blind, lang, data, exam[lang]) for lang in langs}
        if args.blind
        else None
    )
    print(f"\nexam sets' weight {weight}")
    print(f"{'add':>5} {'remove':>6}  {'LOSO pairs':>12} {'mean macro':>10} {'neg':>4}"
          + (f"  {args.blind + ' pairs':>16} {'macro':>6} {'neg':>4}" if blind else ""))  # fmt: skip
    for add, remove in MARGINS:
        per = [figures(folds[h], add, remove) for h in sets]
        pairs, neg = sum(p for p, _, _ in per), sum(n for _, _, n in per)
        macro = sum(m for _, m, _ in per) / len(per)
        line = f"{add:>5} {remove:>6}  {pairs:>6}/{12 * len(langs) * len(sets):<5} {macro:>10.3f} {neg:>4}"
        if blind:
            b = figures(blind, add, remove)
            line += f"  {b[0]:>10}/{12 * len(langs):<5} {b[1]:>6.3f} {b[2]:>4}"
        print(line)


if __name__ == "__main__":
    main()
