"""The labelled corpus of candidate messages is well formed and large enough.

The corpus is the ground truth for the language layer's benchmark (issue 12), so a
malformed line or an act outside the vocabulary must fail here, not skew a figure.
The expected values below come from the issue text, not from the code under test.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"
LANGUAGES = ("nl", "fr", "en")
VOCABULARY = frozenset(
    {
        "greeting",
        "offer_help",
        "identify",
        "question",
        "restate",
        "empathy",
        "apology",
        "progress",
        "instruction",
        "check",
        "closing",
        "hold",
    }
)
KEYS = frozenset({"text", "acts", "negated", "note"})
MIN_MESSAGES = 200
MIN_POSITIVES_PER_ACT = 20

# The cases listed under "Why" in issue 12, with the labels the issue gives them.
ISSUE_12_CASES = {
    "en": {
        "Do not restart it.": ((), True),
        "Hi Tom": (("greeting",), False),
    },
    "fr": {
        "Ne pas se déconnecter !": ((), True),
        "Comment vous appelez-vous ?": (("identify",), False),
        "Ça va mieux ?": (("check",), False),
        "Que puis-je faire pour vous ?": (("offer_help",), False),
        "Voyez-vous un message d'erreur": (("question",), False),
        "Je ne comprends pas, pouvez-vous parler moins vite ?": (("question",), False),
        "Pardon pour l'attente.": (("apology",), False),
        "Je vous entends, c'est très frustrant.": (("empathy",), False),
    },
    "nl": {
        "Niet opnieuw opstarten, wel de kabel uittrekken.": (("instruction",), True),
    },
}


def load_lines(path: Path) -> list[dict]:
    """Every line of a labelled jsonl file, parsed; a bad line fails with its number."""
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as error:
            pytest.fail(f"{path.parent.name}/{path.name}:{number}: not JSON: {error}")
    return records


def load(lang: str) -> list[dict]:
    """Every line of one language's corpus, parsed."""
    return load_lines(CORPUS / f"{lang}.jsonl")


def assert_line_format(record: object, where: str) -> None:
    """One labelled line has the corpus format (shared with the held-out sets' format tests)."""
    assert isinstance(record, dict), where
    assert {"text", "acts", "negated"} <= record.keys() <= KEYS, where
    assert isinstance(record["text"], str) and record["text"].strip(), where
    assert isinstance(record["acts"], list), where
    assert set(record["acts"]) <= VOCABULARY, f"{where}: {record['acts']}"
    assert len(set(record["acts"])) == len(record["acts"]), f"{where}: repeated act"
    assert isinstance(record["negated"], bool), where
    assert isinstance(record.get("note", ""), str), where


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_line_has_the_format(lang: str) -> None:
    for number, record in enumerate(load(lang), 1):
        assert_line_format(record, f"{lang}.jsonl:{number}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_size_and_coverage(lang: str) -> None:
    records = load(lang)
    assert len(records) >= MIN_MESSAGES
    texts = [record["text"] for record in records]
    assert len(set(texts)) == len(texts), "a message is listed twice"
    positives = Counter(act for record in records for act in record["acts"])
    thin = {act: positives[act] for act in VOCABULARY if positives[act] < MIN_POSITIVES_PER_ACT}
    assert not thin, f"acts with too few examples: {thin}"
    assert sum(not record["acts"] for record in records) >= 10, "too few messages with no act"
    assert sum(record["negated"] for record in records) >= 10, "too few negated instructions"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_issue_12_cases_are_present_with_their_labels(lang: str) -> None:
    by_text = {record["text"]: record for record in load(lang)}
    for text, (acts, negated) in ISSUE_12_CASES[lang].items():
        assert text in by_text, f"missing issue 12 case: {text!r}"
        assert sorted(by_text[text]["acts"]) == sorted(acts), text
        assert by_text[text]["negated"] is negated, text
