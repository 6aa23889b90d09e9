"""The language layer on whole conversations: operator turns read in context, as the exam reads them.

benchmarks/bench_language_context.py replays each conversation of a context set and reads each
operator turn where it stands: `acts_in_turn` with `proposed` from the layer's reading of the
operator's earlier turns (`step_in`), `restates_in_turn` with the customer's turns so far, and
`asks_closing` for the closing, as the simulated customer and the evidence call them. These tests
score that reading with the benchmark's own code (one replay per language per test process, kept
by `replay`'s cache), so the printed figures and the floors cannot drift apart.

- The sample (tests/language/context_sample/, 3 conversations a language, labelled by branch
  l-ctxbench from the label guide, heldout10/README.md) holds the readings context decides: "Do
  you still see the error?" before any step is a clarifying `question`, after "Restart it." and
  the customer's "done" a `check`; the customer's words given back with no opener, right after
  they said them, a `restate`.
- context1 (tests/language/context1/, written and labelled blind by branch l-context1; since
  ctx-read1 a development set, its misses read to write rules 2.8): floors per act and language
  from the figures measured on it, strict xfail where an act is under 0.90.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpdesk_tui.language import ACTS
from tests.language.heldout_checks import HeldoutSet
from tests.language.heldout_selfcheck import CONVERSATION_PREFIX
from tests.language.test_corpus_format import VOCABULARY
from tests.language.test_corpus_targets import F1_TARGET, load_bench

pytestmark = pytest.mark.xdist_group("context1")  # one worker replays each language once

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_language_context.py"
LANGUAGES = ("nl", "fr", "en")


CTX = load_bench(BENCH)
SAMPLE = CTX.CONTEXT_SETS["context_sample"]


def turn(lang: str, conversation: str, place: int):
    """The replayed operator turn at `place` of a sample conversation."""
    found = [
        t for t in CTX.replay(lang, SAMPLE) if (t.conversation, t.place) == (conversation, place)
    ]
    assert len(found) == 1, (conversation, place)
    return found[0]


def records(folder: Path, lang: str) -> list[dict]:
    path = folder / f"{lang}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


# ------------------------------------------------------------------------------ the sample

CHECKED_TWICE = {
    # (conversation, the turn before any step, the same words after a step and "done")
    "en": ("en-s01", 2, 6, "Do you still see the error?"),
    "nl": ("nl-s01", 2, 6, "Ziet u de foutmelding nog steeds?"),
    "fr": ("fr-s01", 2, 6, "Voyez-vous toujours le message d'erreur ?"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_check_before_any_step_is_a_question_and_after_one_a_check(lang: str) -> None:
    conversation, first, second, text = CHECKED_TWICE[lang]
    before, after = turn(lang, conversation, first), turn(lang, conversation, second)
    assert before.text == after.text == text
    assert not before.proposed and after.proposed
    for reader in ("customer", "evidence"):
        assert "question" in before.reading(reader), reader
    assert "check" not in before.customer
    assert "check" in after.customer
    assert "check" in after.evidence


@pytest.mark.parametrize("lang", ("en", "fr"))
def test_a_check_after_a_step_asks_no_clarifying_question(lang: str) -> None:
    """Layer 2.9 reads "Do you still see the error?" / "Voyez-vous toujours le message
    d'erreur ?" as check + question; since rules 2.14 the turn after a step is the check only
    (`in_context.BOTH`): COM-2 no longer counts it a clarifying question (an xfail until then)."""
    conversation, _, second, _ = CHECKED_TWICE[lang]
    assert "question" not in turn(lang, conversation, second).customer


RESTATED = {
    # (conversation, place): the customer's words given back with no opener, right after them
    "en": ("en-s02", 1),
    "nl": ("nl-s02", 1),
    "fr": ("fr-s02", 1),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_customers_words_given_back_without_an_opener_are_a_restatement(lang: str) -> None:
    t = turn(lang, *RESTATED[lang])
    assert t.said == 1 and t.before is not None  # right after the customer said it
    assert "restate" in t.customer and "restate" in t.evidence
    assert "restate" not in t.alone  # the message alone has no opener: context decides
    alone = CTX.customer_reading(t.text, lang, CTX.Place(t.proposed, (), True))
    assert "restate" not in alone  # the same words before the customer said anything


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_sample_is_labelled_as_the_tests_read_it(lang: str) -> None:
    """The labels (from the guide, not from the layer) say what the tests above assert."""
    by_id = {r["id"]: r for r in records(SAMPLE, lang)}
    conversation, first, second, _ = CHECKED_TWICE[lang]
    assert by_id[conversation]["turns"][first]["acts"] == ["question"]
    assert by_id[conversation]["turns"][second]["acts"] == ["check"]
    conversation, place = RESTATED[lang]
    assert by_id[conversation]["turns"][place]["acts"] == ["restate"]


def test_proposed_comes_from_the_layers_reading_not_from_the_labels() -> None:
    """An operator turn labelled `instruction` that the layer does not read as one proposes
    nothing: the exam has no labels."""
    record = {
        "id": "x",
        "turns": [
            {"by": "customer", "text": "My screen stays black."},
            {"by": "operator", "text": "Okay.", "acts": ["instruction"], "negated": False},
            {"by": "customer", "text": "done"},
            {"by": "operator", "text": "Restart it.", "acts": [], "negated": False},
            {"by": "operator", "text": "Is it working now?", "acts": ["check"], "negated": False},
        ],
    }
    turns = CTX.replay_conversation(record, "en")
    assert [t.proposed for t in turns] == [False, False, True]


def test_one_replay_per_language_is_shared() -> None:
    assert CTX.replay("en", SAMPLE) is CTX.replay("en", SAMPLE)


@pytest.mark.parametrize("name", sorted(CTX.CONTEXT_SETS))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_context_set_is_conversations_with_labelled_operator_turns(name: str, lang: str) -> None:
    folder = CTX.CONTEXT_SETS[name]
    if not (folder / f"{lang}.jsonl").exists():
        pytest.skip(f"{name} not merged yet")
    rows = records(folder, lang)
    assert len({r["id"] for r in rows}) == len(rows) >= 3
    for row in rows:
        assert row["channel"] in ("chat", "call"), row["id"]
        assert {t["by"] for t in row["turns"]} <= {"customer", "operator"}, row["id"]
        for t in row["turns"]:
            if t["by"] == "operator":
                assert set(t["acts"]) <= VOCABULARY, (row["id"], t["acts"])
                assert isinstance(t["negated"], bool), row["id"]
            else:
                assert "acts" not in t, row["id"]


def test_the_context_sets_are_named_alike_in_the_benchmark_and_the_set_checks() -> None:
    """Every folder of conversations is one the benchmark scores, and the set checks pass over
    exactly those (a folder named `context*`)."""
    folders = {p.parent.name for p in CTX.LANGUAGE_DIR.glob("*/en.jsonl")}
    conversations = {name for name in folders if name.startswith(CONVERSATION_PREFIX)}
    assert set(CTX.CONTEXT_SETS) == conversations


# ------------------------------------------------------------------------------ context1

# Written blind by branch l-context1 (labels d772235); since branch ctx-read1 (rules 2.8) it is
# a DEVELOPMENT set: ctx-read1 read its misses (`--misses`) to write the in-context rules
# (`customers.in_context`, `dialogue.asks_about_the_result`, `_farewell`, short restatements),
# so its figures are no longer blind; context2 is the blind one. Layer 2.9, measured
# 2026-12-05 02:25 UTC by ctx-read1, as the customer reads each operator turn at its place
# (`--reader customer`; the evidence reads the same since 2.8): F1 rounded down to 0.01. 16 of
# 36 pairs at 0.90, macro-F1 0.876 (before ctx-read1: 12 of 36, 0.841; the evidence 12, 0.836;
# alone 12, 0.784). Weakest: progress 0.62-0.72 (findings told, "Uw mailbox zit vol"), empathy
# 0.72-0.81, check nl 0.77, fr 0.82 (a clarifying yes/no question after a step read as a check, a
# fix reported in words outside `in_context.FIXED`), identify
# 0.84-0.87. fr restate 0.98 -> 0.96 (0.9649) with rules 2.13 (bugs16: an act only the act model reads,
# from the customer's own words, no longer keeps a restatement from restating; 4 turns more read
# as restatements, lead 2026-12-05).
# Rules 2.14 (ctx-read2) merged with 2.12/2.13 and layer 2.12 (ctx-read3, 2026-12-05): 16 pairs,
# macro 0.889 (main 0.885); progress, check and question rose (floors raised to the measured F1
# rounded down), fr identify 0.850 -> 0.842 (a labelled identification after the customer
# reported a step done is read as the check; floor 0.84).
# Layer 2.13 (l-rules18) merged with 2.14 (lead, 2026-12-05, stop 26): fr question 0.880 -> 0.877,
# en question 0.86 -> 0.851 (a "?" alone yields to the model's identify/check, and in context a
# restating question asks nothing: together two labelled questions a language read otherwise),
# en offer_help 0.918 (the retrained model); floors the measured F1 rounded down.
# Layer 2.15 (l-rules20, 2026-12-05): lowered fr hold 0.85 -> 0.833 ("Dix minutes." alone, the
# answer to "how long?" labelled progress, is read as a hold by the duration rule: alone it is
# the chat's "2 min" of the other sets) and en hold 0.87 -> 0.857 ("The update added a second
# printer entry for the same device." gains the retrained model's hold; no rule matches it).
# l-rules22 (layer 2.17): en closing 0.91 -> 0.905, nl greeting 0.99 -> 0.98 (lowered: the act
# model retrained on the 2.17 rules, same sets and settings, moves these pairs; no set's macro
# falls by more than 0.001; benchmarks/README.md "The twenty-second writer's weakest acts")
FLOOR = {
    "nl": {
        "greeting": 0.98, "offer_help": 0.95, "identify": 0.86, "question": 0.88, "restate": 0.89,
        "empathy": 0.8, "apology": 1.0, "progress": 0.75, "instruction": 0.87, "check": 0.81,
        "closing": 0.9, "hold": 0.89,
    },
    "fr": {
        "greeting": 1.0, "offer_help": 0.93, "identify": 0.84, "question": 0.876, "restate": 0.97,
        "empathy": 0.72, "apology": 1.0, "progress": 0.78, "instruction": 0.9, "check": 0.84,
        "closing": 0.92, "hold": 0.833,
    },
    "en": {
        "greeting": 0.97, "offer_help": 0.918, "identify": 0.84, "question": 0.85, "restate": 0.85,
        "empathy": 0.81, "apology": 1.0, "progress": 0.75, "instruction": 0.9, "check": 0.9,
        "closing": 0.905, "hold": 0.857,
    },
}  # fmt: skip
NEGATED_GIVEN = {"nl": 0, "fr": 0, "en": 0}
DISAGREE: dict[str, dict[str, int]] = {"nl": {}, "fr": {}, "en": {}}
"""Operator turns the customer and the evidence read differently, per act: none since rules
2.8 (`customers.in_context.read_at`, one reading for both; at l-ctxbench check 20 / 15 / 6)."""

CONTEXT1 = HeldoutSet(
    name="context1 in context",
    folder=CTX.CONTEXT_SETS["context1"],
    measured="2026-12-05",
    floor=FLOOR,
    negated_given=NEGATED_GIVEN,
    min_messages=0,  # its size is test_context1_format.py's
    min_positives_per_act=0,
    min_negated=0,
)


def context1(lang: str):
    """context1's figures in one language as the customer reads it (one replay per process)."""
    return CTX.scores(CTX.replay(lang, CONTEXT1.folder), "customer")


