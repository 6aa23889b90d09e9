"""The 22 competency ids and their names in three languages."""

from __future__ import annotations

import pytest

from helpdesk_tui.scenario.competencies import (
    COMPETENCIES,
    COMPETENCY_IDS,
    GROUPS,
    competency,
    short_name,
)


def test_the_22_ids_in_the_standards_order() -> None:
    expected = (
        [f"SIM-{i}" for i in range(1, 4)]
        + [f"DATA-{i}" for i in range(1, 6)]
        + [f"COM-{i}" for i in range(1, 7)]
        + [f"SOL-{i}" for i in range(1, 9)]
    )
    assert list(COMPETENCY_IDS) == expected
    assert len(set(COMPETENCY_IDS)) == 22


def test_each_belongs_to_its_group_and_has_three_names() -> None:
    groups = {g.id for g in GROUPS}
    for c in COMPETENCIES:
        assert c.group == c.id.split("-")[0] and c.group in groups
        assert all(name.strip() for name in (c.en, c.nl, c.fr))
        assert len({c.en, c.nl, c.fr}) == 3, c.id


def test_names_by_language() -> None:
    assert short_name("DATA-3") == "transfers a ticket"
    assert short_name("DATA-3", "nl") == "transfereert een ticket"
    assert short_name("DATA-3", "fr") == "transfère un ticket"
    assert short_name("COM-6", "de") == "calms the customer"  # English otherwise
    assert competency("SOL").name("nl").startswith("vragen probleemoplossingsgericht")


def test_an_unknown_id() -> None:
    with pytest.raises(KeyError, match="SOL-9"):
        competency("SOL-9")
