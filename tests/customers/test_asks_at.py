"""`in_context.acts_at` and `asks_at` are `read_at`'s acts without the restatement reading (the
procedure steps' and COM-2's cost on a long exam): they must agree with `read_at` on every operator turn of the labelled conversations, at
every place (with nothing proposed or something proposed, first message or not)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpdesk_tui.customers.in_context import Place, acts_at, asks_at, read_at

SETS = Path(__file__).resolve().parents[1] / "language"


def turns(lang: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each operator turn of context1 with what the customer said before it."""
    out = []
    for line in (SETS / "context1" / f"{lang}.jsonl").read_text("utf-8").splitlines():
        said: list[str] = []
        for turn in json.loads(line)["turns"]:
            if turn["by"] == "customer":
                said.append(turn["text"])
            else:
                out.append((turn["text"], tuple(said)))
    return out


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_asks_at_is_read_ats_question(lang: str) -> None:
    checked = asked = 0
    for text, said in turns(lang)[:200]:
        for proposed in (False, True):
            for spoke in (False, True):
                place = Place(proposed, said, spoke)
                read = read_at(text, lang, place).acts
                want = "question" in read
                assert asks_at(text, lang, proposed, spoke, said) is want, (text, place)
                assert acts_at(text, lang, proposed, spoke, said) == read - {"restate", "closing"}
                checked += 1
                asked += want
    assert checked == 800 and asked > 50  # the sample holds questions, so the check can fail
