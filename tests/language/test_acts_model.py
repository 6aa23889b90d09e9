"""Layer 2.0's act model: the guarantees the weights may not break, whatever they are.

The model (helpdesk_tui/language/acts_model.py, trained by train.py) decides the acts, but:
- a negated instruction never counts as `instruction` (the negation gate), and an act the
  rules ruled out by their own conditions (a sign-off where none stands, a phrase that
  yields to another act) is never given;
- acts come only from the vocabulary;
- every act carries an explanation (a rule match, or the model's named features);
- the weights are part of the layer's hash, loaded lazily, and reproducible from the sets.
The gate tests use hostile hand-made weights (everything on), so they hold for any training.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpdesk_tui.language import ACTS, acts_model, analyse
from helpdesk_tui.language.acts_model import (
    Linear,
    ModelError,
    decide,
    files,
    models,
    parse,
    weights_file,
)
from helpdesk_tui.language.analyse import rules_analysis
from helpdesk_tui.language.features import features
from helpdesk_tui.language.lexicon import hashed_files
from helpdesk_tui.language.train import SETS, records
from tests.language.heldout_checks import set_group

EVERYTHING_ON = {act: Linear(10.0, {}) for act in ACTS}
"""Weights that give every act to every message: the worst a training could produce."""

NEGATED_ONLY = [
    ("Do not restart it.", "en"),
    ("Please don't unplug the cable.", "en"),
    ("You don't need to reinstall anything.", "en"),
    ("Ne pas se déconnecter !", "fr"),
    ("Ne redémarrez pas encore.", "fr"),
    ("N'achetez pas de câble.", "fr"),
    ("Start de pc niet opnieuw op.", "nl"),
    ("Trek de kabel niet uit.", "nl"),
    ("Gelieve nog niet te herstarten.", "nl"),
]


@pytest.mark.parametrize(("text", "lang"), NEGATED_ONLY)
def test_a_negated_instruction_is_no_instruction_whatever_the_weights(text: str, lang: str) -> None:
    rules = rules_analysis(text, lang)
    assert rules.negated, "the rules must see the negated step (else this case tests nothing)"
    assert "instruction" not in decide(EVERYTHING_ON, rules, features(rules))
    assert "instruction" not in analyse(text, lang).acts  # the shipped weights too


def test_a_negated_step_beside_a_given_one_is_an_instruction() -> None:
    """The gate shuts only when *every* instruction is negated."""
    text = "Niet opnieuw opstarten, wel de kabel uittrekken."
    rules = rules_analysis(text, "nl")
    assert "instruction" in decide(EVERYTHING_ON, rules, features(rules))
    assert "instruction" in analyse(text, "nl").acts


@pytest.mark.parametrize(
    ("text", "lang", "act"),
    [
        ("Kind regards", "en", "closing"),  # a sign-off with no letter above it
        ("Kind regards,\nPriya", "en", "closing"),
        ("Met vriendelijke groeten\nAn", "nl", "closing"),
        # (2.2: progress no longer yields to the wait; most writers label both)
        ("Je vérifie que je vous suis bien : votre imprimante ne marche plus.", "fr", "progress"),
    ],
)
def test_an_act_the_rules_ruled_out_is_never_given(text: str, lang: str, act: str) -> None:
    rules = rules_analysis(text, lang)
    assert act in {m.kind for m in rules.ruled_out}
    assert act not in decide(EVERYTHING_ON, rules, features(rules))
    assert act not in analyse(text, lang).acts


@pytest.mark.parametrize("name", [pytest.param(n, marks=set_group(n)) for n in SETS])
@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_every_act_is_in_the_vocabulary_and_explained(name: str, lang: str) -> None:
    """Over every labelled message: acts from the vocabulary only, and each act named by a
    match that counts (not negated, not overruled) whose rule and words say why."""
    for r in records(name, lang):
        a = analyse(r["text"], lang)
        assert a.acts <= set(ACTS)
        counted = {m.kind for m in a.matches if not m.negated and not m.overruled}
        assert a.acts <= counted, (r["text"], sorted(a.acts - counted))
        if r["negated"] and "instruction" not in r["acts"]:
            assert "instruction" not in a.acts, r["text"]


def test_an_act_the_model_adds_names_its_features() -> None:
    """ "Right, talk me through it." invites the customer to tell: the model's reason names
    the features that pushed offer_help up, with their weights."""
    a = analyse("Right, talk me through it.", "en")
    reasons = [m for m in a.matches if m.rule == "en.model.offer_help"]
    if "offer_help" in a.acts and reasons:
        assert all(":" in w and (" +" in w) for w in reasons[0].words)
        assert "en.model.offer_help" in reasons[0].describe()
    # whichever decided it, the act is explained by some counted match
    assert a.acts <= {m.kind for m in a.matches if not m.negated and not m.overruled}


def test_an_overruled_rule_match_says_so() -> None:
    rules_acts = set()
    for r in records("heldout3", "en"):
        a = analyse(r["text"], "en")
        for m in a.matches:
            if m.overruled:
                assert m.kind not in a.acts
                assert "overruled by the act model" in m.describe()
                rules_acts.add(m.kind)
    assert rules_acts, "the model overrules no rule on a whole set: the test would be empty"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("sorry thanks bye hello can you restart", "en"),
        ("hello sorry understand frustrating restart check working bye wait", "en"),
        ("bonjour désolé comprends redémarrez fonctionne revoir patientez", "fr"),
        ("hallo sorry begrijp herstart werkt dag wacht", "nl"),
    ],
)
def test_stuffed_words_earn_no_more_acts_from_the_model_than_from_the_rules(
    text: str, lang: str
) -> None:
    """A bag of act words without sentences (gaming by stuffing) gets no act from the model
    that the rules would not give it."""
    assert analyse(text, lang).acts <= rules_analysis(text, lang).acts


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_a_bag_of_the_models_own_best_words_buys_few_acts(lang: str) -> None:
    """The worst case for a word model: the two words it rewards most for each act, in one
    message. The model adds at most 2 acts to what the rules read in it (measured 2026-12-03
    with 2.0: en 3, fr 2, nl 4 from the rules alone, 4 with the model; with 2.1's weights: en 1,
    fr 1, nl 5 from the rules alone and none added by the model: the Dutch bag holds whole
    phrases the rules read, "pardon sorry", "groetje", "vervelend dat", "efkes geduld"), and
    the bag earns at most 5 of the 12, so stuffing cannot buy the conversation's acts."""
    bag = []
    for lin in models(lang).values():
        words = sorted((-w, f[2:]) for f, w in lin.weights.items() if f.startswith("w:"))
        bag += [word for _, word in words[:2]]
    text = " ".join(bag)
    gained = analyse(text, lang).acts - rules_analysis(text, lang).acts
    assert len(gained) <= 2, sorted(gained)
    assert len(analyse(text, lang).acts) <= 5


