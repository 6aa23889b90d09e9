"""Parallel forms: what a form changes, what it keeps, and how a wrong variation.toml is reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpdesk_tui import paths
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.scenario.variation import (
    FormError,
    Variation,
    check_variation,
    make_form,
    read_marker,
    structure_differences,
)

BASE = paths.scenarios_dir() / "en-northwind-monday"


@pytest.fixture(scope="module")
def base() -> Scenario:
    return load_scenario(BASE)


@pytest.fixture(scope="module")
def variation(base: Scenario) -> Variation:
    found, problems = check_variation(base.folder, base)
    assert problems == []
    assert found is not None
    return found


def _copy(tmp_path: Path, variation_text: str) -> Scenario:
    folder = tmp_path / "base"
    shutil.copytree(BASE, folder)
    (folder / "variation.toml").write_text(variation_text, encoding="utf-8")
    return load_scenario(folder)


def _texts(folder: Path) -> str:
    files = [folder / "scenario.toml", *sorted((folder / "kb").glob("*.md"))]
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def test_a_form_renames_every_customer_everywhere_and_stays_the_same_exam(
    base: Scenario, variation: Variation, tmp_path: Path
) -> None:
    form_dir = make_form(base, variation, 7, tmp_path / "form").folder
    form = load_scenario(form_dir)
    assert structure_differences(base, form) == []
    text = _texts(form_dir)
    renamed = [c for c in base.customers if form.customer(c.id).name != c.name]
    assert len(renamed) >= 8  # ten customers, three names each: most change
    for customer in renamed:
        assert customer.name not in text
        assert customer.name.split()[0] not in text.split()
    assert "PRB-0312" not in text  # a listed problem number always changes


def test_the_same_seed_gives_the_same_form_and_another_seed_another(
    base: Scenario, variation: Variation, tmp_path: Path
) -> None:
    one = make_form(base, variation, 3, tmp_path / "a").folder
    again = make_form(base, variation, 3, tmp_path / "b").folder
    other = make_form(base, variation, 4, tmp_path / "c").folder
    assert _texts(one) == _texts(again)
    assert _texts(one) != _texts(other)


def test_a_block_trades_arrival_slots_and_jitter_stays_within_its_bound(
    base: Scenario, tmp_path: Path
) -> None:
    varied = _copy(
        tmp_path,
        '[jitter]\nminutes = 0.5\n[jitter.incidents]\n"priya-phishing" = 0\n'
        '[[blocks]]\nincidents = ["tom-lockout", "grace-teams-audio", "raj-vpn-certificate"]\n',
    )
    variation, problems = check_variation(varied.folder, varied)
    assert problems == [] and variation is not None
    orders = set()
    for seed in range(8):
        form = load_scenario(make_form(varied, variation, seed, tmp_path / f"f{seed}").folder)
        at = {i.id: i.at_s / 60 for i in form.incidents}
        block = ("tom-lockout", "grace-teams-audio", "raj-vpn-certificate")
        # Slots 1.5, 7 and 11, each moved by at most 0.5 minutes.
        for got, slot in zip(sorted(at[i] for i in block), (1.5, 7, 11), strict=True):
            assert abs(got - slot) <= 0.5 + 1e-9
        orders.add(tuple(sorted(block, key=at.__getitem__)))
        assert abs(at["doris-mailbox-full"] - 3) <= 0.5 + 1e-9
        assert at["priya-phishing"] == 19  # its own bound is 0
        assert at["boardroom-wifi"] == 0  # queue tickets never move
    assert len(orders) > 1


def test_replacements_never_chain(base: Scenario, tmp_path: Path) -> None:
    varied = _copy(
        tmp_path,
        '[[tokens]]\ntext = "PRB-0312"\nvariants = ["PRB-0999"]\n'
        '[[tokens]]\ntext = "PRB-0999"\nvariants = ["PRB-1111"]\n',
    )
    (varied.folder / "kb" / "zz-note.md").write_text(
        "---\nid: kb-zz-note\ntitle: Note\ntags: [x]\nlanguage: en\n---\nSee PRB-0999.\n",
        encoding="utf-8",
    )
    varied = load_scenario(varied.folder)
    variation, _ = check_variation(varied.folder, varied)
    assert variation is not None
    form = make_form(varied, variation, 1, tmp_path / "f").folder
    text = _texts(form)
    assert "PRB-0999" in text and "PRB-1111" in text and "PRB-0312" not in text


def test_a_listed_text_that_is_also_an_id_is_refused_by_name(
    base: Scenario, tmp_path: Path
) -> None:
    varied = _copy(tmp_path, '[[tokens]]\ntext = "tom-lockout"\nvariants = ["other-case"]\n')
    variation, _ = check_variation(varied.folder, varied)
    assert variation is not None
    with pytest.raises(FormError, match=r"variation\.toml: form 2 .*list only texts people read"):
        make_form(varied, variation, 2, tmp_path / "f")


def test_the_form_marker_names_base_and_seed(
    base: Scenario, variation: Variation, tmp_path: Path
) -> None:
    form = make_form(base, variation, 11, tmp_path / "f")
    marker = read_marker(form.folder)
    assert marker is not None
    assert (marker.base_id, marker.seed) == ("en-northwind-monday", 11)
    assert len(marker.base_sha256) == 64
    assert read_marker(BASE) is None
    (form.folder / "form.toml").write_text("seed = 'x'\n", encoding="utf-8")
    assert read_marker(form.folder) is None


def test_writing_into_a_folder_that_is_not_empty_is_refused(
    base: Scenario, variation: Variation, tmp_path: Path
) -> None:
    (tmp_path / "f").mkdir()
    (tmp_path / "f" / "x").write_text("mine", encoding="utf-8")
    with pytest.raises(FormError, match="not empty"):
        make_form(base, variation, 1, tmp_path / "f")
    assert (tmp_path / "f" / "x").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    ("text", "field", "says"),
    [
        (
            '[[blocks]]\nincidents = ["tom-lockout", "nope"]\n',
            "blocks[0].incidents",
            "unknown incident 'nope'",
        ),
        (
            '[[blocks]]\nincidents = ["boardroom-wifi", "tom-lockout"]\n',
            "blocks[0].incidents",
            "queue ticket",
        ),
        ('[[blocks]]\nincidents = ["tom-lockout"]\n', "blocks[0].incidents", "at least 2"),
        (
            '[[blocks]]\nincidents = ["tom-lockout", "raj-vpn-certificate"]\n'
            '[[blocks]]\nincidents = ["tom-lockout", "grace-teams-audio"]\n',
            "blocks[1].incidents",
            "already in blocks[0]",
        ),
        ("[jitter]\nminutes = 99\n", "jitter.minutes", "at most 15"),
        ('[jitter]\nminutes = "1"\n', "jitter.minutes", "must be a number"),
        ('[jitter.incidents]\n"nope" = 1\n', "jitter.incidents.nope", "unknown incident"),
        (
            '[[customers]]\nid = "zed"\nnames = ["A B"]\n',
            'customers[0] (id "zed").id',
            "unknown customer",
        ),
        ('[[customers]]\nid = "tom"\nnames = []\n', 'customers[0] (id "tom").names', "at least 1"),
        (
            '[[tokens]]\ntext = "PRB-0312"\nvariants = [1]\n',
            "tokens[0].variants",
            "list of non-empty texts",
        ),
        ("format = 2\n", "format", "only format = 1"),
        ("[[tokens]\n", "", "TOML"),
    ],
)
def test_a_wrong_variation_names_the_file_the_field_and_the_fix(
    tmp_path: Path, text: str, field: str, says: str
) -> None:
    varied = _copy(tmp_path, text)
    variation, problems = check_variation(varied.folder, varied)
    errors = [p for p in problems if p.is_error]
    assert variation is None
    assert errors, problems
    assert errors[0].file == varied.folder / "variation.toml"
    assert errors[0].field_path == field
    assert says in errors[0].message
    assert errors[0].line is not None


def test_a_listed_text_that_occurs_nowhere_is_a_warning(tmp_path: Path) -> None:
    varied = _copy(tmp_path, '[[tokens]]\ntext = "PRB-9999"\nvariants = ["PRB-1"]\nextra = 1\n')
    variation, problems = check_variation(varied.folder, varied)
    assert variation is not None
    messages = [(p.severity, p.field_path, p.message) for p in problems]
    assert any(s == "warning" and "occurs nowhere" in m for s, _, m in messages)
    assert any(s == "warning" and "unknown field 'extra'" in m for s, _, m in messages)


def test_no_variation_file_means_no_variation(base: Scenario) -> None:
    nl = load_scenario(paths.scenarios_dir() / "nl-verhaeghe-dinsdag")
    assert check_variation(nl.folder, nl) == (None, [])
