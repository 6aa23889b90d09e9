"""The `worded` policies' phrase banks have every purpose, enough variety and the right slots.

The purposes and their slots are the ones issue 13 lists; a template with a missing or
stray slot would fail at `str.format` in the middle of a simulation, so it fails here.
All banks: `phrases/` (`worded`), the second writer's `phrases_b/` (`worded-b`), the
third writer's `phrases_c/` (`worded-c`), the fourth writer's `phrases_d/` (`worded-d`), the
fifth writer's `phrases_e/` (`worded-e`), the sixth writer's `phrases_f/` (`worded-f`), the
seventh writer's `phrases_g/` (`worded-g`), the eighth writer's `phrases_h/` (`worded-h`), the
ninth writer's `phrases_i/` (`worded-i`), the tenth writer's `phrases_j/` (`worded-j`), the
eleventh writer's `phrases_k/` (`worded-k`), the twelfth writer's `phrases_l/` (`worded-l`) and
the thirteenth writer's `phrases_m/` (`worded-m`), the fourteenth writer's `phrases_n/`
(`worded-n`), the fifteenth writer's `phrases_o/` (`worded-o`) and the sixteenth writer's
`phrases_p/` (`worded-p`).

A bank whose operator follows a company script (`phrases_n/`) lists the scripted purposes in a
`[script]` table (`purposes = [...]`): each of those has one or two templates, the company's
fixed lines said word for word to every customer, and `worded.bank()` ignores the table (it
keeps lists only). Every other purpose, in every bank, has at least `MIN_TEMPLATES`.
"""

from __future__ import annotations

import string
import tomllib
from pathlib import Path

import pytest

import helpdesk_tui

SIMULATE = Path(helpdesk_tui.__file__).parent / "simulate"
BANKS = (
    "phrases", "phrases_b", "phrases_c", "phrases_d", "phrases_e", "phrases_f", "phrases_g",
    "phrases_h", "phrases_i", "phrases_j", "phrases_k", "phrases_l", "phrases_m",
    "phrases_n", "phrases_o", "phrases_p",
)  # fmt: skip
SLOTS = {
    "greeting_by_name": {"name"},
    "offer_help": set(),
    "identify": set(),
    "clarifying_question": {"topic"},
    "restate": {"summary"},
    "empathy": set(),
    "apology": set(),
    "progress": {"action", "next"},
    "instruction": {"step"},
    "check": set(),
    "closing": set(),
    "hold": set(),
    "relay_second_line": {"answer"},
}
MIN_TEMPLATES = 8
SCRIPT_TEMPLATES = range(1, 3)
"""How many templates a scripted purpose has: a company script's one or two fixed lines."""


def slots_of(template: str) -> set[str]:
    """The named fields `str.format` would fill in the template."""
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


@pytest.mark.parametrize("folder", BANKS)
@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_phrase_bank(lang: str, folder: str) -> None:
    bank = tomllib.loads((SIMULATE / folder / f"{lang}.toml").read_text(encoding="utf-8"))
    assert bank.pop("language") == lang
    scripted = set(bank.pop("script", {"purposes": []})["purposes"])
    assert scripted <= set(SLOTS), scripted - set(SLOTS)
    assert set(bank) == set(SLOTS)
    for purpose, templates in bank.items():
        if purpose in scripted:
            assert len(templates) in SCRIPT_TEMPLATES, purpose
        else:
            assert len(templates) >= MIN_TEMPLATES, purpose
        assert len(set(templates)) == len(templates), f"{purpose}: a template twice"
        for template in templates:
            assert slots_of(template) == SLOTS[purpose], f"{purpose}: {template!r}"
            filled = template.format(**{slot: "X" for slot in SLOTS[purpose]})
            assert "{" not in filled and "}" not in filled, template
