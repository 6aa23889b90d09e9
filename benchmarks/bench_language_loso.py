"""The act model against the rules, writer by writer: leave one set out (issue 12).

    python benchmarks/bench_language_loso.py [--lang nl|fr|en] [--C 1.0] [--exam-weight 0.5]
                                             [--margin ADD REMOVE] [--writers 13|17]
                                             [--chars on|off|both] [--cache DIR]
                                             [--fold-time SET] [--folds SET ...]

Needs the `train` extra (scikit-learn): `pip install -e '.[train]'`.

Each labelled set was written by one writer (corpus, heldout, heldout2-heldout11, dev2;
named in helpdesk_tui/language/train.py, never found by listing tests/language/). For
each set: the act model is trained on the others and scored on it; the rules
(today's lexicons, not retrained) are scored on the same messages. Prints per fold the
act-language pairs at F1 >= 0.90 and the macro-F1 (the mean F1 over the 36 pairs), for
rules and model, the negated instructions counted as given, and per act and language the
F1 rules -> model. The rules were tuned on corpus, heldout and dev2, so on those folds
their figure flatters them (and since 2.1 heldout4, whose prohibitions were added).
Also prints the CPU time of the whole run (13 folds x 3 languages x 12 acts). (2.9) The exam's
own sentences (train.EXAM_SETS) are in every fold's training, at `--exam-weight` (0: none).

(l-model13) `--writers 13`: the shipped weights' thirteen writers (train.SETS); 17: with the
four released after them (train.RELEASED); (l-model22) 22: with the newest five (train.NEWEST).
(l-model22) `--variant shipped|A|B|C --lang L [--folds ...] --out FILE`: one training pool
(`VARIANTS`) with the newest writers left out one by one (heldout16-19 decide, heldout20
confirms), a JSON line a fold and language; `--collate FILE` prints the folds over the three
languages and the decide and confirm totals (only folds read in all three languages count).
`--chars both`: LOSO without and with the character trigrams (features.CHARS) on one reading
of the sets, and the totals of both over the `DECIDE` folds and the others (confirm).
`--cache DIR`: the rules' readings kept on disk (train.examples). `--fold-time SET`: one fold's
CPU with the weights tabled per message (2.9's train.py) and once per fold (2.11).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from helpdesk_tui.language import LANGUAGES, acts_model, features  # noqa: E402
from helpdesk_tui.language.model import ACTS  # noqa: E402
from helpdesk_tui.language.train import (  # noqa: E402
    EXAM_WEIGHT,
    NEWEST,
    SETS,
    WRITERS,
    C,
    Counts,
    Fold,
    equal_writers,
    exam_examples,
    examples,
    fit,
    loso_on,
    parse,
    print_loso,
)

VARIANTS: dict[str, tuple[tuple[str, ...], bool]] = {
    "shipped": (SETS, False),
    "A": (WRITERS, False),
    "B": (WRITERS, True),
    "C": (SETS + NEWEST, False),
}
"""(l-model22) The training pools compared writer by writer, each (writers, equal weight):
shipped = the thirteen of 2.9-2.16; A = every writer (SETS, RELEASED, NEWEST) at weight 1;
B = A with each writer weighing the same (train.equal_writers); C = SETS with the newest five
only. A fold trains on its pool without the writer left out (a writer outside the pool, as for
`shipped`, is simply scored)."""
NEWEST_DECIDE = ("heldout16", "heldout17", "heldout18", "heldout19")
"""(l-model22) The folds the pool is decided on (written down before the first run)."""
NEWEST_CONFIRM = ("heldout20",)
"""(l-model22) The fold that confirms the decision: trained on every other writer."""

DECIDE = ("heldout3", "heldout4", "heldout6", "heldout8", "heldout10")
"""(2.11) The folds the feature family is decided on; the others of the thirteen confirm it.
Fixed before the first run: five writers the rules read worst, spread over the history."""


def without_chars(data: dict) -> dict:
    """The same examples with the `c3:` features taken out (features.CHARS off)."""
    return {
        key: [replace(e, feats={f for f in e.feats if f[:3] != "c3:"}) for e in rows]
        for key, rows in data.items()
    }


def totals(folds: list[Fold], which: str, names: tuple[str, ...]) -> str:
    chosen = [f for f in folds if f.held_out in names]
    if not chosen:
        return "-"
    pairs = sum(f.pairs(which) for f in chosen)
    macro = sum(f.macro(which) for f in chosen) / len(chosen)
    neg = sum(f.negated_given(which) for f in chosen)
    of = sum(12 * len(f.rules) for f in chosen)
    return f"{pairs} of {of}, macro {macro:.3f}, neg {neg}"


def fold_time(held: str, langs: tuple[str, ...], sets: tuple[str, ...], cache, weight) -> None:
    """One fold's decisions timed both ways: `acts_model.decide` (a `Table` per message, as
    2.9's train.py did) and one `Table` per fold."""
    for lang in langs:
        train = [e for s in sets if s != held for e in examples(s, lang, cache=cache)]
        train += exam_examples(lang, weight, cache)
        held_rows = examples(held, lang, cache=cache)
        t0 = time.process_time()
        weights = parse({"langs": {lang: fit(train)}}, "fold")[lang]
        t1 = time.process_time()
        old = [frozenset(acts_model.decide(weights, e.rules, e.feats)) for e in held_rows]
        t2 = time.process_time()
        table = acts_model.Table(weights)
        new = [
            frozenset(acts_model.decide_scores(table.scores(e.feats), e.rules)) for e in held_rows
        ]
        t3 = time.process_time()
        assert old == new
        print(
            f"fold {held} {lang}: fit {t1 - t0:.2f} s; {len(held_rows)} decisions, a table per "
            f"message {t2 - t1:.2f} s, one per fold {t3 - t2:.3f} s (same acts)"
        )


