"""`helpdesk-exam scenario vary` and `validate --exam`, through the real command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpdesk_tui import cli, paths
from helpdesk_tui.scenario.loader import load_scenario

BASE = paths.scenarios_dir() / "en-northwind-monday"
FIXTURES = Path(__file__).parents[1] / "scenario" / "fixtures"


def test_vary_writes_a_form_that_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "form"
    assert cli.main(["scenario", "vary", str(BASE), "--seed", "5", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"form 5 of en-northwind-monday written to {out}")
    assert " -> " in printed
    assert cli.main(["scenario", "validate", str(out)]) == 0
    assert load_scenario(out).id == "en-northwind-monday"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--seed", "1"], "--seed needs --out DIR"),
        (["--seed", "1", "--check", "2"], "either --seed N --out DIR"),
        ([], "either --seed N --out DIR"),
        (["--seed", "-3", "--out", "x"], "out of range"),
        (["--check", "0"], "from 1 to 50"),
        (["--check", "2", "--policies", "ideal,cheat"], "unknown cheat"),
    ],
)
def test_vary_refuses_wrong_arguments_in_one_line(
    args: list[str], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["scenario", "vary", str(BASE), *args]) == 2
    err = capsys.readouterr().err
    assert says in err
    assert "Traceback" not in err


def test_vary_without_a_variation_file_says_where_it_would_be(
    capsys: pytest.CaptureFixture[str],
) -> None:
    nl = paths.scenarios_dir() / "nl-verhaeghe-dinsdag"
    assert cli.main(["scenario", "vary", str(nl), "--check", "1"]) == 2
    assert "variation.toml: no such file" in capsys.readouterr().err


def test_vary_refuses_a_broken_variation_with_file_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "base"
    shutil.copytree(BASE, folder)
    (folder / "variation.toml").write_text('[[blocks]]\nincidents = ["tom-lockout", "nope"]\n')
    assert (
        cli.main(["scenario", "vary", str(folder), "--seed", "1", "--out", str(tmp_path / "f")])
        == 2
    )
    err = capsys.readouterr().err
    assert "variation.toml: blocks[0].incidents (line 2): unknown incident 'nope'" in err
    assert not (tmp_path / "f").exists()


def test_five_forms_of_the_bundled_scenario_measure_the_same(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The figure of issue 16: `vary --check 5` equal across forms (within the printed tolerance)."""
    assert cli.main(["scenario", "vary", str(BASE), "--check", "5"]) == 0
    printed = capsys.readouterr().out
    assert "the base and 5 forms" in printed
    rows = {
        tuple(line.split()[:2]): line.split()[2:]
        for line in printed.splitlines()
        if line.startswith("  ")
    }
    # The ideal and idle candidates get exactly the same on every form.
    for policy, figure in (("ideal", "breaches"), ("ideal", "favourable"), ("idle", "favourable")):
        values = rows[(policy, figure)][:6]
        assert len(set(values)) == 1, (policy, figure, values)
    assert int(rows[("ideal", "favourable")][0]) >= 21
    assert rows[("idle", "favourable")][0] == "0"
    assert printed.rstrip().endswith("equivalent within a tolerance of 1 per figure")


def test_check_fails_when_forms_differ_beyond_the_tolerance(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Trading the chats' order changes what the naive candidate gets: the check must say so."""
    folder = tmp_path / "base"
    shutil.copytree(BASE, folder)
    (folder / "variation.toml").write_text(
        "[jitter]\nminutes = 2\n"
        '[[blocks]]\nincidents = ["tom-lockout", "doris-mailbox-full", "grace-teams-audio", '
        '"raj-vpn-certificate"]\n'
    )
    code = cli.main(
        ["scenario", "vary", str(folder), "--check", "4", "--policies", "naive", "--tolerance", "0"]
    )
    printed = capsys.readouterr().out
    assert code == 1
    assert "NOT equivalent within a tolerance of 0 per figure" in printed
    assert "  naive: " in printed


def test_validate_exam_counts_customers_per_competency(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["scenario", "validate", "--exam", str(BASE)]) == 2
    out = capsys.readouterr().out
    # Counted by hand from scenarios/en-northwind-monday/scenario.toml: only Helen's call names COM-6.
    assert (
        "error: incidents: COM-6 is observed with 1 customer (helen) — an exam needs at least 3"
        in out
    )
    assert "  ! COM-6    1  helen" in out
    assert "    SOL-2   10  " in out
    assert "1 scenario checked: 6 errors" in out


def test_validate_without_exam_leaves_a_practice_scenario_alone(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["scenario", "validate", str(BASE)]) == 0
    assert "observation opportunities" not in capsys.readouterr().out


def test_a_scenario_of_kind_exam_is_always_checked_as_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "exam"
    shutil.copytree(FIXTURES / "valid", folder)
    toml = folder / "scenario.toml"
    toml.write_text(
        toml.read_text().replace('id = "test-valid"', 'id = "test-valid"\nkind = "exam"', 1)
    )
    code = cli.main(
        ["scenario", "validate", str(folder), "--sla-profiles", str(FIXTURES / "sla_profiles")]
    )
    out = capsys.readouterr().out
    assert code == 2
    # The fixture has two customers: no competency can reach three.
    assert out.count("an exam needs at least 3") == 22


def _form_log(tmp_path: Path, seed: int) -> Path:
    from helpdesk_tui.scenario.variation import ensure_form
    from helpdesk_tui.simulate.runner import run_headless

    base = load_scenario(BASE)
    form = load_scenario(ensure_form(base, seed, tmp_path / "forms"))
    log = tmp_path / f"form{seed}.jsonl"
    run_headless(form, "ideal", out=log)
    return log


def test_a_log_on_a_form_binds_base_and_seed_and_report_rebuilds_the_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from helpdesk_tui.eventlog.binding import folder_sha256

    log = _form_log(tmp_path, 6)
    header = json.loads(log.read_text(encoding="utf-8").splitlines()[0])["data"]
    assert header["form_seed"] == 6
    assert header["form_base_sha256"] == folder_sha256(BASE)
    assert header["scenario_sha256"] != folder_sha256(BASE)
    shutil.rmtree(tmp_path / "forms")  # the assessor has only the base scenario
    out = tmp_path / "report.json"
    assert cli.main(["report", str(log), "--json", str(out), "--quiet"]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert "form 6 of the base scenario" in json.dumps(report)
    assert "UNVERIFIED" not in json.dumps(report)


def test_a_form_log_with_an_edited_base_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = _form_log(tmp_path, 2)
    edited = tmp_path / "edited"
    shutil.copytree(BASE, edited)
    toml = edited / "scenario.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace('impact = "high"', 'impact = "low"', 1)
    )
    code = cli.main(["report", str(log), "--scenario", str(edited), "--json", str(tmp_path / "r")])
    err = capsys.readouterr().err
    assert code != 0
    assert "is not the one the log was sat on" in err