def test_the_floor_table_covers_every_act() -> None:
    assert all(set(FLOOR[lang]) == set(ACTS) for lang in LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("act", ACTS)
def test_f1_in_context_does_not_fall_below_the_measured_floor(lang: str, act: str) -> None:
    f1 = round(context1(lang).f1(act)[2], 6)  # 0.84 is 0.8399999999999999 as 21/25's F1
    assert f1 >= FLOOR[lang][act], f"{lang} {act}: context1 F1 {f1:.3f} < {FLOOR[lang][act]}"


@pytest.mark.parametrize(("lang", "act"), list(CONTEXT1.target_cases()))
def test_f1_in_context_reaches_the_issue_12_target(lang: str, act: str) -> None:
    f1 = context1(lang).f1(act)[2]
    assert f1 >= F1_TARGET, f"{lang} {act}: context1 F1 {f1:.3f}"


@pytest.mark.parametrize("lang", list(CONTEXT1.negated_cases()))
def test_no_negated_instruction_is_counted_as_given_in_context(lang: str) -> None:
    assert context1(lang).negated_given == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_customer_and_the_evidence_disagree_no_more_than_measured(lang: str) -> None:
    differ = CTX.disagreements(CTX.replay(lang, CONTEXT1.folder))
    assert {act: n for act, n in differ.items() if n > DISAGREE[lang].get(act, 0)} == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_context_reads_restatements_better_than_the_message_alone(lang: str) -> None:
    """What context is for: a restatement with no opener is one only in its place."""
    turns = CTX.replay(lang, CONTEXT1.folder)
    alone, customer = CTX.scores(turns, "alone"), context1(lang)
    assert customer.f1("restate")[2] >= alone.f1("restate")[2] + 0.30