def variant_folds(
    variant: str, held: tuple[str, ...], lang: str, cache: Path | None, weight: float, out: Path
) -> None:
    """(l-model22) Each writer of `held` left out of `variant`'s pool (one language; trigrams
    off, the shipped recipe), scored by the rules and the model; one JSON line a fold to `out`
    (`collate` sums them over the languages)."""
    pool, equal = VARIANTS[variant]
    names = tuple(dict.fromkeys((*pool, *held)))
    data = {(s, lang): examples(s, lang, cache=cache) for s in names}
    exam = exam_examples(lang, weight, cache)
    tables: dict[tuple[str, ...], acts_model.Table] = {}
    for h in held:
        sets = tuple(s for s in pool if s != h)
        train = [e for s in sets for e in data[s, lang]]
        if equal:
            train = equal_writers(data, sets, lang)
        started = time.process_time()
        if sets not in tables:  # `shipped`: one pool for every fold, fitted once
            tables[sets] = acts_model.Table(parse({"langs": {lang: fit(train + exam)}}, "f")[lang])
        table = tables[sets]
        rules, model = Counts(), Counts()
        for e in data[h, lang]:
            rules.add(e.acts, e.rules.acts, e.negated)
            model.add(
                e.acts,
                frozenset(acts_model.decide_scores(table.scores(e.feats), e.rules)),
                e.negated,
            )
        row = {"variant": variant, "held": h, "lang": lang, "cpu": time.process_time() - started}
        for name, counts in (("rules", rules), ("model", model)):
            row[name] = {a: round(counts.f1(a), 4) for a in ACTS}
            row[name + "_neg"] = counts.negated_given
        with out.open("a", encoding="utf-8") as f:
            f.write(json.dumps(row) + "\n")
        f1 = row["model"]
        print(
            f"{variant:<8} {h:<10} {lang}: model {sum(v >= 0.90 for v in f1.values())}/12 "
            f"macro {sum(f1.values()) / 12:.3f} neg {model.negated_given}; rules "
            f"{sum(v >= 0.90 for v in row['rules'].values())}/12 "
            f"macro {sum(row['rules'].values()) / 12:.3f} neg {rules.negated_given}; "
            f"{row['cpu']:.1f} s CPU",
            flush=True,
        )