def test_the_weights_are_part_of_the_layer_hash() -> None:
    shipped = files()
    assert [p.name for p in shipped] == ["acts-en.json", "acts-fr.json", "acts-nl.json"]
    assert set(shipped) <= set(hashed_files())


def test_the_weights_load_only_when_a_message_is_read() -> None:
    """Read once, as the compact `Table` only: the per-act dicts of floats (`models`, for
    tools and tests) are not built beside it in an exam (mem20: 3.9 -> 1.1 MB for English)."""
    code = (
        "import helpdesk_tui.language as L\n"
        "from helpdesk_tui.language.acts_model import models, table\n"
        "assert table.cache_info().currsize == 0\n"
        "L.analyse('Hallo', 'nl')\n"
        "assert table.cache_info().currsize == 1\n"
        "assert models.cache_info().currsize == 0\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ([], "'langs' object"),
        ({"langs": {"en": {"shout": {"bias": 0, "w": {}}}}}, "'shout' is not an act"),
        ({"langs": {"en": {"greeting": {"bias": "x", "w": {}}}}}, "needs 'bias' and 'w'"),
        ({"langs": {"en": []}}, "must be an object of acts"),
    ],
)
def test_a_malformed_weights_file_is_refused_clearly(data: object, says: str) -> None:
    with pytest.raises(ModelError, match=says):
        parse(data, "acts-en.json")


