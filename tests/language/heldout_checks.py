"""The checks every held-out set of operator messages gets, written once for all of them.

A held-out set (tests/language/heldout/, tests/language/heldout2/) is a labelled corpus
the lexicons were not tuned on. Each set's test module holds what was *measured* on it
(F1 floors per act and language, negated instructions counted as given) and builds its
tests here, so the sets are scored and judged the same way and the scoring stays
benchmarks/bench_language.py's (the printed figures and the tests cannot drift apart).

Per act and language a set gets:
- the **floor**: F1 is at least what was measured, so a lexicon change cannot make the
  layer read unseen messages worse without someone noticing;
- the **target** (issue 12): F1 >= 0.90; where it was not met when measured, the test
  is xfail(strict=True) with the figure, so meeting it fails as XPASS until whoever met
  it raises the floor and removes the mark.
The same for negated instructions counted as given (target 0).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from helpdesk_tui.language import ACTS
from tests.language.heldout_selfcheck import WRITTEN_BESIDE
from tests.language.test_corpus_format import KEYS, VOCABULARY
from tests.language.test_corpus_targets import BENCH_MODULE, F1_TARGET

LANGUAGES = ("nl", "fr", "en")

WRITTEN_IN_ORDER: tuple[str, ...] = (
    "corpus",
    "heldout",
    "heldout2",
    "heldout3",
    "dev2",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
    "heldout9",
    "heldout10",
    "heldout11",
    "exam1",
    "exam2",  # the exam's own sentences, a training set: test_heldout_sets wants every SETS name
    "heldout12",
    "heldout13",
    "heldout14",  # written beside heldout13 (blind to each other); the lead orders them
    "heldout15",
    "heldout16",
    "heldout17",
    "heldout18",
    "heldout19",
    "heldout20",
    "heldout21",
    "heldout22",
    "heldout23",
    "secondlang",  # second-language forms (l-model25): a development set, not in training
    "heldout24",
    "heldout25",
)
"""Every labelled set (its name in benchmarks/bench_language.py's SETS), in the order it
was written: a held-out set may hold no message of a set written before it. A new set
is one line here (and its line in SETS); its test module lists no other set."""
NOT_COMPARED = frozenset({"corpus", "heldout", "dev2", "exam1"})
"""Sets not compared with those before them: the tuning corpus (the first), the first
held-out set (written before the rule: it shares 46 greetings and questions with the
corpus, "Wat kan ik voor u doen?"), dev2 (a development set, tuned on) and exam1 (no
writer's set: the phrase banks' own sentences, labelled as a training set; stock lines
such as "Que puis-je faire pour vous ?" are the banks' and may be in any set). exam1 is
in `WRITTEN_IN_ORDER` only because test_heldout_sets.py wants every set of SETS there."""


def written_before(folder: Path) -> tuple[Path, ...]:
    """The folders of the sets written before the set in `folder` (none for NOT_COMPARED; not
    one written beside it, `heldout_selfcheck.WRITTEN_BESIDE`)."""
    names = {path.resolve(): name for name, path in BENCH_MODULE.SETS.items()}
    name = names[folder.resolve()]
    if name in NOT_COMPARED:
        return ()
    before = WRITTEN_IN_ORDER[: WRITTEN_IN_ORDER.index(name)]
    return tuple(
        BENCH_MODULE.SETS[n]
        for n in before
        if n not in TRAINING_ONLY and frozenset({n, name}) not in WRITTEN_BESIDE
    )


TRAINING_ONLY = frozenset({"exam1", "exam2"})
"""The exam's own sentences (tests/language/exam1, exam2): labelled for training, not written
by a writer, so a held-out set written after them may share their stock lines (heldout12
shares "Blijf aan de lijn, ik ben zo terug." and "Alors, ça refonctionne ?" with exam1)."""


@dataclass
class HeldoutSet:
    """One held-out set, what was measured on it, and how large it must stay."""

    name: str
    folder: Path
    measured: str  # the date the floors were measured
    floor: dict[str, dict[str, float]]
    negated_given: dict[str, int]
    min_messages: int
    min_positives_per_act: int
    min_negated: int
    min_no_act: int = 0  # acknowledgements and information that must read as no act
    _scores: dict[str, object] = field(default_factory=dict)

    @property
    def others(self) -> tuple[Path, ...]:
        """The sets no message here may be copied from: those written before it."""
        return written_before(self.folder)

    def scores(self, lang: str):
        """The set's figures for one language, computed once per test process (its tests are
        in one xdist group, `set_group`, so once per run)."""
        if lang not in self._scores:
            self._scores[lang] = BENCH_MODULE.score(lang, self.folder)
        return self._scores[lang]

    def records(self, lang: str) -> list[dict]:
        path = self.folder / f"{lang}.jsonl"
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]

    def target_cases(self):
        for lang in LANGUAGES:
            for act in ACTS:
                measured = self.floor[lang][act]
                marks = []
                if measured < F1_TARGET:
                    reason = f"{lang} {act}: {self.name} F1 {measured:.3f} < {F1_TARGET} ({self.measured})"
                    marks = [pytest.mark.xfail(strict=True, reason=reason)]
                yield pytest.param(lang, act, marks=marks, id=f"{lang}-{act}")

    def negated_cases(self):
        for lang in LANGUAGES:
            marks = []
            if self.negated_given[lang]:
                reason = f"{lang}: {self.negated_given[lang]} negated instructions counted as given"
                marks = [pytest.mark.xfail(strict=True, reason=reason)]
            yield pytest.param(lang, marks=marks, id=lang)


def build_tests(held: HeldoutSet) -> dict[str, object]:
    """The test functions of one held-out set, for its module's globals()."""

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_the_set_is_well_formed_and_large_enough(lang: str) -> None:
        rows = held.records(lang)
        assert len(rows) >= held.min_messages
        assert len({r["text"] for r in rows}) == len(rows), "a message is listed twice"
        for number, record in enumerate(rows, 1):
            assert {"text", "acts", "negated"} <= record.keys() <= KEYS, number
            assert set(record["acts"]) <= VOCABULARY, (number, record["acts"])
            assert len(set(record["acts"])) == len(record["acts"]), (number, "repeated act")
            assert isinstance(record["negated"], bool), number
        counts = {act: sum(act in r["acts"] for r in rows) for act in VOCABULARY}
        thin = {act: n for act, n in counts.items() if n < held.min_positives_per_act}
        assert not thin, f"acts with too few examples: {thin}"
        assert sum(r["negated"] for r in rows) >= held.min_negated

    def test_the_floor_table_covers_every_act() -> None:
        assert all(set(held.floor[lang]) == set(ACTS) for lang in LANGUAGES)

    @pytest.mark.parametrize("lang", LANGUAGES)
    @pytest.mark.parametrize("act", ACTS)
    def test_f1_does_not_fall_below_the_measured_floor(lang: str, act: str) -> None:
        f1 = held.scores(lang).f1(act)[2]
        floor = held.floor[lang][act]
        assert f1 >= floor, f"{lang} {act}: {held.name} F1 {f1:.3f} < {floor}"

    @pytest.mark.parametrize(("lang", "act"), list(held.target_cases()))
    def test_f1_reaches_the_issue_12_target(lang: str, act: str) -> None:
        f1 = held.scores(lang).f1(act)[2]
        assert f1 >= F1_TARGET, f"{lang} {act}: {held.name} F1 {f1:.3f}"

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_negated_instructions_counted_as_given_do_not_grow(lang: str) -> None:
        given = held.scores(lang).negated_given
        assert len(given) <= held.negated_given[lang], given

    @pytest.mark.parametrize("lang", list(held.negated_cases()))
    def test_no_negated_instruction_is_counted_as_given(lang: str) -> None:
        assert held.scores(lang).negated_given == []

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_no_message_is_one_of_another_set(lang: str) -> None:
        """A message copied from another labelled set is not held out."""

        def norm(text: str) -> str:
            return " ".join(text.casefold().split())

        other = {
            norm(r["text"]) for folder in held.others for r in BENCH_MODULE.corpus(lang, folder)
        }
        shared = [r["text"] for r in held.records(lang) if norm(r["text"]) in other]
        assert shared == []

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_near_misses_with_no_act_are_there(lang: str) -> None:
        """Acknowledgements and information (ok, pas de souci, geen probleem) must read as no act."""
        assert sum(not r["acts"] for r in held.records(lang)) >= held.min_no_act

    tests = {name: value for name, value in locals().items() if name.startswith("test_")}
    if not held.others:  # nothing to compare with: the check could not fail
        del tests["test_no_message_is_one_of_another_set"]
    if not held.min_no_act:
        del tests["test_near_misses_with_no_act_are_there"]
    group = set_group(held.folder.name)
    return {name: group(test) for name, test in tests.items()}


def set_group(name: str) -> pytest.MarkDecorator:
    """The xdist group of the tests that read the labelled set in folder `name` with the
    layer: its test module's (`build_tests`: `HeldoutSet.scores`, some 0.3 s of CPU a
    language), test_corpus_targets.py's for the corpus and test_acts_model.py's reading of
    every message. One worker reads the set, and the layer's cache (`analyse`, 8,192
    messages) answers the second reading; before, each of the three workers that ran one of
    a set's 80-odd tests read it again."""
    return pytest.mark.xdist_group(f"language-{name}")