def collate(path: Path) -> None:
    """(l-model22) Per variant and fold: pairs >= 0.90 of 36, macro-F1 over the 36 pairs,
    negated given per language (nl/fr/en); then the decide and confirm totals."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    found: dict[tuple[str, str, str], dict] = {}
    for r in rows:
        found[r["variant"], r["held"], r["lang"]] = r  # the last run of a fold counts
    variants = list(dict.fromkeys(k[0] for k in found))
    print(f"{'variant':<8} {'fold':<10} {'pairs':>6} {'macro':>6} {'neg nl/fr/en':>13} langs")
    for v in variants:
        for group, folds in (("decide", NEWEST_DECIDE), ("confirm", NEWEST_CONFIRM)):
            pairs, macros, negs = 0, [], 0
            for h in folds:
                cells = [found.get((v, h, lang)) for lang in LANGUAGES]
                got = [c for c in cells if c]
                if len(got) < len(LANGUAGES):
                    continue
                f1s = [x for c in got for x in c["model"].values()]
                p = sum(x >= 0.90 for x in f1s)
                neg = "/".join(str(c["model_neg"]) if c else "-" for c in cells)
                macro = sum(f1s) / len(f1s)
                print(f"{v:<8} {h:<10} {p:>3}/{len(f1s):<2} {macro:>6.3f} {neg:>13} {len(got)}")
                pairs += p
                macros.append(sum(f1s) / len(f1s))
                negs += sum(c["model_neg"] for c in got)
            if macros:
                print(f"{v:<8} {group:<10} {pairs:>6} {sum(macros) / len(macros):>6.3f} {negs:>13}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", choices=LANGUAGES)
    parser.add_argument("--C", type=float, default=C, dest="c")
    parser.add_argument("--exam-weight", type=float, default=EXAM_WEIGHT)
    parser.add_argument(
        "--margin", nargs=2, type=float, metavar=("ADD", "REMOVE"), help="the act model's margins"
    )
    parser.add_argument("--writers", type=int, choices=(13, 17, 22), default=len(SETS))
    parser.add_argument(
        "--chars", choices=("on", "off", "both"), default="off", help="character trigrams"
    )
    parser.add_argument("--cache", type=Path, metavar="DIR")
    parser.add_argument("--fold-time", metavar="SET")
    parser.add_argument("--folds", nargs="+", metavar="SET", help="only these folds held out")
    parser.add_argument(
        "--variant", choices=list(VARIANTS), help="this pool's folds (--folds, one --lang)"
    )
    parser.add_argument("--out", type=Path, help="--variant: append a JSON line a fold here")
    parser.add_argument("--collate", type=Path, metavar="FILE", help="sum --out's folds")
    args = parser.parse_args()
    if args.collate:
        collate(args.collate)
        return 0
    if args.variant:
        held = tuple(args.folds or (*NEWEST_DECIDE, *NEWEST_CONFIRM))
        started = time.process_time()
        variant_folds(args.variant, held, args.lang, args.cache, args.exam_weight, args.out)
        print(f"CPU time: {time.process_time() - started:.1f} s")
        return 0
    if args.margin:
        acts_model.MARGIN, acts_model.REMOVE_MARGIN = args.margin
    print(f"act model margins: add {acts_model.MARGIN}, remove {acts_model.REMOVE_MARGIN}")
    langs = (args.lang,) if args.lang else LANGUAGES
    sets = WRITERS[: args.writers]
    started = time.process_time()
    if args.fold_time:
        fold_time(args.fold_time, langs, sets, args.cache, args.exam_weight)
        print(f"\nCPU time: {time.process_time() - started:.1f} s")
        return 0
    features.CHARS = True
    data = {(s, lang): examples(s, lang, cache=args.cache) for s in sets for lang in langs}
    exam = {lang: exam_examples(lang, args.exam_weight, args.cache) for lang in langs}
    print(f"read in {time.process_time() - started:.1f} s CPU")
    runs = {"off": (without_chars(data), without_chars(exam)), "on": (data, exam)}
    chosen = ("off", "on") if args.chars == "both" else (args.chars,)
    results = {}
    for name in chosen:
        print(f"\n######## character trigrams {name} ({len(sets)} writers)")
        results[name] = loso_on(*runs[name], langs, sets, args.c, args.folds)
        print_loso(results[name])
    confirm = tuple(s for s in sets if s not in DECIDE)
    print("\n######## totals (pairs, mean macro-F1, negated given)")
    first = results[chosen[0]]
    print(
        f"rules: decide {totals(first, 'rules', DECIDE)}; confirm {totals(first, 'rules', confirm)}"
    )
    for name, folds in results.items():
        print(
            f"model, trigrams {name}: decide {totals(folds, 'model', DECIDE)}; "
            f"confirm {totals(folds, 'model', confirm)}; all {totals(folds, 'model', sets)}"
        )
    print(f"\nCPU time: {time.process_time() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