def test_the_shipped_weights_are_trained_on_the_thirteen_named_sets_and_the_exams_own() -> None:
    """Layer 2.1 added heldout4, 2.2 heldout5, 2.3 heldout6, 2.4 heldout7, 2.6 heldout8, 2.7
    heldout9, 2.8 heldout10 and 2.9 heldout11 (each released by the lead after its blind
    scoring); 2.9 the exam's own sentences (exam1, exam2) at a lower weight. The four writers
    released since (train.RELEASED) are not in them (l-model13: weights trained on them lost
    competent verdicts), the in-context sets stay measures, and a set being written blind is
    never read (train.py names it nowhere). No character trigrams."""
    for lang in ("nl", "fr", "en"):
        data = json.loads(weights_file(lang).read_text(encoding="utf-8"))
        sets = [
            "corpus",
            "heldout",
            "heldout2",
            "heldout3",
            "heldout4",
            "heldout5",
            "heldout6",
            "heldout7",
            "heldout8",
            "heldout9",
            "heldout10",
            "heldout11",
            "dev2",
        ]
        assert data["trained_on"] == sets
        assert data["exam_sets"] == ["exam1", "exam2"]
        assert 0 < data["exam_weight"] < 1
        assert "chars" not in data
        assert not {"heldout12", "heldout15", "context1"} & set(data["trained_on"])


def test_the_shipped_weights_are_what_training_gives() -> None:
    """Training is deterministic: the repo's sets and train.py give the shipped file byte for
    byte (needs the `train` extra; one language, a few seconds)."""
    pytest.importorskip("sklearn")
    from helpdesk_tui.language.train import train_all

    fresh = json.dumps(train_all("en"), sort_keys=True, separators=(",", ":")) + "\n"
    assert fresh == Path(weights_file("en")).read_text(encoding="utf-8")


def test_the_add_and_remove_margins_apply_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    """(2.9) `MARGIN` gates an act the rules did not give, `REMOVE_MARGIN` one they gave."""
    rules = rules_analysis("Can you restart the laptop?", "en")
    assert "instruction" in rules.acts and "empathy" not in rules.acts
    monkeypatch.setattr(acts_model, "MARGIN", 1.0)
    monkeypatch.setattr(acts_model, "REMOVE_MARGIN", 2.0)
    scores = {"instruction": -1.5, "empathy": 1.5}
    assert acts_model.decide_scores(scores, rules) == ["empathy", "instruction"]
    monkeypatch.setattr(acts_model, "MARGIN", 2.0)
    monkeypatch.setattr(acts_model, "REMOVE_MARGIN", 1.0)
    assert acts_model.decide_scores(scores, rules) == []


def test_a_long_message_keeps_the_long_margin(monkeypatch: pytest.MonkeyPatch) -> None:
    """(2.9) Over `LONG_WORDS` words the model needs `LONG_MARGIN` either way: the writers'
    messages it learnt from are short, a pasted solution is not."""
    short = rules_analysis("Can you restart the laptop?", "en")
    long = rules_analysis("Can you restart the laptop? " + "It has been slow all day. " * 6, "en")
    assert len(long.text.split()) > acts_model.LONG_WORDS >= len(short.text.split())
    monkeypatch.setattr(acts_model, "MARGIN", 0.5)
    monkeypatch.setattr(acts_model, "REMOVE_MARGIN", 0.5)
    monkeypatch.setattr(acts_model, "LONG_MARGIN", 2.0)
    scores = {"instruction": -1.5, "empathy": 1.5}
    assert acts_model.decide_scores(scores, short) == ["empathy"]
    assert acts_model.decide_scores(scores, long) == ["instruction"]
